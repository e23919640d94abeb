#include "reducer.hpp"

#include <algorithm>
#include <cmath>

#include "geometry.hpp"
#include "limits.hpp"
#include "merge.hpp"
#include "method.hpp"
#include "tidy.hpp"
#include "utf8.hpp"

namespace nk {
namespace {
constexpr double kMinScale = 0.75, kMaxScale = 1.5;

// `s` as valid UTF-8 of at most `max` bytes, cut at a character boundary (cut before the
// repair too, so that a 60 MB paste is not copied whole).
std::string text(std::string_view s, std::size_t max) {
    return std::string(utf8::cut(utf8::repaired(utf8::cut(s, max)), max));
}

// At most limits::kStrokePoints of `pts`, evenly spread, the first and last kept.
std::vector<Vec2> thinned(std::vector<Vec2> pts) {
    const std::size_t n = pts.size(), k = limits::kStrokePoints;
    if (n <= k) return pts;
    std::vector<Vec2> out;
    out.reserve(k);
    for (std::size_t i = 0; i < k; ++i) out.push_back(pts[i * (n - 1) / (k - 1)]);
    return out;
}

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

bool finite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }

Partner* find_partner(Document& d, Id id) {
    auto it = std::find_if(d.partners.begin(), d.partners.end(), [id](const Partner& p) { return p.id == id; });
    return it == d.partners.end() ? nullptr : &*it;
}
Participant* find_participant(Document& d, Id id) {
    auto it = std::find_if(d.participants.begin(), d.participants.end(),
                           [id](const Participant& p) { return p.id == id; });
    return it == d.participants.end() ? nullptr : &*it;
}

void place(Partner& p, Vec2 pos) {
    p.x = pos.x;
    p.y = pos.y;
    p.ring = geo::ring_at(pos);
}

struct Reducer {
    Document& d;
    std::optional<limits::Refusal>& refused;

    // Whether a list of `size` entries may take one more; records the refusal if not.
    bool room(limits::Limit l, std::size_t size, std::size_t max) {
        refused = limits::grows_past(l, size, size + 1, max);
        return !refused;
    }

    void operator()(const act::AddPartner& a) {
        if (!room(limits::Limit::Partners, d.partners.size(), limits::kPartners)) return;
        Partner p;
        p.id = d.next_partner_id();
        p.text = text(a.text, limits::kPartnerText);
        p.category = a.category;
        p.rotation = std::isfinite(a.rotation) ? a.rotation : 0;
        p.author = d.participant(a.author) ? a.author : 0;
        p.face_up = a.face_up;
        p.side = a.side;
        p.missing = a.missing;
        place(p, finite(a.pos) ? a.pos : geo::free_lane_slot(d));
        d.partners.push_back(std::move(p));
    }
    void operator()(const act::SetPartnerText& a) {
        if (Partner* p = find_partner(d, a.partner)) p->text = text(a.text, limits::kPartnerText);
    }
    void operator()(const act::SetCategory& a) {
        if (Partner* p = find_partner(d, a.partner)) p->category = a.category;
    }
    void operator()(const act::MovePartners& a) {
        for (const act::Placement& m : a.moves) {
            Partner* p = find_partner(d, m.partner);
            if (!p || !finite(m.pos)) continue;
            // A priority circle belongs to its post-it: it moves along.
            const double dx = m.pos.x - p->x, dy = m.pos.y - p->y;
            for (Priority& pr : d.priorities)
                if (pr.partner == p->id)
                    for (Vec2& v : pr.stroke) v = {v.x + dx, v.y + dy};
            place(*p, m.pos);
            if (std::isfinite(m.rotation)) p->rotation = std::remainder(m.rotation, 2 * M_PI);
            if (std::isfinite(m.scale)) p->scale = std::clamp(m.scale, kMinScale, kMaxScale);
        }
    }
    void operator()(const act::RemovePartner& a) {
        const Id id = a.partner;
        std::erase_if(d.partners, [id](const Partner& p) { return p.id == id; });
        std::erase_if(d.links, [id](const Link& l) { return l.from == id || l.to == id; });
        std::erase_if(d.priorities, [id](const Priority& p) { return p.partner == id; });
        std::erase_if(d.notes, [id](const CardNote& n) { return n.partner == id; });
    }
    void operator()(const act::DuplicatePartner& a) {
        const Partner* src = d.partner(a.partner);
        if (!src || !room(limits::Limit::Partners, d.partners.size(), limits::kPartners)) return;
        Partner copy = *src;
        copy.id = d.next_partner_id();
        place(copy, {src->x + 24, src->y + 24});
        d.partners.push_back(std::move(copy));
    }
    void operator()(const act::AddLink& a) {
        auto exists = [&](Id e) { return e == kSchool || d.partner(e); };
        if (a.from == a.to || !exists(a.from) || !exists(a.to)) return;
        const auto key = std::minmax(a.from, a.to);
        for (const Link& l : d.links)
            if (std::minmax(l.from, l.to) == key) return;
        if (!room(limits::Limit::Links, d.links.size(), limits::kLinks)) return;
        d.links.push_back({d.next_link_id(), a.from, a.to});
    }
    void operator()(const act::RemoveLink& a) {
        std::erase_if(d.links, [&](const Link& l) { return l.id == a.link; });
    }
    void operator()(const act::AddParticipant& a) {
        if (!room(limits::Limit::Participants, d.participants.size(), limits::kParticipants)) return;
        d.participants.push_back({d.next_participant_id(), text(a.name, limits::kParticipantName), a.role});
    }
    void operator()(const act::SetParticipantName& a) {
        if (Participant* p = find_participant(d, a.participant)) p->name = text(a.name, limits::kParticipantName);
    }
    void operator()(const act::SetParticipantRole& a) {
        if (Participant* p = find_participant(d, a.participant)) p->role = a.role;
    }
    void operator()(const act::RemoveParticipant& a) {
        std::erase_if(d.participants, [&](const Participant& p) { return p.id == a.participant; });
        std::erase_if(d.priorities, [&](const Priority& p) { return p.participant == a.participant; });
        for (Partner& p : d.partners)
            if (p.author == a.participant) p.author = 0;
        if (d.facilitator == a.participant) d.facilitator = 0;
        if (d.notetaker == a.participant) d.notetaker = 0;
    }
    void operator()(const act::SetPriority& a) {
        if (!d.participant(a.participant) || !d.partner(a.partner)) return;
        Priority p{a.participant, a.partner, {}};
        for (const Vec2& v : a.stroke)
            if (finite(v)) p.stroke.push_back(v);
        p.stroke = thinned(std::move(p.stroke));
        std::erase_if(d.priorities, [&](const Priority& q) { return q.participant == a.participant; });
        d.priorities.push_back(std::move(p));
    }
    void operator()(const act::RemovePriority& a) {
        std::erase_if(d.priorities, [&](const Priority& p) { return p.participant == a.participant; });
    }
    void operator()(const act::SetPhase& a) { d.phase = a.phase; }
    void operator()(const act::SetSchoolName& a) { d.school = text(a.name, limits::kSchoolName); }
    void operator()(const act::SetGoal& a) { d.goal = text(a.text, limits::kGoalText); }
    void operator()(const act::Reveal& a) {
        for (Partner& p : d.partners) {
            if (p.face_up || (a.author != 0 && p.author != a.author)) continue;
            p.face_up = true;
            place(p, geo::free_lane_slot(d, p.side));
        }
    }
    void operator()(const act::SetPartnerMarks& a) {
        if (Partner* p = find_partner(d, a.partner)) p->missing = a.missing, p->overrepresented = a.overrepresented;
    }
    void operator()(const act::SetFacilitator& a) {
        if (a.participant == 0 || d.participant(a.participant)) d.facilitator = a.participant;
    }
    void operator()(const act::SetNotetaker& a) {
        if (a.participant == 0 || d.participant(a.participant)) d.notetaker = a.participant;
    }
    void operator()(const act::SetPlan& a) {
        if (a.minutes == 90 || a.minutes == 120) d.plan_minutes = a.minutes;
    }
    void operator()(const act::SetCardNote& a) {
        if (!d.partner(a.partner) || !method::card(a.card)) return;
        if (!a.text.empty() && !d.note(a.partner, a.card) && !room(limits::Limit::Notes, d.notes.size(), limits::kNotes))
            return;
        std::erase_if(d.notes, [&](const CardNote& n) { return n.partner == a.partner && n.card == a.card; });
        if (!a.text.empty()) d.notes.push_back({a.partner, a.card, text(a.text, limits::kNoteText)});
    }
    void operator()(const act::SetClosingAnswer& a) {
        if (!method::is_closing_question(a.question)) return;
        std::erase_if(d.closing, [&](const ClosingAnswer& c) { return c.question == a.question; });
        if (!a.text.empty()) d.closing.push_back({a.question, text(a.text, limits::kNoteText)});
    }
    void operator()(const act::AddActionItem& a) {
        if (!room(limits::Limit::Actions, d.actions.size(), limits::kActions)) return;
        d.actions.push_back({d.next_action_id(), text(a.what, limits::kActionText), text(a.who, limits::kActionText),
                             text(a.due, limits::kActionText)});
    }
    void operator()(const act::SetActionItem& a) {
        for (ActionItem& it : d.actions)
            if (it.id == a.id)
                it = {a.id, text(a.what, limits::kActionText), text(a.who, limits::kActionText),
                      text(a.due, limits::kActionText)};
    }
    void operator()(const act::SaveVersion& a) {
        if (!room(limits::Limit::Versions, d.versions.size(), limits::kVersions)) return;
        // A date that is not YYYY-MM-DD is left out, as the file reader would (found by the
        // action monkey: the reader cleared it, so the board read back was not the same).
        Version v{is_date(a.date) ? a.date : std::string(), text(a.note, limits::kVersionNote), d};
        v.board.versions.clear();
        const Versions before = d.versions;  // shared: keeping it costs a pointer
        d.versions.push_back(std::move(v));
        if (!limits::leaves_room_to_grow(d)) {
            d.versions = before;
            refused = limits::Refusal{limits::Limit::FileSize, 0};
        }
    }
    void operator()(const act::MergeBoard& a) {
        Document merged = merge_boards(d, a.other, nullptr);
        // The other board's circles may hold up to the reader's 10,000 points; ours keep
        // kStrokePoints, as a circle drawn here does.
        for (Priority& p : merged.priorities) p.stroke = thinned(std::move(p.stroke));
        refused = limits::counts_grown_past(d, merged);
        // Never a board the reader would refuse, nor one that takes away the room a board
        // that had it keeps for growing (as "save as new version" does).
        const bool fits = limits::file_bytes_bound(merged) <= limits::kFileBytes &&
                          limits::json_values_bound(merged) <= limits::kJsonValues;
        if (!refused && (!fits || (!limits::leaves_room_to_grow(merged) && limits::leaves_room_to_grow(d))))
            refused = limits::Refusal{limits::Limit::MergeSize, 0};
        if (!refused) d = std::move(merged);
    }
    void operator()(const act::TidyMap& a) {
        const std::vector<act::Placement> moves = tidy::tidy_moves(d, a.by_kind);
        if (!moves.empty()) (*this)(act::MovePartners{moves});
    }
    void operator()(const act::RemoveActionItem& a) {
        std::erase_if(d.actions, [&](const ActionItem& it) { return it.id == a.id; });
    }
};
}  // namespace

Document reduce(Document d, const Action& a, std::optional<limits::Refusal>* refused) {
    std::optional<limits::Refusal> r;
    std::visit(Reducer{d, r}, a);
    if (refused) *refused = r;
    return d;
}

}  // namespace nk
