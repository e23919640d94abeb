// Random actions of every kind (actions.hpp) with hostile arguments, for the monkey tests
// (action_monkey_test.cpp, monkey_test.cpp), and the writer/reader round trip they check.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "actions.hpp"
#include "board_file.hpp"
#include "method.hpp"
#include "reducer.hpp"

namespace nk::test {

inline constexpr std::size_t kActionKinds = std::variant_size_v<Action>;
static_assert(kActionKinds == 30, "a new action: teach the monkeys to make it (RandomActions::make)");
inline constexpr std::size_t kSaveVersionKind = 26;
inline constexpr std::size_t kRemovePartnerKind = 4;

class RandomActions {
public:
    explicit RandomActions(std::uint64_t seed) : rng_(seed) {}

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

    // An action of kind `kind` (the index in Action) for board `d`.
    Action make(std::size_t kind, const Document& d) {
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
        case 28: return act::TidyMap{chance(0.5)};
        case 29: return act::SetGoal{text()};
        }
        ADD_FAILURE() << "no action of kind " << kind;
        return act::SetPhase{};
    }

private:
    std::mt19937_64 rng_;
};

// Board writer and reader agree on `d`: accepted, nothing to repair, equal.
inline ::testing::AssertionResult round_trips(const Document& d) {
    auto back = parse_board(serialize_board(d));
    if (auto* e = std::get_if<LoadError>(&back)) return ::testing::AssertionFailure() << "reader refused: " << e->detail;
    const LoadedBoard& b = std::get<LoadedBoard>(back);
    if (!b.repairs.empty()) return ::testing::AssertionFailure() << "reader repaired: " << b.repairs.changes.front();
    if (!(b.doc == d)) return ::testing::AssertionFailure() << "read back a different board";
    return ::testing::AssertionSuccess();
}

}  // namespace nk::test
