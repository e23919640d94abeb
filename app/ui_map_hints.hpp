// Phase 2B — how the team lays out the map, beside it (ui_map_hints.cpp): the method's
// three hints (distance to the school, kinds of partner, lines), each one a named target
// (`map.hint.distance`, `map.hint.kinds`, `map.hint.lines`, not buttons) in the panel
// `maphints` at the left edge, between the phase bar's hint line and the legend. The map
// is fitted clear of it, as of every panel.
#pragma once

#include "part.hpp"

namespace nk::app {

class MapHints {
public:
    void draw(const Frame& f, Shell& shell);
};

}  // namespace nk::app
