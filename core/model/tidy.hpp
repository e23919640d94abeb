// Tidying the map: spreading post-its that overlap, each within its own ring.
//
// Pure and deterministic: the same board gives the same moves. Only face-up post-its on
// rings 1..4 take part; the parking lanes (ring 0) and the trays are never touched, and a
// post-it never changes ring, rotation or scale. Overlap is judged on each post-it's
// axis-aligned bounding box (rotation included), so "no overlap" here is a promise about
// the notes as drawn.
#pragma once

#include <vector>

#include "actions.hpp"
#include "document.hpp"

namespace nk::tidy {

// Whether the boxes of two post-its overlap (touching is not overlapping).
bool overlap(const Partner& a, const Partner& b);

// The moves that tidy `d` (an empty list when there is nothing to do).
//
// by_kind == false: a ring where no two post-its overlap is left exactly as it is; in a
//   ring with overlaps, the post-its that overlap nothing stay, and the others, in order
//   of id, stay too when nothing placed before covers them, or else move to the free
//   place nearest their own angle.
// by_kind == true: every ring is laid out again in sectors, one per named kind in the
//   order of the kinds (not sorted yet last), each sector's size following how many
//   post-its of that kind the whole map has; within a sector the post-its keep their
//   order around the school.
// Either way, no two post-its of a ring overlap afterwards when the ring has room for
// them; a post-it for which no free place is left goes to the place nearest its angle.
std::vector<act::Placement> tidy_moves(const Document& d, bool by_kind);

}  // namespace nk::tidy
