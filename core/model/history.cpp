#include "history.hpp"

#include <algorithm>

#include <variant>

namespace nk {
namespace {
std::string participant_name(const Document& d, Id id) {
    const Participant* p = d.participant(id);
    return p ? p->name : std::string();
}

// A face-down post-it (still private in its writer's tray) is named by its writer only,
// never by its text: the undo line is on the shared screen.
ActionLabel private_label(const Document& d, Id author) {
    std::string who = participant_name(d, author);
    return {who.empty() ? "private-anonymous" : "private", std::move(who)};
}
ActionLabel about(const Document& d, std::string verb, Id partner) {
    const Partner* p = d.partner(partner);
    if (p && !p->face_up) return private_label(d, p->author);
    return {std::move(verb), p ? p->text : std::string()};
}

struct Describer {
    const Document& d;
    ActionLabel operator()(const act::AddPartner& a) const {
        return a.face_up ? ActionLabel{"add", a.text} : private_label(d, a.author);
    }
    ActionLabel operator()(const act::SetPartnerText& a) const { return about(d, "edit", a.partner); }
    ActionLabel operator()(const act::SetCategory& a) const { return about(d, "category", a.partner); }
    ActionLabel operator()(const act::MovePartners& a) const {
        if (a.moves.size() == 1) return about(d, "move", a.moves[0].partner);
        return {"move-many", std::to_string(a.moves.size())};
    }
    ActionLabel operator()(const act::RemovePartner& a) const { return about(d, "remove", a.partner); }
    ActionLabel operator()(const act::DuplicatePartner& a) const { return about(d, "duplicate", a.partner); }
    ActionLabel operator()(const act::AddLink& a) const { return about(d, "link", a.from == kSchool ? a.to : a.from); }
    ActionLabel operator()(const act::RemoveLink& a) const {
        const Link* l = d.link(a.link);
        return l ? about(d, "unlink", l->from == kSchool ? l->to : l->from) : ActionLabel{"unlink", {}};
    }
    ActionLabel operator()(const act::AddParticipant& a) const { return {"participant", a.name}; }
    ActionLabel operator()(const act::SetParticipantName& a) const {
        return {"participant", participant_name(d, a.participant)};
    }
    ActionLabel operator()(const act::SetParticipantRole& a) const {
        return {"participant", participant_name(d, a.participant)};
    }
    ActionLabel operator()(const act::RemoveParticipant& a) const {
        return {"participant", participant_name(d, a.participant)};
    }
    ActionLabel operator()(const act::SetPriority& a) const { return about(d, "priority", a.partner); }
    ActionLabel operator()(const act::RemovePriority& a) const {
        return {"priority", participant_name(d, a.participant)};
    }
    ActionLabel operator()(const act::SetPhase&) const { return {"phase", {}}; }
    ActionLabel operator()(const act::SetSchoolName& a) const { return {"school", a.name}; }
    ActionLabel operator()(const act::SetGoal&) const { return {"goal", {}}; }
    ActionLabel operator()(const act::Reveal&) const { return {"reveal", {}}; }
    ActionLabel operator()(const act::SetPartnerMarks& a) const { return about(d, "marks", a.partner); }
    ActionLabel operator()(const act::SetFacilitator& a) const { return {"facilitator", participant_name(d, a.participant)}; }
    ActionLabel operator()(const act::SetNotetaker& a) const { return {"notetaker", participant_name(d, a.participant)}; }
    ActionLabel operator()(const act::SetPlan&) const { return {"plan", {}}; }
    ActionLabel operator()(const act::SetCardNote& a) const { return about(d, "card-note", a.partner); }
    ActionLabel operator()(const act::SetClosingAnswer&) const { return {"closing", {}}; }
    ActionLabel operator()(const act::AddActionItem& a) const { return {"action", a.what}; }
    ActionLabel operator()(const act::SetActionItem& a) const { return {"action", a.what}; }
    ActionLabel operator()(const act::RemoveActionItem&) const { return {"action", {}}; }
    ActionLabel operator()(const act::SaveVersion& a) const { return {"version", a.note}; }
    ActionLabel operator()(const act::TidyMap& a) const { return {a.by_kind ? "tidy-kinds" : "tidy", {}}; }
    ActionLabel operator()(const act::MergeBoard& a) const {
        return {"merge", a.source.empty() ? a.other.school : a.source};
    }
};
}  // namespace

ActionLabel describe(const Document& before, const Action& a) { return std::visit(Describer{before}, a); }

namespace {
// Heap bytes a string holds beyond the object (short strings live inside it).
size_t text_bytes(const std::string& t) { return t.capacity() > 15 ? t.capacity() + 1 : 0; }
}  // namespace

size_t approx_bytes(const Document& d) { return board_bytes(d) + versions_bytes(d.versions); }

size_t board_bytes(const Document& d) {
    size_t n = sizeof(Document) + text_bytes(d.school) + text_bytes(d.goal) + text_bytes(d.date);
    for (const Participant& p : d.participants) n += sizeof p + text_bytes(p.name);
    for (const Partner& p : d.partners) n += sizeof p + text_bytes(p.text);
    n += d.links.size() * sizeof(Link);
    for (const Priority& p : d.priorities) n += sizeof p + p.stroke.size() * sizeof(Vec2);
    for (const CardNote& c : d.notes) n += sizeof c + text_bytes(c.card) + text_bytes(c.text);
    for (const ClosingAnswer& c : d.closing) n += sizeof c + text_bytes(c.question) + text_bytes(c.text);
    for (const ActionItem& a : d.actions) n += sizeof a + text_bytes(a.what) + text_bytes(a.who) + text_bytes(a.due);
    return n;
}

size_t versions_bytes(const Versions& versions) {
    size_t n = 0;
    for (const Version& v : versions) n += sizeof v + text_bytes(v.date) + text_bytes(v.note) + approx_bytes(v.board);
    return n;
}

History::History(Document initial, size_t limit, size_t max_bytes)
    : limit_(limit < 2 ? 2 : limit), max_bytes_(max_bytes) {
    entries_.push_back(make_entry(std::move(initial), {}, nullptr));
    bytes_ = entries_.back().bytes;
}

History::Entry History::make_entry(Document d, ActionLabel label, const Entry* before) {
    // Saved versions are shared between steps: a step pays for them only when it holds a
    // list the step before it does not (a new version saved, a file opened).
    const bool shared = before && before->doc->versions.shares(d.versions);
    const size_t bytes = board_bytes(d) + (shared ? 0 : versions_bytes(d.versions));
    return {std::make_shared<const Document>(std::move(d)), std::move(label), bytes};
}

void History::trim() {
    // The oldest steps go first: past the step limit, or past the byte limit while more
    // than two boards are kept (a big board still keeps one step to undo).
    while (entries_.size() > limit_ || (bytes_ > max_bytes_ && entries_.size() > 2)) {
        bytes_ -= entries_.front().bytes;
        if (entries_.size() > 1 && entries_[1].doc->versions.shares(entries_[0].doc->versions)) {
            // The next step now holds the versions alone: it pays for them from here on.
            const size_t versions = versions_bytes(entries_[1].doc->versions);
            entries_[1].bytes += versions;
            bytes_ += versions;
        }
        entries_.erase(entries_.begin());
    }
    pos_ = std::min(pos_, entries_.size() - 1);
}

bool History::push_coalesced(Document next, ActionLabel label, const std::string& coalesce_key) {
    if (next == current()) return false;
    if (!coalesce_key.empty() && coalesce_key == last_key_ && pos_ + 1 == entries_.size() && pos_ > 0) {
        bytes_ -= entries_[pos_].bytes;
        entries_[pos_] = make_entry(std::move(next), std::move(entries_[pos_].label), &entries_[pos_ - 1]);
        bytes_ += entries_[pos_].bytes;
        return true;
    }
    push(std::move(next), std::move(label));
    last_key_ = coalesce_key;
    return true;
}

bool History::push(Document next, ActionLabel label) {
    last_key_.clear();
    if (next == current()) return false;
    while (entries_.size() > pos_ + 1) {  // the redo tail goes
        bytes_ -= entries_.back().bytes;
        entries_.pop_back();
    }
    const Entry& before = entries_.back();
    entries_.push_back(make_entry(std::move(next), std::move(label), &before));
    bytes_ += entries_.back().bytes;
    pos_ = entries_.size() - 1;
    trim();
    pos_ = entries_.size() - 1;
    return true;
}

ActionLabel History::undo_label() const { return can_undo() ? entries_[pos_].label : ActionLabel{}; }
ActionLabel History::redo_label() const { return can_redo() ? entries_[pos_ + 1].label : ActionLabel{}; }

bool History::undo() {
    last_key_.clear();
    if (!can_undo()) return false;
    --pos_;
    return true;
}

bool History::redo() {
    last_key_.clear();
    if (!can_redo()) return false;
    ++pos_;
    return true;
}

void History::reset(Document doc) {
    last_key_.clear();
    entries_.clear();
    entries_.push_back(make_entry(std::move(doc), {}, nullptr));
    bytes_ = entries_.back().bytes;
    pos_ = 0;
}

}  // namespace nk
