// Phase 5 — Naverwerking: keep the result. The photo of the map, and a reminder that the
// map is a living instrument to reopen and update. Ids: keep.snapshot.
#include <imgui.h>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                         ImGuiWindowFlags_AlwaysAutoResize;
Rect item_rect() { return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }
Rect window_rect() {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    return {p, ImVec2(p.x + s.x, p.y + s.y)};
}
}  // namespace

void App::draw_keep() {
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 20 * k_, 160 * k_), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::Begin("##keep", nullptr, kPanelFlags);
    const float w = 560 * k_;
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("keep.title").c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextUnformatted(strings_.get("keep.text").c_str());
    ImGui::Spacing();
    push_primary_button();
    if (ImGui::Button((strings_.get("keep.export_button") + "##keep.snapshot").c_str(), ImVec2(w, 72 * k_)))
        snapshot_requested_ = true;
    pop_primary_button();
    targets_.control("keep.snapshot", item_rect());
    ImGui::Spacing();
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("keep.next_year").c_str());
    ImGui::PopTextWrapPos();
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
