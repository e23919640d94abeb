// Joining the maps of several groups (the method allows a large team to make the map in
// groups and put the results together afterwards), and spotting partners named twice.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"

namespace nk {

// A key under which two post-it texts count as "the same partner": surrounding white
// space removed, inner runs of white space (space, TAB, CR, LF) made one space, ASCII
// lowercased, letters of Latin-1 Supplement and Latin Extended-A mapped to their base
// letters in lower case (é è ê ë É → e, ç → c, ñ → n, ø → o, ł → l; æ → ae, œ → oe,
// ß → ss, ĳ → ij, þ → th), typographic quotes ‘ ’ ‚ ‛ → ' and “ ” „ → ", dashes ‐ ‑ ‒ – —
// → -. Everything else is kept as it is. Invalid UTF-8 is repaired first.
// fold_key("  Coördinatie  ZORG ") == fold_key("coordinatie zorg").
std::string fold_key(std::string_view utf8);

// The separator put between our and the other group's answer to one closing question.
inline constexpr std::string_view kMergeSeparator = "\n---\n";

struct MergeReport {
    // Partners both groups named (same fold_key, both face up, key not empty): (the id in
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
//   of `other` whose name is not empty and whose name (by fold_key) and role equal those
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

// Groups of face-up partners with the same non-empty fold_key, for the brainstorm's
// "stack duplicates" offer: each group has two or more ids in board order, and the
// groups are ordered by their first member's place on the board.
std::vector<std::vector<Id>> duplicate_groups(const Document& d);

}  // namespace nk
