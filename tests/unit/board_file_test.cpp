// The board file: round trips, the golden files, and hostile or damaged input.
//
// Sections: helpers; writing and round trips; the golden files; refused input (errors);
// repaired input; version-2 fields; reading files from disk.
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

// board-v1.json: written by version 1, never changed. board-v2.json: what this writer writes.
const std::string kGoldenV1 = std::string(NK_TEST_DATA) + "/board-v1.json";
const std::string kGoldenV2 = std::string(NK_TEST_DATA) + "/board-v2.json";

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
        const Id authors[] = {0, 1, 2, 3, 7, 9};
        d.partners.push_back({id * 3, "Partner " + std::to_string(id) + "\n\ttab \x01 ctrl, ëïö ∑", c, p.x, p.y,
                              geo::ring_at(p), rotation, scale, authors[static_cast<size_t>(id) % 6], id % 3 != 0,
                              static_cast<Side>(id % 4), id == 4, id == 5 || id == 8});
        ++id;
    }
    d.links = {{1, 3, kSchool}, {2, kSchool, 6}, {5, 6, 9}, {6, 27, 3}};
    d.priorities = {{1, 3, {{1.5, 2.25}, {-3, 4}, {5e-5, -6e5}}}, {7, 27, {}}, {3, 6, {{0, 0}}}};
    d.facilitator = 7;
    d.notetaker = 3;
    d.plan_minutes = 120;
    d.notes = {{3, "f1.actoren", "Wie: \"CLB\" \\ zorgteam\nélan — 🌳"},
               {27, "f2.verbinding", ""},
               {3, "f3.school", "één"},
               {6, "f2.tijd", "tab\there"}};
    d.closing = {{"verder", "Volgend jaar opnieuw."}, {"metafoor", ""}, {"oververtegenwoordigd", "Nascholing ×3"}};
    d.actions = {{4, "Bellen", "Émile", "juni 2027"}, {1, "", "", ""}, {9, "Plan — fase 2", "Ann & Tom", "vóór 1/9"}};
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
    EXPECT_TRUE(a.starts_with("{\n    \"format_version\": 2,\n    \"app\": \"netwerkkaart\","));
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

// What board-v2.json holds: a board at the end of phase 4 that uses every field.
Document v2_document() {
    Document d;
    d.school = "Gemeentelijke Basisschool ’t Zonneke – Oostakker";
    d.date = "2025-09-23";
    d.phase = Phase::Terugblik;
    d.plan_minutes = 120;
    d.facilitator = 2;
    d.notetaker = 4;
    d.participants = {{1, "Sofie", Role::Directie},  {2, "Bram", Role::Beleidsondersteuner},
                      {3, "Joke", Role::Zorgcoordinator}, {4, "Mehmet", Role::Leraar},
                      {5, "Inès", Role::Leraar},      {6, "Griet (CLB)", Role::Extern}};
    d.partners = {
        {1, "CLB Gent", Category::Zorg, 120, -80, 1, 0, 1, 3, true, Side::Bottom, false, false},
        {2, "Pedagogische begeleidingsdienst", Category::Professionalisering, 300, 200, 3, -0.2, 1.25, 1, true,
         Side::Right, false, true},
        {3, "Ouderraad – werkgroep feesten", Category::Beleid, -250, 100, 2, 0.12, 1, 2, true, Side::Left, false, false},
        {4, "Bibliotheek Sint-Amandsberg", Category::Aanbod, 0, 250, 2, 0, 1, 5, true, Side::Bottom, false, false},
        {5, "Hogeschool – stagiairs kleuteronderwijs", Category::Stages, -420, -300, 4, 3.1416, 0.9, 4, true, Side::Top,
         false, false},
        {6, "Buurtwerk ’t Centrum", Category::Andere, 520, 160, 4, 0, 1, 0, true, Side::Bottom, true, false},
        {7, "Atletiekclub „Oost”: naschoolse sport", Category::Projecten, -720, 200, 0, 1.5708, 1, 5, false, Side::Left,
         false, false},
        {8, "Logopedie – zelfstandige praktijk", Category::Zorg, 700, -350, 0, 3.1416, 1, 6, false, Side::Top, false,
         false}};
    d.links = {{1, 1, kSchool}, {2, 3, 1}, {3, kSchool, 2}, {4, 4, 5}};
    d.priorities = {{3, 1, {{70, -120}, {170, -110}, {185, -50}, {120, -30}, {72.5, -118.25}}},
                    {1, 2, {{250, 150}, {350, 160}, {340, 250}, {255.5, 245.75}}}};
    d.notes = {
        {1, "f1.samenwerking", "Wekelijks MDO; de CLB-medewerker komt elke dinsdag naar school."},
        {1, "f2.tijd", "Te weinig tijd voor overleg tussen leraren en CLB — vaak pas na de schooluren."},
        {1, "f3.leerlingen", "Snellere opvolging van leerlingen met leerstoornissen; minder wachttijd."},
        {2, "f1.beweegredenen", "Nieuwe leerplannen: de directie wil één gedeelde visie op evaluatie."},
        {2, "f2.leiderschap", "Het beleidsteam kiest mee de thema’s van de nascholingen."},
        {2, "f3.leraren", "Leraren voelen zich zekerder bij differentiëren en co-teaching."}};
    d.closing = {{"metafoor", "Een spinnenweb: stevig in het midden, losse draadjes aan de rand."},
                 {"inzichten", "Rond zorg werken we veel samen, rond naschoolse activiteiten nauwelijks."},
                 {"beleid", "Partnerschappen opnemen in het schoolwerkplan, met één aanspreekpunt per partner."}};
    d.actions = {{1, "Contact opnemen met Buurtwerk ’t Centrum", "Sofie", "oktober 2025"},
                 {2, "Overleg met het CLB inplannen vóór de kerstvakantie", "Joke en Griet", "december 2025"}};
    // One earlier version, saved after the priorities (phase 2C): a board of its own, with
    // no versions in it.
    Document before;
    before.school = d.school;
    before.date = d.date;
    before.phase = Phase::Prioriteiten;
    before.plan_minutes = 120;
    before.facilitator = 2;
    before.participants = {{1, "Sofie", Role::Directie}, {2, "Bram", Role::Beleidsondersteuner},
                           {3, "Joke", Role::Zorgcoordinator}};
    before.partners = {
        {1, "CLB Gent", Category::Zorg, 120, -80, 1, 0, 1, 3, true, Side::Bottom, false, false},
        {2, "Pedagogische begeleidingsdienst", Category::Professionalisering, 300, 200, 3, -0.2, 1.25, 1, true,
         Side::Right, false, false},
        {3, "Ouderraad – werkgroep feesten", Category::Beleid, 720, -300, 0, 0, 1, 2, true, Side::Left, false, false}};
    before.links = {{1, 1, kSchool}};
    before.priorities = {{3, 1, {{70, -120}, {185, -50}, {72.5, -118.25}}}};
    d.versions = {{"2025-09-23", "Na de prioriteiten — vóór het gesprek", before}};
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

// A version-1 board is saved as version 2 and reads back as the same board.
TEST(BoardFile, Version1BoardIsRewrittenAsVersion2) {
    const std::string v2 = serialize_board(ok(read_all(kGoldenV1)).doc);
    EXPECT_TRUE(v2.starts_with("{\n    \"format_version\": 2,")) << v2.substr(0, 60);
    const LoadedBoard back = ok(v2);
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
}

// The writer writes the golden file byte for byte. When the format changes on purpose,
// keep every board-vN.json (each must stay loadable, see above) and add a golden file for
// the new version; this test then checks the newest.
TEST(BoardFile, WriterReproducesTheGoldenBytes) {
    const std::string bytes = read_all(kGoldenV2);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(serialize_board(v2_document()), bytes);
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
    EXPECT_EQ(refused(R"({"format_version": 3, "partners": []})").version, 3);
    EXPECT_EQ(refused(R"({"format_version": 2.5})").version, 3);
    const LoadError next = refused(R"({"format_version": 3, "partners": []})");
    EXPECT_EQ(next.kind, LoadErrorKind::NewerVersion);
    EXPECT_NE(next.detail.find("newer than 2"), std::string::npos) << next.detail;
}

// Every version up to kFormatVersion reads without a remark; other numbers are read, reported.
TEST(BoardFile, KnownVersionsReadQuietly) {
    static_assert(kFormatVersion == 2);
    for (int v = 1; v <= kFormatVersion; ++v) {
        const LoadedBoard b = ok(R"({"format_version":)" + std::to_string(v) +
                                 R"(,"school":"S","date":"","phase":"0","participants":[],"partners":[],)"
                                 R"("links":[],"priorities":[]})");
        EXPECT_TRUE(b.repairs.empty()) << "version " << v << "\n" << dump(b.repairs);
    }
    for (const char* v : {"0", "-1", "1.5", "\"2\""})
        EXPECT_TRUE(mentions(ok(std::string(R"({"format_version":)") + v + R"(,"partners":[]})").repairs,
                             "format_version"))
            << v;
}

TEST(BoardFile, TruncatedGoldenFilesNeverCrash) {
    for (const std::string& golden : {kGoldenV1, kGoldenV2}) {
        const std::string bytes = read_all(golden);
        ASSERT_GT(bytes.size(), 1000u) << golden;
        for (size_t n = 0; n < bytes.size(); ++n) {
            auto r = parse_board(std::string_view(bytes).substr(0, n));
            if (auto* b = std::get_if<LoadedBoard>(&r)) {
                EXPECT_TRUE(invariant_violations(b->doc).empty()) << golden << " cut at " << n;
                EXPECT_GE(n, bytes.size() - 1) << golden << ": only the final newline may be cut";
            }
        }
    }
}

// Random edits of the rich document's file and of both golden files: each gives an error
// or a board that keeps every invariant and round-trips, and enough of them load to
// exercise the repairs.
class MutatedFiles : public ::testing::TestWithParam<int> {};

TEST_P(MutatedFiles, GiveAnErrorOrAValidBoard) {
    const std::string golden = GetParam() == 0   ? serialize_board(rich_document())
                               : GetParam() == 1 ? read_all(kGoldenV1)
                                                 : read_all(kGoldenV2);
    ASSERT_FALSE(golden.empty());
    const char tokens[] = "{}[],:\"\\0123456789.eE-+ aztfnul\xC3\xA9\xFF\x80";
    std::mt19937 rng(2024u + static_cast<unsigned>(GetParam()));
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
            // What was loaded is saved and read back unchanged, without repairs.
            const LoadedBoard back = ok(serialize_board(b->doc));
            ASSERT_EQ(back.doc, b->doc) << bytes;
            ASSERT_TRUE(back.repairs.empty()) << bytes << "\n" << dump(back.repairs);
        }
    }
    EXPECT_GT(accepted, 100);  // the test also exercises the repairs, not only the parser
}

INSTANTIATE_TEST_SUITE_P(BoardFile, MutatedFiles, ::testing::Values(0, 1, 2),
                         [](const ::testing::TestParamInfo<int>& i) {
                             return i.param == 0 ? std::string("RichDocument")
                                                 : "GoldenV" + std::to_string(i.param);
                         });

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

// ---- version-2 fields ----------------------------------------------------------------------

// A version-2 board: participants 1 and 2, partners 1 and 2 (the first with `partner_extra`
// appended), no links or priorities, and `top` appended to the top-level object.
std::string v2_json(const std::string& top, const std::string& partner_extra = "") {
    std::string j = board_json("[" + partner_json(1, 100, 0, partner_extra) + "," + partner_json(2, 0, 250) + "]");
    j.replace(j.find("\"format_version\":1"), 18, "\"format_version\":2");
    j.insert(j.size() - 1, top);
    return j;
}

TEST(BoardFile, WriterUsesTheDocumentedNames) {
    const std::string text = serialize_board(rich_document());
    for (const char* s :
         {"\"plan_minutes\": 120,", "\"facilitator\": 7,", "\"notetaker\": 3,", "\"author\": 9,",
          "\"face_up\": false,", "\"face_up\": true,", "\"side\": \"bottom\",", "\"side\": \"right\",",
          "\"side\": \"top\",", "\"side\": \"left\",", "\"missing\": true,", "\"missing\": false,", "\"overrepresented\": true", "\"overrepresented\": false",
          "\"notes\": [", "\"partner\": 27,", "\"card\": \"f2.verbinding\",", "\"closing\": [",
          "\"question\": \"metafoor\",", "\"actions\": [", "\"what\": \"Bellen\",", "\"who\": \"Émile\",",
          "\"due\": \"juni 2027\""})
        EXPECT_NE(text.find(s), std::string::npos) << s;
    Document empty;
    const std::string none = serialize_board(empty);
    for (const char* s : {"\"notes\": []", "\"closing\": []", "\"actions\": []", "\"facilitator\": 0,",
                          "\"notetaker\": 0,", "\"plan_minutes\": 90,"})
        EXPECT_NE(none.find(s), std::string::npos) << s << "\n" << none;
}

// A version-1 file lacks every version-2 field and is not broken for it; nor is a
// version-2 file that leaves them out. They take their defaults without a remark.
TEST(BoardFile, Version2FieldsAreOptionalInAnyVersion) {
    for (const std::string& json : {board_json("[" + partner_json(1) + "]"), v2_json("")}) {
        const LoadedBoard b = ok(json);
        EXPECT_TRUE(b.repairs.empty()) << json << "\n" << dump(b.repairs);
        EXPECT_EQ(b.doc.facilitator, 0);
        EXPECT_EQ(b.doc.notetaker, 0);
        EXPECT_EQ(b.doc.plan_minutes, 90);
        EXPECT_TRUE(b.doc.notes.empty() && b.doc.closing.empty() && b.doc.actions.empty());
        const Partner& p = b.doc.partners.at(0);
        EXPECT_EQ(p.author, 0);
        EXPECT_TRUE(p.face_up);
        EXPECT_EQ(p.side, Side::Bottom);
        EXPECT_FALSE(p.missing);
        EXPECT_FALSE(p.overrepresented);
    }
    // Each field alone may be missing too.
    const LoadedBoard one = ok(v2_json(R"(,"plan_minutes":120,"notes":[],"actions":[])", R"(,"face_up":false)"));
    EXPECT_TRUE(one.repairs.empty()) << dump(one.repairs);
    EXPECT_EQ(one.doc.plan_minutes, 120);
    EXPECT_FALSE(one.doc.partners.at(0).face_up);
    EXPECT_EQ(one.doc.partners.at(0).side, Side::Bottom);
}

TEST(BoardFile, Version2FieldsOfTheWrongTypeGetDefaults) {
    const LoadedBoard b = ok(v2_json(
        R"(,"facilitator":"2","notetaker":1.5,"plan_minutes":"120","notes":{"partner":1},"closing":"alles goed",)"
        R"("actions":[7,{"id":"1","what":["x"],"who":"An","due":null}])",
        R"(,"author":"2","face_up":0,"side":3,"missing":"yes","overrepresented":null)"));
    const Document& d = b.doc;
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 0);
    EXPECT_EQ(d.plan_minutes, 90);
    EXPECT_TRUE(d.notes.empty());
    EXPECT_TRUE(d.closing.empty());
    ASSERT_EQ(d.actions.size(), 1u);
    EXPECT_GT(d.actions[0].id, 0);
    EXPECT_EQ(d.actions[0].what, "");
    EXPECT_EQ(d.actions[0].who, "An");
    EXPECT_EQ(d.actions[0].due, "");
    const Partner& p = d.partners.at(0);
    EXPECT_EQ(p.author, 0);
    EXPECT_TRUE(p.face_up);
    EXPECT_EQ(p.side, Side::Bottom);
    EXPECT_FALSE(p.missing);
    EXPECT_FALSE(p.overrepresented);
    for (const char* what :
         {"facilitator is not an integer", "notetaker is not an integer", "plan_minutes is not an integer",
          "\"notes\" is not a list", "\"closing\" is not a list", "actions[0] is not an object",
          "actions[1].id is not an integer", "actions[1].what is not a string", "actions[1].due is not a string",
          "partners[0].author is not an integer", "partners[0].face_up is not true or false",
          "partners[0].side is not a string", "partners[0].missing is not true or false",
          "partners[0].overrepresented is not true or false"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, UnknownSideIsBottom) {
    const LoadedBoard b = ok(v2_json("", R"(,"side":"north")"));
    EXPECT_EQ(b.doc.partners.at(0).side, Side::Bottom);
    EXPECT_TRUE(mentions(b.repairs, "partners[0].side \"north\"")) << dump(b.repairs);
    for (Side s : {Side::Bottom, Side::Right, Side::Top, Side::Left}) {
        const std::string id(side_id(s));
        const LoadedBoard r = ok(v2_json("", R"(,"side":")" + id + "\""));
        EXPECT_EQ(r.doc.partners.at(0).side, s) << id;
        EXPECT_TRUE(r.repairs.empty()) << dump(r.repairs);
    }
}

// Ids that name nothing are left to nk::repair, which clears or drops them and says so.
TEST(BoardFile, DanglingIdsInVersion2FieldsAreRepaired) {
    const LoadedBoard b = ok(v2_json(
        R"(,"facilitator":9,"notetaker":-1,"plan_minutes":60,)"
        R"("notes":[{"partner":1,"card":"f1.actoren","text":"ok"},{"partner":77,"card":"f1.actoren","text":"weg"},)"
        R"({"partner":1,"card":"f9.onbekend","text":"weg"},{"partner":1,"card":"f1.actoren","text":"dubbel"}],)"
        R"("closing":[{"question":"metafoor","text":"ok"},{"question":"weer","text":"weg"},)"
        R"({"question":"metafoor","text":"dubbel"}],)"
        R"("actions":[{"id":3,"what":"a","who":"","due":""},{"id":3,"what":"b","who":"","due":""},)"
        R"({"id":-4,"what":"c","who":"","due":""}])",
        R"(,"author":42)"));
    const Document& d = b.doc;
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 0);
    EXPECT_EQ(d.plan_minutes, 90);
    EXPECT_EQ(d.partners.at(0).author, 0);
    EXPECT_EQ(d.notes, (std::vector<CardNote>{{1, "f1.actoren", "ok"}}));
    EXPECT_EQ(d.closing, (std::vector<ClosingAnswer>{{"metafoor", "ok"}}));
    ASSERT_EQ(d.actions.size(), 3u);
    EXPECT_EQ(d.actions[0].id, 3);
    EXPECT_EQ(d.actions[2].what, "c");
    for (const char* what : {"facilitator", "note-taker", "plan", "author", "card note", "closing question",
                             "action id"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, BrokenNotesAnswersAndActionsAreDroppedOrDefaulted) {
    const LoadedBoard b = ok(v2_json(
        R"(,"notes":[{"card":"f1.actoren","text":"geen partner"},{"partner":1,"text":"geen kaart"},)"
        R"({"partner":1,"card":5,"text":"kaart is geen tekst"},"los",{"partner":2,"card":"f2.tijd"}],)"
        R"("closing":[{"text":"geen vraag"},{"question":"verder"}],)"
        R"("actions":[{"what":"zonder id"},{"id":5}])"));
    const Document& d = b.doc;
    EXPECT_EQ(d.notes, (std::vector<CardNote>{{2, "f2.tijd", ""}}));
    EXPECT_EQ(d.closing, (std::vector<ClosingAnswer>{{"verder", ""}}));
    ASSERT_EQ(d.actions.size(), 2u);
    EXPECT_EQ(d.actions[0].what, "zonder id");
    EXPECT_EQ(d.actions[1].id, 5);
    EXPECT_NE(d.actions[0].id, 5);
    EXPECT_GT(d.actions[0].id, 0);
    for (const char* what : {"notes[0] dropped", "notes[1] dropped", "notes[2] dropped", "notes[3] is not an object",
                             "notes[4].text is missing", "closing[0] dropped", "closing[1].text is missing",
                             "actions[0].id is missing", "actions[1].what is missing", "action id(s) renumbered"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, InvalidUtf8InVersion2TextsIsReplaced) {
    const LoadedBoard b = ok(v2_json(
        ",\"notes\":[{\"partner\":1,\"card\":\"f1.actoren\",\"text\":\"a\xFF\"}],"
        "\"closing\":[{\"question\":\"inzichten\",\"text\":\"\xC3\"}],"
        "\"actions\":[{\"id\":1,\"what\":\"\xED\xA0\x80\",\"who\":\"W\xFE\",\"due\":\"\x80\"}]"));
    const Document& d = b.doc;
    EXPECT_EQ(d.notes.at(0).text, "a\xEF\xBF\xBD");
    EXPECT_EQ(d.closing.at(0).text, "\xEF\xBF\xBD");
    EXPECT_EQ(d.actions.at(0).who, "W\xEF\xBF\xBD");
    EXPECT_EQ(d.actions.at(0).due, "\xEF\xBF\xBD");
    for (const char* what : {"notes[0].text", "closing[0].text", "actions[0].what", "actions[0].who", "actions[0].due"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, Version2ListsPastTheCapAreTooLarge) {
    for (const char* key : {"notes", "closing", "actions"}) {
        std::string list = "[{}";
        for (size_t i = 0; i < kMaxListLength; ++i) list += ",{}";
        list += "]";
        const LoadError e = refused(v2_json(std::string(",\"") + key + "\":" + list));
        EXPECT_EQ(e.kind, LoadErrorKind::TooLarge) << key;
        EXPECT_NE(e.detail.find(key), std::string::npos) << e.detail;
    }
}

// kMaxListLength entries are still read, and quickly (repair uses sets, not searches).
TEST(BoardFile, ManyNotesLoadQuickly) {
    std::string notes = "[";
    for (size_t i = 0; i < kMaxListLength; ++i)
        notes += std::string(i ? "," : "") + R"({"partner":)" + std::to_string(i % 3) +
                 R"(,"card":"f2.tijd","text":"t"})";
    notes += "]";
    const auto start = std::chrono::steady_clock::now();
    const LoadedBoard b = ok(v2_json(",\"notes\":" + notes));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(b.doc.notes.size(), 2u);  // partners 1 and 2 once each; 0 and the repeats dropped
    EXPECT_TRUE(mentions(b.repairs, "card note")) << dump(b.repairs);
}

TEST(BoardFile, EveryFieldRoundTrips) {
    Document d = v2_document();
    d.partners[0].side = Side::Right;
    d.partners[1].face_up = false;
    d.partners[2].missing = d.partners[2].overrepresented = true;
    d.notetaker = 0;
    const LoadedBoard back = ok(serialize_board(d));
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
    EXPECT_EQ(back.doc, d);
}

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

TEST(BoardFile, TooManyVersionsAreTooLarge) {
    std::string list = "[";
    for (size_t i = 0; i <= kMaxVersions; ++i) list += (i ? "," : "") + version_json("{}");
    list += "]";
    const LoadError e = refused(with_versions(list));
    EXPECT_EQ(e.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(e.detail.find("versions"), std::string::npos) << e.detail;
    // Exactly at the cap is fine.
    list = "[";
    for (size_t i = 0; i < kMaxVersions; ++i) list += (i ? "," : "") + version_json("{}");
    list += "]";
    EXPECT_EQ(ok(with_versions(list)).doc.versions.size(), kMaxVersions);
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
