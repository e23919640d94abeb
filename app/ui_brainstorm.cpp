// Phase 2A — Brainstorm: the facilitator opens writers' stations (or a writer long-presses
// near their edge), everyone writes privately, then the reveal puts the post-its on the
// board, all at once or writer by writer. Ids: station.open.bottom|top|left|right,
// brainstorm.reveal, brainstorm.reveal.<participant>; leaving the phase
// with hidden post-its asks confirm.yes (reveal them and go on) or confirm.no (stay).
#include <imgui.h>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
void App::draw_brainstorm() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    int hidden = 0;
    for (const Partner& p : d.partners) hidden += !p.face_up;

    ImGui::SetNextWindowPos(ImVec2(20 * k_, 136 * k_), ImGuiCond_Always);
    ImGui::Begin("##brainstorm", nullptr, kAutoPanelFlags);
    ImGui::PushTextWrapPos(760 * k_);
    ImGui::PushFont(fonts_.small);
    ImGui::TextUnformatted(strings_.get("brainstorm.question").c_str());
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("brainstorm.note").c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    auto open_button = [&](Side side, const char* key) {
        const std::string id = "station.open." + std::string(side_id(side));
        const bool pressed = ImGui::Button((strings_.get(key) + "##" + id).c_str(), ImVec2(0, 56 * k_));
        targets_.control(id, item_rect());
        // Stations open clear of this panel (top left): side ones below the middle, the
        // top one right of the middle.
        const double along = side == Side::Bottom ? width_ / 2.0 : side == Side::Top ? width_ * 0.66 : height_ * 0.58;
        if (pressed) open_station(side, along);
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
    ImGui::SameLine(0, 24 * k_);
    push_primary_button();
    ImGui::BeginDisabled(hidden == 0);
    const bool reveal = ImGui::Button((strings_.get("brainstorm.reveal") + " (" + std::to_string(hidden) + ")##brainstorm.reveal").c_str(),
                                      ImVec2(0, 56 * k_));
    ImGui::EndDisabled();
    pop_primary_button();
    targets_.control("brainstorm.reveal", item_rect());
    if (reveal && hidden) session_->dispatch(act::Reveal{0});
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
        if (ImGui::Button((label + "##" + id).c_str(), ImVec2(0, 52 * k_))) session_->dispatch(act::Reveal{p.id});
        targets_.control(id, item_rect());
    }
    targets_.panel(window_rect());
    ImGui::End();
}

// Asked from go_to_phase when the brainstorm is left with hidden post-its.
void App::draw_leave_brainstorm() {
    if (!leave_brainstorm_to_) return;
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##leavebrainstorm", nullptr, kAutoPanelFlags);
    ImGui::PushTextWrapPos(520 * k_);
    ImGui::TextUnformatted(strings_.get("brainstorm.reveal_confirm").c_str());
    ImGui::PopTextWrapPos();
    push_primary_button();
    const bool yes = ImGui::Button((strings_.get("brainstorm.reveal_and_go") + "##confirm.yes").c_str(), ImVec2(520 * k_, 64 * k_));
    pop_primary_button();
    targets_.control("confirm.yes", item_rect());
    const bool no = ImGui::Button((strings_.get("confirm.no") + "##confirm.no").c_str(), ImVec2(520 * k_, 64 * k_));
    targets_.control("confirm.no", item_rect());
    targets_.panel(window_rect());
    ImGui::End();
    if (yes) {
        const Phase to = *leave_brainstorm_to_;
        session_->dispatch(act::Reveal{0});
        leave_brainstorm_to_.reset();
        go_to_phase(to);
    } else if (no) {
        leave_brainstorm_to_.reset();
    }
}

}  // namespace nk::app
