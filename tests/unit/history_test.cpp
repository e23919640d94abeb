// Undo and redo per finished action, and the label that says what undo will undo.
#include <gtest/gtest.h>

#include "history.hpp"
#include "reducer.hpp"
#include "session.hpp"

namespace nk {
namespace {

TEST(History, UndoAndRedoWalkTheFinishedActions) {
    Session s{Document{}};
    s.dispatch(act::AddPartner{"CLB Gent", Category::Zorg, {0, 250}, 0});
    s.dispatch(act::MovePartners{{{1, {0, 400}, 0, 1}}});
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"move", "CLB Gent"}));
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.current().partners[0].y, 250);
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"add", "CLB Gent"}));
    EXPECT_EQ(s.history().redo_label(), (ActionLabel{"move", "CLB Gent"}));
    ASSERT_TRUE(s.undo());
    EXPECT_TRUE(s.current().partners.empty());
    EXPECT_FALSE(s.undo());
    ASSERT_TRUE(s.redo());
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.current().partners[0].y, 400);
    EXPECT_FALSE(s.redo());
}

TEST(History, ANewEditDropsTheRedoTail) {
    Session s{Document{}};
    s.dispatch(act::AddPartner{"A", Category::Zorg, {0, 250}, 0});
    s.dispatch(act::AddPartner{"B", Category::Zorg, {0, 300}, 0});
    s.undo();
    s.dispatch(act::AddPartner{"C", Category::Zorg, {0, 350}, 0});
    EXPECT_FALSE(s.history().can_redo());
    ASSERT_EQ(s.current().partners.size(), 2u);
    EXPECT_EQ(s.current().partners[1].text, "C");
}

TEST(History, AnActionThatChangesNothingIsNoUndoStep) {
    Session s{Document{}};
    s.dispatch(act::AddPartner{"A", Category::Zorg, {0, 250}, 0});
    EXPECT_FALSE(s.dispatch(act::RemovePartner{99}));
    EXPECT_FALSE(s.dispatch(act::MovePartners{{{1, {0, 250}, 0, 1}}}));
    EXPECT_EQ(s.history().size(), 2u);
}

TEST(History, IsBounded) {
    History h{Document{}, 10};
    Document d;
    for (int i = 0; i < 50; ++i) {
        d = reduce(d, act::SetSchoolName{"School " + std::to_string(i)});
        h.push(d, {"school", d.school});
    }
    EXPECT_EQ(h.size(), 10u);
    int undos = 0;
    while (h.undo()) ++undos;
    EXPECT_EQ(undos, 9);
    EXPECT_EQ(h.current().school, "School 40");
}

TEST(History, TypingIntoOneFieldIsOneUndoStepButSavedAtEveryChange) {
    Session s{Document{}};
    s.dispatch(act::AddPartner{"CLB", Category::Zorg, {0, 250}, 0});
    for (const char* t : {"W", "We", "Wek", "Wekelijks"})
        s.dispatch_coalesced(act::SetCardNote{1, "f1.actoren", t}, "note:1:f1.actoren");
    EXPECT_EQ(s.current().notes.at(0).text, "Wekelijks");
    EXPECT_EQ(s.history().size(), 3u);
    s.dispatch_coalesced(act::SetClosingAnswer{"metafoor", "Een parachute"}, "closing:metafoor");
    EXPECT_EQ(s.history().size(), 4u);
    ASSERT_TRUE(s.undo());
    ASSERT_TRUE(s.undo());
    EXPECT_TRUE(s.current().notes.empty());
    // After an undo, the same key starts a new step.
    s.dispatch_coalesced(act::SetCardNote{1, "f1.actoren", "X"}, "note:1:f1.actoren");
    s.dispatch_coalesced(act::SetCardNote{1, "f1.actoren", "XY"}, "note:1:f1.actoren");
    EXPECT_EQ(s.history().size(), 3u);
}

TEST(History, OpeningABoardStartsAFreshHistory) {
    Session s{Document{}};
    s.dispatch(act::AddPartner{"A", Category::Zorg, {0, 250}, 0});
    Document other;
    other.school = "De Linde";
    s.replace(other);
    EXPECT_FALSE(s.history().can_undo());
    EXPECT_EQ(s.current().school, "De Linde");
}

// A big board keeps fewer steps: the history stays within its byte budget, still undoes
// what was done last, and a small board keeps its full 200 steps.
TEST(History, ABigBoardKeepsFewerStepsWithinTheByteBudget) {
    Document big;
    for (int i = 0; i < 500; ++i)
        big = reduce(big, act::AddPartner{"Pedagogische begeleidingsdienst nummer " + std::to_string(i), Category::Zorg,
                                          {double(i), 100}, 0});
    const size_t one = approx_bytes(big);
    EXPECT_GT(one, 500u * sizeof(Partner));
    const size_t budget = 20 * one;
    History h(big, 200, budget);
    Document d = big;
    for (int step = 0; step < 100; ++step) {
        d = reduce(d, act::MovePartners{{{d.partners[0].id, {double(step), 300}, 0, 1}}});
        ASSERT_TRUE(h.push(d, {"move", "x"}));
    }
    EXPECT_LE(h.size(), 21u);
    EXPECT_GE(h.size(), 18u);
    ASSERT_TRUE(h.undo());
    EXPECT_EQ(h.current().partners[0].x, 98);  // the step before the last is still there
    while (h.undo()) {}
    EXPECT_EQ(h.current().partners[0].x, double(100 - int(h.size())));

    Document s = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {0, 0}, 0});
    History small(s, 200, budget);
    for (int step = 1; step <= 300; ++step) {
        s = reduce(s, act::MovePartners{{{s.partners[0].id, {double(step), 0}, 0, 1}}});
        small.push(s, {"move", "CLB"});
    }
    EXPECT_EQ(small.size(), 200u);
}

// Ten saved versions of a 500-post-it board: they are shared by every step, so an edit
// neither copies them nor pays for them again in the undo budget (before, each step
// counted all ten boards and the 10 MB budget left about nine steps to undo).
TEST(History, SavedVersionsAreSharedNotCopiedByEverySteps) {
    Document d;
    for (int i = 0; i < 500; ++i)
        d = reduce(d, act::AddPartner{"Pedagogische begeleidingsdienst nummer " + std::to_string(i), Category::Zorg,
                                      {double(i), 100}, 0});
    for (int v = 0; v < 10; ++v) d = reduce(d, act::SaveVersion{"2026-0" + std::to_string(v % 9 + 1) + "-01", "v"});
    ASSERT_EQ(d.versions.size(), 10u);

    const Document moved = reduce(d, act::MovePartners{{{d.partners[0].id, {1, 300}, 0, 1}}});
    EXPECT_TRUE(moved.versions.shares(d.versions));  // the reducer passed the list on
    const Document copy = moved;
    EXPECT_TRUE(copy.versions.shares(d.versions));
    EXPECT_TRUE(copy == moved);

    History h(d);
    for (int step = 0; step < 100; ++step) {
        d = reduce(d, act::MovePartners{{{d.partners[0].id, {double(step), 300}, 0, 1}}});
        ASSERT_TRUE(h.push(d, {"move", "x"}));
    }
    EXPECT_EQ(h.size(), 101u);  // every step kept: the versions count once
    while (h.undo()) {}
    EXPECT_EQ(h.current().versions.size(), 10u);

    // A new version is a new list; the older steps keep theirs.
    const Document saved = reduce(d, act::SaveVersion{"2026-12-07", "na de workshop"});
    EXPECT_FALSE(saved.versions.shares(d.versions));
    EXPECT_EQ(saved.versions.size(), 11u);
    EXPECT_EQ(d.versions.size(), 10u);
}

// The undo line is on the shared screen: while a post-it lies face down in its writer's
// tray (brainstorm), its label names only the writer, never its text.
TEST(History, LabelsOfAFaceDownPostItNameOnlyItsWriter) {
    Session s{reduce(Document{}, act::AddParticipant{"Ann", Role::Leraar})};
    ASSERT_TRUE(s.dispatch(act::AddPartner{"CLB Gent", Category::Zorg, {250, 0}, 0, 1, false}));
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"private", "Ann"}));
    const Id id = s.current().partners.back().id;
    for (const Action& a : {Action{act::SetPartnerText{id, "CLB Gent-Oost"}}, Action{act::SetCategory{id, Category::Beleid}},
                            Action{act::MovePartners{{{id, {300, 20}, 0, 1}}}}, Action{act::AddLink{kSchool, id}},
                            Action{act::SetPartnerMarks{id, true, false}}, Action{act::DuplicatePartner{id}}}) {
        ASSERT_TRUE(s.dispatch(a)) << a.index();
        const ActionLabel l = s.history().undo_label();
        EXPECT_EQ(l, (ActionLabel{"private", "Ann"})) << a.index() << ": " << l.verb << " " << l.subject;
        ASSERT_TRUE(s.undo());
        EXPECT_EQ(s.history().redo_label(), (ActionLabel{"private", "Ann"})) << a.index();
        ASSERT_TRUE(s.redo());
    }
    // A writer who is not known: no name, no text.
    ASSERT_TRUE(s.dispatch(act::AddPartner{"Geheim", Category::Zorg, {250, 80}, 0, 0, false}));
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"private-anonymous", ""}));
    // Once revealed, the post-it is named by its text again.
    ASSERT_TRUE(s.dispatch(act::Reveal{0}));
    ASSERT_TRUE(s.dispatch(act::SetCategory{id, Category::Zorg}));
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"category", "CLB Gent-Oost"}));
}

}  // namespace
}  // namespace nk
