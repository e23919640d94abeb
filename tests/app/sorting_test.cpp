// Sorting and tidying the map by touch (issue "Readable from two metres"): the kind brush
// in the legend gives each tapped post-it its kind, one undo step per tap; "Opruimen"
// spreads a heap of post-its within its ring, one undo step.
#include <gtest/gtest.h>

#include <string>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "reducer.hpp"
#include "tidy.hpp"

namespace nk::test {
namespace {

const Partner* by_text(const Document& d, const std::string& t) {
    for (const Partner& p : d.partners)
        if (p.text == t) return &p;
    return nullptr;
}

// Five unsorted post-its on the map, the first three in one heap on ring 3.
Document unsorted_board() {
    Document d;
    d.school = "Basisschool De Linde";
    d.phase = Phase::Netwerkkaart;
    for (const char* t : {"Eén", "Twee", "Drie"}) d = reduce(d, act::AddPartner{t, Category::Ongesorteerd, {400, 20}});
    d = reduce(d, act::AddPartner{"Vier", Category::Ongesorteerd, {0, -260}});
    d = reduce(d, act::AddPartner{"Vijf", Category::Ongesorteerd, {-260, 0}});
    return d;
}

TEST(Sorting, TheBrushGivesEachTappedPostItItsKindOneUndoStepPerTap) {
    TempDir dir;
    write_file(dir.file("board.json"), serialize_board(unsorted_board()));
    write_file(dir.file("s.txt"),
               "frames 3\n"
               "tap @ui:brush.zorg finger 1\n"
               "frames 3\n"
               "layout brush.txt\n"
               "tap @note:\"Vier\" finger 2\n"
               "frames 2\n"
               "tap @note:\"Vijf\" finger 3\n"
               "frames 2\n"
               "save sorted.json\n"
               "tap @ui:undo finger 1\n"
               "frames 2\n"
               "save undone.json\n"
               "tap @ui:brush.off finger 1\n"
               "frames 3\n"
               "tap @note:\"Vijf\" finger 2\n"
               "frames 2\n"
               "save off.json\n"
               "quit\n");
    const RunResult r = run_app({dir.file("board.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document sorted = load_board(dir.file("sorted.json"));
    EXPECT_EQ(by_text(sorted, "Vier")->category, Category::Zorg);
    EXPECT_EQ(by_text(sorted, "Vijf")->category, Category::Zorg);
    EXPECT_EQ(by_text(sorted, "Twee")->category, Category::Ongesorteerd);
    // Undo takes back the last tap only.
    const Document undone = load_board(dir.file("undone.json"));
    EXPECT_EQ(by_text(undone, "Vier")->category, Category::Zorg);
    EXPECT_EQ(by_text(undone, "Vijf")->category, Category::Ongesorteerd);
    // With the brush put away a tap sorts nothing.
    EXPECT_EQ(by_text(load_board(dir.file("off.json")), "Vijf")->category, Category::Ongesorteerd);
    // While on, the brush has its button to stop, and the legend is a panel that covers none.
    const Layout l = read_layout(dir.file("brush.txt"));
    ASSERT_TRUE(l.ok());
    EXPECT_TRUE(l.controls.count("brush.off"));
    EXPECT_TRUE(l.controls.count("map.tidy"));
    for (const std::string& why : l.notes_under_panels()) ADD_FAILURE() << why;
}

TEST(Sorting, TidySpreadsTheHeapWithinItsRingAndUndoPutsItBack) {
    TempDir dir;
    const Document before = unsorted_board();
    write_file(dir.file("board.json"), serialize_board(before));
    write_file(dir.file("s.txt"),
               "frames 3\n"
               "tap @ui:map.tidy finger 1\n"
               "frames 3\n"
               "save tidy.json\n"
               "tap @ui:undo finger 1\n"
               "frames 2\n"
               "save undone.json\n"
               "quit\n");
    const RunResult r = run_app({dir.file("board.json"), "--windowed", "1920x1080", "--replay", dir.file("s.txt")},
                                dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document tidy = load_board(dir.file("tidy.json"));
    ASSERT_EQ(tidy.partners.size(), before.partners.size());
    for (size_t i = 0; i < tidy.partners.size(); ++i) {
        EXPECT_EQ(tidy.partners[i].ring, before.partners[i].ring) << tidy.partners[i].text;
        for (size_t j = i + 1; j < tidy.partners.size(); ++j)
            EXPECT_FALSE(tidy.partners[i].ring == tidy.partners[j].ring &&
                         tidy::overlap(tidy.partners[i], tidy.partners[j]))
                << tidy.partners[i].text << " / " << tidy.partners[j].text;
    }
    EXPECT_NE(tidy.partners, before.partners);
    EXPECT_EQ(load_board(dir.file("undone.json")).partners, before.partners);
}

}  // namespace
}  // namespace nk::test
