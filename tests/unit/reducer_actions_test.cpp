// The actions reducer_test.cpp does not reach: the phase, the plan, the roles of the
// conversation, phase-4 marks, priorities removed, action items, participants' names and
// roles, the goal. Each: what it changes, and that it changes nothing when it names nothing.
#include <gtest/gtest.h>

#include "invariants.hpp"
#include "limits.hpp"
#include "reducer.hpp"

namespace nk {
namespace {

// Ann (1) and Bert (2); post-its CLB (1) and Gemeente (2); Ann's priority on CLB.
Document team() {
    Document d;
    d = reduce(d, act::AddParticipant{"Ann", Role::Leraar});
    d = reduce(d, act::AddParticipant{"Bert", Role::Directie});
    d = reduce(d, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    d = reduce(d, act::AddPartner{"Gemeente", Category::Beleid, {-300, 50}});
    d = reduce(d, act::SetPriority{1, 1, {{240, -10}, {260, 10}}});
    return d;
}

void expect_rules_kept(const Document& d) {
    const auto v = invariant_violations(d);
    EXPECT_TRUE(v.empty()) << v.front();
}

TEST(ReducerActions, SetPhaseGoesToAnyPhaseAndBack) {
    Document d = team();
    for (Phase p : {Phase::Brainstorm, Phase::Naverwerking, Phase::Introductie, Phase::Vooraf}) {
        d = reduce(d, act::SetPhase{p});
        EXPECT_EQ(d.phase, p);
    }
    // Only the phase changes.
    Document moved = reduce(team(), act::SetPhase{Phase::Gesprek});
    moved.phase = Phase::Vooraf;
    EXPECT_EQ(moved, team());
}

TEST(ReducerActions, SetPlanTakesNinetyOrOneHundredTwentyMinutesOnly) {
    Document d = reduce(team(), act::SetPlan{120});
    EXPECT_EQ(d.plan_minutes, 120);
    for (int bad : {0, 60, 91, -90, 100000}) EXPECT_EQ(reduce(d, act::SetPlan{bad}).plan_minutes, 120) << bad;
    EXPECT_EQ(reduce(d, act::SetPlan{90}).plan_minutes, 90);
}

TEST(ReducerActions, SetFacilitatorAndNotetakerNameAParticipantOrNoOne) {
    Document d = reduce(team(), act::SetFacilitator{2});
    d = reduce(d, act::SetNotetaker{1});
    EXPECT_EQ(d.facilitator, 2);
    EXPECT_EQ(d.notetaker, 1);
    // Someone who is not on the board: nothing changes.
    EXPECT_EQ(reduce(d, act::SetFacilitator{7}), d);
    EXPECT_EQ(reduce(d, act::SetNotetaker{-1}), d);
    // 0 clears.
    EXPECT_EQ(reduce(d, act::SetFacilitator{0}).facilitator, 0);
    EXPECT_EQ(reduce(d, act::SetNotetaker{0}).notetaker, 0);
    // Removing the participant clears the role too.
    d = reduce(d, act::RemoveParticipant{2});
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 1);
    expect_rules_kept(d);
}

TEST(ReducerActions, SetPartnerMarksSetsAndClearsBothMarks) {
    Document d = reduce(team(), act::SetPartnerMarks{2, true, false});
    EXPECT_TRUE(d.partner(2)->missing);
    EXPECT_FALSE(d.partner(2)->overrepresented);
    EXPECT_FALSE(d.partner(1)->missing) << "only the named post-it";
    d = reduce(d, act::SetPartnerMarks{2, false, true});
    EXPECT_FALSE(d.partner(2)->missing);
    EXPECT_TRUE(d.partner(2)->overrepresented);
    EXPECT_EQ(reduce(d, act::SetPartnerMarks{9, true, true}), d);
}

TEST(ReducerActions, RemovePriorityRemovesOnlyThatParticipantsCircle) {
    Document d = reduce(team(), act::SetPriority{2, 2, {{-300, 40}}});
    ASSERT_EQ(d.priorities.size(), 2u);
    d = reduce(d, act::RemovePriority{1});
    ASSERT_EQ(d.priorities.size(), 1u);
    EXPECT_EQ(d.priorities[0].participant, 2);
    EXPECT_EQ(reduce(d, act::RemovePriority{1}), d) << "nothing left to remove";
    EXPECT_EQ(reduce(d, act::RemovePriority{42}), d);
    expect_rules_kept(d);
}

TEST(ReducerActions, ActionItemsAreAddedEditedAndRemovedById) {
    Document d = reduce(team(), act::AddActionItem{"CLB uitnodigen", "Ann", "juni 2027"});
    d = reduce(d, act::AddActionItem{"Stages evalueren", "Bert", ""});
    ASSERT_EQ(d.actions.size(), 2u);
    EXPECT_EQ(d.actions[0].id, 1);
    EXPECT_EQ(d.actions[1].id, 2);
    EXPECT_EQ(d.actions[1].who, "Bert");

    d = reduce(d, act::SetActionItem{1, "CLB en gemeente uitnodigen", "Ann en Bert", "mei 2027"});
    EXPECT_EQ(d.actions[0], (ActionItem{1, "CLB en gemeente uitnodigen", "Ann en Bert", "mei 2027"}));
    EXPECT_EQ(reduce(d, act::SetActionItem{5, "x", "y", "z"}), d) << "an unknown id changes nothing";

    d = reduce(d, act::RemoveActionItem{1});
    ASSERT_EQ(d.actions.size(), 1u);
    EXPECT_EQ(d.actions[0].what, "Stages evalueren");
    EXPECT_EQ(reduce(d, act::RemoveActionItem{1}), d);
    // A new one never reuses a live id.
    d = reduce(d, act::AddActionItem{"Nog een", "", ""});
    EXPECT_EQ(d.actions.back().id, 3);
    // Invalid UTF-8 is repaired on the way in.
    d = reduce(d, act::SetActionItem{3, "bad \xC3", "", ""});
    EXPECT_EQ(d.actions.back().what, "bad \xEF\xBF\xBD");
    expect_rules_kept(d);
}

TEST(ReducerActions, SetParticipantNameAndRoleChangeOnlyThatParticipant) {
    Document d = reduce(team(), act::SetParticipantName{1, "Anneleen"});
    d = reduce(d, act::SetParticipantRole{1, Role::Zorgcoordinator});
    EXPECT_EQ(d.participants[0], (Participant{1, "Anneleen", Role::Zorgcoordinator}));
    EXPECT_EQ(d.participants[1], (Participant{2, "Bert", Role::Directie}));
    EXPECT_EQ(d.priorities.size(), 1u) << "a new role keeps the priority";
    EXPECT_EQ(reduce(d, act::SetParticipantName{3, "Cis"}), d);
    EXPECT_EQ(reduce(d, act::SetParticipantRole{3, Role::Extern}), d);
    d = reduce(d, act::SetParticipantName{2, "B\xFF"});
    EXPECT_EQ(d.participants[1].name, "B\xEF\xBF\xBD");
    expect_rules_kept(d);
}

// Phase 1's goal: what the team wants to get out of the conversation. Only the goal
// changes; it is cut to its limit at a character boundary and repaired like every text.
TEST(ReducerActions, SetGoalKeepsWhatTheTeamWantsToGetOutOfIt) {
    Document d = reduce(team(), act::SetGoal{"Weten wie ons helpt bij grensoverschrijdend gedrag"});
    EXPECT_EQ(d.goal, "Weten wie ons helpt bij grensoverschrijdend gedrag");
    Document only = d;
    only.goal.clear();
    EXPECT_EQ(only, team());
    EXPECT_EQ(reduce(d, act::SetGoal{""}).goal, "");
    EXPECT_EQ(reduce(d, act::SetGoal{"g\xFF"}).goal, "g\xEF\xBF\xBD");
    const Document long_goal = reduce(d, act::SetGoal{std::string(limits::kGoalText - 1, 'x') + "é"});
    EXPECT_EQ(long_goal.goal, std::string(limits::kGoalText - 1, 'x'));
    expect_rules_kept(long_goal);
}

}  // namespace
}  // namespace nk
