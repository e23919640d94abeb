// The input router: one owner per pointer, decided at its down (pointer_router.hpp).
#include "pointer_router.hpp"

#include <cmath>

#include "field_keyboard.hpp"
#include "stations.hpp"

namespace nk {

namespace {
bool finite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }

PointerOwner board_owner(GestureRouter::Target t) {
    switch (t) {
        case GestureRouter::Target::Note: return PointerOwner::Note;
        case GestureRouter::Target::Handle: return PointerOwner::Handle;
        case GestureRouter::Target::Line: return PointerOwner::Line;
        case GestureRouter::Target::Board: break;
    }
    return PointerOwner::Board;
}
}  // namespace

PointerRouter::PointerRouter(GestureConfig config) : gestures_(config) {}

std::optional<PointerOwner> PointerRouter::owner(PointerKey k) const {
    auto it = owners_.find(k);
    if (it == owners_.end()) return std::nullopt;
    return it->second;
}

Routed PointerRouter::board_event(PointerEvent::Type type, PointerKey k, Vec2 s, double t_ms, const RouteContext& cx) {
    Routed r;
    r.board = gestures_.handle(*cx.doc, cx.view, cx.fitted, cx.screen_size, {type, k, s, t_ms});
    return r;
}

Routed PointerRouter::down(PointerKey k, Vec2 s, double t_ms, const Landing& at, const RouteContext& cx) {
    if (!finite(s)) return {};
    Routed out;
    if (owners_.count(k)) out = up(k, s, t_ms, cx);  // its up never came
    auto merge = [&out](Routed r) {
        for (Action& a : r.board.actions) out.board.actions.push_back(std::move(a));
        if (r.board.view) out.board.view = r.board.view;
        for (Request& q : r.board.requests) out.board.requests.push_back(q);
        if (r.pen) out.pen = std::move(r.pen);
        if (r.panel) out.panel = r.panel;
    };
    // Keyboard 0 is drawn above everything but a dialog, so it is touched first.
    if (at.field_keyboard && !at.dialog && cx.field_keyboard && cx.field_keyboard->down(k, s, t_ms, cx.text_width)) {
        owners_[k] = PointerOwner::Keyboard;
        return out;
    }
    // A writer's station is drawn above everything else, so it is touched first.
    if (at.stations && cx.stations && cx.stations->down(k, s, t_ms, *cx.doc, cx.text_width)) {
        owners_[k] = PointerOwner::Station;
        return out;
    }
    // A finger on a panel, or any finger while a dialog waits, is the panels'.
    if (at.on_panel || at.dialog) {
        if (panel_) {
            owners_[k] = PointerOwner::Ignored;  // ImGui has one pointer; it is taken
            return out;
        }
        owners_[k] = PointerOwner::Panel;
        panel_ = k;
        out.panel = PanelPointerEvent{PanelPointerEvent::Type::Down, k, s};
        return out;
    }
    if (!at.board_editable) {
        owners_[k] = PointerOwner::Ignored;  // the map is shown, not changed
        return out;
    }
    if (at.pen && !pen_) {
        // An armed pen draws, even when the stroke starts on a post-it.
        owners_[k] = PointerOwner::Pen;
        pen_ = k;
        pen_participant_ = at.pen;
        pen_points_ = {cx.view.to_board(s)};
        return out;
    }
    merge(board_event(PointerEvent::Type::Down, k, s, t_ms, cx));
    const auto t = gestures_.target(k);
    owners_[k] = t ? board_owner(*t) : PointerOwner::Ignored;
    return out;
}

Routed PointerRouter::move(PointerKey k, Vec2 s, double t_ms, const RouteContext& cx) {
    auto it = owners_.find(k);
    if (it == owners_.end()) return {};
    Routed out;
    switch (it->second) {
        case PointerOwner::Keyboard:
            if (cx.field_keyboard) cx.field_keyboard->move(k, s, t_ms);
            break;
        case PointerOwner::Station:
            if (cx.stations) cx.stations->move(k, s, t_ms);
            break;
        case PointerOwner::Pen:
            if (finite(s) && pen_points_.size() < kMaxPenPoints) pen_points_.push_back(cx.view.to_board(s));
            break;
        case PointerOwner::Panel:
            if (finite(s)) out.panel = PanelPointerEvent{PanelPointerEvent::Type::Move, k, s};
            break;
        case PointerOwner::Ignored: break;
        case PointerOwner::Note:
        case PointerOwner::Handle:
        case PointerOwner::Line:
        case PointerOwner::Board: out = board_event(PointerEvent::Type::Move, k, s, t_ms, cx); break;
    }
    return out;
}

Routed PointerRouter::up(PointerKey k, Vec2 s, double t_ms, const RouteContext& cx) {
    auto it = owners_.find(k);
    if (it == owners_.end()) return {};
    const PointerOwner owner = it->second;
    owners_.erase(it);
    Routed out;
    switch (owner) {
        case PointerOwner::Keyboard:
            if (cx.field_keyboard) out.keyboard = cx.field_keyboard->up(k, s, t_ms);
            break;
        case PointerOwner::Station:
            // Enter on a station: the post-it goes face down into its writer's tray.
            if (cx.stations)
                if (auto a = cx.stations->up(k, s, t_ms, *cx.doc)) out.board.actions.push_back(*a);
            break;
        case PointerOwner::Pen:
            if (finite(s) && pen_points_.size() < kMaxPenPoints) pen_points_.push_back(cx.view.to_board(s));
            out.pen = PenStroke{pen_participant_, std::move(pen_points_)};
            pen_points_.clear();
            pen_.reset();
            pen_participant_ = 0;
            break;
        case PointerOwner::Panel:
            panel_.reset();
            out.panel = PanelPointerEvent{PanelPointerEvent::Type::Up, k, s};
            break;
        case PointerOwner::Ignored: break;
        case PointerOwner::Note:
        case PointerOwner::Handle:
        case PointerOwner::Line:
        case PointerOwner::Board: out = board_event(PointerEvent::Type::Up, k, s, t_ms, cx); break;
    }
    return out;
}

Routed PointerRouter::tick(const RouteContext& cx, double t_ms) {
    Routed out;
    out.board = gestures_.tick(*cx.doc, cx.view, t_ms);
    return out;
}

Routed PointerRouter::end_all(const RouteContext& cx, double t_ms) {
    Routed out;
    out.board = gestures_.end_all(*cx.doc, cx.view, t_ms);
    for (const auto& [k, owner] : owners_)
        if (owner == PointerOwner::Station && cx.stations) cx.stations->cancel(k);
        else if (owner == PointerOwner::Keyboard && cx.field_keyboard) cx.field_keyboard->cancel(k);
    owners_.clear();
    panel_.reset();
    pen_.reset();
    pen_participant_ = 0;
    pen_points_.clear();
    return out;
}

}  // namespace nk
