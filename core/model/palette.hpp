// The colours that carry meaning, as plain numbers: the post-it fill and icon tone of each
// kind, the pen of each role, and the ink the map's text is written in. app/theme.cpp
// draws with them; tests/unit/palette_test.cpp checks that they stay apart for people with
// colour-blindness (Machado et al. 2009 simulations, CIELAB distance) and that the ink
// stays readable on every fill.
//
// The fills are a lightened Okabe–Ito palette, tuned by that test; "not sorted yet" is a
// neutral light grey. The pens are the Okabe–Ito colours themselves.
#pragma once

#include <array>
#include <cstdint>

#include "document.hpp"

namespace nk::palette {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

// The map's text colour (post-its, labels).
inline constexpr Rgb kInk{38, 50, 56};

// Post-it fill per kind, in Category order (Ongesorteerd last).
inline constexpr std::array<Rgb, kCategoryCount> kKindFill{{
    {232, 166, 115},  // zorg: light vermilion
    {109, 206, 173},  // professionalisering: light bluish green
    {245, 235, 157},  // aanbod: light yellow
    {159, 214, 254},  // stages: light sky blue
    {223, 186, 213},  // projecten: light reddish purple
    {239, 201, 114},  // beleid: light orange
    {116, 172, 208},  // andere: light blue
    {224, 224, 224},  // ongesorteerd: neutral grey, not yet a kind
}};

// A darker tone of each kind's hue, for its icon and the legend's swatch border.
inline constexpr std::array<Rgb, kCategoryCount> kKindMark{{
    {170, 70, 0},
    {0, 118, 86},
    {140, 122, 0},
    {30, 108, 168},
    {150, 70, 120},
    {166, 106, 0},
    {0, 80, 130},
    {104, 104, 104},
}};

// Pen colour per role, in Role order.
inline constexpr std::array<Rgb, kRoleCount> kRolePen{{
    {0, 114, 178},    // leraar: blue
    {213, 94, 0},     // directie: vermilion
    {204, 121, 167},  // beleidsondersteuner: reddish purple
    {0, 158, 115},    // zorgcoordinator: bluish green
    {230, 159, 0},    // extern: orange
}};

}  // namespace nk::palette
