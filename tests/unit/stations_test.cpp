// Brainstorm stations: several writers' fingers on one screen, then the post-its.
//
// Sections: harness | numbering and placement | writers | typing at several stations |
// finishing and trays | hit-testing through the rotation | fingers.
#include "stations.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "reducer.hpp"

using namespace nk;

namespace {

// ---- harness: a screen with stations, a board and a clock ------------------------------
struct Screen {
    Document doc;
    Stations st{StationLayout::Table};
    double t = 1000;
    std::vector<act::AddPartner> added;

    Screen() { st.set_screen({1920, 1080}, 1); }

    int open(Side side, double along) {
        const Stations::Opened o = st.open(side, along, doc);
        EXPECT_EQ(o.error, Stations::OpenError::None);
        return o.number;
    }
    void finish(std::optional<act::AddPartner> a) {
        if (!a) return;
        added.push_back(*a);
        doc = reduce(doc, *a);
    }
    Vec2 key(int station, std::string_view name) {
        const auto c = st.key_centre(station, name);
        EXPECT_TRUE(c.has_value()) << "station " << station << " key " << name;
        return c.value_or(Vec2{});
    }
    void tap_at(PointerKey p, Vec2 s) {
        EXPECT_TRUE(st.down(p, s, t, doc));
        t += 32;
        finish(st.up(p, s, t, doc));
        t += 400;
    }
    void tap_control(std::string_view id) {
        const auto c = st.control_centre(id, doc);
        ASSERT_TRUE(c.has_value()) << id;
        tap_at({1, 99}, *c);
    }
    // One stroke of a plan, as a finger on the screen (through the station's rotation).
    // The plan for `text` at `station`, typed stroke by stroke with finger `p`.
    void type(int station, PointerKey p, std::string_view text) {
        const auto plan = st.find(station)->keyboard.plan_typing(text);
        ASSERT_TRUE(plan.has_value()) << text;
        for (const kb::KeyStroke& k : *plan) stroke(station, p, k);
    }
    void stroke(int station, PointerKey p, const kb::KeyStroke& k) {
        const Station* s = st.find(station);
        const Vec2 at = s->keyboard_to_screen(s->keyboard.key(k.key)->rect.centre());
        ASSERT_TRUE(st.down(p, at, t, doc));
        Vec2 up = at;
        if (k.choice >= 0) {
            for (double end = t + 600; t < end;) st.tick(t += 16);
            const auto& pop = st.find(station)->keyboard.popup();
            ASSERT_TRUE(pop.has_value());
            up = s->keyboard_to_screen(pop->rects.at(static_cast<std::size_t>(k.choice)).centre());
            st.move(p, up, t += 16);
        }
        t += 32;
        finish(st.up(p, up, t, doc));
        t += 100;
    }
};

PointerKey finger(int i) { return {1, i}; }

bool apart(const kb::Rect& a, const kb::Rect& b) {
    return a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
}

// ---- numbering and placement -----------------------------------------------------------

// Where each numbered slot stands: its side and its middle along that side.
std::vector<std::pair<Side, double>> where(const Stations& st) {
    std::vector<std::pair<Side, double>> out;
    for (const Station& s : st.all()) out.emplace_back(s.side(), s.frame.along);
    return out;
}

TEST(Stations, FourWritersFitAlongTheBottomOfAWallNumberedLeftToRight) {
    for (const Vec2 screen : {Vec2{1920, 1080}, Vec2{3840, 2160}}) {
        Screen s;
        s.st.set_layout(StationLayout::Wall);
        s.st.set_screen(screen, screen.y / 1080);
        // Opened in any order, asked anywhere: each takes the free slot nearest the request.
        EXPECT_EQ(s.open(Side::Bottom, screen.x * 0.4), 2);
        EXPECT_EQ(s.open(Side::Left, screen.x), 4);  // a wall has no left: the bottom, far right
        EXPECT_EQ(s.open(Side::Bottom, 0), 1);
        EXPECT_EQ(s.open(Side::Bottom, screen.x * 0.4), 3);  // 2 is taken: the nearest free one
        s.st.close(1);
        EXPECT_EQ(s.open(Side::Bottom, std::nan("")), 1);  // no place asked: the lowest free
        ASSERT_EQ(s.st.all().size(), 4u);
        double last_right = -1;
        for (const Station& a : s.st.all()) {
            const kb::Rect r = a.frame.screen_bounds();
            EXPECT_EQ(a.side(), Side::Bottom);
            EXPECT_DOUBLE_EQ(a.frame.rotation(), 0);
            EXPECT_GE(r.x, last_right + kStationGap * screen.y / 1080 - 1e-6) << "station " << a.number
                                                                                << " is not right of the one before";
            EXPECT_LE(r.x + r.w, screen.x + 1e-6);
            EXPECT_NEAR(r.y + r.h, screen.y, 1e-6);
            last_right = r.x + r.w;
        }
        // A fifth: no room anywhere, said plainly (Full), and nothing moved.
        const auto before = where(s.st);
        const Stations::Opened o = s.st.open(Side::Bottom, screen.x / 2, s.doc);
        EXPECT_EQ(o.number, 0);
        EXPECT_EQ(o.error, Stations::OpenError::Full);
        EXPECT_EQ(where(s.st), before);
    }
}

TEST(Stations, NumbersAreSlotsThatNeverChangeWhileOpen) {
    Screen s;  // a table
    EXPECT_EQ(s.open(Side::Top, 0), 5);      // top, left on screen: the right hand of those writers
    EXPECT_EQ(s.open(Side::Bottom, 1920), 2);
    EXPECT_EQ(s.open(Side::Right, 0), 3);
    const auto before = where(s.st);
    EXPECT_TRUE(s.st.close(3));
    EXPECT_FALSE(s.st.close(3));
    EXPECT_EQ(s.open(Side::Bottom, 0), 1);
    EXPECT_EQ(s.open(Side::Left, 540), 6);
    EXPECT_EQ(s.open(Side::Right, 900), 3);  // the same slot again
    // The ones that were open stand where they stood, under the same numbers.
    const auto now = where(s.st);
    EXPECT_EQ(s.st.find(2)->frame.along, before[0].second);
    EXPECT_EQ(s.st.find(5)->frame.along, before[2].second);
    EXPECT_EQ(s.st.find(3)->frame.along, before[1].second);
    ASSERT_EQ(now.size(), 5u);
    for (std::size_t i = 1; i < s.st.all().size(); ++i)
        EXPECT_LT(s.st.all()[i - 1].number, s.st.all()[i].number) << "all() is in number order";
}

TEST(Stations, SixAroundATableNumberedRoundItAsEachWriterSeesIt) {
    for (const Vec2 screen : {Vec2{1920, 1080}, Vec2{3840, 2160}}) {
        Screen s;
        s.st.set_screen(screen, screen.y / 1080);
        for (const Side side : {Side::Left, Side::Top, Side::Top, Side::Right, Side::Bottom, Side::Bottom})
            EXPECT_NE(s.open(side, screen.x / 2), 0) << side_id(side);
        ASSERT_EQ(s.st.all().size(), 6u);
        const auto at = [&](int n) { return s.st.find(n)->frame.screen_bounds(); };
        EXPECT_EQ(s.st.find(1)->side(), Side::Bottom);
        EXPECT_EQ(s.st.find(2)->side(), Side::Bottom);
        EXPECT_EQ(s.st.find(3)->side(), Side::Right);
        EXPECT_EQ(s.st.find(4)->side(), Side::Top);
        EXPECT_EQ(s.st.find(5)->side(), Side::Top);
        EXPECT_EQ(s.st.find(6)->side(), Side::Left);
        EXPECT_LT(at(1).x, at(2).x);  // left to right for the writers at the bottom
        EXPECT_GT(at(4).x, at(5).x);  // and for those at the top, who face the other way
        for (const Station& a : s.st.all()) {
            const kb::Rect r = a.frame.screen_bounds();
            EXPECT_GE(r.x, -1e-6);
            EXPECT_GE(r.y, -1e-6);
            EXPECT_LE(r.x + r.w, screen.x + 1e-6);
            EXPECT_LE(r.y + r.h, screen.y + 1e-6);
            for (const Station& b : s.st.all())
                if (a.number != b.number) {
                    EXPECT_TRUE(apart(r, b.frame.screen_bounds())) << a.number << " " << b.number;
                }
        }
        // The corners stay free for the other panels (the facilitator's corner, the toolbar).
        const double c = 0.1 * screen.y;
        for (const Vec2 corner : {Vec2{c, c}, Vec2{screen.x - c, c}, Vec2{c, screen.y - c}, Vec2{screen.x - c, screen.y - c}})
            EXPECT_FALSE(s.st.hit(corner, s.doc).has_value()) << corner.x << "," << corner.y;
        // A seventh: this edge is full but no other has room either.
        EXPECT_EQ(s.st.open(Side::Top, 10, s.doc).error, Stations::OpenError::Full);
        s.st.close(4);
        EXPECT_EQ(s.st.open(Side::Left, 10, s.doc).error, Stations::OpenError::NoRoom);
        EXPECT_EQ(station_open_error_id(Stations::OpenError::NoRoom), "no_room");
        EXPECT_EQ(s.open(Side::Top, screen.x), 4);  // its slot was free again
    }
}

TEST(Stations, ReservedStripsFollowTheOpenStations) {
    Screen s;
    EXPECT_EQ(s.st.reserved(Side::Bottom), 0);
    s.open(Side::Bottom, 960);
    s.open(Side::Right, 540);
    EXPECT_DOUBLE_EQ(s.st.reserved(Side::Bottom), kStationH + kStationGap);
    EXPECT_DOUBLE_EQ(s.st.reserved(Side::Right), kStationH + kStationGap);
    EXPECT_EQ(s.st.reserved(Side::Top), 0);
    s.st.set_screen({3840, 2160}, 2);
    EXPECT_DOUBLE_EQ(s.st.reserved(Side::Bottom), 2 * (kStationH + kStationGap));
    // The corners no slot reaches: room for the other panels on a table, none on a wall.
    const Vec2 c = s.st.free_corner();
    EXPECT_GT(c.x, 0.2 * 3840);
    EXPECT_GT(c.y, 0.25 * 2160);
    for (const StationSlot& slot : s.st.slots(StationLayout::Table)) {
        const kb::Rect r = kb::EdgeFrame{slot.side, slot.along, 2, {kStationW, kStationH}, {3840, 2160}}.screen_bounds();
        for (const kb::Rect corner : {kb::Rect{0, 0, c.x, c.y}, kb::Rect{3840 - c.x, 0, c.x, c.y},
                                      kb::Rect{0, 2160 - c.y, c.x, c.y}, kb::Rect{3840 - c.x, 2160 - c.y, c.x, c.y}})
            EXPECT_TRUE(apart(r, corner)) << "slot " << slot.number;
    }
    s.st.set_layout(StationLayout::Wall);
    EXPECT_EQ(s.st.free_corner(), (Vec2{0, 0}));
    s.st.close(1);
    EXPECT_EQ(s.st.reserved(Side::Bottom), 0);
}

TEST(Stations, LetterKeysAreAtLeastFortyPixelsWideAt1080pAndScaleWithTheWindow) {
    for (const double scale : {1.0, 2.0, 1.25}) {
        Screen s;
        s.st.set_layout(StationLayout::Wall);
        s.st.set_screen({1920 * scale, 1080 * scale}, scale);
        const Station& st = *s.st.find(s.open(Side::Bottom, 0));
        for (const kb::Key& k : st.keyboard.keys()) {
            if (k.kind != kb::KeyKind::Char) continue;
            const Vec2 a = st.keyboard_to_screen({k.rect.x, k.rect.y}), b = st.keyboard_to_screen({k.rect.x + k.rect.w, k.rect.y});
            EXPECT_GE(b.x - a.x, 40 * scale - 1e-6) << k.name << " at scale " << scale;
        }
    }
}

TEST(Stations, ANewScreenSizePutsThemBackOnTheirSlots) {
    Screen s;
    s.open(Side::Bottom, 300);
    s.open(Side::Top, 300);
    s.st.set_screen({3840, 2160}, 2);
    const kb::Rect a = s.st.find(1)->frame.screen_bounds(), b = s.st.find(5)->frame.screen_bounds();
    EXPECT_DOUBLE_EQ(a.w, 2 * kStationW);
    EXPECT_DOUBLE_EQ(a.y + a.h, 2160);
    EXPECT_DOUBLE_EQ(b.y, 0);
    EXPECT_EQ(s.st.slots(StationLayout::Table).at(0).along, s.st.find(1)->frame.along);
    // A bigger UI scale leaves fewer slots on a wall: a station beyond them stays open.
    Screen w;
    w.st.set_layout(StationLayout::Wall);
    w.open(Side::Bottom, 1920);
    w.st.set_screen({1920, 1080}, 1.5);
    ASSERT_NE(w.st.find(4), nullptr);
    EXPECT_LE(w.st.find(4)->frame.screen_bounds().x + w.st.find(4)->frame.screen_bounds().w, 1920 + 1e-6);
}

// ---- writers ---------------------------------------------------------------------------

TEST(Stations, WithoutATeamListWritesAnonymouslyStraightAway) {
    Screen s;
    const int n = s.open(Side::Bottom, 960);
    EXPECT_EQ(s.st.find(n)->state, Station::State::Typing);
    EXPECT_EQ(s.st.find(n)->writer, 0);
    const auto c = s.st.controls(*s.st.find(n), s.doc);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].id, "station.1.close");
}

TEST(Stations, WithATeamListItFirstAsksWhoWrites) {
    Screen s;
    s.doc = reduce(s.doc, act::AddParticipant{"An", Role::Leraar});
    s.doc = reduce(s.doc, act::AddParticipant{"Bart", Role::Directie});
    const int n = s.open(Side::Right, 540);
    EXPECT_EQ(s.st.find(n)->state, Station::State::ChoosingWriter);
    EXPECT_FALSE(s.st.key_centre(n, "a"));  // no keyboard yet
    const std::string id = "station." + std::to_string(n) + ".";
    EXPECT_EQ(n, 3);  // the right edge's slot on a table
    std::vector<std::string> ids;
    for (const StationControl& c : s.st.controls(*s.st.find(n), s.doc)) {
        ids.push_back(c.id);
        EXPECT_GE(c.rect.w, kStationButton);
        EXPECT_GE(c.rect.h, kStationButton);
        EXPECT_LE(c.rect.y + c.rect.h, kStationH);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{id + "close", id + "participant.1", id + "participant.2", id + "anonymous"}));
    s.tap_control(id + "participant.2");
    EXPECT_EQ(s.st.find(n)->state, Station::State::Typing);
    EXPECT_EQ(s.st.find(n)->writer, 2);
    s.tap_control(id + "writer");
    EXPECT_EQ(s.st.find(n)->state, Station::State::ChoosingWriter);
    s.tap_control(id + "anonymous");
    EXPECT_EQ(s.st.find(n)->writer, 0);
    EXPECT_EQ(s.st.find(n)->state, Station::State::Typing);
}

TEST(Stations, TheChoiceHoldsFourteenParticipantsAndAnonymous) {
    Screen s;
    for (int i = 0; i < 20; ++i) s.doc = reduce(s.doc, act::AddParticipant{"P" + std::to_string(i), Role::Leraar});
    s.open(Side::Bottom, 960);
    const auto c = s.st.controls(*s.st.find(1), s.doc);
    ASSERT_EQ(c.size(), 1u + kMaxChoices + 1u);
    EXPECT_EQ(c.back().id, "station.1.anonymous");
    for (const StationControl& a : c)
        for (const StationControl& b : c)
            if (a.id != b.id) {
                EXPECT_TRUE(apart(a.rect, b.rect)) << a.id << " " << b.id;
            }
}

// ---- typing at several stations --------------------------------------------------------

TEST(Stations, FourWritersTypingInterleavedNeverMix) {
    Screen s;
    const std::vector<std::pair<Side, double>> places = {
        {Side::Bottom, 960}, {Side::Top, 960}, {Side::Left, 540}, {Side::Right, 540}};
    const std::vector<std::string> texts = {"Coördinatie zorg", "CLB", "Gemeente: jeugddienst", "École"};
    std::vector<std::vector<kb::KeyStroke>> plans;
    std::vector<int> number;
    for (std::size_t i = 0; i < 4; ++i) {
        number.push_back(s.open(places[i].first, places[i].second));
        ASSERT_NE(number.back(), 0);
        plans.push_back(*s.st.find(number.back())->keyboard.plan_typing(texts[i]));
    }
    std::vector<std::size_t> next(4, 0);
    for (bool more = true; more;) {
        more = false;
        // All four press at once (a key each), then all lift: no key reaches another station.
        // A long-press runs alone (holding, the clock runs for every keyboard).
        for (int i = 0; i < 4; ++i) {
            if (next[i] < plans[i].size() && plans[i][next[i]].choice >= 0) s.stroke(number[i], finger(i), plans[i][next[i]++]);
        }
        std::vector<std::pair<int, Vec2>> held;
        for (int i = 0; i < 4; ++i) {
            if (next[i] >= plans[i].size() || plans[i][next[i]].choice >= 0) continue;
            const kb::KeyStroke& k = plans[i][next[i]];
            const Station* st = s.st.find(number[i]);
            const Vec2 at = st->keyboard_to_screen(st->keyboard.key(k.key)->rect.centre());
            ASSERT_TRUE(s.st.down(finger(i), at, s.t, s.doc));
            held.push_back({i, at});
            ++next[i];
        }
        s.t += 40;
        for (const auto& [i, at] : held) s.finish(s.st.up(finger(i), at, s.t, s.doc));
        s.t += 100;
        for (int i = 0; i < 4; ++i) more = more || next[i] < plans[i].size();
    }
    for (int i = 0; i < 4; ++i) EXPECT_EQ(s.st.find(number[i])->keyboard.text(), texts[i]);
    EXPECT_TRUE(s.added.empty());
}

// ---- finishing and trays ---------------------------------------------------------------

TEST(Stations, EnterGivesAFaceDownPostItAndTheStationStaysOpen) {
    Screen s;
    s.doc = reduce(s.doc, act::AddParticipant{"An", Role::Leraar});
    const int n = s.open(Side::Left, 540);
    s.tap_control("station." + std::to_string(n) + ".participant.1");
    s.type(n, finger(0), "CLB");
    EXPECT_EQ(s.st.find(n)->tray_count(s.doc), 0);
    s.tap_at(finger(0), s.key(n, "enter"));
    ASSERT_EQ(s.added.size(), 1u);
    const act::AddPartner& a = s.added[0];
    EXPECT_EQ(a.text, "CLB");
    EXPECT_EQ(a.category, Category::Ongesorteerd);  // not sorted yet: sorting is 2B's
    EXPECT_EQ(a.author, 1);
    EXPECT_FALSE(a.face_up);
    EXPECT_EQ(a.side, Side::Left);
    EXPECT_EQ(a.rotation, 0);
    EXPECT_EQ(s.st.find(n)->keyboard.text(), "");
    EXPECT_EQ(s.st.find(n)->state, Station::State::Typing);
    EXPECT_EQ(s.st.find(n)->tray_count(s.doc), 1);
    s.tap_at(finger(0), s.key(n, "enter"));  // enter on an empty text: nothing
    EXPECT_EQ(s.added.size(), 1u);
    s.doc = reduce(s.doc, act::Reveal{0});
    EXPECT_EQ(s.st.find(n)->tray_count(s.doc), 0);
}

TEST(Stations, AnAnonymousStationCountsItsOwnTray) {
    Screen s;
    const int a = s.open(Side::Bottom, 400), b = s.open(Side::Bottom, 1400);
    for (const char* text : {"Bib", "CLB"}) {
        s.type(a, finger(0), text);
        s.tap_at(finger(0), s.key(a, "enter"));
    }
    s.type(b, finger(1), "OCMW");
    s.tap_at(finger(1), s.key(b, "enter"));
    ASSERT_EQ(s.added.size(), 3u);
    EXPECT_EQ(s.added[2].author, 0);
    EXPECT_EQ(s.st.find(a)->tray_count(s.doc), 2);
    EXPECT_EQ(s.st.find(b)->tray_count(s.doc), 1);
    s.doc = reduce(s.doc, act::Reveal{0});
    EXPECT_EQ(s.st.find(a)->tray_count(s.doc), 0);
}

// ---- hit-testing through the rotation --------------------------------------------------

TEST(Stations, EveryKeyIsHitWhereItIsDrawnFromEachSide) {
    for (Side side : {Side::Bottom, Side::Right, Side::Top, Side::Left}) {
        Screen s;
        s.st.set_screen({1920, 1080}, 1.25);
        const int n = s.open(side, 500);
        const Station& st = *s.st.find(n);
        for (const kb::Key& k : st.keyboard.keys()) {
            const auto h = s.st.hit(st.keyboard_to_screen(k.rect.centre()), s.doc);
            ASSERT_TRUE(h.has_value()) << side_id(side) << " " << k.name;
            EXPECT_EQ(h->station, n);
            EXPECT_EQ(h->part, StationHit::Part::Key);
            EXPECT_EQ(h->key, k.id) << side_id(side) << " " << k.name;
        }
        const auto tf = s.st.hit(st.keyboard_to_screen(kb::Keyboard::text_field().centre()), s.doc);
        ASSERT_TRUE(tf.has_value());
        EXPECT_EQ(tf->part, StationHit::Part::TextField);
        const std::string close_id = "station." + std::to_string(n) + ".close";
        const auto close = s.st.hit(*s.st.control_centre(close_id, s.doc), s.doc);
        ASSERT_TRUE(close && close->control);
        EXPECT_EQ(close->control->id, close_id);
        // Just outside the station's far side (away from the edge): nothing.
        EXPECT_FALSE(s.st.hit(st.frame.to_screen({kStationW / 2, -3}), s.doc));
        EXPECT_TRUE(s.st.hit(st.frame.to_screen({kStationW / 2, 3}), s.doc));
    }
}

TEST(Stations, ATapOnTheTextFieldPlacesTheCursor) {
    Screen s;
    const int n = s.open(Side::Top, 960);
    s.st.find(n)->keyboard.set_text("Coördinatie");
    const kb::Rect f = kb::Keyboard::text_field();
    const Vec2 at = s.st.find(n)->keyboard_to_screen({f.x + kb::kTextPad + 31, f.centre().y});
    const auto w = [](std::string_view t) { return 10.0 * static_cast<double>(t.size()); };  // bytes
    ASSERT_TRUE(s.st.down(finger(0), at, s.t, s.doc, w));
    EXPECT_EQ(s.st.find(n)->keyboard.cursor(), 4u);  // 31 is nearer 40 ("Coö") than 20 ("Co")
    s.st.up(finger(0), at, s.t + 30, s.doc);
}

// ---- fingers ---------------------------------------------------------------------------

TEST(Stations, CloseActsOnUpOverTheButtonOnly) {
    Screen s;
    s.open(Side::Bottom, 960);
    const Vec2 c = *s.st.control_centre("station.1.close", s.doc);
    ASSERT_TRUE(s.st.down(finger(0), c, s.t, s.doc));
    s.st.move(finger(0), {c.x - 200, c.y}, s.t + 20);
    s.st.up(finger(0), {c.x - 200, c.y}, s.t + 40, s.doc);  // slid off: no close
    EXPECT_TRUE(s.st.find(1));
    s.tap_control("station.1.close");
    EXPECT_FALSE(s.st.find(1));
    EXPECT_FALSE(s.st.down(finger(0), c, s.t, s.doc));  // nothing there now
}

TEST(Stations, AFingerStaysWithItsStationAndASecondOnTheSameKeyboardIsIgnored) {
    Screen s;
    s.open(Side::Bottom, 400);
    s.open(Side::Bottom, 1400);
    const Vec2 a1 = s.key(1, "a"), b1 = s.key(1, "b"), a2 = s.key(2, "a");
    ASSERT_TRUE(s.st.down(finger(0), a1, s.t, s.doc));
    ASSERT_TRUE(s.st.down(finger(1), b1, s.t + 5, s.doc));  // consumed, but ignored
    EXPECT_TRUE(s.st.owns(finger(1)));
    s.st.move(finger(0), a2, s.t + 20);  // slides over station 2: still station 1's finger
    s.finish(s.st.up(finger(1), b1, s.t + 30, s.doc));
    s.finish(s.st.up(finger(0), a2, s.t + 40, s.doc));
    EXPECT_EQ(s.st.find(1)->keyboard.text(), "");  // slid off its key: taken back
    EXPECT_EQ(s.st.find(2)->keyboard.text(), "");
    EXPECT_FALSE(s.st.owns(finger(0)));
    EXPECT_FALSE(s.st.down(finger(2), {960, 100}, s.t, s.doc));  // the board's
    // A closed station's finger is forgotten; a new station with the same number is another.
    ASSERT_TRUE(s.st.down(finger(3), s.key(1, "a"), s.t + 100, s.doc));
    s.st.close(1);
    EXPECT_EQ(s.open(Side::Bottom, 400), 1);
    s.finish(s.st.up(finger(3), s.key(1, "a"), s.t + 200, s.doc));
    EXPECT_EQ(s.st.find(1)->keyboard.text(), "");
    EXPECT_FALSE(s.st.find(1)->keyboard.held());
}

TEST(Stations, BackspaceRepeatsThroughTick) {
    Screen s;
    const int n = s.open(Side::Right, 540);
    s.st.find(n)->keyboard.set_text("abcdef");
    const Vec2 bs = s.key(n, "backspace");
    ASSERT_TRUE(s.st.down(finger(0), bs, 0, s.doc));
    s.st.tick(kb::kRepeatDelayMs + kb::kRepeatIntervalMs);
    EXPECT_EQ(s.st.find(n)->keyboard.text(), "abc");
    s.st.cancel(finger(0));
    s.st.tick(5000);
    EXPECT_EQ(s.st.find(n)->keyboard.text(), "abc");
    EXPECT_FALSE(s.st.owns(finger(0)));
}

}  // namespace
