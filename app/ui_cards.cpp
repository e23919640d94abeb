// Phase 3 — Verdiepend gesprek: the team picks a partner on the map; its deck of reflection
// cards opens beside the map, in the method's three groups. The note-taker writes per card.
// Ids: card.<id> (opens the card and focuses its note field card.<id>.note), card.prev,
// card.next (the cards in method order), card.all (back to the grid), card.close.
//
// Sections: the panel and its header · the grid · an open card.
#include <imgui.h>

#include <algorithm>

#include "ui_cards.hpp"
#include "method.hpp"
#include "side_panel.hpp"
#include "text_block.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImU32 kDone = IM_COL32(30, 110, 60, 255);  // the done-check (5.9:1 on the panel)
const char* const kCheck = "\xE2\x9C\x93";            // ✓
const char* const kOpenCircle = "\xE2\x97\x8B";       // ○

bool group_done(const Document& d, Id pid, int phase) {
    for (const method::Card& c : method::kCards)
        if (c.phase == phase && d.note(pid, c.id)) return true;
    return false;
}

int card_index(const std::string& id) {
    for (size_t i = 0; i < method::kCards.size(); ++i)
        if (method::kCards[i].id == id) return int(i);
    return -1;
}
}  // namespace

// ─── The panel and its header ─────────────────────────────────────────────────────────

void Cards::draw(const Frame& f, Shell& shell) {
    if (!partner_) return;
    const Partner* p = f.doc.partner(partner_);
    if (!p) {
        partner_ = 0;
        return;
    }
    if (!card_.empty() && !method::card(card_)) card_.clear();
    const float x0 = float(f.width) * 0.5f, top = 150 * f.k;
    place_side_panel(f, x0, top, 150 * f.k);
    ImGui::Begin("##deck", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;
    const float close_w = 130 * f.k;
    ImGui::PushFont(f.fonts.title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - close_w - 20 * f.k);
    ImGui::TextUnformatted(p->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(w - close_w + ImGui::GetStyle().WindowPadding.x);
    if (ImGui::Button((f.strings.get("cards.close") + "##card.close").c_str(), ImVec2(close_w, 56 * f.k))) {
        partner_ = 0;
        card_.clear();
    }
    shell.layout().control("card.close", item_rect());
    if (partner_ && !card_.empty()) draw_card_nav(f, shell, w);
    // Below the header the deck's body scrolls (a finger drag scrolls it); the header stays.
    ImGui::BeginChild("##deckbody", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    if (partner_) {
        if (card_.empty()) draw_grid(f, shell, ImGui::GetContentRegionAvail().x);
        else draw_card(f, shell, ImGui::GetContentRegionAvail().x);
    }
    ImGui::EndChild();
    shell.layout().panel("deck", window_rect());
    ImGui::End();
}

// ─── The grid ─────────────────────────────────────────────────────────────────────────

void Cards::draw_grid(const Frame& f, Shell& shell, float w) {
    const Document& d = f.doc;
    const Id pid = partner_;
    // The method's rule (one card of each group) and its hint, as text the room can read.
    text_block(shell.layout(), "cards.rule", f.strings.get("cards.rule"), w, colour::kInk);
    text_block(shell.layout(), "cards.hint", f.strings.get("cards.hint"), w, colour::kInkSoft);

    // Three equal columns of tiles as high as the longest title needs (titles wrap, never
    // cut): a fixed grid never reflows under a finger.
    const ImGuiStyle& st = ImGui::GetStyle();
    const int columns = 3;
    const float bw = (w - st.ItemSpacing.x * (columns - 1)) / columns;
    const float pad = 6 * f.k, check_w = ImGui::CalcTextSize(kCheck).x + 8 * f.k;
    const float wrap = bw - 2 * pad - check_w;
    // Each row of tiles as high as its own longest title needs.
    auto row_height = [&](int phase, int row) {
        float title_h = 0;
        int i = 0;
        for (const method::Card& c : method::kCards)
            if (c.phase == phase && i++ / columns == row)
                title_h = std::max(title_h, ImGui::CalcTextSize(f.strings.get("card." + std::string(c.id) + ".title").c_str(),
                                                                nullptr, false, wrap).y);
        return std::max(64 * f.k, title_h + 2 * pad);
    };

    for (int phase = 1; phase <= method::kCardPhases; ++phase) {
        const bool done = group_done(d, pid, phase);
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextColored(ImColor(done ? kDone : colour::kInk), "%s %s", done ? kCheck : kOpenCircle,
                           f.strings.get("cards.phase" + std::to_string(phase) + ".title").c_str());
        ImGui::PopFont();
        int column = 0;
        for (const method::Card& c : method::kCards) {
            if (c.phase != phase) continue;
            const std::string id = "card." + std::string(c.id);
            const std::string title = f.strings.get(id + ".title");
            const bool has = d.note(pid, c.id) != nullptr;
            const float th = row_height(phase, column / columns);
            if (column++ % columns) ImGui::SameLine();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const bool pressed = ImGui::Button(("##" + id).c_str(), ImVec2(bw, th));
            shell.layout().control(id, item_rect());
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float h = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap).y;
            const ImVec2 text_at(at.x + pad + check_w, at.y + (th - h) / 2);
            if (has) dl->AddText(ImVec2(at.x + pad, text_at.y), kDone, kCheck);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_at, colour::kInk, title.c_str(), nullptr, wrap);
            shell.layout().text(id + ".title", {text_at, ImVec2(text_at.x + wrap, text_at.y + h)}, ImGui::GetFontSize());
            if (pressed) {
                card_ = std::string(c.id);
                shell.focus_field(id + ".note");
            }
        }
    }
}

// ─── An open card ─────────────────────────────────────────────────────────────────────

void Cards::draw_card_nav(const Frame& f, Shell& shell, float w) {
    const Document& d = f.doc;
    const ImGuiStyle& st = ImGui::GetStyle();
    const int at = card_index(card_), n = int(method::kCards.size());
    const float bh = 56 * f.k, bw = 170 * f.k;
    auto go = [&](int to) {
        if (to < 0 || to >= n) return;
        card_ = std::string(method::kCards[size_t(to)].id);
    };
    ImGui::BeginDisabled(at <= 0);
    if (ImGui::Button(("\xE2\x80\xB9 " + f.strings.get("cards.prev") + "##card.prev").c_str(), ImVec2(bw, bh))) go(at - 1);
    ImGui::EndDisabled();
    shell.layout().control("card.prev", item_rect());
    ImGui::SameLine();
    ImGui::BeginDisabled(at >= n - 1);
    if (ImGui::Button((f.strings.get("cards.next") + " \xE2\x80\xBA##card.next").c_str(), ImVec2(bw, bh))) go(at + 1);
    ImGui::EndDisabled();
    shell.layout().control("card.next", item_rect());
    ImGui::SameLine();
    const float all_w = w - 2 * (bw + st.ItemSpacing.x);
    if (ImGui::Button((f.strings.get("cards.all") + "##card.all").c_str(), ImVec2(all_w, bh))) card_.clear();
    shell.layout().control("card.all", item_rect());
    // The 13 cards as numbered chips, a gap between the groups; done ones carry a check.
    const float gap = 14 * f.k;
    const float cw = (w - st.ItemSpacing.x * float(n - 1) - gap * (method::kCardPhases - 1)) / float(n);
    int prev_phase = 0;
    for (int i = 0; i < n; ++i) {
        const method::Card& c = method::kCards[size_t(i)];
        const std::string id = "card." + std::string(c.id);
        if (i > 0) ImGui::SameLine(0, st.ItemSpacing.x + (c.phase != prev_phase ? gap : 0));
        prev_phase = c.phase;
        const bool open = card_ == c.id, has = d.note(partner_, c.id) != nullptr;
        if (open) push_primary_button();
        const std::string label = std::to_string(i + 1) + (has ? kCheck : "");
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(cw, bh));
        if (open) pop_primary_button();
        shell.layout().control(id, item_rect());
        if (pressed) {
            card_ = std::string(c.id);
            shell.focus_field(id + ".note");
        }
    }
    ImGui::Spacing();
}

void Cards::draw_card(const Frame& f, Shell& shell, float w) {
    const Document& d = f.doc;
    const method::Card* c = method::card(card_);
    if (!c) return;
    const std::string id = "card." + card_;
    const int at = card_index(card_);
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       f.strings.format("cards.count", {std::to_string(at + 1), std::to_string(method::kCards.size()),
                                                        f.strings.get("cards.phase" + std::to_string(c->phase) + ".title")})
                           .c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.title);
    text_block(shell.layout(), id + ".title", f.strings.get(id + ".title"), w, colour::kInk);
    ImGui::PopFont();
    // The questions, one a line as bullets, in the reading font.
    ImGui::PushFont(f.fonts.read);
    ImGui::SetWindowFontScale(0.83f);  // 28 px at 1080 high: the method's longest card fits
    TextBlockRecorder questions;
    questions.begin(w);
    const std::string prompts = f.strings.get(id + ".prompts");
    const float bullet_w = ImGui::CalcTextSize("\xE2\x80\xA2 ").x;
    for (size_t from = 0; from <= prompts.size();) {
        size_t to = prompts.find('\n', from);
        if (to == std::string::npos) to = prompts.size();
        const std::string line = prompts.substr(from, to - from);
        from = to + 1;
        if (line.empty()) continue;
        ImGui::TextColored(ImColor(colour::kAccent), "\xE2\x80\xA2");
        ImGui::SameLine(0, 0);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + bullet_w - ImGui::CalcTextSize("\xE2\x80\xA2").x);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - bullet_w);
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
    }
    questions.end(shell.layout(), id + ".prompts");
    ImGui::Spacing();
    // The note, wrapped and whole, in the reading font too: the room reads along.
    const CardNote* n = d.note(partner_, card_);
    const Id pid = partner_;
    const std::string card = card_;
    shell.text_field(id + ".note", n ? n->text : std::string(), w, true,
                     [pid, card](const std::string& t) -> Action { return act::SetCardNote{pid, card, t}; },
                     f.strings.get("cards.note_hint").c_str());
    ImGui::SetWindowFontScale(1);
    ImGui::PopFont();
}

}  // namespace nk::app
