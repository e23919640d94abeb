// The priorities (phase 2C) as the room reads them: on every chosen post-it a row of
// marks along its bottom edge (its top edge when a neighbour's row is in the way) — a dark badge with how many chose it, then one disc per
// participant in their role's pen colour carrying their initials ("+N" for the rest when
// they do not fit side by side). The hand-drawn circles the marks come from are drawn
// only on request (the `priorities.circles` toggle). Drawn by draw_board, so the screen,
// the snapshot and the export show the same marks; the layout dump reports them.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "document.hpp"
#include "fonts.hpp"
#include "view.hpp"

namespace nk::app {

// Initials on the marks at UI scale 1 (1080 px high), in pixels; the marks scale with the
// window (ui_scale), not with the map's zoom, so they stay readable from two metres.
inline constexpr float kMarkText = 21.0f;

// One chosen post-it's marks, in screen pixels.
struct PriorityMarks {
    Id partner = 0;
    int count = 0;           // participants who chose it (core/model/patterns.hpp)
    struct Disc {
        ImVec2 centre;
        ImU32 fill = 0;
        std::string text;    // initials, or "+N" for the participants not shown
    };
    ImVec2 badge;            // the count badge's centre
    std::vector<Disc> discs; // left to right after the badge
    float radius = 0;        // of the badge and each disc
    float text_px = 0;       // font size of the initials and the count
    ImVec2 min, max;         // the box round the whole row
};

// Where a post-it stands this frame when it is not where the document says (under a finger).
struct MarkPose {
    Id partner = 0;
    Vec2 pos;
    double rotation = 0, scale = 1;
};

// The marks of every face-up post-it that was chosen, for view `v` at `ui_scale`; a
// post-it in `poses` is taken where that says. A row sits on its post-it's bottom edge, or
// on its top edge when there it would cover neither a row laid out before it nor one of
// the screen boxes `avoid` (x0, y0, x1, y1: the panels) and the bottom edge would.
std::vector<PriorityMarks> layout_priority_marks(const Document& d, const View& v, const Fonts& fonts, float ui_scale,
                                                 const std::vector<MarkPose>& poses = {},
                                                 const std::vector<ImVec4>& avoid = {});

// Draws marks laid out by layout_priority_marks.
void draw_priority_marks(ImDrawList* dl, const Fonts& fonts, const std::vector<PriorityMarks>& marks);

// White or ink, whichever stands out more against `fill` (WCAG contrast ratio).
ImU32 mark_text_colour(ImU32 fill);

// The hand-drawn circles, each in its pen's colour with the initials where it is highest.
void draw_priority_circles(ImDrawList* dl, const Fonts& fonts, const Document& d, const View& v, float ui_scale);

// The screen box round each circle that draw_priority_circles draws: (participant, box).
struct CircleBox {
    Id participant = 0, partner = 0;
    ImVec2 min, max;
};
std::vector<CircleBox> priority_circle_boxes(const Document& d, const View& v);

}  // namespace nk::app
