#include "patterns.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace nk {
namespace {

// The priorities that count: (role, partner) per participant, first mark only.
std::vector<std::pair<Role, Id>> counted(const Document& d) {
    std::vector<std::pair<Role, Id>> out;
    std::set<Id> seen;
    for (const Priority& p : d.priorities) {
        const Participant* who = d.participant(p.participant);
        if (!who || !d.partner(p.partner)) continue;
        if (!seen.insert(p.participant).second) continue;
        out.emplace_back(who->role, p.partner);
    }
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
