// The brainstorm (phase 2A) on the real binary, with fingers only: writers type at once
// on their own stations, along the bottom of a wall and round a table, and nothing the
// facilitator needs (phase bar, undo, the reveal, the facilitator's corner) or any
// revealed post-it ends up under a station. What was written stays private until the
// reveal. Where things were comes from the replay's `layout` dump.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "layout_file.hpp"

namespace nk::test {
namespace {

const char* kTeam =
    R"({"format_version": 2, "school": "Basisschool De Linde", "date": "2026-11-29", "phase": "2a",
        "participants": [{"id":1,"name":"An","role":"leraar"},{"id":2,"name":"Bram","role":"directie"},
                         {"id":3,"name":"Chloé","role":"zorgcoordinator"},{"id":4,"name":"Dirk","role":"leraar"},
                         {"id":5,"name":"Emma","role":"beleidsondersteuner"}],
        "partners": [], "links": [], "priorities": []})";

struct Writer {
    const char* open;   // station.open.<edge>
    int number;         // the slot it must get
    Id who;             // 0: anonymous
    Side side;
    std::vector<std::string> texts;
};

std::string choose(const Writer& w) {
    const std::string st = "station." + std::to_string(w.number);
    return w.who ? "tap @ui:" + st + ".participant." + std::to_string(w.who) + " finger 2\n"
                 : "tap @ui:" + st + ".anonymous finger 2\n";
}

// Opens every writer's station, lets them choose who writes, types all their texts
// interleaved (one post-it of each writer in turn), dumps the layout, reveals, dumps again.
std::string script(const std::vector<Writer>& writers) {
    std::string s;
    for (const Writer& w : writers) s += std::string("tap @ui:") + w.open + " finger 1\nframes 2\n";
    for (const Writer& w : writers) s += choose(w);
    s += "frames 2\n";
    for (std::size_t i = 0;; ++i) {
        bool any = false;
        for (const Writer& w : writers) {
            if (i >= w.texts.size()) continue;
            any = true;
            s += "type " + std::to_string(w.number) + " \"" + w.texts[i] + "\"\n";
        }
        for (const Writer& w : writers)
            if (i < w.texts.size()) s += "tap @kbd:" + std::to_string(w.number) + ":enter finger 3\n";
        if (!any) break;
    }
    s += "frames 2\nsave hidden.json\nlayout hidden.txt\nscreenshot hidden.png\n"
         "tap @ui:brainstorm.reveal finger 5\nframes 3\n"
         "save revealed.json\nlayout revealed.txt\nscreenshot revealed.png\nquit\n";
    return s;
}

void expect_written(const Document& hidden, const Document& shown, const std::vector<Writer>& writers) {
    std::size_t total = 0;
    for (const Writer& w : writers) total += w.texts.size();
    ASSERT_EQ(hidden.partners.size(), total);
    ASSERT_EQ(shown.partners.size(), total);
    for (const Writer& w : writers)
        for (const std::string& text : w.texts) {
            int found = 0;
            for (std::size_t i = 0; i < hidden.partners.size(); ++i) {
                const Partner& h = hidden.partners[i];
                if (h.text != text) continue;
                ++found;  // exactly the typed text, once, by its writer, from their side
                EXPECT_EQ(h.author, w.who) << text;
                EXPECT_EQ(h.side, w.side) << text;
                EXPECT_FALSE(h.face_up) << text << " was readable before the reveal";
                EXPECT_TRUE(shown.partners[i].face_up) << text;
                EXPECT_EQ(shown.partners[i].ring, 0) << text << " should wait in a parking lane";
            }
            EXPECT_EQ(found, 1) << text;
        }
}

// What the facilitator needs stays on screen and reachable: each control's centre inside
// the window and under no panel drawn after its own (a station is drawn after all).
void expect_reachable(const Layout& l, const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        ASSERT_EQ(l.controls.count(id), 1u) << id << " is not on screen";
        EXPECT_EQ(l.covered(id), "") << id;
    }
    for (const std::string& why : l.covered_controls()) ADD_FAILURE() << why;
}

// Every station stands where its number says, and its letter keys are finger-sized.
void expect_stations(const Layout& l, const std::vector<Writer>& writers) {
    for (const Writer& w : writers) {
        const std::string id = "station." + std::to_string(w.number);
        const Layout::Box* box = l.panel(id);
        ASSERT_NE(box, nullptr) << id << " is not in the layout";
        const double gap = 1;  // standing against its edge
        switch (w.side) {
            case Side::Bottom: EXPECT_NEAR(box->y1, l.h, gap) << id; break;
            case Side::Top: EXPECT_NEAR(box->y0, 0, gap) << id; break;
            case Side::Left: EXPECT_NEAR(box->x0, 0, gap) << id; break;
            case Side::Right: EXPECT_NEAR(box->x1, l.w, gap) << id; break;
        }
        const auto kb = l.keyboards.find(w.number);
        ASSERT_NE(kb, l.keyboards.end()) << "keyboard " << w.number;
        EXPECT_GE(kb->second.key_px, 40.0 * l.h / 1080 - 0.05) << "keyboard " << w.number << "'s letter keys";
        for (const Layout::Panel& p : l.panels)
            if (p.id != id) {
                EXPECT_FALSE(p.box.overlaps(*box)) << id << " overlaps " << p.id;
            }
    }
}

// Along the bottom the numbers run left to right; along the top right to left on screen
// (left to right for the writers there, who face the other way).
void expect_numbered_in_order(const Layout& l, const std::vector<Writer>& writers) {
    for (const Writer& a : writers)
        for (const Writer& b : writers) {
            if (a.side != b.side || a.number >= b.number || !l.panel("station." + std::to_string(a.number)) ||
                !l.panel("station." + std::to_string(b.number)))
                continue;
            const double xa = l.panel("station." + std::to_string(a.number))->x0;
            const double xb = l.panel("station." + std::to_string(b.number))->x0;
            if (a.side == Side::Bottom) {
                EXPECT_LT(xa, xb) << a.number << " should stand left of " << b.number;
            } else if (a.side == Side::Top) {
                EXPECT_GT(xa, xb) << a.number << " should stand right of " << b.number << " on screen";
            }
        }
}

void expect_no_post_it_under_a_panel(const Layout& l) {
    ASSERT_FALSE(l.notes.empty());
    for (const std::string& why : l.notes_under_panels()) ADD_FAILURE() << why;
}

const std::vector<std::string> kFacilitator = {"phase.prev", "phase.next", "phase.2b", "undo",
                                               "redo",       "note.add",   "brainstorm.reveal", "facilitator.hold"};

void run_brainstorm(const std::vector<std::string>& args, const std::vector<Writer>& writers) {
    TempDir dir;
    write_file(dir.file("team.json"), kTeam);
    write_file(dir.file("s.txt"), script(writers));
    std::vector<std::string> all = {dir.file("team.json")};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--replay", dir.file("s.txt")});
    const RunResult r = run_app(all, dir.file("data"), 400);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document hidden = load_board(dir.file("hidden.json"));
    const Document shown = load_board(dir.file("revealed.json"));
    expect_written(hidden, shown, writers);
    const Layout before = read_layout(dir.file("hidden.txt")), after = read_layout(dir.file("revealed.txt"));
    ASSERT_TRUE(before.ok() && after.ok());
    expect_reachable(before, kFacilitator);
    expect_reachable(after, kFacilitator);
    expect_stations(before, writers);
    expect_numbered_in_order(before, writers);
    expect_no_post_it_under_a_panel(after);
}

TEST(Brainstorm, FourWritersTypeAtOnceAlongTheBottomOfAWall) {
    // Numbered 1 to 4 from left to right (expect_numbered_in_order).
    run_brainstorm({"--windowed", "1920x1080"},
                   {{"station.open.bottom", 1, 1, Side::Bottom, {"Pedagogische begeleidingsdienst", "CLB"}},
                    {"station.open.bottom", 2, 2, Side::Bottom, {"Coördinatie zorg", "Gemeente: jeugddienst"}},
                    {"station.open.bottom", 3, 3, Side::Bottom, {"École"}},
                    {"station.open.bottom", 4, 0, Side::Bottom, {"Hogeschool: lerarenopleiding"}}});
}

TEST(Brainstorm, SixWritersTypeAtOnceRoundATable) {
    // Opened in this order, each takes its slot: numbers never follow the order of opening.
    run_brainstorm({"--layout", "table", "--windowed", "1920x1080"},
                   {{"station.open.top", 4, 4, Side::Top, {"Bibliotheek"}},
                    {"station.open.bottom", 1, 1, Side::Bottom, {"Pedagogische begeleidingsdienst", "CLB"}},
                    {"station.open.left", 6, 0, Side::Left, {"Hogeschool: lerarenopleiding"}},
                    {"station.open.right", 3, 3, Side::Right, {"École"}},
                    {"station.open.bottom", 2, 2, Side::Bottom, {"Coördinatie zorg", "Gemeente: jeugddienst"}},
                    {"station.open.top", 5, 5, Side::Top, {"Sportclub"}}});
}

}  // namespace
}  // namespace nk::test
