// Phase 4 — Terug- en vooruitblik: the closing questions with a place for the answers,
// facts the map already shows as prompts, missing partners as dashed post-its, and the
// action list. Ids: closing.<id> (opens the question and focuses its answer field
// closing.<id>.answer), closing.all (back to the list), missing.add, action.add,
// action.N.what, action.N.who, action.N.due, action.N.remove.
//
// Sections: the panel (facts, questions, actions) · the list · an open question.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "ui_closing.hpp"
#include "geometry.hpp"
#include "method.hpp"
#include "patterns.hpp"
#include "side_panel.hpp"
#include "text_block.hpp"
#include "theme.hpp"

namespace nk::app {
void Closing::draw(const Frame& f, Shell& shell) {
        const Document& d = f.doc;
    const float x0 = float(f.width) * 0.5f, top = 150 * f.k;
    place_side_panel(f, x0, top, 150 * f.k);
    ImGui::Begin("##closing", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;

    // What the map already says, as prompts.
    std::vector<std::string> facts;
    std::map<Category, int> per_category;
    for (const Partner& p : d.partners)
        if (p.face_up && !p.missing) ++per_category[p.category];
    std::string empty;
    for (int c = 0; c < kKindCount; ++c)  // the named kinds: "not sorted yet" is none
        if (!per_category.count(Category(c)))
            empty += (empty.empty() ? "" : ", ") + f.strings.get("category." + std::string(category_id(Category(c))));
    if (!empty.empty()) facts.push_back(f.strings.format("closing.facts.empty_category", {empty}));
    if (const auto it = per_category.find(Category::Ongesorteerd); it != per_category.end())
        facts.push_back(f.strings.format("closing.facts.unsorted", {std::to_string(it->second)}));
    const PatternsTable table = patterns(d);
    if (!d.priorities.empty() && !table.not_prioritised.empty()) {
        std::string names;
        for (size_t i = 0; i < table.not_prioritised.size() && i < 6; ++i)
            if (const Partner* p = d.partner(table.not_prioritised[i])) names += (names.empty() ? "" : ", ") + p->text;
        if (table.not_prioritised.size() > 6) names += ", \xE2\x80\xA6";
        facts.push_back(f.strings.format("closing.facts.unprioritised", {names}));
    }
    for (int ring = 1; ring <= 4; ++ring) {
        int total = 0;
        std::map<Category, int> cats;
        for (const Partner& p : d.partners)
            if (p.face_up && !p.missing && p.ring == ring) ++total, ++cats[p.category];
        for (const auto& [cat, n] : cats)
            if (total >= 4 && n * 2 > total && is_sorted(cat))
                facts.push_back(f.strings.format("closing.facts.crowded",
                                                {std::to_string(n), std::to_string(total), f.strings.get("board.ring." + std::to_string(ring)),
                                                 f.strings.get("category." + std::string(category_id(cat)))}));
    }
    if (!facts.empty()) {
        ImGui::PushFont(f.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        for (const std::string& fact : facts) ImGui::TextColored(ImColor(colour::kAccent), "\xE2\x80\xA2 %s", fact.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }

    if (method::is_closing_question(open_)) draw_open(f, shell, w);
    else draw_list(f, shell, w);

    ImGui::Spacing();
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("actions.title").c_str());
    ImGui::PopFont();
    const float cw = (w - 2 * ImGui::GetStyle().ItemSpacing.x - 60 * f.k) / 4;
    for (const ActionItem& it : d.actions) {
        const std::string n = "action." + std::to_string(it.id);
        const ActionItem copy = it;
        shell.text_field(n + ".what", it.what, cw * 2, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, t, copy.who, copy.due}; },
                   f.strings.get("actions.what").c_str());
        ImGui::SameLine();
        shell.text_field(n + ".who", it.who, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, t, copy.due}; },
                   f.strings.get("actions.who").c_str());
        ImGui::SameLine();
        shell.text_field(n + ".due", it.due, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, copy.who, t}; },
                   f.strings.get("actions.due").c_str());
        ImGui::SameLine();
        if (ImGui::Button(("\xC3\x97##" + n + ".remove").c_str(), ImVec2(50 * f.k, 0)))
            shell.dispatch(act::RemoveActionItem{it.id});
        shell.layout().control(n + ".remove", item_rect());
    }
    if (ImGui::Button(("+ " + f.strings.get("actions.add") + "##action.add").c_str(), ImVec2(0, 56 * f.k))) {
        // The new item's id is the next one now: its first field takes the focus.
        shell.focus_field("action." + std::to_string(d.next_action_id()) + ".what");
        shell.dispatch(act::AddActionItem{});
    }
    shell.layout().control("action.add", item_rect());
    shell.layout().panel("closing", window_rect());
    ImGui::End();
}

// ─── The list ─────────────────────────────────────────────────────────────────────────

void Closing::draw_list(const Frame& f, Shell& shell, float w) {
    // Each question whole, as a tile: its number, its text, and its sub-questions as text
    // (never a placeholder that goes when typing starts); a check once answered. A tap
    // opens it large and puts the cursor in its answer.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float pad = 12 * f.k;
    const float num_w = ImGui::CalcTextSize("7 \xE2\x9C\x93").x + 2 * pad;
    const float wrap = w - num_w - pad;
    int number = 0;
    for (std::string_view q : method::kClosingQuestions) {
        ++number;
        const std::string id = "closing." + std::string(q);
        const std::string question = f.strings.get(id + ".question"), hint = f.strings.get(id + ".hint");
        ImGui::PushFont(f.fonts.bold);
        const float qh = ImGui::CalcTextSize(question.c_str(), nullptr, false, wrap).y;
        ImGui::PopFont();
        const float hh = ImGui::CalcTextSize(hint.c_str(), nullptr, false, wrap).y;
        const float th = std::max(64 * f.k, qh + hh + 2 * pad + st.ItemSpacing.y);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool pressed = ImGui::Button(("##" + id).c_str(), ImVec2(w, th));
        shell.layout().control(id, item_rect());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const std::string label = std::to_string(number) + (f.doc.answer(q) ? " \xE2\x9C\x93" : "");
        ImGui::PushFont(f.fonts.bold);
        dl->AddText(ImVec2(at.x + pad, at.y + pad), colour::kAccent, label.c_str());
        const ImVec2 q_at(at.x + num_w, at.y + pad);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), q_at, colour::kInk, question.c_str(), nullptr, wrap);
        shell.layout().text(id + ".question", {q_at, ImVec2(q_at.x + wrap, q_at.y + qh)}, ImGui::GetFontSize());
        ImGui::PopFont();
        const ImVec2 h_at(q_at.x, q_at.y + qh + st.ItemSpacing.y);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), h_at, colour::kInkSoft, hint.c_str(), nullptr, wrap);
        shell.layout().text(id + ".hint", {h_at, ImVec2(h_at.x + wrap, h_at.y + hh)}, ImGui::GetFontSize());
        if (pressed) {
            open_ = std::string(q);
            shell.focus_field(id + ".answer");
        }
    }
}

// ─── An open question ─────────────────────────────────────────────────────────────────

void Closing::draw_open(const Frame& f, Shell& shell, float w) {
    const Document& d = f.doc;
    // The seven as numbered chips (the open one marked), and the way back to the list.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float bh = 56 * f.k, all_w = 220 * f.k;
    const int n = int(method::kClosingQuestions.size());
    const float cw = (w - all_w - st.ItemSpacing.x * float(n)) / float(n);
    int number = 0, open_number = 0;
    for (std::string_view q : method::kClosingQuestions) {
        const std::string id = "closing." + std::string(q);
        const std::string label = std::to_string(++number) + (d.answer(q) ? " \xE2\x9C\x93" : "");
        const bool open = open_ == q;
        if (open) open_number = number;
        if (number > 1) ImGui::SameLine();
        if (open) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(cw, bh));
        if (open) pop_primary_button();
        shell.layout().control(id, item_rect());
        if (pressed) {
            open_ = std::string(q);
            shell.focus_field(id + ".answer");
        }
    }
    ImGui::SameLine();
    if (ImGui::Button((f.strings.get("closing.all") + "##closing.all").c_str(), ImVec2(all_w, bh))) {
        open_.clear();
        return;
    }
    shell.layout().control("closing.all", item_rect());

    // The question large, its sub-questions as text, the answer wrapped below, all in the
    // reading font: the room reads along.
    const std::string id = "closing." + open_;
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       f.strings.format("closing.count", {std::to_string(open_number), std::to_string(n)}).c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.read);
    ImGui::SetWindowFontScale(0.83f);  // 28 px at 1080 high: the method's longest card fits
    text_block(shell.layout(), id + ".question", f.strings.get(id + ".question"), w, colour::kInk);
    text_block(shell.layout(), id + ".hint", f.strings.get(id + ".hint"), w, colour::kInkSoft);
    const ClosingAnswer* a = d.answer(open_);
    const std::string qid = open_;
    shell.text_field(id + ".answer", a ? a->text : std::string(), w, true,
                     [qid](const std::string& t) -> Action { return act::SetClosingAnswer{qid, t}; },
                     f.strings.get("closing.answer_hint").c_str());
    ImGui::SetWindowFontScale(1);
    ImGui::PopFont();
    if (open_ == "ontbrekend") {
        if (ImGui::Button(("+ " + f.strings.get("missing.add") + "##missing.add").c_str(), ImVec2(0, 56 * f.k))) {
            // A dashed "ontbrekend" post-it in the left lane, typed like any other.
            shell.edit_note({0, geo::free_lane_slot(d, Side::Left), 0, true}, {});
        }
        shell.layout().control("missing.add", item_rect());
    }
}

}  // namespace nk::app
