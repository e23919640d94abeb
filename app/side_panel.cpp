#include "side_panel.hpp"

#include <algorithm>

namespace nk::app {

void place_side_panel(const Frame& f, float x0, float top, float bottom_margin) {
    const Insets& in = f.stations;
    const float margin = 20 * f.k;
    const float left = std::max(x0, in.left + margin), right = f.width - std::max(margin, in.right + margin);
    const float y0 = top + in.top;
    // A strip along the bottom lifts the toolbar above it (ui_board_tools.cpp): end above both.
    const float y1 = f.height - bottom_margin - in.bottom;
    ImGui::SetNextWindowPos(ImVec2(left, y0), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(std::max(200 * f.k, right - left), std::max(160 * f.k, y1 - y0)), ImGuiCond_Always);
}

}  // namespace nk::app
