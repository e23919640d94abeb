// Sections: EdgeFrame | helpers | keys and geometry | input | text and cursor | plan_typing.
#include "keyboard.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "utf8.hpp"

namespace nk::kb {

// ---- EdgeFrame --------------------------------------------------------------------------

namespace {
// cos and sin of the rotation, exact (no 6e-17 from cos(pi/2)).
void cos_sin(Side side, double& c, double& s) {
    switch (side) {
        case Side::Bottom: c = 1, s = 0; return;
        case Side::Top: c = -1, s = 0; return;
        case Side::Left: c = 0, s = 1; return;
        case Side::Right: c = 0, s = -1; return;
    }
    c = 1, s = 0;
}

double safe_scale(double s) { return std::isfinite(s) && s > 0 ? s : 1; }

Vec2 anchor(const EdgeFrame& f) {
    const double in = std::isfinite(f.inset) ? f.inset : 0;
    switch (f.side) {
        case Side::Bottom: return {f.along, f.screen_size.y - in};
        case Side::Top: return {f.along, in};
        case Side::Left: return {in, f.along};
        case Side::Right: return {f.screen_size.x - in, f.along};
    }
    return {f.along, f.screen_size.y - in};
}
}  // namespace

double EdgeFrame::rotation() const {
    switch (side) {
        case Side::Bottom: return 0;
        case Side::Top: return std::numbers::pi;
        case Side::Left: return std::numbers::pi / 2;
        case Side::Right: return -std::numbers::pi / 2;
    }
    return 0;
}

Vec2 EdgeFrame::to_screen(Vec2 local) const {
    double c, s;
    cos_sin(side, c, s);
    const double k = safe_scale(scale);
    const double qx = (local.x - local_size.x / 2) * k, qy = (local.y - local_size.y) * k;
    const Vec2 a = anchor(*this);
    return {a.x + c * qx - s * qy, a.y + s * qx + c * qy};
}

Vec2 EdgeFrame::to_local(Vec2 screen) const {
    double c, s;
    cos_sin(side, c, s);
    const double k = safe_scale(scale);
    const Vec2 a = anchor(*this);
    const double dx = screen.x - a.x, dy = screen.y - a.y;
    return {(c * dx + s * dy) / k + local_size.x / 2, (-s * dx + c * dy) / k + local_size.y};
}

Rect EdgeFrame::screen_bounds() const {
    const Vec2 corners[4] = {to_screen({0, 0}), to_screen({local_size.x, 0}), to_screen({0, local_size.y}),
                             to_screen(local_size)};
    double x0 = corners[0].x, x1 = x0, y0 = corners[0].y, y1 = y0;
    for (const Vec2& p : corners) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

// ---- helpers ----------------------------------------------------------------------------

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the code point starting at s[i] (s is valid UTF-8).
std::size_t cp_len(std::string_view s, std::size_t i) {
    std::size_t n = 1;
    while (i + n < s.size() && continuation(s[i + n])) ++n;
    return n;
}

std::string_view name_of(KeyKind k, const KeyDef& d) {
    switch (k) {
        case KeyKind::Char: return d.lower;
        case KeyKind::Shift: return "shift";
        case KeyKind::Space: return "space";
        case KeyKind::Backspace: return "backspace";
        case KeyKind::Enter: return "enter";
        case KeyKind::Accent: return "accent";
        case KeyKind::Layer: return "layer";
        case KeyKind::More: return "more";
        case KeyKind::Done: return "done";
    }
    return {};
}

// Where the layer key goes from `l`, and the more key.
Layer other(Layer l) { return l == Layer::Letters ? Layer::Symbols : Layer::Letters; }
Layer other_page(Layer l) { return l == Layer::More ? Layer::Symbols : Layer::More; }

// The keys to tap to go from layer `from` to `to`, each with the layer it is tapped on.
std::vector<std::pair<Layer, std::string_view>> path(Layer from, Layer to) {
    if (from == to) return {};
    if (to == Layer::Letters || from == Layer::Letters) {
        if (to == Layer::More) return {{from, "layer"}, {Layer::Symbols, "more"}};
        return {{from, "layer"}};
    }
    return {{from, "more"}};
}

// Calls f(index, row, def) for every key of a layer, in KeyId index order.
template <class F>
void each_def(Layout layout, KeyboardKind kind, Layer layer, F&& f) {
    int i = 0;
    const std::vector<Row>& rs = rows(layout, layer, kind);
    for (std::size_t r = 0; r < rs.size(); ++r)
        for (const KeyDef& d : rs[r]) f(i++, static_cast<int>(r), d);
}

std::optional<int> index_by_name(Layout layout, KeyboardKind kind, Layer layer, std::string_view name) {
    std::optional<int> found;
    each_def(layout, kind, layer, [&](int i, int, const KeyDef& d) {
        if (!found && name_of(d.kind, d) == name) found = i;
    });
    return found;
}

Rect def_rect(int row, const KeyDef& d) {
    return {kPad + d.col * kKeyPitch, kRowsY + row * kKeyPitch, d.width * kKeyPitch - kKeyGap, kKeyPitch - kKeyGap};
}
}  // namespace

// ---- keys and geometry ------------------------------------------------------------------

const KeyDef* Keyboard::def(KeyId id) const {
    if (id.layer != layer_) return nullptr;
    const KeyDef* out = nullptr;
    each_def(layout_, kind_, layer_, [&](int i, int, const KeyDef& d) {
        if (i == id.index) out = &d;
    });
    return out;
}

Rect Keyboard::rect_of(KeyId id) const {
    Rect out;
    each_def(layout_, kind_, layer_, [&](int i, int row, const KeyDef& d) {
        if (i == id.index) out = def_rect(row, d);
    });
    return out;
}

std::vector<Key> Keyboard::keys() const {
    std::vector<Key> out;
    each_def(layout_, kind_, layer_, [&](int i, int row, const KeyDef& d) {
        Key k;
        k.id = {layer_, i};
        k.kind = d.kind;
        k.rect = def_rect(row, d);
        k.name = std::string(name_of(d.kind, d));
        switch (d.kind) {
            case KeyKind::Char: k.label = std::string(shift_ == Shift::Off ? d.lower : d.upper); break;
            case KeyKind::Shift: k.label = "⇧"; break;
            case KeyKind::Space: break;
            case KeyKind::Backspace: k.label = "⌫"; break;
            case KeyKind::Enter: k.label = "↵"; break;
            case KeyKind::Accent: k.label = "´¨"; break;
            case KeyKind::Layer: k.label = layer_ == Layer::Letters ? "123" : "abc"; break;
            case KeyKind::More: k.label = layer_ == Layer::More ? "123" : "#+="; break;
            case KeyKind::Done: k.label = "✓"; break;
        }
        k.lit = d.kind == KeyKind::Shift && shift_ != Shift::Off;
        k.pressed = held_ && !held_->off && held_->key == k.id;
        out.push_back(std::move(k));
    });
    return out;
}

Rect Keyboard::text_field() { return {kPad, kPad, kWidth - 2 * kPad, kTextH}; }

std::optional<KeyId> Keyboard::key_at(Vec2 local) const {
    std::optional<KeyId> found;
    each_def(layout_, kind_, layer_, [&](int i, int row, const KeyDef& d) {
        if (!found && def_rect(row, d).contains(local)) found = KeyId{layer_, i};
    });
    return found;
}

std::optional<KeyId> Keyboard::key_by_name(std::string_view name) const {
    const std::optional<int> i = index_by_name(layout_, kind_, layer_, name);
    if (!i) return std::nullopt;
    return KeyId{layer_, *i};
}

std::optional<Key> Keyboard::key(KeyId id) const {
    if (!def(id)) return std::nullopt;
    return keys()[static_cast<std::size_t>(id.index)];
}

std::optional<Popup> Keyboard::popup_for(KeyId id) const {
    const KeyDef* d = def(id);
    if (!d || d->kind != KeyKind::Char) return std::nullopt;
    const std::string_view base = shift_ == Shift::Off ? d->lower : d->upper;
    const std::vector<std::string_view>& acc = accents_of(base);
    if (acc.empty()) return std::nullopt;
    Popup p;
    p.key = id;
    p.choices.emplace_back(base);
    for (std::string_view a : acc) p.choices.emplace_back(a);
    const Rect k = rect_of(id);
    const double w = kKeyPitch - kKeyGap;
    const double total = static_cast<double>(p.choices.size()) * kKeyPitch - kKeyGap;
    const double x0 = std::max(kPad, std::min(k.x + (k.w - w) / 2, kWidth - kPad - total));
    for (std::size_t i = 0; i < p.choices.size(); ++i)
        p.rects.push_back({x0 + static_cast<double>(i) * kKeyPitch, k.y - kKeyPitch, w, kKeyPitch - kKeyGap});
    return p;
}

std::optional<KeyId> Keyboard::pressed_key() const {
    if (!held_ || held_->off) return std::nullopt;
    return held_->key;
}

// ---- input ------------------------------------------------------------------------------

double Keyboard::clock(double t_ms) {
    if (std::isfinite(t_ms) && t_ms > now_) now_ = t_ms;
    return now_;
}

void Keyboard::press(KeyId key, double t_ms) {
    const double t = clock(t_ms);
    if (held_) return;
    const KeyDef* d = def(key);
    if (!d) return;
    held_ = Held{key, t, false, false, t + kRepeatDelayMs};
    if (d->kind != KeyKind::Shift) shift_was_last_ = false;
    if (d->kind == KeyKind::Backspace) backspace();
}

void Keyboard::move(Vec2 local, double t_ms) {
    tick(t_ms);
    if (!held_ || held_->off || !std::isfinite(local.x) || !std::isfinite(local.y)) return;
    if (popup_) {
        const Rect& first = popup_->rects.front();
        const Rect& last = popup_->rects.back();
        const Rect k = rect_of(held_->key);
        const bool near = local.x >= first.x - kKeyPitch && local.x <= last.x + last.w + kKeyPitch &&
                          local.y >= first.y - kKeyPitch && local.y <= k.y + k.h + kKeyPitch;
        popup_->selected = -1;
        if (!near) return;
        double best = 1e300;
        for (std::size_t i = 0; i < popup_->rects.size(); ++i) {
            const double dx = std::abs(popup_->rects[i].centre().x - local.x);
            if (dx < best) best = dx, popup_->selected = static_cast<int>(i);
        }
        return;
    }
    const Rect r = rect_of(held_->key);
    if (local.x < r.x - kSlideOffPx || local.x > r.x + r.w + kSlideOffPx || local.y < r.y - kSlideOffPx ||
        local.y > r.y + r.h + kSlideOffPx)
        held_->off = true;
}

void Keyboard::tick(double t_ms) {
    const double t = clock(t_ms);
    if (!held_ || held_->off) return;
    Held& h = *held_;
    const KeyDef* d = def(h.key);
    if (!d) return;
    const bool long_time = t - h.down_t >= kLongPressMs;
    if (d->kind == KeyKind::Char && long_time && !h.long_fired) {
        h.long_fired = true;
        popup_ = popup_for(h.key);  // stays empty for letters without accents
    } else if (d->kind == KeyKind::Shift && long_time && !h.long_fired) {
        h.long_fired = true;
        shift_ = Shift::Caps;
    } else if (d->kind == KeyKind::Backspace && t >= h.next_repeat) {
        // Catch up whole intervals at once (a slow frame must not slow the repeat), but
        // never delete more than the text holds.
        const double n = std::floor((t - h.next_repeat) / kRepeatIntervalMs) + 1;
        h.next_repeat += n * kRepeatIntervalMs;
        for (double i = 0; i < n && cursor_ > 0; ++i) backspace();
    }
}

Finish Keyboard::release_finish(double t_ms) {
    tick(t_ms);
    const double t = now_;
    if (!held_) return Finish::None;
    const Held h = *held_;
    held_.reset();
    std::optional<Popup> pop = std::move(popup_);
    popup_.reset();
    const KeyDef* d = def(h.key);
    if (!d || h.off) {
        shift_was_last_ = false;
        return Finish::None;
    }
    Finish done = Finish::None;
    const bool shift_tap = d->kind == KeyKind::Shift && !h.long_fired;
    if (pop) {
        if (pop->selected >= 0) {
            insert(pop->choices[static_cast<std::size_t>(pop->selected)]);
            if (shift_ == Shift::Once) shift_ = Shift::Off;
        }
    } else {
        switch (d->kind) {
            case KeyKind::Char:
                insert(shift_ == Shift::Off ? d->lower : d->upper);
                if (shift_ == Shift::Once) shift_ = Shift::Off;
                break;
            case KeyKind::Shift:
                if (shift_tap) tap_shift(h);
                break;
            case KeyKind::Space: insert(" "); break;
            case KeyKind::Backspace: break;  // deleted on press and while held
            case KeyKind::Enter:
                if (multiline_) insert("\n");
                else done = Finish::Enter;
                break;
            case KeyKind::Done: done = Finish::Done; break;
            case KeyKind::Accent: cycle_accent(); break;
            case KeyKind::Layer: layer_ = other(layer_); break;
            case KeyKind::More: layer_ = other_page(layer_); break;
        }
    }
    shift_was_last_ = shift_tap;
    if (shift_tap) shift_up_t_ = t;
    return done;
}

void Keyboard::cancel() {
    held_.reset();
    popup_.reset();
    shift_was_last_ = false;
}

void Keyboard::tap_shift(const Held& h) {
    const bool second = shift_was_last_ && h.down_t - shift_up_t_ <= kDoubleTapMs;
    if (second && shift_ != Shift::Caps) shift_ = Shift::Caps;
    else shift_ = shift_ == Shift::Off ? Shift::Once : Shift::Off;
}

// ---- text and cursor --------------------------------------------------------------------

void Keyboard::insert(std::string_view s) {
    if (utf8::length(text_) + utf8::length(s) > max_chars_) return;
    text_.insert(cursor_, s);
    cursor_ += s.size();
}

void Keyboard::backspace() {
    if (cursor_ == 0) return;
    std::size_t p = cursor_ - 1;
    while (p > 0 && continuation(text_[p])) --p;
    text_.erase(p, cursor_ - p);
    cursor_ = p;
}

void Keyboard::cycle_accent() {
    if (cursor_ == 0) return;
    std::size_t p = cursor_ - 1;
    while (p > 0 && continuation(text_[p])) --p;
    const std::string before = text_.substr(p, cursor_ - p);
    std::string_view next;
    if (const auto& acc = accents_of(before); !acc.empty()) {
        next = acc.front();
    } else {
        for (std::string_view base : {"a", "c", "e", "i", "n", "o", "u", "A", "C", "E", "I", "N", "O", "U"}) {
            const auto& list = accents_of(base);
            const auto it = std::find(list.begin(), list.end(), before);
            if (it == list.end()) continue;
            next = it + 1 == list.end() ? base : *(it + 1);
            break;
        }
    }
    if (next.empty()) return;
    text_.replace(p, cursor_ - p, next);
    cursor_ = p + next.size();
}

void Keyboard::place_cursor(double x, const TextWidth& width) {
    if (!std::isfinite(x) || !width) return;
    std::size_t best = 0;
    double best_d = 1e300;
    for (std::size_t i = 0;; i += cp_len(text_, i)) {
        const double w = width(std::string_view(text_).substr(0, i));
        const double dist = std::isfinite(w) ? std::abs(w - x) : 1e300;
        if (dist < best_d) best_d = dist, best = i;
        if (i >= text_.size()) break;
    }
    cursor_ = best;
}

void Keyboard::set_cursor(std::size_t byte_offset) {
    cursor_ = std::min(byte_offset, text_.size());
    while (cursor_ > 0 && cursor_ < text_.size() && continuation(text_[cursor_])) --cursor_;
}

void Keyboard::set_text(std::string_view text) {
    const std::string t = utf8::repaired(text);
    text_.clear();
    for (std::size_t i = 0, n = 0; i < t.size() && n < max_chars_; ++n) {
        const std::size_t len = cp_len(t, i);
        text_.append(t, i, len);
        i += len;
    }
    cursor_ = text_.size();
}

void Keyboard::insert_text(std::string_view text) {
    const std::string t = utf8::repaired(text);
    for (std::size_t i = 0; i < t.size();) {
        const std::size_t len = cp_len(t, i);
        if (utf8::length(text_) >= max_chars_) return;
        insert(std::string_view(t).substr(i, len));
        i += len;
    }
}

std::string Keyboard::take_text() {
    std::string out = std::move(text_);
    const std::size_t b = out.find_first_not_of(' ');
    out = b == std::string::npos ? std::string() : out.substr(b, out.find_last_not_of(' ') - b + 1);
    text_.clear();
    cursor_ = 0;
    shift_ = Shift::Once;
    layer_ = Layer::Letters;
    held_.reset();
    popup_.reset();
    shift_was_last_ = false;
    return out;
}

// ---- plan_typing ------------------------------------------------------------------------

std::optional<std::vector<KeyStroke>> Keyboard::strokes_for(std::string_view ch) const {
    struct Found {
        Layer layer;
        int index;
        bool letter;  // shift matters
        bool upper;
        int choice;
    };
    std::optional<Found> f;
    std::vector<Layer> order = {layer_};
    for (Layer l : {Layer::Letters, Layer::Symbols, Layer::More})
        if (l != layer_) order.push_back(l);
    for (Layer l : order) {
        // Direct keys first, then long-press choices, the current layer before the other.
        each_def(layout_, kind_, l, [&](int i, int, const KeyDef& d) {
            if (f || d.kind != KeyKind::Char) return;
            const bool letter = d.lower != d.upper;
            if (d.lower == ch) f = Found{l, i, letter, false, -1};
            else if (d.upper == ch) f = Found{l, i, letter, true, -1};
        });
        each_def(layout_, kind_, l, [&](int i, int, const KeyDef& d) {
            if (f || d.kind != KeyKind::Char) return;
            for (bool upper : {false, true}) {
                const auto& acc = accents_of(upper ? d.upper : d.lower);
                const auto it = std::find(acc.begin(), acc.end(), ch);
                if (it != acc.end() && !f) f = Found{l, i, true, upper, static_cast<int>(it - acc.begin()) + 1};
            }
        });
        if (ch == " ") {
            if (const auto sp = index_by_name(layout_, kind_, l, "space")) f = Found{l, *sp, false, false, -1};
        }
        if (ch == "\n" && multiline_) {
            if (const auto en = index_by_name(layout_, kind_, l, "enter")) f = Found{l, *en, false, false, -1};
        }
        if (f) break;
    }
    if (!f) return std::nullopt;
    std::vector<KeyStroke> out;
    const auto stroke = [&](Layer l, std::string_view name) -> bool {
        const std::optional<int> i = index_by_name(layout_, kind_, l, name);
        if (i) out.push_back({{l, *i}, std::string(name), -1});
        return i.has_value();
    };
    for (const auto& [on, name] : path(layer_, f->layer))
        if (!stroke(on, name)) return std::nullopt;
    if (f->letter && (f->upper != (shift_ != Shift::Off)) && !stroke(f->layer, "shift")) return std::nullopt;
    const KeyDef* d = nullptr;
    each_def(layout_, kind_, f->layer, [&](int i, int, const KeyDef& k) {
        if (i == f->index) d = &k;
    });
    out.push_back({{f->layer, f->index}, std::string(name_of(d->kind, *d)), f->choice});
    return out;
}

double Keyboard::perform(const KeyStroke& s, double t_ms) {
    double t = clock(t_ms);
    press(s.key, t);
    if (s.choice >= 0) {
        t += kLongPressMs + 50;
        tick(t);
        if (popup_ && s.choice < static_cast<int>(popup_->rects.size()))
            move(popup_->rects[static_cast<std::size_t>(s.choice)].centre(), t);
    }
    t += 16;
    release(t);
    return t;
}

std::optional<std::vector<KeyStroke>> Keyboard::plan_typing(std::string_view text, std::string* missing) const {
    const auto fail = [&](std::string_view what) -> std::optional<std::vector<KeyStroke>> {
        if (missing) *missing = std::string(what);
        return std::nullopt;
    };
    Keyboard sim = *this;
    sim.cancel();
    std::vector<KeyStroke> out;
    double t = sim.now_ + 10'000;  // far from any earlier tap: no accidental double-tap
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view ch = text.substr(i, cp_len(text, i));
        i += ch.size();
        if (!utf8::valid(ch)) return fail("\xEF\xBF\xBD");
        const std::optional<std::vector<KeyStroke>> strokes = sim.strokes_for(ch);
        if (!strokes) return fail(ch);
        const std::string before = sim.text_;
        for (const KeyStroke& s : *strokes) t = sim.perform(s, t) + 1'000;
        // Verify on the copy: the stroke typed exactly this character (it does not when
        // the text is full: then the missing "character" is empty).
        if (sim.text_.size() != before.size() + ch.size() || sim.cursor_ < ch.size()) return fail("");
        std::string expect = before;
        expect.insert(sim.cursor_ - ch.size(), ch);
        if (sim.text_ != expect) return fail("");
        out.insert(out.end(), strokes->begin(), strokes->end());
    }
    return out;
}

}  // namespace nk::kb
