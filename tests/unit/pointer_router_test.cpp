// The input router: scripted fingers land on panels, stations, pens, post-its, handles
// and the empty board; then assertions on who owns each and what the board became.
//
// Sections: harness | one owner per finger | panels | pens | stations | tap-to-connect.
#include "pointer_router.hpp"

#include <gtest/gtest.h>

#include "geometry.hpp"
#include "handles.hpp"
#include "invariants.hpp"
#include "reducer.hpp"
#include "stations.hpp"
#include "effects_log.hpp"

using namespace nk;

namespace {

// ---- harness: a screen with a board, a panel strip, stations and a clock -----------------
struct Screen : test::EffectsLog {
    Document doc;
    View fitted = fit_view(0, 0, 1920, 1080);
    View view = fitted;
    Vec2 size{1920, 1080};
    Stations stations{StationLayout::Table};
    PointerRouter router;
    double t = 1000;
    // The app's knowledge: a panel strip along the top (y < 100), a dialog, the phase.
    bool dialog = false, editable = true, stations_live = false;
    Id pen = 0;
    std::vector<PenStroke> strokes;
    std::vector<PanelPointerEvent> panel;

    Screen() { stations.set_screen(size, 1); }

    RouteContext cx() { return {&doc, view, fitted, size, &stations, {}}; }
    Landing landing(Vec2 s) const { return {stations_live, s.y < 100, dialog, editable, pen}; }
    void apply(Routed r) {
        for (const Action& a : r.board.actions) {
            doc = reduce(doc, a);
            actions.push_back(a);
        }
        if (r.board.view) view = *r.board.view;
        requests.insert(requests.end(), r.board.requests.begin(), r.board.requests.end());
        if (r.pen) strokes.push_back(*r.pen);
        if (r.panel) panel.push_back(*r.panel);
        EXPECT_TRUE(invariant_violations(doc).empty());
    }
    void wait(double ms) {
        t += ms;
        apply(router.tick(cx(), t));
    }
    Id add(Vec2 pos, std::string text = "note") {
        doc = reduce(doc, act::AddPartner{std::move(text), Category::Andere, pos, 0});
        return doc.partners.back().id;
    }
    Vec2 screen_of(Id id) const { return view.to_screen({doc.partner(id)->x, doc.partner(id)->y}); }
    Vec2 handle_of(Id id) const { return view.to_screen(link_handle_board(*doc.partner(id))); }
};

struct Finger {
    Screen& sc;
    PointerKey key;
    Finger& down(Vec2 s) {
        sc.apply(sc.router.down(key, s, sc.t, sc.landing(s), sc.cx()));
        return *this;
    }
    Finger& move(Vec2 s) {
        sc.t += 16;
        sc.apply(sc.router.move(key, s, sc.t, sc.cx()));
        return *this;
    }
    Finger& up(Vec2 s) {
        sc.t += 16;
        sc.apply(sc.router.up(key, s, sc.t, sc.cx()));
        return *this;
    }
    std::optional<PointerOwner> owner() const { return sc.router.owner(key); }
};

Finger finger(Screen& sc, int n) { return {sc, {3, n}}; }
Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }

// ---- one owner per finger ------------------------------------------------------------------

TEST(PointerRouter, EachFingerHasTheOwnerItLandedOnUntilItLifts) {
    Screen sc;
    const Id a = sc.add({-300, -200}), b = sc.add({300, 200});
    sc.doc = reduce(sc.doc, act::AddLink{a, b});
    const Vec2 mid = sc.view.to_screen({0, 0}) + Vec2{0, 0};
    auto note = finger(sc, 1), handle = finger(sc, 2), board = finger(sc, 3), panel = finger(sc, 4);
    note.down(sc.screen_of(a));
    handle.down(sc.handle_of(b));
    board.down({200, 900});
    panel.down({500, 50});
    EXPECT_EQ(note.owner(), PointerOwner::Note);
    EXPECT_EQ(handle.owner(), PointerOwner::Handle);
    EXPECT_EQ(board.owner(), PointerOwner::Board);
    EXPECT_EQ(panel.owner(), PointerOwner::Panel);
    EXPECT_EQ(sc.router.active_pointers(), 4u);
    // Whatever they slide over, they stay their owners'.
    note.move({500, 40});
    panel.move(sc.screen_of(b));
    EXPECT_EQ(note.owner(), PointerOwner::Note);
    EXPECT_EQ(panel.owner(), PointerOwner::Panel);
    (void)mid;
    for (Finger* f : {&note, &handle, &board, &panel}) f->up({1000, 1000});
    EXPECT_EQ(sc.router.active_pointers(), 0u);
    EXPECT_FALSE(note.owner().has_value());
    // The post-it was dropped where the finger lifted; the panel finger moved nothing else.
    ASSERT_EQ(sc.all<act::MovePartners>().size(), 1u);
    EXPECT_EQ(sc.all<act::MovePartners>()[0].moves[0].partner, a);
}

TEST(PointerRouter, AFingerOnAPanelNeverMovesAPostIt) {
    Screen sc;
    const Id a = sc.add({-300, -200});
    const Vec2 start = sc.screen_of(a);
    auto f = finger(sc, 1);
    sc.dialog = true;  // a dialog waits: even a finger on the post-it is the dialog's
    f.down(start).move(start + Vec2{200, 100}).move(start + Vec2{300, 150});
    EXPECT_EQ(f.owner(), PointerOwner::Panel);
    EXPECT_TRUE(sc.router.gestures().live_placements().empty());
    f.up(start + Vec2{300, 150});
    EXPECT_TRUE(sc.actions.empty());
    EXPECT_EQ(sc.doc.partner(a)->x, -300);
    // The panels saw a press, its moves and its release.
    ASSERT_EQ(sc.panel.size(), 4u);
    EXPECT_EQ(sc.panel.front().type, PanelPointerEvent::Type::Down);
    EXPECT_EQ(sc.panel.back().type, PanelPointerEvent::Type::Up);
}

TEST(PointerRouter, TenFingersOnTenNotesAndOneOnAPanelAtOnce) {
    Screen sc;
    std::vector<Id> ids;
    for (int i = 0; i < 10; ++i) ids.push_back(sc.add({-500.0 + 250 * (i % 5), i < 5 ? -150.0 : 250.0}));
    for (int i = 0; i < 10; ++i) finger(sc, i).down(sc.screen_of(ids[std::size_t(i)]));
    auto p = finger(sc, 20);
    p.down({900, 40});
    for (int i = 0; i < 10; ++i) finger(sc, i).move(sc.screen_of(ids[std::size_t(i)]) + Vec2{40, 60});
    p.move({950, 60});
    EXPECT_EQ(sc.router.gestures().live_placements().size(), 10u);
    EXPECT_EQ(p.owner(), PointerOwner::Panel);
    for (int i = 0; i < 10; ++i) finger(sc, i).up(sc.screen_of(ids[std::size_t(i)]) + Vec2{40, 60});
    p.up({950, 60});
    EXPECT_EQ(sc.all<act::MovePartners>().size(), 10u);
}

TEST(PointerRouter, TheBoardTakesNoFingersWhenItIsNotEditable) {
    Screen sc;
    const Id a = sc.add({-300, -200});
    sc.editable = false;
    auto f = finger(sc, 1);
    f.down(sc.screen_of(a));
    EXPECT_EQ(f.owner(), PointerOwner::Ignored);
    f.move(sc.screen_of(a) + Vec2{200, 0});
    sc.wait(1000);
    f.up(sc.screen_of(a) + Vec2{200, 0});
    EXPECT_TRUE(sc.actions.empty());
    EXPECT_TRUE(sc.requests.empty());
}

TEST(PointerRouter, ALostUpIsEndedByTheNextDownOfTheSameKey) {
    Screen sc;
    const Id a = sc.add({-300, -200});
    auto f = finger(sc, 1);
    f.down(sc.screen_of(a)).move(sc.screen_of(a) + Vec2{100, 0});
    f.down({500, 40});  // same key again: the drag commits, then it lands on the panel
    EXPECT_EQ(sc.all<act::MovePartners>().size(), 1u);
    EXPECT_EQ(f.owner(), PointerOwner::Panel);
}

// ---- panels: ImGui has one pointer -----------------------------------------------------------

TEST(PointerRouter, ASecondFingerOnThePanelsIsIgnoredUntilItLifts) {
    Screen sc;
    auto a = finger(sc, 1), b = finger(sc, 2);
    a.down({100, 40});
    b.down({300, 40});
    EXPECT_EQ(a.owner(), PointerOwner::Panel);
    EXPECT_EQ(b.owner(), PointerOwner::Ignored);
    EXPECT_EQ(sc.router.panel_pointer(), a.key);
    a.up({100, 40});
    EXPECT_FALSE(sc.router.panel_pointer().has_value());
    b.move({310, 40}).up({310, 40});
    EXPECT_EQ(sc.panel.size(), 2u) << "only the first finger's press and release reach the panels";
    b.down({300, 40});
    EXPECT_EQ(b.owner(), PointerOwner::Panel) << "once free, the panels take the next finger";
}

// ---- pens ------------------------------------------------------------------------------------

TEST(PointerRouter, APenFingerAndABoardFingerAtOnce) {
    Screen sc;
    const Id a = sc.add({-300, -200}), b = sc.add({300, 200});
    sc.pen = 7;  // participant 7's pen is armed
    auto pen = finger(sc, 1), drag = finger(sc, 2);
    pen.down(sc.screen_of(a));  // a stroke may start on a post-it: it is still the pen's
    drag.down(sc.screen_of(b));  // one pen stroke at a time: the next finger is the board's
    EXPECT_EQ(pen.owner(), PointerOwner::Pen);
    EXPECT_EQ(drag.owner(), PointerOwner::Note);
    EXPECT_EQ(sc.router.pen_drawing(), 7);
    for (int i = 1; i <= 8; ++i) {
        pen.move(sc.screen_of(a) + Vec2{10.0 * i, 5.0 * i});
        drag.move(sc.screen_of(b) + Vec2{-20.0 * i, 0});
    }
    EXPECT_EQ(sc.router.pen_stroke().size(), 9u);
    const Vec2 b_start{sc.doc.partner(b)->x, sc.doc.partner(b)->y};
    drag.up(sc.view.to_screen(b_start) + Vec2{-160, 0});
    pen.up(sc.screen_of(a) + Vec2{90, 45});
    ASSERT_EQ(sc.strokes.size(), 1u);
    EXPECT_EQ(sc.strokes[0].participant, 7);
    EXPECT_EQ(sc.strokes[0].points.size(), 10u);
    EXPECT_EQ(sc.router.pen_drawing(), 0);
    // The pen never moved the post-it it started on; the board finger moved its own.
    ASSERT_EQ(sc.all<act::MovePartners>().size(), 1u);
    EXPECT_EQ(sc.all<act::MovePartners>()[0].moves[0].partner, b);
    EXPECT_EQ(sc.doc.partner(a)->x, -300);
}

TEST(PointerRouter, FocusLostDropsAPenStrokeAndCommitsADrag) {
    Screen sc;
    const Id b = sc.add({300, 200});
    sc.pen = 7;
    auto pen = finger(sc, 1), drag = finger(sc, 2);
    pen.down({400, 900}).move({420, 910});
    drag.down(sc.screen_of(b)).move(sc.screen_of(b) + Vec2{0, 80});
    sc.apply(sc.router.end_all(sc.cx(), sc.t));
    EXPECT_EQ(sc.router.active_pointers(), 0u);
    EXPECT_TRUE(sc.strokes.empty());
    EXPECT_EQ(sc.router.pen_drawing(), 0);
    EXPECT_EQ(sc.all<act::MovePartners>().size(), 1u);
    pen.up({420, 910});
    EXPECT_TRUE(sc.strokes.empty()) << "an up after focus loss belongs to nobody";
}

// ---- stations ----------------------------------------------------------------------------------

TEST(PointerRouter, AStationTakesItsFingersBeforeTheBoardAndThePanels) {
    Screen sc;
    sc.stations_live = true;
    ASSERT_EQ(sc.stations.open(Side::Bottom, 960, sc.doc).number, 1);
    const Station* st = sc.stations.find(1);
    const Vec2 on_key = st->keyboard_to_screen(st->keyboard.keys().front().rect.centre());
    const Id a = sc.add({-300, -200});
    auto typing = finger(sc, 1), moving = finger(sc, 2);
    typing.down(on_key);
    moving.down(sc.screen_of(a));
    EXPECT_EQ(typing.owner(), PointerOwner::Station);
    EXPECT_EQ(moving.owner(), PointerOwner::Note);
    typing.move(sc.screen_of(a));  // sliding onto the board does not make it the board's
    moving.move(sc.screen_of(a) + Vec2{0, 120});
    typing.up(sc.screen_of(a));
    moving.up(sc.screen_of(a) + Vec2{0, 120});
    ASSERT_EQ(sc.all<act::MovePartners>().size(), 1u);
    EXPECT_EQ(sc.all<act::MovePartners>()[0].moves[0].partner, a);
    // Outside 2A the same point is the board's.
    sc.stations_live = false;
    typing.down(on_key);
    EXPECT_EQ(typing.owner(), PointerOwner::Board);
}

// ---- tap-to-connect is drag-to-link ended by a tap -----------------------------------------------

TEST(PointerRouter, TapToConnectAndDragToLinkMakeTheSameLink) {
    Screen sc;
    const Id a = sc.add({-300, -200}), b = sc.add({300, 200}), c = sc.add({300, -250});
    // Drag from a's handle, let go on b.
    auto f = finger(sc, 1);
    f.down(sc.handle_of(a)).move(sc.handle_of(a) + Vec2{60, 40}).move(sc.screen_of(b)).up(sc.screen_of(b));
    // "Verbinden" on c's menu, then a tap on b.
    sc.router.gestures().arm_link(c);
    sc.wait(1000);
    f.down(sc.screen_of(b)).up(sc.screen_of(b));
    const auto links = sc.all<act::AddLink>();
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].from, a);
    EXPECT_EQ(links[0].to, b);
    EXPECT_EQ(links[1].from, c);
    EXPECT_EQ(links[1].to, b);
    EXPECT_EQ(sc.router.gestures().armed_link(), 0) << "the tap used the armed line up";
    const auto taps = sc.requests_of(Request::Kind::TapNote);
    ASSERT_EQ(taps.size(), 1u);
    EXPECT_TRUE(taps[0].linked) << "the app must not treat it as a plain tap (no card deck)";
}

TEST(PointerRouter, TapToConnectOnTheSchoolOrEmptyBoard) {
    Screen sc;
    const Id a = sc.add({-300, -200});
    auto f = finger(sc, 1);
    sc.router.gestures().arm_link(a);
    const Vec2 empty = sc.view.to_screen({0, 420});
    f.down(empty).up(empty);  // nowhere: nothing, and the line is given up
    EXPECT_TRUE(sc.all<act::AddLink>().empty());
    EXPECT_EQ(sc.router.gestures().armed_link(), 0);
    sc.router.gestures().arm_link(a);
    sc.wait(1000);
    const Vec2 school = sc.view.to_screen({0, 0});
    f.down(school).up(school);
    ASSERT_EQ(sc.all<act::AddLink>().size(), 1u);
    EXPECT_EQ(sc.all<act::AddLink>()[0].to, kSchool);
    // A tap on the post-it itself joins nothing.
    sc.router.gestures().arm_link(a);
    sc.wait(1000);
    f.down(sc.screen_of(a)).up(sc.screen_of(a));
    EXPECT_EQ(sc.all<act::AddLink>().size(), 1u);
}

}  // namespace
