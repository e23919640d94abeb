#include "history.hpp"

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

History::History(Document initial, size_t limit) : limit_(limit < 2 ? 2 : limit) {
    entries_.push_back({std::make_shared<const Document>(std::move(initial)), {}});
}

bool History::push_coalesced(Document next, ActionLabel label, const std::string& coalesce_key) {
    if (next == current()) return false;
    if (!coalesce_key.empty() && coalesce_key == last_key_ && pos_ + 1 == entries_.size() && pos_ > 0) {
        entries_[pos_].doc = std::make_shared<const Document>(std::move(next));
        return true;
    }
    push(std::move(next), std::move(label));
    last_key_ = coalesce_key;
    return true;
}

bool History::push(Document next, ActionLabel label) {
    last_key_.clear();
    if (next == current()) return false;
    entries_.resize(pos_ + 1);
    entries_.push_back({std::make_shared<const Document>(std::move(next)), std::move(label)});
    if (entries_.size() > limit_) entries_.erase(entries_.begin());
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
    entries_.push_back({std::make_shared<const Document>(std::move(doc)), {}});
    pos_ = 0;
}

}  // namespace nk
