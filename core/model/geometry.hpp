// The board's fixed geometry, in board units (school node at 0,0, y downward).
//
// At the default view on a 1080-pixel-high screen one board unit is about one pixel.
// The rings are the closeness guides of the method: a post-it's `ring` is decided by
// where its centre lies (ring_at), and the parking lanes hold post-its not placed yet.
#pragma once

#include "document.hpp"

namespace nk::geo {

// Outer radius of each ring. Ring 1 (close/frequent) is r <= kRing1, ring 2 (further)
// kRing1 < r <= kRing2, ring 3 (far/sporadic) kRing2 < r <= kRing3, ring 4 (outside,
// absent) beyond kRing3. The school node itself covers r <= kSchoolRx (horizontally).
inline constexpr double kRing1 = 190;
inline constexpr double kRing2 = 330;
inline constexpr double kRing3 = 470;
inline constexpr double kSchoolRx = 105;  // school node: an ellipse, half-axes rx, ry
inline constexpr double kSchoolRy = 62;

// A post-it at scale 1 is kNoteW x kNoteH, centred on its (x, y).
inline constexpr double kNoteW = 156;
inline constexpr double kNoteH = 100;

// The parking lanes: every point with |x| >= kLaneX is in a lane (ring 0).
inline constexpr double kLaneX = 640;
// Width of a lane slot column, and the spacing of slots along it.
inline constexpr double kLaneSlotDx = 176;
inline constexpr double kLaneSlotDy = 116;

// The ring (0..4) of a post-it whose centre is at p. Non-finite input gives 0.
int ring_at(Vec2 p);

// Whether p lies on the post-it (its rotated, scaled rectangle).
bool note_contains(const Partner& n, Vec2 p);

// Whether p lies on the school node.
bool school_contains(Vec2 p);

// The topmost face-up partner under p (the last in the list wins, as it is drawn last), or 0.
Id partner_at(const Document& d, Vec2 p);

// A deterministic free place in the right-hand parking lane for a new post-it:
// the first lane slot (top to bottom, then the next column outward) that no face-up
// partner overlaps.
Vec2 free_lane_slot(const Document& d);
// The same for the lane on a side: Right (the default lane), Left, and for Bottom and Top
// writers the right and left lanes' lower and upper halves, nearest their edge.
Vec2 free_lane_slot(const Document& d, Side side);

// Distance from p to the segment a-b.
double distance_to_segment(Vec2 p, Vec2 a, Vec2 b);

// Centre of a link end: the partner's centre, or (0,0) for the school.
Vec2 link_end(const Document& d, Id end);

}  // namespace nk::geo
