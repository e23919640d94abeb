// The crash-loop decisions (core/files/crash_loop.hpp): which start is a crash-loop start,
// and which autosave the start after two of them opens.
#include <gtest/gtest.h>

#include "crash_loop.hpp"

namespace nk {
namespace {

const std::int64_t t0 = 1'765'000'000'000;  // some wall-clock moment, in ms

std::string marker(std::int64_t started, std::string from, int streak, bool saved, bool settled = false) {
    RunMarker m;
    m.settled = settled;
    m.started_ms = started;
    m.from = std::move(from);
    m.streak = streak;
    m.saved = saved;
    return format_marker(m);
}

TEST(CrashLoop, MarkerRoundTrips) {
    const RunMarker m = parse_marker(marker(t0, "abc", 1, true));
    EXPECT_TRUE(m.known);
    EXPECT_EQ(m.started_ms, t0);
    EXPECT_EQ(m.from, "abc");
    EXPECT_EQ(m.streak, 1);
    EXPECT_TRUE(m.saved);
    EXPECT_FALSE(m.settled);
    EXPECT_TRUE(parse_marker(marker(t0, "abc", 0, false, true)).settled);
}

TEST(CrashLoop, ARunHasLivedLongAfterTenSeconds) {
    RunMarker m;
    m.started_ms = t0;
    EXPECT_FALSE(lived_long(m, t0 + 9999));
    EXPECT_TRUE(lived_long(m, t0 + 10000));
    EXPECT_FALSE(lived_long(m, t0 - 5000));  // the clock was set back
}

TEST(CrashLoop, NoMarkerIsACleanStart) {
    const StartVerdict v = assess_start(std::nullopt, "abc");
    EXPECT_FALSE(v.crashed);
    EXPECT_FALSE(v.crash_loop);
    EXPECT_FALSE(v.fall_back);
}

TEST(CrashLoop, OldOneLineMarkerIsAnUnexpectedStopOnly) {
    const StartVerdict v = assess_start(std::string("running\n"), "abc");
    EXPECT_TRUE(v.crashed);
    EXPECT_FALSE(v.crash_loop);
    EXPECT_FALSE(v.fall_back);
}

TEST(CrashLoop, QuickDeathBeforeSavingIsACrashLoopStart) {
    const StartVerdict v = assess_start(marker(t0, "abc", 0, false), "abc");
    EXPECT_TRUE(v.crashed);
    EXPECT_TRUE(v.crash_loop);
    EXPECT_EQ(v.streak, 1);
    EXPECT_FALSE(v.fall_back);
}

TEST(CrashLoop, SecondQuickDeathInARowFallsBack) {
    const StartVerdict v = assess_start(marker(t0, "abc", 1, false), "abc");
    EXPECT_TRUE(v.crash_loop);
    EXPECT_EQ(v.streak, 2);
    EXPECT_TRUE(v.fall_back);
    EXPECT_EQ(v.avoid, "abc");
}

TEST(CrashLoop, DeathAfterTenSecondsIsNoCrashLoop) {
    // Even when the next start comes only a second later: the run had marked itself settled.
    const StartVerdict v = assess_start(marker(t0, "abc", 1, false, true), "abc");
    EXPECT_TRUE(v.crashed);
    EXPECT_FALSE(v.crash_loop);
    EXPECT_EQ(v.streak, 0);
    EXPECT_FALSE(v.fall_back);
}

TEST(CrashLoop, DeathAfterItsOwnAutosaveIsNoCrashLoop) {
    EXPECT_FALSE(assess_start(marker(t0, "abc", 1, true), "abc").crash_loop);
    // The marker was not updated yet, but the autosave moved on from where the run started.
    EXPECT_FALSE(assess_start(marker(t0, "abc", 1, false), "def").crash_loop);
}

TEST(CrashLoop, ARunThatRecoveredNothingIsNoCrashLoop) {
    EXPECT_FALSE(assess_start(marker(t0, "none", 1, false), "none").crash_loop);
}

TEST(CrashLoop, FallbackIsTheNewestOlderDifferentBoard) {
    // autosave.json and .1 are copies of the crashing board (each start saves it again).
    EXPECT_EQ(pick_fallback({"b", "b", "a", "z"}, "b"), std::optional<std::size_t>(2));
    EXPECT_EQ(pick_fallback({"c", "b", "a"}, "b"), std::optional<std::size_t>(2));
    EXPECT_EQ(pick_fallback({"b", "b"}, "b"), std::nullopt);
    EXPECT_EQ(pick_fallback({"c", "a"}, "b"), std::nullopt);
    EXPECT_EQ(pick_fallback({}, "b"), std::nullopt);
}

}  // namespace
}  // namespace nk
