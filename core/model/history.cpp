#include "history.hpp"

#include <algorithm>

#include <variant>

namespace nk {
namespace {
std::string partner_text(const Document& d, Id id) {
    const Partner* p = d.partner(id);
    return p ? p->text : std::string();
}
std::string participant_name(const Document& d, Id id) {
    const Participant* p = d.participant(id);
    return p ? p->name : std::string();
}

struct Describer {
    const Document& d;
    ActionLabel operator()(const act::AddPartner& a) const { return {"add", a.text}; }
    ActionLabel operator()(const act::SetPartnerText& a) const { return {"edit", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::SetCategory& a) const { return {"category", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::MovePartners& a) const {
        if (a.moves.size() == 1) return {"move", partner_text(d, a.moves[0].partner)};
        return {"move-many", std::to_string(a.moves.size())};
    }
    ActionLabel operator()(const act::RemovePartner& a) const { return {"remove", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::DuplicatePartner& a) const { return {"duplicate", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::AddLink& a) const {
        return {"link", a.from == kSchool ? partner_text(d, a.to) : partner_text(d, a.from)};
    }
    ActionLabel operator()(const act::RemoveLink& a) const {
        const Link* l = d.link(a.link);
        return {"unlink", l ? partner_text(d, l->from == kSchool ? l->to : l->from) : std::string()};
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
    ActionLabel operator()(const act::SetPriority& a) const { return {"priority", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::RemovePriority& a) const {
        return {"priority", participant_name(d, a.participant)};
    }
    ActionLabel operator()(const act::SetPhase&) const { return {"phase", {}}; }
    ActionLabel operator()(const act::SetSchoolName& a) const { return {"school", a.name}; }
    ActionLabel operator()(const act::Reveal&) const { return {"reveal", {}}; }
    ActionLabel operator()(const act::SetPartnerMarks& a) const { return {"marks", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::SetFacilitator& a) const { return {"facilitator", participant_name(d, a.participant)}; }
    ActionLabel operator()(const act::SetNotetaker& a) const { return {"notetaker", participant_name(d, a.participant)}; }
    ActionLabel operator()(const act::SetPlan&) const { return {"plan", {}}; }
    ActionLabel operator()(const act::SetCardNote& a) const { return {"card-note", partner_text(d, a.partner)}; }
    ActionLabel operator()(const act::SetClosingAnswer&) const { return {"closing", {}}; }
    ActionLabel operator()(const act::AddActionItem& a) const { return {"action", a.what}; }
    ActionLabel operator()(const act::SetActionItem& a) const { return {"action", a.what}; }
    ActionLabel operator()(const act::RemoveActionItem&) const { return {"action", {}}; }
    ActionLabel operator()(const act::SaveVersion& a) const { return {"version", a.note}; }
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
    size_t n = sizeof(Document) + text_bytes(d.school) + text_bytes(d.date);
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
