// The reducer keeps the board's rules whatever it is asked to do.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "geometry.hpp"
#include "invariants.hpp"
#include "reducer.hpp"

namespace nk {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Document board_with(std::initializer_list<const char*> names) {
    Document d;
    double y = -200;
    for (const char* n : names) {
        d = reduce(d, act::AddPartner{n, Category::Zorg, {250, y}, 0});
        y += 120;
    }
    return d;
}

TEST(Reducer, AddPartnerGivesUniqueIdsAndTheRingOfItsPlace) {
    Document d = board_with({"CLB", "Bibliotheek", "Gemeente"});
    ASSERT_EQ(d.partners.size(), 3u);
    EXPECT_EQ(d.partners[0].id, 1);
    EXPECT_EQ(d.partners[2].id, 3);
    for (const Partner& p : d.partners) EXPECT_EQ(p.ring, geo::ring_at({p.x, p.y}));
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(Reducer, RingFollowsWhereTheCentreIsDropped) {
    Document d = board_with({"CLB"});
    const Id id = d.partners[0].id;
    auto ring_after_move = [&](Vec2 p) {
        d = reduce(d, act::MovePartners{{{id, p, 0, 1}}});
        return d.partner(id)->ring;
    };
    EXPECT_EQ(ring_after_move({0, geo::kRing1 - 1}), 1);
    EXPECT_EQ(ring_after_move({geo::kRing2 - 1, 0}), 2);
    EXPECT_EQ(ring_after_move({0, -(geo::kRing3 - 1)}), 3);
    EXPECT_EQ(ring_after_move({geo::kRing3 + 10, 0}), 4);
    EXPECT_EQ(ring_after_move({geo::kLaneX + 50, 0}), 0);
    EXPECT_EQ(ring_after_move({-geo::kLaneX - 50, 300}), 0);
}

TEST(Reducer, NonFiniteMovesLeaveThePostItWhereItWas) {
    Document d = board_with({"CLB"});
    const Partner before = d.partners[0];
    d = reduce(d, act::MovePartners{{{before.id, {kNaN, 3}, 0, 1}}});
    d = reduce(d, act::MovePartners{{{before.id, {1, kInf}, 0, 1}}});
    EXPECT_EQ(d.partners[0], before);
    d = reduce(d, act::MovePartners{{{before.id, {10, 10}, kNaN, kNaN}}});
    EXPECT_EQ(d.partners[0].x, 10);
    EXPECT_TRUE(std::isfinite(d.partners[0].rotation));
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(Reducer, ScaleStaysWithinBounds) {
    Document d = board_with({"CLB"});
    d = reduce(d, act::MovePartners{{{1, {0, 250}, 0.3, 9}}});
    EXPECT_EQ(d.partners[0].scale, 1.5);
    d = reduce(d, act::MovePartners{{{1, {0, 250}, 0.3, 0.1}}});
    EXPECT_EQ(d.partners[0].scale, 0.75);
}

TEST(Reducer, RemovingAPartnerRemovesItsLinksAndPriorities) {
    Document d = board_with({"CLB", "Bibliotheek", "Gemeente"});
    d = reduce(d, act::AddLink{1, 2});
    d = reduce(d, act::AddLink{2, kSchool});
    d = reduce(d, act::AddLink{3, 1});
    d = reduce(d, act::AddParticipant{"An", Role::Leraar});
    d = reduce(d, act::SetPriority{1, 2, {{0, 0}, {10, 0}}});
    ASSERT_EQ(d.links.size(), 3u);
    d = reduce(d, act::RemovePartner{2});
    EXPECT_EQ(d.partners.size(), 2u);
    ASSERT_EQ(d.links.size(), 1u);
    EXPECT_EQ(d.links[0].from, 3);
    EXPECT_TRUE(d.priorities.empty());
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(Reducer, LinksAreNeverToSelfRepeatedOrDangling) {
    Document d = board_with({"CLB", "Bibliotheek"});
    d = reduce(d, act::AddLink{1, 1});
    d = reduce(d, act::AddLink{1, 99});
    d = reduce(d, act::AddLink{1, 2});
    d = reduce(d, act::AddLink{2, 1});  // the same pair the other way round
    ASSERT_EQ(d.links.size(), 1u);
    d = reduce(d, act::RemoveLink{d.links[0].id});
    EXPECT_TRUE(d.links.empty());
}

TEST(Reducer, APrioritysCircleMovesWithItsPostIt) {
    Document d = board_with({"CLB"});
    d = reduce(d, act::AddParticipant{"An", Role::Directie});
    const Partner p = d.partners[0];
    d = reduce(d, act::SetPriority{1, p.id, {{p.x - 90, p.y}, {p.x + 90, p.y}}});
    d = reduce(d, act::MovePartners{{{p.id, {p.x + 10, p.y - 20}, 0, 1}}});
    EXPECT_EQ(d.priorities[0].stroke[0], (Vec2{p.x - 80, p.y - 20}));
}

TEST(Reducer, ASecondPriorityReplacesTheFirst) {
    Document d = board_with({"CLB", "Bibliotheek"});
    d = reduce(d, act::AddParticipant{"An", Role::Leraar});
    d = reduce(d, act::SetPriority{1, 1, {}});
    d = reduce(d, act::SetPriority{1, 2, {}});
    ASSERT_EQ(d.priorities.size(), 1u);
    EXPECT_EQ(d.priorities[0].partner, 2);
    d = reduce(d, act::RemoveParticipant{1});
    EXPECT_TRUE(d.priorities.empty());
}

TEST(Reducer, InvalidUtf8IsRepairedNeverStored) {
    Document d;
    d = reduce(d, act::AddPartner{"CLB \xC3", Category::Andere, {0, 300}, 0});
    d = reduce(d, act::SetSchoolName{"De \xFF Linde"});
    EXPECT_TRUE(invariant_violations(d).empty());
    EXPECT_EQ(d.partners[0].text, "CLB \xEF\xBF\xBD");
}

TEST(Reducer, ActionsOnMissingThingsChangeNothing) {
    const Document d = board_with({"CLB"});
    EXPECT_EQ(reduce(d, act::SetPartnerText{42, "x"}), d);
    EXPECT_EQ(reduce(d, act::RemovePartner{42}), d);
    EXPECT_EQ(reduce(d, act::SetCategory{42, Category::Beleid}), d);
    EXPECT_EQ(reduce(d, act::SetPriority{1, 1, {}}), d);  // no participant 1
}

TEST(Repair, FixesEveryBrokenRuleAndSaysWhat) {
    Document d;
    d.partners = {{1, "A", Category::Zorg, 0, 250, 3, 0, 1}, {1, "B\xC3", Category::Zorg, kNaN, 0, 2, kInf, 9}};
    d.links = {{1, 1, 7}, {1, 1, kSchool}, {2, kSchool, 1}};
    d.participants = {{1, "An", Role::Leraar}};
    d.priorities = {{1, 5, {}}, {2, 1, {}}};
    ASSERT_FALSE(invariant_violations(d).empty());
    const RepairReport r = repair(d);
    EXPECT_FALSE(r.empty());
    EXPECT_TRUE(invariant_violations(d).empty()) << ::testing::PrintToString(invariant_violations(d));
    EXPECT_EQ(d.partners.size(), 2u);
    EXPECT_EQ(d.links.size(), 1u);
    EXPECT_TRUE(d.priorities.empty());
}

}  // namespace
}  // namespace nk
