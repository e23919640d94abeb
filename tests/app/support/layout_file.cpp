#include "layout_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace nk::test {

namespace {
std::string box_text(const Layout::Box& b) {
    std::ostringstream o;
    o << "(" << b.x0 << "," << b.y0 << " - " << b.x1 << "," << b.y1 << ")";
    return o.str();
}

// The text of a note's `@note:"TEXT"` field: quotes, with \" and \\ escaped.
bool read_note_target(std::istringstream& ls, std::string& text) {
    ls >> std::ws;
    const std::string prefix = "@note:\"";
    for (char c : prefix)
        if (ls.get() != c) return false;
    for (int c; (c = ls.get()) != EOF;) {
        if (c == '"') return true;
        if (c == '\\') {
            c = ls.get();
            if (c == EOF) return false;
        }
        text += char(c);
    }
    return false;
}

// Trailing `NAME VALUE` pairs; returns false when one is cut short.
bool read_pairs(std::istringstream& ls, std::map<std::string, std::string>& pairs) {
    for (std::string k; ls >> k;) {
        std::string v;
        if (!(ls >> v)) return false;
        pairs[k] = v;
    }
    return true;
}

bool number(const std::map<std::string, std::string>& pairs, const std::string& k, double& out) {
    auto it = pairs.find(k);
    if (it == pairs.end()) return false;
    try {
        size_t used = 0;
        out = std::stod(it->second, &used);
        return used == it->second.size();
    } catch (const std::exception&) {
        return false;
    }
}
}  // namespace

Layout parse_layout(const std::string& text, const std::string& name) {
    Layout out;
    std::istringstream in(text);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        auto bad = [&] { throw std::runtime_error(name + ":" + std::to_string(line_no) + ": malformed line: " + line); };
        std::istringstream ls(line);
        std::string what;
        if (!(ls >> what) || what[0] == '#') continue;
        Layout::Box b;
        std::map<std::string, std::string> pairs;
        if (what == "window") {
            if (!(ls >> out.w >> out.h)) bad();
        } else if (what == "view") {
            if (!(ls >> out.scale >> out.ox >> out.oy)) bad();
        } else if (what == "panel") {
            Layout::Panel p;
            if (!(ls >> p.id >> p.box.x0 >> p.box.y0 >> p.box.x1 >> p.box.y1)) bad();
            out.panels.push_back(p);
        } else if (what == "control") {
            std::string id;
            if (!(ls >> id >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) || !pairs.count("panel")) bad();
            out.controls[id] = {b, pairs["panel"]};
        } else if (what == "keyboard") {
            int n = 0;
            double px = 0;
            if (!(ls >> n >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) || !number(pairs, "key", px)) bad();
            out.keyboards[n] = {b, px};
        } else if (what == "note") {
            Id id = 0;
            Layout::Note n;
            double px = 0;
            if (!(ls >> id >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_note_target(ls, n.text) || !read_pairs(ls, pairs) ||
                !number(pairs, "text", px))
                bad();
            n.box = b;
            n.text_px = px;
            out.notes[id] = n;
        } else if (what == "mark") {
            Id id = 0;
            Layout::Mark m;
            if (!(ls >> id >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) || !number(pairs, "count", m.count) ||
                !number(pairs, "discs", m.discs) || !number(pairs, "text", m.text_px))
                bad();
            m.box = b;
            out.marks[id] = m;
        } else if (what == "circle") {
            Layout::Circle c;
            double partner = 0;
            if (!(ls >> c.participant >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) ||
                !number(pairs, "partner", partner))
                bad();
            c.box = b;
            c.partner = Id(partner);
            out.circles.push_back(c);
        } else if (what == "text") {
            std::string key;
            Layout::Text t;
            if (!(ls >> key >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) || !number(pairs, "px", t.px) ||
                !pairs.count("panel"))
                bad();
            t.box = b;
            t.panel = pairs["panel"];
            out.texts[key] = t;
        } else if (what == "ringlabel") {
            int n = 0;
            Layout::RingLabel l;
            if (!(ls >> n >> b.x0 >> b.y0 >> b.x1 >> b.y1) || !read_pairs(ls, pairs) || !number(pairs, "px", l.px)) bad();
            l.box = b;
            out.ring_labels[n] = l;
        } else if (what == "ring") {
            int n = 0;
            Layout::Ring r;
            if (!(ls >> n >> r.cx >> r.cy >> r.r)) bad();
            out.rings[n] = r;
        }
    }
    return out;
}

Layout read_layout(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return {};
    std::stringstream ss;
    ss << f.rdbuf();
    return parse_layout(ss.str(), path);
}

const Layout::Box* Layout::panel(const std::string& id) const {
    for (const Panel& p : panels)
        if (p.id == id) return &p.box;
    return nullptr;
}

const Layout::Box* Layout::panel_of(const std::string& id) const {
    auto c = controls.find(id);
    return c == controls.end() ? nullptr : panel(c->second.panel);
}

std::string Layout::covered(const std::string& id) const {
    auto it = controls.find(id);
    if (it == controls.end()) return "control " + id + " is not on screen";
    const Control& c = it->second;
    const double x = c.box.cx(), y = c.box.cy();
    if (x < 0 || y < 0 || x >= w || y >= h) return "control " + id + " " + box_text(c.box) + " is outside the window";
    bool after_own = c.panel == "-";
    for (const Panel& p : panels) {
        if (after_own && p.box.contains(x, y))
            return "control " + id + " " + box_text(c.box) + " (panel " + c.panel + ") lies under panel " + p.id + " " +
                   box_text(p.box);
        if (p.id == c.panel) after_own = true;
    }
    return {};
}

std::string Layout::text_hidden(const std::string& key) const {
    auto it = texts.find(key);
    if (it == texts.end()) return "text " + key + " is not shown in full";
    const Text& t = it->second;
    const std::string what = "text " + key + " " + box_text(t.box);
    if (t.box.x0 < 0 || t.box.y0 < 0 || t.box.x1 > w || t.box.y1 > h) return what + " leaves the window";
    const Box* own = panel(t.panel);
    if (t.panel != "-" && !own) return what + " sits on panel " + t.panel + ", which is not drawn";
    if (own && (t.box.x0 < own->x0 || t.box.y0 < own->y0 || t.box.x1 > own->x1 || t.box.y1 > own->y1))
        return what + " leaves its panel " + t.panel + " " + box_text(*own);
    const double xs[] = {t.box.x0 + 0.5, t.box.cx(), t.box.x1 - 0.5}, ys[] = {t.box.y0 + 0.5, t.box.cy(), t.box.y1 - 0.5};
    bool after_own = t.panel == "-";
    for (const Panel& p : panels) {
        if (after_own)
            for (double x : xs)
                for (double y : ys)
                    if (p.box.contains(x, y)) return what + " lies under panel " + p.id + " " + box_text(p.box);
        if (p.id == t.panel) after_own = true;
    }
    return {};
}

std::vector<std::string> Layout::covered_controls() const {
    std::vector<std::string> out;
    for (const auto& [id, c] : controls)
        if (std::string why = covered(id); !why.empty()) out.push_back(why);
    return out;
}

std::vector<std::string> Layout::notes_under_panels() const {
    std::vector<std::string> out;
    for (const auto& [id, n] : notes) {
        const std::string what = "post-it '" + n.text + "' " + box_text(n.box);
        if (n.box.x0 < 0 || n.box.y0 < 0 || n.box.x1 > w || n.box.y1 > h) out.push_back(what + " leaves the window");
        for (const Panel& p : panels)
            if (n.box.overlaps(p.box)) out.push_back(what + " lies under panel " + p.id + " " + box_text(p.box));
    }
    return out;
}

}  // namespace nk::test
