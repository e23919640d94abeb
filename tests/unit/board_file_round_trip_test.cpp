// The board file: writing and round trips, and the golden files (board-v1.json, board-v2.json,
// board-v3.json).
// Helpers in board_file_test_support.hpp; the other parts: board_file_*_test.cpp.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "board_file_test_support.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

using namespace board_file_test;

// ---- writing and round trips -------------------------------------------------------------

TEST(BoardFile, RichDocumentRoundTripsExactly) {
    const Document d = rich_document();
    ASSERT_TRUE(invariant_violations(d).empty());
    const std::string text = serialize_board(d);
    const LoadedBoard back = ok(text);
    EXPECT_EQ(back.doc, d);
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
    EXPECT_EQ(serialize_board(back.doc), text);
}

TEST(BoardFile, EmptyDocumentRoundTrips) {
    Document d;
    d.date = "2024-09-01";
    const LoadedBoard back = ok(serialize_board(d));
    EXPECT_EQ(back.doc, d);
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
}

TEST(BoardFile, SerializeIsDeterministicAndPretty) {
    const Document d = rich_document();
    const std::string a = serialize_board(d), b = serialize_board(Document(d));
    EXPECT_EQ(a, b);
    EXPECT_TRUE(a.starts_with("{\n    \"format_version\": 3,\n    \"app\": \"netwerkkaart\","));
    EXPECT_EQ(a.back(), '\n');
    EXPECT_NE(a.find("\"to\": \"school\""), std::string::npos);
    EXPECT_NE(a.find("\"from\": \"school\""), std::string::npos);
}

TEST(BoardFile, SerializeNeverWritesNonFiniteNumbers) {
    Document d;
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    d.partners = {{1, "x", Category::Zorg, nan, inf, 0, -inf, nan}};
    d.participants = {{1, "a", Role::Leraar}};
    d.priorities = {{1, 1, {{nan, 1}, {2, -inf}}}};
    const std::string text = serialize_board(d);
    EXPECT_EQ(text.find("NaN"), std::string::npos);
    EXPECT_EQ(text.find("Infinity"), std::string::npos);
    const LoadedBoard back = ok(text);
    ASSERT_EQ(back.doc.partners.size(), 1u);
    EXPECT_EQ(back.doc.partners[0].x, 0);
    EXPECT_EQ(back.doc.partners[0].rotation, 0);
    EXPECT_EQ(back.doc.priorities.at(0).stroke, (std::vector<Vec2>{{0, 1}, {2, 0}}));
}

// ---- the golden files --------------------------------------------------------------------

// What board-v1.json has always loaded as: every version-2 field at its default.
Document v1_document() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2024-03-14";
    d.phase = Phase::Prioriteiten;
    d.participants = {{1, "An", Role::Directie}, {2, "Joke", Role::Zorgcoordinator}, {3, "Mehmet", Role::Leraar}};
    d.partners = {{1, "CLB Gent", Category::Zorg, 120, -80, 1, 0, 1},
                  {2, "Coördinatie zorg", Category::Beleid, -250, 100, 2, 0.12, 1},
                  {3, "Pedagogische begeleidingsdienst", Category::Professionalisering, 300, 300, 3, -0.2, 1.25},
                  {4, "Bibliotheek Sint-Amandsberg", Category::Aanbod, 0, 250, 2, 0, 1},
                  {5, "Hogeschool – stagiairs lager onderwijs", Category::Stages, -420, -300, 4, 0.05, 0.9},
                  {6, "Muziekacademie „De Notenbalk”", Category::Projecten, 720, -300, 0, 0, 1}};
    d.links = {{1, 1, kSchool}, {2, 2, 1}, {3, kSchool, 3}, {4, 4, 5}};
    d.priorities = {{2, 1, {{70, -120}, {170, -110}, {185, -50}, {120, -30}, {60, -60}, {72.5, -118.25}}}};
    return d;
}

TEST(BoardFile, GoldenVersion1FileLoadsAsItAlwaysDid) {
    auto r = load_board_file(kGoldenV1);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(r)) << std::get<LoadError>(r).detail;
    const LoadedBoard& b = std::get<LoadedBoard>(r);
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(b.doc, v1_document());
    // Spelled out, so that a change of a default in document.hpp shows up here.
    const Document& d = b.doc;
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 0);
    EXPECT_EQ(d.plan_minutes, 90);
    EXPECT_TRUE(d.notes.empty());
    EXPECT_TRUE(d.closing.empty());
    EXPECT_TRUE(d.actions.empty());
    for (const Partner& p : d.partners) {
        EXPECT_EQ(p.author, 0);
        EXPECT_TRUE(p.face_up);
        EXPECT_EQ(p.side, Side::Bottom);
        EXPECT_FALSE(p.missing);
        EXPECT_FALSE(p.overrepresented);
    }
    EXPECT_EQ(d.partners[4].text, "Hogeschool – stagiairs lager onderwijs");
    EXPECT_EQ(d.partners[5].ring, 0);  // parked in the lane
    EXPECT_EQ(d.priorities[0].stroke.back(), (Vec2{72.5, -118.25}));
}

// A version-1 board is saved as version 3 and reads back as the same board.
TEST(BoardFile, Version1BoardIsRewrittenAsVersion3) {
    const std::string v3 = serialize_board(ok(read_all(kGoldenV1)).doc);
    EXPECT_TRUE(v3.starts_with("{\n    \"format_version\": 3,")) << v3.substr(0, 60);
    const LoadedBoard back = ok(v3);
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
    EXPECT_EQ(back.doc, v1_document());
}

TEST(BoardFile, GoldenVersion2FileLoads) {
    auto r = load_board_file(kGoldenV2);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(r)) << std::get<LoadError>(r).detail;
    const LoadedBoard& b = std::get<LoadedBoard>(r);
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(b.doc, v2_document());
    EXPECT_TRUE(invariant_violations(b.doc).empty());
    // Version 2 knew no "not sorted yet": its post-its keep their kinds, and it has no goal.
    for (const Partner& p : b.doc.partners) EXPECT_TRUE(is_sorted(p.category)) << p.text;
    EXPECT_EQ(b.doc.goal, "");
}

TEST(BoardFile, GoldenVersion3FileLoads) {
    auto r = load_board_file(kGoldenV3);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(r)) << std::get<LoadError>(r).detail;
    const LoadedBoard& b = std::get<LoadedBoard>(r);
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(b.doc, v3_document());
    EXPECT_EQ(b.doc.partners.at(6).category, Category::Ongesorteerd);
    EXPECT_NE(b.doc.goal.find("alleen"), std::string::npos);
    EXPECT_TRUE(invariant_violations(b.doc).empty());
}

// A post-it without a kind: "andere" in a version 1 or 2 file (what those versions meant),
// not sorted yet in a version 3 file. Either way the reader says so.
TEST(BoardFile, MissingKindFollowsTheFilesVersion) {
    auto without_kind = [](int version) {
        std::string j = serialize_board(v3_document());
        j.replace(j.find("\"format_version\": 3"), 19, "\"format_version\": " + std::to_string(version));
        const std::string kind = "\"category\": \"zorg\",";
        j.erase(j.find(kind), kind.size());
        return j;
    };
    for (int v : {1, 2}) {
        const LoadedBoard b = ok(without_kind(v));
        EXPECT_EQ(b.doc.partners.at(0).category, Category::Andere) << v;
        EXPECT_TRUE(mentions(b.repairs, "category")) << v;
    }
    const LoadedBoard b3 = ok(without_kind(3));
    EXPECT_EQ(b3.doc.partners.at(0).category, Category::Ongesorteerd);
    EXPECT_TRUE(mentions(b3.repairs, "category"));
}

// An over-long goal is cut at a character boundary, and the reader says so.
TEST(BoardFile, OverlongGoalIsCutAndReported) {
    Document d = v3_document();
    d.goal = std::string(limits::kGoalText - 1, 'a') + "é" + "bbb";  // é straddles the limit
    const LoadedBoard b = ok(serialize_board(d));
    EXPECT_EQ(b.doc.goal, std::string(limits::kGoalText - 1, 'a'));
    EXPECT_TRUE(mentions(b.repairs, "goal"));
}

// The writer writes the golden file byte for byte. When the format changes on purpose,
// keep every board-vN.json (each must stay loadable, see above) and add a golden file for
// the new version; this test then checks the newest.
TEST(BoardFile, WriterReproducesTheGoldenBytes) {
    const std::string bytes = read_all(kGoldenV3);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(serialize_board(v3_document()), bytes);
    EXPECT_EQ(serialize_board(ok(bytes).doc), bytes);
}

// The example in docs/file-format.md is a clean board, so the documentation cannot rot.
TEST(BoardFile, DocumentedExampleLoadsCleanly) {
    const std::string doc = read_all(std::string(NK_TEST_DATA) + "/../../docs/file-format.md");
    const size_t begin = doc.find("```json\n");
    ASSERT_NE(begin, std::string::npos);
    const size_t end = doc.find("```", begin + 8);
    ASSERT_NE(end, std::string::npos);
    const std::string example = doc.substr(begin + 8, end - begin - 8);
    const LoadedBoard b = ok(example);
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(serialize_board(b.doc), example);
    EXPECT_EQ(b.doc.links.at(0).to, kSchool);
}

}  // namespace
}  // namespace nk
