#include "compare.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "fold.hpp"

namespace nk {
namespace {

using PartnerList = std::vector<const Partner*>;

PartnerList visible_partners(const Document& d) {
    PartnerList out;
    for (const Partner& p : d.partners)
        if (p.face_up) out.push_back(&p);
    return out;
}

// The marks that count, as in patterns.hpp: the first mark of each participant whose
// partner exists. participant id -> partner id.
std::map<Id, Id> choices(const Document& d) {
    std::map<Id, Id> out;
    for (const Priority& p : d.priorities) {
        if (!d.participant(p.participant) || !d.partner(p.partner)) continue;
        out.try_emplace(p.participant, p.partner);
    }
    return out;
}

std::pair<std::string, std::string> link_texts(const Document& d, const Link& l) {
    auto text = [&](Id id) { return id == kSchool ? std::string(kSchoolLinkText) : d.partner(id)->text; };
    std::string a = text(l.from), b = text(l.to);
    if (l.to == kSchool || (l.from != kSchool && b < a)) std::swap(a, b);
    return {a, b};
}

}  // namespace

bool Comparison::empty() const {
    return added.empty() && removed.empty() && closer.empty() && further.empty() && placed.empty() &&
           unplaced.empty() && links_added.empty() && links_removed.empty() && priorities_changed.empty() &&
           priority_totals.empty();
}

Comparison compare_boards(const Document& older, const Document& newer) {
    Comparison c;
    const PartnerList olds = visible_partners(older), news = visible_partners(newer);
    std::map<Id, std::string> old_fold, new_fold;
    for (const Partner* p : olds) old_fold[p->id] = fold(p->text);
    for (const Partner* p : news) new_fold[p->id] = fold(p->text);

    // ---- matching -------------------------------------------------------------------------
    std::map<Id, Id> new_to_old, old_to_new;
    for (const Partner* n : news) {
        auto it = old_fold.find(n->id);
        if (it != old_fold.end() && it->second == new_fold[n->id] && !old_to_new.contains(n->id)) {
            new_to_old[n->id] = n->id;
            old_to_new[n->id] = n->id;
        }
    }
    {
        // Remaining partners by folded text, each side in order of id.
        std::map<std::string, std::vector<Id>> free_old;
        std::vector<const Partner*> sorted_old = olds;
        std::sort(sorted_old.begin(), sorted_old.end(), [](auto* a, auto* b) { return a->id < b->id; });
        for (const Partner* o : sorted_old)
            if (!old_to_new.contains(o->id)) free_old[old_fold[o->id]].push_back(o->id);
        std::vector<const Partner*> sorted_new = news;
        std::sort(sorted_new.begin(), sorted_new.end(), [](auto* a, auto* b) { return a->id < b->id; });
        for (const Partner* n : sorted_new) {
            if (new_to_old.contains(n->id)) continue;
            auto& pool = free_old[new_fold[n->id]];
            if (pool.empty()) continue;
            const Id o = pool.front();
            pool.erase(pool.begin());
            new_to_old[n->id] = o;
            old_to_new[o] = n->id;
        }
    }
    for (const Partner* n : news) {
        auto it = new_to_old.find(n->id);
        if (it == new_to_old.end()) {
            c.added.push_back(n->id);
            continue;
        }
        c.matched.emplace_back(it->second, n->id);
        const int from = older.partner(it->second)->ring, to = n->ring;
        const Comparison::Moved m{it->second, n->id, from, to};
        if (from == to) continue;
        if (from == 0) c.placed.push_back(m);
        else if (to == 0) c.unplaced.push_back(m);
        else if (to < from) c.closer.push_back(m);
        else c.further.push_back(m);
    }
    for (const Partner* o : olds)
        if (!old_to_new.contains(o->id)) c.removed.push_back(o->id);

    // ---- lines ----------------------------------------------------------------------------
    // A line's identity: its two ends as newer ids (school 0), older-only partners as -id.
    auto old_key = [&](Id id) -> long {
        if (id == kSchool) return 0;
        auto it = old_to_new.find(id);
        return it != old_to_new.end() ? it->second : -static_cast<long>(id);
    };
    auto exists = [](const Document& d, const std::map<Id, std::string>& visible, Id id) {
        return id == kSchool || (visible.contains(id) && d.partner(id));
    };
    using Key = std::pair<long, long>;
    auto sorted = [](long a, long b) { return a < b ? Key{a, b} : Key{b, a}; };
    std::map<Key, const Link*> old_links, new_links;
    for (const Link& l : older.links)
        if (l.from != l.to && exists(older, old_fold, l.from) && exists(older, old_fold, l.to))
            old_links.try_emplace(sorted(old_key(l.from), old_key(l.to)), &l);
    for (const Link& l : newer.links)
        if (l.from != l.to && exists(newer, new_fold, l.from) && exists(newer, new_fold, l.to))
            new_links.try_emplace(sorted(l.from, l.to), &l);
    for (const auto& [k, l] : new_links)
        if (!old_links.contains(k)) c.links_added.push_back(link_texts(newer, *l));
    for (const auto& [k, l] : old_links)
        if (!new_links.contains(k)) c.links_removed.push_back(link_texts(older, *l));
    std::sort(c.links_added.begin(), c.links_added.end());
    std::sort(c.links_removed.begin(), c.links_removed.end());

    // ---- priorities per person ------------------------------------------------------------
    const auto old_choice = choices(older), new_choice = choices(newer);
    using PersonKey = std::pair<std::string, Role>;
    std::map<PersonKey, std::vector<const Participant*>> old_people;
    std::vector<const Participant*> old_sorted, new_sorted;
    for (const Participant& p : older.participants) old_sorted.push_back(&p);
    for (const Participant& p : newer.participants) new_sorted.push_back(&p);
    auto by_id = [](const Participant* a, const Participant* b) { return a->id < b->id; };
    std::sort(old_sorted.begin(), old_sorted.end(), by_id);
    std::sort(new_sorted.begin(), new_sorted.end(), by_id);
    for (const Participant* p : old_sorted) {
        std::string name = fold(p->name);
        if (!name.empty()) old_people[{name, p->role}].push_back(p);
    }
    auto chosen_text = [](const Document& d, const std::map<Id, Id>& ch, Id who) -> std::string {
        auto it = ch.find(who);
        return it == ch.end() ? std::string() : d.partner(it->second)->text;
    };
    for (const Participant* n : new_sorted) {
        std::string name = fold(n->name);
        if (name.empty()) continue;
        auto& pool = old_people[{name, n->role}];
        if (pool.empty()) continue;
        const Participant* o = pool.front();
        pool.erase(pool.begin());
        auto oc = old_choice.find(o->id);
        auto nc = new_choice.find(n->id);
        const bool had = oc != old_choice.end(), has = nc != new_choice.end();
        if (!had && !has) continue;
        if (had && has) {
            auto m = old_to_new.find(oc->second);
            if (m != old_to_new.end() && m->second == nc->second) continue;  // same partner
        }
        c.priorities_changed.push_back(
            {n->name, n->role, chosen_text(older, old_choice, o->id), chosen_text(newer, new_choice, n->id)});
    }
    std::sort(c.priorities_changed.begin(), c.priorities_changed.end(), [](const auto& a, const auto& b) {
        return std::tie(a.role, a.name) < std::tie(b.role, b.name);
    });

    // ---- priority totals per partner ------------------------------------------------------
    std::map<long, int> before, after;  // key: newer id, or -older id for a partner that is gone
    for (const auto& [who, partner] : old_choice) {
        (void)who;
        if (old_fold.contains(partner)) ++before[old_key(partner)];
    }
    for (const auto& [who, partner] : new_choice) {
        (void)who;
        if (new_fold.contains(partner)) ++after[partner];
    }
    std::set<long> keys;
    for (const auto& [k, n] : before) keys.insert(k);
    for (const auto& [k, n] : after) keys.insert(k);
    for (long k : keys) {
        const int b = before.contains(k) ? before[k] : 0, a = after.contains(k) ? after[k] : 0;
        if (a == b) continue;
        const std::string& text =
            k > 0 ? newer.partner(static_cast<Id>(k))->text : older.partner(static_cast<Id>(-k))->text;
        c.priority_totals.push_back({text, b, a});
    }
    std::sort(c.priority_totals.begin(), c.priority_totals.end(), [](const auto& x, const auto& y) {
        if (x.after != y.after) return x.after > y.after;
        if (x.before != y.before) return x.before > y.before;
        return x.text < y.text;
    });
    return c;
}

}  // namespace nk
