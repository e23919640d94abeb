// Joining the maps of two groups, and finding partners named twice.
#include "merge.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

Partner partner(Id id, std::string text, Vec2 at, Id author = 0, Side side = Side::Bottom) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.x = at.x, p.y = at.y;
    p.ring = geo::ring_at(at);
    p.author = author;
    p.side = side;
    return p;
}

std::string dump(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += "  " + x + "\n";
    return s;
}

Document group_a() {
    Document d;
    d.school = "De Linde";
    d.date = "2026-11-29";
    d.phase = Phase::Prioriteiten;
    d.participants = {{1, "An", Role::Directie}, {2, "Bert", Role::Leraar}};
    d.facilitator = 1;
    d.partners = {partner(1, "CLB Gent", {120, -80}, 2), partner(2, "Bibliotheek", {0, 250}, 1),
                  partner(5, "Muziekacademie", {720, -300})};
    d.links = {{1, 1, kSchool}, {2, 2, 1}};
    d.priorities = {{1, 1, {{0, 0}}}, {2, 2, {}}};
    d.notes = {{1, "f2.tijd", "Te weinig tijd."}};
    d.closing = {{"metafoor", "Een spinnenweb."}, {"beleid", ""}};
    d.actions = {{1, "Bellen", "An", "juni"}};
    return d;
}

Document group_b() {
    Document d;
    d.school = "De Linde (groep B)";
    d.date = "2026-11-29";
    d.participants = {{1, " an ", Role::Directie}, {2, "Chris", Role::Zorgcoordinator}, {3, "", Role::Leraar},
                      {4, "Bert", Role::Extern}};
    d.partners = {partner(1, "  clb GENT ", {100, 50}, 2, Side::Left), partner(2, "Logopedie", {-300, 0}, 3),
                  partner(3, "Geheim", {0, 0}, 2, Side::Top), partner(4, "Bibliothèek", {-200, -200}, 4)};
    d.partners[2].face_up = false;
    d.partners[3].missing = true;
    d.links = {{1, 1, kSchool}, {7, 2, 1}, {8, 4, kSchool}};
    d.priorities = {{1, 2, {{1, 1}}}, {2, 1, {{2, 2}}}, {3, 4, {}}};
    d.notes = {{1, "f2.tijd", "Ook bij ons."}, {2, "f1.actoren", "Logo"}};
    d.closing = {{"metafoor", "Een boom."}, {"beleid", "Eén aanspreekpunt."}, {"verder", "Volgend jaar."},
                 {"inzichten", ""}};
    d.actions = {{1, "Mailen", "Chris", "mei"}, {3, "Plannen", "", ""}};
    return d;
}

TEST(Merge, DuplicateGroups) {
    Document d;
    d.partners = {partner(1, "CLB", {0, 0}), partner(2, "Bib", {10, 0}), partner(3, " clb ", {20, 0}),
                  partner(4, "Bíb", {30, 0}), partner(5, "Alleen", {40, 0}), partner(6, "", {50, 0}),
                  partner(7, "  ", {60, 0}), partner(8, "CLB", {70, 0})};
    d.partners.push_back(partner(9, "clb", {80, 0}));
    d.partners.back().face_up = false;
    EXPECT_EQ(duplicate_groups(d), (std::vector<std::vector<Id>>{{1, 3, 8}, {2, 4}}));
    EXPECT_TRUE(duplicate_groups(Document{}).empty());
}

TEST(Merge, JoinsTheOtherGroup) {
    const Document a = group_a(), b = group_b();
    ASSERT_TRUE(invariant_violations(a).empty()) << dump(invariant_violations(a));
    ASSERT_TRUE(invariant_violations(b).empty()) << dump(invariant_violations(b));
    MergeReport r;
    const Document m = merge_boards(a, b, &r);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));

    // Ours unchanged, first.
    EXPECT_EQ(m.school, a.school);
    EXPECT_EQ(m.phase, a.phase);
    EXPECT_EQ(m.facilitator, 1);
    ASSERT_GE(m.partners.size(), a.partners.size());
    for (size_t i = 0; i < a.partners.size(); ++i) EXPECT_EQ(m.partners[i], a.partners[i]);

    // Participants: " an " (directie) is An; "Bert" as extern is not Bert the leraar;
    // the nameless leraar is new.
    EXPECT_EQ(r.same_participant, (std::vector<std::pair<Id, Id>>{{1, 1}}));
    EXPECT_EQ(r.participants_added, 3);
    ASSERT_EQ(m.participants.size(), 5u);
    EXPECT_EQ(m.participants[2], (Participant{3, "Chris", Role::Zorgcoordinator}));
    EXPECT_EQ(m.participants[3], (Participant{4, "", Role::Leraar}));
    EXPECT_EQ(m.participants[4], (Participant{5, "Bert", Role::Extern}));

    // Partners: new ids 6..9, in the lane, ring 0, authors remapped.
    EXPECT_EQ(r.partners_added, 4);
    ASSERT_EQ(m.partners.size(), 7u);
    for (size_t i = 3; i < 7; ++i) {
        const Partner& p = m.partners[i];
        EXPECT_EQ(p.id, static_cast<Id>(i) + 3);
        EXPECT_EQ(p.ring, 0);
        EXPECT_GE(std::abs(p.x), geo::kLaneX);
        EXPECT_EQ(p.text, b.partners[i - 3].text);
        EXPECT_EQ(p.face_up, b.partners[i - 3].face_up);
    }
    EXPECT_EQ(m.partners[3].author, 3);  // Chris
    EXPECT_EQ(m.partners[4].author, 4);  // the nameless leraar
    EXPECT_EQ(m.partners[6].author, 5);  // Bert (extern)
    EXPECT_TRUE(m.partners[6].missing);
    EXPECT_LT(m.partners[3].x, 0);  // written from the left: the left lane
    // Face-up notes do not share a slot.
    for (size_t i = 0; i < m.partners.size(); ++i)
        for (size_t j = i + 1; j < m.partners.size(); ++j)
            if (m.partners[i].face_up && m.partners[j].face_up && m.partners[i].ring == 0 && m.partners[j].ring == 0) {
                EXPECT_FALSE(m.partners[i].x == m.partners[j].x && m.partners[i].y == m.partners[j].y) << i << j;
            }

    // Both groups named CLB Gent and the library; the face-down "Geheim" is not offered.
    EXPECT_EQ(r.same_partner, (std::vector<std::pair<Id, Id>>{{1, 6}, {2, 9}}));

    // Links remapped; ours kept.
    EXPECT_EQ(m.links, (std::vector<Link>{{1, 1, kSchool}, {2, 2, 1}, {3, 6, kSchool}, {4, 7, 6}, {5, 9, kSchool}}));

    // Priorities: An already had one (dropped), Chris and the nameless leraar keep theirs.
    EXPECT_EQ(r.priorities_dropped, 1);
    ASSERT_EQ(m.priorities.size(), 4u);
    // Chris's circle went into the lane with the post-it it circles (which stood at 100, 50).
    ASSERT_NE(m.partner(6), nullptr);
    EXPECT_EQ(m.priorities[2], (Priority{3, 6, {{2 + m.partner(6)->x - 100, 2 + m.partner(6)->y - 50}}}));
    EXPECT_EQ(m.priorities[3], (Priority{4, 9, {}}));

    // Notes follow their partner.
    EXPECT_EQ(m.notes, (std::vector<CardNote>{
                           {1, "f2.tijd", "Te weinig tijd."}, {6, "f2.tijd", "Ook bij ons."}, {7, "f1.actoren", "Logo"}}));

    // Closing answers: both → ours, separator, theirs; ours empty → theirs; only theirs → theirs.
    ASSERT_NE(m.answer("metafoor"), nullptr);
    EXPECT_EQ(m.answer("metafoor")->text, "Een spinnenweb.\n---\nEen boom.");
    EXPECT_EQ(m.answer("beleid")->text, "Eén aanspreekpunt.");
    EXPECT_EQ(m.answer("verder")->text, "Volgend jaar.");
    EXPECT_EQ(m.answer("inzichten"), nullptr);

    // Actions appended with new ids.
    EXPECT_EQ(m.actions, (std::vector<ActionItem>{
                             {1, "Bellen", "An", "juni"}, {2, "Mailen", "Chris", "mei"}, {3, "Plannen", "", ""}}));
}

TEST(Merge, WithEmptyBoards) {
    const Document a = group_a();
    EXPECT_EQ(merge_boards(a, Document{}, nullptr), a);
    MergeReport r;
    const Document m = merge_boards(Document{}, a, &r);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));
    EXPECT_EQ(m.partners.size(), a.partners.size());
    EXPECT_EQ(m.links.size(), a.links.size());
    EXPECT_EQ(m.priorities.size(), a.priorities.size());
    EXPECT_TRUE(r.same_partner.empty());
    EXPECT_EQ(m.facilitator, 0);  // into's
}

TEST(Merge, ABoardWithItselfAndMergedAgain) {
    const Document a = group_a();
    MergeReport r;
    Document m = merge_boards(a, a, &r);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));
    EXPECT_EQ(r.same_participant.size(), a.participants.size());
    EXPECT_EQ(r.participants_added, 0);
    EXPECT_EQ(r.priorities_dropped, 2);
    EXPECT_EQ(r.same_partner.size(), 3u);
    EXPECT_EQ(m.answer("metafoor")->text, "Een spinnenweb.\n---\nEen spinnenweb.");
    EXPECT_EQ(duplicate_groups(m).size(), 3u);
    // Three groups: merge the result again.
    m = merge_boards(m, group_b(), &r);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));
    EXPECT_EQ(m.partners.size(), 10u);
}

// Many notes from the other group: the lanes fill up, and the result still keeps the rules.
TEST(Merge, ManyPartnersStillKeepTheRules) {
    Document b;
    for (Id i = 1; i <= 600; ++i) b.partners.push_back(partner(i, "P" + std::to_string(i), {0, 300}));
    for (Id i = 1; i < 600; ++i) b.links.push_back({i, i, i + 1});
    const Document m = merge_boards(group_a(), b, nullptr);
    EXPECT_EQ(m.partners.size(), 603u);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));
}

// Ids at INT_MAX (only a hostile file has them): new ids never overflow.
TEST(Merge, IdsAtIntMaxDoNotOverflow) {
    Document a = group_a();
    a.partners[0].id = std::numeric_limits<Id>::max();
    a.links = {{std::numeric_limits<Id>::max(), a.partners[0].id, kSchool}};
    a.priorities = {{1, a.partners[0].id, {}}};
    a.notes.clear();
    a.participants[1].id = std::numeric_limits<Id>::max();
    a.partners[0].author = std::numeric_limits<Id>::max();
    a.actions[0].id = std::numeric_limits<Id>::max();
    ASSERT_TRUE(invariant_violations(a).empty()) << dump(invariant_violations(a));
    const Document m = merge_boards(a, group_b(), nullptr);
    EXPECT_TRUE(invariant_violations(m).empty()) << dump(invariant_violations(m));
    EXPECT_EQ(m.partners.size(), 7u);
    EXPECT_EQ(m.partners[3].id, 1);  // the smallest unused
}

}  // namespace
}  // namespace nk
