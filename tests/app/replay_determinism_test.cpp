// A replay is deterministic (docs/replay.md, Timing): the same script gives the same
// board and the same layout, also while the machine is busy and the app's workers (the
// autosave, the photo's encoder) are slow to finish.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "app_runner.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;

// Keeps every core busy while it lives (and at most `limit`): threads that spin.
class CpuLoad {
public:
    explicit CpuLoad(int threads, std::chrono::seconds limit) {
        const auto until = std::chrono::steady_clock::now() + limit;
        for (int i = 0; i < threads; ++i)
            threads_.emplace_back([this, until] {
                // Below the app's priority, so the test stays quick; the cores are busy all the
                // same, and the app's threads still wait for them.
                setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 5);
                volatile std::uint64_t x = 0;
                while (!stop_.load(std::memory_order_relaxed) && std::chrono::steady_clock::now() < until)
                    for (int k = 0; k < 100000; ++k) x = x * 6364136223846793005ull + 1;
            });
    }
    ~CpuLoad() {
        stop_ = true;
        for (std::thread& t : threads_) t.join();
    }

private:
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

// Phases, two post-its typed on keyboard 0 and dragged with fingers, a panel (a partner's deck in
// phase 3) opening and closing, undo then redo, and a photo whose worker finishes while
// undo and redo are tapped: what the frames see of that worker must not depend on it.
const char* kScript = R"(tap @ui:phase.2b finger 9
tap @ui:note.add finger 9
type 0 "CLB Gent"
tap @kbd:0:done finger 8
tap @ui:note.add finger 9
type 0 "Bibliotheek"
tap @kbd:0:done finger 8
drag @note:"CLB Gent" @school+0.12,-0.08 finger 1
drag @note:"Bibliotheek" @school+-0.10,0.10 finger 2
tap @ui:phase.3 finger 9
tap @note:"CLB Gent" finger 9
frames 2
tap @ui:card.close finger 9
drag @note:"Bibliotheek" @school+-0.15,0.05 finger 3
tap @ui:undo finger 9
tap @ui:redo finger 9
tap @ui:phase.5 finger 9
frames 3
tap @ui:export.size.screen finger 9
tap @ui:snapshot finger 9
)";

// The script: kScript, then undo and redo tapped in turn while the photo is written, with
// a `layout` after each tap (the frame its message appears in is in one of them).
std::string script() {
    std::string s = kScript;
    for (int i = 0; i < 15; ++i)
        s += std::string(i % 2 ? "tap @ui:redo finger 9\n" : "tap @ui:undo finger 9\n") + "layout layout" + std::to_string(i) +
             ".txt\n";
    return s + "frames 2\nlayout layout.txt\nsave board.json\nquit\n";
}
constexpr int kLayouts = 16;  // layout0.txt .. layout14.txt, layout.txt

std::string layouts(const TempDir& dir) {
    std::string all;
    for (int i = 0; i < kLayouts; ++i) {
        const std::string f = i + 1 < kLayouts ? "layout" + std::to_string(i) + ".txt" : "layout.txt";
        const std::string text = read_file(dir.file(f));
        EXPECT_FALSE(text.empty()) << f;
        all += "== " + f + "\n" + text;
        std::error_code ec;
        fs::remove(dir.file(f), ec);
    }
    return all;
}

TEST(ReplayDeterminism, TwentyRunsUnderABusyCpuGiveTheSameBoardAndLayout) {
    TempDir dir;
    write_file(dir.file("s.txt"), script());
    std::string first_board, first_layout;
    {
        // A spinning thread for each core: the app and its workers get a core only now
        // and then, in an order nobody chooses.
        const CpuLoad load(2, std::chrono::seconds(240));
        for (int run = 0; run < 20; ++run) {
            const std::string data = dir.file("data" + std::to_string(run));
            std::error_code ec;
            fs::remove(dir.file("board.json"), ec);
            const RunResult r =
                run_app({"--new", "--windowed", "1280x720", "--replay", dir.file("s.txt")}, data, 120, true);
            ASSERT_EQ(r.exit_code, 0) << "run " << run << ": " << r.output;
            const std::string board = read_file(dir.file("board.json"));
            const std::string layout = layouts(dir);
            ASSERT_FALSE(board.empty()) << "run " << run;
            if (run == 0) {
                first_board = board, first_layout = layout;
                // What the script did is there: both post-its, the last undo taken back
                // the redo before it (phase 5 was left for phase 3), the photo told.
                const Document d = load_board(dir.file("board.json"));
                ASSERT_EQ(d.partners.size(), 2u);
                EXPECT_EQ(d.phase, Phase::Gesprek);
                EXPECT_TRUE(fs::exists(data + "/snapshots")) << "the photo was not written";
                continue;
            }
            EXPECT_EQ(board, first_board) << "run " << run << " saved another board";
            EXPECT_EQ(layout, first_layout) << "run " << run << " drew other frames";
        }
    }
}

}  // namespace
}  // namespace nk::test
