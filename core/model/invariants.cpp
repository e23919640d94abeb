#include "invariants.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "geometry.hpp"
#include "limits.hpp"
#include "method.hpp"
#include "utf8.hpp"

namespace nk {
namespace {
bool finite(double v) { return std::isfinite(v); }

std::pair<Id, Id> ends(const Link& l) { return std::minmax(l.from, l.to); }

template <typename T>
bool unique_positive_ids(const std::vector<T>& v) {
    std::set<Id> seen;
    for (const T& t : v)
        if (t.id <= 0 || !seen.insert(t.id).second) return false;
    return true;
}

// Gives every element a positive id unique in its list; returns how many changed.
template <typename T>
int renumber_duplicates(std::vector<T>& v) {
    std::set<Id> seen, used;
    for (const T& t : v)
        if (t.id > 0) used.insert(t.id);
    // New ids are the smallest positive ids nobody uses: never past INT_MAX.
    Id next = 1;
    auto fresh = [&] {
        while (used.count(next)) ++next;
        used.insert(next);
        return next;
    };
    int changed = 0;
    for (T& t : v) {
        if (t.id > 0 && seen.insert(t.id).second) continue;
        t.id = fresh();
        seen.insert(t.id);
        ++changed;
    }
    return changed;
}
}  // namespace

std::vector<std::string> invariant_violations(const Document& d) {
    std::vector<std::string> out;
    if (!unique_positive_ids(d.participants)) out.push_back("participant ids are not unique and positive");
    if (!unique_positive_ids(d.partners)) out.push_back("partner ids are not unique and positive");
    if (!unique_positive_ids(d.links)) out.push_back("link ids are not unique and positive");
    if (!utf8::valid(d.school) || !utf8::valid(d.date)) out.push_back("school or date is not valid UTF-8");
    if (d.school.size() > limits::kSchoolName || d.date.size() > limits::kDate) out.push_back("school or date too long");
    if (!utf8::valid(d.goal)) out.push_back("the goal is not valid UTF-8");
    if (d.goal.size() > limits::kGoalText) out.push_back("the goal is too long");
    for (const Participant& p : d.participants) {
        if (!utf8::valid(p.name)) out.push_back("participant " + std::to_string(p.id) + " name is not valid UTF-8");
        if (p.name.size() > limits::kParticipantName) out.push_back("participant " + std::to_string(p.id) + " name too long");
    }
    for (const Partner& p : d.partners) {
        const std::string who = "partner " + std::to_string(p.id);
        if (!utf8::valid(p.text)) out.push_back(who + " text is not valid UTF-8");
        if (p.text.size() > limits::kPartnerText) out.push_back(who + " text too long");
        if (!finite(p.x) || !finite(p.y) || !finite(p.rotation) || !finite(p.scale))
            out.push_back(who + " has a non-finite number");
        else if (p.ring != geo::ring_at({p.x, p.y}))
            out.push_back(who + " ring does not match its position");
        if (!(p.scale >= 0.75 && p.scale <= 1.5)) out.push_back(who + " scale out of range");
    }
    auto end_exists = [&](Id e) { return e == kSchool || d.partner(e) != nullptr; };
    std::set<std::pair<Id, Id>> pairs;
    for (const Link& l : d.links) {
        const std::string who = "link " + std::to_string(l.id);
        if (!end_exists(l.from) || !end_exists(l.to)) out.push_back(who + " has a missing end");
        if (l.from == l.to) out.push_back(who + " joins an end to itself");
        if (!pairs.insert(ends(l)).second) out.push_back(who + " repeats another link");
    }
    std::set<Id> with_priority;
    for (const Priority& p : d.priorities) {
        const std::string who = "priority of participant " + std::to_string(p.participant);
        if (!d.participant(p.participant) || !d.partner(p.partner)) out.push_back(who + " names a missing id");
        if (!with_priority.insert(p.participant).second) out.push_back(who + " is not the only one");
        for (const Vec2& v : p.stroke)
            if (!finite(v.x) || !finite(v.y)) {
                out.push_back(who + " stroke has a non-finite point");
                break;
            }
    }
    std::set<std::pair<Id, std::string>> note_keys;
    for (const CardNote& n : d.notes) {
        if (!d.partner(n.partner) || !method::card(n.card)) out.push_back("a card note names a missing partner or card");
        if (!note_keys.insert({n.partner, n.card}).second) out.push_back("two notes for one partner and card");
        if (!utf8::valid(n.text)) out.push_back("a card note is not valid UTF-8");
        if (n.text.size() > limits::kNoteText) out.push_back("a card note is too long");
    }
    std::set<std::string> questions;
    for (const ClosingAnswer& a : d.closing) {
        if (!method::is_closing_question(a.question)) out.push_back("an answer to an unknown closing question");
        if (!questions.insert(a.question).second) out.push_back("two answers to one closing question");
        if (!utf8::valid(a.text)) out.push_back("a closing answer is not valid UTF-8");
        if (a.text.size() > limits::kNoteText) out.push_back("a closing answer is too long");
    }
    if (!unique_positive_ids(d.actions)) out.push_back("action ids are not unique and positive");
    for (const ActionItem& a : d.actions) {
        if (!utf8::valid(a.what) || !utf8::valid(a.who) || !utf8::valid(a.due)) out.push_back("an action is not valid UTF-8");
        if (std::max({a.what.size(), a.who.size(), a.due.size()}) > limits::kActionText) out.push_back("an action text is too long");
    }
    for (const Partner& p : d.partners)
        if (p.author != 0 && !d.participant(p.author)) out.push_back("partner " + std::to_string(p.id) + " names a missing author");
    if (d.facilitator != 0 && !d.participant(d.facilitator)) out.push_back("the facilitator is not a participant");
    if (d.notetaker != 0 && !d.participant(d.notetaker)) out.push_back("the note-taker is not a participant");
    if (d.plan_minutes != 90 && d.plan_minutes != 120) out.push_back("the plan is neither 90 nor 120 minutes");
    for (size_t i = 0; i < d.versions.size(); ++i) {
        const Version& v = d.versions[i];
        if (!v.board.versions.empty()) out.push_back("version " + std::to_string(i + 1) + " holds versions itself");
        else if (!invariant_violations(v.board).empty()) out.push_back("version " + std::to_string(i + 1) + " breaks a rule");
        if (!utf8::valid(v.note) || !utf8::valid(v.date)) out.push_back("a version's note is not valid UTF-8");
        if (v.note.size() > limits::kVersionNote || v.date.size() > limits::kDate) out.push_back("a version's note is too long");
    }
    return out;
}

RepairReport repair(Document& d) {
    RepairReport r;
    auto note = [&](std::string s) { r.changes.push_back(std::move(s)); };
    // Invalid UTF-8 is replaced, then a text past its limit (limits.hpp) is cut at a
    // character boundary.
    auto fix_text = [&](std::string& s, const std::string& what, std::size_t max) {
        if (!utf8::valid(s)) {
            s = utf8::repaired(s);
            note(what + ": invalid UTF-8 replaced");
        }
        if (s.size() > max) {
            note(what + ": " + std::to_string(s.size()) + " bytes cut to at most " + std::to_string(max));
            s.resize(utf8::cut(s, max).size());
            s.shrink_to_fit();
        }
    };
    fix_text(d.school, "school name", limits::kSchoolName);
    fix_text(d.date, "date", limits::kDate);
    fix_text(d.goal, "goal", limits::kGoalText);
    for (Participant& p : d.participants)
        fix_text(p.name, "participant " + std::to_string(p.id) + " name", limits::kParticipantName);
    for (Partner& p : d.partners) fix_text(p.text, "partner " + std::to_string(p.id) + " text", limits::kPartnerText);

    if (int n = renumber_duplicates(d.participants)) note(std::to_string(n) + " participant id(s) renumbered");
    if (int n = renumber_duplicates(d.partners)) note(std::to_string(n) + " partner id(s) renumbered");
    if (int n = renumber_duplicates(d.links)) note(std::to_string(n) + " link id(s) renumbered");

    int lane_moves = 0;
    for (Partner& p : d.partners) {
        const std::string who = "partner " + std::to_string(p.id);
        if (!finite(p.x) || !finite(p.y)) {
            // The first few get a free lane slot each; past that (a hostile file) they
            // share one, so repair stays linear.
            p.x = geo::kLaneX + geo::kNoteW, p.y = 0;
            if (lane_moves++ < 16) {
                const Vec2 slot = geo::free_lane_slot(d);
                p.x = slot.x, p.y = slot.y;
            }
            note(who + ": non-finite position, moved to the parking lane");
        }
        if (!finite(p.rotation)) {
            p.rotation = 0;
            note(who + ": non-finite rotation reset");
        }
        if (!(p.scale >= 0.75 && p.scale <= 1.5)) {
            p.scale = finite(p.scale) ? std::clamp(p.scale, 0.75, 1.5) : 1.0;
            note(who + ": scale brought into range");
        }
        const int ring = geo::ring_at({p.x, p.y});
        if (p.ring != ring) {
            note(who + ": ring " + std::to_string(p.ring) + " corrected to " + std::to_string(ring));
            p.ring = ring;
        }
    }

    // Id sets, not list searches: a hostile file may hold 100,000 links.
    std::set<Id> partner_ids, participant_ids;
    for (const Partner& p : d.partners) partner_ids.insert(p.id);
    for (const Participant& p : d.participants) participant_ids.insert(p.id);
    auto end_exists = [&](Id e) { return e == kSchool || partner_ids.count(e) != 0; };
    std::set<std::pair<Id, Id>> pairs;
    const size_t links_before = d.links.size();
    std::erase_if(d.links, [&](const Link& l) {
        return !end_exists(l.from) || !end_exists(l.to) || l.from == l.to || !pairs.insert(ends(l)).second;
    });
    if (d.links.size() != links_before)
        note(std::to_string(links_before - d.links.size()) + " link(s) with a missing or repeated end removed");

    std::set<Id> with_priority;
    const size_t prio_before = d.priorities.size();
    std::erase_if(d.priorities, [&](const Priority& p) {
        return !participant_ids.count(p.participant) || !partner_ids.count(p.partner) ||
               !with_priority.insert(p.participant).second;
    });
    if (d.priorities.size() != prio_before)
        note(std::to_string(prio_before - d.priorities.size()) + " priority mark(s) naming a missing id removed");
    for (Priority& p : d.priorities) {
        const size_t before = p.stroke.size();
        std::erase_if(p.stroke, [](const Vec2& v) { return !finite(v.x) || !finite(v.y); });
        if (p.stroke.size() != before) note("non-finite stroke points removed");
    }

    for (CardNote& n : d.notes) fix_text(n.text, "card note", limits::kNoteText);
    for (ClosingAnswer& a : d.closing) fix_text(a.text, "closing answer", limits::kNoteText);
    for (ActionItem& a : d.actions) {
        fix_text(a.what, "action", limits::kActionText);
        fix_text(a.who, "action", limits::kActionText);
        fix_text(a.due, "action", limits::kActionText);
    }
    std::set<std::pair<Id, std::string>> note_keys;
    const size_t notes_before = d.notes.size();
    std::erase_if(d.notes, [&](const CardNote& n) {
        return !partner_ids.count(n.partner) || !method::card(n.card) || !note_keys.insert({n.partner, n.card}).second;
    });
    if (d.notes.size() != notes_before)
        note(std::to_string(notes_before - d.notes.size()) + " card note(s) for a missing partner or card removed");
    std::set<std::string> questions;
    const size_t closing_before = d.closing.size();
    std::erase_if(d.closing, [&](const ClosingAnswer& a) {
        return !method::is_closing_question(a.question) || !questions.insert(a.question).second;
    });
    if (d.closing.size() != closing_before) note("answers to unknown or repeated closing questions removed");
    if (int n = renumber_duplicates(d.actions)) note(std::to_string(n) + " action id(s) renumbered");
    for (Partner& p : d.partners)
        if (p.author != 0 && !participant_ids.count(p.author)) {
            p.author = 0;
            note("partner " + std::to_string(p.id) + ": unknown author cleared");
        }
    if (d.facilitator != 0 && !participant_ids.count(d.facilitator)) d.facilitator = 0, note("unknown facilitator cleared");
    if (d.notetaker != 0 && !participant_ids.count(d.notetaker)) d.notetaker = 0, note("unknown note-taker cleared");
    if (d.plan_minutes != 90 && d.plan_minutes != 120) d.plan_minutes = 90, note("plan set to 90 minutes");
    if (!d.versions.empty()) d.versions.edit([&](std::vector<Version>& versions) {
        for (size_t i = 0; i < versions.size(); ++i) {
            Version& v = versions[i];
            fix_text(v.note, "version note", limits::kVersionNote);
            fix_text(v.date, "version date", limits::kDate);
            if (!v.board.versions.empty()) {
                v.board.versions.clear();
                note("version " + std::to_string(i + 1) + ": nested versions removed");
            }
            for (std::string& c : repair(v.board).changes) note("version " + std::to_string(i + 1) + ": " + c);
        }
    });
    return r;
}

}  // namespace nk
