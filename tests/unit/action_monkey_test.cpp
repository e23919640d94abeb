// The action monkey: random actions of every one of the 30 kinds (actions.hpp), with
// hostile arguments, through Session::dispatch (the door the app uses), with undo and
// redo in between. After every action the board must
//   * keep every invariant (invariants.hpp),
//   * be written by the board writer and accepted by the reader, which reads back an equal
//     board with nothing to repair — what the autosave does with every board, so a board
//     the reader would refuse (the 51st version did) cannot slip through,
// and a refused action must leave the board as it was. Every kind must be drawn, and every
// kind must change the board at least once (an action that never does anything tests
// nothing). The monkey test of gestures (monkey_test.cpp) covers what fingers do.
//
// NK_ACTION_MONKEY_SEED=n tries another seed, NK_ACTION_MONKEY_STEPS=n another length.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <variant>

#include "invariants.hpp"
#include "random_actions.hpp"
#include "session.hpp"

namespace nk {
namespace {

using test::kActionKinds;
using test::round_trips;
constexpr std::size_t kKinds = kActionKinds;

std::uint64_t env_u64(const char* name, std::uint64_t def) {
    const char* s = std::getenv(name);
    return s && *s ? std::strtoull(s, nullptr, 10) : def;
}

TEST(ActionMonkey, EveryActionKeepsTheBoardValidWritableAndReadable) {
    const std::uint64_t seed = env_u64("NK_ACTION_MONKEY_SEED", 20261207u);
    const long steps = static_cast<long>(env_u64("NK_ACTION_MONKEY_STEPS", 1500));
    test::RandomActions m(seed);
    Session s{Document{}};
    std::array<long, kKinds> drawn{}, changed{};
    long refusals = 0, undos = 0, redos = 0, new_boards = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (long i = 0; i < steps; ++i) {
        const int r = m.pick(100);
        if (r < 4) {
            undos += s.undo();
        } else if (r < 6) {
            redos += s.redo();
        } else if (r < 10 && (s.current().partners.size() > 25 || s.current().versions.size() > 6)) {
            s.replace(Document{});  // a new board now and then keeps each board (and the test) small
            ++new_boards;
        } else {
            const std::size_t kind = std::size_t(m.pick(int(kKinds)));
            const Action a = m.make(kind, s.current());
            const Document before = s.current();
            ++drawn[kind];
            if (s.dispatch(a)) ++changed[kind];
            if (s.take_refusal()) {
                ++refusals;
                ASSERT_EQ(s.current(), before) << "step " << i << ": a refused action changed the board";
            }
        }
        const auto broken = invariant_violations(s.current());
        ASSERT_TRUE(broken.empty()) << "step " << i << ": " << broken.front();
        ASSERT_TRUE(round_trips(s.current())) << "step " << i;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << "action monkey: " << steps << " steps in " << secs << " s (seed " << seed << "): " << refusals
              << " refused by a limit, " << undos << " undos, " << redos << " redos, " << new_boards
              << " new boards; " << s.current().versions.size() << " versions now\n";
    if (steps >= 1500)
        for (std::size_t k = 0; k < kKinds; ++k) {
            EXPECT_GE(drawn[k], 20) << "action kind " << k << " drawn too rarely";
            EXPECT_GE(changed[k], 1) << "action kind " << k << " never changed the board";
        }
}

// The same path with versions at their limit: the monkey's boards rarely get there, so
// this one starts at 50 versions and keeps acting. Every board is still written and read.
TEST(ActionMonkey, AtTheVersionLimitEveryActionStillGivesAReadableBoard) {
    test::RandomActions m(env_u64("NK_ACTION_MONKEY_SEED", 20261207u) + 1);
    Document start = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    for (std::size_t i = 0; i < limits::kVersions; ++i) start = reduce(std::move(start), act::SaveVersion{"2026-12-07", "v"});
    Session s{start};
    long refused_versions = 0;
    for (long i = 0; i < 150; ++i) {
        const std::size_t kind = i % 10 == 0 ? 26 : std::size_t(m.pick(int(kKinds)));
        s.dispatch(m.make(kind, s.current()));
        if (auto r = s.take_refusal(); r && r->limit == limits::Limit::Versions) ++refused_versions;
        ASSERT_TRUE(round_trips(s.current())) << "step " << i;
        ASSERT_LE(s.current().versions.size(), limits::kVersions);
    }
    EXPECT_GE(refused_versions, 10);
}

}  // namespace
}  // namespace nk
