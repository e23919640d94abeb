// The phases' side panels (setup, card deck, closing questions) inside the room the
// edge strips leave: the writers' stations and keyboard 0 (Frame::stations).
#pragma once

#include "part.hpp"

namespace nk::app {

// Places the next ImGui window as a side panel from x = `x0` to the right margin and from
// `top` down to `bottom_margin` above the window's bottom, moved inside the strips the
// frame's `stations` insets hold, so that a keyboard or station never covers its controls
// (its content scrolls when it no longer fits).
void place_side_panel(const Frame& f, float x0, float top, float bottom_margin);

}  // namespace nk::app
