// Gestures: scripted fingers on a table, then assertions on the resulting board.
//
// Sections: harness | drags | lost ups and bad coordinates | pinch | two fingers on a
// note | long-press | links | taps | mouse | time.
#include "gestures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "geometry.hpp"
#include "handles.hpp"
#include "invariants.hpp"
#include "reducer.hpp"
#include "effects_log.hpp"

using namespace nk;
using Type = PointerEvent::Type;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- harness: a table with a board, a view, a clock and a router ----------------------
struct Table : test::EffectsLog {
    Document doc;
    View fitted = fit_view(0, 0, 1920, 1080);
    View view = fitted;
    Vec2 size{1920, 1080};
    GestureRouter router;
    double t = 0;
    int view_changes = 0;

    void apply(const Effects& fx) {
        for (const Action& a : fx.actions) {
            doc = reduce(doc, a);
            actions.push_back(a);
        }
        if (fx.view) {
            view = *fx.view;
            ++view_changes;
        }
        requests.insert(requests.end(), fx.requests.begin(), fx.requests.end());
        EXPECT_TRUE(invariant_violations(doc).empty());
    }
    void send(Type type, PointerKey k, Vec2 s) { apply(router.handle(doc, view, fitted, size, {type, k, s, t})); }
    void wait(double ms) {
        t += ms;
        apply(router.tick(doc, view, t));
    }
    Id add(Vec2 pos, double rotation = 0) {
        doc = reduce(doc, act::AddPartner{"note", Category::Andere, pos, rotation});
        return doc.partners.back().id;
    }
    const Partner& note(Id id) const { return *doc.partner(id); }
    Vec2 pos(Id id) const { return {note(id).x, note(id).y}; }
    Vec2 screen_of(Id id) const { return view.to_screen(pos(id)); }
    std::vector<act::MovePartners> moves() const { return all<act::MovePartners>(); }
};

struct Finger {
    Table& tb;
    PointerKey key;
    void down(Vec2 s) { tb.send(Type::Down, key, s); }
    void move(Vec2 s) { tb.send(Type::Move, key, s); }
    void up() { tb.send(Type::Up, key, {kNaN, kNaN}); }
    void up_at(Vec2 s) { tb.send(Type::Up, key, s); }
    void cancel() { tb.send(Type::Cancel, key, {kNaN, kNaN}); }
};

Finger finger(Table& tb, int n) { return {tb, {7, n}}; }
Finger mouse(Table& tb) { return {tb, kMousePointer}; }
Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
Vec2 operator*(Vec2 a, double k) { return {a.x * k, a.y * k}; }

#define EXPECT_VEC_NEAR(a, b, eps)        \
    do {                                  \
        const Vec2 a_ = (a), b_ = (b);    \
        EXPECT_NEAR(a_.x, b_.x, eps);     \
        EXPECT_NEAR(a_.y, b_.y, eps);     \
    } while (0)

// ---- drags ------------------------------------------------------------------------------

TEST(Gestures, TenFingersDragTenNotesAtOnce) {
    Table tb;
    tb.view = View{1.5, {960, 540}};
    std::vector<Id> ids;
    std::vector<Vec2> starts, downs, offsets;
    for (int i = 0; i < 10; ++i) {
        ids.push_back(tb.add({-500.0 + 250 * (i % 5), i < 5 ? -200.0 : 200.0}));
        starts.push_back(tb.pos(ids.back()));
        downs.push_back(tb.screen_of(ids.back()) - Vec2{30, 0});
        offsets.push_back({double((i * 37) % 200 - 100), double((i * 53) % 160 + 40)});
    }
    for (int i = 0; i < 10; ++i) finger(tb, i).down(downs[i]);
    EXPECT_EQ(tb.router.active_pointers(), 10u);
    for (int step = 1; step <= 5; ++step)
        for (int i = 0; i < 10; ++i) finger(tb, (i * 3 + step) % 10).move(downs[(i * 3 + step) % 10] + offsets[(i * 3 + step) % 10] * (step / 5.0));
    EXPECT_EQ(tb.router.live_placements().size(), 10u);
    EXPECT_TRUE(tb.actions.empty()) << "the document changes only when a finger lifts";
    for (int i = 9; i >= 0; --i) finger(tb, i).up();
    ASSERT_EQ(tb.moves().size(), 10u);
    for (const auto& m : tb.moves()) EXPECT_EQ(m.moves.size(), 1u);
    for (int i = 0; i < 10; ++i) {
        EXPECT_VEC_NEAR(tb.pos(ids[i]), starts[i] + offsets[i] * (1 / 1.5), 1e-9);
        EXPECT_EQ(tb.note(ids[i]).rotation, 0);
        EXPECT_EQ(tb.note(ids[i]).scale, 1);
    }
    EXPECT_EQ(tb.router.active_pointers(), 0u);
}

TEST(Gestures, CrossingPathsKeepTheirOwnNotes) {
    Table tb;
    const Id a = tb.add({-300, -250}), b = tb.add({300, -250});
    const Vec2 sa = tb.screen_of(a), sb = tb.screen_of(b);
    auto f1 = finger(tb, 1), f2 = finger(tb, 2);
    f1.down(sa);
    f2.down(sb);
    const Vec2 travel = sb - sa;
    for (int s = 1; s <= 10; ++s) {
        f1.move(sa + travel * (s / 10.0));
        f2.move(sb - travel * (s / 10.0));
    }
    f2.up();
    f1.up();
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(300, -250), 1e-9);
    EXPECT_VEC_NEAR(tb.pos(b), Vec2(-300, -250), 1e-9);
    EXPECT_EQ(tb.moves().size(), 2u);
}

TEST(Gestures, CancelReturnsTheNoteToItsStart) {
    Table tb;
    const Id a = tb.add({-200, -250});
    auto f = finger(tb, 1);
    f.down(tb.screen_of(a));
    f.move(tb.screen_of(a) + Vec2{120, 40});
    ASSERT_EQ(tb.router.live_placements().size(), 1u);
    f.cancel();
    EXPECT_TRUE(tb.router.live_placements().empty());
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-200, -250), 0);
    EXPECT_FALSE(tb.router.pointer_active({7, 1}));
}

TEST(Gestures, DragBelowTheTouchThresholdIsATap) {
    Table tb;
    const Id a = tb.add({-200, -250});
    auto f = finger(tb, 1);
    f.down(tb.screen_of(a));
    f.move(tb.screen_of(a) + Vec2{10, 0});
    f.up();
    EXPECT_TRUE(tb.actions.empty());
    ASSERT_EQ(tb.requests.size(), 1u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::TapNote);
    EXPECT_EQ(tb.requests[0].partner, a);
    // The mouse's threshold is smaller: the same 10 pixels drag.
    auto m = mouse(tb);
    tb.wait(1000);
    m.down(tb.screen_of(a));
    m.move(tb.screen_of(a) + Vec2{10, 0});
    m.up();
    EXPECT_EQ(tb.moves().size(), 1u);
}

// ---- lost ups and bad coordinates -------------------------------------------------------

TEST(Gestures, UpOrMoveWithoutDownDoNothing) {
    Table tb;
    const Id a = tb.add({-200, -250});
    auto f = finger(tb, 1);
    f.move(tb.screen_of(a));
    f.up_at(tb.screen_of(a));
    f.cancel();
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_TRUE(tb.requests.empty());
    EXPECT_EQ(tb.router.active_pointers(), 0u);
}

TEST(Gestures, RepeatedDownCommitsTheOldDragFirst) {
    Table tb;
    const Id a = tb.add({-300, -250}), b = tb.add({300, -250});
    const Vec2 sa = tb.screen_of(a), sb = tb.screen_of(b);
    auto f = finger(tb, 1);
    f.down(sa);
    f.move(sa + Vec2{0, 100});
    f.down(sb);  // the Up was lost
    ASSERT_EQ(tb.moves().size(), 1u);
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-300, -250 + 100 / tb.view.scale), 1e-9);
    f.move(sb + Vec2{0, 50});
    f.up();
    EXPECT_EQ(tb.moves().size(), 2u);
    EXPECT_VEC_NEAR(tb.pos(b), Vec2(300, -250 + 50 / tb.view.scale), 1e-9);
    EXPECT_TRUE(tb.requests.empty()) << "a forced end is not a tap";
}

TEST(Gestures, OutsideTheWindowAndNaN) {
    Table tb;
    const Id a = tb.add({-200, -250});
    const Vec2 s = tb.screen_of(a);
    auto f = finger(tb, 1);
    f.down({kNaN, 10});
    EXPECT_EQ(tb.router.active_pointers(), 0u) << "a non-finite down is ignored";
    f.down(s);
    f.move({-5000, 3000});
    f.move({kNaN, kNaN});
    f.move({std::numeric_limits<double>::infinity(), 0});
    f.up();  // NaN: ends at the last finite position
    ASSERT_EQ(tb.moves().size(), 1u);
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-200, -250) + (Vec2{-5000, 3000} - s) * (1 / tb.view.scale), 1e-9);
    // Absurdly far: clamped, still finite.
    const Vec2 s2 = tb.screen_of(a);
    f.down(s2);
    f.up_at({1e300, -1e300});
    ASSERT_EQ(tb.moves().size(), 2u);
    EXPECT_TRUE(std::isfinite(tb.pos(a).x) && std::isfinite(tb.pos(a).y));
    EXPECT_GT(tb.pos(a).x, 1e6);
}

TEST(Gestures, EndAllCommitsEveryDrag) {
    Table tb;
    const Id a = tb.add({-300, -250}), b = tb.add({300, -250});
    finger(tb, 1).down(tb.screen_of(a));
    finger(tb, 2).down(tb.screen_of(b));
    finger(tb, 1).move(tb.screen_of(a) + Vec2{50, 0});
    finger(tb, 2).move(tb.screen_of(b) + Vec2{0, 50});
    tb.apply(tb.router.end_all(tb.doc, tb.view, tb.t));
    EXPECT_EQ(tb.moves().size(), 2u);
    EXPECT_EQ(tb.router.active_pointers(), 0u);
    EXPECT_TRUE(tb.requests.empty());
}

// ---- pinch ---------------------------------------------------------------------------------

TEST(Gestures, PinchBesideAnActiveDragLeavesTheViewAlone) {
    Table tb;
    const Id a = tb.add({-300, -250});
    const Vec2 sa = tb.screen_of(a);
    const View before = tb.view;
    auto f1 = finger(tb, 1), f2 = finger(tb, 2), f3 = finger(tb, 3);
    f1.down(sa);
    f1.move(sa + Vec2{40, 0});  // dragging
    f2.down({900, 900});
    f3.down({1000, 900});
    f2.move({800, 900});
    f3.move({1100, 900});
    EXPECT_EQ(tb.view, before);
    f1.move(sa + Vec2{80, 0});
    f1.up();
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-300 + 80 / before.scale, -250), 1e-9);
    // The pair that met the drag stays spent until it lifts.
    f2.move({700, 900});
    f3.move({1200, 900});
    EXPECT_EQ(tb.view, before);
    f2.up();
    f3.up();
    EXPECT_TRUE(tb.requests.empty());
    // A new pinch zooms, keeping the board point under the centroid under it.
    auto f4 = finger(tb, 4), f5 = finger(tb, 5);
    f4.down({900, 900});
    f5.down({1000, 900});
    f4.move({880, 900});  // past the threshold: anchored here (centroid 940, distance 120)
    EXPECT_EQ(tb.view, before);
    const Vec2 anchor = tb.view.to_board({940, 900});
    f5.move({1120, 900});  // distance 240: twice the scale, centroid 1000
    EXPECT_NEAR(tb.view.scale, before.scale * 2, 1e-9);
    EXPECT_VEC_NEAR(tb.view.to_screen(anchor), Vec2(1000, 900), 1e-9);
    f4.move({780, 800});
    f5.move({1020, 800});  // same distance, moved: pans
    EXPECT_NEAR(tb.view.scale, before.scale * 2, 1e-9);
    EXPECT_VEC_NEAR(tb.view.to_screen(anchor), Vec2(900, 800), 1e-9);
    f4.up();
    f5.up();
    EXPECT_EQ(tb.actions.size(), 1u);  // only the drag
}

TEST(Gestures, FingerLandingDuringAPinchDragsInBoardUnits) {
    Table tb;
    const Id a = tb.add({-300, -250});
    const Vec2 start = tb.pos(a);
    auto f1 = finger(tb, 1), f2 = finger(tb, 2), f3 = finger(tb, 3);
    f2.down({900, 900});
    f3.down({1000, 900});
    f2.move({880, 900});
    f3.move({1020, 900});
    f2.move({860, 900});  // zooming
    ASSERT_GT(tb.view_changes, 0);
    const Vec2 down_screen = tb.screen_of(a) + Vec2{-20, 10};
    const Vec2 grabbed = tb.view.to_board(down_screen);
    f1.down(down_screen);
    const View at_down = tb.view;
    f3.move({1100, 900});  // the pinch goes on while f1 only rests
    const View at_drag = tb.view;
    EXPECT_NE(at_drag, at_down);
    f1.move(down_screen + Vec2{60, 0});  // f1 drags: the view freezes
    const int changes = tb.view_changes;
    f2.move({700, 900});
    EXPECT_EQ(tb.view_changes, changes);
    f1.up_at(down_screen + Vec2{90, 30});
    ASSERT_EQ(tb.moves().size(), 1u);
    // The grabbed board point ends under the finger.
    EXPECT_VEC_NEAR(tb.pos(a), start + (at_drag.to_board(down_screen + Vec2{90, 30}) - grabbed), 1e-9);
}

// ---- two fingers on a note --------------------------------------------------------------------

TEST(Gestures, TwoFingersRotateANoteThenOneCarriesOn) {
    Table tb;
    const Id a = tb.add({-200, -250});
    const Vec2 c = tb.screen_of(a);
    auto f1 = finger(tb, 1), f2 = finger(tb, 2);
    f1.down(c + Vec2{-40, 0});
    f2.down(c + Vec2{40, 0});
    for (int deg = 30; deg <= 90; deg += 30) {
        const double r = deg * kPi / 180;
        f1.move(c + Vec2{-40 * std::cos(r), -40 * std::sin(r)});
        f2.move(c + Vec2{40 * std::cos(r), 40 * std::sin(r)});
    }
    auto live = tb.router.live_placements();
    ASSERT_EQ(live.size(), 1u);
    EXPECT_NEAR(live[0].rotation, kPi / 2, 1e-9);  // clockwise on screen
    EXPECT_VEC_NEAR(live[0].pos, Vec2(-200, -250), 1e-9);
    EXPECT_NEAR(live[0].scale, 1, 1e-9);
    // A third finger is ignored.
    auto f3 = finger(tb, 3);
    f3.down(c);
    f3.move(c + Vec2{100, 100});
    EXPECT_VEC_NEAR(tb.router.live_placements()[0].pos, Vec2(-200, -250), 1e-9);
    f3.up();
    // One lifts: no jump; the other drags on.
    f1.up();
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_VEC_NEAR(tb.router.live_placements()[0].pos, Vec2(-200, -250), 1e-9);
    f2.move(c + Vec2{50, 40});
    f2.up();
    ASSERT_EQ(tb.moves().size(), 1u);
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-200 + 50 / tb.view.scale, -250), 1e-9);
    EXPECT_NEAR(tb.note(a).rotation, kPi / 2, 1e-9);
    EXPECT_TRUE(tb.requests.empty());
}

TEST(Gestures, TwoFingersScaleWithinLimitsAndSecondFingerJoinsADrag) {
    Table tb;
    const Id a = tb.add({-200, -250});
    const Vec2 c = tb.screen_of(a);
    auto f1 = finger(tb, 1), f2 = finger(tb, 2);
    f1.down(c + Vec2{-30, 0});
    f1.move(c + Vec2{-30, 40});  // dragging alone
    const Vec2 moved = tb.router.live_placements()[0].pos;
    f2.down(c + Vec2{30, 40});   // lands on the moving note: joins it
    f1.move(c + Vec2{-200, 40});
    f2.move(c + Vec2{200, 40});  // spread far: scale stops at 1.5, the note stays centred
    const auto live = tb.router.live_placements()[0];
    EXPECT_NEAR(live.scale, 1.5, 1e-12);
    EXPECT_VEC_NEAR(live.pos, moved, 1e-9);
    f1.up();
    f2.up();
    ASSERT_EQ(tb.moves().size(), 1u);
    EXPECT_NEAR(tb.note(a).scale, 1.5, 1e-12);
}

// ---- long-press ----------------------------------------------------------------------------

TEST(Gestures, LongPressOnEmptyBoardFacesTheNearestEdge) {
    struct Side { Vec2 at; double rotation; };
    for (const Side side : {Side{{960, 1070}, 0.0}, Side{{960, 10}, kPi}, Side{{10, 540}, kPi / 2},
                            Side{{1910, 540}, -kPi / 2}}) {
        Table tb;
        auto f = finger(tb, 1);
        f.down(side.at);
        tb.wait(599);
        EXPECT_TRUE(tb.requests.empty());
        tb.wait(1);
        ASSERT_EQ(tb.requests.size(), 1u);
        const Request r = tb.requests[0];
        EXPECT_EQ(r.kind, Request::Kind::CreateNoteAt);
        EXPECT_NEAR(r.rotation, side.rotation, 1e-12);
        EXPECT_VEC_NEAR(r.pos, tb.view.to_board(side.at), 1e-9);
        f.up();
        EXPECT_EQ(tb.requests.size(), 1u) << "no tap after a long-press";
    }
}

TEST(Gestures, LongPressOnANoteOpensItsMenu) {
    Table tb;
    const Id a = tb.add({-200, -250});
    auto f = finger(tb, 1);
    f.down(tb.screen_of(a));
    f.move(tb.screen_of(a) + Vec2{5, 5});
    tb.wait(600);
    ASSERT_EQ(tb.requests.size(), 1u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::OpenMenu);
    EXPECT_EQ(tb.requests[0].partner, a);
    f.move(tb.screen_of(a) + Vec2{100, 100});
    f.up();
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_EQ(tb.requests.size(), 1u);
}

// ---- links -------------------------------------------------------------------------------

TEST(Gestures, LinkFromAHandleToAnotherNoteAndToTheSchool) {
    Table tb;
    const Id a = tb.add({-300, 0}), b = tb.add({300, -250});
    const Vec2 h = tb.view.to_screen(link_handle_board(tb.note(a)));
    auto f = finger(tb, 1);
    f.down(h);
    f.move(tb.screen_of(b) - Vec2{100, 0});
    f.move(tb.screen_of(b));
    auto drafts = tb.router.link_drafts();
    ASSERT_EQ(drafts.size(), 1u);
    EXPECT_EQ(drafts[0].from, a);
    EXPECT_EQ(drafts[0].hover_target, b);
    f.up();
    ASSERT_EQ(tb.doc.links.size(), 1u);
    EXPECT_EQ(tb.doc.links[0].from, a);
    EXPECT_EQ(tb.doc.links[0].to, b);
    EXPECT_VEC_NEAR(tb.pos(a), Vec2(-300, 0), 0);  // drawing a line does not move the note
    f.down(h);
    f.move(tb.view.to_screen({0, 10}));
    EXPECT_EQ(tb.router.link_drafts()[0].hover_target, kSchool);
    f.up();
    ASSERT_EQ(tb.doc.links.size(), 2u);
    EXPECT_EQ(tb.doc.links[1].to, kSchool);
}

TEST(Gestures, LinkDroppedOnEmptyBoardOrCancelledDoesNothing) {
    Table tb;
    const Id a = tb.add({-300, 0});
    const Vec2 h = tb.view.to_screen(link_handle_board(tb.note(a)));
    auto f = finger(tb, 1);
    f.down(h);
    f.move(tb.view.to_screen({0, 400}));
    EXPECT_EQ(tb.router.link_drafts()[0].hover_target, -1);
    f.up();
    f.down(h);
    f.move(tb.view.to_screen({0, 0}));
    f.cancel();
    f.down(h);
    f.move(tb.screen_of(a));  // back onto its own note
    f.up();
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_TRUE(tb.router.link_drafts().empty());
}

TEST(Gestures, HandleStaysAFingerWideWhenZoomedOut) {
    Table tb;
    tb.view.scale = tb.fitted.scale * kMinZoom;
    const Id a = tb.add({-300, 0});
    const Vec2 h = tb.view.to_screen(link_handle_board(tb.note(a)));
    EXPECT_EQ(board_hit(tb.doc, tb.view.to_board(h + Vec2{0, 23}), tb.view, 48),
              (BoardHit{BoardHit::Kind::Handle, a}));
    EXPECT_NE(board_hit(tb.doc, tb.view.to_board(h + Vec2{0, 25}), tb.view, 48).kind, BoardHit::Kind::Handle);
}

// ---- taps ----------------------------------------------------------------------------------

TEST(Gestures, TapOnALineSelectsIt) {
    Table tb;
    const Id a = tb.add({-300, -250}), b = tb.add({300, -250});
    tb.doc = reduce(tb.doc, act::AddLink{a, b});
    auto f = finger(tb, 1);
    f.down(tb.view.to_screen({0, -250}) + Vec2{0, 20});
    f.up();
    ASSERT_EQ(tb.requests.size(), 1u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::TapLink);
    EXPECT_EQ(tb.requests[0].link, tb.doc.links[0].id);
    f.down(tb.view.to_screen({0, -250}) + Vec2{0, 30});
    f.up();
    ASSERT_EQ(tb.requests.size(), 2u);
    EXPECT_EQ(tb.requests[1].kind, Request::Kind::TapBoard);
}

TEST(Gestures, DoubleTapOnANoteEditsIt) {
    Table tb;
    const Id a = tb.add({-300, -250});
    auto f = finger(tb, 1);
    f.down(tb.screen_of(a));
    f.up();
    tb.wait(300);
    f.down(tb.screen_of(a));
    f.up();
    tb.wait(400);
    f.down(tb.screen_of(a));
    f.up();
    ASSERT_EQ(tb.requests.size(), 3u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::TapNote);
    EXPECT_EQ(tb.requests[1].kind, Request::Kind::DoubleTapNote);
    EXPECT_EQ(tb.requests[1].partner, a);
    EXPECT_EQ(tb.requests[2].kind, Request::Kind::TapNote) << "too late for a double tap";
}

TEST(Gestures, ALeaningHandDoesNotTurnATapIntoAPinch) {
    Table tb;
    auto lean = finger(tb, 1), tap = finger(tb, 2);
    lean.down({300, 900});
    tb.wait(700);  // its long-press fired: it is spent
    tap.down({1200, 900});
    tap.up();
    ASSERT_EQ(tb.requests.size(), 2u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::CreateNoteAt);
    EXPECT_EQ(tb.requests[1].kind, Request::Kind::TapBoard);
}

TEST(Gestures, TappingAHandleTapsItsNoteAndARemovedNoteEndsItsDrag) {
    Table tb;
    const Id a = tb.add({-300, -250});
    auto f = finger(tb, 1);
    f.down(tb.view.to_screen(link_handle_board(tb.note(a))));
    f.up();
    ASSERT_EQ(tb.requests.size(), 1u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::TapNote);
    EXPECT_EQ(tb.requests[0].partner, a);
    const Vec2 sa = tb.screen_of(a);
    f.down(sa);
    f.move(sa + Vec2{100, 0});
    tb.doc = reduce(tb.doc, act::RemovePartner{a});  // from a panel, meanwhile
    f.move(sa + Vec2{200, 0});
    f.up();
    EXPECT_TRUE(tb.actions.empty());
    EXPECT_TRUE(tb.router.live_placements().empty());
}

// ---- mouse ---------------------------------------------------------------------------------

TEST(Gestures, OnlyTheMousePansTheBoard) {
    Table tb;
    const View before = tb.view;
    auto f = finger(tb, 1);
    f.down({900, 900});
    f.move({1100, 950});
    f.up();
    EXPECT_EQ(tb.view, before) << "one finger on the board never pans";
    EXPECT_TRUE(tb.requests.empty());
    auto m = mouse(tb);
    m.down({900, 900});
    m.move({1000, 950});
    m.move({1100, 950});
    m.up();
    EXPECT_VEC_NEAR(tb.view.origin, before.origin + Vec2(200, 50), 1e-9);
    EXPECT_TRUE(tb.requests.empty());
}

// ---- time ----------------------------------------------------------------------------------

TEST(Gestures, TimeGoingBackwardsIsNoTimePassing) {
    Table tb;
    tb.t = 1000;
    auto f = finger(tb, 1);
    f.down({900, 900});
    tb.t = 500;
    f.move({902, 900});
    tb.apply(tb.router.tick(tb.doc, tb.view, 1599));
    EXPECT_TRUE(tb.requests.empty());
    tb.apply(tb.router.tick(tb.doc, tb.view, 1600));
    ASSERT_EQ(tb.requests.size(), 1u);
    EXPECT_EQ(tb.requests[0].kind, Request::Kind::CreateNoteAt);
}

TEST(Gestures, FacingRotationConvention) {
    const Vec2 size{1000, 800};
    EXPECT_EQ(facing_rotation({500, 790}, size), 0);
    EXPECT_EQ(facing_rotation({500, 10}, size), kPi);
    EXPECT_EQ(facing_rotation({10, 400}, size), kPi / 2);
    EXPECT_EQ(facing_rotation({990, 400}, size), -kPi / 2);
    EXPECT_EQ(facing_rotation({-50, 10}, size), kPi / 2);  // outside: still the nearest edge
    EXPECT_EQ(facing_rotation({10, 10}, {0, 0}), 0);
}

}  // namespace
