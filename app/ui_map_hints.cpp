// Phase 2B's hints on distance, kinds and lines (ui_map_hints.hpp).
#include "ui_map_hints.hpp"

#include <imgui.h>

#include <algorithm>

#include "theme.hpp"

namespace nk::app {
namespace {
struct Hint {
    const char* id;   // the target's id
    const char* key;  // its text (assets/lang/*-method.txt)
};
constexpr Hint kHints[] = {{"map.hint.distance", "map.hint_distance"},
                           {"map.hint.kinds", "map.hint_categories"},
                           {"map.hint.lines", "map.hint_lines"}};
}  // namespace

void MapHints::draw(const Frame& f, Shell& shell) {
    const float k = f.k;
    // Below the phase bar's line of what to do now (the band the map leaves free, app.cpp),
    // above the legend, as wide as the room left of the rings allows at 16:9.
    const float top = f.stations.top + 166 * k, left = f.stations.left + 20 * k;
    float bottom = f.height - f.stations.bottom - 20 * k;
    for (const UiTargets::Panel& p : shell.layout().panels())
        if (p.id == "legend" || p.id == "sorting") bottom = std::min(bottom, p.rect.min.y - 16 * k);
    const float w = std::min(400 * k, f.width * 0.22f);
    ImGui::SetNextWindowPos(ImVec2(left, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(0.0f, bottom - top)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18 * k, 14 * k));
    ImGui::Begin("##maphints", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollbar);
    const float wrap = w - 36 * k;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("map.hints.title").c_str());
    ImGui::PopFont();
    for (const Hint& h : kHints) {
        ImGui::Spacing();
        ImGui::TextColored(ImColor(colour::kInk), "%s", f.strings.get(h.key).c_str());
        shell.layout().control(h.id, item_rect());
    }
    ImGui::PopTextWrapPos();
    shell.layout().panel("maphints", window_rect());
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace nk::app
