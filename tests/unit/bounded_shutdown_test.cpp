// Every wait on a worker is bounded (issue #13): a writer stuck in a write that never
// returns (a hung USB stick, faked by FaultyStorage::hang_writes) still lets its owner go
// within a bounded time, and nothing crashes when the stuck write returns later.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "autosave.hpp"
#include "checkpoints.hpp"
#include "faulty_storage.hpp"

namespace nk {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct Dir {
    std::string path;
    Dir() {
        char tmpl[] = "/tmp/nk_shutdown_XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~Dir() { fs::remove_all(path); }
};

// Waits (at most 10 s) until a write hangs in `s`.
bool a_write_hangs(const FaultyStorage& s) {
    const auto end = Clock::now() + 10s;
    while (Clock::now() < end)
        if (s.writes_hanging() > 0) return true;
        else std::this_thread::sleep_for(5ms);
    return false;
}

// Lets the stuck write return, and the detached worker end, before the folder goes.
void release_and_let_finish(FaultyStorage& s) {
    s.release_writes();
    std::this_thread::sleep_for(200ms);
}

TEST(BoundedShutdown, AnAutosaveWriterStuckInAWriteLetsTheAppClose) {
    Dir dir;
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    storage->hang_writes();
    AutosaveOptions o;
    o.dir = dir.path;
    o.storage = storage;
    o.destructor_flush = 500ms;
    o.destructor_join = 500ms;
    const auto t0 = Clock::now();
    {
        AutosaveWriter w(o);
        w.submit("{\"format_version\": 2}");
        ASSERT_TRUE(a_write_hangs(*storage));
        EXPECT_FALSE(w.flush(100ms)) << "the write hangs";
        EXPECT_TRUE(w.status().pending);
    }  // before the fix: waits for the write for ever
    EXPECT_LT(Clock::now() - t0, 5s);
    release_and_let_finish(*storage);
}

TEST(BoundedShutdown, AnAutosaveWriterThatFinishesInTimeStillWritesEverything) {
    Dir dir;
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    {
        AutosaveOptions o;
        o.dir = dir.path;
        o.storage = storage;
        AutosaveWriter w(o);
        w.submit("{\"last\": true}");
    }
    auto bytes = real_storage()->read(autosave_path(dir.path, 0), 1000);
    ASSERT_TRUE(bytes) << "the destructor flushed the last board";
    EXPECT_EQ(*bytes, "{\"last\": true}");
}

TEST(BoundedShutdown, ACheckpointWriterStuckInAWriteLetsTheAppClose) {
    Dir dir;
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    storage->hang_writes();
    const auto t0 = Clock::now();
    {
        CheckpointWriter w(dir.path + "/checkpoints", storage);
        w.add("2b", 1765117920000, [] { return std::string("{}"); });
        ASSERT_TRUE(a_write_hangs(*storage));
        EXPECT_FALSE(w.flush(100ms));
    }  // before the fix: joins a worker that never returns
    EXPECT_LT(Clock::now() - t0, kCheckpointShutdownWait + 2s);
    release_and_let_finish(*storage);
}

}  // namespace
}  // namespace nk
