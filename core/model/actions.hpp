// Everything that changes the board is one of these small actions.
//
// An action describes a finished user intent (a whole drag, a typed post-it), never
// a motion step, so one action is one undo step. reduce() (reducer.hpp) applies it.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "document.hpp"

namespace nk {

namespace act {
// A new post-it. The reducer gives it the next free id and derives its ring.
struct AddPartner {
    std::string text;
    Category category = Category::Ongesorteerd;
    Vec2 pos;
    double rotation = 0;
    Id author = 0;          // the writer, in the brainstorm
    bool face_up = true;    // false: into the writer's private tray (phase 2A)
    Side side = Side::Bottom;
    bool missing = false;   // an "ontbrekend" partner (phase 4)
};
struct SetPartnerText { Id partner = 0; std::string text; };
struct SetCategory { Id partner = 0; Category category = Category::Andere; };
// Place one or more post-its (one drag, or several fingers released in one frame).
struct Placement { Id partner = 0; Vec2 pos; double rotation = 0; double scale = 1; };
struct MovePartners { std::vector<Placement> moves; };
// Removes the post-it with its links and priority marks.
struct RemovePartner { Id partner = 0; };
// A copy of a post-it beside it.
struct DuplicatePartner { Id partner = 0; };

// A line between two partners, or a partner and the school (kSchool). Ignored when it
// would join a partner to itself or repeat an existing line.
struct AddLink { Id from = 0; Id to = 0; };
struct RemoveLink { Id link = 0; };

struct AddParticipant { std::string name; Role role = Role::Leraar; };
struct SetParticipantName { Id participant = 0; std::string name; };
struct SetParticipantRole { Id participant = 0; Role role = Role::Leraar; };
struct RemoveParticipant { Id participant = 0; };

// A participant's priority; replaces their earlier one.
struct SetPriority { Id participant = 0; Id partner = 0; std::vector<Vec2> stroke; };
struct RemovePriority { Id participant = 0; };

struct SetPhase { Phase phase = Phase::Vooraf; };
struct SetSchoolName { std::string name; };

// The brainstorm's reveal: every face-down post-it (of `author`, or of everyone when
// author is 0) turns face up into the parking lane on its writer's side.
struct Reveal { Id author = 0; };
// Phase 4 marks on a post-it.
struct SetPartnerMarks { Id partner = 0; bool missing = false; bool overrepresented = false; };

struct SetFacilitator { Id participant = 0; };  // 0 clears
struct SetNotetaker { Id participant = 0; };
struct SetPlan { int minutes = 90; };           // 90 or 120

// The note on a reflection card for a partner; empty text removes it. Ignored for an
// unknown card id or partner.
struct SetCardNote { Id partner = 0; std::string card; std::string text; };
// The answer to a closing question; empty text removes it.
struct SetClosingAnswer { std::string question; std::string text; };
struct AddActionItem { std::string what, who, due; };
struct SetActionItem { Id id = 0; std::string what, who, due; };
struct RemoveActionItem { Id id = 0; };
// Keeps the current map as a version inside the file (issue: the map over the years).
struct SaveVersion { std::string date; std::string note; };
// Joins another group's map to this one (merge.hpp, merge_boards): its post-its go to the
// parking lane, its participants, links, priorities, notes, closing answers and actions
// come along. `source` names where it came from (a file name) for the undo line; the
// other board's own saved versions are not taken.
struct MergeBoard { Document other; std::string source; };
// Spreads overlapping post-its within their own rings (tidy.hpp, tidy_moves); with
// `by_kind`, lays every ring out in sectors by kind. One undo step; lanes untouched.
struct TidyMap { bool by_kind = false; };
// Phase 1: what the team wants to get out of the conversation (the board's `goal`).
// Cut to limits::kGoalText; invalid UTF-8 is replaced, as every text.
struct SetGoal { std::string text; };
}  // namespace act

using Action = std::variant<act::AddPartner, act::SetPartnerText, act::SetCategory, act::MovePartners,
                            act::RemovePartner, act::DuplicatePartner, act::AddLink, act::RemoveLink,
                            act::AddParticipant, act::SetParticipantName, act::SetParticipantRole,
                            act::RemoveParticipant, act::SetPriority, act::RemovePriority, act::SetPhase,
                            act::SetSchoolName, act::Reveal, act::SetPartnerMarks, act::SetFacilitator,
                            act::SetNotetaker, act::SetPlan, act::SetCardNote, act::SetClosingAnswer,
                            act::AddActionItem, act::SetActionItem, act::RemoveActionItem, act::SaveVersion,
                            act::MergeBoard, act::TidyMap, act::SetGoal>;

}  // namespace nk
