#include "mouse_filter.hpp"

#include <cmath>

namespace nk {

namespace {
double later(double now, double t) { return std::isfinite(t) && t > now ? t : now; }
}  // namespace

void MouseFilter::finger_down(PointerKey k, double t_ms) {
    now_ = later(now_, t_ms);
    fingers_.insert(k);
    any_finger_seen_ = true;
}

void MouseFilter::finger_up(PointerKey k, double t_ms) {
    now_ = later(now_, t_ms);
    if (fingers_.erase(k) != 0) last_finger_up_ = now_;
}

void MouseFilter::reset_fingers(double t_ms) {
    now_ = later(now_, t_ms);
    if (!fingers_.empty()) last_finger_up_ = now_;
    fingers_.clear();
}

bool MouseFilter::touch_quiet(double t_ms) {
    now_ = later(now_, t_ms);
    if (!fingers_.empty()) return false;
    return !any_finger_seen_ || now_ - last_finger_up_ >= grace_ms_;
}

bool MouseFilter::accept_mouse_button(int button, bool pressed, double t_ms) {
    const bool quiet = touch_quiet(t_ms);
    if (button < 0 || button > 31) return false;
    const std::uint32_t bit = std::uint32_t{1} << button;
    if (!pressed) {
        const bool tracked = (buttons_ & bit) != 0;
        buttons_ &= ~bit;
        return tracked;
    }
    if (!quiet) return false;
    buttons_ |= bit;
    return true;
}

bool MouseFilter::accept_mouse_motion(double t_ms) {
    const bool quiet = touch_quiet(t_ms);
    return buttons_ != 0 || quiet;
}

}  // namespace nk
