// The real binary, headless: replay scripts drive it, and we check the board file it
// saves and the pixels of its snapshots, as a person would look at them.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "palette.hpp"
#include "app_runner.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
const std::string kGolden = std::string(NK_TEST_DATA) + "/board-v1.json";

// The view the app fits on a 1920x1080 window at UI scale 1 in the map phases
// (app.cpp, compute_fitted: below the phase bar and its hint, above the buttons).
// Where the map stands on a 1920x1080 window started with `args` (a board file, ...).
View screen_view(std::vector<std::string> args) {
    args.insert(args.end(), {"--windowed", "1920x1080"});
    return settled_view(args);
}
// The view of a snapshot of w x h (snapshot.cpp): the whole map, fitted.
View snapshot_view(const Document& d, int w, int h) {
    const double k = h / 1080.0;
    return fit_content(d, 0, 130 * k, w, h - 20 * k);
}

const Partner* by_text(const Document& d, const std::string& text) {
    for (const Partner& p : d.partners)
        if (p.text == text) return &p;
    return nullptr;
}

std::string norm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}

TEST(Snapshot, ShowsTheSchoolAndEachPostItWhereTheFileSays) {
    TempDir dir;
    const std::string out = dir.file("map.png");
    const RunResult r = run_app({kGolden, "--snapshot", out, "--size", "1920x1080"}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Png png = read_png(out);
    ASSERT_EQ(png.w, 1920);
    ASSERT_EQ(png.h, 1080);
    const Document doc = load_board(kGolden);
    const View v = snapshot_view(doc, 1920, 1080);
    // The school node: dark blue-grey at the centre, left of its name.
    const Vec2 school = v.to_screen({-geo::kSchoolRx * 0.8, 0});
    EXPECT_TRUE(near(png.mean(int(school.x), int(school.y), 2), {30, 58, 74, 255}, 12));
    // Each post-it's category fill at its centre-left (away from the text).
    ASSERT_GE(doc.partners.size(), 5u);
    for (const Partner& p : doc.partners) {
        if (p.rotation != 0) continue;
        const Vec2 s = v.to_screen({p.x - geo::kNoteW * 0.42, p.y + geo::kNoteH * 0.38});
        const auto c = png.mean(int(s.x), int(s.y), 1);
        // Post-it fills are light and coloured, never the paper's off-white.
        EXPECT_FALSE(near(c, {250, 246, 238, 255}, 6)) << p.text << " missing at " << s.x << "," << s.y;
        EXPECT_GT(c.r + c.g + c.b, 450) << p.text;
    }
}

TEST(Snapshot, FourKIsSharpAndTheSameMap) {
    TempDir dir;
    const std::string out = dir.file("map4k.png");
    const RunResult r = run_app({kGolden, "--snapshot", out, "--size", "3840x2160"}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Png png = read_png(out);
    ASSERT_EQ(png.w, 3840);
    const View v = snapshot_view(load_board(kGolden), 3840, 2160);
    const Vec2 school = v.to_screen({-geo::kSchoolRx * 0.8, 0});
    EXPECT_TRUE(near(png.mean(int(school.x), int(school.y), 3), {30, 58, 74, 255}, 12));
}

TEST(Snapshot, UnreadableBoardGivesATeachersMessageAndNoImage) {
    TempDir dir;
    const std::string bad = dir.file("kapot.json");
    write_file(bad, "{\"format_version\": 1, \"partners\": [ {\"id\": 1, ");
    const std::string out = dir.file("map.png");
    const RunResult r = run_app({bad, "--snapshot", out}, dir.file("data"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("kapot.json"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("geen netwerkkaart"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(read_file(bad), "{\"format_version\": 1, \"partners\": [ {\"id\": 1, ");
}

TEST(Snapshot, NewerFormatSaysToUpdateTheProgram) {
    TempDir dir;
    const std::string newer = dir.file("nieuw.json");
    write_file(newer, "{\"format_version\": 7, \"partners\": []}");
    const RunResult r = run_app({newer, "--snapshot", dir.file("x.png"), "--lang", "en"}, dir.file("data"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("newer version"), std::string::npos) << r.output;
}

TEST(Replay, AddTypeAndDragAPostItOntoTheRings) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "tap @ui:note.add\n"
               "text \"Coördinatie zorg\"\n"
               "key Return\n"
               "frames 2\n"
               "tap @ui:note.add\n"
               "text \"CLB Gent\"\n"
               "key Return\n"
               "frames 2\n"
               "drag @note:\"CLB Gent\" @school+0.08,0.06 finger 3\n"
               "frames 2\n"
               "save board.json\n"
               "snapshot shot.png 1920x1080\n"
               "layout at-drop.txt\n"
               "quit\n");
    const RunResult r = run_app({"--new", "--phase", "2b", "--windowed", "1920x1080", "--replay", dir.file("s.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document d = load_board(dir.file("board.json"));
    ASSERT_EQ(d.partners.size(), 2u);
    const Partner* clb = by_text(d, "CLB Gent");
    const Partner* zorg = by_text(d, "Coördinatie zorg");
    ASSERT_TRUE(clb && zorg);
    EXPECT_EQ(zorg->ring, 0);  // still in the parking lane
    // Dropped at the school + (0.08, 0.06) of the window: in board units via the view.
    const Layout at_drop = read_layout(dir.file("at-drop.txt"));
    ASSERT_TRUE(at_drop.ok());
    const View v{at_drop.scale, {at_drop.ox, at_drop.oy}};
    EXPECT_NEAR(clb->x, 0.08 * 1920 / v.scale, 2.5);
    EXPECT_NEAR(clb->y, 0.06 * 1080 / v.scale, 2.5);
    EXPECT_EQ(clb->ring, geo::ring_at({clb->x, clb->y}));
    EXPECT_GE(clb->ring, 1);

    // On the snapshot: the new post-it's neutral paper (not sorted yet) where it landed.
    EXPECT_EQ(clb->category, Category::Ongesorteerd);
    const palette::Rgb fill = palette::kKindFill[static_cast<size_t>(Category::Ongesorteerd)];
    const Png png = read_png(dir.file("shot.png"));
    ASSERT_TRUE(png.ok());
    const View sv = snapshot_view(d, 1920, 1080);
    const Vec2 at = sv.to_screen({clb->x - geo::kNoteW * 0.4, clb->y + geo::kNoteH * 0.35});
    EXPECT_TRUE(near(png.mean(int(at.x), int(at.y), 1), {fill.r, fill.g, fill.b, 255}, 10));
}

TEST(Replay, DragComputedFromTheFileMovesThatPostItAndLeavesPaperBehind) {
    TempDir dir;
    const Document before = load_board(kGolden);
    const Partner* lib = nullptr;
    for (const Partner& p : before.partners)
        if (p.rotation == 0 && p.ring != 0) lib = &p;
    ASSERT_TRUE(lib);
    const View v = screen_view({kGolden, "--new"});
    const Vec2 from = v.to_screen({lib->x, lib->y + 20});  // below the text, above the edge
    const Vec2 to = v.to_screen({-360, 330});              // far ring, lower left
    write_file(dir.file("s.txt"), std::string(kSettleFrames) + "drag " + norm(from.x / 1920) + " " + norm(from.y / 1080) + " " + norm(to.x / 1920) +
                                      " " + norm(to.y / 1080) + " steps 6 finger 7\n"
                                      "frames 2\n"
                                      "screenshot screen.png\n"
                                      "save board.json\n"
                                      "quit\n");
    const RunResult r =
        run_app({kGolden, "--new", "--windowed", "1920x1080", "--replay", dir.file("s.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document after = load_board(dir.file("board.json"));
    const Partner* moved = after.partner(lib->id);
    ASSERT_TRUE(moved);
    EXPECT_NEAR(moved->x, -360, 2.5);
    EXPECT_NEAR(moved->y, 330 - 20, 2.5);
    EXPECT_EQ(moved->ring, geo::ring_at({moved->x, moved->y}));
    // Every other post-it stayed where it was.
    for (const Partner& p : before.partners) {
        if (p.id == lib->id) continue;
        EXPECT_EQ(*after.partner(p.id), p) << p.text;
    }
    // On screen: the post-it's colour at its new place, no post-it where it was.
    const Png png = read_png(dir.file("screen.png"));
    ASSERT_TRUE(png.ok());
    const Vec2 now = v.to_screen({moved->x - geo::kNoteW * 0.4, moved->y + geo::kNoteH * 0.35});
    const Vec2 was = v.to_screen({lib->x - geo::kNoteW * 0.4, lib->y + geo::kNoteH * 0.35});
    const auto fill = png.mean(int(now.x), int(now.y), 1);
    const auto old = png.mean(int(was.x), int(was.y), 1);
    EXPECT_GT(std::abs(fill.r - old.r) + std::abs(fill.g - old.g) + std::abs(fill.b - old.b), 40);
}

TEST(Replay, UndoPutsTheDragBackAndRedoAgain) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "drag @note:\"CLB Gent\" @school+-0.2,0.2 finger 1\n"
               "frames 2\n"
               "save moved.json\n"
               "tap @ui:undo finger 2\n"
               "frames 2\n"
               "save undone.json\n"
               "tap @ui:redo finger 2\n"
               "frames 2\n"
               "save redone.json\n"
               "quit\n");
    const RunResult r =
        run_app({kGolden, "--new", "--windowed", "1920x1080", "--replay", dir.file("s.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document orig = load_board(kGolden);
    const Document moved = load_board(dir.file("moved.json"));
    EXPECT_NE(orig.partners, moved.partners);
    EXPECT_EQ(load_board(dir.file("undone.json")).partners, orig.partners);
    EXPECT_EQ(load_board(dir.file("redone.json")).partners, moved.partners);
}

TEST(Replay, TheNextStartContinuesFromTheAutosave) {
    TempDir dir;
    write_file(dir.file("a.txt"), "tap @ui:note.add\ntext \"Jeugdbeweging\"\nkey Return\nframes 2\nquit\n");
    RunResult r = run_app({"--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("a.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    write_file(dir.file("b.txt"), "save again.json\nquit\n");
    r = run_app({"--windowed", "1280x720", "--replay", dir.file("b.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document d = load_board(dir.file("again.json"));
    ASSERT_EQ(d.partners.size(), 1u);
    EXPECT_EQ(d.partners[0].text, "Jeugdbeweging");
}

TEST(Replay, ATargetNotOnScreenNamesFileAndLine) {
    TempDir dir;
    write_file(dir.file("s.txt"), "frames 1\n\ntap @note:\"Bestaat niet\"\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("s.txt:3:"), std::string::npos) << r.output;
}

TEST(Replay, EmptyTextRemovesTheNewPostItAndLeavesNoUndoStep) {
    TempDir dir;
    write_file(dir.file("s.txt"), "tap @ui:note.add\nkey Return\nframes 2\nsave b.json\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(load_board(dir.file("b.json")).partners.empty());
}

TEST(App, OpeningABrokenFileKeepsTheCurrentWork) {
    TempDir dir;
    write_file(dir.file("kapot.json"), "niet eens json");
    write_file(dir.file("s.txt"), "open kapot.json\n");
    // `open` of a broken file is a replay error, and the board in memory is unchanged.
    const RunResult r =
        run_app({kGolden, "--new", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("kapot.json"), std::string::npos) << r.output;
    EXPECT_EQ(read_file(dir.file("kapot.json")), "niet eens json");
}

}  // namespace
}  // namespace nk::test
