// The view: two-finger pinch on empty board, and the mouse's pan.
//
// The rule chosen: a pinch or pan never changes the view while any other pointer
// drags a post-it (past the threshold) or draws a link. A zoom changes the mapping from
// board to screen under every hand on the board at once: one person's zoom must not
// pull a note out from under another person's finger, nor move the spot a half-drawn
// line is aimed at. A pinch that meets that situation, when it starts or later, is
// spent until both its fingers lift: it does not wake up on its own when the drag ends
// (a resting pair of fingers would then suddenly zoom the board). Pinch again.
//
// The other way round, a finger that lands on a post-it while a pinch runs can still
// drag it: its grabbed point is the board point under it at its down (with the view of
// that moment), and the note follows "start + (board point now - grabbed point)". When
// that finger passes the threshold, the pinch is spent and the view holds still.
//
// Both pinch and pan keep a board point under the fingers ("start + offset" in board
// terms), so a wheel zoom by the app during a mouse pan does not make the board jump.
// Neither can lose the board: the school stays within kReach board units of the window.
#include <algorithm>
#include <cmath>

#include "gestures.hpp"

namespace nk {
namespace {
constexpr double kReach = 1000;  // board units; the lanes end at about 820

View keep_board_near(View v, Vec2 size) {
    const double w = std::isfinite(size.x) && size.x > 0 ? size.x : 0;
    const double h = std::isfinite(size.y) && size.y > 0 ? size.y : 0;
    const double r = kReach * v.scale;
    v.origin.x = std::clamp(v.origin.x, -r, w + r);
    v.origin.y = std::clamp(v.origin.y, -r, h + r);
    return v;
}
}  // namespace

bool GestureRouter::someone_manipulating() const {
    for (const auto& [id, g] : grabs_)
        if (g.active) return true;
    for (const auto& [k, p] : ptrs_)
        if (p.mode == Mode::Linking) return true;
    return false;
}

void GestureRouter::block_view_gestures() {
    for (Pinch& pin : pinches_) pin.blocked = true;
    for (auto& [k, p] : ptrs_)
        if (p.mode == Mode::Panning) p.mode = Mode::Spent;
}

// Two touch fingers on empty board (or a line) pinch when the second lands while the
// first still rests where it landed, before its long-press (so a hand leaning on the
// board, whose long-press has fired, never pairs with someone's tap).
bool GestureRouter::try_pair_pinch(PointerKey k, Pointer& p) {
    if (p.mouse) return false;
    const PointerKey* mate = nullptr;
    double mate_t = 0;
    for (const auto& [qk, q] : ptrs_) {
        if (q.mouse || q.mode != Mode::Pointing || !q.may_long_press) continue;
        if (q.target != Target::Board && q.target != Target::Line) continue;
        if (!mate || q.down_t >= mate_t) {  // the latest one: most likely the same hand
            mate = &qk;
            mate_t = q.down_t;
        }
    }
    if (!mate) return false;
    Pointer& q = ptrs_.at(*mate);
    q.mode = p.mode = Mode::Pinching;
    q.may_tap = q.may_long_press = p.may_tap = p.may_long_press = false;
    Pinch pin;
    pin.a = *mate;
    pin.b = k;
    // One pinch drives the view at a time; none while someone drags.
    pin.blocked = someone_manipulating();
    for (const Pinch& other : pinches_)
        if (!other.blocked) pin.blocked = true;
    pinches_.push_back(pin);
    return true;
}

void GestureRouter::move_view(const View& view, const View& fitted, PointerKey k, Effects& fx) {
    const Pointer& p = ptrs_.at(k);
    if (p.mode == Mode::Panning) {
        // Keep the board point grabbed at down under the mouse.
        const Vec2 at = view.to_screen(p.down_board);
        fx.view = keep_board_near(pan(view, p.last_screen.x - at.x, p.last_screen.y - at.y), p.screen_size);
        return;
    }
    auto pin = std::find_if(pinches_.begin(), pinches_.end(), [&](const Pinch& x) { return x.a == k || x.b == k; });
    if (pin == pinches_.end() || pin->blocked) return;
    const Pointer& a = ptrs_.at(pin->a);
    const Pointer& b = ptrs_.at(pin->b);
    const Vec2 c{(a.last_screen.x + b.last_screen.x) / 2, (a.last_screen.y + b.last_screen.y) / 2};
    const double d = std::hypot(a.last_screen.x - b.last_screen.x, a.last_screen.y - b.last_screen.y);
    if (!pin->active) {
        if (!past_threshold(a) && !past_threshold(b)) return;
        // Anchor when the pinch starts to act, so the view does not jump by the threshold.
        pin->active = true;
        pin->anchor_board = view.to_board(c);
        pin->d0 = d;
        pin->s0 = view.scale;
        return;
    }
    // Scale = scale at anchor * (distance now / distance then); fingers closer than a
    // pixel at the anchor only pan.
    const double factor = pin->d0 >= 1 && d >= 1 ? pin->s0 * (d / pin->d0) / view.scale : 1;
    View v = zoom_about(view, view.to_screen(pin->anchor_board), factor, fitted);
    const Vec2 at = v.to_screen(pin->anchor_board);
    v = keep_board_near(pan(v, c.x - at.x, c.y - at.y), a.screen_size);
    if (std::isfinite(v.scale) && v.scale > 0 && std::isfinite(v.origin.x) && std::isfinite(v.origin.y)) fx.view = v;
}

void GestureRouter::end_pinch(PointerKey k) {
    auto pin = std::find_if(pinches_.begin(), pinches_.end(), [&](const Pinch& x) { return x.a == k || x.b == k; });
    if (pin == pinches_.end()) return;
    const PointerKey other = pin->a == k ? pin->b : pin->a;
    if (auto q = ptrs_.find(other); q != ptrs_.end()) q->second.mode = Mode::Spent;  // one finger never pans
    pinches_.erase(pin);
}

}  // namespace nk
