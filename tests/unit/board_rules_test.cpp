// Workshop rules for what the board's gestures mean (board_rules.hpp): what a person at
// the screen sees happen after typing, a long-press, a tap.
#include "board_rules.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "reducer.hpp"

using namespace nk;

namespace {

Document with_note(Id& id) {
    Document d = reduce(Document{}, act::AddPartner{"CLB", Category::Andere, {100, 50}, 0});
    id = d.partners.back().id;
    return d;
}

// ---- the end of typing a post-it ----------------------------------------------------------

TEST(BoardRules, EmptyTextWhenEditingEndsRemovesThePostIt) {
    Id id = 0;
    const Document d = with_note(id);
    for (const char* empty : {"", "   ", " \n\t "}) {
        const auto a = finish_note_text({id, {100, 50}, 0}, empty);
        ASSERT_TRUE(a.has_value()) << '"' << empty << '"';
        ASSERT_TRUE(std::holds_alternative<act::RemovePartner>(*a));
        EXPECT_TRUE(reduce(d, *a).partners.empty()) << "the post-it is gone";
    }
}

TEST(BoardRules, EditedTextIsTrimmedIntoThePostIt) {
    Id id = 0;
    const Document d = with_note(id);
    const auto a = finish_note_text({id, {100, 50}, 0}, "  Academie  \n");
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(reduce(d, *a).partner(id)->text, "Academie");
}

TEST(BoardRules, ANewPostItWithNoTextIsNeverAdded) {
    EXPECT_FALSE(finish_note_text({0, {10, 20}, 0}, "  ").has_value());
    const auto a = finish_note_text({0, {10, 20}, 1.5, true}, " Ouders ");
    ASSERT_TRUE(a.has_value());
    const Document d = reduce(Document{}, *a);
    ASSERT_EQ(d.partners.size(), 1u);
    EXPECT_EQ(d.partners[0].text, "Ouders");
    EXPECT_EQ(d.partners[0].x, 10);
    EXPECT_EQ(d.partners[0].rotation, 1.5);
    EXPECT_TRUE(d.partners[0].missing) << "a phase-4 'ontbrekend' post-it stays marked";
}

// ---- a long-press near an edge in the brainstorm ------------------------------------------------

TEST(BoardRules, LongPressNearAnEdgeInTheBrainstormOpensAWritersStation) {
    const Vec2 w{1920, 1080};
    EXPECT_EQ(station_for_long_press(Phase::Brainstorm, {700, 1000}, w, 160), (StationPlace{Side::Bottom, 700}));
    EXPECT_EQ(station_for_long_press(Phase::Brainstorm, {700, 40}, w, 160), (StationPlace{Side::Top, 700}));
    EXPECT_EQ(station_for_long_press(Phase::Brainstorm, {30, 500}, w, 160), (StationPlace{Side::Left, 500}));
    EXPECT_EQ(station_for_long_press(Phase::Brainstorm, {1900, 300}, w, 160), (StationPlace{Side::Right, 300}));
    // A corner: the nearer edge wins.
    EXPECT_EQ(station_for_long_press(Phase::Brainstorm, {20, 1000}, w, 160)->side, Side::Left);
}

TEST(BoardRules, LongPressInTheMiddleOrInAnotherPhaseMakesAPostIt) {
    const Vec2 w{1920, 1080};
    EXPECT_FALSE(station_for_long_press(Phase::Brainstorm, {960, 540}, w, 160).has_value());
    EXPECT_FALSE(station_for_long_press(Phase::Brainstorm, {960, 920}, w, 160).has_value()) << "exactly 160 away";
    EXPECT_FALSE(station_for_long_press(Phase::Netwerkkaart, {700, 1000}, w, 160).has_value());
    EXPECT_FALSE(station_for_long_press(Phase::Gesprek, {30, 500}, w, 160).has_value());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(station_for_long_press(Phase::Brainstorm, {nan, 1000}, w, 160).has_value());
    EXPECT_FALSE(station_for_long_press(Phase::Brainstorm, {700, 1000}, {0, 0}, 160).has_value());
}

// ---- a tap on a post-it in the conversation ----------------------------------------------------

TEST(BoardRules, ATapOnAPostItInPhase3OpensItsCardDeck) {
    Request tap;
    tap.kind = Request::Kind::TapNote;
    tap.partner = 7;
    EXPECT_EQ(card_deck_for_tap(Phase::Gesprek, tap), 7);
    EXPECT_EQ(card_deck_for_tap(Phase::Netwerkkaart, tap), 0);
    EXPECT_EQ(card_deck_for_tap(Phase::Terugblik, tap), 0);
    tap.linked = true;  // it ended a tap-to-connect line: a link, no deck
    EXPECT_EQ(card_deck_for_tap(Phase::Gesprek, tap), 0);
    Request twice = tap;
    twice.linked = false;
    twice.kind = Request::Kind::DoubleTapNote;  // edits the text instead
    EXPECT_EQ(card_deck_for_tap(Phase::Gesprek, twice), 0);
}

}  // namespace

// ---- duplicates offered for stacking (phase 2B) ------------------------------------------------

namespace {

TEST(BoardRules, TwoPostItsNamingTheSamePartnerAreOfferedAndStackedByOneMove) {
    Document d;
    for (auto [text, x] : {std::pair{"CLB", -300.0}, {"clb", 200.0}, {"Ouders", 0.0}})
        d = reduce(d, act::AddPartner{text, Category::Andere, {x, 100}, 0});
    auto stacks = duplicate_stacks(d);
    ASSERT_EQ(stacks.size(), 1u);
    ASSERT_EQ(stacks[0].group.size(), 2u);
    EXPECT_FALSE(stacks[0].stacked);
    d = reduce(d, stack_move(d, stacks[0].group));
    stacks = duplicate_stacks(d);
    ASSERT_EQ(stacks.size(), 1u);
    EXPECT_TRUE(stacks[0].stacked) << "after the move they lie on one another";
    const Partner* a = d.partner(stacks[0].group[0]);
    const Partner* b = d.partner(stacks[0].group[1]);
    EXPECT_EQ(b->x, a->x + 6);
    EXPECT_EQ(b->y, a->y + 6);
}

}  // namespace

// ---- a partner discussed with the cards (phase 3) -------------------------------------------------

namespace {

TEST(BoardRules, APartnerIsDiscussedOnceACardOfEachGroupHasANote) {
    Id id = 0;
    Document d = with_note(id);
    EXPECT_TRUE(discussed_partners(d).empty());
    d = reduce(d, act::SetCardNote{id, "f1.actoren", "wie"});
    d = reduce(d, act::SetCardNote{id, "f2.inbreng", "wat"});
    EXPECT_TRUE(discussed_partners(d).empty()) << "two of the three groups";
    d = reduce(d, act::SetCardNote{id, "f2.tijd", "wanneer"});
    EXPECT_TRUE(discussed_partners(d).empty()) << "still no card of the third group";
    d = reduce(d, act::SetCardNote{id, "f3.school", "waarom"});
    EXPECT_EQ(discussed_partners(d), std::vector<Id>{id});
}

}  // namespace
