// The patterns view of the method: "do you see patterns in who picks which partner?"
//
// Counts the priorities (phase 2C) by the role of the participant who drew them. A
// priority counts only when both its participant and its partner still exist; a
// participant with several priority marks (never made by the reducer) counts once, with
// the first.
#pragma once

#include <array>
#include <map>
#include <vector>

#include "document.hpp"

namespace nk {

struct PatternsTable {
    std::vector<Id> partners;                          // chosen at least once; most chosen first (ties: by text, then id)
    std::array<std::vector<int>, kRoleCount> counts;   // counts[role][i]: participants of that role who chose partners[i]
    std::vector<int> totals;                           // per partner (partners[i])
    std::array<int, kRoleCount> role_totals{};         // priorities counted per role
    // Face-up partners nobody chose, by text (then id), for phase 4's prompts. Partners
    // marked "ontbrekend" (missing: a partner the school lacks) are not listed.
    std::vector<Id> not_prioritised;
};

PatternsTable patterns(const Document& d);

// One partner's priorities, for its marks on the map: the participants who chose it, in
// the order their choices were made.
struct PartnerChoices {
    Id partner = 0;
    std::vector<Id> participants;
    int count() const { return static_cast<int>(participants.size()); }
    friend bool operator==(const PartnerChoices&, const PartnerChoices&) = default;
};

// Every partner chosen at least once, in the order of d.partners, with who chose it. The
// same priorities count as in patterns(): a participant counts once (with their first
// mark), and a mark of a removed participant or on a removed partner does not count.
std::vector<PartnerChoices> choices_by_partner(const Document& d);

// How many participants chose each partner; partners nobody chose are not in the map.
std::map<Id, int> counts_by_partner(const Document& d);

// The partners chosen by participants of one role (for highlighting a role on the board):
// most chosen by that role first (ties: by text, then id).
std::vector<Id> chosen_by_role(const Document& d, Role r);

}  // namespace nk
