// Joining the maps of several groups (the method allows a large team to make the map in
// groups and put the results together afterwards), and spotting partners named twice.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"
#include "fold.hpp"

namespace nk {

// "The same partner" is decided by nk::fold (core/text/fold.hpp), as everywhere else.

// The separator put between our and the other group's answer to one closing question.
inline constexpr std::string_view kMergeSeparator = "\n---\n";

struct MergeReport {
    // Partners both groups named (same nk::fold, both face up, key not empty): (the id in
    // `into`, the id of the merged copy in the result). A stack suggestion for the UI;
    // nothing is stacked by merge_boards itself. Each merged copy appears at most once,
    // paired with the first such partner of `into`.
    std::vector<std::pair<Id, Id>> same_partner;
    // Participants of `other` taken as a person already in `into`: (id in `into`, id in
    // `other`).
    std::vector<std::pair<Id, Id>> same_participant;
    int partners_added = 0;
    int participants_added = 0;
    // Priorities of `other` dropped because the same person already had one in `into`.
    int priorities_dropped = 0;
};

// `into` with `other` joined to it. Nothing of `into` changes except what is added:
// - other's post-its (all, face up or not) get new ids and go to free parking-lane slots
//   (geo::free_lane_slot, on the lane of the side they were written from; ring 0); their
//   text, category, rotation, scale, side and phase-4 marks are kept.
// - other's participants join with new ids. Rule for "the same person": a participant
//   of `other` whose name is not empty and whose name (by nk::fold) and role equal those
//   of a participant of `into` is that participant (the first such), e.g. a facilitator
//   who sat with both groups. Empty names never match.
// - links, priorities, authors and card notes come along with their ids remapped. A
//   priority of a person who already has one in `into` is dropped (one per person). A
//   priority's circle moves with its post-it into the lane (as a drag moves it).
// - closing answers: a question only the other group answered takes its answer; when
//   both answered, ours + kMergeSeparator + theirs (an empty answer counts as none).
// - actions are appended with new ids.
// - school, date, phase, plan, facilitator, note-taker and `versions` are into's; the
//   other group's saved versions are not merged.
// The result keeps every invariant (invariant_violations is empty) when both inputs do.
// `report` may be nullptr.
Document merge_boards(const Document& into, const Document& other, MergeReport* report);

// Groups of face-up partners with the same non-empty nk::fold, for the brainstorm's
// "stack duplicates" offer: each group has two or more ids in board order, and the
// groups are ordered by their first member's place on the board.
std::vector<std::vector<Id>> duplicate_groups(const Document& d);

}  // namespace nk
