// Phase 3 — Verdiepend gesprek: the team picks a partner on the map; its deck of reflection
// cards opens beside the map, in the method's three groups. The note-taker writes per card.
// Ids: card.<id> (opens the card and focuses its note field card.<id>.note), card.close.
#include <imgui.h>

#include "ui_cards.hpp"
#include "method.hpp"
#include "side_panel.hpp"
#include "theme.hpp"

namespace nk::app {
void Cards::draw(const Frame& f, Shell& shell) {
    if (!partner_) return;
        const Document& d = f.doc;
    const Partner* p = d.partner(partner_);
    if (!p) {
        partner_ = 0;
        return;
    }
    const Id pid = p->id;
    const float x0 = float(f.width) * 0.55f, top = 150 * f.k;
    place_side_panel(f, x0, top, 150 * f.k);
    ImGui::Begin("##deck", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(f.fonts.title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 140 * f.k);
    ImGui::TextUnformatted(p->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(w - 120 * f.k);
    if (ImGui::Button((f.strings.get("cards.close") + "##card.close").c_str(), ImVec2(130 * f.k, 56 * f.k))) {
        partner_ = 0;
        card_.clear();
    }
    shell.layout().control("card.close", item_rect());
    // Below the partner's name, the cards scroll; the name and Close stay in view.
    ImGui::BeginChild("##deckbody", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    // Progress against the method's rule: at least one card from each group.
    ImGui::PushFont(f.fonts.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("cards.rule").c_str());
    ImGui::PopFont();
    for (int phase = 1; phase <= method::kCardPhases; ++phase) {
        ImGui::Spacing();
        bool done = false;
        for (const method::Card& c : method::kCards)
            if (c.phase == phase && d.note(pid, c.id)) done = true;
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextColored(ImColor(done ? IM_COL32(46, 140, 80, 255) : colour::kInk), "%s %s", done ? "\xE2\x9C\x93" : "\xE2\x97\x8B",
                           f.strings.get("cards.phase" + std::to_string(phase) + ".title").c_str());
        ImGui::PopFont();
        // Two columns of equal buttons: a fixed grid never reflows under a finger.
        const float bw = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
        int column = 0;
        for (const method::Card& c : method::kCards) {
            if (c.phase != phase) continue;
            const std::string id = "card." + std::string(c.id);
            const std::string title = f.strings.get(id + ".title");
            const bool has = d.note(pid, c.id) != nullptr;
            const bool open = card_ == c.id;
            if (column++ % 2) ImGui::SameLine();
            if (open) push_primary_button();
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
            const bool pressed = ImGui::Button(((has ? "\xE2\x9C\x93 " : "   ") + title + "##" + id).c_str(), ImVec2(bw, 52 * f.k));
            ImGui::PopStyleVar();
            if (open) pop_primary_button();
            shell.layout().control(id, item_rect());
            if (pressed) {
                card_ = std::string(c.id);
                shell.focus_field(id + ".note");
            }
        }
    }
    if (!card_.empty() && method::card(card_)) {
        const std::string id = "card." + card_;
        ImGui::Separator();
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextUnformatted(f.strings.get(id + ".title").c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(f.strings.get(id + ".prompts").c_str());
        ImGui::PopTextWrapPos();
        const CardNote* n = d.note(pid, card_);
        const std::string card = card_;
        shell.text_field(id + ".note", n ? n->text : std::string(), w, true,
                   [pid, card](const std::string& t) -> Action { return act::SetCardNote{pid, card, t}; },
                   f.strings.get("cards.note_hint").c_str());
    }
    ImGui::EndChild();
    shell.layout().panel("deck", window_rect());
    ImGui::End();
}

}  // namespace nk::app
