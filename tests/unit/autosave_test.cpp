// AutosaveWriter and find_latest_good, on a real temporary directory, with FaultyStorage
// (and a crash-simulating Storage) to make the disk misbehave.
#include "autosave.hpp"
#include "faulty_storage.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace nk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

bool is_board(std::string_view b) { return b.starts_with("board v"); }

template <class Pred>
bool wait_until(Pred pred, std::chrono::milliseconds timeout = 2000ms) {
    auto end = Clock::now() + timeout;
    while (!pred()) {
        if (Clock::now() > end) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

class AutosaveTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "nk-autosave-XXXXXX").string();
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        root = tmpl;
        dir = root + "/autosave";
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    AutosaveOptions options(std::shared_ptr<Storage> storage = real_storage()) const {
        AutosaveOptions o;
        o.dir = dir;
        o.storage = std::move(storage);
        o.validator = is_board;
        o.first_retry = 10ms;
        o.max_retry = 40ms;
        o.destructor_flush = 1000ms;
        return o;
    }
    std::optional<std::string> file(int generation) const {
        return real_storage()->read(autosave_path(dir, generation), kAutosaveMaxBytes);
    }
    void put(int generation, const std::string& bytes) const {
        ASSERT_TRUE(real_storage()->make_dirs(dir));
        ASSERT_TRUE(real_storage()->write_atomic(autosave_path(dir, generation), bytes));
    }
    std::string root, dir;
};

}  // namespace

TEST_F(AutosaveTest, WritesPromptlyIntoANewDirectory) {
    AutosaveWriter w(options());
    auto t0 = Clock::now();
    w.submit("board v1");
    ASSERT_TRUE(wait_until([&] { return file(0) == "board v1"; }, 1000ms));
    EXPECT_LT(Clock::now() - t0, 1s);
    EXPECT_TRUE(wait_until([&] { return !w.status().pending; }));
    AutosaveStatus s = w.status();
    EXPECT_TRUE(s.ok);
    EXPECT_EQ(s.writes, 1u);
    EXPECT_EQ(s.failures, 0u);
    EXPECT_EQ(s.failure_epoch, 0u);
    EXPECT_TRUE(s.last_success.has_value());
    EXPECT_EQ(real_storage()->list(dir), std::vector<std::string>{"autosave.json"});
}

TEST_F(AutosaveTest, CoalescesAThousandRapidSubmits) {
    auto slow = std::make_shared<FaultyStorage>(real_storage());
    slow->set_before_write([](const std::string&) { std::this_thread::sleep_for(1ms); });
    AutosaveWriter w(options(slow));
    for (int i = 1; i <= 1000; ++i) w.submit("board v" + std::to_string(i));
    auto t_last = Clock::now();
    ASSERT_TRUE(wait_until([&] { return file(0) == "board v1000"; }, 1000ms));
    EXPECT_LT(Clock::now() - t_last, 1s);
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(0), "board v1000");
    AutosaveStatus s = w.status();
    EXPECT_TRUE(s.ok);
    EXPECT_FALSE(s.pending);
    EXPECT_LT(s.writes, 100u) << "submits were not coalesced";
}

TEST_F(AutosaveTest, LazySubmitsAreMadeOnTheWorkerOnlyForTheNewest) {
    auto slow = std::make_shared<FaultyStorage>(real_storage());
    slow->set_before_write([](const std::string&) { std::this_thread::sleep_for(2ms); });
    AutosaveWriter w(options(slow));
    const auto ui = std::this_thread::get_id();
    std::atomic<int> made{0};
    std::atomic<bool> on_ui_thread{false};
    for (int i = 1; i <= 200; ++i)
        w.submit_lazy([&, i] {
            ++made;
            if (std::this_thread::get_id() == ui) on_ui_thread = true;
            return "board v" + std::to_string(i);
        });
    ASSERT_TRUE(w.flush(2000ms));
    EXPECT_EQ(file(0), "board v200");
    EXPECT_FALSE(on_ui_thread) << "the bytes were made on the submitting thread";
    EXPECT_LT(made.load(), 50) << "older snapshots were made although a newer one waited";
    // A plain submit after a lazy one wins, and the other way round.
    w.submit_lazy([] { return std::string("board v-lazy"); });
    w.submit("board v-plain");
    ASSERT_TRUE(w.flush(2000ms));
    EXPECT_EQ(file(0), "board v-plain");
}

TEST_F(AutosaveTest, SubmitReturnsAtOnceWhileTheDiskIsStuck) {
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> entered{false};
    storage->set_before_write([&, released](const std::string&) {
        entered = true;
        released.wait();
    });
    AutosaveWriter w(options(storage));
    w.submit("board v0");
    ASSERT_TRUE(wait_until([&] { return entered.load(); }));  // the worker is stuck in write

    auto t0 = Clock::now();
    for (int i = 1; i <= 1000; ++i) w.submit("board v" + std::to_string(i));
    AutosaveStatus s = w.status();
    auto took = Clock::now() - t0;
    EXPECT_LT(took, 200ms) << "submit() waited for the disk";
    EXPECT_TRUE(s.pending);
    EXPECT_FALSE(w.flush(20ms));  // times out: the disk is still stuck

    release.set_value();
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(0), "board v1000");
    EXPECT_EQ(file(1), "board v0");
    EXPECT_EQ(w.status().writes, 2u);  // v0, then only the newest of the thousand
}

TEST_F(AutosaveTest, FlushAndDestructorPutEverythingOnDisk) {
    {
        AutosaveWriter w(options());
        EXPECT_TRUE(w.flush(100ms));  // nothing submitted: nothing to wait for
        w.submit("board v1");
        EXPECT_TRUE(w.flush(1000ms));
        EXPECT_EQ(file(0), "board v1");
        w.submit("board v2");
    }  // the destructor flushes
    EXPECT_EQ(file(0), "board v2");
    EXPECT_EQ(file(1), "board v1");
}

TEST_F(AutosaveTest, DiskFullWarnsOnceKeepsTheGoodFileAndRecovers) {
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    AutosaveWriter w(options(storage));
    w.submit("board v1");
    ASSERT_TRUE(w.flush(1000ms));

    storage->fail_writes(ENOSPC);
    w.submit("board v2");
    ASSERT_TRUE(wait_until([&] { return w.status().failures >= 3; }));  // it keeps retrying
    w.submit("board v3");  // a newer board while failing replaces the waiting one
    EXPECT_FALSE(w.flush(500ms));  // returns when the immediate retry fails, not at the timeout
    AutosaveStatus s = w.status();
    EXPECT_FALSE(s.ok);
    EXPECT_TRUE(s.pending);
    EXPECT_EQ(s.failure_epoch, 1u) << "one failure period, one warning";
    EXPECT_EQ(s.last_errno, ENOSPC);
    EXPECT_NE(s.last_error.find("No space left on device"), std::string::npos) << s.last_error;
    EXPECT_EQ(s.writes, 1u);
    EXPECT_EQ(file(0), "board v1");  // the good file was never replaced

    storage->clear();
    ASSERT_TRUE(wait_until([&] { return w.status().ok; }));
    ASSERT_TRUE(w.flush(1000ms));
    s = w.status();
    EXPECT_FALSE(s.pending);
    EXPECT_EQ(s.writes, 2u);
    EXPECT_EQ(s.failure_epoch, 1u);
    EXPECT_EQ(file(0), "board v3");
    EXPECT_EQ(file(1), "board v1");

    storage->fail_writes(EROFS, 2);  // a second failure period is a second warning
    w.submit("board v4");
    ASSERT_TRUE(wait_until([&] { return w.status().failure_epoch == 2 && w.status().ok; }));
    EXPECT_EQ(w.status().last_errno, EROFS);
    EXPECT_EQ(file(0), "board v4");
}

TEST_F(AutosaveTest, FailedRenameIsRetriedAndLeavesOnlyGoodFiles) {
    auto storage = std::make_shared<FaultyStorage>(real_storage());
    AutosaveWriter w(options(storage));
    for (int i = 1; i <= 3; ++i) {
        w.submit("board v" + std::to_string(i));
        ASSERT_TRUE(w.flush(1000ms));
    }
    storage->fail_renames(EIO, 2);
    w.submit("board v4");
    ASSERT_TRUE(wait_until([&] { return w.status().ok && !w.status().pending; }));
    EXPECT_EQ(w.status().failure_epoch, 1u);
    EXPECT_EQ(file(0), "board v4");
    for (const auto& name : real_storage()->list(dir)) {
        auto bytes = real_storage()->read(dir + "/" + name, 1000);
        ASSERT_TRUE(bytes);
        EXPECT_TRUE(is_board(*bytes)) << name;
    }
}

TEST_F(AutosaveTest, RotationKeepsEarlierGenerations) {
    AutosaveWriter w(options());
    for (int i = 1; i <= 6; ++i) {
        w.submit("board v" + std::to_string(i));
        ASSERT_TRUE(w.flush(1000ms));
    }
    EXPECT_EQ(file(0), "board v6");
    EXPECT_EQ(file(1), "board v5");
    EXPECT_EQ(file(2), "board v4");
    EXPECT_EQ(file(3), "board v3");
    EXPECT_EQ(file(4), std::nullopt);
    EXPECT_EQ(file(kAutosaveNewGeneration), std::nullopt);
    EXPECT_EQ(real_storage()->list(dir).size(), 4u);  // no temp files left

    w.submit("board v6");  // unchanged: saved again, history not filled with copies
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(1), "board v5");
    EXPECT_EQ(w.status().writes, 7u);
}

TEST_F(AutosaveTest, GenerationCountIsAnOption) {
    auto o = options();
    o.generations = 1;
    AutosaveWriter w(o);
    for (int i = 1; i <= 3; ++i) {
        w.submit("board v" + std::to_string(i));
        ASSERT_TRUE(w.flush(1000ms));
    }
    EXPECT_EQ(file(0), "board v3");
    EXPECT_EQ(file(1), "board v2");
    EXPECT_EQ(file(2), std::nullopt);
}

TEST_F(AutosaveTest, ABadAutosaveIsReplacedButNotRotatedIntoHistory) {
    put(0, "garbage from somewhere");
    put(1, "board v0");
    AutosaveWriter w(options());
    w.submit("board v1");
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(0), "board v1");
    EXPECT_EQ(file(1), "board v0");
    EXPECT_EQ(file(2), std::nullopt);
}

TEST_F(AutosaveTest, ValidatorRejectedBytesAreNeverWritten) {
    AutosaveWriter w(options());
    w.submit("board v1");
    ASSERT_TRUE(w.flush(1000ms));
    w.submit("corrupted");
    EXPECT_FALSE(w.flush(1000ms));
    AutosaveStatus s = w.status();
    EXPECT_FALSE(s.ok);
    EXPECT_FALSE(s.pending);
    EXPECT_EQ(s.rejected, 1u);
    EXPECT_EQ(s.failure_epoch, 1u);
    EXPECT_EQ(file(0), "board v1");
    w.submit("board v2");
    EXPECT_TRUE(w.flush(1000ms));
    EXPECT_TRUE(w.status().ok);
    EXPECT_EQ(file(0), "board v2");
    EXPECT_EQ(file(1), "board v1");
}

TEST_F(AutosaveTest, DirectoryRemovedDuringTheSessionIsRecreated) {
    AutosaveWriter w(options());
    w.submit("board v1");
    ASSERT_TRUE(w.flush(1000ms));
    fs::remove_all(dir);
    w.submit("board v2");
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(0), "board v2");
    fs::remove_all(dir);
    w.submit("board v2");  // unchanged bytes are written again too
    ASSERT_TRUE(w.flush(1000ms));
    EXPECT_EQ(file(0), "board v2");
    EXPECT_TRUE(w.status().ok);
}

TEST_F(AutosaveTest, FindLatestGoodTakesTheNewestGoodFile) {
    auto& s = *real_storage();
    EXPECT_EQ(find_latest_good(s, dir, is_board), std::nullopt);  // no directory at all

    put(2, "board v1");
    put(1, "board v2");
    put(0, "{\"truncat");  // corrupt newest
    auto r = find_latest_good(s, dir, is_board);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->bytes, "board v2");
    EXPECT_EQ(r->generation, 1);
    EXPECT_EQ(r->path, autosave_path(dir, 1));

    put(0, "board v3");
    put(kAutosaveNewGeneration, "board v4");  // crash just before the final rename
    r = find_latest_good(s, dir, is_board);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->bytes, "board v4");
    EXPECT_EQ(r->generation, kAutosaveNewGeneration);

    r = find_latest_good(s, dir, {});  // no check: any non-empty file
    ASSERT_TRUE(r);
    EXPECT_EQ(r->generation, kAutosaveNewGeneration);
}

TEST_F(AutosaveTest, LeftoverTempFilesAreIgnoredAndCleanedUp) {
    put(0, "board v1");
    FaultyStorage torn(real_storage());
    torn.tear_writes(1);
    EXPECT_FALSE(torn.write_atomic(autosave_path(dir, 0), "board v2 but much longer"));
    ASSERT_TRUE(real_storage()->write_atomic(make_temp_path(autosave_path(dir, kAutosaveNewGeneration)), "board v9"));
    EXPECT_EQ(real_storage()->list(dir).size(), 3u);

    auto r = find_latest_good(*real_storage(), dir, is_board);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->bytes, "board v1");
    EXPECT_EQ(cleanup_temp_files(*real_storage(), dir), 2);
    EXPECT_EQ(real_storage()->list(dir), std::vector<std::string>{"autosave.json"});
}

namespace {

// Lets the first `budget` changes to the disk through, then "loses power": every later
// change fails and does nothing; a write that hits the cut leaves a torn temp file.
class CrashingStorage : public Storage {
public:
    CrashingStorage(std::shared_ptr<Storage> inner, int budget) : real_(std::move(inner)), budget_(budget) {}
    WriteResult write_atomic(const std::string& path, std::string_view bytes) override {
        if (!spend()) {
            (void)real_->write_atomic(make_temp_path(path), bytes.substr(0, bytes.size() / 2));
            return WriteResult::failure(EIO, "power cut");
        }
        return real_->write_atomic(path, bytes);
    }
    WriteResult rename(const std::string& from, const std::string& to) override {
        return spend() ? real_->rename(from, to) : WriteResult::failure(EIO, "power cut");
    }
    bool remove(const std::string& path) override { return spend() && real_->remove(path); }
    std::optional<std::string> read(const std::string& path, std::size_t max) override { return real_->read(path, max); }
    WriteResult sync_dir(const std::string& d) override { return real_->sync_dir(d); }
    std::vector<std::string> list(const std::string& d) override { return real_->list(d); }
    WriteResult make_dirs(const std::string& d) override { return real_->make_dirs(d); }

private:
    bool spend() { return --budget_ >= 0; }  // once refused, nothing reaches the disk again
    std::shared_ptr<Storage> real_;
    std::atomic<int> budget_;
};

}  // namespace

// A power cut after any number of steps of a save leaves only complete, good files,
// newest first, and recovery finds the new board or the one before it.
TEST_F(AutosaveTest, PowerCutAtAnyStepLeavesAGoodAutosave) {
    for (int budget = 0; budget <= 6; ++budget) {
        SCOPED_TRACE("changes before the cut: " + std::to_string(budget));
        fs::remove_all(dir);
        {
            AutosaveWriter w(options());
            for (int i = 1; i <= 4; ++i) {
                w.submit("board v" + std::to_string(i));
                ASSERT_TRUE(w.flush(1000ms));
            }
        }
        {
            auto o = options(std::make_shared<CrashingStorage>(real_storage(), budget));
            o.destructor_flush = 50ms;
            AutosaveWriter w(o);
            w.submit("board v5");
            w.flush(200ms);
        }
        cleanup_temp_files(*real_storage(), dir);
        auto r = find_latest_good(*real_storage(), dir, is_board);
        ASSERT_TRUE(r);
        EXPECT_TRUE(r->bytes == "board v5" || r->bytes == "board v4") << r->bytes;
        if (budget >= 5) {
            EXPECT_EQ(file(0), "board v5");
        }
        int previous = 100;
        for (int g = kAutosaveNewGeneration; g <= kAutosaveGenerations; ++g) {
            auto bytes = file(g);
            if (!bytes) continue;
            ASSERT_TRUE(is_board(*bytes)) << "generation " << g << ": " << *bytes;
            int v = std::atoi(bytes->c_str() + 7);
            EXPECT_LT(v, previous) << "generation " << g << " is not older than the one before";
            previous = v;
        }
    }
}
