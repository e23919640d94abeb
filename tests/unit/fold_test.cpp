// "The same partner": one folding function (core/text/fold.hpp), and merge, the version
// comparison and the duplicate offers agreeing on it.
#include "fold.hpp"

#include <gtest/gtest.h>

#include "compare.hpp"
#include "geometry.hpp"
#include "merge.hpp"
#include "utf8.hpp"

namespace nk {
namespace {

TEST(Fold, CaseAccentsAndSpaces) {
    EXPECT_EQ(fold("  Coördinatie  ZORG "), "coordinatie zorg");
    EXPECT_EQ(fold("  Café  De\tKroon \n"), "cafe de kroon");
    EXPECT_EQ(fold("ÀÁÂÃÄÅàáâãäå ÇçÈÉÊËèéêë ÌÍÎÏìíîï ÑñÒÓÔÕÖØòóôõöø ÙÚÛÜùúûü Ýýÿ"),
              "aaaaaaaaaaaa cceeeeeeee iiiiiiii nnoooooooooooo uuuuuuuu yyy");
    EXPECT_EQ(fold("Æsop Œuvre Straße Ĳsselmeer Þór"), "aesop oeuvre strasse ijsselmeer thor");
    EXPECT_EQ(fold("ĄčĎęĞħİĵĶŁńŐŘŠŢŮŴŶŸŽ"), "acdeghijklnorstuwyyz");
    EXPECT_EQ(fold("Łódź"), "lodz");
    EXPECT_EQ(fold("a\xC2\xA0" "b\xE2\x80\x83" "c"), "a b c");  // no-break space, em space
    EXPECT_EQ(fold(""), "");
    EXPECT_EQ(fold(" \n\t "), "");
}

TEST(Fold, DashesQuotesAndInvisibles) {
    EXPECT_EQ(fold("’t Zonneke – „Oost”"), "'t zonneke - \"oost\"");
    EXPECT_EQ(fold("'t Zonneke - \"Oost\""), fold("’T ZONNEKE — “oost”"));
    EXPECT_EQ(fold("Hogeschool Gent \xE2\x80\x90 lerarenopleiding"), "hogeschool gent - lerarenopleiding");  // U+2010
    EXPECT_EQ(fold("Onder\xC2\xADsteuning"), "ondersteuning");        // soft hyphen
    EXPECT_EQ(fold("CLB\xE2\x80\x8B" "Gent"), "clbgent");              // zero-width space
    EXPECT_EQ(fold("\xEF\xAC\x81" "lm"), "film");                      // the ﬁ ligature
    EXPECT_EQ(fold("\xEF\xBC\xA3\xEF\xBC\xAC\xEF\xBC\xA2"), "clb");  // full-width CLB
}

TEST(Fold, ComposedAndDecomposedAccentsAlike) {
    EXPECT_EQ(fold("Co\xC3\xB6rdinatie"), fold("Coo\xCC\x88rdinatie"));  // ö composed, o + ¨
    EXPECT_EQ(fold("e\xCC\x81l\xC3\xA8ve"), "eleve");
}

TEST(Fold, BadAndForeignTextKept) {
    EXPECT_EQ(fold("a\xC3"), "a\xEF\xBF\xBD");
    EXPECT_EQ(fold("\xFF" "CLB"), "\xEF\xBF\xBD" "clb");
    EXPECT_EQ(fold("日本"), "日本");
    EXPECT_EQ(fold("× ÷ € 🌳 Ω"), "× ÷ € 🌳 ω");  // no base letter: kept (Greek case-folded)
    EXPECT_NE(fold("CLB Gent"), fold("CLB Genk"));
    EXPECT_NE(fold("Coördinatie"), fold("Coördinaties"));
}

TEST(Utf8, OneDecoder) {
    std::size_t i = 0;
    const std::string s = "é\xC0\x80" "a\xED\xA0\x80";  // é, an overlong NUL, a, a surrogate
    EXPECT_EQ(utf8::next(s, i), U'é');
    EXPECT_EQ(utf8::next(s, i), utf8::kReplacement);
    EXPECT_EQ(utf8::next(s, i), U'a');
    EXPECT_EQ(utf8::next(s, i), utf8::kReplacement);
    EXPECT_EQ(i, s.size());
    EXPECT_FALSE(utf8::valid(s));
    EXPECT_EQ(utf8::repaired(s), "é\xEF\xBF\xBD" "a\xEF\xBF\xBD");
}

Partner placed(Id id, std::string text, Vec2 at) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.x = at.x, p.y = at.y;
    p.ring = geo::ring_at(at);
    return p;
}

// Each pair as two groups' post-its: do merge (stack offer), the comparison of versions
// (matched, not added and removed) and the duplicate offer on one board all say the same?
struct Pair {
    const char* a;
    const char* b;
    bool same;
};

class FoldAgreement : public ::testing::TestWithParam<Pair> {};

TEST_P(FoldAgreement, MergeComparisonAndDuplicatesAgree) {
    const Pair& pr = GetParam();
    Document a, b;
    a.partners = {placed(1, pr.a, {150, 0})};
    b.partners = {placed(1, pr.b, {150, 0})};

    MergeReport report;
    (void)merge_boards(a, b, &report);
    const bool merge_same = !report.same_partner.empty();

    b.partners[0].id = 7;  // another id: the comparison must match by text alone
    const Comparison c = compare_boards(a, b);
    const bool compare_same = c.added.empty() && c.removed.empty() && c.matched.size() == 1;

    Document both;
    both.partners = {placed(1, pr.a, {150, 0}), placed(2, pr.b, {-150, 0})};
    const bool duplicates_same = duplicate_groups(both).size() == 1;

    EXPECT_EQ(merge_same, pr.same) << pr.a << " / " << pr.b;
    EXPECT_EQ(compare_same, pr.same) << pr.a << " / " << pr.b;
    EXPECT_EQ(duplicates_same, pr.same) << pr.a << " / " << pr.b;
}

INSTANTIATE_TEST_SUITE_P(
    TrickyPairs, FoldAgreement,
    ::testing::Values(Pair{"Coördinatie zorg", "Coo\xCC\x88rdinatie zorg", true},  // composed / decomposed
                      Pair{"Hogeschool Gent – lerarenopleiding", "hogeschool gent - lerarenopleiding", true},
                      Pair{"Hogeschool Gent — lerarenopleiding", "Hogeschool Gent ‐ lerarenopleiding", true},
                      Pair{"’t Klavertje", "'t klavertje", true}, Pair{"„De Link”", "\"de link\"", true},
                      Pair{"CLB  Gent ", "clb gent", true}, Pair{"CLB\xC2\xA0Gent", "CLB Gent", true},
                      Pair{"Straße", "strasse", true}, Pair{"Œuvre", "oeuvre", true},
                      Pair{"Onder\xC2\xADsteuningsnetwerk", "Ondersteuningsnetwerk", true},
                      Pair{"CLB Gent", "CLB Genk", false}, Pair{"Coördinatie", "Coördinaties", false},
                      Pair{"Scholengroep 1", "Scholengroep 2", false}));

}  // namespace
}  // namespace nk
