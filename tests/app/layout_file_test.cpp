// The tests' reader of the replay's `layout` dump (tests/app/support/layout_file.hpp): its
// `text` records (docs/replay.md) and when a text counts as hidden.
#include <gtest/gtest.h>

#include <stdexcept>

#include "layout_file.hpp"

namespace nk::test {
namespace {

const char* const kDump =
    "# layout\n"
    "window 1920 1080\n"
    "view 1.0000 0.0 0.0\n"
    "panel deck 1000.0 100.0 1900.0 900.0\n"
    "panel message 1500.0 500.0 1800.0 700.0\n"
    "text card.f1.actoren.title 1010.0 110.0 1800.0 150.0 px 40.0 panel deck\n"
    "text card.f1.actoren.prompts 1010.0 520.0 1600.0 680.0 px 34.0 panel deck\n"
    "text cards.rule 950.0 160.0 1400.0 190.0 px 26.0 panel deck\n"
    "text closing.verder.hint 10.0 10.0 100.0 40.0 px 26.0 panel - future 1\n";

TEST(LayoutFile, ReadsTextRecordsWithTheirSizeAndPanel) {
    const Layout l = parse_layout(kDump);
    ASSERT_EQ(l.texts.size(), 4u);
    const Layout::Text& t = l.texts.at("card.f1.actoren.title");
    EXPECT_DOUBLE_EQ(t.px, 40.0);
    EXPECT_EQ(t.panel, "deck");
    EXPECT_DOUBLE_EQ(t.box.y1, 150.0);
    EXPECT_EQ(l.texts.at("closing.verder.hint").panel, "-");  // unknown trailing pairs are ignored
}

TEST(LayoutFile, ATextIsHiddenWhenMissingCoveredOrOutsideItsPanel) {
    const Layout l = parse_layout(kDump);
    EXPECT_EQ(l.text_hidden("card.f1.actoren.title"), "");
    EXPECT_NE(l.text_hidden("card.f1.actoren.prompts").find("under panel message"), std::string::npos);
    EXPECT_NE(l.text_hidden("cards.rule").find("leaves its panel"), std::string::npos);
    EXPECT_NE(l.text_hidden("card.f2.tijd.title").find("not shown in full"), std::string::npos);
    // A text on no panel lies under any panel.
    EXPECT_EQ(l.text_hidden("closing.verder.hint"), "");
}

TEST(LayoutFile, AMalformedTextLineIsAnError) {
    EXPECT_THROW(parse_layout("window 10 10\ntext a.b 1 2 3 4 px\n"), std::runtime_error);
    EXPECT_THROW(parse_layout("window 10 10\ntext a.b 1 2 3 4 px 20\n"), std::runtime_error);  // no panel
    EXPECT_THROW(parse_layout("window 10 10\ntext a.b 1 2 3\n"), std::runtime_error);
}

}  // namespace
}  // namespace nk::test
