// The action monkey: random actions of every one of the 28 kinds (actions.hpp), with
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

#include "board_file.hpp"
#include "invariants.hpp"
#include "method.hpp"
#include "reducer.hpp"
#include "session.hpp"

namespace nk {
namespace {

constexpr std::size_t kKinds = std::variant_size_v<Action>;
static_assert(kKinds == 28, "a new action: teach the monkey to make it (random_action)");

std::uint64_t env_u64(const char* name, std::uint64_t def) {
    const char* s = std::getenv(name);
    return s && *s ? std::strtoull(s, nullptr, 10) : def;
}

class ActionMonkey {
public:
    explicit ActionMonkey(std::uint64_t seed) : rng_(seed) {}

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }

    // A number, now and then one the reducer must refuse.
    double coord(double range) {
        const int r = pick(40);
        if (r == 0) return std::numeric_limits<double>::quiet_NaN();
        if (r == 1) return std::numeric_limits<double>::infinity();
        if (r == 2) return 1e300;
        return uniform(-range, range);
    }
    Vec2 point() { return {coord(900), coord(600)}; }

    // A text: short, empty, invalid UTF-8, with quotes and control characters, or longer
    // than any limit.
    std::string text() {
        switch (pick(10)) {
        case 0: return "";
        case 1: return "bad \xC3 \xFF utf-8";
        case 2: return "\"quoted\" \\ back\nslash\t\x01";
        case 3: return std::string(5000, 'L') + "é";
        case 4: return "Élise 李";
        default: return "t" + std::to_string(pick(1000));
        }
    }

    // An id of something on the board, or one that names nothing.
    template <class T>
    Id id_of(const std::vector<T>& v) {
        if (v.empty() || chance(0.1)) return pick(5) - 1;
        return v[std::size_t(pick(int(v.size())))].id;
    }
    Id partner(const Document& d) { return id_of(d.partners); }
    Id participant(const Document& d) { return id_of(d.participants); }
    Id end(const Document& d) { return chance(0.2) ? kSchool : partner(d); }

    std::string card() {
        if (chance(0.1)) return "no-such-card";
        return std::string(method::kCards[std::size_t(pick(int(std::size(method::kCards))))].id);
    }
    std::string question() {
        if (chance(0.1)) return "no-such-question";
        return std::string(method::kClosingQuestions[std::size_t(pick(int(std::size(method::kClosingQuestions))))]);
    }

    // A small other board to merge: a few post-its, a participant, a line.
    Document other_board() {
        Document o;
        o.school = "Andere groep";
        o = reduce(o, act::AddParticipant{text(), Role::Extern});
        for (int i = 0, n = pick(4); i < n; ++i)
            o = reduce(o, act::AddPartner{text(), Category::Projecten, point(), 0, 1, true});
        o = reduce(o, act::AddLink{kSchool, 1});
        return o;
    }

    Action random_action(std::size_t kind, const Document& d) {
        switch (kind) {
        case 0: return act::AddPartner{text(), static_cast<Category>(pick(kCategoryCount)), point(), coord(4),
                                       participant(d), chance(0.7), static_cast<Side>(pick(4)), chance(0.1)};
        case 1: return act::SetPartnerText{partner(d), text()};
        case 2: return act::SetCategory{partner(d), static_cast<Category>(pick(kCategoryCount))};
        case 3: {
            act::MovePartners m;
            for (int i = 0, n = 1 + pick(3); i < n; ++i) m.moves.push_back({partner(d), point(), coord(7), coord(3)});
            return m;
        }
        case 4: return act::RemovePartner{partner(d)};
        case 5: return act::DuplicatePartner{partner(d)};
        case 6: return act::AddLink{end(d), end(d)};
        case 7: return act::RemoveLink{id_of(d.links)};
        case 8: return act::AddParticipant{text(), static_cast<Role>(pick(kRoleCount))};
        case 9: return act::SetParticipantName{participant(d), text()};
        case 10: return act::SetParticipantRole{participant(d), static_cast<Role>(pick(kRoleCount))};
        case 11: return act::RemoveParticipant{participant(d)};
        case 12: {
            act::SetPriority p{participant(d), partner(d), {}};
            for (int i = 0, n = pick(30); i < n; ++i) p.stroke.push_back(point());
            return p;
        }
        case 13: return act::RemovePriority{participant(d)};
        case 14: return act::SetPhase{static_cast<Phase>(pick(kPhaseCount))};
        case 15: return act::SetSchoolName{text()};
        case 16: return act::Reveal{chance(0.5) ? 0 : participant(d)};
        case 17: return act::SetPartnerMarks{partner(d), chance(0.5), chance(0.5)};
        case 18: return act::SetFacilitator{participant(d)};
        case 19: return act::SetNotetaker{participant(d)};
        case 20: return act::SetPlan{chance(0.8) ? (chance(0.5) ? 90 : 120) : pick(200)};
        case 21: return act::SetCardNote{partner(d), card(), text()};
        case 22: return act::SetClosingAnswer{question(), text()};
        case 23: return act::AddActionItem{text(), text(), text()};
        case 24: return act::SetActionItem{id_of(d.actions), text(), text(), text()};
        case 25: return act::RemoveActionItem{id_of(d.actions)};
        case 26: return act::SaveVersion{chance(0.9) ? "2026-12-07" : text(), text()};
        case 27: return act::MergeBoard{other_board(), text()};
        }
        ADD_FAILURE() << "no action of kind " << kind;
        return act::SetPhase{};
    }

    std::mt19937_64 rng_;
};

// Board writer and reader agree on `d`: accepted, nothing to repair, equal.
::testing::AssertionResult round_trips(const Document& d) {
    auto back = parse_board(serialize_board(d));
    if (auto* e = std::get_if<LoadError>(&back)) return ::testing::AssertionFailure() << "reader refused: " << e->detail;
    const LoadedBoard& b = std::get<LoadedBoard>(back);
    if (!b.repairs.empty()) return ::testing::AssertionFailure() << "reader repaired: " << b.repairs.changes.front();
    if (!(b.doc == d)) return ::testing::AssertionFailure() << "read back a different board";
    return ::testing::AssertionSuccess();
}

TEST(ActionMonkey, EveryActionKeepsTheBoardValidWritableAndReadable) {
    const std::uint64_t seed = env_u64("NK_ACTION_MONKEY_SEED", 20261207u);
    const long steps = static_cast<long>(env_u64("NK_ACTION_MONKEY_STEPS", 1500));
    ActionMonkey m(seed);
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
            const Action a = m.random_action(kind, s.current());
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
    ActionMonkey m(env_u64("NK_ACTION_MONKEY_SEED", 20261207u) + 1);
    Document start = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    for (std::size_t i = 0; i < limits::kVersions; ++i) start = reduce(std::move(start), act::SaveVersion{"2026-12-07", "v"});
    Session s{start};
    long refused_versions = 0;
    for (long i = 0; i < 150; ++i) {
        const std::size_t kind = i % 10 == 0 ? 26 : std::size_t(m.pick(int(kKinds)));
        s.dispatch(m.random_action(kind, s.current()));
        if (auto r = s.take_refusal(); r && r->limit == limits::Limit::Versions) ++refused_versions;
        ASSERT_TRUE(round_trips(s.current())) << "step " << i;
        ASSERT_LE(s.current().versions.size(), limits::kVersions);
    }
    EXPECT_GE(refused_versions, 10);
}

}  // namespace
}  // namespace nk
