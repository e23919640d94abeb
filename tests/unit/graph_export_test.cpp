// GraphML and CSV exports: escaping and quoting here, and a check with independent
// readers (networkx.read_graphml, Python's csv module) via tests/scripts/check_graphml.py.
#include "graph_export.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

Partner partner(Id id, std::string text, Category c, Vec2 at, bool face_up = true) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.category = c;
    p.x = at.x, p.y = at.y;
    p.ring = geo::ring_at(at);
    p.face_up = face_up;
    return p;
}

// A board whose texts need every kind of escaping.
Document board() {
    Document d;
    d.school = "Basisschool \"De Linde\" & co <Gent>";
    d.date = "2026-11-29";
    d.participants = {{1, "Ann", Role::Leraar}, {2, "Bert", Role::Directie}, {3, "Cis", Role::Leraar}};
    d.partners = {partner(1, "CLB Gent", Category::Zorg, {120, -80}),
                  partner(4, "Coördinatie, zorg \"intern\"", Category::Beleid, {-250, 100}),
                  partner(5, "Twee\nregels\r\nen 'tab'\t<b>&amp;", Category::Projecten, {0, 400}),
                  partner(6, "Geheim (nog in de lade)", Category::Andere, {700, 0}, false),
                  partner(7, std::string("ctrl \x01 en \xEF\xBF\xBE"), Category::Stages, {720, 120}),
                  partner(8, " spaties rond ", Category::Aanbod, {-700, 0})};
    d.partners[1].overrepresented = true;
    d.partners[4].missing = true;
    d.links = {{1, 1, kSchool}, {2, kSchool, 4}, {3, 4, 5}, {4, 6, 1}, {9, 5, 8}};
    d.priorities = {{1, 1, {}}, {2, 1, {}}, {3, 4, {}}};
    return d;
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// One node per face-up post-it plus the school, one edge per line between them: the
// face-down post-it (6) and its line (4) are left out, nothing else is.
TEST(GraphExport, OneNodePerVisiblePostItAndOneEdgePerLine) {
    const std::string g = to_graphml(board(), false);
    EXPECT_EQ(count(g, "<node id="), 1u + 5u) << g;
    EXPECT_EQ(count(g, "<edge id="), 4u) << g;
    for (const char* node : {"\"school\"", "\"p1\"", "\"p4\"", "\"p5\"", "\"p7\"", "\"p8\""})
        EXPECT_NE(g.find(std::string("<node id=") + node), std::string::npos) << node;
    const std::string csv = partners_csv(board());
    // A header and five rows; post-it 5's text holds one CRLF of its own (quoted), and
    // it is an end of two of the four lines.
    EXPECT_EQ(count(csv, "\r\n"), 1u + 5u + 1u) << csv;
    EXPECT_EQ(count(links_csv(board()), "\r\n"), 1u + 4u + 2u) << links_csv(board());
}

TEST(GraphExport, GraphmlEscapesAndDeclaresKeys) {
    const std::string g = to_graphml(board(), false);
    EXPECT_TRUE(g.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
    EXPECT_TRUE(g.ends_with("</graphml>\n"));
    for (const char* s :
         {"<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
          "<key id=\"ring\" for=\"node\" attr.name=\"ring\" attr.type=\"int\"/>",
          "<key id=\"priority_count\" for=\"node\" attr.name=\"priority_count\" attr.type=\"int\"/>",
          "<key id=\"priority_zorgcoordinator\" for=\"node\"", "attr.type=\"boolean\"/>",
          "<graph id=\"netwerkkaart\" edgedefault=\"undirected\">",
          "<data key=\"label\">Basisschool &quot;De Linde&quot; &amp; co &lt;Gent&gt;</data>",
          "<data key=\"label\">Twee\nregels&#13;\nen &apos;tab&apos;\t&lt;b&gt;&amp;amp;</data>",
          "<data key=\"label\">ctrl \xEF\xBF\xBD en \xEF\xBF\xBD</data>", "<node id=\"p4\">",
          "<edge id=\"l1\" source=\"p1\" target=\"school\"/>", "<edge id=\"l2\" source=\"school\" target=\"p4\"/>",
          "<data key=\"priority_count\">2</data>", "<data key=\"priority_leraar\">1</data>",
          "<data key=\"missing\">true</data>"})
        EXPECT_NE(g.find(s), std::string::npos) << s << "\n" << g;
    // The face-down note and its link are not exported.
    EXPECT_EQ(g.find("Geheim"), std::string::npos);
    EXPECT_EQ(g.find("p6"), std::string::npos);
    EXPECT_EQ(g.find("l4"), std::string::npos);
    // No participant names, whatever `anonymous` says.
    EXPECT_EQ(to_graphml(board(), true), g);
    for (const char* name : {"Ann", "Bert", "Cis"}) EXPECT_EQ(g.find(name), std::string::npos) << name;
}

// The goal of the conversation is graph data, left out of an anonymous export; a post-it
// not sorted yet carries its own kind.
TEST(GraphExport, GoalAndUnsortedKindAreCarried) {
    Document d = board();
    d.goal = "Zien wie ons helpt & waar";
    d.partners.at(0).category = Category::Ongesorteerd;
    const std::string g = to_graphml(d, false);
    EXPECT_NE(g.find("<key id=\"goal\" for=\"graph\" attr.name=\"goal\" attr.type=\"string\"/>"), std::string::npos);
    EXPECT_NE(g.find("<data key=\"goal\">Zien wie ons helpt &amp; waar</data>"), std::string::npos) << g;
    EXPECT_EQ(to_graphml(d, true).find("Zien wie"), std::string::npos);
    EXPECT_NE(g.find("<data key=\"category\">ongesorteerd</data>"), std::string::npos) << g;
    EXPECT_NE(partners_csv(d).find(",ongesorteerd,"), std::string::npos) << partners_csv(d);
}

TEST(GraphExport, InvalidUtf8BecomesReplacementCharacters) {
    Document d;
    d.school = "bad \xC3 byte";
    d.partners = {partner(1, "CLB \xFF", Category::Zorg, {120, -80})};
    d.links = {{1, kSchool, 1}};
    EXPECT_NE(to_graphml(d, false).find("bad \xEF\xBF\xBD byte"), std::string::npos);
    EXPECT_NE(to_graphml(d, false).find("CLB \xEF\xBF\xBD"), std::string::npos);
    EXPECT_NE(partners_csv(d).find("\r\n1,CLB \xEF\xBF\xBD,zorg,"), std::string::npos) << partners_csv(d);
    // Both ends' texts in the lines' file are repaired too.
    EXPECT_NE(links_csv(d).find("\r\n1,school,1,bad \xEF\xBF\xBD byte,CLB \xEF\xBF\xBD\r\n"), std::string::npos)
        << links_csv(d);
}

TEST(GraphExport, PartnersCsvQuotesAsRfc4180) {
    const std::string csv = partners_csv(board());
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFid,text,category,ring,priority_count,missing,overrepresented\r\n"));
    EXPECT_NE(csv.find("\r\n1,CLB Gent,zorg,1,2,false,false\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n4,\"Coördinatie, zorg \"\"intern\"\"\",beleid,2,1,false,true\r\n"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n5,\"Twee\nregels\r\nen 'tab'\t<b>&amp;\",projecten,3,0,false,false\r\n"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n8, spaties rond ,aanbod,0,0,false,false\r\n"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("Geheim"), std::string::npos);
    EXPECT_TRUE(csv.ends_with("\r\n"));
}

TEST(GraphExport, LinksCsv) {
    const std::string csv = links_csv(board());
    EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFid,from,to,from_text,to_text\r\n"));
    EXPECT_NE(csv.find("\r\n1,1,school,CLB Gent,\"Basisschool \"\"De Linde\"\" & co <Gent>\"\r\n"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\n2,school,4,"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("\r\n4,"), std::string::npos) << csv;  // to the face-down note
    EXPECT_NE(csv.find("\r\n9,5,8,"), std::string::npos) << csv;
}

TEST(GraphExport, EmptyBoard) {
    Document d;
    d.school = "";
    const std::string g = to_graphml(d, false);
    EXPECT_NE(g.find("<node id=\"school\">"), std::string::npos);
    EXPECT_EQ(g.find("<edge"), std::string::npos);
    EXPECT_EQ(partners_csv(d), "\xEF\xBB\xBFid,text,category,ring,priority_count,missing,overrepresented\r\n");
    EXPECT_EQ(links_csv(d), "\xEF\xBB\xBFid,from,to,from_text,to_text\r\n");
}

// ---- independent readers ------------------------------------------------------------------

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (b < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", b);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string json_row(const std::vector<std::string>& cells) {
    std::string out = "[";
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + json_string(cells[i]);
    return out + "]";
}

bool python_has_networkx() { return std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0; }

void write(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

TEST(GraphExport, NetworkxAndCsvReadWhatWeWrite) {
    if (!python_has_networkx())
        FAIL() << "/usr/bin/python3 cannot import networkx (Debian: apt-get install python3-networkx; scripts/deps does)";
    const std::filesystem::path script = std::filesystem::path(NK_TEST_DATA) / ".." / "scripts" / "check_graphml.py";
    ASSERT_TRUE(std::filesystem::exists(script)) << script;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("nk_graph_export_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::filesystem::create_directories(dir);

    const Document d = board();
    write(dir / "map.graphml", to_graphml(d, true));
    write(dir / "partners.csv", partners_csv(d));
    write(dir / "links.csv", links_csv(d));

    const std::string fffd = "\xEF\xBF\xBD";
    auto node = [](const Partner& p, int count, int leraar, int directie, const std::string& label) {
        std::ostringstream s;
        s << "{\"kind\":\"partner\",\"label\":" << json_string(label) << ",\"category\":\""
          << category_id(p.category) << "\",\"ring\":" << p.ring << ",\"priority_count\":" << count
          << ",\"priority_leraar\":" << leraar << ",\"priority_directie\":" << directie
          << ",\"priority_beleidsondersteuner\":0,\"priority_zorgcoordinator\":0,\"priority_extern\":0"
          << ",\"missing\":" << (p.missing ? "true" : "false")
          << ",\"overrepresented\":" << (p.overrepresented ? "true" : "false") << "}";
        return s.str();
    };
    const auto& P = d.partners;
    std::ostringstream want;
    want << "{\"graphml\":" << json_string((dir / "map.graphml").string())
         << ",\"partners_csv\":" << json_string((dir / "partners.csv").string())
         << ",\"links_csv\":" << json_string((dir / "links.csv").string())
         << ",\"graph\":{\"school\":" << json_string(d.school) << ",\"date\":\"2026-11-29\"}"
         << ",\"nodes\":{\"school\":{\"kind\":\"school\",\"label\":" << json_string(d.school) << "}"
         << ",\"p1\":" << node(P[0], 2, 1, 1, P[0].text) << ",\"p4\":" << node(P[1], 1, 1, 0, P[1].text)
         << ",\"p5\":" << node(P[2], 0, 0, 0, P[2].text)
         << ",\"p7\":" << node(P[4], 0, 0, 0, "ctrl " + fffd + " en " + fffd)
         << ",\"p8\":" << node(P[5], 0, 0, 0, P[5].text) << "}"
         << ",\"edges\":[[\"p1\",\"school\"],[\"school\",\"p4\"],[\"p4\",\"p5\"],[\"p5\",\"p8\"]]"
         << ",\"partners_rows\":["
         << json_row({"id", "text", "category", "ring", "priority_count", "missing", "overrepresented"}) << ","
         << json_row({"1", "CLB Gent", "zorg", "1", "2", "false", "false"}) << ","
         << json_row({"4", P[1].text, "beleid", "2", "1", "false", "true"}) << ","
         << json_row({"5", P[2].text, "projecten", "3", "0", "false", "false"}) << ","
         << json_row({"7", P[4].text, "stages", "0", "0", "true", "false"}) << ","
         << json_row({"8", P[5].text, "aanbod", "0", "0", "false", "false"}) << "]"
         << ",\"links_rows\":[" << json_row({"id", "from", "to", "from_text", "to_text"}) << ","
         << json_row({"1", "1", "school", "CLB Gent", d.school}) << ","
         << json_row({"2", "school", "4", d.school, P[1].text}) << ","
         << json_row({"3", "4", "5", P[1].text, P[2].text}) << ","
         << json_row({"9", "5", "8", P[2].text, P[5].text}) << "]}";
    write(dir / "expected.json", want.str());

    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + (dir / "expected.json").string() +
                            "' > '" + (dir / "out.txt").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream out(dir / "out.txt");
    std::stringstream msg;
    msg << out.rdbuf();
    EXPECT_EQ(rc, 0) << msg.str();
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nk
