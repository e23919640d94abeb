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
struct AddPartner { std::string text; Category category = Category::Andere; Vec2 pos; double rotation = 0; };
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
}  // namespace act

using Action = std::variant<act::AddPartner, act::SetPartnerText, act::SetCategory, act::MovePartners,
                            act::RemovePartner, act::DuplicatePartner, act::AddLink, act::RemoveLink,
                            act::AddParticipant, act::SetParticipantName, act::SetParticipantRole,
                            act::RemoveParticipant, act::SetPriority, act::RemovePriority, act::SetPhase,
                            act::SetSchoolName>;

}  // namespace nk
