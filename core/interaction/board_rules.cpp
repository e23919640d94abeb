#include "board_rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "merge.hpp"
#include "method.hpp"

namespace nk {

std::optional<Action> finish_note_text(const NoteEdit& e, std::string_view raw) {
    const auto b = raw.find_first_not_of(" \t\n");
    const auto t = raw.find_last_not_of(" \t\n");
    const std::string text = b == std::string_view::npos ? std::string() : std::string(raw.substr(b, t - b + 1));
    if (e.partner == 0) {
        if (text.empty()) return std::nullopt;
        act::AddPartner a{text, Category::Ongesorteerd, e.pos, e.rotation};
        a.missing = e.missing;
        return a;
    }
    if (text.empty()) return act::RemovePartner{e.partner};
    return act::SetPartnerText{e.partner, text};
}

std::optional<StationPlace> station_for_long_press(Phase phase, Vec2 s, Vec2 w, double edge_px) {
    if (phase != Phase::Brainstorm) return std::nullopt;
    if (!std::isfinite(w.x) || !std::isfinite(w.y) || w.x <= 0 || w.y <= 0) return std::nullopt;
    if (!std::isfinite(s.x) || !std::isfinite(s.y)) return std::nullopt;
    const double dl = s.x, dr = w.x - s.x, dt = s.y, db = w.y - s.y;
    const double m = std::min({dl, dr, dt, db});
    if (m >= edge_px) return std::nullopt;
    const Side side = m == db ? Side::Bottom : m == dt ? Side::Top : m == dl ? Side::Left : Side::Right;
    return StationPlace{side, side == Side::Bottom || side == Side::Top ? s.x : s.y};
}

Id card_deck_for_tap(Phase phase, const Request& tap) {
    if (phase != Phase::Gesprek || tap.kind != Request::Kind::TapNote || tap.linked) return 0;
    return tap.partner;
}

std::vector<Id> discussed_partners(const Document& d) {
    std::vector<Id> out;
    for (const Partner& p : d.partners) {
        bool group[method::kCardPhases + 1] = {};
        for (const CardNote& n : d.notes)
            if (n.partner == p.id)
                if (const method::Card* c = method::card(n.card)) group[c->phase] = true;
        if (group[1] && group[2] && group[3]) out.push_back(p.id);
    }
    return out;
}

std::vector<DuplicateStack> duplicate_stacks(const Document& d) {
    std::vector<DuplicateStack> out;
    for (const std::vector<Id>& g : duplicate_groups(d)) {
        const Partner* first = g.empty() ? nullptr : d.partner(g.front());
        bool stacked = first != nullptr;
        for (Id id : g)
            if (const Partner* p = d.partner(id); !p || !first || std::hypot(p->x - first->x, p->y - first->y) > kStackedWithin)
                stacked = false;
        out.push_back({g, stacked});
    }
    return out;
}

act::MovePartners stack_move(const Document& d, const std::vector<Id>& group) {
    act::MovePartners m;
    const Partner* first = group.empty() ? nullptr : d.partner(group.front());
    if (!first) return m;
    for (std::size_t i = 1; i < group.size(); ++i)
        if (const Partner* p = d.partner(group[i]))
            m.moves.push_back({p->id, {first->x + 6.0 * double(i), first->y + 6.0 * double(i)}, first->rotation, p->scale});
    return m;
}

}  // namespace nk
