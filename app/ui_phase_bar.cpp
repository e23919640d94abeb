// The phase bar: always visible at the top, never over the map. Previous / next, a direct
// jump to each phase, what to do now in one line, and a quiet timer against the plan.
// Ids: phase.prev, phase.next, phase.<id> (0 1 2a 2b 2c 3 4 5).
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "ui_phase_bar.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kBarFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;
// Whole minutes: a quiet timer for a 90-minute workshop needs no seconds, and a text
// that changes once a minute lets the idle app skip redrawing the screen in between.
int minutes(double ms) { return std::max(0, int(ms / 60000)); }
}  // namespace

void PhaseBar::draw(const Frame& f, Shell& shell) {
        const Document& d = f.doc;
    const int cur = int(d.phase);
    const float h = 56 * f.k;
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, 14 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 40 * f.k);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * f.k, 6 * f.k));
    ImGui::Begin("##phasebar", nullptr, kBarFlags);
    auto arrow = [&](const char* id, const char* label, bool enabled) {
        ImGui::BeginDisabled(!enabled);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        const bool pressed = ImGui::Button((std::string(label) + "##" + id).c_str(), ImVec2(h, h));
        ImGui::PopStyleColor();
        ImGui::EndDisabled();
        shell.layout().control(id, item_rect());
        return pressed && enabled;
    };
    if (arrow("phase.prev", "\xE2\x80\xB9", cur > 0)) shell.go_to_phase(Phase(cur - 1));
    for (int i = 0; i < kPhaseCount; ++i) {
        ImGui::SameLine();
        const std::string pid(phase_id(Phase(i)));
        const std::string label = f.strings.get("phase." + pid + ".short");
        const bool current = i == cur;
        if (current) push_primary_button();
        else {
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
            if (i > cur) ImGui::PushStyleColor(ImGuiCol_Text, ImColor(colour::kInkSoft).Value);
        }
        const bool pressed = ImGui::Button((label + "##phase." + pid).c_str(), ImVec2(0, h));
        if (current) pop_primary_button();
        else ImGui::PopStyleColor(i > cur ? 2 : 1);
        shell.layout().control("phase." + pid, item_rect());
        if (pressed) shell.go_to_phase(Phase(i));
    }
    ImGui::SameLine();
    // The timer: time in this phase against its share of the 90- or 120-minute plan.
    const std::string plan_key = "phase." + std::string(phase_id(d.phase)) + (d.plan_minutes == 120 ? ".minutes120" : ".minutes90");
    const double planned = std::atof(f.strings.get(plan_key).c_str()) * 60000.0;
    const double spent = f.now_ms - started_ms_;
    const std::string timer = std::to_string(minutes(spent)) +
                              (planned > 0 ? " / " + std::to_string(minutes(planned)) : std::string()) + " min";
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetTextLineHeight()) / 2);
    ImGui::PushFont(f.fonts.small);
    ImGui::TextColored(ImColor(planned > 0 && spent > planned ? IM_COL32(176, 96, 40, 255) : colour::kInkSoft), "%s",
                       timer.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
    if (arrow("phase.next", "\xE2\x80\xBA", cur + 1 < kPhaseCount)) shell.go_to_phase(Phase(cur + 1));
    shell.layout().panel("phasebar", window_rect());
    const float bar_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
    ImGui::PopStyleVar(2);

    // What to do now, in one line under the bar.
    const std::string hint = f.strings.get("phase." + std::string(phase_id(d.phase))) + "  \xC2\xB7  " +
                             f.strings.get("phase." + std::string(phase_id(d.phase)) + ".hint");
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float fs = Fonts::kUi * f.k * 0.85f;
    const ImVec2 ts = f.fonts.ui->CalcTextSizeA(fs, 1e9f, 0, hint.c_str());
    dl->AddText(f.fonts.ui, fs, ImVec2(float(f.width) / 2 - ts.x / 2, bar_bottom + 10 * f.k), colour::kInkSoft, hint.c_str());
}

}  // namespace nk::app
