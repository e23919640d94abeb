// Checkpoints (core/files/checkpoints.hpp, app/ui_checkpoints.hpp): the real binary keeps
// the board at each phase change in DATA/checkpoints, and the facilitator's Files page
// opens one again as the current board, after the board of the moment was autosaved.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_runner.hpp"
#include "autosave.hpp"
#include "checkpoints.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    return out;
}

TEST(Checkpoints, TheFacilitatorReopensTheMapAsItWasWhenAPhaseEnded) {
    TempDir dir;
    const std::string data = dir.file("data");
    write_file(dir.file("s.txt"),
               // Phase 2B: one post-it, then on to 2C (checkpoint 1), back to 2B (checkpoint 2)
               // and a second post-it.
               "tap @ui:note.add finger 1\ntype 0 \"Alfa\"\ntap @kbd:0:done finger 2\nframes 2\n"
               "tap @ui:phase.2c finger 1\nframes 2\nsave at_2c.json\n"
               "tap @ui:phase.2b finger 1\nframes 2\n"
               "tap @ui:note.add finger 1\ntype 0 \"Bravo\"\ntap @kbd:0:done finger 2\nframes 2\nsave before.json\n"
               // The facilitator's panel, its Files page, and the first checkpoint.
               "finger down 1 @ui:facilitator.hold\nwait 3400\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
               "tap @ui:facilitator.files finger 1\nframes 2\nscreenshot files.png\n"
               "tap @ui:checkpoint.1 finger 1\nframes 4\nsave after.json\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, data);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // Two phase changes, two checkpoints.
    const auto kept = checkpoints_in(names_in(data + "/checkpoints"));
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].phase, "2b");
    EXPECT_EQ(kept[1].phase, "2c");

    const Document at_2c = load_board(dir.file("at_2c.json")), before = load_board(dir.file("before.json")),
                   after = load_board(dir.file("after.json"));
    ASSERT_EQ(at_2c.partners.size(), 1u);
    ASSERT_EQ(before.partners.size(), 2u);
    // The board now is the one from when 2B ended: Alfa only, in phase 2C.
    EXPECT_EQ(after, at_2c);
    EXPECT_EQ(load_board(data + "/checkpoints/" + checkpoint_file_name(kept[0])), at_2c);
    // Nothing lost: the board from just before is the autosave before the newest.
    EXPECT_EQ(load_board(autosave_path(data, 0)), after);
    EXPECT_EQ(load_board(autosave_path(data, 1)), before);
}

}  // namespace
}  // namespace nk::test
