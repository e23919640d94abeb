// Workshop rules for what the board's gestures mean, decided without a screen.
//
// The gestures (gestures.hpp) say what a finger did (a tap on a post-it, a long-press on
// empty board); these rules say what that means in the workshop, so the app only draws
// and asks. Each is a pure function, unit-tested in tests/unit/board_rules_test.cpp.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "actions.hpp"
#include "document.hpp"
#include "gestures.hpp"

namespace nk {

// A post-it's text when its editing ends (enter, a tap elsewhere): the text is trimmed
// of spaces, tabs and newlines at both ends. For a new post-it (partner 0) a non-empty
// text adds it (category Andere, at pos, turned rotation, marked missing when it is a
// phase-4 "ontbrekend" one) and an empty text adds nothing. For an existing post-it an
// empty text removes it (an undoable step), any other text replaces its text. Nothing
// to do: nullopt.
struct NoteEdit {
    Id partner = 0;  // 0: a new post-it
    Vec2 pos;
    double rotation = 0;
    bool missing = false;  // a new post-it named in phase 4 as a partner the school lacks
};
std::optional<Action> finish_note_text(const NoteEdit& edit, std::string_view text);

// A long-press on empty board in phase 2A (the brainstorm) within `edge_px` of a window
// edge opens a writer's station at that edge, centred where the finger was (`along`:
// screen x on the bottom and top edges, y on the left and right ones). The nearest edge
// wins; ties prefer bottom, top, left, right. Elsewhere, in other phases, or for a window
// that is not positive and finite: nullopt (the long-press makes a post-it there).
struct StationPlace {
    Side side = Side::Bottom;
    double along = 0;
    friend bool operator==(const StationPlace&, const StationPlace&) = default;
};
std::optional<StationPlace> station_for_long_press(Phase phase, Vec2 screen, Vec2 window, double edge_px);

// A tap on a post-it in phase 3 (the conversation) opens that partner's card deck,
// unless the tap ended a tap-to-connect line (Request::linked). Other requests and other
// phases open no deck: 0. Otherwise the partner whose deck opens.
Id card_deck_for_tap(Phase phase, const Request& tap);

// The method's rule for a discussed partner (phases 3 to 5 mark them with a check): a card
// of each of the three groups has a note for it. In the document's order.
std::vector<Id> discussed_partners(const Document& d);

// Post-its that name the same partner (duplicate_groups, merge.hpp: case and accents
// aside), each group with whether it is stacked already: every member within
// kStackedWithin board units of the group's first post-it. Groups in duplicate_groups'
// order.
inline constexpr double kStackedWithin = 40;
struct DuplicateStack {
    std::vector<Id> group;
    bool stacked = false;
};
std::vector<DuplicateStack> duplicate_stacks(const Document& d);

// The move that stacks `group` onto its first post-it: the n-th lies n * 6 units right of
// and below it, turned as it is, each keeping its own scale (one undo step). Ids that are
// not on the board are left out.
act::MovePartners stack_move(const Document& d, const std::vector<Id>& group);

}  // namespace nk
