// Merging another group's board through the one door every change takes: the reducer and
// the undo history (act::MergeBoard).
#include <gtest/gtest.h>

#include "geometry.hpp"
#include "history.hpp"
#include "invariants.hpp"
#include "merge.hpp"
#include "reducer.hpp"
#include "session.hpp"

namespace nk {
namespace {

Document group(std::initializer_list<const char*> names, double y0) {
    Document d;
    d.school = "De Linde";
    d.date = "2026-11-29";
    d = reduce(d, act::AddParticipant{"An", Role::Directie});
    double y = y0;
    for (const char* n : names) {
        d = reduce(d, act::AddPartner{n, Category::Zorg, {200, y}, 0});
        y += 110;
    }
    return d;
}

TEST(MergeAction, IsMergeBoardsAppliedToTheCurrentBoard) {
    Document a = group({"CLB Gent", "Bibliotheek"}, -100);
    a = reduce(a, act::AddLink{1, kSchool});
    Document b = group({"clb gent", "Logopedie", "Muziekacademie"}, 0);
    b = reduce(b, act::AddLink{2, 3});
    b = reduce(b, act::SetPriority{1, 2, {{0, 0}, {1, 1}}});
    b = reduce(b, act::SaveVersion{"2025-01-01", "oud"});

    const Document merged = reduce(a, act::MergeBoard{b, "groep-b.json"});
    MergeReport report;
    EXPECT_EQ(merged, merge_boards(a, b, &report));
    // What a facilitator notices: every post-it of both groups, the new ones in the lane,
    // the other group's line and circle kept, its versions not taken.
    ASSERT_EQ(merged.partners.size(), 5u);
    for (size_t i = 2; i < 5; ++i) EXPECT_EQ(merged.partners[i].ring, 0) << merged.partners[i].text;
    EXPECT_EQ(merged.links.size(), 2u);
    // An sat in both groups (same name and role): one person, whose circle from group B
    // comes along because she drew none in group A.
    EXPECT_EQ(merged.participants.size(), 1u);
    ASSERT_EQ(merged.priorities.size(), 1u);
    EXPECT_EQ(merged.partner(merged.priorities[0].partner)->text, "Logopedie");
    EXPECT_TRUE(merged.versions.empty());
    EXPECT_EQ(report.same_partner.size(), 1u);
    EXPECT_TRUE(invariant_violations(merged).empty());
}

TEST(MergeAction, KeepsTheOtherGroupsPriorityAndLinkBetweenItsOwnPartners) {
    Document a = group({"CLB Gent"}, 0);
    Document b = group({"Logopedie", "Muziekacademie"}, 0);
    b = reduce(b, act::AddParticipant{"Chris", Role::Zorgcoordinator});
    b = reduce(b, act::SetPriority{2, 2, {{5, 5}}});
    b = reduce(b, act::AddLink{1, 2});
    const Document m = reduce(a, act::MergeBoard{b, "b.json"});
    ASSERT_EQ(m.priorities.size(), 1u);
    const Partner* circled = m.partner(m.priorities[0].partner);
    ASSERT_NE(circled, nullptr);
    EXPECT_EQ(circled->text, "Muziekacademie");
    EXPECT_EQ(m.participant(m.priorities[0].participant)->name, "Chris");
    // The circle went along into the lane with its post-it (it stood at 200, 110).
    ASSERT_EQ(m.priorities[0].stroke.size(), 1u);
    EXPECT_EQ(m.priorities[0].stroke[0], (Vec2{5 + circled->x - 200, 5 + circled->y - 110}));
    EXPECT_EQ(circled->ring, 0);
    ASSERT_EQ(m.links.size(), 1u);
    EXPECT_EQ(m.partner(m.links[0].from)->text, "Logopedie");
    EXPECT_EQ(m.partner(m.links[0].to)->text, "Muziekacademie");
}

TEST(MergeAction, IsOneUndoStepNamedAfterItsSource) {
    Session s(group({"CLB Gent"}, 0));
    const Document before = s.current();
    ASSERT_TRUE(s.dispatch(act::MergeBoard{group({"Logopedie", "Bibliotheek"}, 0), "groep-b.json"}));
    EXPECT_EQ(s.current().partners.size(), 3u);
    EXPECT_EQ(s.history().undo_label(), (ActionLabel{"merge", "groep-b.json"}));
    ASSERT_TRUE(s.undo());
    EXPECT_EQ(s.current(), before);
    ASSERT_TRUE(s.redo());
    EXPECT_EQ(s.current().partners.size(), 3u);
}

TEST(MergeAction, WithoutASourceTheLabelNamesTheOtherSchool) {
    Document b = group({"Logopedie"}, 0);
    b.school = "Groep B";
    EXPECT_EQ(describe(Document{}, act::MergeBoard{b, ""}), (ActionLabel{"merge", "Groep B"}));
}

TEST(MergeAction, AnEmptyOtherBoardChangesNothingAndIsNoUndoStep) {
    Session s(group({"CLB Gent"}, 0));
    Document empty;
    EXPECT_FALSE(s.dispatch(act::MergeBoard{empty, "leeg.json"}));
    EXPECT_FALSE(s.history().can_undo());
}

}  // namespace
}  // namespace nk
