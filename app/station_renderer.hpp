// Draws the brainstorm stations (phase 2A): each a header and an on-screen keyboard,
// turned to face the edge its writer stands at. Drawn with draw lists (ImGui has no
// rotated widgets); all hit-testing is core/stations' own.
#pragma once

#include <imgui.h>

#include "document.hpp"
#include "fonts.hpp"
#include "stations.hpp"
#include "strings.hpp"
#include "ui_targets.hpp"

namespace nk::app {

void draw_stations(ImDrawList* dl, const Fonts& fonts, const Stations& stations, const Document& doc,
                   const Strings& strings, double t_ms);

// Records the stations for the replay's `layout` and for touch routing: each as panel
// station.N (in front of every ImGui panel, as drawn), its own buttons as controls on it,
// and while it types its keyboard as keyboard N with its narrowest letter key's width.
void record_stations(UiTargets& targets, const Stations& stations, const Document& doc);

// The text width function the stations use for placing the cursor (local units).
kb::TextWidth station_text_width(const Fonts& fonts);

}  // namespace nk::app
