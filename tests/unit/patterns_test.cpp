// The patterns view: who (which role) picked which partner as a priority.
#include <gtest/gtest.h>

#include "patterns.hpp"
#include "reducer.hpp"

namespace nk {
namespace {

size_t role(Role r) { return static_cast<size_t>(r); }

Document board() {
    Document d;
    auto partner = [&](Id id, const char* text) {
        Partner p;
        p.id = id;
        p.text = text;
        d.partners.push_back(p);
    };
    partner(1, "CLB");
    partner(2, "Bibliotheek");
    partner(3, "Gemeente");
    partner(4, "Academie");
    partner(5, "Sportclub");
    d.participants = {{1, "An", Role::Leraar},        {2, "Bert", Role::Leraar},
                      {3, "Chris", Role::Directie},   {4, "Dina", Role::Zorgcoordinator},
                      {5, "Els", Role::Leraar},       {6, "Fien", Role::Extern}};
    return d;
}

void choose(Document& d, Id participant, Id partner) { d.priorities.push_back({participant, partner, {}}); }

TEST(Patterns, EmptyBoard) {
    const PatternsTable t = patterns(Document{});
    EXPECT_TRUE(t.partners.empty());
    EXPECT_TRUE(t.totals.empty());
    EXPECT_TRUE(t.not_prioritised.empty());
    for (const auto& row : t.counts) EXPECT_TRUE(row.empty());
    for (int n : t.role_totals) EXPECT_EQ(n, 0);
}

TEST(Patterns, CountsByRoleMostChosenFirst) {
    Document d = board();
    choose(d, 1, 1);  // leraar -> CLB
    choose(d, 2, 3);  // leraar -> Gemeente
    choose(d, 3, 1);  // directie -> CLB
    choose(d, 4, 1);  // zorgcoordinator -> CLB
    choose(d, 5, 3);  // leraar -> Gemeente
    choose(d, 6, 2);  // extern -> Bibliotheek
    const PatternsTable t = patterns(d);
    ASSERT_EQ(t.partners, (std::vector<Id>{1, 3, 2}));
    EXPECT_EQ(t.totals, (std::vector<int>{3, 2, 1}));
    EXPECT_EQ(t.counts[role(Role::Leraar)], (std::vector<int>{1, 2, 0}));
    EXPECT_EQ(t.counts[role(Role::Directie)], (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(t.counts[role(Role::Beleidsondersteuner)], (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(t.counts[role(Role::Zorgcoordinator)], (std::vector<int>{1, 0, 0}));
    EXPECT_EQ(t.counts[role(Role::Extern)], (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(t.role_totals, (std::array<int, kRoleCount>{3, 1, 0, 1, 1}));
    EXPECT_EQ(t.not_prioritised, (std::vector<Id>{4, 5}));  // Academie, Sportclub
    // Each column adds up to its total.
    for (size_t i = 0; i < t.partners.size(); ++i) {
        int sum = 0;
        for (const auto& row : t.counts) sum += row[i];
        EXPECT_EQ(sum, t.totals[i]);
    }
}

TEST(Patterns, TiesAreBrokenByText) {
    Document d = board();
    choose(d, 1, 5);  // Sportclub
    choose(d, 2, 4);  // Academie
    choose(d, 3, 2);  // Bibliotheek
    const PatternsTable t = patterns(d);
    EXPECT_EQ(t.partners, (std::vector<Id>{4, 2, 5}));  // Academie, Bibliotheek, Sportclub
    EXPECT_EQ(t.not_prioritised, (std::vector<Id>{1, 3}));  // CLB, Gemeente
    // Equal texts: by id.
    d.partners[4].text = "Academie";
    EXPECT_EQ(patterns(d).partners, (std::vector<Id>{4, 5, 2}));
}

TEST(Patterns, RemovedParticipantsAndPartnersAreIgnored) {
    Document d = board();
    choose(d, 1, 1);
    choose(d, 3, 2);
    choose(d, 99, 1);  // a participant who is no longer there
    choose(d, 4, 42);  // a partner that was removed
    choose(d, 1, 2);   // a second mark of participant 1 (never made by the reducer): ignored
    const PatternsTable t = patterns(d);
    EXPECT_EQ(t.partners, (std::vector<Id>{2, 1}));  // Bibliotheek, CLB: 1 each
    EXPECT_EQ(t.totals, (std::vector<int>{1, 1}));
    EXPECT_EQ(t.role_totals, (std::array<int, kRoleCount>{1, 1, 0, 0, 0}));
    EXPECT_EQ(chosen_by_role(d, Role::Zorgcoordinator), std::vector<Id>{});
}

TEST(Patterns, NotPrioritisedListsOnlyFaceUpPresentPartners) {
    Document d = board();
    d.partners[2].face_up = false;  // Gemeente: still in a private tray
    d.partners[3].missing = true;   // Academie: a partner the school lacks
    choose(d, 1, 1);
    const PatternsTable t = patterns(d);
    EXPECT_EQ(t.not_prioritised, (std::vector<Id>{2, 5}));  // Bibliotheek, Sportclub
}

TEST(Patterns, ChosenByRole) {
    Document d = board();
    choose(d, 1, 3);  // leraar -> Gemeente
    choose(d, 2, 1);  // leraar -> CLB
    choose(d, 5, 3);  // leraar -> Gemeente
    choose(d, 3, 2);  // directie -> Bibliotheek
    EXPECT_EQ(chosen_by_role(d, Role::Leraar), (std::vector<Id>{3, 1}));
    EXPECT_EQ(chosen_by_role(d, Role::Directie), (std::vector<Id>{2}));
    EXPECT_TRUE(chosen_by_role(d, Role::Extern).empty());
    // A participant who changes role moves their choice along.
    d.participants[4].role = Role::Extern;  // Els
    EXPECT_EQ(chosen_by_role(d, Role::Leraar), (std::vector<Id>{1, 3}));  // CLB, Gemeente: 1 each
    EXPECT_EQ(chosen_by_role(d, Role::Extern), (std::vector<Id>{3}));
}

// ---- counts per partner (the marks on the map) ----------------------------------------

TEST(PriorityCounts, EmptyBoardHasNone) {
    EXPECT_TRUE(counts_by_partner(Document{}).empty());
    EXPECT_TRUE(choices_by_partner(Document{}).empty());
    EXPECT_TRUE(counts_by_partner(board()).empty()) << "partners and people, but nobody chose yet";
}

TEST(PriorityCounts, CountsEveryoneWhoChoseAPartner) {
    Document d = board();
    choose(d, 1, 3);  // An -> Gemeente
    choose(d, 3, 1);  // Chris -> CLB
    choose(d, 2, 3);  // Bert -> Gemeente
    choose(d, 6, 3);  // Fien -> Gemeente
    EXPECT_EQ(counts_by_partner(d), (std::map<Id, int>{{1, 1}, {3, 3}}));
    // In the order of the post-its, each with who chose it in the order they chose.
    const auto c = choices_by_partner(d);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0], (PartnerChoices{1, {3}}));
    EXPECT_EQ(c[1], (PartnerChoices{3, {1, 2, 6}}));
    EXPECT_EQ(c[1].count(), 3);
}

TEST(PriorityCounts, AParticipantWhoChangedTheirChoiceCountsOnce) {
    Document d = board();
    d = reduce(d, act::SetPriority{1, 1, {}});  // An: CLB ...
    d = reduce(d, act::SetPriority{2, 1, {}});
    d = reduce(d, act::SetPriority{1, 2, {}});  // ... then Bibliotheek instead
    EXPECT_EQ(counts_by_partner(d), (std::map<Id, int>{{1, 1}, {2, 1}}));
    // Two marks of one participant (never made by the reducer; an old file): the first counts.
    Document twice = board();
    choose(twice, 4, 5);
    choose(twice, 4, 1);
    EXPECT_EQ(counts_by_partner(twice), (std::map<Id, int>{{5, 1}}));
    ASSERT_EQ(choices_by_partner(twice).size(), 1u);
    EXPECT_EQ(choices_by_partner(twice)[0], (PartnerChoices{5, {4}}));
}

TEST(PriorityCounts, RemovedParticipantsAndPartnersDoNotCount) {
    Document d = board();
    choose(d, 1, 1);
    choose(d, 2, 1);
    choose(d, 3, 2);
    choose(d, 4, 4);
    d = reduce(d, act::RemoveParticipant{2});  // Bert leaves the team
    d = reduce(d, act::RemovePartner{2});      // Bibliotheek is taken off the map
    // Marks left behind in a file (the reducer removes them) do not count either.
    choose(d, 9, 1);   // nobody with id 9
    choose(d, 5, 42);  // no partner 42
    EXPECT_EQ(counts_by_partner(d), (std::map<Id, int>{{1, 1}, {4, 1}}));
    const auto c = choices_by_partner(d);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0], (PartnerChoices{1, {1}}));
    EXPECT_EQ(c[1], (PartnerChoices{4, {4}}));
}

}  // namespace
}  // namespace nk
