#include "field_keyboard.hpp"

#include <algorithm>
#include <cmath>

namespace nk {
namespace {

bool overlaps(const kb::Rect& a, const kb::Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

double overlap_area(const kb::Rect& a, const kb::Rect& b) {
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

// The side nearest to `p` (ties: bottom, right, top, left).
Side nearest_side(Vec2 p, Vec2 screen) {
    const double d[4] = {screen.y - p.y, screen.x - p.x, p.y, p.x};  // Bottom Right Top Left
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (d[i] < d[best]) best = i;
    return static_cast<Side>(best);
}

}  // namespace

kb::EdgeFrame place_field_keyboard(kb::Rect field, Vec2 tap, Vec2 screen, double scale, StationLayout layout,
                                   const std::vector<kb::Rect>& avoid) {
    const double k = std::isfinite(scale) && scale > 0 ? scale : 1;
    if (!std::isfinite(tap.x) || !std::isfinite(tap.y)) tap = field.centre();
    kb::EdgeFrame f;
    f.scale = k;
    f.local_size = {kb::kWidth, kb::kHeight};
    f.screen_size = screen;
    f.side = layout == StationLayout::Wall ? Side::Bottom : nearest_side(tap, screen);
    const bool horizontal = f.side == Side::Bottom || f.side == Side::Top;
    const double length = horizontal ? screen.x : screen.y;
    const double half = kb::kWidth * k / 2, margin = 8 * k;
    const auto clamp = [&](double a) {
        if (length < 2 * (half + margin)) return length / 2;
        return std::clamp(a, half + margin, length - half - margin);
    };
    const auto fits = [&](double a) { return length >= 2 * (half + margin) && a >= half + margin && a <= length - half - margin; };
    const double preferred = clamp(horizontal ? tap.x : tap.y);
    f.along = preferred;
    // Clear of the field by a margin.
    const kb::Rect keep{field.x - margin, field.y - margin, field.w + 2 * margin, field.h + 2 * margin};
    // The places along the edge: under the tap, and just beside the field or a panel; a
    // place beyond reach is taken only to clear the field itself.
    struct Place {
        double along;
        bool beside_field;
    };
    std::vector<Place> places = {{preferred, false}};
    const auto beside = [&](const kb::Rect& r, bool field_itself) {
        const double lo = horizontal ? r.x : r.y, hi = lo + (horizontal ? r.w : r.h);
        for (double a : {lo - margin - half, hi + margin + half})
            if (fits(a)) places.push_back({a, field_itself});
    };
    for (const kb::Rect& r : avoid) beside(r, false);
    beside(keep, true);
    std::optional<double> best;
    double best_cost = 0;
    for (const Place& p : places) {
        if (!p.beside_field && std::abs(p.along - preferred) > kReachWidths * 2 * half) continue;
        kb::EdgeFrame g = f;
        g.along = p.along;
        const kb::Rect b = g.screen_bounds();
        if (overlaps(b, keep)) continue;
        double cost = 0;
        for (const kb::Rect& r : avoid) cost += overlap_area(b, r);
        const bool better = !best || cost < best_cost - 1e-6 ||
                            (cost <= best_cost + 1e-6 && std::abs(p.along - preferred) < std::abs(*best - preferred));
        if (better) best = p.along, best_cost = cost;
    }
    if (best) {
        f.along = *best;
        return f;
    }
    // Off the edge, past the field.
    switch (f.side) {
        case Side::Bottom: f.inset = screen.y - keep.y; break;
        case Side::Top: f.inset = keep.y + keep.h; break;
        case Side::Left: f.inset = keep.x + keep.w; break;
        case Side::Right: f.inset = screen.x - keep.x; break;
    }
    // Never out of the window: at most as far as leaves the keyboard whole.
    const double depth = kb::kHeight * k, room = (horizontal ? screen.y : screen.x) - depth;
    f.inset = std::clamp(f.inset, 0.0, std::max(0.0, room));
    return f;
}

void FieldKeyboard::open(std::string id, std::string_view text, bool multiline, std::size_t max_chars, kb::Layout layout,
                         const kb::EdgeFrame& frame) {
    open_ = true;
    field_ = std::move(id);
    ++serial_;
    keyboard_ = kb::Keyboard(layout, kb::KeyboardKind::Field);
    keyboard_.set_multiline(multiline);
    keyboard_.set_max_chars(max_chars);
    keyboard_.set_text(text);
    // A field that has text goes on where it ends: no capital forced on the next letter.
    if (!keyboard_.text().empty()) keyboard_.set_shift(kb::Shift::Off);
    frame_ = frame;
    finger_.reset();
    finger_on_key_ = false;
}

void FieldKeyboard::close() {
    open_ = false;
    field_.clear();
    finger_.reset();
    finger_on_key_ = false;
    keyboard_.cancel();
}

kb::Rect FieldKeyboard::bounds() const { return open_ ? frame_.screen_bounds() : kb::Rect{}; }

bool FieldKeyboard::down(PointerKey p, Vec2 screen, double t_ms, const kb::TextWidth& width) {
    if (!open_ || !frame_.screen_bounds().contains(screen)) return false;
    const Vec2 local = frame_.to_local(screen);
    if (local.x < 0 || local.y < 0 || local.x >= kb::kWidth || local.y >= kb::kHeight) return false;
    // A second finger on the keyboard is captured (it must not reach what lies under it)
    // but presses nothing while the first is down.
    if (finger_) return true;
    finger_ = p;
    finger_on_key_ = false;
    if (const auto key = keyboard_.key_at(local)) {
        keyboard_.press(*key, t_ms);
        finger_on_key_ = true;
    } else if (kb::Keyboard::text_field().contains(local)) {
        keyboard_.place_cursor(local.x - kb::Keyboard::text_field().x - kb::kTextPad, width);
    }
    return true;
}

void FieldKeyboard::move(PointerKey p, Vec2 screen, double t_ms) {
    if (!owns(p) || !finger_on_key_) return;
    keyboard_.move(frame_.to_local(screen), t_ms);
}

kb::Finish FieldKeyboard::up(PointerKey p, Vec2 screen, double t_ms) {
    if (!owns(p)) return kb::Finish::None;
    finger_.reset();
    if (!finger_on_key_) return kb::Finish::None;
    finger_on_key_ = false;
    if (std::isfinite(screen.x) && std::isfinite(screen.y)) keyboard_.move(frame_.to_local(screen), t_ms);
    return keyboard_.release_finish(t_ms);
}

void FieldKeyboard::cancel(PointerKey p) {
    if (!owns(p)) return;
    finger_.reset();
    if (finger_on_key_) keyboard_.cancel();
    finger_on_key_ = false;
}

std::optional<Vec2> FieldKeyboard::key_centre(std::string_view name) const {
    if (!open_) return std::nullopt;
    const auto id = keyboard_.key_by_name(name);
    if (!id) return std::nullopt;
    const auto key = keyboard_.key(*id);
    if (!key) return std::nullopt;
    return frame_.to_screen(key->rect.centre());
}

}  // namespace nk
