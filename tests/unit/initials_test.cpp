// Initials on a priority circle's badge: whole characters, never a byte of one.
#include "initials.hpp"

#include <gtest/gtest.h>

#include "utf8.hpp"

namespace nk {
namespace {

TEST(Initials, TakeTheFirstCharacterNotTheFirstByte) {
    // The badge took name[0]: for "Élise" that is 0xC3, half a character (invalid UTF-8).
    EXPECT_EQ(initials("Élise"), "É");
    EXPECT_EQ(initials("élise"), "É");
    EXPECT_EQ(initials("Øystein Ødegaard"), "ØØ");
    EXPECT_EQ(initials("Łukasz"), "Ł");
    EXPECT_EQ(initials("李 小龍"), "李小");
    EXPECT_TRUE(utf8::valid(initials("Élise")));
}

TEST(Initials, FirstLettersOfTheFirstTwoWordsInCapitals) {
    EXPECT_EQ(initials("ann"), "A");
    EXPECT_EQ(initials("ann de smet"), "AD");
    EXPECT_EQ(initials("  bert   peeters "), "BP");
    EXPECT_EQ(initials(""), "?");
    EXPECT_EQ(initials("   "), "?");
    EXPECT_EQ(initials("\xC3"), "\xEF\xBF\xBD") << "invalid UTF-8 gives the replacement character";
}

}  // namespace
}  // namespace nk
