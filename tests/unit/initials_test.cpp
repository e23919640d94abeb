// Initials on a priority circle's badge: whole characters, never a byte of one.
#include "initials.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "utf8.hpp"

namespace nk {
namespace {

using Cases = std::vector<std::pair<std::string, std::string>>;  // name, its initials

TEST(Initials, TakeTheFirstCharacterNotTheFirstByte) {
    // The badge took name[0]: for "Élise" that is 0xC3, half a character (invalid UTF-8).
    for (const auto& [name, want] : Cases{{"Élise", "É"}, {"élise", "É"}, {"Øystein Ødegaard", "ØØ"},
                                          {"Łukasz", "Ł"}, {"李 小龍", "李小"}}) {
        EXPECT_EQ(initials(name), want) << name;
        EXPECT_TRUE(utf8::valid(initials(name))) << name;
    }
}

TEST(Initials, FirstLettersOfTheFirstTwoWordsInCapitals) {
    for (const auto& [name, want] : Cases{{"ann", "A"}, {"ann de smet", "AD"}, {"  bert   peeters ", "BP"},
                                          {"", "?"}, {"   ", "?"}})
        EXPECT_EQ(initials(name), want) << "'" << name << "'";
    EXPECT_EQ(initials("\xC3"), "\xEF\xBF\xBD") << "invalid UTF-8 gives the replacement character";
}

}  // namespace
}  // namespace nk
