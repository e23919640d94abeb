// Comparing two versions of the map: last school year's board against this year's.
#include "compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace nk {
namespace {

Partner partner(Id id, std::string text, Category c, int ring) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.category = c;
    p.ring = ring;
    return p;
}

using Pair = std::pair<std::string, std::string>;

// March 2025: the team's first map.
Document last_year() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2025-03-13";
    d.partners = {
        partner(1, "CLB", Category::Zorg, 1),
        partner(2, "Pedagogische begeleiding", Category::Professionalisering, 2),
        partner(3, "Hogeschool Gent", Category::Stages, 3),
        partner(4, "Bibliotheek", Category::Aanbod, 2),
        partner(5, "Sportclub", Category::Andere, 3),
        partner(6, "Logopedie", Category::Zorg, 0),
        partner(7, "Ondersteuningsnetwerk", Category::Zorg, 2),
        partner(8, "Académie", Category::Aanbod, 3),
    };
    d.links = {{1, kSchool, 1}, {2, 1, 7}, {3, 3, 2}};
    d.participants = {{1, "Annelies", Role::Leraar}, {2, "Bram", Role::Leraar}, {3, "Karin", Role::Directie},
                      {4, "Sofie", Role::Zorgcoordinator}};
    d.priorities = {{1, 1, {}}, {2, 2, {}}, {3, 3, {}}, {4, 7, {}}};
    return d;
}

// March 2026: the board was made again from scratch, so most ids differ.
Document this_year() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2026-03-12";
    d.partners = {
        partner(1, "clb ", Category::Zorg, 1),                                  // same id, same folded text
        partner(2, "Bibliotheek", Category::Aanbod, 3),                         // id 2 was another partner: by text
        partner(3, "Logopedie", Category::Zorg, 2),                             // out of the lane: placed
        partner(4, "Ondersteuningsnetwerk", Category::Zorg, 0),                 // back in the lane
        partner(5, "Pedagogische  Begeleiding", Category::Professionalisering, 1),  // closer
        partner(6, "Lerend netwerk taal", Category::Professionalisering, 2),    // new
        partner(7, "ACADEMIE", Category::Aanbod, 4),                            // accents and case: same, further
    };
    Partner tray = partner(8, "Sportclub", Category::Andere, 0);
    tray.face_up = false;  // still private in a writer's tray: not on the map
    d.partners.push_back(tray);
    d.links = {{1, kSchool, 1}, {2, 4, 1}, {3, 6, 5}, {4, 6, kSchool}};
    d.participants = {{11, "annelies", Role::Leraar}, {12, "Bram", Role::Leraar}, {13, "Karin", Role::Directie},
                      {14, "Sofie", Role::Leraar}, {15, "Lotte", Role::Leraar}};
    d.priorities = {{11, 1, {}}, {12, 6, {}}, {14, 4, {}}, {15, 5, {}}};
    return d;
}

TEST(CompareBoards, SameBoardHasNoChanges) {
    const Document d = last_year();
    const Comparison c = compare_boards(d, d);
    EXPECT_TRUE(c.empty());
    EXPECT_EQ(c.matched.size(), d.partners.size());
    for (const auto& [o, n] : c.matched) EXPECT_EQ(o, n);
}

TEST(CompareBoards, MatchesByIdThenByFoldedText) {
    const Document older = last_year(), newer = this_year();
    const Comparison c = compare_boards(older, newer);
    using M = std::pair<Id, Id>;
    EXPECT_EQ(c.matched, (std::vector<M>{{1, 1}, {4, 2}, {6, 3}, {7, 4}, {2, 5}, {8, 7}}));
    EXPECT_EQ(c.added, (std::vector<Id>{6}));  // Lerend netwerk taal
    // Hogeschool Gent and Sportclub (now only face down in a tray) are gone.
    EXPECT_EQ(c.removed, (std::vector<Id>{3, 5}));
}

TEST(CompareBoards, RingMoves) {
    const Comparison c = compare_boards(last_year(), this_year());
    using Moved = Comparison::Moved;
    EXPECT_EQ(c.closer, (std::vector<Moved>{{2, 5, 2, 1}}));                 // Pedagogische begeleiding 2 -> 1
    EXPECT_EQ(c.further, (std::vector<Moved>{{4, 2, 2, 3}, {8, 7, 3, 4}}));  // Bibliotheek 2 -> 3, Academie 3 -> 4
    EXPECT_EQ(c.placed, (std::vector<Moved>{{6, 3, 0, 2}}));                 // Logopedie: from the lane, not "closer"
    EXPECT_EQ(c.unplaced, (std::vector<Moved>{{7, 4, 2, 0}}));               // Ondersteuningsnetwerk back in the lane
}

TEST(CompareBoards, LinksAsTexts) {
    const Comparison c = compare_boards(last_year(), this_year());
    // school—CLB stays; CLB—Ondersteuningsnetwerk stays although both ids changed sides.
    EXPECT_EQ(c.links_added, (std::vector<Pair>{{"Lerend netwerk taal", "Pedagogische  Begeleiding"},
                                                {"school", "Lerend netwerk taal"}}));
    EXPECT_EQ(c.links_removed, (std::vector<Pair>{{"Hogeschool Gent", "Pedagogische begeleiding"}}));
}

TEST(CompareBoards, PrioritiesPerPersonByNameAndRole) {
    const Comparison c = compare_boards(last_year(), this_year());
    using PC = Comparison::PriorityChange;
    // Annelies still chose the CLB ("clb " now): no change. Bram changed. Karin chose
    // nothing this year. Sofie changed role (zorgcoördinator -> leraar): not the same
    // person by the rule, so not listed; neither is Lotte, who is new.
    EXPECT_EQ(c.priorities_changed, (std::vector<PC>{{"Bram", Role::Leraar, "Pedagogische begeleiding", "Lerend netwerk taal"},
                                                     {"Karin", Role::Directie, "Hogeschool Gent", ""}}));
}

TEST(CompareBoards, PriorityTotalsPerPartner) {
    const Comparison c = compare_boards(last_year(), this_year());
    using PT = Comparison::PriorityTotal;
    // Before: CLB 1, Ped. begeleiding 1, Hogeschool 1, Ondersteuningsnetwerk 1.
    // After: CLB 1, Lerend netwerk 1, Ondersteuningsnetwerk 1, Ped. begeleiding 1.
    EXPECT_EQ(c.priority_totals, (std::vector<PT>{{"Lerend netwerk taal", 0, 1}, {"Hogeschool Gent", 1, 0}}));
}

TEST(CompareBoards, DuplicateTextsPairInIdOrder) {
    Document older, newer;
    older.partners = {partner(3, "CLB", Category::Zorg, 1), partner(9, "clb", Category::Zorg, 2)};
    newer.partners = {partner(20, "CLB", Category::Zorg, 3)};
    const Comparison c = compare_boards(older, newer);
    EXPECT_EQ(c.matched, (std::vector<std::pair<Id, Id>>{{3, 20}}));
    EXPECT_EQ(c.removed, (std::vector<Id>{9}));
    ASSERT_EQ(c.further.size(), 1u);
    EXPECT_EQ(c.further[0].ring_from, 1);
}

TEST(CompareBoards, SameIdDifferentTextIsNotTheSamePartner) {
    Document older, newer;
    older.partners = {partner(1, "Sportclub", Category::Andere, 2)};
    newer.partners = {partner(1, "Muziekacademie", Category::Aanbod, 2)};
    const Comparison c = compare_boards(older, newer);
    EXPECT_TRUE(c.matched.empty());
    EXPECT_EQ(c.added, (std::vector<Id>{1}));
    EXPECT_EQ(c.removed, (std::vector<Id>{1}));
}

TEST(CompareBoards, UnnamedParticipantsAreNeverMatched) {
    Document older, newer;
    older.partners = newer.partners = {partner(1, "CLB", Category::Zorg, 1), partner(2, "Gemeente", Category::Beleid, 2)};
    older.participants = {{1, "", Role::Leraar}};
    newer.participants = {{1, "", Role::Leraar}};
    older.priorities = {{1, 1, {}}};
    newer.priorities = {{1, 2, {}}};
    const Comparison c = compare_boards(older, newer);
    EXPECT_TRUE(c.priorities_changed.empty());
    EXPECT_EQ(c.priority_totals.size(), 2u);  // the team's totals still show the shift
}

TEST(CompareBoards, EmptyBoards) {
    EXPECT_TRUE(compare_boards(Document{}, Document{}).empty());
    const Comparison c = compare_boards(Document{}, last_year());
    EXPECT_EQ(c.added.size(), 8u);
    EXPECT_EQ(c.links_added.size(), 3u);
}

TEST(CompareBoards, LinksToMissingPartnersAreIgnored) {
    Document older = last_year(), newer = last_year();
    older.links.push_back({9, 1, 99});  // dangling: partner 99 does not exist
    EXPECT_TRUE(compare_boards(older, newer).links_removed.empty());
}

}  // namespace
}  // namespace nk
