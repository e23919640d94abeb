// The checkpoints on the facilitator's Files page (ui_checkpoints.cpp): the map as it was
// at each phase change (core/files/checkpoints.hpp), newest first, a button each
// ("na fase 2B, 14:32"). Ids: checkpoint.<n>, n counted from 1, oldest first, as kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checkpoints.hpp"
#include "part.hpp"

namespace nk::app {

// "na fase 2B, 14:32": the phase left and the local time.
std::string checkpoint_label(const Strings& s, const Checkpoint& c);

// Draws the newest `max_rows` * 2 checkpoints of `list` (oldest first), `width` wide;
// returns the one tapped this frame.
std::optional<Checkpoint> draw_checkpoints(const Frame& f, Shell& shell, const std::vector<Checkpoint>& list,
                                           float width, int max_rows);

}  // namespace nk::app
