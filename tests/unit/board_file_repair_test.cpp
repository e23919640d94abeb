// The board file: damaged input that loads repaired, with the repairs reported.
// Helpers in board_file_test_support.hpp; the other parts: board_file_*_test.cpp.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "board_file_test_support.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

using namespace board_file_test;

// ---- repaired input ------------------------------------------------------------------------

TEST(BoardFile, DuplicatePartnerIdsAreRenumbered) {
    const LoadedBoard b = ok(board_json("[" + partner_json(4) + "," + partner_json(4, 200, 50) + "]"));
    ASSERT_EQ(b.doc.partners.size(), 2u);
    EXPECT_NE(b.doc.partners[0].id, b.doc.partners[1].id);
    EXPECT_EQ(b.doc.partners[0].id, 4);
    EXPECT_TRUE(mentions(b.repairs, "renumbered")) << dump(b.repairs);
}

TEST(BoardFile, DanglingLinksAndPrioritiesAreDropped) {
    const std::string links = R"([{"id":1,"from":1,"to":"school"},{"id":2,"from":1,"to":77},{"id":3,"from":"school","to":"school"}])";
    const std::string prios = R"([{"participant":1,"partner":1,"stroke":[[1,2]]},)"
                              R"({"participant":2,"partner":55,"stroke":[]},{"participant":9,"partner":1,"stroke":[]}])";
    const LoadedBoard b = ok(board_json("[" + partner_json(1) + "]", links, prios));
    EXPECT_EQ(b.doc.links, (std::vector<Link>{{1, 1, kSchool}}));
    ASSERT_EQ(b.doc.priorities.size(), 1u);
    EXPECT_EQ(b.doc.priorities[0].participant, 1);
    EXPECT_TRUE(mentions(b.repairs, "link")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "priorit")) << dump(b.repairs);
}

TEST(BoardFile, InvalidUtf8IsReplacedAndReported) {
    std::string json = board_json("[" + partner_json(1) + "]");
    json.replace(json.find("\"P1\""), 4, "\"CLB \xFF\xC3 Gent\"");
    json.replace(json.find("\"S\""), 3, "\"School \xED\xA0\x80\"");  // an encoded surrogate
    const LoadedBoard b = ok(json);
    EXPECT_EQ(b.doc.partners.at(0).text, "CLB \xEF\xBF\xBD\xEF\xBF\xBD Gent");
    EXPECT_EQ(b.doc.school.find("School "), 0u);
    EXPECT_NE(b.doc.school.find("\xEF\xBF\xBD"), std::string::npos);
    EXPECT_TRUE(mentions(b.repairs, "partners[0].text")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "school")) << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(b.doc).empty());
}

TEST(BoardFile, InvalidUtf8OutsideTheBoardIsHarmless) {
    const LoadedBoard b = ok("{\"format_version\":1,\"partners\":[],\"fu\xFFture\":\"\xC0\xAF\"}");
    EXPECT_TRUE(b.doc.partners.empty());
}

TEST(BoardFile, LoneSurrogateEscapeIsRepaired) {
    std::string json = board_json("[" + partner_json(1) + "]");
    json.replace(json.find("\"P1\""), 4, R"("a\udc00b")");
    const LoadedBoard b = ok(json);
    EXPECT_TRUE(invariant_violations(b.doc).empty());
    EXPECT_EQ(b.doc.partners.at(0).text.front(), 'a');
}

TEST(BoardFile, UnknownIdsGetDefaults) {
    std::string json = board_json("[" + partner_json(1) + "]");
    json.replace(json.find("\"zorg\""), 6, "\"sport\"");
    json.replace(json.find("\"extern\""), 8, "\"ouder\"");
    json.replace(json.find("\"phase\":\"1\""), 11, "\"phase\":\"9z\"");
    const LoadedBoard b = ok(json);
    EXPECT_EQ(b.doc.partners.at(0).category, Category::Andere);
    EXPECT_EQ(b.doc.participants.at(1).role, Role::Leraar);
    EXPECT_EQ(b.doc.phase, Phase::Vooraf);
    EXPECT_TRUE(mentions(b.repairs, "\"sport\"")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "\"ouder\"")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "\"9z\"")) << dump(b.repairs);
}

TEST(BoardFile, WrongRingIsRecomputed) {
    const LoadedBoard b = ok(board_json(R"([{"id":1,"text":"t","category":"zorg","x":400,"y":0,"ring":1,"rotation":0,"scale":1}])"));
    EXPECT_EQ(b.doc.partners.at(0).ring, 3);
    EXPECT_TRUE(mentions(b.repairs, "ring")) << dump(b.repairs);
}

TEST(BoardFile, WrongTypesGetDefaults) {
    const LoadedBoard b = ok(
        R"({"format_version":1,"school":7,"date":"14 maart","phase":2,)"
        R"("participants":[{"id":"one","name":["x"],"role":"leraar"},"not an object"],)"
        R"("partners":[{"id":1,"text":"t","category":"zorg","x":100,"y":"0","ring":"1","rotation":null,"scale":true}],)"
        R"("links":{"id":1},"priorities":[{"participant":1,"partner":1,"stroke":[[1,2],[3],"x",[4,5]]}]})");
    EXPECT_EQ(b.doc.school, Document{}.school);
    EXPECT_EQ(b.doc.date, "");
    EXPECT_EQ(b.doc.phase, Phase::Vooraf);
    ASSERT_EQ(b.doc.participants.size(), 1u);
    EXPECT_GT(b.doc.participants[0].id, 0);
    EXPECT_EQ(b.doc.participants[0].name, "");
    ASSERT_EQ(b.doc.partners.size(), 1u);
    EXPECT_EQ(b.doc.partners[0].rotation, 0);
    EXPECT_EQ(b.doc.partners[0].scale, 1);
    EXPECT_TRUE(b.doc.links.empty());
    ASSERT_EQ(b.doc.priorities.size(), 1u);
    EXPECT_EQ(b.doc.priorities[0].stroke, (std::vector<Vec2>{{1, 2}, {4, 5}}));
    EXPECT_TRUE(mentions(b.repairs, "partners[0].y is not a number")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "participants[1] is not an object")) << dump(b.repairs);
    EXPECT_TRUE(mentions(b.repairs, "2 point(s)")) << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(b.doc).empty());
}

TEST(BoardFile, MissingFieldsGetDefaults) {
    const LoadedBoard b = ok(R"({"partners":[{"id":1,"text":"Nieuw"},{"id":2,"text":"Ook nieuw"}]})");
    EXPECT_TRUE(mentions(b.repairs, "format_version")) << dump(b.repairs);
    ASSERT_EQ(b.doc.partners.size(), 2u);
    for (const Partner& p : b.doc.partners) {
        EXPECT_EQ(p.category, Category::Andere);
        EXPECT_EQ(p.ring, 0);  // no position: parked in the lane
        EXPECT_GE(std::abs(p.x), geo::kLaneX);
        EXPECT_EQ(p.scale, 1);
    }
    EXPECT_NE(Vec2(b.doc.partners[0].x, b.doc.partners[0].y), Vec2(b.doc.partners[1].x, b.doc.partners[1].y));
    EXPECT_TRUE(invariant_violations(b.doc).empty());

    const LoadedBoard minimal = ok(R"({"format_version":1})");
    EXPECT_EQ(minimal.doc.school, Document{}.school);
    EXPECT_TRUE(mentions(minimal.repairs, "partners")) << dump(minimal.repairs);
}

TEST(BoardFile, UnknownFieldsAreIgnoredQuietly) {
    std::string json = board_json("[" + partner_json(1, 100, 0, R"(,"colour":"#ff0","tags":[1,{"a":null}])") + "]");
    json.insert(1, R"("generator":{"name":"netwerkkaart","build":"2.0"},)");
    const LoadedBoard b = ok(json);
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(b.doc.partners.at(0).text, "P1");
}

TEST(BoardFile, LinkEndsAreIdsOrSchool) {
    const std::string links = R"([{"id":1,"from":"school","to":2},{"id":2,"from":0,"to":1},{"id":3,"from":"School","to":1},)"
                              R"({"id":4,"from":1.0,"to":2}])";
    const LoadedBoard b = ok(board_json("[" + partner_json(1) + "," + partner_json(2, 0, 200) + "]", links));
    EXPECT_EQ(b.doc.links, (std::vector<Link>{{1, kSchool, 2}, {2, kSchool, 1}, {4, 1, 2}}));
    EXPECT_TRUE(mentions(b.repairs, "links[2]")) << dump(b.repairs);
}

TEST(BoardFile, RepairReportStaysShort) {
    std::string partners = "[";
    for (int i = 1; i <= 2000; ++i) partners += (i > 1 ? "," : "") + std::string(R"({"id":1,"text":5})");
    partners += "]";
    const LoadedBoard b = ok(board_json(partners));
    EXPECT_EQ(b.doc.partners.size(), 2000u);
    EXPECT_LT(b.repairs.changes.size(), 120u);
    EXPECT_TRUE(mentions(b.repairs, "more changes")) << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(b.doc).empty());
}

// A small hostile file: 100,000 empty partner objects. Everything is defaulted and
// parked, and reading stays quick (the lane search is not run per partner).
TEST(BoardFile, ManyEmptyPartnersLoadQuickly) {
    std::string partners = "[{}";
    for (size_t i = 1; i < kMaxListLength; ++i) partners += ",{}";
    partners += "]";
    const auto start = std::chrono::steady_clock::now();
    const LoadedBoard b = ok(R"({"format_version":1,"partners":)" + partners + "}");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(b.doc.partners.size(), kMaxListLength);
    EXPECT_EQ(b.doc.partners.back().ring, 0);
    EXPECT_LT(b.repairs.changes.size(), 120u);
}

}  // namespace
}  // namespace nk
