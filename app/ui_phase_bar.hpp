// The phase bar (ui_phase_bar.cpp): always visible at the top, never over the map.
// Previous / next, a direct jump to each phase, what to do now in one line, and a quiet
// timer against the plan. Ids: phase.prev, phase.next, phase.<id> (0 1 2a 2b 2c 3 4 5).
#pragma once

#include "part.hpp"

namespace nk::app {

class PhaseBar {
public:
    // The phase changed now: its timer starts again.
    void restart_timer(double now_ms) { started_ms_ = now_ms; }
    void draw(const Frame& f, Shell& shell);

private:
    double started_ms_ = 0;
};

}  // namespace nk::app
