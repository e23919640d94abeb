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

// How many stations of width `w` fit side by side `gap` apart in `length`.
int fitting(double length, double w, double gap) {
    if (length + 1e-6 < w) return 0;
    return std::min(kMaxStations, 1 + static_cast<int>(std::floor((length - w + 1e-6) / (w + gap))));
}
}  // namespace

Stations::Stations(StationLayout layout, kb::Layout keys) : layout_(layout), keys_(keys) {}

kb::EdgeFrame Stations::frame_for(Side side, double along) const {
    return {side, along, scale_, {kStationW, kStationH}, screen_};
}

std::vector<StationSlot> Stations::slots(StationLayout layout) const {
    const double w = kStationW * scale_, d = kStationH * scale_, gap = kStationGap * scale_;
    std::vector<StationSlot> out;
    const auto add = [&](Side side, double along) {
        out.push_back({static_cast<int>(out.size()) + 1, side, along});
    };
    if (layout == StationLayout::Wall) {
        // Spread evenly: each writer gets an equal stretch of the wall, gaps included.
        const int n = fitting(screen_.x - 2 * gap, w, gap);
        for (int i = 0; i < n; ++i) add(Side::Bottom, screen_.x * (2 * i + 1) / (2.0 * n));
        return out;
    }
    // Table: top and bottom between the side slots' strips, packed round the middle.
    const double span = screen_.x - 2 * (d + gap);
    const int n = fitting(span, w, gap);
    const double step = w + gap, first = screen_.x / 2 - (n - 1) * step / 2;
    const bool side_fits = screen_.y >= w + 2 * gap;
    for (int i = 0; i < n; ++i) add(Side::Bottom, first + i * step);
    if (side_fits) add(Side::Right, screen_.y / 2);
    for (int i = n; i-- > 0;) add(Side::Top, first + i * step);  // right to left on screen
    if (side_fits) add(Side::Left, screen_.y / 2);
    while (out.size() > static_cast<std::size_t>(kMaxStations)) out.pop_back();
    return out;
}

double Stations::reserved(Side side) const {
    for (const Station& s : stations_)
        if (s.frame.side == side) return (kStationH + kStationGap) * scale_;
    return 0;
}

Vec2 Stations::free_corner() const {
    if (layout_ == StationLayout::Wall) return {0, 0};
    Vec2 c = screen_;
    const double gap = kStationGap * scale_;
    for (const StationSlot& slot : slots(layout_)) {
        const kb::Rect r = frame_for(slot.side, slot.along).screen_bounds();
        if (horizontal(slot.side)) c.x = std::min(c.x, std::min(r.x, screen_.x - r.x - r.w) - gap);
        else c.y = std::min(c.y, std::min(r.y, screen_.y - r.y - r.h) - gap);
    }
    return {std::max(0.0, c.x), std::max(0.0, c.y)};
}

bool Stations::slot_free(const StationSlot& slot) const {
    if (find(slot.number)) return false;
    const kb::Rect r = frame_for(slot.side, slot.along).screen_bounds();
    return std::none_of(stations_.begin(), stations_.end(), [&](const Station& s) {
        return overlaps(r, s.frame.screen_bounds(), kStationGap * scale_);
    });
}

void Stations::set_screen(Vec2 size, double scale) {
    if (std::isfinite(size.x) && std::isfinite(size.y) && size.x > 0 && size.y > 0) screen_ = size;
    if (std::isfinite(scale) && scale > 0) scale_ = scale;
    const std::vector<StationSlot> wall = slots(StationLayout::Wall), table = slots(StationLayout::Table);
    for (Station& s : stations_) {
        const std::vector<StationSlot>& mine = s.layout == StationLayout::Wall ? wall : table;
        const auto slot = std::find_if(mine.begin(), mine.end(), [&](const StationSlot& o) { return o.number == s.number; });
        if (slot != mine.end()) {
            s.frame = frame_for(slot->side, slot->along);
            continue;
        }
        const double length = horizontal(s.frame.side) ? screen_.x : screen_.y;
        const double half = std::min(kStationW * scale_ / 2, length / 2);
        s.frame = frame_for(s.frame.side, std::clamp(s.frame.along, half, length - half));
    }
}

// ---- open/close -------------------------------------------------------------------------

Stations::Opened Stations::open(Side side, double along, const Document& doc) {
    if (stations_.size() >= static_cast<std::size_t>(kMaxStations)) return {0, OpenError::Full};
    if (layout_ == StationLayout::Wall) side = Side::Bottom;
    // No place asked (NaN): the lowest-numbered free slot on that edge.
    const auto distance = [&](const StationSlot& slot) { return std::isfinite(along) ? std::abs(slot.along - along) : 0.0; };
    std::optional<StationSlot> best;
    bool any_free = false;
    for (const StationSlot& slot : slots(layout_)) {
        if (!slot_free(slot)) continue;
        any_free = true;
        if (slot.side == side && (!best || distance(slot) < distance(*best))) best = slot;
    }
    if (!best) return {0, any_free ? OpenError::NoRoom : OpenError::Full};
    Station s;
    s.number = best->number;
    s.state = doc.participants.empty() ? Station::State::Typing : Station::State::ChoosingWriter;
    s.frame = frame_for(best->side, best->along);
    s.keyboard = kb::Keyboard(keys_);
    s.serial = next_serial_++;
    s.layout = layout_;
    const auto pos = std::find_if(stations_.begin(), stations_.end(), [&](const Station& o) { return o.number > s.number; });
    stations_.insert(pos, std::move(s));
    return {best->number, OpenError::None};
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
    const double button = kStationButton;  // a finger's target
    std::vector<StationControl> out;
    out.push_back({StationControl::Kind::Close, prefix + "close",
                   {kStationW - kb::kPad - button, (kStationHeaderH - button) / 2, button, button}, 0});
    if (s.state == Station::State::Typing) {
        if (!doc.participants.empty())
            out.push_back({StationControl::Kind::Writer, prefix + "writer",
                           {kStationNumberW, (kStationHeaderH - button) / 2, kStationW / 2, button}, s.writer});
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
