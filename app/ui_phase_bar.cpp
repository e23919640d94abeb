// The phase bar: always visible at the top, never over the map. Previous / next, a direct
// jump to each phase, what to do now in one line, and a quiet timer against the plan.
// Ids: phase.prev, phase.next, phase.<id> (0 1 2a 2b 2c 3 4 5).
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kBarFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;
// Whole minutes: a quiet timer for a 90-minute workshop needs no seconds, and a text
// that changes once a minute lets the idle app skip redrawing the screen in between.
int minutes(double ms) { return std::max(0, int(ms / 60000)); }
}  // namespace

bool App::board_editable() const {
    if (version_shown()) return false;  // a saved version is only looked at
    const Phase p = session_->current().phase;
    return p >= Phase::Brainstorm && p <= Phase::Terugblik;
}

void App::go_to_phase(Phase p) {
    if (p == session_->current().phase) return;
    // Leaving the brainstorm with post-its still hidden in trays: ask, then reveal them.
    if (session_->current().phase == Phase::Brainstorm && !leave_brainstorm_to_) {
        for (const Partner& n : session_->current().partners)
            if (!n.face_up) {
                leave_brainstorm_to_ = p;
                return;
            }
    }
    leave_brainstorm_to_.reset();
    show_version(0, 0);
    commit_editing();
    menu_partner_ = selected_link_ = link_from_ = 0;
    pen_participant_ = 0;
    pending_priority_.reset();
    deck_partner_ = 0;
    show_patterns_ = false;
    session_->dispatch(act::SetPhase{p});
    phase_started_ms_ = clock_ms_;
    relayout();
    view_ = fitted_;
}

void App::draw_phase_bar() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    const int cur = int(d.phase);
    const float h = 56 * k_;
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, 14 * k_), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 40 * k_);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * k_, 6 * k_));
    ImGui::Begin("##phasebar", nullptr, kBarFlags);
    auto arrow = [&](const char* id, const char* label, bool enabled) {
        ImGui::BeginDisabled(!enabled);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        const bool pressed = ImGui::Button((std::string(label) + "##" + id).c_str(), ImVec2(h, h));
        ImGui::PopStyleColor();
        ImGui::EndDisabled();
        targets_.control(id, item_rect());
        return pressed && enabled;
    };
    if (arrow("phase.prev", "\xE2\x80\xB9", cur > 0)) go_to_phase(Phase(cur - 1));
    for (int i = 0; i < kPhaseCount; ++i) {
        ImGui::SameLine();
        const std::string pid(phase_id(Phase(i)));
        const std::string label = strings_.get("phase." + pid + ".short");
        const bool current = i == cur;
        if (current) push_primary_button();
        else {
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            if (i > cur) ImGui::PushStyleColor(ImGuiCol_Text, ImColor(colour::kInkSoft).Value);
        }
        const bool pressed = ImGui::Button((label + "##phase." + pid).c_str(), ImVec2(0, h));
        if (current) pop_primary_button();
        else ImGui::PopStyleColor(i > cur ? 2 : 1);
        targets_.control("phase." + pid, item_rect());
        if (pressed) go_to_phase(Phase(i));
    }
    ImGui::SameLine();
    // The timer: time in this phase against its share of the 90- or 120-minute plan.
    const std::string plan_key = "phase." + std::string(phase_id(d.phase)) + (d.plan_minutes == 120 ? ".minutes120" : ".minutes90");
    const double planned = std::atof(strings_.get(plan_key).c_str()) * 60000.0;
    const double spent = clock_ms_ - phase_started_ms_;
    const std::string timer = std::to_string(minutes(spent)) +
                              (planned > 0 ? " / " + std::to_string(minutes(planned)) : std::string()) + " min";
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetTextLineHeight()) / 2);
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(planned > 0 && spent > planned ? IM_COL32(176, 96, 40, 255) : colour::kInkSoft), "%s",
                       timer.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
    if (arrow("phase.next", "\xE2\x80\xBA", cur + 1 < kPhaseCount)) go_to_phase(Phase(cur + 1));
    targets_.panel(window_rect());
    const float bar_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
    ImGui::PopStyleVar(2);

    // What to do now, in one line under the bar.
    const std::string hint = strings_.get("phase." + std::string(phase_id(d.phase))) + "  \xC2\xB7  " +
                             strings_.get("phase." + std::string(phase_id(d.phase)) + ".hint");
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float fs = Fonts::kUi * k_ * 0.85f;
    const ImVec2 ts = fonts_.ui->CalcTextSizeA(fs, 1e9f, 0, hint.c_str());
    dl->AddText(fonts_.ui, fs, ImVec2(float(width_) / 2 - ts.x / 2, bar_bottom + 10 * k_), colour::kInkSoft, hint.c_str());
}

}  // namespace nk::app
