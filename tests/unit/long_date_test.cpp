// A date as people write it, the same on the screen (the versions' banner, the comparison's
// key, the list of versions) and in the report: "2025-11-27" reads "27 november 2025".
#include <gtest/gtest.h>

#include "strings.hpp"

namespace nk {
namespace {
const std::string kLang = std::string(NK_TEST_DATA) + "/../../assets/lang/";

Strings language(const std::string& lang) {
    Strings s = Strings::load(kLang + lang + ".txt");
    s.merge(Strings::load(kLang + lang + "-report.txt"));
    return s;
}

TEST(LongDate, ADateReadsAsPeopleWriteItInTheTeamsLanguage) {
    const Strings nl = language("nl"), en = language("en");
    EXPECT_EQ(long_date(nl, "2025-11-27"), "27 november 2025");
    EXPECT_EQ(long_date(nl, "2026-03-02"), "2 maart 2026");
    EXPECT_EQ(long_date(en, "2025-11-27"), "27 November 2025");
    // In the sentences the screen shows.
    EXPECT_EQ(nl.format("compare.title", {long_date(nl, "2025-11-27")}), "Wat is er veranderd sinds 27 november 2025?");
    EXPECT_EQ(nl.format("version.banner", {long_date(nl, "2025-11-27")}), "Versie van 27 november 2025 — alleen bekijken");
}

TEST(LongDate, AnythingElseIsShownAsItIs) {
    const Strings nl = language("nl");
    EXPECT_EQ(long_date(nl, ""), "datum onbekend");
    EXPECT_EQ(long_date(nl, "volgend jaar"), "volgend jaar");
    EXPECT_EQ(long_date(nl, "2025-13-01"), "2025-13-01");
    EXPECT_EQ(long_date(nl, "2025-11-00"), "2025-11-00");
    EXPECT_EQ(long_date(nl, "2025-1-027"), "2025-1-027");
    EXPECT_EQ(long_date(nl, "20a5-11-27"), "20a5-11-27");
}

}  // namespace
}  // namespace nk
