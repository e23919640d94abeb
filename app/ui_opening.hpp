// "Opening…": the banner shown while a board file is read in the background
// (core/files/board_loader.hpp, App::open_later), and the turning circle it shares with
// the photo's progress. The banner is not a button (a tap on it does nothing); its id
// `opening` names it in a replay's `layout`.
#pragma once

#include <string>

#include "part.hpp"

namespace nk::app {

// An open circle that turns once every 1.2 s at `ms`: something is being done, no end promised.
void draw_spinner(ImVec2 centre, float r, float thickness, double ms);

// Top centre, over the board and the panels: "Bezig met openen: NAME…" (or merging).
void draw_opening(const Frame& f, Shell& shell, const std::string& name, bool merging);

}  // namespace nk::app
