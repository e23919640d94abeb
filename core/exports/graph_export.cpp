#include "graph_export.hpp"

#include <array>
#include <map>
#include <set>

#include "patterns.hpp"
#include "utf8.hpp"

namespace nk {
namespace {

// Priority counts per partner: the total and per role (patterns.hpp's rules).
struct Counts {
    int total = 0;
    std::array<int, kRoleCount> by_role{};
};

std::map<Id, Counts> priority_counts(const Document& d) {
    const PatternsTable t = patterns(d);
    std::map<Id, Counts> out;
    for (size_t i = 0; i < t.partners.size(); ++i) {
        Counts& c = out[t.partners[i]];
        c.total = t.totals[i];
        for (size_t r = 0; r < kRoleCount; ++r) c.by_role[r] = t.counts[r][i];
    }
    return out;
}

// The exported ends: the school (kSchool) and every face-up partner.
std::set<Id> exported_ends(const Document& d) {
    std::set<Id> ends{kSchool};
    for (const Partner& p : d.partners)
        if (p.face_up) ends.insert(p.id);
    return ends;
}

std::string node_id(Id end) { return end == kSchool ? "school" : "p" + std::to_string(end); }

// XML text: escaped, with characters XML 1.0 forbids replaced by U+FFFD. In attribute
// values TAB, LF and CR are written as references so that a parser keeps them.
std::string xml(std::string_view raw, bool attribute) {
    const std::string s = utf8::valid(raw) ? std::string(raw) : utf8::repaired(raw);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            case '\'': out += "&apos;"; continue;
            case '\t': out += attribute ? "&#9;" : "\t"; continue;
            case '\n': out += attribute ? "&#10;" : "\n"; continue;
            case '\r': out += "&#13;"; continue;  // a bare CR would become LF when read
            default: break;
        }
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20) {
            out += "\xEF\xBF\xBD";
        } else if (b == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
            out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

void key(std::string& out, const char* for_, const std::string& name, const char* type) {
    out += "  <key id=\"" + name + "\" for=\"" + for_ + "\" attr.name=\"" + name + "\" attr.type=\"" + type + "\"/>\n";
}

void data(std::string& out, const char* indent, const std::string& k, const std::string& escaped_value) {
    out += std::string(indent) + "<data key=\"" + k + "\">" + escaped_value + "</data>\n";
}

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
std::string csv(std::string_view raw) {
    const std::string s = utf8::valid(raw) ? std::string(raw) : utf8::repaired(raw);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEol = "\r\n";

std::string_view boolean(bool b) { return b ? "true" : "false"; }

}  // namespace

std::string to_graphml(const Document& d, bool anonymous) {
    const auto counts = priority_counts(d);
    const auto ends = exported_ends(d);

    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    key(out, "graph", "school", "string");
    key(out, "graph", "date", "string");
    key(out, "graph", "goal", "string");
    key(out, "node", "kind", "string");
    key(out, "node", "label", "string");
    key(out, "node", "category", "string");
    key(out, "node", "ring", "int");
    key(out, "node", "priority_count", "int");
    for (int r = 0; r < kRoleCount; ++r)
        key(out, "node", "priority_" + std::string(role_id(static_cast<Role>(r))), "int");
    key(out, "node", "missing", "boolean");
    key(out, "node", "overrepresented", "boolean");
    out += "  <graph id=\"netwerkkaart\" edgedefault=\"undirected\">\n";
    data(out, "    ", "school", xml(d.school, false));
    data(out, "    ", "date", xml(d.date, false));
    if (!anonymous && !d.goal.empty()) data(out, "    ", "goal", xml(d.goal, false));

    out += "    <node id=\"school\">\n";
    data(out, "      ", "kind", "school");
    data(out, "      ", "label", xml(d.school, false));
    out += "    </node>\n";
    for (const Partner& p : d.partners) {
        if (!p.face_up) continue;
        const auto it = counts.find(p.id);
        const Counts c = it == counts.end() ? Counts{} : it->second;
        out += "    <node id=\"" + node_id(p.id) + "\">\n";
        data(out, "      ", "kind", "partner");
        data(out, "      ", "label", xml(p.text, false));
        data(out, "      ", "category", std::string(category_id(p.category)));
        data(out, "      ", "ring", std::to_string(p.ring));
        data(out, "      ", "priority_count", std::to_string(c.total));
        for (size_t r = 0; r < kRoleCount; ++r)
            data(out, "      ", "priority_" + std::string(role_id(static_cast<Role>(r))), std::to_string(c.by_role[r]));
        data(out, "      ", "missing", std::string(boolean(p.missing)));
        data(out, "      ", "overrepresented", std::string(boolean(p.overrepresented)));
        out += "    </node>\n";
    }
    for (const Link& l : d.links) {
        if (!ends.contains(l.from) || !ends.contains(l.to) || l.from == l.to) continue;
        out += "    <edge id=\"l" + std::to_string(l.id) + "\" source=\"" + node_id(l.from) + "\" target=\"" +
               node_id(l.to) + "\"/>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

std::string partners_csv(const Document& d) {
    const auto counts = priority_counts(d);
    std::string out(kBom);
    out += "id,text,category,ring,priority_count,missing,overrepresented";
    out += kEol;
    for (const Partner& p : d.partners) {
        if (!p.face_up) continue;
        const auto it = counts.find(p.id);
        out += std::to_string(p.id) + "," + csv(p.text) + "," + std::string(category_id(p.category)) + "," +
               std::to_string(p.ring) + "," + std::to_string(it == counts.end() ? 0 : it->second.total) + "," +
               std::string(boolean(p.missing)) + "," + std::string(boolean(p.overrepresented));
        out += kEol;
    }
    return out;
}

std::string links_csv(const Document& d) {
    const auto ends = exported_ends(d);
    auto end_text = [&](Id e) -> std::string {
        if (e == kSchool) return d.school;
        const Partner* p = d.partner(e);
        return p ? p->text : std::string();
    };
    std::string out(kBom);
    out += "id,from,to,from_text,to_text";
    out += kEol;
    for (const Link& l : d.links) {
        if (!ends.contains(l.from) || !ends.contains(l.to) || l.from == l.to) continue;
        auto end = [](Id e) { return e == kSchool ? std::string("school") : std::to_string(e); };
        out += std::to_string(l.id) + "," + end(l.from) + "," + end(l.to) + "," + csv(end_text(l.from)) + "," +
               csv(end_text(l.to));
        out += kEol;
    }
    return out;
}

}  // namespace nk
