// Many hands at once on the real binary: ten fingers in the same frames, links drawn
// from a handle, a category set from the long-press menu.
#include <gtest/gtest.h>

#include <cmath>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "handles.hpp"
#include "reducer.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
// Where the map stands on a 1920x1080 window showing the board file `board`.
View screen_view(const std::string& board) { return settled_view({board, "--windowed", "1920x1080"}); }

std::string norm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}
std::string pos(Vec2 screen) { return norm(screen.x / 1920) + " " + norm(screen.y / 1080); }

// Ten post-its on a ring, upright, none overlapping.
Document ten_notes() {
    Document d;
    d.school = "Basisschool De Linde";
    d.phase = Phase::Netwerkkaart;  // the map phase: post-its move, link and get their kind
    const char* names[] = {"CLB Gent", "Bibliotheek", "Gemeente", "Hogeschool", "Sportdienst",
                           "Jeugdbeweging", "Logopedie", "Muziekacademie", "Provincie", "Intervisie"};
    for (int i = 0; i < 10; ++i) {
        const double a = 2 * M_PI * i / 10;
        d = reduce(d, act::AddPartner{names[i], Category::Zorg, {400 * std::cos(a), 400 * std::sin(a)}, 0});
    }
    return d;
}

TEST(SharedBoard, TenFingersDragTenPostItsInTheSameFrames) {
    TempDir dir;
    const Document d = ten_notes();
    write_file(dir.file("ten.json"), serialize_board(d));
    const View v = screen_view(dir.file("ten.json"));
    // Each finger grabs its note below the text and moves it towards the school's side by
    // the same steps, all fingers in every frame.
    std::string s = kSettleFrames;
    std::vector<Vec2> target(10);
    for (int i = 0; i < 10; ++i) {
        const Partner& p = d.partners[size_t(i)];
        target[size_t(i)] = {p.x * 0.55, p.y * 0.55 + 15};
        s += "finger down " + std::to_string(i + 1) + " " + pos(v.to_screen({p.x, p.y + 30})) + "\n";
    }
    s += "frames 1\n";
    for (int step = 1; step <= 8; ++step) {
        for (int i = 0; i < 10; ++i) {
            const Partner& p = d.partners[size_t(i)];
            const double t = step / 8.0;
            const Vec2 grab{p.x, p.y + 30};
            const Vec2 to{target[size_t(i)].x, target[size_t(i)].y + 30};
            s += "finger move " + std::to_string(i + 1) + " " +
                 pos(v.to_screen({grab.x + (to.x - grab.x) * t, grab.y + (to.y - grab.y) * t})) + "\n";
        }
        s += "frames 1\n";
    }
    for (int i = 0; i < 10; ++i)
        s += "finger up " + std::to_string(i + 1) + " " + pos(v.to_screen({target[size_t(i)].x, target[size_t(i)].y + 30})) + "\n";
    s += "frames 2\nsave after.json\n";
    // The undo bar names one drag: undo takes back only the last finger's move.
    s += "tap @ui:undo finger 20\nframes 2\nsave undone.json\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app({dir.file("ten.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document after = load_board(dir.file("after.json"));
    ASSERT_EQ(after.partners.size(), 10u);
    for (int i = 0; i < 10; ++i) {
        const Partner& p = after.partners[size_t(i)];
        EXPECT_NEAR(p.x, target[size_t(i)].x, 2.5) << p.text;
        EXPECT_NEAR(p.y, target[size_t(i)].y, 2.5) << p.text;
        EXPECT_EQ(p.ring, geo::ring_at({p.x, p.y})) << p.text;
    }
    const Document undone = load_board(dir.file("undone.json"));
    int back = 0;
    for (int i = 0; i < 10; ++i) back += undone.partners[size_t(i)] == d.partners[size_t(i)];
    EXPECT_EQ(back, 1);  // one drag is one undo step
}

TEST(SharedBoard, TenNamedFingersEachDragTheirOwnPostIt) {
    TempDir dir;
    const Document d = ten_notes();
    write_file(dir.file("ten.json"), serialize_board(d));
    std::string s = kSettleFrames;
    // All ten drags start in the same frame (finger lines share a frame) and end together.
    for (int i = 0; i < 10; ++i)
        s += "finger down " + std::to_string(i) + " @note:\"" + d.partners[size_t(i)].text + "\"+0,0.03\n";
    s += "frames 1\n";
    for (int i = 0; i < 10; ++i)
        s += "finger move " + std::to_string(i) + " @note:\"" + d.partners[size_t(i)].text + "\"+0.02,0.05\n";
    s += "frames 1\n";
    for (int i = 0; i < 10; ++i)
        s += "finger up " + std::to_string(i) + " @note:\"" + d.partners[size_t(i)].text + "\"+0.02,0.05\n";
    s += "frames 2\nsave after.json\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app({dir.file("ten.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document after = load_board(dir.file("after.json"));
    const double sc = screen_view(dir.file("ten.json")).scale;
    for (int i = 0; i < 10; ++i) {
        const Partner& a = after.partners[size_t(i)];
        const Partner& b = d.partners[size_t(i)];
        EXPECT_NEAR(a.x - b.x, 0.02 * 1920 / sc, 2.5) << a.text;
        EXPECT_NEAR(a.y - b.y, 0.02 * 1080 / sc, 2.5) << a.text;
    }
}

TEST(SharedBoard, ALineIsDrawnFromAHandleAndRemovedFromItsMenu) {
    TempDir dir;
    write_file(dir.file("ten.json"), serialize_board(ten_notes()));
    write_file(dir.file("s.txt"),
               "drag @link:\"CLB Gent\" @note:\"Logopedie\" finger 1\n"
               "frames 2\nsave linked.json\n"
               "drag @link:\"Bibliotheek\" @school finger 2\n"
               "frames 2\nsave school.json\n"
               "drag @link:\"Hogeschool\" 0.5 0.97 finger 3\n"  // dropped on empty board: no line
               "frames 2\nsave nothing.json\n"
               "tap @line:\"CLB Gent\":\"Logopedie\" finger 4\n"
               "frames 2\n"
               "tap @ui:line.delete finger 4\n"
               "frames 2\nsave removed.json\nquit\n");
    const RunResult r = run_app({dir.file("ten.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document linked = load_board(dir.file("linked.json"));
    ASSERT_EQ(linked.links.size(), 1u);
    EXPECT_EQ(std::minmax(linked.links[0].from, linked.links[0].to), std::minmax(Id{1}, Id{7}));
    const Document school = load_board(dir.file("school.json"));
    ASSERT_EQ(school.links.size(), 2u);
    EXPECT_EQ(std::minmax(school.links[1].from, school.links[1].to), std::minmax(Id{2}, kSchool));
    EXPECT_EQ(load_board(dir.file("nothing.json")).links.size(), 2u);
    const Document removed = load_board(dir.file("removed.json"));
    ASSERT_EQ(removed.links.size(), 1u);
    EXPECT_EQ(removed.links[0], school.links[1]);
}

TEST(SharedBoard, LongPressMenuSetsTheCategoryInOneTap) {
    TempDir dir;
    write_file(dir.file("ten.json"), serialize_board(ten_notes()));
    write_file(dir.file("s.txt"),
               "longpress @note:\"Bibliotheek\" finger 1\n"
               "frames 2\n"
               "tap @ui:category.aanbod finger 2\n"
               "frames 2\nsave cat.json\n"
               "tap @ui:menu.duplicate finger 2\n"
               "frames 2\nsave dup.json\n"
               "longpress @note:\"Sportdienst\" finger 1\n"
               "frames 2\n"
               "tap @ui:menu.delete finger 2\n"
               "frames 2\nsave del.json\nquit\n");
    const RunResult r = run_app({dir.file("ten.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(load_board(dir.file("cat.json")).partners[1].category, Category::Aanbod);
    const Document dup = load_board(dir.file("dup.json"));
    ASSERT_EQ(dup.partners.size(), 11u);
    EXPECT_EQ(dup.partners[10].text, "Bibliotheek");
    EXPECT_EQ(dup.partners[10].category, Category::Aanbod);
    const Document del = load_board(dir.file("del.json"));
    EXPECT_EQ(del.partners.size(), 10u);
    for (const Partner& p : del.partners) EXPECT_NE(p.text, "Sportdienst");
}

TEST(SharedBoard, LongPressOnEmptyBoardMakesAPostItThere) {
    TempDir dir;
    write_file(dir.file("ten.json"), serialize_board(ten_notes()));
    const View v = screen_view(dir.file("ten.json"));
    const Vec2 at = v.to_screen({-250, -60});
    write_file(dir.file("s.txt"), std::string(kSettleFrames) + "longpress " + pos(at) + " finger 5\n"
                                  "frames 2\ntext \"Opvoedingswinkel\"\nkey Return\nframes 2\nsave b.json\nquit\n");
    const RunResult r = run_app({dir.file("ten.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document b = load_board(dir.file("b.json"));
    ASSERT_EQ(b.partners.size(), 11u);
    const Partner& p = b.partners.back();
    EXPECT_EQ(p.text, "Opvoedingswinkel");
    EXPECT_NEAR(p.x, -250, 3);
    EXPECT_NEAR(p.y, -60, 3);
    EXPECT_EQ(p.ring, 2);
}

}  // namespace
}  // namespace nk::test
