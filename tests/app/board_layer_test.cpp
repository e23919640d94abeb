// The screen keeps the resting board in a texture and draws only what moves on top
// (app/board_layer.hpp). What people must see regardless: a held post-it under the
// finger in the very frame that moved it, and the map as it is after a drop and after an
// undo (never a stale picture).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "reducer.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
// Where the map stands on a 1920x1080 window showing the board file `board`.
View screen_view(const std::string& board) { return settled_view({board, "--windowed", "1920x1080"}); }

std::string pos(Vec2 screen) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f %.5f", screen.x / 1920, screen.y / 1080);
    return buf;
}

// A spot inside a post-it centred at `c` (board units), away from its text and icon.
Vec2 inside(const View& v, Vec2 c) { return v.to_screen({c.x - 45, c.y - 30}); }

struct Board {
    Document doc;
    Vec2 from{400, 0}, to{-250, 150};  // where "CLB Gent" rests, and where it is dragged
};

Board board() {
    Board b;
    Document& d = b.doc;
    d.school = "Basisschool De Linde";
    d.phase = Phase::Netwerkkaart;
    d = reduce(d, act::AddPartner{"CLB Gent", Category::Zorg, b.from, 0});
    d = reduce(d, act::AddPartner{"Bibliotheek", Category::Aanbod, {-400, -60}, 0});
    d = reduce(d, act::AddLink{d.partners[0].id, kSchool});
    d = reduce(d, act::AddLink{d.partners[0].id, d.partners[1].id});
    return b;
}

bool is(const Png& img, Vec2 at, Png::Rgba colour) { return near(img.mean(int(at.x), int(at.y), 3), colour, 12); }

TEST(BoardLayer, TheHeldPostItIsDrawnWhereTheFingerIsInTheSameFrameAndTheMapIsNeverStale) {
    TempDir dir;
    const Board b = board();
    write_file(dir.file("b.json"), serialize_board(b.doc));
    const View v = screen_view(dir.file("b.json"));
    const Vec2 grab_from{b.from.x, b.from.y + 30}, grab_to{b.to.x, b.to.y + 30};
    std::string s = "wait 100\nscreenshot rest.png\n";
    s += "finger down 1 " + pos(v.to_screen(grab_from)) + "\nframes 1\n";
    // Several moves; the screenshot right after the last one shows the frame it went in.
    for (int step = 1; step <= 4; ++step) {
        const double t = step / 4.0;
        s += "finger move 1 " + pos(v.to_screen({grab_from.x + (grab_to.x - grab_from.x) * t,
                                                 grab_from.y + (grab_to.y - grab_from.y) * t})) + "\n";
        if (step == 4) s += "screenshot moving.png\n";
        s += "frames 1\n";
    }
    s += "finger up 1 " + pos(v.to_screen(grab_to)) + "\nframes 2\nscreenshot dropped.png\nframes 1\n";
    s += "key ctrl+z\nframes 2\nscreenshot undone.png\nframes 1\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app({dir.file("b.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Png rest = read_png(dir.file("rest.png")), moving = read_png(dir.file("moving.png")),
              dropped = read_png(dir.file("dropped.png")), undone = read_png(dir.file("undone.png"));
    ASSERT_TRUE(rest.ok() && moving.ok() && dropped.ok() && undone.ok());

    const Vec2 old_spot = inside(v, b.from), new_spot = inside(v, b.to);
    const Png::Rgba note = rest.mean(int(old_spot.x), int(old_spot.y), 3);
    const Png::Rgba board_there = rest.mean(int(new_spot.x), int(new_spot.y), 3);
    ASSERT_FALSE(near(note, board_there, 12)) << "the post-it's colour must differ from the board where it goes";

    // The frame that received the last move shows the post-it there, and not where it was.
    EXPECT_TRUE(is(moving, new_spot, note)) << "held post-it not under the finger in the frame of the move";
    EXPECT_FALSE(is(moving, old_spot, note)) << "the post-it is still drawn where it rested";
    // Its line to the school runs under the school, as lines do at rest: inside the
    // school, on the way to the held post-it, the screen shows the school, not the line.
    // (The point on the line from the school's centre to the held post-it, halfway to the
    // school's edge.)
    const double edge = 1 / std::hypot(b.to.x / geo::kSchoolRx, b.to.y / geo::kSchoolRy);
    const Vec2 in_school = v.to_screen({b.to.x * edge * 0.5, b.to.y * edge * 0.5});
    EXPECT_TRUE(near(moving.mean(int(in_school.x), int(in_school.y), 2), rest.mean(int(in_school.x), int(in_school.y), 2), 12))
        << "the held post-it's line is drawn across the school";
    // Dropped: the resting picture was redrawn with the post-it in its new place.
    EXPECT_TRUE(is(dropped, new_spot, note));
    EXPECT_FALSE(is(dropped, old_spot, note));
    // Undone: back where it was, and nothing left at the drop place.
    EXPECT_TRUE(is(undone, old_spot, note)) << "after undo the post-it must be back";
    EXPECT_TRUE(is(undone, new_spot, board_there)) << "after undo the drop place must show the board again";
}

}  // namespace
}  // namespace nk::test
