// Opening a board file in the background, on the real binary: the frame in which a person
// chooses a big file shows "opening…" (a `layout` names it), the screen keeps drawing, and
// the board arrives in the next frame of the replay; a second file while one is read gets
// a plain message. (Issue #13: no file work on the UI thread.)
#include <gtest/gtest.h>

#include <filesystem>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "reducer.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;

// A large map: 400 post-its with long texts (a few hundred KiB of JSON).
Document big_board() {
    Document d;
    d.school = "Groot Atheneum";
    d.date = "2026-12-07";
    for (int i = 0; i < 400; ++i)
        d = reduce(d, act::AddPartner{"Partner " + std::to_string(i) + std::string(200, 'x'), Category::Andere,
                                      {double(i % 20) * 40 - 400, double(i / 20) * 40 - 400}, 0});
    return d;
}

TEST(Opening, ABigFileShowsOpeningWhileItIsReadAndTheBoardArrives) {
    TempDir dir;
    fs::create_directories(dir.file("data/kaarten"));
    write_file(dir.file("data/kaarten/groot.json"), serialize_board(big_board()));
    write_file(dir.file("s.txt"),
               "tap @ui:setup.open.1 finger 1\nlayout opening.txt\nscreenshot opening.png\n"
               "frames 2\nlayout opened.txt\nscreenshot opened.png\nsave opened.json\nquit\n");
    const RunResult r = run_app({NK_TEST_DATA "/board-25.json", "--phase", "0", "--windowed", "1920x1080", "--replay",
                                 dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Layout opening = read_layout(dir.file("opening.txt"));
    ASSERT_TRUE(opening.ok());
    EXPECT_TRUE(opening.controls.count("opening")) << "no 'opening…' in the frame the file was chosen in";
    EXPECT_EQ(opening.notes.size(), 25u) << "the board that was open is still shown while the file is read";
    const Layout opened = read_layout(dir.file("opened.txt"));
    EXPECT_FALSE(opened.controls.count("opening")) << "'opening…' still shown after the board arrived";
    const Document d = load_board(dir.file("opened.json"));
    EXPECT_EQ(d.school, "Groot Atheneum");
    EXPECT_EQ(d.partners.size(), 400u);
}

}  // namespace
}  // namespace nk::test
