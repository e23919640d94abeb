// What a finger touches on the board: a post-it's link handle, its body, a line, or
// empty board.
//
// Every post-it has a link handle: a small knob just outside the middle of its right
// edge, turning and scaling with the note. Dragging from it draws a line. The handle's
// touch target is never smaller than half of GestureConfig::min_target_px (in screen
// pixels) in radius, whatever the zoom, so it stays hittable with a finger when the
// board is zoomed out.
//
// Contract with the renderer: draw the knobs after (above) all post-it bodies, because
// a handle wins over any note body it overlaps (board_hit below).
#pragma once

#include "document.hpp"
#include "view.hpp"

namespace nk {

// The knob's centre sits kHandleGap board units beyond the right edge of a note at
// scale 1 (scaled with the note); it is drawn with radius kHandleRadius (also scaled).
inline constexpr double kHandleGap = 18;
inline constexpr double kHandleRadius = 11;

// Centre of the post-it's link handle, board units: the note's centre plus
// (kNoteW/2 + kHandleGap) * scale along the note's own x axis, turned by its rotation
// (clockwise, y down, as geo::note_contains).
Vec2 link_handle_board(const Partner& n);

// Touch radius of a handle in board units: at least min_target_px / 2 screen pixels
// under `view`, and never less than the drawn knob plus a margin.
double handle_hit_radius(const Partner& n, const View& view, double min_target_px);

// Touch half-width of a line in board units: min_target_px / 2 screen pixels.
double line_hit_radius(const View& view, double min_target_px);

// What is under board point `p`, in this order of precedence:
//   1. a link handle (topmost post-it first: the last in the list),
//   2. a post-it body (topmost first, geo::partner_at),
//   3. a line, the nearest one within line_hit_radius,
//   4. the empty board.
// `view` only sets the touch sizes; `p` is already in board units. Non-finite `p` or
// a view with a non-positive scale gives Board.
struct BoardHit {
    enum class Kind { Board, Note, Handle, Line };
    Kind kind = Kind::Board;
    Id id = 0;  // the partner (Note, Handle) or the link (Line); 0 for Board
    friend bool operator==(const BoardHit&, const BoardHit&) = default;
};
BoardHit board_hit(const Document& d, Vec2 p, const View& view, double min_target_px);

}  // namespace nk
