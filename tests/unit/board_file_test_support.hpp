// Helpers shared by the board file tests (tests/unit/board_file_*_test.cpp): reading
// the golden files, parsing that must succeed or fail, repair reports, and builders of
// board JSON and of documents. Header-only (inline), so that each part stays its own
// test binary.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include "board_file.hpp"
#include "geometry.hpp"

namespace nk::board_file_test {

// board-v1.json: written by version 1, board-v2.json by version 2, never changed.
// board-v3.json: what this writer writes.
inline const std::string kGoldenV1 = std::string(NK_TEST_DATA) + "/board-v1.json";
inline const std::string kGoldenV2 = std::string(NK_TEST_DATA) + "/board-v2.json";
inline const std::string kGoldenV3 = std::string(NK_TEST_DATA) + "/board-v3.json";

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The board in `bytes`; fails the test when it was refused.
inline LoadedBoard ok(std::string_view bytes) {
    auto r = parse_board(bytes);
    if (auto* e = std::get_if<LoadError>(&r)) {
        ADD_FAILURE() << "refused: " << e->detail;
        return {};
    }
    return std::get<LoadedBoard>(std::move(r));
}

// The error for `bytes`; fails the test when it was accepted.
inline LoadError refused(std::string_view bytes) {
    auto r = parse_board(bytes);
    if (auto* b = std::get_if<LoadedBoard>(&r)) {
        ADD_FAILURE() << "accepted a board with " << b->doc.partners.size() << " partners";
        return {};
    }
    return std::get<LoadError>(r);
}

inline bool mentions(const RepairReport& r, std::string_view word) {
    return std::any_of(r.changes.begin(), r.changes.end(),
                       [&](const std::string& c) { return c.find(word) != std::string::npos; });
}

inline std::string dump(const RepairReport& r) {
    std::string s;
    for (const std::string& c : r.changes) s += "  " + c + "\n";
    return s;
}

// A version-1 board with the given partners/links/priorities JSON (participants 1 and 2).
inline std::string board_json(const std::string& partners, const std::string& links = "[]",
                       const std::string& priorities = "[]") {
    return R"({"format_version":1,"app":"netwerkkaart","school":"S","date":"2024-01-02","phase":"1",)"
           R"("participants":[{"id":1,"name":"A","role":"leraar"},{"id":2,"name":"B","role":"extern"}],)"
           R"("partners":)" + partners + R"(,"links":)" + links + R"(,"priorities":)" + priorities + "}";
}

// One clean partner object.
inline std::string partner_json(int id, double x = 100, double y = 0, const std::string& extra = "") {
    std::ostringstream s;
    s << R"({"id":)" << id << R"(,"text":"P)" << id << R"(","category":"zorg","x":)" << x << R"(,"y":)" << y
      << R"(,"ring":)" << geo::ring_at({x, y}) << R"(,"rotation":0,"scale":1)" << extra << "}";
    return s.str();
}

inline Document rich_document() {
    Document d;
    d.school = "Sint-Jozefsinstituut \"Oost\" \\ Campus Ü — 🌳";
    d.goal = "Wat willen we \"weten\"?\nTwee regels — 🌳";
    d.date = "2025-11-30";
    d.phase = Phase::Gesprek;
    d.participants = {{1, "Ann", Role::Leraar},
                      {2, "", Role::Directie},
                      {3, "Émile", Role::Beleidsondersteuner},
                      {7, "Zeynep", Role::Zorgcoordinator},
                      {9, "Tom (CLB)", Role::Extern}};
    const Category cats[] = {Category::Zorg,      Category::Professionalisering, Category::Aanbod, Category::Stages,
                             Category::Projecten, Category::Beleid,              Category::Andere, Category::Ongesorteerd};
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

// What board-v2.json holds: a board at the end of phase 4 that uses every field.
inline Document v2_document() {
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

// What board-v3.json holds: board-v2.json's board with a goal, and the post-it still in
// its writer's tray not sorted yet.
inline Document v3_document() {
    Document d = v2_document();
    d.goal = "Zien met wie we samenwerken rond welzijn — en waar we \"alleen\" staan.";
    d.partners.at(6).category = Category::Ongesorteerd;
    return d;
}

// A version-2 board: participants 1 and 2, partners 1 and 2 (the first with `partner_extra`
// appended), no links or priorities, and `top` appended to the top-level object.
inline std::string v2_json(const std::string& top, const std::string& partner_extra = "") {
    std::string j = board_json("[" + partner_json(1, 100, 0, partner_extra) + "," + partner_json(2, 0, 250) + "]");
    j.replace(j.find("\"format_version\":1"), 18, "\"format_version\":2");
    j.insert(j.size() - 1, top);
    return j;
}

}  // namespace nk::board_file_test
