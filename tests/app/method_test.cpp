// The method on the real binary (issue 15, "the method, complete and faithful"): in phase 1
// the team types by finger what it wants to get out of the conversation (`intro.goal`),
// which the board file and the report (HTML and Markdown) carry; in phase 2B the hints on
// distance, kinds and lines stand beside the map, never over it, at a wall and a table,
// in 1080p and 4K.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "app_runner.hpp"
#include "layout_file.hpp"
#include "strings.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";
const fs::path kLang = fs::path(NK_TEST_DATA) / ".." / ".." / "assets" / "lang";
constexpr const char* kGoal = "Weten wie ons helpt bij grensoverschrijdend gedrag";

std::string file_with(const fs::path& dir, const std::string& ext) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ext) return read_file(e.path().string());
    return "";
}

TEST(Method, TheGoalTypedByFingerInPhaseOneIsKeptInTheBoardAndTheReport) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "tap @ui:intro.goal finger 1\nframes 2\n"
               "type 0 \"" + std::string(kGoal) + "\"\nframes 2\n"
               "layout typing.layout\n"
               "tap @kbd:0:done finger 2\nframes 2\n"
               "layout done.layout\nsave goal.json\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "1", "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // While typing, keyboard 0 stands clear of the field, which shows what is typed.
    const Layout typing = read_layout(dir.file("typing.layout"));
    ASSERT_TRUE(typing.controls.count("intro.goal"));
    ASSERT_TRUE(typing.keyboards.count(0)) << "keyboard 0 did not open on the goal field";
    EXPECT_FALSE(typing.keyboards.at(0).box.overlaps(typing.controls.at("intro.goal").box));
    EXPECT_EQ(typing.covered("intro.goal"), "");
    // Done: the keyboard closed, the field is still there, on the intro page.
    const Layout done = read_layout(dir.file("done.layout"));
    EXPECT_FALSE(done.keyboards.count(0));
    ASSERT_TRUE(done.controls.count("intro.goal"));
    EXPECT_EQ(done.controls.at("intro.goal").panel, "intro");

    const Document d = load_board(dir.file("goal.json"));
    EXPECT_EQ(d.goal, kGoal);
    EXPECT_NE(read_file(dir.file("goal.json")).find("\"goal\": \"" + std::string(kGoal) + "\""), std::string::npos);

    // The report, in both of its forms, says it under its own label.
    ASSERT_EQ(run_app({dir.file("goal.json"), "--export", dir.file("out")}, dir.file("data2")).exit_code, 0);
    const Strings nl = Strings::load((kLang / "nl-report.txt").string());
    for (const char* ext : {".html", ".md"}) {
        const std::string report = file_with(dir.file("out"), ext);
        ASSERT_FALSE(report.empty()) << "no " << ext << " report";
        const auto label = report.find(nl.get("report.fact.goal"));
        EXPECT_NE(label, std::string::npos) << ext;
        EXPECT_NE(report.find(kGoal, label == std::string::npos ? 0 : label), std::string::npos) << ext;
    }
}

// Whether the box lies wholly outside the circle (cx, cy, r).
bool outside(const Layout::Box& b, double cx, double cy, double r) {
    const double nx = std::clamp(cx, b.x0, b.x1), ny = std::clamp(cy, b.y0, b.y1);
    return std::hypot(nx - cx, ny - cy) > r;
}

TEST(Method, TheMapHintsStandBesideTheMapInPhase2B) {
    struct Screen { const char* size; const char* layout; };
    for (const Screen s : {Screen{"1920x1080", "wall"}, Screen{"3840x2160", "wall"}, Screen{"1920x1080", "table"}}) {
        SCOPED_TRACE(std::string(s.size) + " " + s.layout);
        TempDir dir;
        write_file(dir.file("s.txt"), "frames 5\nlayout map.layout\ntap @ui:phase.2c finger 1\nframes 5\n"
                                      "layout priorities.layout\nquit\n");
        const RunResult r = run_app({kBoard25, "--phase", "2b", "--layout", s.layout, "--windowed", s.size, "--replay",
                                     dir.file("s.txt")},
                                    dir.file("data"));
        ASSERT_EQ(r.exit_code, 0) << r.output;
        const Layout l = read_layout(dir.file("map.layout"));
        ASSERT_TRUE(l.panel("maphints")) << "phase 2B shows no hints";
        ASSERT_TRUE(l.rings.count(3));
        const Layout::Ring& ring = l.rings.at(3);
        const double k = l.h / 1080.0;
        for (const char* id : {"map.hint.distance", "map.hint.kinds", "map.hint.lines"}) {
            ASSERT_TRUE(l.controls.count(id)) << id;
            const Layout::Box& b = l.controls.at(id).box;
            EXPECT_EQ(l.controls.at(id).panel, "maphints") << id;
            EXPECT_EQ(l.covered(id), "") << id;
            // A hint is a few lines of text readable from two metres: at least two lines
            // of 20 px at 1080p, inside the window.
            EXPECT_GE(b.y1 - b.y0, 2 * 20 * k) << id;
            EXPECT_GE(b.x0, 0);
            EXPECT_LE(b.x1, l.w);
            EXPECT_LE(b.y1, l.h);
        }
        // Never over the map: clear of the rings and of every post-it, and of the legend.
        const Layout::Box& hints = *l.panel("maphints");
        EXPECT_TRUE(outside(hints, ring.cx, ring.cy, ring.r)) << "the hints lie over ring 3";
        for (const auto& [id, n] : l.notes) EXPECT_FALSE(hints.overlaps(n.box)) << "over the post-it " << n.text;
        const Layout::Box* legend = l.panel("legend");
        ASSERT_TRUE(legend);
        EXPECT_FALSE(hints.overlaps(*legend));
        for (const std::string& why : l.notes_under_panels()) ADD_FAILURE() << why;
        // They belong to 2B: the priorities have their own panels.
        const Layout p = read_layout(dir.file("priorities.layout"));
        EXPECT_FALSE(p.panel("maphints"));
        EXPECT_FALSE(p.controls.count("map.hint.distance"));
    }
}

}  // namespace
}  // namespace nk::test
