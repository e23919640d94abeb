// Colours, sizes and the ImGui style of Netwerkkaart: a calm flip chart, not a debug UI.
// Colour carries meaning (category, role) and nothing else.
#pragma once

#include <imgui.h>

#include "document.hpp"
#include "palette.hpp"

namespace nk::app {

// Packed ImGui colours (IM_COL32).
namespace colour {
inline constexpr ImU32 kPaper = IM_COL32(250, 246, 238, 255);
inline constexpr ImU32 kInk = IM_COL32(palette::kInk.r, palette::kInk.g, palette::kInk.b, 255);
inline constexpr ImU32 kInkSoft = IM_COL32(96, 108, 116, 255);
inline constexpr ImU32 kSchool = IM_COL32(30, 58, 74, 255);
inline constexpr ImU32 kSchoolText = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kRing = IM_COL32(176, 166, 146, 255);
inline constexpr ImU32 kRingLabel = IM_COL32(92, 80, 60, 255);  // 7.5:1 on the labels' light ground
inline constexpr ImU32 kRingFill1 = IM_COL32(244, 238, 226, 255);
inline constexpr ImU32 kLaneFill = IM_COL32(240, 233, 219, 255);
inline constexpr ImU32 kLaneEdge = IM_COL32(214, 203, 182, 255);
inline constexpr ImU32 kLine = IM_COL32(112, 120, 128, 255);
inline constexpr ImU32 kShadow = IM_COL32(60, 48, 30, 40);
inline constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 242);
inline constexpr ImU32 kPanelEdge = IM_COL32(222, 214, 200, 255);
inline constexpr ImU32 kAccent = IM_COL32(30, 58, 74, 255);
inline constexpr ImU32 kSelection = IM_COL32(30, 110, 190, 255);
}  // namespace colour

// Fill of a category's post-its: light enough that dark text stays readable.
ImU32 category_fill(Category c);
// A darker tone of the same hue for its icon and legend swatch border.
ImU32 category_mark(Category c);
// The pen colour of a role; five colours distinct from each other.
ImU32 role_colour(Role r);

// Draws the small icon of a category (circle, triangle, square, diamond, star,
// hexagon, plus; an open ring with a dot for "not sorted yet") centred at `c` with radius `r`: shapes keep categories apart for
// people who cannot tell the colours apart.
void draw_category_icon(ImDrawList* dl, Category cat, ImVec2 c, float r, ImU32 col);

// The one button of a panel that matters most: dark, with white text. Pair with pop.
void push_primary_button();
void pop_primary_button();

// Applies our ImGui style (rounded, light, generous) at `scale` (1.0 = 1080 px high).
void apply_style(float scale);

}  // namespace nk::app
