// "Named by N groups" after merges: the counts follow the board shown, through undo, redo,
// another merge and another board (the stale counts of issue #13).
#include "merge_tally.hpp"

#include <gtest/gtest.h>

#include "merge.hpp"

namespace nk {
namespace {

Partner named(Id id, std::string text, double x) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.x = x;
    p.y = 100;
    return p;
}

Document ours() {
    Document d;
    d.school = "De Linde";
    d.partners = {named(1, "CLB Gent", 100), named(2, "Bibliotheek", -100)};
    return d;
}

Document theirs() {
    Document d;
    d.school = "De Linde";
    d.partners = {named(1, "CLB  gent", 50), named(2, "Sportclub", 0)};
    return d;
}

// The ids on `d` of the post-its whose text folds like `text`: a stack of one partner.
std::vector<Id> stack_of(const Document& d, const std::string& text) {
    std::vector<Id> out;
    for (const Partner& p : d.partners)
        if (fold(p.text) == fold(text)) out.push_back(p.id);
    return out;
}

// What the app does for one merge: the board, and the tally told about it.
Document merge(MergeTally& tally, const Document& before) {
    const Document after = merge_boards(before, theirs(), nullptr);
    tally.record(before, after);
    tally.follow(after, false);
    return after;
}

TEST(MergeTally, AMergedPartnerIsNamedByTwoGroups) {
    MergeTally tally;
    const Document after = merge(tally, ours());
    EXPECT_EQ(tally.groups_naming(after, stack_of(after, "CLB Gent")), 2);
    EXPECT_EQ(tally.groups_naming(after, stack_of(after, "Sportclub")), 1);
    EXPECT_EQ(tally.groups_naming(after, stack_of(after, "Bibliotheek")), 1);
}

TEST(MergeTally, UndoingTheMergeAndMergingAgainCountsTwoGroupsNotThree) {
    MergeTally tally;
    const Document before = ours();
    merge(tally, before);
    tally.follow(before, true);  // undo
    const Document again = merge(tally, before);
    EXPECT_EQ(tally.groups_naming(again, stack_of(again, "CLB Gent")), 2);
    EXPECT_EQ(tally.groups(), 1u);
}

TEST(MergeTally, RedoBringsTheGroupBack) {
    MergeTally tally;
    const Document before = ours();
    const Document after = merge(tally, before);
    tally.follow(before, true);  // undo
    EXPECT_EQ(tally.groups(), 0u);
    tally.follow(after, false);  // redo
    EXPECT_EQ(tally.groups_naming(after, stack_of(after, "CLB Gent")), 2);
}

TEST(MergeTally, APostItTypedAfterTheUndoIsNotCountedAsMerged) {
    MergeTally tally;
    const Document before = ours();
    const Document after = merge(tally, before);
    tally.follow(before, true);  // undo: the merged copies' ids are free again
    Document typed = before;
    typed.partners.push_back(named(after.partners.back().id, "Sportclub", 10));
    for (const Partner& p : after.partners)  // the same id the merged "CLB gent" had
        if (!before.partner(p.id) && fold(p.text) == fold("CLB Gent")) typed.partners.push_back(named(p.id, "CLB Gent", 20));
    tally.follow(typed, false);  // typing dropped the redo
    EXPECT_EQ(tally.groups_naming(typed, stack_of(typed, "CLB Gent")), 1);
    EXPECT_EQ(tally.groups_naming(typed, stack_of(typed, "Sportclub")), 1);
}

TEST(MergeTally, AnotherBoardForgetsEveryGroup) {
    MergeTally tally;
    merge(tally, ours());
    tally.clear();
    // Another group's file opened, in which one group wrote "CLB Gent" twice, once under
    // the id the merged copy had (ours has 1 and 2, the merged copies 3 and 4).
    Document opened;
    opened.partners = {named(1, "CLB Gent", 0), named(3, "CLB  gent", 40)};
    EXPECT_EQ(tally.groups_naming(opened, stack_of(opened, "CLB Gent")), 1);
}

TEST(MergeTally, ARenamedMergedPostItIsTheTeamsOwn) {
    MergeTally tally;
    Document after = merge(tally, ours());
    for (Partner& p : after.partners)
        if (p.text == "Sportclub") p.text = "CLB Gent";
    tally.follow(after, false);
    // "CLB Gent" ×2 ours (one renamed), one merged copy still as merged.
    EXPECT_EQ(tally.groups_naming(after, stack_of(after, "CLB Gent")), 2);
}

}  // namespace
}  // namespace nk
