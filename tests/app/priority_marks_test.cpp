// Priorities the room can read (issue 15, deliverable 4), on the real binary with fingers:
// six pens draw circles by hand in phase 2C; each circle settles into a mark on its post-it
// (the count and the initials, at least 20 px at 1080p), the hand-drawn circles come back
// with `priorities.circles` and go again, and "Who chooses what?" opens as a panel the map
// makes room for: it covers no control, no post-it and no mark.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "finger_strokes.hpp"

namespace nk::test {
namespace {
constexpr int kW = 1920, kH = 1080;

std::string pen_circle(int finger, Vec2 c, const View& v, double phase) {
    return nk::test::circle_script(finger, c, v, phase, 112, 76, kW, kH);
}

const Partner* by_text(const Document& d, const std::string& text) {
    for (const Partner& p : d.partners)
        if (p.text == text) return &p;
    return nullptr;
}

TEST(PriorityMarks, CirclesSettleIntoMarksTheCirclesToggleAndTheChartHasItsOwnSpace) {
    TempDir dir;
    // The 25-partner board with its six participants, before anyone chose.
    Document board = load_board(std::string(NK_TEST_DATA) + "/board-25.json");
    ASSERT_EQ(board.participants.size(), 6u);
    board.priorities.clear();
    write_file(dir.file("board.json"), serialize_board(board));
    const std::vector<std::string> args = {dir.file("board.json"), "--windowed", "1920x1080", "--phase", "2c"};

    // Where the map stands in phase 2C: the circles are drawn round board points.
    write_file(dir.file("look.txt"), "frames 6\nlayout look.txt\nquit\n");
    std::vector<std::string> a = args;
    a.insert(a.end(), {"--replay", dir.file("look.txt")});
    RunResult r = run_app(a, dir.file("data-look"), 120);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Layout look = read_layout(dir.file("look.txt"));
    ASSERT_TRUE(look.ok());
    EXPECT_TRUE(look.marks.empty()) << "nobody chose yet: no marks";
    // The criteria of a priority stand on screen, in the pen tray.
    EXPECT_EQ(look.covered("priorities.criteria"), "");
    const View v{look.scale, {look.ox, look.oy}};

    // Three pens round one post-it, two round another, one round a third.
    const char* choice[] = {"Erfgoedcel", "Erfgoedcel", "Erfgoedcel", "Bibliotheek", "Bibliotheek", "Welzijnsschakel"};
    std::string s = "frames 3\n";
    for (int i = 0; i < 6; ++i) {
        const Partner* p = by_text(board, choice[i]);
        ASSERT_TRUE(p) << choice[i];
        s += "tap @ui:pen." + std::to_string(board.participants[size_t(i)].id) + " finger 1\nframes 2\n";
        s += pen_circle(10 + i, {p->x, p->y}, v, 0.5 * i);
    }
    s += "frames 3\nlayout marks.txt\nscreenshot marks.png\n";
    s += "tap @ui:priorities.circles finger 1\nframes 3\nlayout circles.txt\nscreenshot circles.png\n";
    s += "tap @ui:priorities.circles finger 1\nframes 3\nlayout hidden.txt\n";
    s += "tap @ui:patterns.show finger 1\nframes 6\nlayout chart.txt\nscreenshot chart.png\n";
    s += "save final.json\nquit\n";
    write_file(dir.file("pens.txt"), s);
    a = args;
    a.insert(a.end(), {"--replay", dir.file("pens.txt")});
    r = run_app(a, dir.file("data"), 240);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // Every circle became its pen's priority; the board file keeps the strokes.
    const Document d = load_board(dir.file("final.json"));
    ASSERT_EQ(d.priorities.size(), 6u);
    for (const Priority& pr : d.priorities) {
        EXPECT_GE(pr.stroke.size(), 3u);
        EXPECT_EQ(d.partner(pr.partner)->text, choice[pr.participant - board.participants[0].id]);
    }
    const Id erfgoed = by_text(d, "Erfgoedcel")->id, biblio = by_text(d, "Bibliotheek")->id,
             welzijn = by_text(d, "Welzijnsschakel")->id;

    // One mark row per chosen post-it, with its count, on its post-it, readable from 2 m.
    const Layout marks = read_layout(dir.file("marks.txt"));
    ASSERT_TRUE(marks.ok());
    ASSERT_EQ(marks.marks.size(), 3u);
    const std::map<Id, int> expected = {{erfgoed, 3}, {biblio, 2}, {welzijn, 1}};
    for (const auto& [id, count] : expected) {
        ASSERT_TRUE(marks.marks.count(id)) << "no mark on post-it " << id;
        const Layout::Mark& m = marks.marks.at(id);
        EXPECT_EQ(m.count, count) << id;
        EXPECT_GE(m.discs, 1) << id;
        EXPECT_LE(m.discs, count) << id << ": at most one disc per participant (or a +N)";
        EXPECT_GE(m.text_px, 20.0) << "initials at 1080p";
        ASSERT_TRUE(marks.notes.count(id));
        const Layout::Box& note = marks.notes.at(id).box;
        EXPECT_NEAR(m.box.cx(), note.cx(), 2.0) << "the row is centred on its post-it";
        const bool on_bottom = m.box.y0 < note.y1 && m.box.y1 > note.y1, on_top = m.box.y0 < note.y0 && m.box.y1 > note.y0;
        EXPECT_TRUE(on_bottom || on_top) << "the row sits on the post-it's bottom (or top) edge";
        EXPECT_LE(m.box.x1 - m.box.x0, note.x1 - note.x0 + 2 * (m.box.y1 - m.box.y0))
            << "several marks sit side by side within the post-it's width (a +N for the rest)";
    }
    for (const auto& [id, m] : marks.marks)
        for (const auto& [other, o] : marks.marks)
            if (id < other) {
                EXPECT_FALSE(m.box.overlaps(o.box)) << "marks of post-its " << id << " and " << other;
            }
    for (const auto& [id, m] : marks.marks)
        for (const Layout::Panel& p : marks.panels)
            if (p.id != "legend") {  // in 2C the legend lies behind the map's panels, not over it
                EXPECT_FALSE(m.box.overlaps(p.box)) << "mark on post-it " << id << " under panel " << p.id;
            }
    EXPECT_TRUE(marks.circles.empty()) << "the hand-drawn circles are hidden at first";

    // The circles come back, each round the post-it it chose, and go again.
    const Layout circles = read_layout(dir.file("circles.txt"));
    ASSERT_EQ(circles.circles.size(), 6u);
    for (const Layout::Circle& c : circles.circles) {
        ASSERT_TRUE(circles.notes.count(c.partner));
        const Layout::Box& note = circles.notes.at(c.partner).box;
        EXPECT_TRUE(c.box.contains(note.cx(), note.cy())) << "circle of participant " << c.participant;
    }
    EXPECT_EQ(circles.marks.size(), 3u) << "the marks stay while the circles are shown";
    const Layout hidden = read_layout(dir.file("hidden.txt"));
    EXPECT_TRUE(hidden.circles.empty());
    EXPECT_EQ(hidden.marks.size(), 3u);

    // The chart: a panel of its own, the map refitted clear of it.
    const Layout chart = read_layout(dir.file("chart.txt"));
    const Layout::Box* panel = chart.panel("patterns");
    ASSERT_TRUE(panel);
    EXPECT_GE(panel->x1 - panel->x0, 400.0) << "large enough for the room";
    for (const std::string& why : chart.covered_controls()) ADD_FAILURE() << why;
    for (const std::string& why : chart.notes_under_panels()) ADD_FAILURE() << why;
    for (const auto& [id, m] : chart.marks) EXPECT_FALSE(m.box.overlaps(*panel)) << "mark on post-it " << id << " under the chart";
    for (const char* role : {"leraar", "directie", "beleidsondersteuner", "zorgcoordinator", "extern"})
        EXPECT_EQ(chart.covered(std::string("patterns.role.") + role), "") << role;
    // The map made room for the chart: moved aside, or smaller where there was no room.
    EXPECT_TRUE(chart.scale < hidden.scale || chart.ox < hidden.ox - 20) << "the map made room for the chart";
}

}  // namespace
}  // namespace nk::test
