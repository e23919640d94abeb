// Nothing a participant does leaves the app: only the facilitator's 3-second hold and a
// confirmation close it, and the work is saved first.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_runner.hpp"

namespace nk::test {
namespace {
const std::string kGolden = std::string(NK_TEST_DATA) + "/board-v1.json";

TEST(Kiosk, AltF4AndEscapeDoNotCloseTheAppButTheHoldAndConfirmationDo) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "key alt+F4\nkey Escape\nkey ctrl+q\nframes 3\n"
               "save still-running.json\n"
               "finger down 1 @ui:facilitator.hold\nwait 3400\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
               "tap @ui:facilitator.exit finger 2\nframes 2\n"
               "tap @ui:confirm.yes finger 2\nframes 3\n"
               "save never.json\n");
    const RunResult r =
        run_app({kGolden, "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"), 60);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(dir.file("still-running.json")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("never.json")));  // it closed at the confirmation
    // Closed cleanly: no crash marker left, and the log says so.
    EXPECT_FALSE(std::filesystem::exists(dir.file("data/session.open")));
    EXPECT_NE(read_file(dir.file("data/netwerkkaart.log")).find("INFO Netwerkkaart closed"), std::string::npos);
}

TEST(Kiosk, AShortPressOnTheCornerOpensNothing) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "finger down 1 @ui:facilitator.hold\nwait 1000\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
               "tap @ui:facilitator.exit finger 2\nquit\n");
    const RunResult r =
        run_app({kGolden, "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"), 60);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("facilitator.exit is not on screen"), std::string::npos) << r.output;
}

TEST(Kiosk, EraseRemovesTheBoardAndItsAutosavesAfterConfirmation) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "tap @ui:note.add finger 3\ntext \"Privé partner\"\nkey Return\nwait 1500\n"
               "finger down 1 @ui:facilitator.hold\nwait 3400\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
               "tap @ui:facilitator.erase finger 2\nframes 2\n"
               "tap @ui:confirm.no finger 2\nframes 2\n"
               "tap @ui:facilitator.erase finger 2\nframes 2\n"
               "tap @ui:confirm.yes finger 2\nwait 1500\n"
               "save after.json\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, dir.file("data"), 60);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(load_board(dir.file("after.json")).partners.empty());
    // No file in the data directory still holds the erased post-it.
    for (const auto& f : std::filesystem::directory_iterator(dir.file("data")))
        EXPECT_EQ(read_file(f.path().string()).find("Privé partner"), std::string::npos) << f.path();
}

}  // namespace
}  // namespace nk::test
