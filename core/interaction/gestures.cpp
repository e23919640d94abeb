// The gesture router: event dispatch, pointing, taps and long-presses.
//
// Sections: helpers | facing_rotation | handle/tick/end_all | down | move | finish |
// long-press and taps | live state for drawing.
// Held post-its are in gesture_grab.cpp, the view (pinch, mouse pan) in gesture_pinch.cpp.
#include "gestures.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geometry.hpp"
#include "handles.hpp"

namespace nk {

namespace {
bool finite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }
bool usable(const View& v) { return std::isfinite(v.scale) && v.scale > 0 && finite(v.origin); }

// Far-outside coordinates are accepted but clamped, so board positions stay finite.
constexpr double kMaxCoord = 1e7;
Vec2 clamped(Vec2 v) { return {std::clamp(v.x, -kMaxCoord, kMaxCoord), std::clamp(v.y, -kMaxCoord, kMaxCoord)}; }

// What a link dropped at board point b would join: a post-it other than `from`, the
// school, or nothing (-1). A post-it lying on the school wins: it is drawn above it.
Id drop_target(const Document& d, Vec2 b, Id from) {
    if (const Id n = geo::partner_at(d, b)) return n == from ? -1 : n;
    if (geo::school_contains(b)) return kSchool;
    return -1;
}
}  // namespace

double facing_rotation(Vec2 s, Vec2 size) {
    if (!finite(s) || !finite(size) || size.x <= 0 || size.y <= 0) return 0;
    const double pi = std::numbers::pi;
    double best = size.y - s.y, rot = 0;  // bottom
    if (s.y < best) best = s.y, rot = pi;                   // top
    if (s.x < best) best = s.x, rot = pi / 2;               // left: the note's top points right
    if (size.x - s.x < best) rot = -pi / 2;                 // right
    return rot;
}

GestureRouter::GestureRouter(GestureConfig config) : cfg_(config) {}

// ---- handle / tick / end_all ---------------------------------------------------------

double GestureRouter::clock(double t_ms) {
    // Time going backwards (or a broken timestamp) counts as no time passing.
    if (std::isfinite(t_ms) && (!clock_started_ || t_ms > now_)) {
        now_ = t_ms;
        clock_started_ = true;
    }
    return now_;
}

Effects GestureRouter::handle(const Document& doc, const View& view, const View& fitted, Vec2 screen_size,
                              const PointerEvent& e) {
    Effects fx;
    clock(e.t_ms);
    refresh(doc, view);
    fire_long_presses(view, fx);
    const bool ok = finite(e.screen) && usable(view);
    const Vec2 s = ok ? clamped(e.screen) : Vec2{};
    const bool known = ptrs_.count(e.key) != 0;
    switch (e.type) {
    case PointerEvent::Type::Down:
        if (ok) down(doc, view, screen_size, e.key, s, fx);
        break;
    case PointerEvent::Type::Move:
        if (ok && known) move(doc, view, fitted, e.key, s, fx);
        break;
    case PointerEvent::Type::Up:
        // An Up somewhere new is a last move there; a non-finite one ends where it last was.
        if (ok && known) move(doc, view, fitted, e.key, s, fx);
        if (known) finish(doc, view, e.key, End::Up, fx);
        break;
    case PointerEvent::Type::Cancel:
        if (known) finish(doc, view, e.key, End::Cancel, fx);
        break;
    }
    return fx;
}

Effects GestureRouter::tick(const Document& doc, const View& view, double t_ms) {
    Effects fx;
    clock(t_ms);
    refresh(doc, view);
    fire_long_presses(view, fx);
    return fx;
}

Effects GestureRouter::end_all(const Document& doc, const View& view, double t_ms) {
    Effects fx;
    clock(t_ms);
    refresh(doc, view);
    while (!ptrs_.empty()) finish(doc, view, ptrs_.begin()->first, End::Forced, fx);
    return fx;
}

// Keeps the gestures consistent with a document that others may have changed (a post-it
// removed from a panel while a finger holds it) and the held notes with the view.
void GestureRouter::refresh(const Document& doc, const View& view) {
    for (auto it = grabs_.begin(); it != grabs_.end();) {
        if (doc.partner(it->first)) {
            update_grab(it->second, view);
            ++it;
            continue;
        }
        for (const PointerKey& f : it->second.fingers)
            if (auto p = ptrs_.find(f); p != ptrs_.end()) p->second.mode = Mode::Spent;
        it = grabs_.erase(it);
    }
    for (auto& [k, p] : ptrs_) {
        const bool on_note = p.mode == Mode::Linking || (p.mode == Mode::Pointing && p.target == Target::Handle);
        if (on_note && !doc.partner(p.id)) p.mode = Mode::Spent;
    }
}

Document GestureRouter::overlay(const Document& doc) const {
    Document d = doc;
    for (Partner& n : d.partners) {
        auto it = grabs_.find(n.id);
        if (it == grabs_.end()) continue;
        n.x = it->second.live.pos.x;
        n.y = it->second.live.pos.y;
        n.rotation = it->second.live.rotation;
        n.scale = it->second.live.scale;
    }
    return d;
}

double GestureRouter::threshold(const Pointer& p) const {
    return p.mouse ? cfg_.drag_threshold_mouse_px : cfg_.drag_threshold_touch_px;
}

bool GestureRouter::past_threshold(const Pointer& p) const {
    return std::hypot(p.last_screen.x - p.down_screen.x, p.last_screen.y - p.down_screen.y) > threshold(p);
}

// ---- down ------------------------------------------------------------------------------

void GestureRouter::down(const Document& doc, const View& view, Vec2 size, PointerKey k, Vec2 s, Effects& fx) {
    // The same finger down again: its Up was lost. End the old gesture where it was.
    if (ptrs_.count(k)) finish(doc, view, k, End::Forced, fx);
    while (ptrs_.size() >= kMaxPointers) {
        auto oldest = std::min_element(ptrs_.begin(), ptrs_.end(),
                                       [](const auto& a, const auto& b) { return a.second.last_t < b.second.last_t; });
        finish(doc, view, oldest->first, End::Forced, fx);
    }
    Pointer p;
    p.mouse = k.is_mouse();
    p.down_screen = p.last_screen = s;
    p.screen_size = size;
    p.down_board = view.to_board(s);
    p.down_t = p.last_t = now_;
    // Hit what is drawn now: held notes at their live places.
    const BoardHit hit = grabs_.empty() ? board_hit(doc, p.down_board, view, cfg_.min_target_px)
                                        : board_hit(overlay(doc), p.down_board, view, cfg_.min_target_px);
    p.id = hit.id;
    switch (hit.kind) {
    case BoardHit::Kind::Handle:
        p.target = Target::Handle;
        break;
    case BoardHit::Kind::Note:
        p.target = Target::Note;
        grab_note(doc, view, k, p, hit.id);
        break;
    case BoardHit::Kind::Line:
        p.target = Target::Line;
        try_pair_pinch(k, p);
        break;
    case BoardHit::Kind::Board:
        p.target = Target::Board;
        try_pair_pinch(k, p);
        break;
    }
    ptrs_.emplace(k, p);
}

// ---- move ------------------------------------------------------------------------------

void GestureRouter::move(const Document& doc, const View& view, const View& fitted, PointerKey k, Vec2 s,
                         Effects& fx) {
    Pointer& p = ptrs_.at(k);
    p.last_screen = s;
    p.last_t = now_;
    const bool past = past_threshold(p);
    if (past) p.may_tap = p.may_long_press = false;
    switch (p.mode) {
    case Mode::Pointing:
        if (!past) break;
        if (p.target == Target::Handle) {
            p.mode = Mode::Linking;
            block_view_gestures();
        } else if (p.mouse && !someone_manipulating()) {
            p.mode = Mode::Panning;  // only the mouse pans; a finger on the board just rests
            move_view(view, fitted, k, fx);
        } else {
            p.mode = Mode::Spent;
        }
        break;
    case Mode::Holding:
        if (auto g = grabs_.find(p.id); g != grabs_.end()) {
            if (past && !g->second.active) {
                g->second.active = true;
                block_view_gestures();
            }
            update_grab(g->second, view);
        }
        break;
    case Mode::Panning:
    case Mode::Pinching:
        move_view(view, fitted, k, fx);
        break;
    case Mode::Linking:
    case Mode::Spent:
        break;
    }
    if (p.mode == Mode::Linking) {
        p.draft_board = view.to_board(p.last_screen);
        p.hover = drop_target(grabs_.empty() ? doc : overlay(doc), p.draft_board, p.id);
    }
}

// ---- finish: up, cancel, or forced (lost up, focus lost) -------------------------------

void GestureRouter::finish(const Document& doc, const View& view, PointerKey k, End how, Effects& fx) {
    auto it = ptrs_.find(k);
    if (it == ptrs_.end()) return;
    Pointer& p = it->second;
    switch (p.mode) {
    case Mode::Pointing:
        if (how == End::Up && p.may_tap) {
            if (p.target == Target::Handle) {
                tap_note(p, p.id, view, fx);
            } else if (p.target == Target::Line) {
                Request r = request(Request::Kind::TapLink, p, view);
                r.link = p.id;
                fx.requests.push_back(r);
                armed_link_ = 0;
            } else {
                tap_board(doc, p, view, fx);
            }
        }
        break;
    case Mode::Holding:
        release_note(view, k, how, fx);
        break;
    case Mode::Linking:
        if (how != End::Cancel && usable(view)) {
            p.draft_board = view.to_board(p.last_screen);
            p.hover = drop_target(grabs_.empty() ? doc : overlay(doc), p.draft_board, p.id);
            end_link(p.id, p.hover, fx);
        }
        break;
    case Mode::Pinching:
        end_pinch(k);
        break;
    case Mode::Panning:
    case Mode::Spent:
        break;
    }
    ptrs_.erase(k);
}

// ---- long-press and taps -----------------------------------------------------------------

void GestureRouter::fire_long_presses(const View& view, Effects& fx) {
    if (!usable(view)) return;
    for (auto& [k, p] : ptrs_) {
        if (!p.may_long_press || now_ - p.down_t < cfg_.long_press_ms) continue;
        p.may_long_press = p.may_tap = false;
        if (p.mode == Mode::Pointing) {
            if (p.target == Target::Board) {
                fx.requests.push_back(request(Request::Kind::CreateNoteAt, p, view));
            } else if (p.target == Target::Handle) {
                Request r = request(Request::Kind::OpenMenu, p, view);
                r.partner = p.id;
                fx.requests.push_back(r);
                armed_link_ = 0;
            }
            p.mode = Mode::Spent;  // a long-press on a line does nothing
        } else if (p.mode == Mode::Holding) {
            auto g = grabs_.find(p.id);
            if (g == grabs_.end() || g->second.fingers.size() != 1 || g->second.active) continue;
            Request r = request(Request::Kind::OpenMenu, p, view);
            r.partner = p.id;
            fx.requests.push_back(r);
            armed_link_ = 0;
            grabs_.erase(g);
            p.mode = Mode::Spent;
        }
    }
}

void GestureRouter::end_link(Id from, Id target, Effects& fx) {
    if (target != -1 && target != from) fx.actions.push_back(act::AddLink{from, target});
}

void GestureRouter::tap_note(const Pointer& p, Id partner, const View& view, Effects& fx) {
    if (armed_link_) {
        // Tap-to-connect: this tap ends the armed line on the post-it, as a drop would.
        Request r = request(Request::Kind::TapNote, p, view);
        r.partner = partner;
        r.linked = true;
        end_link(armed_link_, partner, fx);
        armed_link_ = 0;
        fx.requests.push_back(r);
        last_tap_partner_ = 0;
        return;
    }
    const bool second = last_tap_partner_ == partner && p.down_t - last_tap_up_ <= cfg_.double_tap_ms;
    Request r = request(second ? Request::Kind::DoubleTapNote : Request::Kind::TapNote, p, view);
    r.partner = partner;
    fx.requests.push_back(r);
    last_tap_partner_ = second ? 0 : partner;
    last_tap_up_ = now_;
}

void GestureRouter::tap_board(const Document& doc, const Pointer& p, const View& view, Effects& fx) {
    Request r = request(Request::Kind::TapBoard, p, view);
    if (armed_link_) {
        // Tap-to-connect on the board: what a line dropped here would join.
        r.linked = true;
        end_link(armed_link_, drop_target(grabs_.empty() ? doc : overlay(doc), r.pos, armed_link_), fx);
        armed_link_ = 0;
    }
    fx.requests.push_back(r);
}

std::optional<GestureRouter::Target> GestureRouter::target(PointerKey k) const {
    auto it = ptrs_.find(k);
    if (it == ptrs_.end()) return std::nullopt;
    return it->second.target;
}

Request GestureRouter::request(Request::Kind kind, const Pointer& p, const View& view) const {
    Request r;
    r.kind = kind;
    r.screen = p.last_screen;
    r.pos = usable(view) ? view.to_board(p.last_screen) : p.down_board;
    // The mouse is a desk: its notes and menus stand upright.
    r.rotation = p.mouse ? 0 : facing_rotation(p.last_screen, p.screen_size);
    return r;
}

// ---- live state for drawing --------------------------------------------------------------

std::vector<GestureRouter::LivePlacement> GestureRouter::live_placements() const {
    std::vector<LivePlacement> out;
    for (const auto& [id, g] : grabs_)
        if (g.active) out.push_back({id, g.live.pos, g.live.rotation, g.live.scale});
    return out;
}

std::vector<GestureRouter::LinkDraft> GestureRouter::link_drafts() const {
    std::vector<LinkDraft> out;
    for (const auto& [k, p] : ptrs_)
        if (p.mode == Mode::Linking) out.push_back({p.id, p.draft_board, p.hover});
    return out;
}

bool GestureRouter::partner_held(Id partner) const { return grabs_.count(partner) != 0; }

}  // namespace nk
