// Recovery from a crash loop (core/files/crash_loop.hpp): the real binary is started on a
// data folder with two autosaved boards, then killed (SIGKILL) twice within its first
// seconds, before it autosaved a board of its own. The third start must open the older
// autosave, say so, and leave the newer one in the history; a later clean start goes on
// from there as usual.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app_process.hpp"
#include "app_runner.hpp"
#include "autosave.hpp"
#include "board_file.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Starts the app idle on `data`, waits until it has written a running marker other than
// `previous`, and kills it. Returns the marker it left.
std::string start_and_kill(const Xvfb& x, const TempDir& dir, const std::string& data, const std::string& previous,
                           const std::string& log) {
    write_file(dir.file("idle.txt"), "wait 600000\n");
    AppProcess app(x.display(), {"--windowed", "1280x720", "--data-dir", data, "--replay", dir.file("idle.txt")}, log);
    EXPECT_TRUE(app.started());
    const std::string marker = data + "/session.open";
    const auto give_up = AppProcess::Clock::now() + 30s;
    std::string now;
    while (app.running() && AppProcess::Clock::now() < give_up) {
        now = fs::exists(marker) ? read_file(marker) : "";
        if (now != previous && now.find("settled") != std::string::npos) break;
        std::this_thread::sleep_for(5ms);
    }
    EXPECT_TRUE(app.running()) << read_file(log);
    app.kill_now();
    EXPECT_LT(seconds(AppProcess::Clock::now() - app.start_time()), 10.0) << "not a quick crash";
    return now;
}

TEST(CrashLoop, TheThirdStartAfterTwoQuickCrashesOpensTheOlderAutosaveAndSaysSo) {
    TempDir dir;
    const std::string data = dir.file("data");
    // A session that ends cleanly with two boards in the autosave: "Alfa", then "Alfa" and "Bravo".
    write_file(dir.file("work.txt"),
               "tap @ui:note.add finger 1\ntype 0 \"Alfa\"\ntap @kbd:0:done finger 2\nframes 2\nsave a.json\n"
               "tap @ui:note.add finger 1\ntype 0 \"Bravo\"\ntap @kbd:0:done finger 2\nframes 2\nsave b.json\nquit\n");
    const RunResult work =
        run_app({"--new", "--phase", "2b", "--windowed", "1280x720", "--replay", dir.file("work.txt")}, data);
    ASSERT_EQ(work.exit_code, 0) << work.output;
    const Document a = load_board(dir.file("a.json")), b = load_board(dir.file("b.json"));
    ASSERT_EQ(a.partners.size(), 1u);
    ASSERT_EQ(b.partners.size(), 2u);
    ASSERT_FALSE(fs::exists(data + "/session.open"));

    Xvfb x;
    ASSERT_FALSE(x.display().empty());
    const std::string m1 = start_and_kill(x, dir, data, "", dir.file("log1.txt"));
    EXPECT_NE(m1.find("saved 0"), std::string::npos) << m1;
    const std::string m2 = start_and_kill(x, dir, data, m1, dir.file("log2.txt"));
    EXPECT_NE(m2.find("streak 1"), std::string::npos) << "the second start is a crash-loop start:\n" << m2;
    // Each start saved the board it started from again: the newest autosave is still B.
    auto newest = find_latest_good(*real_storage(), data, {});
    ASSERT_TRUE(newest);
    EXPECT_EQ(std::get<LoadedBoard>(parse_board(newest->bytes)).doc.partners.size(), 2u);

    // The third start: the older board, and a message that waits for an answer.
    write_file(dir.file("third.txt"), "frames 2\nscreenshot third.png\ntap @ui:message.ok finger 1\nframes 2\n"
                                      "save shown.json\nquit\n");
    const RunResult third = run_app({"--windowed", "1280x720", "--replay", dir.file("third.txt")}, data);
    ASSERT_EQ(third.exit_code, 0) << "no message to close?\n" << third.output;
    EXPECT_EQ(load_board(dir.file("shown.json")), a) << "the third start did not open the older autosave";
    const std::string log = read_file(data + "/netwerkkaart.log");
    EXPECT_NE(log.find("opened the older autosave"), std::string::npos) << log;
    // The newer board is not lost: it is still in the autosave history.
    bool kept = false;
    for (int g = 0; g <= kAutosaveGenerations; ++g)
        if (fs::exists(autosave_path(data, g)))
            kept = kept || load_board(autosave_path(data, g)).partners.size() == 2;
    EXPECT_TRUE(kept) << "the crashing board is gone from the history";

    // A clean start after that continues on the older board, with no message.
    write_file(dir.file("fourth.txt"), "frames 2\nsave again.json\nquit\n");
    ASSERT_EQ(run_app({"--windowed", "1280x720", "--replay", dir.file("fourth.txt")}, data).exit_code, 0);
    EXPECT_EQ(load_board(dir.file("again.json")), a);
}

}  // namespace
}  // namespace nk::test
