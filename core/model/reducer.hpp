// The one place where the board changes.
#pragma once

#include "actions.hpp"
#include "document.hpp"
#include "limits.hpp"

#include <optional>

namespace nk {

// Returns the board after `a`. Pure: no I/O, no clock, no globals; the same input
// always gives the same output. Keeps the invariants (see invariants.hpp): ids stay
// unique, removing a partner removes its links and priorities, positions stay finite
// (a non-finite position or rotation leaves the post-it where it was), every ring
// matches its position. An action that names something that does not exist changes
// nothing. Keeps the limits (limits.hpp): texts are cut to their limit at a character
// boundary and priority strokes thinned to kStrokePoints; an action that would take a
// count past its limit (a 1001st post-it, a 51st version, a version that would make the
// file too large) changes nothing, and says why in `*refused` when that is given (it is
// reset to nullopt otherwise).
Document reduce(Document d, const Action& a, std::optional<limits::Refusal>* refused = nullptr);

}  // namespace nk
