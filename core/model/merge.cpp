#include "merge.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "geometry.hpp"
#include "fold.hpp"

namespace nk {
namespace {

// New ids for one list: after the largest id in use, counting up; once INT_MAX is
// reached (only a hostile file has such ids), the smallest unused positive ids. Never
// computes past INT_MAX.
class IdAllocator {
public:
    template <class T>
    explicit IdAllocator(const std::vector<T>& v) {
        for (const T& t : v) {
            used_.insert(t.id);
            top_ = std::max(top_, t.id);
        }
    }
    Id next() {
        if (top_ < std::numeric_limits<Id>::max()) {
            used_.insert(++top_);
            return top_;
        }
        while (used_.contains(low_)) ++low_;
        used_.insert(low_);
        return low_;
    }

private:
    std::set<Id> used_;
    Id top_ = 0;
    Id low_ = 1;
};

}  // namespace

Document merge_boards(const Document& into, const Document& other, MergeReport* report) {
    MergeReport local;
    MergeReport& r = report ? *report : local;
    r = MergeReport{};
    Document d = into;

    // Participants.
    std::map<Id, Id> person;  // other's id -> id in d
    IdAllocator participant_ids(d.participants);
    for (const Participant& p : other.participants) {
        Id same = 0;
        if (!fold(p.name).empty())
            for (const Participant& q : into.participants)
                if (q.role == p.role && fold(q.name) == fold(p.name)) {
                    same = q.id;
                    break;
                }
        if (same != 0) {
            person[p.id] = same;
            r.same_participant.emplace_back(same, p.id);
            continue;
        }
        Participant n = p;
        n.id = participant_ids.next();
        person[p.id] = n.id;
        d.participants.push_back(std::move(n));
        ++r.participants_added;
    }
    auto map_person = [&](Id id) {
        auto it = person.find(id);
        return it == person.end() ? Id{0} : it->second;
    };

    // Partners, into free lane slots.
    std::map<std::string, Id> into_keys;  // nk::fold -> first face-up partner of `into`
    for (const Partner& p : into.partners)
        if (p.face_up) {
            std::string k = fold(p.text);
            if (!k.empty()) into_keys.emplace(std::move(k), p.id);
        }
    std::map<Id, Id> partner;  // other's id -> id in d
    std::map<Id, Vec2> moved;  // other's id -> how far it moved, for its priority circles
    IdAllocator partner_ids(d.partners);
    for (const Partner& p : other.partners) {
        Partner n = p;
        n.id = partner_ids.next();
        n.author = map_person(p.author);
        const Vec2 slot = geo::free_lane_slot(d, p.side);
        moved[p.id] = {slot.x - p.x, slot.y - p.y};
        n.x = slot.x, n.y = slot.y;
        n.ring = geo::ring_at(slot);
        partner[p.id] = n.id;
        if (n.face_up) {
            auto it = into_keys.find(fold(n.text));
            if (it != into_keys.end()) r.same_partner.emplace_back(it->second, n.id);
        }
        d.partners.push_back(std::move(n));
        ++r.partners_added;
    }
    auto map_end = [&](Id end) -> Id {
        if (end == kSchool) return kSchool;
        auto it = partner.find(end);
        return it == partner.end() ? -1 : it->second;
    };

    // Links: the other group's, remapped (their ends are all new, so none repeats ours).
    IdAllocator link_ids(d.links);
    for (const Link& l : other.links) {
        const Id from = map_end(l.from), to = map_end(l.to);
        if (from < 0 || to < 0 || from == to) continue;
        d.links.push_back({link_ids.next(), from, to});
    }

    // Priorities: one per person.
    std::set<Id> with_priority;
    for (const Priority& p : d.priorities) with_priority.insert(p.participant);
    for (const Priority& p : other.priorities) {
        const Id who = map_person(p.participant);
        const Id what = map_end(p.partner);
        if (who == 0 || what <= 0) continue;
        if (!with_priority.insert(who).second) {
            ++r.priorities_dropped;
            continue;
        }
        // The circle goes where its post-it went, as when a post-it is dragged.
        std::vector<Vec2> stroke = p.stroke;
        if (auto it = moved.find(p.partner); it != moved.end())
            for (Vec2& v : stroke) v = {v.x + it->second.x, v.y + it->second.y};
        d.priorities.push_back({who, what, std::move(stroke)});
    }

    // Card notes follow their partner.
    for (const CardNote& n : other.notes) {
        const Id what = map_end(n.partner);
        if (what > 0) d.notes.push_back({what, n.card, n.text});
    }

    // Closing answers: ours, then theirs.
    for (const ClosingAnswer& theirs : other.closing) {
        if (theirs.text.empty()) continue;
        auto ours = std::find_if(d.closing.begin(), d.closing.end(),
                                 [&](const ClosingAnswer& a) { return a.question == theirs.question; });
        if (ours == d.closing.end())
            d.closing.push_back(theirs);
        else if (ours->text.empty())
            ours->text = theirs.text;
        else
            ours->text += std::string(kMergeSeparator) + theirs.text;
    }

    // Actions, appended.
    IdAllocator action_ids(d.actions);
    for (const ActionItem& a : other.actions) {
        ActionItem n = a;
        n.id = action_ids.next();
        d.actions.push_back(std::move(n));
    }
    return d;
}

std::vector<std::vector<Id>> duplicate_groups(const Document& d) {
    std::map<std::string, size_t> group_of;
    std::vector<std::vector<Id>> groups;
    for (const Partner& p : d.partners) {
        if (!p.face_up) continue;
        std::string k = fold(p.text);
        if (k.empty()) continue;
        auto [it, fresh] = group_of.emplace(std::move(k), groups.size());
        if (fresh) groups.emplace_back();
        groups[it->second].push_back(p.id);
    }
    std::erase_if(groups, [](const std::vector<Id>& g) { return g.size() < 2; });
    return groups;
}

}  // namespace nk
