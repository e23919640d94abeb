// Draws what changed between two versions of the map (core/model/compare.hpp) on top of the
// newer board, and the key that explains each mark. The marks, one colour each:
//   new partner        a green frame round the post-it and a "+" badge
//   partner gone       a dashed red ghost of the post-it where it stood, with its text
//   moved closer       a green arrow from where it stood to where it is, an "↑" badge
//   moved further      an orange arrow the same way, an "↓" badge
//   new line           the line traced over in green
//   line gone          a dashed red line between where its ends are (or stood)
//   priority changed   a "★ before→now" tag under the post-it (how many chose it)
// Colours repeat nothing the board already uses for categories or roles, and every mark
// also has a shape, for people who cannot tell red from green.
#pragma once

#include <imgui.h>

#include "compare.hpp"
#include "document.hpp"
#include "fonts.hpp"
#include "strings.hpp"
#include "view.hpp"

namespace nk::app {

struct CompareScene {
    const Document* older = nullptr;
    const Document* newer = nullptr;   // the board on screen
    const Comparison* changes = nullptr;  // compare_boards(*older, *newer)
    View view;
    float ui_scale = 1;                // 1.0 at 1080 px high
};

// Draws the marks over the board already drawn in `dl` (the newer board, with `view`).
// Does nothing when a pointer in `sc` is null.
void draw_comparison(ImDrawList* dl, const Fonts& fonts, const CompareScene& sc);

// Draws the key with its top-left corner at `pos`, `width` wide: one row per kind of mark,
// with a sample of the mark, what it means and how many there are. Returns its size;
// with `measure_only` nothing is drawn.
ImVec2 draw_compare_key(ImDrawList* dl, const Fonts& fonts, const Strings& s, const Comparison& c, ImVec2 pos,
                        float width, float ui_scale, bool measure_only = false);

}  // namespace nk::app
