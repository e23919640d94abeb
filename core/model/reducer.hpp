// The one place where the board changes.
#pragma once

#include "actions.hpp"
#include "document.hpp"

namespace nk {

// Returns the board after `a`. Pure: no I/O, no clock, no globals; the same input
// always gives the same output. Keeps the invariants (see invariants.hpp): ids stay
// unique, removing a partner removes its links and priorities, positions stay finite
// (a non-finite position or rotation leaves the post-it where it was), every ring
// matches its position. An action that names something that does not exist changes
// nothing.
Document reduce(Document d, const Action& a);

}  // namespace nk
