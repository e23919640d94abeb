// Tidying the map (core/model/tidy.hpp and act::TidyMap): overlapping post-its spread
// within their own ring, nothing changes ring, the lanes stay, one undo step.
#include "tidy.hpp"

#include <gtest/gtest.h>

#include <string>

#include "geometry.hpp"
#include "history.hpp"
#include "invariants.hpp"
#include "reducer.hpp"

namespace nk {
namespace {

Document with(const std::vector<std::pair<Category, Vec2>>& notes) {
    Document d;
    for (const auto& [c, at] : notes) d = reduce(d, act::AddPartner{"p", c, at});
    return d;
}

// Pairs of post-its on the same ring that overlap.
int overlaps_within_rings(const Document& d) {
    int n = 0;
    for (size_t i = 0; i < d.partners.size(); ++i)
        for (size_t j = i + 1; j < d.partners.size(); ++j)
            if (d.partners[i].ring == d.partners[j].ring && d.partners[i].ring > 0 &&
                tidy::overlap(d.partners[i], d.partners[j]))
                ++n;
    return n;
}

void expect_same_rings(const Document& before, const Document& after) {
    ASSERT_EQ(before.partners.size(), after.partners.size());
    for (size_t i = 0; i < before.partners.size(); ++i)
        EXPECT_EQ(before.partners[i].ring, after.partners[i].ring) << "post-it " << before.partners[i].id;
}

TEST(Tidy, HeapOnOneSpotSpreadsWithinItsRing) {
    // Twelve post-its dropped on one spot of ring 3, four on ring 2, two on ring 1.
    std::vector<std::pair<Category, Vec2>> notes;
    for (int i = 0; i < 12; ++i) notes.push_back({Category::Zorg, {400, 10}});
    for (int i = 0; i < 4; ++i) notes.push_back({Category::Beleid, {0, -260}});
    for (int i = 0; i < 2; ++i) notes.push_back({Category::Aanbod, {0, 150}});
    const Document d = with(notes);
    ASSERT_GT(overlaps_within_rings(d), 0);
    const Document t = reduce(d, act::TidyMap{});
    expect_same_rings(d, t);
    EXPECT_EQ(overlaps_within_rings(t), 0);
    EXPECT_TRUE(invariant_violations(t).empty());
}

TEST(Tidy, ARingWithoutOverlapsIsLeftAlone) {
    const Document d = with({{Category::Zorg, {0, -400}}, {Category::Zorg, {400, 0}}, {Category::Stages, {0, 260}},
                             {Category::Andere, {-400, 0}}});
    ASSERT_EQ(overlaps_within_rings(d), 0);
    EXPECT_TRUE(tidy::tidy_moves(d, false).empty());
    EXPECT_EQ(reduce(d, act::TidyMap{}), d);
    // Tidying a tidied map changes nothing either.
    Document crowded = with({{Category::Zorg, {400, 0}}, {Category::Zorg, {400, 0}}, {Category::Zorg, {400, 0}}});
    crowded = reduce(crowded, act::TidyMap{});
    EXPECT_EQ(reduce(crowded, act::TidyMap{}), crowded);
}

TEST(Tidy, OnlyTheCrowdedOnesMove) {
    const Document d = with({{Category::Zorg, {0, -400}}, {Category::Zorg, {400, 0}}, {Category::Zorg, {400, 0}}});
    const Document t = reduce(d, act::TidyMap{});
    EXPECT_EQ(t.partners[0], d.partners[0]);  // overlapped nothing: stays
    EXPECT_EQ(overlaps_within_rings(t), 0);
    EXPECT_EQ(t.partners[1], d.partners[1]);  // the first of the pair keeps its place
    EXPECT_NE(t.partners[2], d.partners[2]);  // the second moves
}

TEST(Tidy, LanesAndTraysAreNotTouched) {
    Document d = with({{Category::Zorg, {geo::kLaneX + 100, 0}}, {Category::Zorg, {geo::kLaneX + 100, 0}}});
    d = reduce(d, act::AddPartner{"tray", Category::Ongesorteerd, {0, 0}, 0, 0, false});
    d = reduce(d, act::AddPartner{"tray", Category::Ongesorteerd, {0, 0}, 0, 0, false});
    EXPECT_EQ(reduce(d, act::TidyMap{}), d);
    EXPECT_EQ(reduce(d, act::TidyMap{true}), d);
}

TEST(Tidy, ByKindGroupsKindsInSectorsOnEveryRing) {
    std::vector<std::pair<Category, Vec2>> notes;
    for (int i = 0; i < 5; ++i) notes.push_back({Category::Zorg, {-400.0 + i * 3, 40}});
    for (int i = 0; i < 5; ++i) notes.push_back({Category::Stages, {400.0, 40.0 + i}});
    for (int i = 0; i < 3; ++i) notes.push_back({Category::Zorg, {10.0 * i, 250}});
    const Document d = with(notes);
    const Document t = reduce(d, act::TidyMap{true});
    expect_same_rings(d, t);
    EXPECT_EQ(overlaps_within_rings(t), 0);
    // Care (zorg) comes first clockwise from the top: its sector holds more than half the
    // map, so every care post-it lies on the right (x > 0) or near the bottom of the
    // circle, and every internship post-it on the left.
    for (const Partner& p : t.partners)
        if (p.category == Category::Stages) {
            EXPECT_LT(p.x, 0) << p.id;
        }
    // Deterministic.
    EXPECT_EQ(reduce(d, act::TidyMap{true}), t);
}

TEST(Tidy, PriorityCirclesMoveWithTheirPostIt) {
    Document d = with({{Category::Zorg, {400, 0}}, {Category::Zorg, {400, 0}}});
    d = reduce(d, act::AddParticipant{"Ann", Role::Leraar});
    d = reduce(d, act::SetPriority{1, 2, {{400, -60}, {460, 0}, {400, 60}}});
    const Document t = reduce(d, act::TidyMap{});
    const Partner& moved = t.partners[1];  // the second of the heap moves
    ASSERT_NE(moved.x, 400.0);
    EXPECT_DOUBLE_EQ(t.priorities[0].stroke[1].x - moved.x, 60);
    EXPECT_DOUBLE_EQ(t.priorities[0].stroke[1].y - moved.y, 0);
}

TEST(Tidy, IsOneUndoStepWithItsOwnName) {
    const Document d = with({{Category::Zorg, {400, 0}}, {Category::Zorg, {400, 0}}});
    EXPECT_EQ(describe(d, act::TidyMap{}).verb, "tidy");
    EXPECT_EQ(describe(d, act::TidyMap{true}).verb, "tidy-kinds");
}

TEST(Tidy, AFullRingStillKeepsEveryRing) {
    // Far more post-its than ring 1 holds: the ones without room stay crowded, in ring 1.
    std::vector<std::pair<Category, Vec2>> notes(40, {Category::Zorg, {0, 150}});
    const Document d = with(notes);
    const Document t = reduce(d, act::TidyMap{});
    expect_same_rings(d, t);
    EXPECT_TRUE(invariant_violations(t).empty());
}

}  // namespace
}  // namespace nk
