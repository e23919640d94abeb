// Phase 2A — Brainstorm: the facilitator opens writers' stations (or a writer long-presses
// near their edge), everyone writes privately, then the reveal puts the post-its on the
// board, all at once or writer by writer. Ids: station.open.bottom|top|left|right,
// brainstorm.reveal, brainstorm.reveal.<participant>; leaving the phase
// with hidden post-its asks confirm.yes (reveal them and go on) or confirm.no (stay).
#include <imgui.h>

#include "ui_brainstorm.hpp"
#include "theme.hpp"

namespace nk::app {
bool Brainstorm::may_leave(const Document& doc, Phase to) {
    if (doc.phase != Phase::Brainstorm) return true;
    if (leave_to_) return false;  // the question is open: its own buttons leave or stay
    for (const Partner& n : doc.partners)
        if (!n.face_up) {
            leave_to_ = to;
            return false;
        }
    return true;
}

void Brainstorm::draw(const Frame& f, Shell& shell) {
        const Document& d = f.doc;
    int hidden = 0;
    for (const Partner& p : d.partners) hidden += !p.face_up;

    ImGui::SetNextWindowPos(ImVec2(20 * f.k, 136 * f.k), ImGuiCond_Always);
    ImGui::Begin("##brainstorm", nullptr, kAutoPanelFlags);
    ImGui::PushTextWrapPos(760 * f.k);
    ImGui::PushFont(f.fonts.small);
    ImGui::TextUnformatted(f.strings.get("brainstorm.question").c_str());
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("brainstorm.note").c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    auto open_button = [&](Side side, const char* key) {
        const std::string id = "station.open." + std::string(side_id(side));
        const bool pressed = ImGui::Button((f.strings.get(key) + "##" + id).c_str(), ImVec2(0, 56 * f.k));
        shell.layout().control(id, item_rect());
        // Stations open clear of this panel (top left): side ones below the middle, the
        // top one right of the middle.
        const double along = side == Side::Bottom ? f.width / 2.0 : side == Side::Top ? f.width * 0.66 : f.height * 0.58;
        if (pressed) shell.open_station(side, along);
    };
    open_button(Side::Bottom, "brainstorm.open.bottom");
    if (stations_.layout() == StationLayout::Table) {
        ImGui::SameLine();
        open_button(Side::Top, "brainstorm.open.top");
        ImGui::SameLine();
        open_button(Side::Left, "brainstorm.open.left");
        ImGui::SameLine();
        open_button(Side::Right, "brainstorm.open.right");
    }
    ImGui::SameLine(0, 24 * f.k);
    push_primary_button();
    ImGui::BeginDisabled(hidden == 0);
    const bool reveal = ImGui::Button((f.strings.get("brainstorm.reveal") + " (" + std::to_string(hidden) + ")##brainstorm.reveal").c_str(),
                                      ImVec2(0, 56 * f.k));
    ImGui::EndDisabled();
    pop_primary_button();
    shell.layout().control("brainstorm.reveal", item_rect());
    if (reveal && hidden) shell.dispatch(act::Reveal{0});
    // Or writer by writer: one button per participant with hidden post-its.
    bool first = true;
    for (const Participant& p : d.participants) {
        int mine = 0;
        for (const Partner& n : d.partners) mine += !n.face_up && n.author == p.id;
        if (!mine) continue;
        if (!first) ImGui::SameLine();
        first = false;
        const std::string id = "brainstorm.reveal." + std::to_string(p.id);
        const std::string label = (p.name.empty() ? "#" + std::to_string(p.id) : p.name) + " (" + std::to_string(mine) + ")";
        if (ImGui::Button((label + "##" + id).c_str(), ImVec2(0, 52 * f.k))) shell.dispatch(act::Reveal{p.id});
        shell.layout().control(id, item_rect());
    }
    shell.layout().panel("brainstorm", window_rect());
    ImGui::End();
}

// Asked from go_to_phase when the brainstorm is left with hidden post-its.
void Brainstorm::draw_question(const Frame& f, Shell& shell) {
    if (!leave_to_) return;
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##leavebrainstorm", nullptr, kAutoPanelFlags);
    ImGui::PushTextWrapPos(520 * f.k);
    ImGui::TextUnformatted(f.strings.get("brainstorm.reveal_confirm").c_str());
    ImGui::PopTextWrapPos();
    push_primary_button();
    const bool yes = ImGui::Button((f.strings.get("brainstorm.reveal_and_go") + "##confirm.yes").c_str(), ImVec2(520 * f.k, 64 * f.k));
    pop_primary_button();
    shell.layout().control("confirm.yes", item_rect());
    const bool no = ImGui::Button((f.strings.get("confirm.no") + "##confirm.no").c_str(), ImVec2(520 * f.k, 64 * f.k));
    shell.layout().control("confirm.no", item_rect());
    shell.layout().panel("brainstorm.leave", window_rect());
    ImGui::End();
    if (yes) {
        const Phase to = *leave_to_;
        shell.dispatch(act::Reveal{0});
        leave_to_.reset();
        shell.go_to_phase(to);
    } else if (no) {
        leave_to_.reset();
    }
}

}  // namespace nk::app
