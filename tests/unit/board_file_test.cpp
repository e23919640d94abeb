// The board file: round trips, the golden file, and hostile or damaged input.
//
// Sections: helpers; writing and round trips; the golden file; refused input (errors);
// repaired input; reading files from disk.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

// ---- helpers ----------------------------------------------------------------------------

const std::string kGolden = std::string(NK_TEST_DATA) + "/board-v1.json";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The board in `bytes`; fails the test when it was refused.
LoadedBoard ok(std::string_view bytes) {
    auto r = parse_board(bytes);
    if (auto* e = std::get_if<LoadError>(&r)) {
        ADD_FAILURE() << "refused: " << e->detail;
        return {};
    }
    return std::get<LoadedBoard>(std::move(r));
}

// The error for `bytes`; fails the test when it was accepted.
LoadError refused(std::string_view bytes) {
    auto r = parse_board(bytes);
    if (auto* b = std::get_if<LoadedBoard>(&r)) {
        ADD_FAILURE() << "accepted a board with " << b->doc.partners.size() << " partners";
        return {};
    }
    return std::get<LoadError>(r);
}

bool mentions(const RepairReport& r, std::string_view word) {
    return std::any_of(r.changes.begin(), r.changes.end(),
                       [&](const std::string& c) { return c.find(word) != std::string::npos; });
}

std::string dump(const RepairReport& r) {
    std::string s;
    for (const std::string& c : r.changes) s += "  " + c + "\n";
    return s;
}

// A version-1 board with the given partners/links/priorities JSON (participants 1 and 2).
std::string board_json(const std::string& partners, const std::string& links = "[]",
                       const std::string& priorities = "[]") {
    return R"({"format_version":1,"app":"netwerkkaart","school":"S","date":"2024-01-02","phase":"1",)"
           R"("participants":[{"id":1,"name":"A","role":"leraar"},{"id":2,"name":"B","role":"extern"}],)"
           R"("partners":)" + partners + R"(,"links":)" + links + R"(,"priorities":)" + priorities + "}";
}

// One clean partner object.
std::string partner_json(int id, double x = 100, double y = 0, const std::string& extra = "") {
    std::ostringstream s;
    s << R"({"id":)" << id << R"(,"text":"P)" << id << R"(","category":"zorg","x":)" << x << R"(,"y":)" << y
      << R"(,"ring":)" << geo::ring_at({x, y}) << R"(,"rotation":0,"scale":1)" << extra << "}";
    return s.str();
}

Document rich_document() {
    Document d;
    d.school = "Sint-Jozefsinstituut \"Oost\" \\ Campus Ü — 🌳";
    d.date = "2025-11-30";
    d.phase = Phase::Gesprek;
    d.participants = {{1, "Ann", Role::Leraar},
                      {2, "", Role::Directie},
                      {3, "Émile", Role::Beleidsondersteuner},
                      {7, "Zeynep", Role::Zorgcoordinator},
                      {9, "Tom (CLB)", Role::Extern}};
    const Category cats[] = {Category::Zorg,      Category::Professionalisering, Category::Aanbod, Category::Stages,
                             Category::Projecten, Category::Beleid,              Category::Andere};
    const Vec2 spots[] = {{0.1, 0.2},         {-1.0 / 3.0, 150},    {250.125, -100.5},  {-330, 1e-7},
                          {400.0001, 100},    {-500, 250},          {640, 0},           {-12345.678901234567, 99999.5},
                          {1e-300, -2.5e-8}};
    Id id = 1;
    for (const Vec2& p : spots) {
        const Category c = cats[static_cast<size_t>(id) % kCategoryCount];
        const double rotation = (id % 2 ? -1.0 : 1.0) * 0.1 * id;
        const double scale = 0.75 + 0.75 * id / 9.0;
        d.partners.push_back({id * 3, "Partner " + std::to_string(id) + "\n\ttab \x01 ctrl, ëïö ∑",
                              c, p.x, p.y, geo::ring_at(p), rotation, scale});
        ++id;
    }
    d.links = {{1, 3, kSchool}, {2, kSchool, 6}, {5, 6, 9}, {6, 27, 3}};
    d.priorities = {{1, 3, {{1.5, 2.25}, {-3, 4}, {5e-5, -6e5}}}, {7, 27, {}}, {3, 6, {{0, 0}}}};
    return d;
}

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
    EXPECT_TRUE(a.starts_with("{\n    \"format_version\": 1,\n    \"app\": \"netwerkkaart\","));
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

// ---- the golden file ---------------------------------------------------------------------

TEST(BoardFile, GoldenVersion1FileLoads) {
    auto r = load_board_file(kGolden);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(r)) << std::get<LoadError>(r).detail;
    const LoadedBoard& b = std::get<LoadedBoard>(r);
    const Document& d = b.doc;
    EXPECT_TRUE(b.repairs.empty()) << dump(b.repairs);
    EXPECT_EQ(d.school, "Basisschool De Linde");
    EXPECT_EQ(d.date, "2024-03-14");
    EXPECT_EQ(d.phase, Phase::Prioriteiten);
    ASSERT_EQ(d.participants.size(), 3u);
    EXPECT_EQ(d.participants[1], (Participant{2, "Joke", Role::Zorgcoordinator}));
    ASSERT_EQ(d.partners.size(), 6u);
    EXPECT_EQ(d.partners[0], (Partner{1, "CLB Gent", Category::Zorg, 120, -80, 1, 0, 1}));
    EXPECT_EQ(d.partners[1], (Partner{2, "Coördinatie zorg", Category::Beleid, -250, 100, 2, 0.12, 1}));
    EXPECT_EQ(d.partners[2].scale, 1.25);
    EXPECT_EQ(d.partners[4].text, "Hogeschool – stagiairs lager onderwijs");
    EXPECT_EQ(d.partners[4].ring, 4);
    EXPECT_EQ(d.partners[5].ring, 0);  // parked in the lane
    ASSERT_EQ(d.links.size(), 4u);
    EXPECT_EQ(d.links[0], (Link{1, 1, kSchool}));
    EXPECT_EQ(d.links[2], (Link{3, kSchool, 3}));
    ASSERT_EQ(d.priorities.size(), 1u);
    EXPECT_EQ(d.priorities[0].participant, 2);
    EXPECT_EQ(d.priorities[0].partner, 1);
    ASSERT_EQ(d.priorities[0].stroke.size(), 6u);
    EXPECT_EQ(d.priorities[0].stroke.back(), (Vec2{72.5, -118.25}));
}

// The writer still writes version 1 byte for byte. When the format changes on purpose,
// keep board-v1.json (it must stay loadable) and add a golden file for the new version.
TEST(BoardFile, WriterStillWritesTheGoldenBytes) {
    const std::string bytes = read_all(kGolden);
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

// ---- refused input -------------------------------------------------------------------------

TEST(BoardFile, EmptyAndWhitespaceAreEmpty) {
    EXPECT_EQ(refused("").kind, LoadErrorKind::Empty);
    EXPECT_EQ(refused(" \n\t\r\n ").kind, LoadErrorKind::Empty);
    EXPECT_EQ(refused("\xEF\xBB\xBF \n").kind, LoadErrorKind::Empty);
}

TEST(BoardFile, GarbageIsNotJson) {
    EXPECT_EQ(refused("hello").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused("{\"format_version\":1,}").kind, LoadErrorKind::NotJson);  // trailing comma
    EXPECT_EQ(refused("{\"partners\":[]} trailing").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused(std::string("{\"partners\":[]}\0{", 17)).kind, LoadErrorKind::NotJson);  // NUL byte
    std::mt19937 rng(12345);
    for (int i = 0; i < 200; ++i) {
        std::string bytes(1 + rng() % 300, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        EXPECT_TRUE(std::holds_alternative<LoadError>(parse_board(bytes)));
    }
}

TEST(BoardFile, ErrorsSayWhere) {
    const LoadError e = refused("{\"partners\": [1, 2,, 3]}");
    EXPECT_EQ(e.kind, LoadErrorKind::NotJson);
    EXPECT_NE(e.detail.find("offset 19"), std::string::npos) << e.detail;
}

TEST(BoardFile, NonObjectsAndForeignObjectsAreNotBoards) {
    EXPECT_EQ(refused("[1, 2, 3]").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("\"board\"").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("42").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("null").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("{}").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused(R"({"name": "package.json", "version": "1.0"})").kind, LoadErrorKind::NotABoard);
}

TEST(BoardFile, NewerVersionIsRefusedWithItsNumber) {
    const LoadError e = refused(R"({"format_version": 99, "partners": [], "something_new": {"a": 1}})");
    EXPECT_EQ(e.kind, LoadErrorKind::NewerVersion);
    EXPECT_EQ(e.version, 99);
    EXPECT_EQ(refused(R"({"format_version": 1.5})").version, 2);
}

TEST(BoardFile, TruncatedGoldenFileNeverCrashes) {
    const std::string bytes = read_all(kGolden);
    ASSERT_GT(bytes.size(), 1000u);
    for (size_t n = 0; n < bytes.size(); ++n) {
        auto r = parse_board(std::string_view(bytes).substr(0, n));
        if (auto* b = std::get_if<LoadedBoard>(&r)) {
            EXPECT_TRUE(invariant_violations(b->doc).empty()) << "cut at " << n;
            EXPECT_GE(n, bytes.size() - 1) << "only the final newline may be cut";
        }
    }
}

TEST(BoardFile, MutatedFilesGiveAnErrorOrAValidBoard) {
    const std::string golden = serialize_board(rich_document());
    const char tokens[] = "{}[],:\"\\0123456789.eE-+ aztfnul\xC3\xA9\xFF\x80";
    std::mt19937 rng(2024);
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string bytes = golden;
        for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) {
            const size_t at = rng() % bytes.size();
            const char c = tokens[rng() % (sizeof tokens - 1)];
            switch (rng() % 3) {
                case 0: bytes[at] = c; break;
                case 1: bytes.insert(at, 1, c); break;
                default: bytes.erase(at, 1 + rng() % 8); break;
            }
        }
        auto r = parse_board(bytes);
        if (auto* b = std::get_if<LoadedBoard>(&r)) {
            ++accepted;
            ASSERT_TRUE(invariant_violations(b->doc).empty()) << bytes;
        }
    }
    EXPECT_GT(accepted, 100);  // the test also exercises the repairs, not only the parser
}

TEST(BoardFile, DeepNestingIsTooDeepAndQuick) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(refused(std::string(100'000, '[')).kind, LoadErrorKind::TooDeep);
    EXPECT_EQ(refused(std::string(100'000, '[') + std::string(100'000, ']')).kind, LoadErrorKind::TooDeep);
    std::string objects;
    for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
    EXPECT_EQ(refused(objects).kind, LoadErrorKind::TooDeep);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(BoardFile, NestingUpToTheCapIsRead) {
    // The root object is level 1, so an unknown field may nest kMaxJsonDepth - 1 levels.
    const int inner = kMaxJsonDepth - 1;
    const std::string deep = std::string(static_cast<size_t>(inner), '[') + std::string(static_cast<size_t>(inner), ']');
    EXPECT_TRUE(ok(R"({"format_version":1,"future":)" + deep + "}").doc.partners.empty());
    const std::string deeper = "[" + deep + "]";
    EXPECT_EQ(refused(R"({"format_version":1,"future":)" + deeper + "}").kind, LoadErrorKind::TooDeep);
}

TEST(BoardFile, HugeInputIsTooLarge) {
    std::string big(100u << 20, 'a');  // 100 MB
    big.front() = '"';
    big.back() = '"';
    EXPECT_EQ(refused(big).kind, LoadErrorKind::TooLarge);
}

TEST(BoardFile, TooManyValuesIsTooLarge) {
    std::string zeros = R"({"format_version":1,"future":[0)";
    zeros.reserve(2 * kMaxJsonValues + 64);
    for (size_t i = 0; i < kMaxJsonValues; ++i) zeros += ",0";
    zeros += "]}";
    ASSERT_LT(zeros.size(), kMaxFileBytes);
    const LoadError e = refused(zeros);
    EXPECT_EQ(e.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(e.detail.find("JSON values"), std::string::npos) << e.detail;
}

TEST(BoardFile, ListsPastTheirCapsAreTooLarge) {
    std::string links = "[{}";
    for (size_t i = 0; i < kMaxListLength; ++i) links += ",{}";
    links += "]";
    EXPECT_EQ(refused(board_json("[]", links)).kind, LoadErrorKind::TooLarge);

    std::string stroke = "[[0,0]";
    for (size_t i = 0; i < kMaxStrokePoints; ++i) stroke += ",[1,1]";
    stroke += "]";
    const std::string prio = R"([{"participant":1,"partner":1,"stroke":)" + stroke + "}]";
    const LoadError e = refused(board_json("[" + partner_json(1) + "]", "[]", prio));
    EXPECT_EQ(e.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(e.detail.find("stroke"), std::string::npos) << e.detail;
}

TEST(BoardFile, NanAndInfinityTokensAreNotJson) {
    for (const char* v : {"NaN", "Infinity", "-Infinity", "nan", "inf"}) {
        const std::string json = R"({"format_version":1,"partners":[{"id":1,"x":)" + std::string(v) + R"(,"y":0}]})";
        EXPECT_EQ(refused(json).kind, LoadErrorKind::NotJson) << v;
    }
}

// 1e400 is refused as malformed (rapidjson: "number too big"); numbers that slip just
// past DBL_MAX become infinite and are repaired; numbers too small to represent become 0.
TEST(BoardFile, HugeAndTinyNumbers) {
    EXPECT_EQ(refused(R"({"format_version":1,"partners":[{"id":1,"x":1e400,"y":0}]})").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused(R"({"format_version":1,"partners":[{"id":1,"x":-1e400,"y":0}]})").kind, LoadErrorKind::NotJson);

    // 1.8e308 passes rapidjson's own range check but is past DBL_MAX.
    const LoadedBoard b = ok(R"({"format_version":1,"partners":[{"id":1,"x":1.8e308,"y":0,"ring":0}]})");
    ASSERT_EQ(b.doc.partners.size(), 1u);
    EXPECT_TRUE(std::isfinite(b.doc.partners[0].x));
    EXPECT_EQ(b.doc.partners[0].ring, 0);  // moved to the parking lane
    EXPECT_TRUE(mentions(b.repairs, "non-finite")) << dump(b.repairs);

    const LoadedBoard tiny = ok(R"({"format_version":1,"partners":[{"id":1,"x":1e-400,"y":-0.5e-999,"ring":1}]})");
    ASSERT_EQ(tiny.doc.partners.size(), 1u);
    EXPECT_EQ(tiny.doc.partners[0].x, 0);
    EXPECT_EQ(tiny.doc.partners[0].y, 0);
}

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

// ---- reading files -------------------------------------------------------------------------

TEST(BoardFile, MissingFileIsUnreadable) {
    auto r = load_board_file("/nonexistent/dir/board.json");
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::Unreadable);
    EXPECT_NE(std::get<LoadError>(r).detail.find("/nonexistent/dir/board.json"), std::string::npos);
}

TEST(BoardFile, DirectoryIsUnreadable) {
    auto r = load_board_file(NK_TEST_DATA);
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::Unreadable);
}

TEST(BoardFile, HugeFileIsTooLargeWithoutReadingItAll) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("nk_board_file_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                       "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".json");
    { std::ofstream(path) << "{"; }
    std::filesystem::resize_file(path, 100u << 20);  // sparse: costs no disk
    auto r = load_board_file(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::TooLarge);
    if (std::filesystem::exists("/dev/zero")) {
        auto z = load_board_file("/dev/zero");
        ASSERT_TRUE(std::holds_alternative<LoadError>(z));
        EXPECT_EQ(std::get<LoadError>(z).kind, LoadErrorKind::TooLarge);
    }
}

}  // namespace
}  // namespace nk
