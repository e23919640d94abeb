// Draws keyboard 0, the focused field's keyboard (core/interaction/field_keyboard.hpp):
// its text line (the line the cursor is on, scrolled so the cursor shows), its keys with
// "Klaar" on done, and a long-press's accent choices, turned to face its edge. Drawn
// with draw lists on top of everything but dialogs; hit-testing is the core's own.
#pragma once

#include <imgui.h>

#include "field_keyboard.hpp"
#include "fonts.hpp"
#include "strings.hpp"

namespace nk::app {

void draw_field_keyboard(ImDrawList* dl, const Fonts& fonts, const FieldKeyboard& fk, const Strings& strings, double t_ms);

}  // namespace nk::app
