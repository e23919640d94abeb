// What changed between two versions of a network map (e.g. this year's board and the one
// saved a year ago): partners added and gone, partners that moved closer to or further from
// the school, lines drawn or erased, and changed priorities. Used by the report's
// "what changed since ..." section.
//
// Matching partners across versions. Ids are not stable across years (a board may be
// re-created, notes merged or re-typed), so a partner of `newer` is matched to one of
// `older`:
//   1. by id, when both texts are the same partner (nk::fold in core/text/fold.hpp: case,
//      accents, dashes, quotes and runs of white space do not count), else
//   2. by folded text alone; several partners with the same folded text are paired in
//      order of id.
// Only face-up partners count: a face-down post-it is still private in its writer's tray.
//
// Rings: 1 closest … 3 far, 4 outside (absent), 0 = the parking lane (not placed). A move
// between two rings 1..4 is "closer" (smaller ring) or "further" (larger ring). A move out
// of the lane (0 -> 1..4) is neither: it is "placed"; a move back into the lane (1..4 -> 0)
// is "unplaced".
//
// Priorities are compared per person, because participant ids do not survive a new year's
// board: a participant is the same person when the folded NAME and the ROLE are equal
// (several with the same name and role are paired in order of id; a participant without a
// name is never matched). For every person on both boards whose choice differs, one
// PriorityChange (a person who chose nothing has an empty text). Partner choices compare by
// the matching above, so a re-typed "clb" is still "CLB". People on only one board are not
// listed (they are not a change of mind); the per-partner totals (priority_totals) cover the
// whole team, and need no names.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"

namespace nk {

// The text used for the school as a link end in Comparison::links_added/removed.
inline constexpr std::string_view kSchoolLinkText = "school";

struct Comparison {
    std::vector<Id> added;    // ids in the NEWER board, not in the older one (by text)
    std::vector<Id> removed;  // ids in the OLDER board, gone from the newer one
    struct Moved {
        Id older = 0, newer = 0;
        int ring_from = 0, ring_to = 0;
        friend bool operator==(const Moved&, const Moved&) = default;
    };
    std::vector<Moved> closer;    // ring_to < ring_from, both 1..4
    std::vector<Moved> further;   // ring_to > ring_from, both 1..4
    std::vector<Moved> placed;    // ring_from == 0 (was in the lane), ring_to 1..4
    std::vector<Moved> unplaced;  // ring_from 1..4, ring_to == 0
    // Lines as the texts of their two ends (kSchoolLinkText for the school, which then comes
    // first; two partners in text order). Added: texts of the newer board; removed: of the older.
    std::vector<std::pair<std::string, std::string>> links_added, links_removed;
    struct PriorityChange {
        std::string name;  // as written on the newer board
        Role role = Role::Leraar;
        std::string from, to;  // partner texts (older board, newer board); empty: no choice
        friend bool operator==(const PriorityChange&, const PriorityChange&) = default;
    };
    std::vector<PriorityChange> priorities_changed;  // by role, then name
    // How many participants chose a partner, before and after, for every partner whose count
    // changed (partners on only one board count 0 on the other). Most chosen now first.
    struct PriorityTotal {
        std::string text;  // newer text when the partner is on the newer board
        int before = 0, after = 0;
        friend bool operator==(const PriorityTotal&, const PriorityTotal&) = default;
    };
    std::vector<PriorityTotal> priority_totals;
    std::vector<std::pair<Id, Id>> matched;  // (older id, newer id), in the newer board's order

    // True when nothing at all changed.
    bool empty() const;
};

Comparison compare_boards(const Document& older, const Document& newer);

}  // namespace nk
