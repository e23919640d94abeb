// Opening or merging a board file off the UI thread (core/files/board_loader.hpp): the
// board arrives, a garbage file gives an error, one file at a time, and a read stuck on a
// hung stick never keeps the app from closing.
#include "scratch_dir.hpp"
#include "board_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace nk {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

using Dir = ScratchDir;  // tests/support

// A gate a test opens: a parse that waits at it is a read stuck on a hung USB stick.
struct Gate {
    std::mutex mu;
    std::condition_variable cv;
    bool open = false;
    void wait() {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return open; });
    }
    void release() {
        std::lock_guard lock(mu);
        open = true;
        cv.notify_all();
    }
};

BoardLoader::Parse stuck_at(const std::shared_ptr<Gate>& gate) {
    return [gate](const std::string&) -> BoardLoader::Parsed {
        gate->wait();
        return LoadError{LoadErrorKind::Unreadable, "released"};
    };
}

TEST(BoardLoader, DeliversTheBoardInTheBackground) {
    Dir dir;
    Document d;
    d.school = "De Linde";
    Partner p;
    p.id = 1;
    p.text = "CLB Gent";
    d.partners.push_back(p);
    const std::string path = dir.file("kaart.json", serialize_board(d));
    BoardLoader loader;
    ASSERT_TRUE(loader.start(path, BoardLoader::Purpose::Merge));
    EXPECT_TRUE(loader.busy());
    EXPECT_EQ(loader.path(), path);
    ASSERT_TRUE(loader.settle(10s));
    auto r = loader.take();
    ASSERT_TRUE(r);
    EXPECT_FALSE(loader.busy());
    EXPECT_EQ(r->purpose, BoardLoader::Purpose::Merge);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(r->parsed));
    const Document& got = std::get<LoadedBoard>(r->parsed).doc;
    EXPECT_EQ(got.school, "De Linde");
    ASSERT_EQ(got.partners.size(), 1u);
    EXPECT_EQ(got.partners[0].text, "CLB Gent");
    EXPECT_FALSE(loader.take()) << "a result is handed over once";
}

TEST(BoardLoader, AGarbageFileGivesAnErrorNotABoard) {
    Dir dir;
    const std::string path = dir.file("kapot.json", "this is { not a board");
    BoardLoader loader;
    ASSERT_TRUE(loader.start(path, BoardLoader::Purpose::Open));
    ASSERT_TRUE(loader.settle(10s));
    auto r = loader.take();
    ASSERT_TRUE(r);
    ASSERT_TRUE(std::holds_alternative<LoadError>(r->parsed));
    EXPECT_EQ(std::get<LoadError>(r->parsed).kind, LoadErrorKind::NotJson);
}

TEST(BoardLoader, AMissingFileGivesAnError) {
    BoardLoader loader;
    ASSERT_TRUE(loader.start("/nonexistent/kaart.json", BoardLoader::Purpose::Open));
    ASSERT_TRUE(loader.settle(10s));
    auto r = loader.take();
    ASSERT_TRUE(r);
    EXPECT_TRUE(std::holds_alternative<LoadError>(r->parsed));
}

TEST(BoardLoader, ASecondFileWhileOneIsReadIsRefused) {
    auto gate = std::make_shared<Gate>();
    BoardLoader loader(stuck_at(gate));
    ASSERT_TRUE(loader.start("a.json", BoardLoader::Purpose::Open));
    EXPECT_FALSE(loader.start("b.json", BoardLoader::Purpose::Merge));
    EXPECT_EQ(loader.path(), "a.json");
    EXPECT_EQ(loader.purpose(), BoardLoader::Purpose::Open);
    EXPECT_FALSE(loader.settle(50ms)) << "still reading";
    EXPECT_FALSE(loader.take());
    gate->release();
    ASSERT_TRUE(loader.settle(10s));
    auto r = loader.take();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->path, "a.json");
    EXPECT_TRUE(loader.start("b.json", BoardLoader::Purpose::Merge)) << "the next one, once the first is taken";
    ASSERT_TRUE(loader.settle(10s));
    EXPECT_EQ(loader.take()->path, "b.json");
}

TEST(BoardLoader, AReadStuckOnAHungStickDoesNotKeepTheAppFromClosing) {
    auto gate = std::make_shared<Gate>();
    const auto t0 = std::chrono::steady_clock::now();
    {
        BoardLoader loader(stuck_at(gate));
        ASSERT_TRUE(loader.start("/media/anna/STICK/kaart.json", BoardLoader::Purpose::Open));
    }  // destroyed with the read still stuck
    const auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(took, kLoaderShutdownWait + 2s);
    EXPECT_GE(took, kLoaderShutdownWait - 50ms) << "it did wait for the read a while";
    gate->release();  // the stick answers after all: the detached read ends on its own
    std::this_thread::sleep_for(50ms);
}

}  // namespace
}  // namespace nk
