// The report prints on A4: the real binary's `--export` writes the HTML report of a full
// workshop (25 partners, six people, priorities, notes on the cards, every closing answer,
// next steps, a saved version so "what changed" is there), Debian's headless Chromium
// prints it to PDF, and poppler's tools read the PDF back: every page A4 portrait, a
// sensible number of pages, every section's heading and the key content in the text,
// the pages render, the first is not blank and the map prints in colour.
//
// Needs `chromium` and `poppler-utils` (scripts/deps installs them). When they are missing
// the test fails and says so: a report that was never printed is not known to print.
//
// NK_KEEP_TEST_FILES=1 keeps the temp dir (HTML, PDF, page PNGs) to look at.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "invariants.hpp"
#include "strings.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;

const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";
const std::string kLang = std::string(NK_TEST_DATA) + "/../../assets/lang/";

struct Cmd {
    int code = -1;  // -1: killed or timed out
    std::string output;
};

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Cmd run(const std::string& cmd) {
    Cmd r;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (r.code == 124 || r.code == 137) r.code = -1;
    return r;
}

bool have(const std::string& tool) { return run("command -v " + quote(tool) + " >/dev/null").code == 0; }

// Runs of white space (line breaks, the PDF's column gaps) as one space.
std::string squeeze(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
        if (ws) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

Strings nl() {
    Strings s = Strings::load(kLang + "nl.txt");
    s.merge(Strings::load(kLang + "nl-method.txt"));
    s.merge(Strings::load(kLang + "nl-report.txt"));
    return s;
}

// board-25 as it is at the end of a real workshop, with last year's map kept inside it.
Document full_board() {
    Document d = load_board(kBoard25);
    Document last_year = d;
    d.phase = Phase::Naverwerking;
    d.facilitator = 2;  // Bram
    d.notetaker = 3;    // Chloé
    d.notes = {
        {1, "f1.actoren", "Vaste contactpersoon: de CLB-medewerker, elke dinsdag op school."},
        {1, "f2.verbinding", "Vertrouwen is groot, maar hangt sterk af van één persoon.\nWat als zij vertrekt?"},
        {1, "f3.leerlingen", "Snellere opvolging van leerlingen met leesproblemen."},
        {2, "f1.samenwerking", "Traject rond taalondersteunend lesgeven, drie sessies per jaar."},
        {2, "f2.tijd", "Wat we leren, komt niet altijd bij de collega's die er niet bij waren."},
        {2, "f2.leiderschap", "Directie plant terugkoppeling op de personeelsvergadering."},
        {2, "f3.leraren", "Leraren gebruiken de leesstrategieën nu in alle klassen."},
        {3, "f1.beweegredenen", "Logopedie op school scheelt ouders een rit na schooltijd."},
        {3, "f2.inbreng", "De logopediste geeft tips die leraren in de klas kunnen gebruiken."},
        {7, "f1.actoren", "Drie scholen, elk twee leraren; om de zes weken een namiddag."},
        {7, "f2.gelegenheid", "Vervanging is het probleem: de uren gaan van de klas af."},
        {7, "f3.school", "Het observatie-instrument van de andere school gebruiken we nu zelf."},
        {8, "f2.doelgerichtheid", "Gezamenlijke studiedag, maar zonder duidelijk doel voor onze school."},
        {13, "f1.samenwerking", "Leesonderzoek in het vijfde leerjaar, twee jaar lang."},
        {13, "f3.leraren", "Leraren leerden toetsresultaten lezen als een vraag, niet als een oordeel."},
    };
    d.closing = {
        {"metafoor", "Een parachute: veel kleuren, één doel — het kind opvangen."},
        {"inzichten", "De zorgpartners staan dichtbij, de professionalisering verder dan we dachten."},
        {"niet-genoemd", "De oudervereniging, terwijl ze elk jaar de leesweek mee draagt."},
        {"ontbrekend", "Een partner voor kinder- en jeugdpsychiatrie."},
        {"oververtegenwoordigd", "Aanbod: drie partners die ongeveer hetzelfde doen."},
        {"beleid", "Het professionaliseringsplan noemt enkel de begeleidingsdienst."},
        {"verder", "Kaart voorstellen op de personeelsvergadering van december."},
    };
    d.actions = {{1, "Kaart voorstellen aan het hele team", "Bram", "december 2026"},
                 {2, "Contact leggen met de dienst kinder- en jeugdpsychiatrie", "Dirk", "maart 2027"},
                 {3, "Aanbodpartners samenbrengen rond één leesweek", "Emma en An", "mei 2027"},
                 {4, "Intervisie openstellen voor collega's die er nog niet bij waren", "Chloé", "juni 2027"}};
    d.partners[22].missing = true;          // Welzijnsschakel
    d.partners[10].overrepresented = true;  // Sportdienst
    // Last year: some partners had other names (so they count as new and as gone),
    // two were further away, and Emma circled another partner.
    last_year.date = "2025-11-27";
    last_year.partners[5].text = "Hogeschool";
    last_year.partners[12].text = "Onderzoek Arteveldehogeschool";
    for (int i : {6, 7}) {
        last_year.partners[size_t(i)].x *= 1.9;
        last_year.partners[size_t(i)].y *= 1.9;
    }
    for (Priority& p : last_year.priorities)
        if (p.participant == 5) p.partner = 9;
    repair(last_year);
    Version v;
    v.date = last_year.date;
    v.note = "Eerste kaart, studiedag november";
    v.board = last_year;
    d.versions.push_back(v);
    repair(d);
    return d;
}

struct PdfPage {
    double w = 0, h = 0;
};

// pdfinfo's "Page    N size: 594.96 x 841.92 pts (A4)" lines.
std::vector<PdfPage> page_sizes(const std::string& info) {
    std::vector<PdfPage> pages;
    static const std::regex line(R"(Page +\d+ size: +([0-9.]+) x ([0-9.]+) pts)");
    for (auto it = std::sregex_iterator(info.begin(), info.end(), line); it != std::sregex_iterator(); ++it)
        pages.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
    return pages;
}

TEST(ReportPrint, TheHtmlReportPrintsOnA4WithEverySection) {
    for (const char* tool : {"chromium", "pdfinfo", "pdftotext", "pdftoppm"}) {
        ASSERT_TRUE(have(tool)) << tool << " is not installed: run scripts/deps (it installs Debian's chromium "
                                           "and poppler-utils, which this test needs to print the report)";
    }
    TempDir dir;
    const Document doc = full_board();
    write_file(dir.file("board.json"), serialize_board(doc));
    {
        auto back = parse_board(read_file(dir.file("board.json")));
        ASSERT_TRUE(std::holds_alternative<LoadedBoard>(back));
        ASSERT_TRUE(std::get<LoadedBoard>(back).repairs.empty()) << std::get<LoadedBoard>(back).repairs.changes.front();
        ASSERT_EQ(std::get<LoadedBoard>(back).doc.versions.size(), 1u);
    }

    // 1. The real binary writes the report.
    const RunResult ex = run_app({dir.file("board.json"), "--export", dir.file("out")}, dir.file("data"));
    ASSERT_EQ(ex.exit_code, 0) << ex.output;
    std::string html_path;
    for (const auto& f : fs::directory_iterator(dir.file("out")))
        if (f.path().extension() == ".html") html_path = f.path().string();
    ASSERT_FALSE(html_path.empty());

    // 2. Chromium prints it. Root needs --no-sandbox; a private profile and home keep the
    // machine's own untouched; no host name resolves, so nothing can come from a network.
    const std::string pdf = dir.file("report.pdf");
    const auto t0 = std::chrono::steady_clock::now();
    const Cmd print = run("env HOME=" + quote(dir.path()) + " XDG_CONFIG_HOME=" + quote(dir.file("config")) +
                          " XDG_CACHE_HOME=" + quote(dir.file("cache")) +
                          " timeout -k 5 180 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
                          " --no-first-run --disable-extensions --disable-background-networking --disable-sync"
                          " --disable-component-update --host-resolver-rules=" + quote("MAP * ~NOTFOUND") +
                          " --user-data-dir=" + quote(dir.file("chromium-profile")) +
                          " --no-pdf-header-footer --print-to-pdf=" + quote(pdf) + " " +
                          quote("file://" + html_path));
    const double print_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(print.code, 0) << "chromium failed or timed out after " << print_s << " s:\n" << print.output;
    ASSERT_TRUE(fs::exists(pdf) && fs::file_size(pdf) > 10000) << print.output;
    std::printf("chromium printed the report in %.1f s\n", print_s);

    // 3. Every page A4 portrait (595 x 842 pt), and a sensible number of them: the
    // header, the map and the big sections each on their own page, not dozens.
    const Cmd info = run("pdfinfo -f 1 -l 1000 " + quote(pdf));
    ASSERT_EQ(info.code, 0) << info.output;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info.output, m, std::regex(R"(Pages: +(\d+))"))) << info.output;
    const int pages = std::stoi(m[1]);
    EXPECT_GE(pages, 4) << info.output;
    EXPECT_LE(pages, 14) << info.output;
    const std::vector<PdfPage> sizes = page_sizes(info.output);
    ASSERT_EQ(int(sizes.size()), pages) << info.output;
    for (size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_NEAR(sizes[i].w, 595.0, 1.0) << "page " << i + 1;
        EXPECT_NEAR(sizes[i].h, 842.0, 1.0) << "page " << i + 1;
    }

    // 4. The text: every section's heading and the key content, as words a reader sees.
    const Cmd text_cmd = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
    ASSERT_EQ(text_cmd.code, 0) << text_cmd.output;
    const std::string text = squeeze(text_cmd.output);
    const Strings s = nl();
    const std::vector<std::string> expected{
        s.format("report.title", {doc.school}),
        s.get("report.participants"),
        s.get("report.map"),
        s.get("report.partners_by_category"),
        s.get("report.priorities"),
        s.get("report.notes"),
        s.get("report.closing"),
        s.get("report.actions"),
        s.format("report.changes", {"27 november 2025"}),  // the version of 2025-11-27, as a date reads
        "Basisschool De Linde",
        "Fatima",                                  // a participant
        "Pedagogische begeleidingsdienst",         // a partner
        "Intervisie met 3 scholen",                // another, in the notes
        "Hogeschool: lerarenopleiding",            // new since last year
        "Vervanging is het probleem",              // a note
        "Een parachute: veel kleuren, één doel",   // a closing answer
        "Contact leggen met de dienst kinder- en jeugdpsychiatrie",  // an action
        "maart 2027",                              // its date
    };
    for (const std::string& want : expected)
        EXPECT_NE(text.find(squeeze(want)), std::string::npos) << "not in the printed report: " << want;
    // Section headings in their order.
    size_t pos = 0;
    for (size_t i = 1; i <= 8; ++i) {
        const size_t at = text.find(squeeze(expected[i]), pos);
        EXPECT_NE(at, std::string::npos) << expected[i] << " out of order";
        if (at != std::string::npos) pos = at;
    }

    // 5. The pages render; the first is not blank; the map prints in colour.
    const Cmd ppm = run("pdftoppm -r 50 -png " + quote(pdf) + " " + quote(dir.file("page")));
    ASSERT_EQ(ppm.code, 0) << ppm.output;
    std::vector<std::string> pngs;
    for (const auto& f : fs::directory_iterator(dir.path()))
        if (f.path().filename().string().rfind("page-", 0) == 0 && f.path().extension() == ".png")
            pngs.push_back(f.path().string());
    std::sort(pngs.begin(), pngs.end());
    ASSERT_EQ(int(pngs.size()), pages);
    int colourful_pages = 0;
    for (size_t i = 0; i < pngs.size(); ++i) {
        const Png img = read_png(pngs[i]);
        ASSERT_TRUE(img.ok()) << pngs[i];
        EXPECT_NEAR(img.w, 413, 2) << pngs[i];  // 210 mm at 50 dpi
        EXPECT_NEAR(img.h, 585, 2) << pngs[i];  // 297 mm
        long ink = 0, colour = 0;
        for (int y = 0; y < img.h; ++y)
            for (int x = 0; x < img.w; ++x) {
                const Png::Rgba c = img.at(x, y);
                if (std::min({c.r, c.g, c.b}) < 200) ++ink;
                if (std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}) > 40) ++colour;
            }
        const double area = double(img.w) * img.h;
        if (i == 0) {
            EXPECT_GT(ink / area, 0.01) << "the first page looks blank: " << pngs[i];
        }
        EXPECT_GT(ink, 0) << "page " << i + 1 << " is blank: " << pngs[i];
        if (colour / area > 0.01) ++colourful_pages;
    }
    EXPECT_GE(colourful_pages, 1) << "no page prints the map in colour";
}

}  // namespace
}  // namespace nk::test
