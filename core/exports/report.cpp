// The report's content (report_model) and the escaping helpers; the two renderers are in
// report_html.cpp and report_markdown.cpp.
#include "report.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <cctype>

#include "compare.hpp"
#include "method.hpp"
#include "patterns.hpp"

namespace nk {
namespace {

using Kind = ReportBlock::Kind;

ReportBlock block(Kind k, std::string text = {}) {
    ReportBlock b;
    b.kind = k;
    b.text = std::move(text);
    return b;
}

ReportBlock list(std::vector<std::string> items) {
    ReportBlock b = block(Kind::List);
    b.items = std::move(items);
    return b;
}

ReportBlock entry(std::string label, std::string text, bool muted = false) {
    ReportBlock b = block(Kind::Entry, std::move(text));
    b.label = std::move(label);
    b.muted = muted;
    return b;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The words, with the small lookups the report needs.
struct Words {
    const Strings& s;
    const std::string& get(const std::string& key) const { return s.get(key); }
    std::string fmt(const std::string& key, std::initializer_list<std::string_view> args) const {
        return s.format(key, args);
    }
    const std::string& role(Role r) const { return s.get("role." + std::string(role_id(r))); }
    const std::string& role_short(Role r) const {
        const std::string key = "role." + std::string(role_id(r)) + ".short";
        return s.has(key) ? s.get(key) : role(r);
    }
    const std::string& category(Category c) const { return s.get("category." + std::string(category_id(c))); }
    // "dichtbij · vaak" for 1..4, "niet geplaatst" for 0.
    const std::string& ring(int r) const {
        return r >= 1 && r <= 4 ? s.get("board.ring." + std::to_string(r)) : s.get("report.partners.lane");
    }
    // "ring 1 (dichtbij · vaak)"; "nog niet op de kaart" for 0.
    std::string ring_label(int r) const {
        return r >= 1 && r <= 4 ? fmt("report.ring_label", {std::to_string(r), ring(r)}) : get("report.ring_label.lane");
    }
    std::string card_title(std::string_view card) const {
        const std::string key = "card." + std::string(card) + ".title";
        return s.has(key) ? s.get(key) : std::string(card);
    }
    // "2026-03-12" as "12 maart 2026"; other text as it is (strings.hpp, shared with the screen).
    std::string date(std::string_view d) const { return long_date(s, d); }
};

std::string person(const Words& w, const Participant& p) {
    return p.name.empty() || blank(p.name) ? w.get("report.participants.unnamed") : p.name;
}

std::vector<const Partner*> visible(const Document& d) {
    std::vector<const Partner*> out;
    for (const Partner& p : d.partners)
        if (p.face_up) out.push_back(&p);
    return out;
}

bool by_text(const Partner* a, const Partner* b) { return a->text != b->text ? a->text < b->text : a->id < b->id; }

std::string partner_with_marks(const Words& w, const Partner& p) {
    std::string t = p.text;
    if (p.missing) t += " (" + w.get("missing.label") + ")";
    if (p.overrepresented) t += " (" + w.get("overrepresented.label") + ")";
    return t;
}

// "CLB — Zorg & leerlingenbegeleiding, ring 1 (dichtbij · vaak)"
std::string partner_line(const Words& w, const Partner& p) {
    return w.fmt("report.partner_line", {p.text, w.category(p.category), w.ring_label(p.ring)});
}

// ---- sections ------------------------------------------------------------------------------

ReportSection section(const Words& w, std::string id, const std::string& heading_key, bool page_break = false) {
    ReportSection s;
    s.id = std::move(id);
    s.heading = w.get(heading_key);
    s.page_break = page_break;
    return s;
}

ReportSection participants_section(const Words& w, const Document& d, bool anonymous) {
    ReportSection s = section(w, "participants", "report.participants");
    if (d.participants.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.participants")));
        return s;
    }
    std::array<int, kRoleCount> per_role{};
    for (const Participant& p : d.participants) ++per_role[static_cast<size_t>(p.role)];
    std::vector<std::string> counts;
    for (int r = 0; r < kRoleCount; ++r)
        if (per_role[static_cast<size_t>(r)] > 0)
            counts.push_back(w.fmt("report.participants.role_count",
                                   {std::to_string(per_role[static_cast<size_t>(r)]), w.role(static_cast<Role>(r))}));
    s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.participants.total",
                                                    {std::to_string(d.participants.size()), join(counts, ", ")})));
    ReportBlock t = block(Kind::Table);
    if (anonymous) {
        t.header = {w.get("report.participants.role"), w.get("report.participants.count")};
        t.numeric = {false, true};
        for (int r = 0; r < kRoleCount; ++r)
            t.rows.push_back({w.role(static_cast<Role>(r)), std::to_string(per_role[static_cast<size_t>(r)])});
        s.blocks.push_back(std::move(t));
        s.blocks.push_back(block(Kind::Empty, w.get("report.participants.names_left_out")));
        return s;
    }
    t.header = {w.get("report.participants.name"), w.get("report.participants.role"),
                w.get("report.participants.task")};
    for (const Participant& p : d.participants) {
        std::vector<std::string> tasks;
        if (p.id == d.facilitator) tasks.push_back(w.get("report.task.facilitator"));
        if (p.id == d.notetaker) tasks.push_back(w.get("report.task.notetaker"));
        t.rows.push_back({person(w, p), w.role(p.role), join(tasks, ", ")});
    }
    s.blocks.push_back(std::move(t));
    return s;
}

ReportSection map_section(const Words& w, const Document& d, const ReportInput& in) {
    ReportSection s = section(w, "map", "report.map", true);
    if (in.png.empty() && in.png_file_name.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.map")));
        return s;
    }
    ReportBlock img = block(Kind::Image, w.fmt("report.map.alt", {d.school, w.date(d.date)}));
    std::vector<std::string> rings;
    for (int r = 1; r <= 4; ++r) rings.push_back(std::to_string(r) + " " + w.ring(r));
    img.label = w.fmt("report.map.caption", {join(rings, ", ")});
    s.blocks.push_back(std::move(img));
    return s;
}

ReportSection partners_section(const Words& w, const Document& d) {
    ReportSection s = section(w, "partners", "report.partners_by_category");
    std::vector<const Partner*> ps = visible(d);
    std::sort(ps.begin(), ps.end(), by_text);
    if (ps.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.partners")));
        return s;
    }
    std::vector<std::string> links;
    for (const Link& l : d.links) {
        auto end = [&](Id id) -> std::string {
            if (id == kSchool) return d.school.empty() ? w.get("school.default") : d.school;
            const Partner* p = d.partner(id);
            return p ? p->text : std::string();
        };
        const std::string a = end(l.from), b = end(l.to);
        if (a.empty() || b.empty()) continue;
        links.push_back(w.fmt("report.link", {l.to == kSchool ? b : a, l.to == kSchool ? a : b}));
    }
    std::sort(links.begin(), links.end());
    s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.partners.total", {std::to_string(ps.size()),
                                                                               std::to_string(links.size())})));
    // The table shows the rings; partners still in the lane beside the map follow below it.
    ReportBlock t = block(Kind::Table);
    t.header.push_back(w.get("report.partners.category"));
    for (int r = 1; r <= 4; ++r) t.header.push_back(w.fmt("report.ring_column", {std::to_string(r), w.ring(r)}));
    std::vector<std::string> empty_categories;
    for (int c = 0; c < kCategoryCount; ++c) {
        const auto cat = static_cast<Category>(c);
        std::vector<std::string> row{w.category(cat)};
        bool any = false;
        for (int r = 1; r <= 4; ++r) {
            std::vector<std::string> cell;
            for (const Partner* p : ps)
                if (p->category == cat && p->ring == r) cell.push_back(partner_with_marks(w, *p));
            row.push_back(join(cell, "\n"));
        }
        for (const Partner* p : ps) any = any || p->category == cat;
        // "Not sorted yet" is no kind: its row shows only when some are, and it never
        // counts as a kind without partners.
        if (!is_sorted(cat) && !any) continue;
        if (!any) empty_categories.push_back(w.category(cat));
        t.rows.push_back(std::move(row));
        t.row_ids.push_back("cat-" + std::string(category_id(cat)));
    }
    s.blocks.push_back(std::move(t));
    if (!empty_categories.empty())
        s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.partners.empty_categories", {join(empty_categories, ", ")})));
    const auto unsorted = std::count_if(ps.begin(), ps.end(), [](const Partner* p) { return !is_sorted(p->category); });
    if (unsorted > 0)
        s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.partners.unsorted", {std::to_string(unsorted)})));
    std::vector<std::string> lane;
    for (const Partner* p : ps)
        if (p->ring < 1 || p->ring > 4)
            lane.push_back(w.fmt("report.partners.lane_item", {partner_with_marks(w, *p), w.category(p->category)}));
    if (!lane.empty()) {
        s.blocks.push_back(block(Kind::Subheading, w.get("report.partners.lane")));
        s.blocks.push_back(list(std::move(lane)));
    }

    auto marked = [&](const std::string& heading, const std::string& empty, bool Partner::*flag) {
        s.blocks.push_back(block(Kind::Subheading, w.get(heading)));
        std::vector<std::string> items;
        for (const Partner* p : ps)
            if (p->*flag) items.push_back(partner_line(w, *p));
        if (items.empty()) s.blocks.push_back(block(Kind::Empty, w.get(empty)));
        else s.blocks.push_back(list(std::move(items)));
    };
    marked("report.partners.missing", "report.empty.missing", &Partner::missing);
    marked("report.partners.overrepresented", "report.empty.overrepresented", &Partner::overrepresented);

    s.blocks.push_back(block(Kind::Subheading, w.get("report.partners.links")));
    if (links.empty()) s.blocks.push_back(block(Kind::Empty, w.get("report.empty.links")));
    else s.blocks.push_back(list(std::move(links)));
    return s;
}

ReportSection priorities_section(const Words& w, const Document& d, bool anonymous) {
    ReportSection s = section(w, "priorities", "report.priorities");
    const PatternsTable t = patterns(d);
    if (t.partners.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.priorities")));
        return s;
    }
    s.blocks.push_back(block(Kind::Paragraph, w.get("report.priorities.intro")));
    // Columns: the roles at the table or chosen for, in the method's order.
    std::vector<int> roles;
    for (int r = 0; r < kRoleCount; ++r) {
        const bool present = std::any_of(d.participants.begin(), d.participants.end(),
                                         [&](const Participant& p) { return static_cast<int>(p.role) == r; });
        if (present || t.role_totals[static_cast<size_t>(r)] > 0) roles.push_back(r);
    }
    ReportBlock tab = block(Kind::Table);
    tab.header.push_back(w.get("report.priorities.partner"));
    tab.numeric.push_back(false);
    for (int r : roles) {
        tab.header.push_back(w.role_short(static_cast<Role>(r)));
        tab.numeric.push_back(true);
    }
    tab.header.push_back(w.get("report.priorities.total"));
    tab.numeric.push_back(true);
    auto count = [](int n) { return n ? std::to_string(n) : std::string("·"); };
    for (size_t i = 0; i < t.partners.size(); ++i) {
        std::vector<std::string> row{d.partner(t.partners[i])->text};
        for (int r : roles) row.push_back(count(t.counts[static_cast<size_t>(r)][i]));
        row.push_back(std::to_string(t.totals[i]));
        tab.rows.push_back(std::move(row));
        tab.row_ids.push_back("prio-" + std::to_string(t.partners[i]));
    }
    std::vector<std::string> total_row{w.get("report.priorities.total")};
    int all = 0;
    for (int r : roles) {
        total_row.push_back(std::to_string(t.role_totals[static_cast<size_t>(r)]));
        all += t.role_totals[static_cast<size_t>(r)];
    }
    total_row.push_back(std::to_string(all));
    tab.rows.push_back(std::move(total_row));
    tab.row_ids.push_back("prio-total");
    s.blocks.push_back(std::move(tab));

    s.blocks.push_back(block(Kind::Subheading, w.get("report.priorities.who")));
    if (anonymous) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.priorities.names_left_out")));
    } else {
        std::vector<std::string> who;
        for (const Participant& p : d.participants) {
            const Partner* chosen = nullptr;
            for (const Priority& pr : d.priorities)
                if (pr.participant == p.id && (chosen = d.partner(pr.partner))) break;
            who.push_back(w.fmt("report.priorities.choice", {person(w, p), w.role(p.role),
                                                             chosen ? chosen->text : w.get("report.priorities.none")}));
        }
        if (who.empty()) s.blocks.push_back(block(Kind::Empty, w.get("report.empty.participants")));
        else s.blocks.push_back(list(std::move(who)));
    }
    s.blocks.push_back(block(Kind::Subheading, w.get("report.priorities.not_chosen")));
    std::vector<std::string> rest;
    for (Id id : t.not_prioritised) rest.push_back(d.partner(id)->text);
    if (rest.empty()) s.blocks.push_back(block(Kind::Empty, w.get("report.priorities.all_chosen")));
    else s.blocks.push_back(list(std::move(rest)));
    return s;
}

ReportSection notes_section(const Words& w, const Document& d, bool anonymous) {
    ReportSection s = section(w, "notes", "report.notes", true);
    if (anonymous) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.notes.left_out")));
        return s;
    }
    // Partners in the order their first note was written: the order of the conversation.
    std::vector<Id> order;
    for (const CardNote& n : d.notes)
        if (!blank(n.text) && std::find(order.begin(), order.end(), n.partner) == order.end()) order.push_back(n.partner);
    if (order.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.notes")));
        return s;
    }
    s.blocks.push_back(block(Kind::Paragraph, w.get("report.notes.intro")));
    for (Id id : order) {
        const Partner* p = d.partner(id);
        s.blocks.push_back(block(Kind::Heading, p ? p->text : w.get("report.notes.removed_partner")));
        if (p) s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.notes.partner_meta", {w.category(p->category),
                                                                                             w.ring_label(p->ring)})));
        for (int g = 1; g <= method::kCardPhases; ++g) {
            s.blocks.push_back(block(Kind::Subheading, w.get("cards.phase" + std::to_string(g) + ".title")));
            bool any = false;
            for (const method::Card& c : method::kCards) {
                if (c.phase != g) continue;
                const CardNote* n = d.note(id, c.id);
                if (!n || blank(n->text)) continue;
                s.blocks.push_back(entry(w.card_title(c.id), n->text));
                any = true;
            }
            if (!any) s.blocks.push_back(block(Kind::Empty, w.get("report.notes.group_empty")));
        }
        // Notes on cards this version does not know (a newer file): kept, under their id.
        for (const CardNote& n : d.notes)
            if (n.partner == id && !method::card(n.card) && !blank(n.text)) s.blocks.push_back(entry(n.card, n.text));
    }
    return s;
}

ReportSection closing_section(const Words& w, const Document& d, bool anonymous) {
    ReportSection s = section(w, "closing", "report.closing");
    if (anonymous) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.closing.left_out")));
        return s;
    }
    const bool any = std::any_of(d.closing.begin(), d.closing.end(), [](const ClosingAnswer& a) { return !blank(a.text); });
    if (!any) s.blocks.push_back(block(Kind::Empty, w.get("report.empty.closing")));
    for (std::string_view q : method::kClosingQuestions) {
        const ClosingAnswer* a = d.answer(q);
        const std::string label = w.get("closing." + std::string(q) + ".question");
        if (a && !blank(a->text)) s.blocks.push_back(entry(label, a->text));
        else if (any) s.blocks.push_back(entry(label, w.get("report.empty.answer"), true));
    }
    for (const ClosingAnswer& a : d.closing)
        if (!method::is_closing_question(a.question) && !blank(a.text)) s.blocks.push_back(entry(a.question, a.text));
    return s;
}

ReportSection actions_section(const Words& w, const Document& d, bool anonymous) {
    ReportSection s = section(w, "actions", "report.actions");
    std::vector<const ActionItem*> items;
    for (const ActionItem& a : d.actions)
        if (!blank(a.what) || !blank(a.who) || !blank(a.due)) items.push_back(&a);
    if (items.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.actions")));
        return s;
    }
    ReportBlock t = block(Kind::Table);
    t.header = {w.get("report.actions.what")};
    if (!anonymous) t.header.push_back(w.get("report.actions.who"));
    t.header.push_back(w.get("report.actions.due"));
    for (const ActionItem* a : items) {
        std::vector<std::string> row{a->what};
        if (!anonymous) row.push_back(a->who);
        row.push_back(a->due);
        t.rows.push_back(std::move(row));
        t.row_ids.push_back("action-" + std::to_string(a->id));
    }
    s.blocks.push_back(std::move(t));
    if (anonymous) s.blocks.push_back(block(Kind::Empty, w.get("report.actions.who_left_out")));
    return s;
}

ReportSection changes_section(const Words& w, const Document& older, const Document& d, const ReportInput& in) {
    // A date ("2025-11-27") reads as one ("27 november 2025"); any other label as written.
    const std::string label = in.compare_label.empty() ? w.get("report.changes.label_default") : w.date(in.compare_label);
    ReportSection s;
    s.id = "changes";
    s.heading = w.fmt("report.changes", {label});
    s.page_break = true;
    const Comparison c = compare_boards(older, d);
    s.blocks.push_back(block(Kind::Paragraph, w.fmt("report.changes.intro", {w.date(older.date)})));
    if (c.empty()) {
        s.blocks.push_back(block(Kind::Empty, w.get("report.empty.changes")));
        return s;
    }
    std::vector<std::string> unchanged;
    auto part = [&](const std::string& key, std::vector<std::string> items) {
        if (items.empty()) {
            unchanged.push_back(w.get(key));
            return;
        }
        s.blocks.push_back(block(Kind::Subheading, w.get(key)));
        s.blocks.push_back(list(std::move(items)));
    };
    auto partners = [&](const Document& doc, const std::vector<Id>& ids) {
        std::vector<std::string> out;
        for (Id id : ids) out.push_back(partner_line(w, *doc.partner(id)));
        return out;
    };
    auto moves = [&](const std::vector<Comparison::Moved>& ms) {
        std::vector<std::string> out;
        for (const auto& m : ms)
            out.push_back(w.fmt("report.changes.move", {d.partner(m.newer)->text, w.ring_label(m.ring_from),
                                                        w.ring_label(m.ring_to)}));
        return out;
    };
    auto links = [&](const std::vector<std::pair<std::string, std::string>>& ls, const Document& doc) {
        std::vector<std::string> out;
        for (const auto& [a, b] : ls)
            out.push_back(w.fmt("report.link", {a == kSchoolLinkText ? std::string_view(doc.school) : std::string_view(a), b}));
        std::sort(out.begin(), out.end());
        return out;
    };
    part("report.changes.added", partners(d, c.added));
    part("report.changes.removed", partners(older, c.removed));
    part("report.changes.closer", moves(c.closer));
    part("report.changes.further", moves(c.further));
    part("report.changes.placed", moves(c.placed));
    part("report.changes.unplaced", moves(c.unplaced));
    part("report.changes.links_added", links(c.links_added, d));
    part("report.changes.links_removed", links(c.links_removed, older));
    if (in.anonymous) {
        if (!c.priorities_changed.empty()) {
            s.blocks.push_back(block(Kind::Subheading, w.get("report.changes.priorities")));
            s.blocks.push_back(block(Kind::Empty, w.get("report.priorities.names_left_out")));
        }
    } else {
        std::vector<std::string> items;
        const std::string& none = w.get("report.changes.priority_none");
        for (const auto& p : c.priorities_changed)
            items.push_back(w.fmt("report.changes.priority", {p.name, w.role(p.role), p.from.empty() ? none : p.from,
                                                              p.to.empty() ? none : p.to}));
        part("report.changes.priorities", std::move(items));
    }
    if (c.priority_totals.empty()) {
        unchanged.push_back(w.get("report.changes.totals"));
    } else {
        s.blocks.push_back(block(Kind::Subheading, w.get("report.changes.totals")));
        ReportBlock t = block(Kind::Table);
        t.header = {w.get("report.priorities.partner"), w.fmt("report.changes.before", {w.date(older.date)}),
                    w.fmt("report.changes.after", {w.date(d.date)})};
        t.numeric = {false, true, true};
        for (const auto& p : c.priority_totals) t.rows.push_back({p.text, std::to_string(p.before), std::to_string(p.after)});
        s.blocks.push_back(std::move(t));
    }
    if (!unchanged.empty()) s.blocks.push_back(block(Kind::Empty, w.fmt("report.changes.unchanged", {join(unchanged, ", ")})));
    return s;
}

}  // namespace

ReportModel report_model(const ReportInput& in) {
    static const Document kEmpty;
    static const Strings kNoStrings;
    const Document& d = in.doc ? *in.doc : kEmpty;
    const Words w{in.s ? *in.s : kNoStrings};
    ReportModel m;
    m.lang = w.s.has("report.lang") ? w.get("report.lang") : "nl";
    m.title = w.fmt("report.title", {d.school});
    m.subtitle.push_back(w.get("report.question"));
    m.subtitle.push_back(w.fmt("report.session_date", {w.date(d.date)}));
    if (in.anonymous) m.subtitle.push_back(w.get("report.anonymous_note"));

    m.facts.emplace_back(w.get("report.fact.date"), w.date(d.date));
    m.facts.emplace_back(w.get("report.fact.plan"), w.fmt("report.fact.plan_value", {std::to_string(d.plan_minutes)}));
    m.facts.emplace_back(w.get("report.fact.phase"), w.get("phase." + std::string(phase_id(d.phase)) + ".title"));
    if (!in.anonymous) {
        const Participant* f = d.participant(d.facilitator);
        const Participant* n = d.participant(d.notetaker);
        m.facts.emplace_back(w.get("report.fact.facilitator"), f ? person(w, *f) : w.get("report.fact.not_chosen"));
        m.facts.emplace_back(w.get("report.fact.notetaker"), n ? person(w, *n) : w.get("report.fact.not_chosen"));
    }
    if (!in.anonymous && !blank(d.goal)) m.facts.emplace_back(w.get("report.fact.goal"), d.goal);
    if (!d.versions.empty()) {
        std::vector<std::string> vs;
        for (const Version& v : d.versions)
            vs.push_back(in.anonymous || blank(v.note) ? w.date(v.date) : w.fmt("report.fact.version", {w.date(v.date), v.note}));
        m.facts.emplace_back(w.get("report.fact.versions"), join(vs, "; "));
    }

    m.sections.push_back(participants_section(w, d, in.anonymous));
    m.sections.push_back(map_section(w, d, in));
    m.sections.push_back(partners_section(w, d));
    m.sections.push_back(priorities_section(w, d, in.anonymous));
    m.sections.push_back(notes_section(w, d, in.anonymous));
    m.sections.push_back(closing_section(w, d, in.anonymous));
    m.sections.push_back(actions_section(w, d, in.anonymous));
    if (in.compare_with) m.sections.push_back(changes_section(w, *in.compare_with, d, in));
    m.footer = w.get("report.footer");
    return m;
}

// ---- escaping --------------------------------------------------------------------------------

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    bool line_start = true;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line_start) {
            // Skip leading spaces (four would make code); a block marker after them is escaped.
            size_t j = i;
            while (j < text.size() && text[j] == ' ') ++j;
            if (j > i) {
                i = j - 1;
                line_start = true;
                continue;
            }
            if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>' || c == '~') {
                out += '\\';
                out += c;
                line_start = false;
                continue;
            }
            if (c >= '0' && c <= '9') {  // "1. " or "1) " would start a numbered list
                size_t k = i;
                while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
                out.append(text.substr(i, k - i));
                if (k < text.size() && (text[k] == '.' || text[k] == ')')) {
                    out += '\\';
                    out += text[k];
                    ++k;
                }
                i = k - 1;
                line_start = false;
                continue;
            }
        }
        line_start = c == '\n';
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~':
                out += '\\';
                out += c;
                break;
            case '&':  // only when it would read as an entity (&amp; &#39;)
                if (i + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#'))
                    out += '\\';
                out += c;
                break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace nk
