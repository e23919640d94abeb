// Regressions from fuzzing: every input a fuzz target (tests/fuzz/) found to break the
// parsers' contract, kept here so the normal test run checks it for good.
//
// The checks are the fuzz targets' own (check_board, check_replay: this file includes
// tests/fuzz/fuzz_board.cpp and fuzz_replay.cpp without their libFuzzer entry points),
// run on:
//  * the seed corpora tests/fuzz/corpus/board/, replay/ and png/ (they must stay clean);
//  * every file in tests/data/fuzz/board/, replay/ and png/: drop a crash-*
//    file that scripts/fuzz wrote into the matching folder, and it is tested from then on;
//  * the small cases below, written out by hand where a file would hide what matters.
//
// Found so far (see docs/testing.md, "Hostile input"):
//  * ids at or near INT_MAX overflowed `id + 1` in repair() (invariants.cpp,
//    renumber_duplicates) and in Document::next_*_id() (document.cpp, next_id); fixed
//    in f7ebf11, kept by the TEST(FuzzFound, ...) cases below.
#define NK_FUZZ_NO_ENTRY_POINT
#include "../fuzz/fuzz_board.cpp"
#include "../fuzz/fuzz_replay.cpp"
#if __has_include("png_chunk.hpp")
#include "../fuzz/fuzz_png.cpp"
#define NK_HAVE_PNG_CHUNK 1
#endif

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every regular file under dir (none when it does not exist).
std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const fs::path kData = NK_TEST_DATA;
const fs::path kCorpus = kData / ".." / "fuzz" / "corpus";

TEST(FuzzCorpus, BoardSeedsKeepTheContract) {
    const auto files = files_in(kCorpus / "board");
    ASSERT_GE(files.size(), 5u) << kCorpus / "board";
    for (const auto& f : files) EXPECT_EQ(nk::fuzz::check_board(read_all(f)), "") << f;
}

TEST(FuzzCorpus, ReplaySeedsKeepTheContract) {
    const auto files = files_in(kCorpus / "replay");
    ASSERT_GE(files.size(), 5u) << kCorpus / "replay";
    for (const auto& f : files) EXPECT_EQ(nk::fuzz::check_replay(read_all(f)), "") << f;
}

TEST(FuzzFound, BoardFiles) {
    for (const auto& f : files_in(kData / "fuzz" / "board")) EXPECT_EQ(nk::fuzz::check_board(read_all(f)), "") << f;
}

TEST(FuzzFound, ReplayFiles) {
    for (const auto& f : files_in(kData / "fuzz" / "replay")) EXPECT_EQ(nk::fuzz::check_replay(read_all(f)), "") << f;
}

#ifdef NK_HAVE_PNG_CHUNK
TEST(FuzzCorpus, PngSeedsKeepTheContract) {
    const auto files = files_in(kCorpus / "png");
    ASSERT_GE(files.size(), 5u) << kCorpus / "png";
    for (const auto& f : files) {
        EXPECT_EQ(nk::fuzz::check_png(read_all(f)), "") << f;
        EXPECT_EQ(nk::fuzz::check_png(nk::fuzz::with_fixed_crcs(read_all(f))), "") << f << " (CRCs fixed)";
    }
}

TEST(FuzzFound, PngFiles) {
    for (const auto& f : files_in(kData / "fuzz" / "png")) {
        EXPECT_EQ(nk::fuzz::check_png(read_all(f)), "") << f;
        EXPECT_EQ(nk::fuzz::check_png(nk::fuzz::with_fixed_crcs(read_all(f))), "") << f << " (CRCs fixed)";
    }
}
#endif

// The checks themselves catch what they claim to (so a silent check cannot pass).
TEST(FuzzChecks, SeeBrokenContracts) {
    EXPECT_EQ(nk::fuzz::check_board(""), "");  // refused as Empty: fine
    EXPECT_EQ(nk::fuzz::check_board(R"({"format_version":1,"partners":[{"id":1,"x":1e400}]})"), "");
    EXPECT_NE(nk::fuzz::first_difference("a\nbc\n", "a\nbd\n").find("line 2"), std::string::npos);
    EXPECT_EQ(nk::fuzz::check_pos(nk::replay::Pos{false, 0.1, 1e300, {}, 0, 0}), "");
    nk::replay::Pos broken;
    broken.x = std::numeric_limits<double>::infinity();
    EXPECT_NE(nk::fuzz::check_pos(broken), "");
    nk::replay::Pos bad_target;
    bad_target.is_target = true;
    bad_target.target.kind = nk::replay::Target::Kind::Key;  // no key named
    EXPECT_NE(nk::fuzz::check_pos(bad_target), "");
}

// ---- found by fuzz_board ------------------------------------------------------------------
//
// A board file with an id of 2147483647 (INT_MAX) loads: the id is positive and unique.
// Then repair() computes `id + 1` for every id (renumber_duplicates in invariants.cpp)
// and overflows, which is undefined behaviour (UBSan stops here; without it ids past
// INT_MAX wrap to negative ones), and the first new post-it, line or participant
// gets next_*_id() == INT_MAX + 1 (next_id in document.cpp): a negative id, against
// the invariants. The same holds near INT_MAX when duplicates are renumbered past it.
// Fixed in f7ebf11: next_id() and renumber_duplicates() never compute past INT_MAX
// (they take the smallest unused positive id when the largest is INT_MAX).

TEST(FuzzFound, PartnerIdAtIntMaxLoadsAndStaysEditable) {
    EXPECT_EQ(nk::fuzz::check_board(R"({"format_version":1,"partners":[{"id":2147483647,"x":0,"y":0}]})"), "");
}

TEST(FuzzFound, MissingIdsBesideAnIdNearIntMaxAreRenumberedToPositiveIds) {
    // Two partners without an id beside one with INT_MAX - 1: the first gets INT_MAX,
    // the second INT_MAX + 1 (without the sanitizer: INT_MIN, a negative id).
    EXPECT_EQ(nk::fuzz::check_board(R"({"format_version":1,"partners":[)"
                                    R"({"id":2147483646,"x":0,"y":0},{"x":0,"y":0},{"x":0,"y":0}]})"),
              "");
}

TEST(FuzzFound, LinkAndParticipantIdsAtIntMax) {
    EXPECT_EQ(nk::fuzz::check_board(R"({"format_version":1,"participants":[{"id":2147483647,"name":"A","role":"extern"}],)"
                                    R"("partners":[{"id":1,"x":0,"y":0}],"links":[{"id":2147483647,"from":1,"to":"school"}]})"),
              "");
}

}  // namespace
