// The structure of the workshop method (seed: reflectietool): the reflection cards and
// their three phases, and the closing questions. These ids are stable: they are used in
// board files, replay scripts (card.<id>, closing.<id>) and the text files in assets/.
// The words shown for them live in assets/, never here.
#pragma once

#include <array>
#include <string_view>

namespace nk::method {

// The three groups of reflection cards: 1 "Wie en waartoe", 2 "Randvoorwaarden",
// 3 "Leeropbrengsten".
inline constexpr int kCardPhases = 3;

struct Card {
    std::string_view id;
    int phase;  // 1..3
};

inline constexpr std::array<Card, 13> kCards{{
    {"f1.actoren", 1},       {"f1.samenwerking", 1},    {"f1.beweegredenen", 1},
    {"f2.doelgerichtheid", 2}, {"f2.inbreng", 2},        {"f2.verbinding", 2},
    {"f2.leeropvattingen", 2}, {"f2.gelegenheid", 2},    {"f2.tijd", 2},
    {"f2.leiderschap", 2},   {"f3.leraren", 3},         {"f3.leerlingen", 3},
    {"f3.school", 3},
}};

inline constexpr std::array<std::string_view, 7> kClosingQuestions{
    "metafoor", "inzichten", "niet-genoemd", "ontbrekend", "oververtegenwoordigd", "beleid", "verder"};

// The card with `id`, or nullptr.
constexpr const Card* card(std::string_view id) {
    for (const Card& c : kCards)
        if (c.id == id) return &c;
    return nullptr;
}

constexpr bool is_closing_question(std::string_view id) {
    for (std::string_view q : kClosingQuestions)
        if (q == id) return true;
    return false;
}

}  // namespace nk::method
