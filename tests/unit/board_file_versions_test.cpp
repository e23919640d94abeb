// The board file: kept versions of the map (the `versions` list).
// Helpers in board_file_test_support.hpp; the other parts: board_file_*_test.cpp.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "board_file_test_support.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

using namespace board_file_test;

// ---- versions -------------------------------------------------------------------------------

// A version-2 file whose `versions` list is `versions` (JSON text).
std::string with_versions(const std::string& versions) { return v2_json(R"(,"versions":)" + versions); }

// One version entry around a board object given as JSON text.
std::string version_json(const std::string& board, const std::string& date = "2025-01-02") {
    return R"({"date":")" + date + R"(","note":"n","board":)" + board + "}";
}

TEST(BoardFile, VersionsRoundTrip) {
    Document d = rich_document();
    Document earlier = rich_document();
    earlier.partners.resize(3);
    earlier.links = {{1, 3, kSchool}};
    earlier.priorities = {{1, 3, {{1.5, 2.25}}}};
    earlier.notes = {{3, "f1.actoren", "vroeger"}};
    d.versions = {{"2025-11-01", "Eerste ronde — groep A", earlier},
                  {"2025-11-15", "", Document{}},
                  {"", "zonder datum \"quoted\"\n", earlier}};
    ASSERT_TRUE(invariant_violations(d).empty());
    const std::string text = serialize_board(d);
    const LoadedBoard back = ok(text);
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
    EXPECT_EQ(back.doc, d);
    EXPECT_EQ(serialize_board(back.doc), text);
    // The writer writes a version's board without `versions` of its own.
    size_t count = 0;
    for (size_t at = text.find("\"versions\""); at != std::string::npos; at = text.find("\"versions\"", at + 1)) ++count;
    EXPECT_EQ(count, 1u);
}

TEST(BoardFile, VersionsAreOptionalAndEmptyIsWritten) {
    const LoadedBoard b = ok(v2_json(""));
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_TRUE(b.doc.versions.empty());
    EXPECT_NE(serialize_board(Document{}).find("\"versions\": []\n}"), std::string::npos);
}

// A version's board is the same format as the top level; a nested board may leave out
// `versions` or hold an empty list. Deeper nesting is reported and dropped, never read.
TEST(BoardFile, NestedVersionsAreDroppedAndReported) {
    const std::string inner = serialize_board(v2_document());  // has versions of its own
    const LoadedBoard b = ok(with_versions("[" + version_json(inner) + "]"));
    ASSERT_EQ(b.doc.versions.size(), 1u);
    EXPECT_TRUE(b.doc.versions[0].board.versions.empty());
    EXPECT_TRUE(mentions(b.repairs, "versions[0].board: \"versions\" inside a version")) << dump(b.repairs);
    Document expected = v2_document();
    expected.versions.clear();
    EXPECT_EQ(b.doc.versions[0].board, expected);
    EXPECT_TRUE(invariant_violations(b.doc).empty());

    Document flat = v2_document();
    flat.versions.clear();
    std::string empty_list = serialize_board(flat);  // ends in "versions": [] already
    const LoadedBoard quiet = ok(with_versions("[" + version_json(empty_list) + "]"));
    EXPECT_TRUE(quiet.repairs.empty()) << dump(quiet.repairs);

    const LoadedBoard garbage = ok(with_versions("[" + version_json(R"({"partners":[],"versions":7})") + "]"));
    EXPECT_TRUE(mentions(garbage.repairs, "inside a version")) << dump(garbage.repairs);
}

TEST(BoardFile, BrokenVersionsAreDroppedOrRepaired) {
    const std::string board = "{" + board_json("[" + partner_json(1) + "]").substr(1);
    const LoadedBoard b = ok(with_versions(
        "[7," + version_json(board, "gisteren") + R"(,{"date":"2025-01-01","note":"x"})" + R"(,{"board":[]})" + "," +
        version_json(board_json("[" + partner_json(1) + "," + partner_json(1) + "]",
                                R"([{"id":1,"from":1,"to":99}])")) +
        "]"));
    ASSERT_EQ(b.doc.versions.size(), 2u) << dump(b.repairs);
    EXPECT_EQ(b.doc.versions[0].date, "");
    EXPECT_TRUE(mentions(b.repairs, "versions[0] is not an object")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "versions[1].date")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "versions[2] dropped")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "versions[3] dropped")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "version 2: ")) << dump(b.repairs);  // repair() of the last one
    EXPECT_EQ(b.doc.versions[1].board.partners.size(), 2u);
    EXPECT_TRUE(b.doc.versions[1].board.links.empty());
    EXPECT_TRUE(invariant_violations(b.doc).empty());
    // A version's board missing its version-1 fields is reported with the version's place.
    const LoadedBoard bare = ok(with_versions("[" + version_json("{}") + "]"));
    ASSERT_EQ(bare.doc.versions.size(), 1u);
    EXPECT_TRUE(mentions(bare.repairs, "versions[0].board: no \"partners\" list")) << dump(bare.repairs);
    // A version entry missing its date and note: reported, kept.
    const LoadedBoard no_note = ok(with_versions(R"([{"board":{}}])"));
    ASSERT_EQ(no_note.doc.versions.size(), 1u);
    EXPECT_TRUE(mentions(no_note.repairs, "versions[0].note is missing")) << dump(no_note.repairs);
}

// More versions than a map keeps (an older app, or a file edited by hand): the file still
// opens, with the newest kMaxVersions, and says what it dropped (limits.hpp).
TEST(BoardFile, TooManyVersionsOpenWithTheNewest) {
    std::string list = "[";
    for (size_t i = 0; i <= kMaxVersions; ++i)
        list += (i ? "," : "") + version_json(R"({"school":"S)" + std::to_string(i) + R"("})");
    list += "]";
    const LoadedBoard b = ok(with_versions(list));
    ASSERT_EQ(b.doc.versions.size(), kMaxVersions);
    EXPECT_EQ(b.doc.versions.front().board.school, "S1") << "the oldest one is dropped";
    EXPECT_EQ(b.doc.versions.back().board.school, "S" + std::to_string(kMaxVersions));
    EXPECT_TRUE(mentions(b.repairs, "1 oldest version(s) dropped")) << dump(b.repairs);
    // Exactly at the cap: nothing dropped.
    list = "[";
    for (size_t i = 0; i < kMaxVersions; ++i) list += (i ? "," : "") + version_json("{}");
    list += "]";
    const LoadedBoard at = ok(with_versions(list));
    EXPECT_EQ(at.doc.versions.size(), kMaxVersions);
    EXPECT_FALSE(mentions(at.repairs, "dropped")) << dump(at.repairs);
}

// Each list's cap holds for a version's board, and for the board and its versions
// together: 50 versions cannot make a file 50 times as costly to read.
TEST(BoardFile, VersionBoardsShareTheListCaps) {
    std::string big = "[{}";
    for (size_t i = 1; i <= kMaxListLength; ++i) big += ",{}";
    big += "]";
    const LoadError one = refused(with_versions("[" + version_json(R"({"links":)" + big + "}") + "]"));
    EXPECT_EQ(one.kind, LoadErrorKind::TooLarge);
    EXPECT_TRUE(one.detail.starts_with("versions[0].board: ")) << one.detail;

    // Two versions with 60% of the cap each: each alone is fine, together they are not.
    std::string part = "[{}";
    for (size_t i = 1; i < kMaxListLength * 6 / 10; ++i) part += ",{}";
    part += "]";
    const std::string v = version_json(R"({"partners":)" + part + "}");
    EXPECT_EQ(ok(with_versions("[" + v + "]")).doc.versions.size(), 1u);
    const LoadError two = refused(with_versions("[" + v + "," + v + "]"));
    EXPECT_EQ(two.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(two.detail.find("together"), std::string::npos) << two.detail;
}

// A hostile file: many versions, each with a full parking lane after many partners that
// the lane search must scan. Bounded by the shared caps, it stays quick.
TEST(BoardFile, ManyHeavyVersionsLoadQuickly) {
    std::string partners = "[";
    const size_t per_board = kMaxListLength / kMaxVersions - 500;
    for (size_t i = 0; i < per_board; ++i) partners += "{},";
    for (int col = 0; col < 64; ++col)
        for (int row = 0; row < 7; ++row)
            partners += R"({"x":)" + std::to_string(geo::kLaneX + geo::kNoteW / 2 + 20 + col * geo::kLaneSlotDx) +
                        R"(,"y":)" + std::to_string(-3 * geo::kLaneSlotDy + row * geo::kLaneSlotDy) + "},";
    partners.back() = ']';
    std::string list = "[";
    for (size_t i = 0; i < kMaxVersions; ++i) list += (i ? "," : "") + version_json(R"({"partners":)" + partners + "}");
    list += "]";
    const auto start = std::chrono::steady_clock::now();
    const LoadedBoard b = ok(with_versions(list));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(b.doc.versions.size(), kMaxVersions);
    for (const Version& v : b.doc.versions) EXPECT_EQ(v.board.partners.size(), per_board + 448);
    // The reader's own lines are capped for the whole file; repair() adds one per version.
    EXPECT_LT(b.repairs.changes.size(), 120u + kMaxVersions);
}

TEST(BoardFile, TruncatedFileWithVersionsNeverCrashes) {
    const std::string bytes = read_all(kGoldenV2);
    const size_t versions_at = bytes.find("\"versions\"");
    ASSERT_NE(versions_at, std::string::npos);
    for (size_t n = versions_at; n < bytes.size(); ++n) {
        auto r = parse_board(std::string_view(bytes).substr(0, n));
        if (auto* b = std::get_if<LoadedBoard>(&r)) {
            EXPECT_TRUE(invariant_violations(b->doc).empty()) << n;
        }
    }
}

}  // namespace
}  // namespace nk
