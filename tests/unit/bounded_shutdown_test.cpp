// Every wait on a worker is bounded (issue #13): a writer stuck in a write that never
// returns (a hung USB stick, faked by FaultyStorage::hang_writes) still lets its owner go
// within a bounded time, and nothing crashes when the stuck write returns later.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "scratch_dir.hpp"
#include "autosave.hpp"
#include "checkpoints.hpp"
#include "faulty_storage.hpp"
#include "photo_job.hpp"

namespace nk {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

using Dir = ScratchDir;  // tests/support

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

TEST(BoundedShutdown, APhotoWrittenToAHungUsbStickLetsTheAppClose) {
    Dir dir;
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    storage->hang_writes();
    const std::string target = dir.path + "/kaart.png";
    const auto t0 = Clock::now();
    {
        PhotoJob job;
        PhotoTask task;
        task.w = 8, task.h = 8;
        task.write = [storage, target](std::string png, std::string) {
            PhotoOutcome out;
            out.ok = bool(storage->write_atomic(target, png));
            return out;
        };
        bool told = false;
        ASSERT_TRUE(job.start(std::move(task), [&told](const PhotoOutcome&) { told = true; }));
        job.add_strip(std::vector<std::uint8_t>(8 * 8 * 4, 200), 8);
        job.end_strips();
        ASSERT_TRUE(a_write_hangs(*storage));
        EXPECT_FALSE(job.wait(200ms)) << "the write hangs";
        EXPECT_GT(job.writing_for().count(), 0) << "the app can tell the teacher how long it has been writing";
        EXPECT_TRUE(job.busy());
        EXPECT_FALSE(job.poll());
        EXPECT_FALSE(told);
    }  // before the fix: std::async's future waits for the write for ever
    EXPECT_LT(Clock::now() - t0, kPhotoDestructorWait + 3s);
    release_and_let_finish(*storage);
}

TEST(BoundedShutdown, APhotoThatIsWrittenInTimeIsToldOnce) {
    Dir dir;
    PhotoJob job;
    PhotoTask task;
    task.w = 8, task.h = 8;
    const std::string target = dir.path + "/kaart.png";
    task.write = [target](std::string png, std::string) {
        PhotoOutcome out;
        out.ok = bool(real_storage()->write_atomic(target, png));
        out.written = {target};
        return out;
    };
    int told = 0;
    ASSERT_TRUE(job.start(std::move(task), [&told](const PhotoOutcome& o) { told += o.ok ? 1 : 100; }));
    job.add_strip(std::vector<std::uint8_t>(8 * 8 * 4, 200), 8);
    job.end_strips();
    ASSERT_TRUE(job.wait(10s));
    EXPECT_TRUE(job.poll());
    EXPECT_FALSE(job.poll());
    EXPECT_EQ(told, 1);
    EXPECT_FALSE(job.busy());
    EXPECT_TRUE(fs::exists(target));
}

}  // namespace
}  // namespace nk
