// What a replay's `layout FILE` wrote (docs/replay.md, layout): where things were in the
// last frame drawn, in window pixels. The reader ignores unknown line kinds and unknown
// trailing pairs, and fails (read_layout throws std::runtime_error naming the line) on a
// malformed line of a kind it knows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document.hpp"

namespace nk::test {

struct Layout {
    struct Box {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
        bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
        double cx() const { return (x0 + x1) / 2; }
        double cy() const { return (y0 + y1) / 2; }
    };
    struct Panel {
        std::string id;
        Box box;
    };
    struct Control {
        Box box;
        std::string panel;  // "-" when it sits on no panel
    };
    struct Keyboard {
        Box box;
        double key_px = 0;  // the narrowest letter key's width
    };
    struct Note {
        Box box;
        std::string text;
        double text_px = 0;  // the font size of its smallest text line
    };
    struct Mark {           // a chosen post-it's priority marks
        Box box;            // round the whole row (count badge and discs)
        double count = 0;   // participants who chose it
        double discs = 0;   // discs drawn (initials, and a "+N" one when not all fit)
        double text_px = 0; // font size of the initials
    };
    struct Circle {         // a hand-drawn priority circle, shown (`priorities.circles`)
        Id participant = 0, partner = 0;
        Box box;
    };
    struct Text {
        Box box;             // the whole block (recorded only when shown in full)
        double px = 0;       // the font size it is drawn at
        std::string panel;   // "-" when it sits on no panel
    };
    struct Ring {
        double cx = 0, cy = 0, r = 0;
    };
    struct RingLabel {       // a ring's label (1-3), or the zone outside the rings' (4)
        Box box;
        double px = 0;       // its font size
    };

    int w = 0, h = 0;
    double scale = 0, ox = 0, oy = 0;  // the view: screen = origin + board * scale
    std::vector<Panel> panels;          // in drawing order, back to front
    std::map<std::string, Control> controls;
    std::map<int, Keyboard> keyboards;
    std::map<Id, Note> notes;           // face-up post-its of the board shown, by id
    std::map<int, Ring> rings;          // 1..3
    std::map<int, RingLabel> ring_labels;  // by ring, 4 the zone outside
    std::map<Id, Mark> marks;           // by post-it id
    std::vector<Circle> circles;        // only while the circles are shown
    std::map<std::string, Text> texts;  // text blocks by string key (card.f1.actoren.title)

    bool ok() const { return w > 0; }
    // The panel control `id` sits on; null when there is none.
    const Box* panel_of(const std::string& id) const;
    const Box* panel(const std::string& id) const;
    // Why control `id` cannot be reached, or "" when it can: its centre lies under a panel
    // drawn after its own (any panel, for a control on none), or outside the window.
    std::string covered(const std::string& id) const;
    // Why text `key` cannot be read in full, or "" when it can: not listed (not shown, cut
    // or scrolled away), outside the window or its panel, or a corner or its centre under a
    // panel drawn after its own.
    std::string text_hidden(const std::string& key) const;
    // Every control that is covered, each with why.
    std::vector<std::string> covered_controls() const;
    // Every face-up post-it that overlaps a panel or leaves the window, each with why.
    std::vector<std::string> notes_under_panels() const;
};

Layout read_layout(const std::string& path);
// The same, from the file's text; `name` names it in messages.
Layout parse_layout(const std::string& text, const std::string& name = "layout");

}  // namespace nk::test
