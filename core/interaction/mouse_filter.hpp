// Drops the mouse events that are really touches.
//
// On an X11 touch panel SDL 2.26 still delivers the X server's emulated pointer events
// for touches as ordinary mouse events (not tagged SDL_TOUCH_MOUSEID), so one touch
// would be seen twice: as a finger and as the mouse. The app tells this filter about
// every finger down/up on the window and asks it about every mouse event:
//  * a mouse button press is accepted only while no finger is down and at least
//    grace_ms have passed since the last finger lifted;
//  * a release is accepted exactly when its press was (a press that was accepted is
//    tracked until its release, even if fingers land meanwhile, so the mouse gesture
//    always ends);
//  * motion is accepted while an accepted button is held, or otherwise under the same
//    rule as a press (hover).
// Time going backwards counts as no time passing. A plain value; one per window.
#pragma once

#include <cstdint>
#include <set>

#include "gestures.hpp"

namespace nk {

class MouseFilter {
public:
    explicit MouseFilter(double grace_ms = 300) : grace_ms_(grace_ms) {}

    void finger_down(PointerKey k, double t_ms);
    // Also for a cancelled finger. An unknown finger is ignored.
    void finger_up(PointerKey k, double t_ms);
    // Focus lost: forget every finger (their ups may never come). Held buttons stay tracked.
    void reset_fingers(double t_ms);

    // `button` is SDL's button index (1 left, 2 middle, 3 right, ...; 0..31).
    bool accept_mouse_button(int button, bool pressed, double t_ms);
    bool accept_mouse_motion(double t_ms);

    bool fingers_down() const { return !fingers_.empty(); }
    bool button_tracked() const { return buttons_ != 0; }

private:
    bool touch_quiet(double t_ms);

    double grace_ms_;
    std::set<PointerKey> fingers_;
    double last_finger_up_ = 0;
    bool any_finger_seen_ = false;
    double now_ = 0;
    std::uint32_t buttons_ = 0;  // accepted presses not yet released, one bit per button
};

}  // namespace nk
