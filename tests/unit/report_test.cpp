// The session report (HTML and Markdown): every section, in order, with the real wording
// from assets/lang; escaping; the inline map; the anonymous version; what changed.
//
// With NK_WRITE_SAMPLE set, also writes /tmp/nk-report-sample.html (+ -anon.html, .md and
// the map PNG) to look at in a browser or print to PDF.
#include "report.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>

#include "base64.hpp"
#include "method.hpp"
#include "patterns.hpp"

namespace nk {
namespace {

// ---- helpers ------------------------------------------------------------------------------

const std::string kLang = std::string(NK_TEST_DATA) + "/../../assets/lang/";

Strings load_strings(const std::string& lang) {
    Strings s = Strings::load(kLang + lang + ".txt");
    s.merge(Strings::load(kLang + lang + "-method.txt"));
    s.merge(Strings::load(kLang + lang + "-report.txt"));
    return s;
}

const Strings& nl() {
    static const Strings s = load_strings("nl");
    return s;
}

// A small but real PNG (stored deflate blocks): rings around the school and coloured notes.
std::string make_png(int w, int h) {
    std::array<uint32_t, 256> table{};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    auto crc = [&](const std::string& s) {
        uint32_t c = 0xFFFFFFFFu;
        for (unsigned char b : s) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    };
    auto be32 = [](uint32_t v) {
        std::string s(4, '\0');
        for (int i = 0; i < 4; ++i) s[static_cast<size_t>(i)] = static_cast<char>(v >> (24 - 8 * i) & 0xFF);
        return s;
    };
    auto chunk = [&](const std::string& type, const std::string& data) {
        return be32(static_cast<uint32_t>(data.size())) + type + data + be32(crc(type + data));
    };
    std::string raw;
    const double cx = w / 2.0, cy = h / 2.0, unit = h / 9.0;
    const std::array<std::array<int, 3>, 6> notes{{{120, 180, 230}, {250, 200, 90}, {140, 210, 140},
                                                   {230, 140, 170}, {180, 160, 230}, {240, 170, 110}}};
    struct Note {
        double x, y;
    };
    std::vector<Note> centres;
    for (int i = 0; i < 12; ++i) {
        const double a = i * 0.52 + 0.3, rr = 1.0 + (i % 4) * 1.0 + 0.5;
        centres.push_back({cx + std::cos(a) * rr * unit, cy + std::sin(a) * rr * unit * 0.95});
    }
    for (int y = 0; y < h; ++y) {
        raw += '\0';
        for (int x = 0; x < w; ++x) {
            int r = 250, g = 248, b = 240;
            const double d = std::hypot(x - cx, y - cy) / unit;
            for (double ring : {1.5, 2.6, 3.6, 4.4})
                if (std::abs(d - ring) < 0.02) r = g = b = 150;
            if (d < 0.7) r = 60, g = 110, b = 115;
            for (size_t i = 0; i < centres.size(); ++i) {
                if (std::abs(x - centres[i].x) < unit * 0.35 && std::abs(y - centres[i].y) < unit * 0.25) {
                    const auto& c = notes[i % notes.size()];
                    r = c[0], g = c[1], b = c[2];
                }
            }
            raw += static_cast<char>(r);
            raw += static_cast<char>(g);
            raw += static_cast<char>(b);
        }
    }
    std::string z = "\x78\x01";
    for (size_t pos = 0; pos < raw.size() || pos == 0;) {
        const size_t n = std::min<size_t>(65535, raw.size() - pos);
        const bool last = pos + n == raw.size();
        z += static_cast<char>(last ? 1 : 0);
        z += static_cast<char>(n & 0xFF);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xFF);
        z += static_cast<char>(~n >> 8 & 0xFF);
        z.append(raw, pos, n);
        pos += n;
        if (last) break;
    }
    uint32_t a = 1, b2 = 0;
    for (unsigned char ch : raw) {
        a = (a + ch) % 65521;
        b2 = (b2 + a) % 65521;
    }
    z += be32(b2 << 16 | a);
    std::string ihdr = be32(static_cast<uint32_t>(w)) + be32(static_cast<uint32_t>(h));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) + chunk("IEND", "");
}

const std::string& small_png() {
    static const std::string png = make_png(320, 200);
    return png;
}

Partner partner(Id id, std::string text, Category c, int ring) {
    Partner p;
    p.id = id;
    p.text = std::move(text);
    p.category = c;
    p.ring = ring;
    return p;
}

const std::string kScript = "<script>alert(\"x\")</script> & \"co\"";

// Basisschool De Linde, March 2026: six people, thirteen partners, one of each mark.
Document board() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2026-03-12";
    d.phase = Phase::Terugblik;
    d.plan_minutes = 120;
    d.participants = {{1, "Annelies", Role::Leraar},          {2, "Bram", Role::Leraar},
                      {3, "Karin", Role::Directie},           {4, "Sofie", Role::Zorgcoordinator},
                      {5, "Wouter", Role::Beleidsondersteuner}, {6, "Hilde", Role::Extern}};
    d.facilitator = 3;
    d.notetaker = 5;
    d.partners = {
        partner(1, "CLB", Category::Zorg, 1),
        partner(2, "Pedagogische begeleidingsdienst", Category::Professionalisering, 1),
        partner(3, "Arteveldehogeschool", Category::Stages, 2),
        partner(4, "Lerend netwerk taal", Category::Professionalisering, 2),
        partner(5, "Bibliotheek Gent", Category::Aanbod, 2),
        partner(6, "Ondersteuningsnetwerk", Category::Zorg, 1),
        partner(7, "Logopediepraktijk Vink", Category::Zorg, 3),
        partner(8, "Scholengemeenschap", Category::Beleid, 1),
        partner(9, "Jeugdwerking De Speelbrug", Category::Andere, 3),
        partner(10, "UGent – leesonderzoek", Category::Projecten, 4),
        partner(11, "Kinder- en jeugdpsychiatrie", Category::Zorg, 3),
        partner(12, "Sportdienst stad", Category::Aanbod, 2),
        partner(13, kScript, Category::Andere, 4),
        partner(14, "Muziekacademie", Category::Aanbod, 0),
    };
    d.partners[10].missing = true;          // Kinder- en jeugdpsychiatrie: the school lacks it
    d.partners[11].overrepresented = true;  // Sportdienst stad
    d.links = {{1, 1, 6}, {2, 2, 4}, {3, 8, kSchool}, {4, 3, 10}};
    d.priorities = {{1, 2, {}}, {2, 4, {}}, {3, 8, {}}, {4, 1, {}}, {5, 2, {}}, {6, 2, {}}};
    d.notes = {
        {1, "f1.actoren", "Vaste contactpersoon: de CLB-medewerker, elke dinsdag op school."},
        {1, "f2.verbinding", "Vertrouwen is groot, maar hangt sterk af van één persoon.\nWat als zij vertrekt?"},
        {1, "f3.leerlingen", "Snellere opvolging van leerlingen met leesproblemen."},
        {2, "f1.samenwerking", "Traject rond taalondersteunend lesgeven, drie sessies per jaar."},
        {2, "f2.tijd", "Wat we leren, komt niet altijd bij de collega's die er niet bij waren."},
        {2, "f2.leiderschap", "Directie plant terugkoppeling op de personeelsvergadering."},
        {2, "f3.leraren", "Leraren gebruiken de leesstrategieën nu in alle klassen <3 & meer."},
    };
    d.closing = {
        {"metafoor", "Een parachute: veel kleuren, één doel — het kind opvangen."},
        {"inzichten", "De zorgpartners staan dichtbij, de professionalisering verder dan we dachten."},
        {"ontbrekend", "Een partner voor kinder- en jeugdpsychiatrie."},
        {"oververtegenwoordigd", "Sport: drie partners die hetzelfde doen."},
        {"beleid", "Het professionaliseringsplan noemt enkel de begeleidingsdienst."},
        {"verder", "Kaart voorstellen op de personeelsvergadering van april."},
    };
    d.actions = {{1, "Kaart voorstellen aan het hele team", "Karin", "april 2026"},
                 {2, "Contact leggen met de dienst kinder- en jeugdpsychiatrie", "Sofie", "juni 2026"},
                 {3, "Sportpartners samenbrengen rond één aanbod", "Wouter en Bram", "september 2026"}};
    Version v;
    v.date = "2025-03-13";
    v.note = "Eerste kaart";
    d.versions.push_back(v);
    return d;
}

// Last year's map, for the "what changed" section.
Document last_year() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2025-03-13";
    d.participants = {{1, "Annelies", Role::Leraar}, {2, "Bram", Role::Leraar}, {3, "Karin", Role::Directie}};
    d.partners = {partner(1, "CLB", Category::Zorg, 1),
                  partner(2, "Pedagogische begeleidingsdienst", Category::Professionalisering, 2),
                  partner(3, "Arteveldehogeschool", Category::Stages, 1),
                  partner(4, "Turnkring", Category::Andere, 3)};
    d.links = {{1, 1, kSchool}, {2, 3, 4}};
    d.priorities = {{1, 1, {}}, {2, 2, {}}, {3, 3, {}}};
    return d;
}

ReportInput input(const Document& d, const Strings& s, std::string png = {}) {
    ReportInput in;
    in.doc = &d;
    in.s = &s;
    in.png = std::move(png);
    in.png_file_name = "netwerkkaart De Linde.png";
    return in;
}

std::string h(const std::string& t) { return html_escape(t); }

// The text between the first `from` at or after `pos` and the next `to`.
std::string between(const std::string& text, const std::string& from, const std::string& to, size_t pos = 0) {
    const size_t a = text.find(from, pos);
    if (a == std::string::npos) return {};
    const size_t b = text.find(to, a + from.size());
    return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string section_html(const std::string& html, const std::string& id) {
    return between(html, "<section id=\"" + id + "\"", "</section>");
}

std::vector<std::string> headings(const Strings& s, bool compare) {
    std::vector<std::string> v{s.get("report.participants"), s.get("report.map"), s.get("report.partners_by_category"),
                               s.get("report.priorities"),   s.get("report.notes"), s.get("report.closing"),
                               s.get("report.actions")};
    if (compare) v.push_back(s.format("report.changes", {"vorig schooljaar"}));
    return v;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// ---- the strings ----------------------------------------------------------------------------

TEST(ReportStrings, EveryReportKeyInBothLanguages) {
    const Strings en = load_strings("en");
    for (const char* key : {"report.title", "report.participants", "report.map", "report.partners_by_category",
                            "report.priorities", "report.notes", "report.closing", "report.actions",
                            "report.changes", "report.empty.notes", "report.anonymous_note", "report.month.12"}) {
        EXPECT_TRUE(nl().has(key)) << key;
        EXPECT_TRUE(en.has(key)) << key;
    }
    // The same keys in both files.
    const Strings nl_only = Strings::load(kLang + "nl-report.txt"), en_only = Strings::load(kLang + "en-report.txt");
    EXPECT_EQ(nl_only.size(), en_only.size());
    EXPECT_EQ(nl_only.skipped_lines(), 0);
    EXPECT_EQ(en_only.skipped_lines(), 0);
    // Every label the report used came from the files: no key shows through.
    const Document d = board();
    const Document old = last_year();
    for (const Strings* s : {&nl(), &en}) {
        ReportInput in = input(d, *s, make_png(8, 8));
        in.compare_with = &old;
        for (bool anonymous : {false, true}) {
            in.anonymous = anonymous;
            const std::string html = report_html(in);
            const std::string md = report_markdown(in);
            EXPECT_EQ(html.find("report."), std::string::npos) << html.substr(html.find("report."), 60);
            EXPECT_EQ(md.find("report."), std::string::npos);
        }
    }
}

// ---- HTML -----------------------------------------------------------------------------------

class ReportHtml : public ::testing::Test {
protected:
    Document d = board();
    Document old = last_year();
    std::string png = small_png();
    std::string html;
    void SetUp() override {
        ReportInput in = input(d, nl(), png);
        in.compare_with = &old;
        in.compare_label = "vorig schooljaar";
        html = report_html(in);
        static bool written = false;
        if (std::getenv("NK_WRITE_SAMPLE") && !written) {
            written = true;
            ReportInput big = input(d, nl(), make_png(1200, 760));
            big.compare_with = &old;
            big.compare_label = "vorig schooljaar";
            write_file("/tmp/nk-report-sample.html", report_html(big));
            big.anonymous = true;
            write_file("/tmp/nk-report-sample-anon.html", report_html(big));
            big.anonymous = false;
            write_file("/tmp/nk-report-sample.md", report_markdown(big));
            write_file("/tmp/netwerkkaart De Linde.png", big.png);
        }
    }
};

TEST_F(ReportHtml, SelfContainedDocument) {
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("@page"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    for (const char* external : {"http://", "https://", "<link", "<script", "@import", "url("})
        EXPECT_EQ(html.find(external), std::string::npos) << external;
}

TEST_F(ReportHtml, TitleWithSchoolAndSessionDate) {
    EXPECT_NE(html.find("<h1>Netwerkkaart van Basisschool De Linde</h1>"), std::string::npos);
    EXPECT_NE(html.find("12 maart 2026"), std::string::npos);  // the board's date, not today's
    EXPECT_NE(html.find("<title>Netwerkkaart van Basisschool De Linde</title>"), std::string::npos);
}

TEST_F(ReportHtml, EverySectionInOrder) {
    size_t pos = 0;
    for (const std::string& heading : headings(nl(), true)) {
        const size_t at = html.find("<h2>" + h(heading) + "</h2>", pos);
        ASSERT_NE(at, std::string::npos) << heading;
        pos = at;
    }
}

TEST_F(ReportHtml, ParticipantsWithRolesAndTasks) {
    const std::string s = section_html(html, "participants");
    for (const Participant& p : d.participants) {
        const std::string row = between(s, "<th scope=\"row\">" + p.name + "</th>", "</tr>");
        ASSERT_FALSE(row.empty()) << p.name;
        EXPECT_NE(row.find(h(nl().get("role." + std::string(role_id(p.role))))), std::string::npos) << p.name;
    }
    EXPECT_NE(between(s, ">Karin<", "</tr>").find("gespreksleider"), std::string::npos);
    EXPECT_NE(between(s, ">Wouter<", "</tr>").find("verslagnemer"), std::string::npos);
}

TEST_F(ReportHtml, MapInlineDecodesToThePng) {
    const std::string s = section_html(html, "map");
    const std::string prefix = "src=\"data:image/png;base64,";
    const size_t a = s.find(prefix);
    ASSERT_NE(a, std::string::npos);
    const size_t b = s.find('"', a + prefix.size());
    const auto bytes = base64::decode(s.substr(a + prefix.size(), b - a - prefix.size()));
    ASSERT_TRUE(bytes.has_value());
    EXPECT_EQ(*bytes, png);
    EXPECT_NE(s.find("alt=\"Netwerkkaart van Basisschool De Linde, 12 maart 2026\""), std::string::npos);
}

TEST_F(ReportHtml, NoImageSaysSo) {
    const std::string out = report_html(input(d, nl()));
    const std::string s = section_html(out, "map");
    EXPECT_EQ(s.find("<img"), std::string::npos);
    EXPECT_NE(s.find(h(nl().get("report.empty.map"))), std::string::npos);
}

TEST_F(ReportHtml, PartnersInTheirCategoryRowAndRingColumn) {
    const std::string s = section_html(html, "partners");
    const std::string table = between(s, "<table", "</table>");
    auto row_of = [&](Category c) { return between(table, "<tr id=\"cat-" + std::string(category_id(c)) + "\">", "</tr>"); };
    for (const Partner& p : d.partners) {
        if (p.ring == 0) continue;
        const std::string row = row_of(p.category);
        ASSERT_FALSE(row.empty());
        const size_t at = row.find(h(p.text));
        ASSERT_NE(at, std::string::npos) << p.text;
        // Column: count the cells before it (the category is a th, then ring 1..4).
        size_t cells = 0;
        for (size_t i = row.find("<td"); i < at; i = row.find("<td", i + 1)) ++cells;
        EXPECT_EQ(cells, static_cast<size_t>(p.ring)) << p.text;
        // …and in no other row.
        for (int c = 0; c < kCategoryCount; ++c) {
            if (static_cast<Category>(c) == p.category) continue;
            EXPECT_EQ(row_of(static_cast<Category>(c)).find(">" + h(p.text)), std::string::npos) << p.text;
        }
    }
    // Muziekacademie is not placed yet: not in the ring table, but listed below it with its kind.
    EXPECT_EQ(table.find("Muziekacademie"), std::string::npos);
    const std::string lane = between(s, "<h4>" + h(nl().get("report.partners.lane")) + "</h4>", "</ul>");
    EXPECT_NE(lane.find("<li>Muziekacademie — Pedagogisch-didactisch aanbod</li>"), std::string::npos);
}

// What print relies on (the pages themselves are checked by tests/app/report_print_test.cpp):
// A4, colours that print, one element per partner in a ring cell, long name lists in columns.
TEST_F(ReportHtml, PrintLayout) {
    EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(html.find("print-color-adjust: exact"), std::string::npos);
    // Ring 1 of Zorg holds CLB and Ondersteuningsnetwerk: each its own line, so a name that
    // wraps is still one name.
    const std::string zorg = between(section_html(html, "partners"), "<tr id=\"cat-zorg\">", "</tr>");
    EXPECT_NE(zorg.find("<td><div>CLB</div><div>Ondersteuningsnetwerk</div></td>"), std::string::npos) << zorg;
    // The partners nobody circled: a long list of short names, in two columns; short lists not.
    const std::string prio = section_html(html, "priorities");
    const std::string nobody = between(prio, "<h4>" + h(nl().get("report.priorities.not_chosen")) + "</h4>", "</ul>");
    EXPECT_NE(nobody.find("<ul class=\"columns\">"), std::string::npos) << nobody;
    EXPECT_EQ(section_html(html, "actions").find("class=\"columns\""), std::string::npos);
}

TEST_F(ReportHtml, MissingAndOverrepresented) {
    const std::string s = section_html(html, "partners");
    const std::string missing = between(s, "<h4>" + h(nl().get("report.partners.missing")) + "</h4>", "</ul>");
    EXPECT_NE(missing.find("Kinder- en jeugdpsychiatrie"), std::string::npos);
    EXPECT_EQ(missing.find("Sportdienst"), std::string::npos);
    const std::string over = between(s, "<h4>" + h(nl().get("report.partners.overrepresented")) + "</h4>", "</ul>");
    EXPECT_NE(over.find("Sportdienst stad"), std::string::npos);
    EXPECT_NE(between(s, "<tr id=\"cat-zorg\">", "</tr>").find("Kinder- en jeugdpsychiatrie (ontbrekend)"), std::string::npos);
    // Lines, with the school by name.
    EXPECT_NE(s.find("<li>Basisschool De Linde — Scholengemeenschap</li>"), std::string::npos);
    EXPECT_NE(s.find("<li>CLB — Ondersteuningsnetwerk</li>"), std::string::npos);
    // Every kind of partner has a post-it here, so no "no partner for" line.
    EXPECT_EQ(s.find(h(nl().format("report.partners.empty_categories", {""}).substr(0, 12))), std::string::npos);
}

// Post-its not sorted yet have a row of their own and a count, and are no kind: "no partner
// for" names the kinds without post-its, never "not sorted yet". The goal is a fact on top.
TEST_F(ReportHtml, UnsortedPostItsAreCountedApartAndTheGoalIsShown) {
    Document u = d;
    u.goal = "Weten wie ons helpt bij grensoverschrijdend gedrag";
    int unsorted = 0;
    for (Partner& p : u.partners)
        if (p.category == Category::Andere) p.category = Category::Ongesorteerd, ++unsorted;
    ASSERT_GT(unsorted, 0);
    for (const bool markdown : {false, true}) {
        const std::string out = markdown ? report_markdown(input(u, nl(), png)) : report_html(input(u, nl(), png));
        const std::string s = markdown ? out : section_html(out, "partners");
        EXPECT_NE(s.find(nl().format("report.partners.unsorted", {std::to_string(unsorted)})), std::string::npos) << s;
        const std::string empty = nl().format("report.partners.empty_categories", {nl().get("category.andere")});
        EXPECT_NE(s.find(empty), std::string::npos) << s;
        EXPECT_EQ(s.find(nl().get("category.ongesorteerd") + "."), std::string::npos) << s;
        EXPECT_NE(out.find(u.goal), std::string::npos);
        EXPECT_NE(out.find(nl().get("report.fact.goal")), std::string::npos);
    }
    EXPECT_NE(section_html(report_html(input(u, nl(), png)), "partners").find("<tr id=\"cat-ongesorteerd\">"),
              std::string::npos);
    // A map where everything is sorted has no such row, and no count.
    EXPECT_EQ(section_html(html, "partners").find("cat-ongesorteerd"), std::string::npos);
    // Anonymous: the goal is free text, left out like the other answers.
    ReportInput anon = input(u, nl(), png);
    anon.anonymous = true;
    EXPECT_EQ(report_html(anon).find(u.goal), std::string::npos);
}

TEST_F(ReportHtml, PatternsTableMatchesPatterns) {
    const std::string s = section_html(html, "priorities");
    const PatternsTable t = patterns(d);
    ASSERT_EQ(t.partners.front(), 2);  // the begeleidingsdienst, three times
    for (size_t i = 0; i < t.partners.size(); ++i) {
        std::string expected = "<th scope=\"row\">" + h(d.partner(t.partners[i])->text) + "</th>";
        for (int r = 0; r < kRoleCount; ++r) {
            const int n = t.counts[static_cast<size_t>(r)][i];
            expected += "<td class=\"num\">" + (n ? std::to_string(n) : std::string("·")) + "</td>";
        }
        expected += "<td class=\"num\">" + std::to_string(t.totals[i]) + "</td>";
        EXPECT_NE(s.find("<tr id=\"prio-" + std::to_string(t.partners[i]) + "\">" + expected + "</tr>"), std::string::npos)
            << expected;
    }
    EXPECT_NE(s.find("<tr id=\"prio-total\" class=\"total\">"), std::string::npos);
    // Who chose what, by name; the partners nobody circled.
    EXPECT_NE(s.find("<li>Annelies, Leraar: Pedagogische begeleidingsdienst</li>"), std::string::npos);
    EXPECT_NE(s.find("<li>Sofie, Zorg-/leerlingencoördinator: CLB</li>"), std::string::npos);
    EXPECT_NE(s.find("<li>Logopediepraktijk Vink</li>"), std::string::npos);
}

TEST_F(ReportHtml, EveryNoteWithItsCardTitleInItsGroup) {
    const std::string s = section_html(html, "notes");
    for (const CardNote& n : d.notes) {
        std::string text = h(n.text);
        for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p)) text.replace(p, 1, "<br>");
        const std::string title = h(nl().get("card." + n.card + ".title"));
        const std::string entry = "<p class=\"label\">" + title + "</p><p class=\"text\">" + text + "</p>";
        const size_t at = s.find(entry);
        ASSERT_NE(at, std::string::npos) << n.text;
        // Under its partner, and under its group's heading (the last h4 before it).
        const size_t partner = s.rfind("<h3>", at);
        EXPECT_EQ(s.compare(partner, 4 + h(d.partner(n.partner)->text).size(), "<h3>" + h(d.partner(n.partner)->text)), 0);
        const size_t group = s.rfind("<h4>", at);
        const int phase = method::card(n.card)->phase;
        const std::string group_title = "<h4>" + h(nl().get("cards.phase" + std::to_string(phase) + ".title")) + "</h4>";
        EXPECT_EQ(s.compare(group, group_title.size(), group_title), 0) << n.card;
    }
    // Both partners have every group, so no "not discussed" remark.
    EXPECT_EQ(s.find(h(nl().get("report.notes.group_empty"))), std::string::npos);
}

TEST_F(ReportHtml, ClosingAnswersAndTheUnansweredQuestion) {
    const std::string s = section_html(html, "closing");
    for (const ClosingAnswer& a : d.closing) {
        const std::string q = h(nl().get("closing." + a.question + ".question"));
        EXPECT_NE(s.find("<p class=\"label\">" + q + "</p><p class=\"text\">" + h(a.text) + "</p>"), std::string::npos)
            << a.question;
    }
    const std::string unanswered = h(nl().get("closing.niet-genoemd.question"));
    EXPECT_NE(s.find("<p class=\"label\">" + unanswered + "</p><p class=\"text muted\">Niet beantwoord.</p>"),
              std::string::npos);
}

TEST_F(ReportHtml, EveryAction) {
    const std::string s = section_html(html, "actions");
    for (const ActionItem& a : d.actions) {
        const std::string row = between(s, "<tr id=\"action-" + std::to_string(a.id) + "\">", "</tr>");
        EXPECT_NE(row.find(h(a.what)), std::string::npos);
        EXPECT_NE(row.find(h(a.who)), std::string::npos);
        EXPECT_NE(row.find(h(a.due)), std::string::npos);
    }
    EXPECT_NE(s.find(h(nl().get("report.actions.due"))), std::string::npos);
}

TEST_F(ReportHtml, UserTextIsEscaped) {
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find(kScript), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;co&quot;"), std::string::npos);
    EXPECT_NE(html.find("alle klassen &lt;3 &amp; meer."), std::string::npos);
    EXPECT_EQ(html_escape("it's"), "it&#39;s");
    // A school name cannot break out of the CSS string in the page footer either.
    Document evil = d;
    evil.school = "X\"; } body { display: none } </style><script>";
    const std::string out = report_html(input(evil, nl()));
    EXPECT_EQ(out.find("<script"), std::string::npos);
    EXPECT_EQ(out.find("display: none"), out.find("display: none }"));  // only inside an escaped string
    EXPECT_EQ(out.find("</style>"), out.rfind("</style>"));  // the one that closes the style sheet
}

TEST_F(ReportHtml, WhatChangedSinceLastYear) {
    const std::string s = section_html(html, "changes");
    EXPECT_NE(s.find("<h2>Wat veranderde sinds vorig schooljaar</h2>"), std::string::npos);
    EXPECT_NE(s.find("13 maart 2025"), std::string::npos);
    const std::string added = between(s, "<h4>Nieuwe partners</h4>", "</ul>");
    EXPECT_NE(added.find("Lerend netwerk taal"), std::string::npos);
    EXPECT_EQ(added.find(">CLB"), std::string::npos);
    EXPECT_NE(between(s, "<h4>Niet meer op de kaart</h4>", "</ul>").find("Turnkring"), std::string::npos);
    EXPECT_NE(between(s, "<h4>Dichter bij de school</h4>", "</ul>")
                  .find("Pedagogische begeleidingsdienst: van ring 2 (af en toe) naar ring 1 (dichtbij · vaak)"),
              std::string::npos);
    EXPECT_NE(between(s, "<h4>Verder van de school</h4>", "</ul>").find("Arteveldehogeschool: van ring 1"),
              std::string::npos);
    EXPECT_NE(between(s, "<h4>Verdwenen lijnen</h4>", "</ul>").find("Arteveldehogeschool — Turnkring"), std::string::npos);
    EXPECT_NE(between(s, "<h4>Nieuwe lijnen</h4>", "</ul>").find("Basisschool De Linde — Scholengemeenschap"),
              std::string::npos);
    // Annelies went from CLB to the begeleidingsdienst; Bram and Karin too.
    EXPECT_NE(between(s, "<h4>Andere prioriteit gekozen</h4>", "</ul>")
                  .find("Annelies, Leraar: CLB → Pedagogische begeleidingsdienst"),
              std::string::npos);
    EXPECT_NE(s.find("<h4>Aantal keer omcirkeld</h4>"), std::string::npos);
}

TEST_F(ReportHtml, EmptyBoardSaysSoInEverySection) {
    Document empty;
    empty.school = "Sint-Jozefsinstituut";
    empty.date = "2026-10-01";
    ReportInput in = input(empty, nl());
    in.compare_with = &empty;
    const std::string out = report_html(in);
    size_t pos = 0;
    for (const char* id : {"participants", "map", "partners", "priorities", "notes", "closing", "actions", "changes"}) {
        const std::string s = section_html(out, id);
        ASSERT_FALSE(s.empty()) << id;
        EXPECT_NE(s.find("<p class=\"empty\">"), std::string::npos) << id;
        const size_t at = out.find("<section id=\"" + std::string(id) + "\"");
        EXPECT_GT(at, pos);
        pos = at;
    }
    EXPECT_NE(out.find(h(nl().get("report.empty.notes"))), std::string::npos);
    EXPECT_NE(out.find("1 oktober 2026"), std::string::npos);
}

TEST_F(ReportHtml, Anonymous) {
    ReportInput in = input(d, nl(), png);
    in.compare_with = &old;
    in.compare_label = "vorig schooljaar";
    in.anonymous = true;
    const std::string out = report_html(in);
    const std::string md = report_markdown(in);
    for (const std::string* text : {&out, &md}) {
        for (const Participant& p : d.participants) EXPECT_EQ(text->find(p.name), std::string::npos) << p.name;
        for (const CardNote& n : d.notes) EXPECT_EQ(text->find(n.text.substr(0, 20)), std::string::npos) << n.text;
        for (const ClosingAnswer& a : d.closing) EXPECT_EQ(text->find(a.text.substr(0, 20)), std::string::npos) << a.text;
        EXPECT_EQ(text->find("Eerste kaart"), std::string::npos);  // the version note
    }
    // Still every section, with counts per role instead of names, and what was left out.
    size_t pos = 0;
    for (const std::string& heading : headings(nl(), true)) {
        const size_t at = out.find("<h2>" + h(heading) + "</h2>", pos);
        ASSERT_NE(at, std::string::npos) << heading;
        pos = at;
    }
    const std::string people = section_html(out, "participants");
    EXPECT_NE(people.find("<th scope=\"row\">Leraar</th><td class=\"num\">2</td>"), std::string::npos);
    EXPECT_NE(people.find("<th scope=\"row\">Directie</th><td class=\"num\">1</td>"), std::string::npos);
    EXPECT_NE(out.find(h(nl().get("report.anonymous_note"))), std::string::npos);
    EXPECT_NE(section_html(out, "notes").find(h(nl().get("report.notes.left_out"))), std::string::npos);
    EXPECT_NE(section_html(out, "closing").find(h(nl().get("report.closing.left_out"))), std::string::npos);
    // Actions keep what and when; the patterns table stays (it has no names).
    EXPECT_NE(section_html(out, "actions").find(h(d.actions[0].what)), std::string::npos);
    EXPECT_NE(section_html(out, "priorities").find("<tr id=\"prio-2\">"), std::string::npos);
}

TEST_F(ReportHtml, English) {
    const Strings en = load_strings("en");
    const std::string out = report_html(input(d, en, png));
    EXPECT_NE(out.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(out.find("12 March 2026"), std::string::npos);
    size_t pos = 0;
    for (const std::string& heading : headings(en, false)) {
        const size_t at = out.find("<h2>" + h(heading) + "</h2>", pos);
        ASSERT_NE(at, std::string::npos) << heading;
        pos = at;
    }
}

// ---- Markdown -------------------------------------------------------------------------------

TEST(ReportMarkdown, SameSectionsAndContent) {
    const Document d = board(), old = last_year();
    ReportInput in = input(d, nl(), make_png(16, 10));
    in.compare_with = &old;
    in.compare_label = "vorig schooljaar";
    const std::string md = report_markdown(in);
    EXPECT_EQ(md.rfind("# Netwerkkaart van Basisschool De Linde\n", 0), 0u);
    size_t pos = 0;
    for (const std::string& heading : headings(nl(), true)) {
        const size_t at = md.find("\n## " + markdown_escape(heading) + "\n", pos);
        ASSERT_NE(at, std::string::npos) << heading;
        pos = at;
    }
    EXPECT_NE(md.find("![Netwerkkaart van Basisschool De Linde, 12 maart 2026](netwerkkaart%20De%20Linde.png)"),
              std::string::npos);
    for (const Partner& p : d.partners) EXPECT_NE(md.find(markdown_escape(p.text)), std::string::npos) << p.text;
    for (const CardNote& n : d.notes) {
        EXPECT_NE(md.find(markdown_escape(n.text.substr(0, 30))), std::string::npos) << n.text;
        EXPECT_NE(md.find("**" + markdown_escape(nl().get("card." + n.card + ".title")) + "**"), std::string::npos);
    }
    for (const ClosingAnswer& a : d.closing) EXPECT_NE(md.find(markdown_escape(a.text)), std::string::npos);
    for (const ActionItem& a : d.actions) {
        EXPECT_NE(md.find("| **" + markdown_escape(a.what) + "** | " + markdown_escape(a.who) + " | " +
                          markdown_escape(a.due) + " |"),
                  std::string::npos);
    }
    // The category table: a header separator with one column per ring.
    EXPECT_NE(md.find("| --- | --- | --- | --- | --- |\n"), std::string::npos);
    EXPECT_NE(md.find("| **Zorg & leerlingenbegeleiding** | CLB<br>Ondersteuningsnetwerk |"), std::string::npos);
    // Patterns: numbers right-aligned.
    EXPECT_NE(md.find("| --- | ---: | ---: | ---: | ---: | ---: | ---: |"), std::string::npos);
    EXPECT_NE(md.find("#### Nieuwe partners\n\n- Lerend netwerk taal"), std::string::npos);
    // User text cannot make markup: the script partner is escaped.
    EXPECT_EQ(md.find("<script>"), std::string::npos);
    EXPECT_NE(md.find("\\<script\\>alert(\"x\")\\</script\\> & \"co\""), std::string::npos);
}

TEST(ReportMarkdown, NoImageFileSaysSo) {
    const Document d = board();
    ReportInput in = input(d, nl());
    in.png_file_name.clear();
    const std::string md = report_markdown(in);
    EXPECT_EQ(md.find("!["), std::string::npos);
    EXPECT_NE(md.find(markdown_escape(nl().get("report.empty.map"))), std::string::npos);
}

TEST(ReportMarkdown, Escaping) {
    EXPECT_EQ(markdown_escape("a|b*c_d`e[f]g<h>"), "a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>");
    EXPECT_EQ(markdown_escape("# kop"), "\\# kop");
    EXPECT_EQ(markdown_escape("- lijst\n+ ook\n1. genummerd"), "\\- lijst\n\\+ ook\n1\\. genummerd");
    EXPECT_EQ(markdown_escape("2026 blijft"), "2026 blijft");
    EXPECT_EQ(markdown_escape("    code"), "code");
    EXPECT_EQ(markdown_escape("CLB & co &amp;"), "CLB & co \\&amp;");
    EXPECT_EQ(markdown_escape("C:\\pad"), "C:\\\\pad");
    EXPECT_EQ(markdown_escape("a # b"), "a # b");
}

// ---- base64 ---------------------------------------------------------------------------------

TEST(Base64, KnownVectorsAndRoundTrip) {
    EXPECT_EQ(base64::encode(""), "");
    EXPECT_EQ(base64::encode("f"), "Zg==");
    EXPECT_EQ(base64::encode("fo"), "Zm8=");
    EXPECT_EQ(base64::encode("foo"), "Zm9v");
    EXPECT_EQ(base64::encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64::decode("Zm9vYmE="), "fooba");
    EXPECT_EQ(base64::decode("Zm9v\nYmFy"), "foobar");
    for (const char* bad : {"Zg=", "Z===", "Zm9v!", "Zg==Zg==", "Zh=="}) EXPECT_FALSE(base64::decode(bad)) << bad;
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (size_t n = 0; n < all.size(); n += 37) EXPECT_EQ(base64::decode(base64::encode(all.substr(0, n))), all.substr(0, n));
}

}  // namespace
}  // namespace nk
