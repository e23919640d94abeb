// Phase 3 — Verdiepend gesprek: the team picks a partner on the map; its deck of reflection
// cards opens beside the map, in the method's three groups. The note-taker writes per card.
// Ids: card.<id> (opens the card and focuses its note field card.<id>.note), card.close.
#include <imgui.h>

#include "app.hpp"
#include "method.hpp"
#include "theme.hpp"

namespace nk::app {
void App::draw_cards() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    const Partner* p = d.partner(deck_partner_);
    if (!p) {
        deck_partner_ = 0;
        return;
    }
    const Id pid = p->id;
    const float x0 = float(width_) * 0.55f, top = 150 * k_;
    ImGui::SetNextWindowPos(ImVec2(x0, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(float(width_) - x0 - 20 * k_, float(height_) - top - 150 * k_), ImGuiCond_Always);
    ImGui::Begin("##deck", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts_.title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w - 140 * k_);
    ImGui::TextUnformatted(p->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::SameLine(w - 120 * k_);
    if (ImGui::Button((strings_.get("cards.close") + "##card.close").c_str(), ImVec2(130 * k_, 56 * k_))) {
        deck_partner_ = 0;
        deck_card_.clear();
    }
    targets_.control("card.close", item_rect());
    // Below the partner's name, the cards scroll; the name and Close stay in view.
    ImGui::BeginChild("##deckbody", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    // Progress against the method's rule: at least one card from each group.
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("cards.rule").c_str());
    ImGui::PopFont();
    for (int phase = 1; phase <= method::kCardPhases; ++phase) {
        ImGui::Spacing();
        bool done = false;
        for (const method::Card& c : method::kCards)
            if (c.phase == phase && d.note(pid, c.id)) done = true;
        ImGui::PushFont(fonts_.bold);
        ImGui::TextColored(ImColor(done ? IM_COL32(46, 140, 80, 255) : colour::kInk), "%s %s", done ? "\xE2\x9C\x93" : "\xE2\x97\x8B",
                           strings_.get("cards.phase" + std::to_string(phase) + ".title").c_str());
        ImGui::PopFont();
        // Two columns of equal buttons: a fixed grid never reflows under a finger.
        const float bw = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
        int column = 0;
        for (const method::Card& c : method::kCards) {
            if (c.phase != phase) continue;
            const std::string id = "card." + std::string(c.id);
            const std::string title = strings_.get(id + ".title");
            const bool has = d.note(pid, c.id) != nullptr;
            const bool open = deck_card_ == c.id;
            if (column++ % 2) ImGui::SameLine();
            if (open) push_primary_button();
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
            const bool pressed = ImGui::Button(((has ? "\xE2\x9C\x93 " : "   ") + title + "##" + id).c_str(), ImVec2(bw, 52 * k_));
            ImGui::PopStyleVar();
            if (open) pop_primary_button();
            targets_.control(id, item_rect());
            if (pressed) {
                deck_card_ = std::string(c.id);
                focus_field(id + ".note");
            }
        }
    }
    if (!deck_card_.empty() && method::card(deck_card_)) {
        const std::string id = "card." + deck_card_;
        ImGui::Separator();
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(strings_.get(id + ".title").c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(strings_.get(id + ".prompts").c_str());
        ImGui::PopTextWrapPos();
        const CardNote* n = d.note(pid, deck_card_);
        const std::string card = deck_card_;
        text_field(id + ".note", n ? n->text : std::string(), w, true,
                   [pid, card](const std::string& t) -> Action { return act::SetCardNote{pid, card, t}; },
                   strings_.get("cards.note_hint").c_str());
    }
    ImGui::EndChild();
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
