// Post-its held by one or two fingers.
//
// A grab remembers where the note was when the first finger landed (`start`: a cancel
// returns it there) and where it was at the last change of fingers (`base`), with each
// finger's board point at that moment (`anchor`). The live placement is always
// computed from base and anchors, never accumulated from small steps:
//  * one finger:  pos = base.pos + (finger now - anchor), in board units;
//  * two fingers: the similarity (move, turn, scale) that takes the two anchors to the
//    two fingers now, applied to base; the scale is clamped to the reducer's 0.75..1.5
//    and the position follows the clamped scale, so the note does not slide off.
// When a finger joins or lifts, base becomes the live placement and the anchors the
// fingers' current board points: the note does not jump.
#include <algorithm>
#include <cmath>

#include "gestures.hpp"

namespace nk {
namespace {
constexpr double kMinScale = 0.75, kMaxScale = 1.5;  // as the reducer clamps
// A view that can turn screen points into board points: finite, positive scale and a
// finite origin (a broken view must never leak NaN into a held post-it).
bool usable(const View& v) {
    return std::isfinite(v.scale) && v.scale > 0 && std::isfinite(v.origin.x) && std::isfinite(v.origin.y);
}
}  // namespace

void GestureRouter::grab_note(const Document& doc, const View& view, PointerKey k, Pointer& p, Id partner) {
    auto it = grabs_.find(partner);
    if (it == grabs_.end()) {
        const Partner* n = doc.partner(partner);
        if (!n) {
            p.mode = Mode::Spent;
            return;
        }
        Grab g;
        g.start = {partner, {n->x, n->y}, n->rotation, n->scale};
        g.base = g.live = g.start;
        g.fingers = {k};
        g.anchor[0] = p.down_board;
        grabs_.emplace(partner, g);
        p.mode = Mode::Holding;
        return;
    }
    Grab& g = it->second;
    if (g.fingers.size() >= 2) {  // at most two fingers per note
        p.mode = Mode::Spent;
        p.may_tap = p.may_long_press = false;
        return;
    }
    // A second finger: from now on a two-finger manipulation; neither finger taps or
    // long-presses any more.
    Pointer& first = ptrs_.at(g.fingers[0]);
    first.may_tap = first.may_long_press = false;
    p.may_tap = p.may_long_press = false;
    p.mode = Mode::Holding;
    update_grab(g, view);
    g.base = g.live;
    g.anchor[0] = view.to_board(first.last_screen);
    g.anchor[1] = p.down_board;
    g.fingers.push_back(k);
}

void GestureRouter::update_grab(Grab& g, const View& view) const {
    if (!g.active) {
        g.live = g.base;
        return;
    }
    if (!usable(view)) return;
    auto board_of = [&](std::size_t i) -> std::optional<Vec2> {
        if (i >= g.fingers.size()) return std::nullopt;
        auto p = ptrs_.find(g.fingers[i]);
        if (p == ptrs_.end()) return std::nullopt;
        return view.to_board(p->second.last_screen);
    };
    const auto a1 = board_of(0);
    if (!a1) return;
    const auto b1 = board_of(1);
    act::Placement out = g.base;
    if (!b1) {
        out.pos = {g.base.pos.x + (a1->x - g.anchor[0].x), g.base.pos.y + (a1->y - g.anchor[0].y)};
        if (std::isfinite(out.pos.x) && std::isfinite(out.pos.y)) g.live = out;
        return;
    }
    const Vec2 a0 = g.anchor[0], b0 = g.anchor[1];
    const Vec2 v0{b0.x - a0.x, b0.y - a0.y}, v1{b1->x - a1->x, b1->y - a1->y};
    const double len0 = std::hypot(v0.x, v0.y), len1 = std::hypot(v1.x, v1.y);
    double turn = 0, k = 1;
    if (len0 > 1e-9 && len1 > 1e-9) {
        // Positive turn is clockwise on screen (y down), as Partner::rotation.
        turn = std::atan2(v0.x * v1.y - v0.y * v1.x, v0.x * v1.x + v0.y * v1.y);
        k = len1 / len0;
    }
    out.scale = std::clamp(g.base.scale * k, kMinScale, kMaxScale);
    const double keff = g.base.scale > 0 ? out.scale / g.base.scale : 1;
    out.rotation = g.base.rotation + turn;
    const Vec2 c0{(a0.x + b0.x) / 2, (a0.y + b0.y) / 2}, c1{(a1->x + b1->x) / 2, (a1->y + b1->y) / 2};
    const double rx = g.base.pos.x - c0.x, ry = g.base.pos.y - c0.y;
    const double c = std::cos(turn), s = std::sin(turn);
    out.pos = {c1.x + keff * (c * rx - s * ry), c1.y + keff * (s * rx + c * ry)};
    if (std::isfinite(out.pos.x) && std::isfinite(out.pos.y) && std::isfinite(out.rotation)) g.live = out;
}

void GestureRouter::rebase(Grab& g, const View& view) {
    g.base = g.live;
    for (std::size_t i = 0; i < g.fingers.size() && i < 2; ++i)
        if (auto p = ptrs_.find(g.fingers[i]); p != ptrs_.end()) g.anchor[i] = view.to_board(p->second.last_screen);
}

void GestureRouter::release_note(const View& view, PointerKey k, End how, Effects& fx) {
    Pointer& p = ptrs_.at(k);
    auto it = grabs_.find(p.id);
    if (it == grabs_.end()) return;
    Grab& g = it->second;
    if (how == End::Cancel) {
        // The whole manipulation is called off: the note goes back to its start and the
        // other finger, if any, is ignored until it lifts.
        for (const PointerKey& f : g.fingers)
            if (f != k)
                if (auto q = ptrs_.find(f); q != ptrs_.end()) q->second.mode = Mode::Spent;
        grabs_.erase(it);
        return;
    }
    update_grab(g, view);
    if (g.fingers.size() == 2) {
        // The other finger carries on as a plain drag from where the note is now.
        std::erase(g.fingers, k);
        if (usable(view)) rebase(g, view);
        return;
    }
    if (g.active)
        fx.actions.push_back(act::MovePartners{{g.live}});
    else if (how == End::Up && p.may_tap)
        tap_note(p, p.id, view, fx);
    grabs_.erase(it);
}

}  // namespace nk
