// Sections: Station | placement | open/close | controls and hit-testing | fingers | replay.
#include "stations.hpp"

#include <algorithm>
#include <cmath>

#include "utf8.hpp"

namespace nk {

// ---- Station ----------------------------------------------------------------------------

int Station::tray_count(const Document& doc) const {
    int n = 0;
    if (writer != 0) {
        for (const Partner& p : doc.partners) n += p.author == writer && !p.face_up;
        return n;
    }
    for (Id id : anonymous_ids) {
        const Partner* p = doc.partner(id);
        n += p && p->author == 0 && !p->face_up;
    }
    return n;
}

std::string_view station_open_error_id(Stations::OpenError e) {
    switch (e) {
        case Stations::OpenError::None: return "none";
        case Stations::OpenError::Full: return "full";
        case Stations::OpenError::NoRoom: return "no_room";
    }
    return "none";
}

// ---- placement --------------------------------------------------------------------------

namespace {
bool horizontal(Side s) { return s == Side::Bottom || s == Side::Top; }

bool overlaps(const kb::Rect& a, const kb::Rect& b, double gap) {
    const double g = gap - 1e-6;  // exactly `gap` apart is clear
    return a.x < b.x + b.w + g && b.x < a.x + a.w + g && a.y < b.y + b.h + g && b.y < a.y + a.h + g;
}
}  // namespace

Stations::Stations(StationLayout layout, kb::Layout keys) : layout_(layout), keys_(keys) {}

kb::EdgeFrame Stations::frame_for(Side side, double along) const {
    return {side, along, scale_, {kStationW, kStationH}, screen_};
}

std::optional<double> Stations::free_along(Side side, double along, const std::vector<kb::Rect>& obstacles) const {
    const double length = horizontal(side) ? screen_.x : screen_.y;
    const double half = kStationW * scale_ / 2, gap = kStationGap * scale_;
    if (length < 2 * half) return std::nullopt;
    const double lo = half, hi = length - half;
    if (!std::isfinite(along)) along = length / 2;
    std::vector<double> candidates = {std::clamp(along, lo, hi), lo, hi};
    for (const kb::Rect& o : obstacles) {
        const double o_lo = horizontal(side) ? o.x : o.y, o_hi = o_lo + (horizontal(side) ? o.w : o.h);
        candidates.push_back(o_lo - gap - half);
        candidates.push_back(o_hi + gap + half);
    }
    std::optional<double> best;
    for (double c : candidates) {
        if (c < lo - 1e-9 || c > hi + 1e-9) continue;
        const kb::Rect r = frame_for(side, c).screen_bounds();
        if (std::any_of(obstacles.begin(), obstacles.end(), [&](const kb::Rect& o) { return overlaps(r, o, gap); }))
            continue;
        if (!best || std::abs(c - along) < std::abs(*best - along)) best = c;
    }
    return best;
}

std::optional<double> Stations::close_up(Side side, double along) {
    const double length = horizontal(side) ? screen_.x : screen_.y;
    const double half = kStationW * scale_ / 2, step = kStationW * scale_ + kStationGap * scale_;
    if (!std::isfinite(along)) along = length / 2;
    // The stations on this edge and the new one, in order along it (the new one before
    // any that stands exactly where it was asked).
    struct Slot {
        Station* station;  // nullptr: the new one
        double at;
    };
    std::vector<Slot> slots = {{nullptr, along}};
    for (Station& s : stations_)
        if (s.frame.side == side) slots.push_back({&s, s.frame.along});
    std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.at < b.at; });
    // Each as near its place as the ones before it allow, then pulled back from the far end.
    for (std::size_t i = 0; i < slots.size(); ++i)
        slots[i].at = std::max(i == 0 ? half : slots[i - 1].at + step, slots[i].at);
    for (std::size_t i = slots.size(); i-- > 0;)
        slots[i].at = std::min(i + 1 == slots.size() ? length - half : slots[i + 1].at - step, slots[i].at);
    if (slots.front().at < half - 1e-9) return std::nullopt;
    // Stations on the other edges stay; the closed-up row must clear them.
    std::vector<kb::Rect> others;
    for (const Station& s : stations_)
        if (s.frame.side != side) others.push_back(s.frame.screen_bounds());
    for (const Slot& sl : slots) {
        const kb::Rect r = frame_for(side, sl.at).screen_bounds();
        for (const kb::Rect& o : others)
            if (overlaps(r, o, kStationGap * scale_)) return std::nullopt;
    }
    double mine = along;
    for (const Slot& sl : slots) {
        if (sl.station) sl.station->frame = frame_for(side, sl.at);
        else mine = sl.at;
    }
    return mine;
}

void Stations::set_screen(Vec2 size, double scale) {
    if (std::isfinite(size.x) && std::isfinite(size.y) && size.x > 0 && size.y > 0) screen_ = size;
    if (std::isfinite(scale) && scale > 0) scale_ = scale;
    std::vector<kb::Rect> placed;
    for (Station& s : stations_) {
        const double length = horizontal(s.frame.side) ? screen_.x : screen_.y;
        const double half = std::min(kStationW * scale_ / 2, length / 2);
        const double along = std::clamp(s.frame.along, half, length - half);
        s.frame = frame_for(s.frame.side, free_along(s.frame.side, along, placed).value_or(along));
        placed.push_back(s.frame.screen_bounds());
    }
}

// ---- open/close -------------------------------------------------------------------------

Stations::Opened Stations::open(Side side, double along, const Document& doc) {
    if (stations_.size() >= static_cast<std::size_t>(kMaxStations)) return {0, OpenError::Full};
    if (layout_ == StationLayout::Wall) side = Side::Bottom;
    std::vector<kb::Rect> others;
    for (const Station& s : stations_) others.push_back(s.frame.screen_bounds());
    std::optional<double> at = free_along(side, along, others);
    if (!at) at = close_up(side, along);
    if (!at) return {0, OpenError::NoRoom};
    int number = 1;
    while (find(number)) ++number;  // stations_ is in number order: the lowest free one
    Station s;
    s.number = number;
    s.state = doc.participants.empty() ? Station::State::Typing : Station::State::ChoosingWriter;
    s.frame = frame_for(side, *at);
    s.keyboard = kb::Keyboard(keys_);
    s.serial = next_serial_++;
    const auto pos = std::find_if(stations_.begin(), stations_.end(), [&](const Station& o) { return o.number > number; });
    stations_.insert(pos, std::move(s));
    return {number, OpenError::None};
}

bool Stations::close(int number) {
    const auto it = std::find_if(stations_.begin(), stations_.end(), [&](const Station& s) { return s.number == number; });
    if (it == stations_.end()) return false;
    const std::uint64_t serial = it->serial;
    std::erase_if(captures_, [&](const Capture& c) { return c.serial == serial; });
    stations_.erase(it);
    return true;
}

const Station* Stations::find(int number) const {
    for (const Station& s : stations_)
        if (s.number == number) return &s;
    return nullptr;
}

Station* Stations::find(int number) {
    return const_cast<Station*>(static_cast<const Stations*>(this)->find(number));
}

Station* Stations::by_serial(std::uint64_t serial) {
    for (Station& s : stations_)
        if (s.serial == serial) return &s;
    return nullptr;
}

// ---- controls and hit-testing -----------------------------------------------------------

std::vector<StationControl> Stations::controls(const Station& s, const Document& doc) const {
    const std::string prefix = "station." + std::to_string(s.number) + ".";
    const double button = kb::kKeyPitch - kb::kKeyGap;  // 52: a finger's target
    std::vector<StationControl> out;
    out.push_back({StationControl::Kind::Close, prefix + "close",
                   {kStationW - kb::kPad - button, (kStationHeaderH - button) / 2, button, button}, 0});
    if (s.state == Station::State::Typing) {
        if (!doc.participants.empty())
            out.push_back({StationControl::Kind::Writer, prefix + "writer",
                           {kb::kPad, (kStationHeaderH - button) / 2, kStationW / 2, button}, s.writer});
        return out;
    }
    // ChoosingWriter: three columns of buttons, the participants and then anonymous.
    const double w = (kStationW - 2 * kb::kPad - 2 * kb::kKeyGap) / 3;
    int slot = 0;
    const auto rect = [&](int i) {
        return kb::Rect{kb::kPad + (i % 3) * (w + kb::kKeyGap), kStationHeaderH + kb::kPad + (i / 3) * (button + 6),
                        w, button};
    };
    for (const Participant& p : doc.participants) {
        if (slot == kMaxChoices) break;
        out.push_back({StationControl::Kind::Participant, prefix + "participant." + std::to_string(p.id), rect(slot++),
                       p.id});
    }
    out.push_back({StationControl::Kind::Anonymous, prefix + "anonymous", rect(slot), 0});
    return out;
}

std::optional<StationHit> Stations::hit(Vec2 screen, const Document& doc) const {
    if (!std::isfinite(screen.x) || !std::isfinite(screen.y)) return std::nullopt;
    for (auto it = stations_.rbegin(); it != stations_.rend(); ++it) {
        const Station& s = *it;
        const Vec2 local = s.frame.to_local(screen);
        if (!kb::Rect{0, 0, kStationW, kStationH}.contains(local)) continue;
        StationHit h;
        h.station = s.number;
        h.local = local;
        for (const StationControl& c : controls(s, doc)) {
            if (!c.rect.contains(local)) continue;
            h.part = StationHit::Part::Control;
            h.control = c;
            return h;
        }
        if (s.state == Station::State::Typing) {
            const Vec2 k = Station::local_to_keyboard(local);
            if (kb::Keyboard::text_field().contains(k)) {
                h.part = StationHit::Part::TextField;
            } else if (const auto key = s.keyboard.key_at(k)) {
                h.part = StationHit::Part::Key;
                h.key = key;
            }
        }
        return h;
    }
    return std::nullopt;
}

// ---- fingers ----------------------------------------------------------------------------

bool Stations::owns(PointerKey p) const {
    return std::any_of(captures_.begin(), captures_.end(), [&](const Capture& c) { return c.pointer == p; });
}

bool Stations::down(PointerKey p, Vec2 screen, double t_ms, const Document& doc, const kb::TextWidth& width) {
    if (owns(p)) cancel(p);  // a lost up: the old touch ends first
    const std::optional<StationHit> h = hit(screen, doc);
    if (!h) return false;
    Station* s = find(h->station);
    Capture c{p, s->serial, *h, false};
    const Vec2 k = Station::local_to_keyboard(h->local);
    if (h->part == StationHit::Part::Key && !s->keyboard.held()) {
        s->keyboard.press(*h->key, t_ms);
        c.pressed_key = true;
    } else if (h->part == StationHit::Part::TextField) {
        const kb::TextWidth fallback = [](std::string_view t) { return 14.0 * static_cast<double>(utf8::length(t)); };
        s->keyboard.place_cursor(k.x - kb::Keyboard::text_field().x - kb::kTextPad, width ? width : fallback);
    }
    captures_.push_back(std::move(c));
    return true;
}

void Stations::move(PointerKey p, Vec2 screen, double t_ms) {
    for (const Capture& c : captures_) {
        if (c.pointer != p || !c.pressed_key) continue;
        if (Station* s = by_serial(c.serial))
            s->keyboard.move(Station::local_to_keyboard(s->frame.to_local(screen)), t_ms);
    }
}

std::optional<act::AddPartner> Stations::up(PointerKey p, Vec2 screen, double t_ms, const Document& doc) {
    const auto it = std::find_if(captures_.begin(), captures_.end(), [&](const Capture& c) { return c.pointer == p; });
    if (it == captures_.end()) return std::nullopt;
    const Capture c = *it;
    captures_.erase(it);
    Station* s = by_serial(c.serial);
    if (!s) return std::nullopt;
    if (c.pressed_key) {
        if (std::isfinite(screen.x) && std::isfinite(screen.y))
            s->keyboard.move(Station::local_to_keyboard(s->frame.to_local(screen)), t_ms);
        if (!s->keyboard.release(t_ms)) return std::nullopt;
        std::string text = s->keyboard.take_text();
        if (text.empty()) return std::nullopt;
        act::AddPartner a;
        a.text = std::move(text);
        a.category = Category::Ongesorteerd;
        a.pos = {0, 0};  // face down: not on the board; the reveal places it in its lane
        a.rotation = 0;
        a.author = s->writer;
        a.face_up = false;
        a.side = s->side();
        if (s->writer == 0) s->anonymous_ids.push_back(doc.next_partner_id());
        return a;
    }
    if (c.hit.part != StationHit::Part::Control) return std::nullopt;
    const std::optional<StationHit> now = hit(screen, doc);
    if (!now || now->station != s->number || !now->control || now->control->id != c.hit.control->id)
        return std::nullopt;  // slid off the control: no tap
    choose(*s, *now->control);
    return std::nullopt;
}

void Stations::choose(Station& s, const StationControl& c) {
    switch (c.kind) {
        case StationControl::Kind::Close: close(s.number); return;  // s is gone now
        case StationControl::Kind::Writer:
            s.keyboard.cancel();
            s.state = Station::State::ChoosingWriter;
            return;
        case StationControl::Kind::Participant:
        case StationControl::Kind::Anonymous:
            s.writer = c.participant;
            s.state = Station::State::Typing;
            return;
    }
}

void Stations::cancel(PointerKey p) {
    const auto it = std::find_if(captures_.begin(), captures_.end(), [&](const Capture& c) { return c.pointer == p; });
    if (it == captures_.end()) return;
    if (Station* s = by_serial(it->serial); s && it->pressed_key) s->keyboard.cancel();
    captures_.erase(it);
}

void Stations::tick(double t_ms) {
    for (Station& s : stations_) s.keyboard.tick(t_ms);
}

// ---- replay -----------------------------------------------------------------------------

std::optional<Vec2> Stations::control_centre(std::string_view id, const Document& doc) const {
    for (const Station& s : stations_)
        for (const StationControl& c : controls(s, doc))
            if (c.id == id) return s.frame.to_screen(c.rect.centre());
    return std::nullopt;
}

std::optional<Vec2> Stations::key_centre(int station, std::string_view key_name) const {
    const Station* s = find(station);
    if (!s || s->state != Station::State::Typing) return std::nullopt;
    const std::optional<kb::KeyId> id = s->keyboard.key_by_name(key_name);
    if (!id) return std::nullopt;
    return s->keyboard_to_screen(s->keyboard.key(*id)->rect.centre());
}

}  // namespace nk
