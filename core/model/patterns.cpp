#include "patterns.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace nk {
namespace {

// The priorities that count, in the order of d.priorities: one per participant (their
// first mark), both its participant and its partner still on the board.
std::vector<const Priority*> counted_marks(const Document& d) {
    std::vector<const Priority*> out;
    std::set<Id> seen;
    for (const Priority& p : d.priorities) {
        if (!d.participant(p.participant) || !d.partner(p.partner)) continue;
        if (!seen.insert(p.participant).second) continue;
        out.push_back(&p);
    }
    return out;
}

// The same as (role, partner) pairs.
std::vector<std::pair<Role, Id>> counted(const Document& d) {
    std::vector<std::pair<Role, Id>> out;
    for (const Priority* p : counted_marks(d)) out.emplace_back(d.participant(p->participant)->role, p->partner);
    return out;
}

// Orders ids by count (descending), then by the partner's text, then by id.
void sort_by_count(const Document& d, std::vector<Id>& ids, const std::map<Id, int>& count) {
    std::sort(ids.begin(), ids.end(), [&](Id a, Id b) {
        const int ca = count.at(a), cb = count.at(b);
        if (ca != cb) return ca > cb;
        const std::string& ta = d.partner(a)->text;
        const std::string& tb = d.partner(b)->text;
        if (ta != tb) return ta < tb;
        return a < b;
    });
}

}  // namespace

PatternsTable patterns(const Document& d) {
    PatternsTable t;
    const auto marks = counted(d);
    std::map<Id, int> total;
    for (const auto& [role, partner] : marks) {
        ++total[partner];
        ++t.role_totals[static_cast<size_t>(role)];
    }
    for (const auto& [id, c] : total) t.partners.push_back(id);
    sort_by_count(d, t.partners, total);
    std::map<Id, size_t> index;
    for (size_t i = 0; i < t.partners.size(); ++i) index[t.partners[i]] = i;
    for (auto& row : t.counts) row.assign(t.partners.size(), 0);
    t.totals.assign(t.partners.size(), 0);
    for (const auto& [role, partner] : marks) {
        const size_t i = index.at(partner);
        ++t.counts[static_cast<size_t>(role)][i];
        ++t.totals[i];
    }
    for (const Partner& p : d.partners)
        if (p.face_up && !p.missing && !total.contains(p.id)) t.not_prioritised.push_back(p.id);
    std::sort(t.not_prioritised.begin(), t.not_prioritised.end(), [&](Id a, Id b) {
        const std::string& ta = d.partner(a)->text;
        const std::string& tb = d.partner(b)->text;
        if (ta != tb) return ta < tb;
        return a < b;
    });
    return t;
}

std::vector<PartnerChoices> choices_by_partner(const Document& d) {
    std::map<Id, std::vector<Id>> who;
    for (const Priority* p : counted_marks(d)) who[p->partner].push_back(p->participant);
    std::vector<PartnerChoices> out;
    for (const Partner& p : d.partners)
        if (auto it = who.find(p.id); it != who.end()) {
            out.push_back({p.id, std::move(it->second)});
            who.erase(it);  // a partner listed twice (never made by the reducer) once
        }
    return out;
}

std::map<Id, int> counts_by_partner(const Document& d) {
    std::map<Id, int> out;
    for (const Priority* p : counted_marks(d)) ++out[p->partner];
    return out;
}

std::vector<Id> chosen_by_role(const Document& d, Role r) {
    std::map<Id, int> count;
    for (const auto& [role, partner] : counted(d))
        if (role == r) ++count[partner];
    std::vector<Id> out;
    for (const auto& [id, c] : count) out.push_back(id);
    sort_by_count(d, out, count);
    return out;
}

}  // namespace nk
