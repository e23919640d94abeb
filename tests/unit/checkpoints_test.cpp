// Checkpoints at phase changes (core/files/checkpoints.hpp): their names, how many are
// kept, and the writer that puts them on disk off the caller's thread.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scratch_dir.hpp"
#include "checkpoints.hpp"

namespace nk {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

using Dir = ScratchDir;  // tests/support

std::string slurp(const std::string& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(Checkpoints, NamesRoundTrip) {
    const Checkpoint c{3, "2b", 1765117920000};
    EXPECT_EQ(checkpoint_file_name(c), "checkpoint-0003-2b-1765117920000.json");
    EXPECT_EQ(parse_checkpoint_name(checkpoint_file_name(c)), c);
}

TEST(Checkpoints, OtherNamesAreNoCheckpoints) {
    for (const char* n : {"autosave.json", "checkpoint-.json", "checkpoint-0001-2b.json", "checkpoint-x-2b-1.json",
                          "checkpoint-0001--1.json", "checkpoint-0001-2b-1.json.tmp", ".checkpoint-0001-2b-1.json.x"})
        EXPECT_FALSE(parse_checkpoint_name(n)) << n;
}

TEST(Checkpoints, ListedOldestFirstAndTheOldestGoOverTheLimit) {
    const auto list = checkpoints_in({"checkpoint-0010-3-5.json", "autosave.json", "checkpoint-0002-1-1.json",
                                      "checkpoint-0009-2c-4.json"});
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].seq, 2);
    EXPECT_EQ(list[2].seq, 10);
    EXPECT_EQ(checkpoints_over(list, 2), std::vector<Checkpoint>{list[0]});
    EXPECT_TRUE(checkpoints_over(list, 3).empty());
}

TEST(Checkpoints, TheWriterWritesEachOneAndKeepsAtMostTheLimit) {
    Dir d;
    const std::string dir = d.path + "/checkpoints";  // made by the writer
    {
        CheckpointWriter w(dir);
        for (int i = 0; i < kMaxCheckpoints + 2; ++i) w.add("2b", 1000 + i, [i] { return "board " + std::to_string(i); });
        ASSERT_TRUE(w.flush(5s));
        ASSERT_EQ(w.list().size(), size_t(kMaxCheckpoints));
        EXPECT_EQ(w.list().front().seq, 3);
        EXPECT_EQ(slurp(w.path(w.list().back())), "board " + std::to_string(kMaxCheckpoints + 1));
        EXPECT_EQ(checkpoints_in(real_storage()->list(dir)), w.list());
    }
    // A new run (after a restart) finds them and goes on numbering.
    CheckpointWriter again(dir);
    ASSERT_EQ(again.list().size(), size_t(kMaxCheckpoints));
    EXPECT_EQ(again.add("3", 5, [] { return std::string("b"); }).seq, kMaxCheckpoints + 3);
    again.clear();
    ASSERT_TRUE(again.flush(5s));
    EXPECT_TRUE(again.list().empty());
    EXPECT_TRUE(checkpoints_in(real_storage()->list(dir)).empty());
}

TEST(Checkpoints, AddReturnsAtOnceTheBytesAreMadeOnTheWorker) {
    Dir d;
    CheckpointWriter w(d.path);
    const auto caller = std::this_thread::get_id();
    std::thread::id maker;
    w.add("1", 1, [&] {
        maker = std::this_thread::get_id();
        return std::string("x");
    });
    ASSERT_TRUE(w.flush(5s));
    EXPECT_NE(maker, caller);
    EXPECT_EQ(slurp(w.path(w.list().front())), "x");
}

}  // namespace
}  // namespace nk
