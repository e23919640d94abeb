// A whole workshop on the real binary with fingers only (issue 14, "touch alone"): no
// `text` and no `key` line, every letter typed on an on-screen keyboard — keyboard 0 for
// the fields and post-its, the writers' stations in the brainstorm. Phase 0 with six
// participants and roles, the brainstorm with writers at a wall, the map, six priority
// circles, notes on three cards, closing answers, an action and the export; then the
// saved board, field by field. It runs in two sittings, as a workshop may: the second
// start continues the autosave of the first (and draws the circles round the post-its
// where the first left them).
// A last, short test: a physical keyboard still types into the focused field.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "finger_strokes.hpp"
#include "geometry.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
constexpr int kW = 1600, kH = 900;

std::string norm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}

// The board's view a replay's `layout` wrote.
View view_of(const Layout& l) { return View{l.scale, {l.ox, l.oy}}; }

std::string pen_circle(int finger, Vec2 c, const View& v, double phase) {
    return nk::test::circle_script(finger, c, v, phase, 118, 82, kW, kH);
}

// Types `text` into the focused field on keyboard 0 and closes it with "Klaar".
// A new line in `text` is written \n in the script: the enter key of a multi-line field.
std::string type0(const std::string& text) {
    std::string quoted;
    for (char c : text) quoted += c == '\n' ? std::string("\\n") : std::string(1, c);
    return "type 0 \"" + quoted + "\"\ntap @kbd:0:done finger 2\nframes 2\n";
}

struct Person { const char* name; const char* role; };
const Person kTeam[] = {{"An", "leraar"}, {"Bram", "directie"}, {"Chloé", "beleidsondersteuner"},
                        {"Dirk", "zorgcoordinator"}, {"Emma", "leraar"}, {"Fatima", "extern"}};

// The writers at the wall, one station each, with what they write. A fourth writer at
// the wall is one more line here.
struct Writer { int participant; const char* partners[2]; };
const Writer kWriters[] = {
    {1, {"CLB Gent", "Bibliotheek"}},
    {4, {"Pedagogische begeleidingsdienst", "Hogeschool Gent – lerarenopleiding"}},
    {6, {"Gemeente: jeugddienst", "Intervisie (3 scholen)"}},
    {3, {"Erfgoedcel", "Sportdienst"}},
};
constexpr const char* kLongPressed = "Sportclub “De Pijl”";  // a post-it by long-press near the top
constexpr const char* kAdded = "Ouderraad";                  // a post-it by "+ Post-it"

// Where each partner goes on the map (normalised window offsets from the school; the map
// fits the room the panels leave, so these stay well inside the outer ring).
struct Place { const char* text; double dx, dy; };
const Place kPlaces[] = {
    {"CLB Gent", 0.08, -0.05},          {"Bibliotheek", -0.07, 0.07},
    {"Pedagogische begeleidingsdienst", 0.09, 0.08},
    {"Hogeschool Gent – lerarenopleiding", -0.10, -0.07},
    {"Gemeente: jeugddienst", 0.14, -0.01}, {"Intervisie (3 scholen)", -0.14, 0.01},
    {"Sportclub “De Pijl”", 0.01, -0.16},  {"Ouderraad", 0.02, 0.16},
    {"Erfgoedcel", 0.05, 0.13},         {"Sportdienst", -0.05, -0.14},
};

class DocumentsDir {
public:
    explicit DocumentsDir(const std::string& dir) { setenv("XDG_DOCUMENTS_DIR", dir.c_str(), 1); }
    ~DocumentsDir() { unsetenv("XDG_DOCUMENTS_DIR"); }
};

const Partner* by_text(const Document& d, const std::string& text) {
    for (const Partner& p : d.partners)
        if (p.text == text) return &p;
    return nullptr;
}

TEST(Workshop, TheWholeWorkshopWithFingersOnly) {
    TempDir dir;
    DocumentsDir docs(dir.file("docs"));
    const std::vector<std::string> window = {"--windowed", std::to_string(kW) + "x" + std::to_string(kH)};

    // ---- first sitting: phase 0, the brainstorm, the map -------------------------------
    std::string s;
    // Phase 0: the school's name replaces "School" (backspace held down), then the team.
    s += "tap @ui:setup.school finger 1\nframes 2\n";
    s += "finger down 7 @kbd:0:backspace\nwait 1500\nfinger up 7 @kbd:0:backspace\nframes 1\n";
    s += type0("Basisschool De Linde – Gent");
    for (int i = 0; i < 6; ++i) {
        // enter commits a one-line field and closes keyboard 0
        s += "tap @ui:participant.add finger 1\nframes 2\ntype 0 \"" + std::string(kTeam[i].name) +
             "\"\ntap @kbd:0:enter finger 2\nframes 2\n";
        s += "tap @ui:participant." + std::to_string(i + 1) + ".role." + kTeam[i].role + " finger 1\nframes 2\n";
    }
    s += "tap @ui:setup.facilitator.2 finger 1\nframes 1\ntap @ui:setup.notetaker.3 finger 1\nframes 1\n";
    s += "tap @ui:plan.120 finger 1\nframes 2\nscreenshot phase0.png\n";
    // Phase 1, then 2A: a station per writer along the bottom of the wall.
    s += "tap @ui:phase.next finger 1\nframes 2\ntap @ui:phase.next finger 1\nframes 3\n";
    const int writers = int(std::size(kWriters));
    for (int w = 1; w <= writers; ++w) s += "tap @ui:station.open.bottom finger 1\nframes 2\n";
    for (int w = 1; w <= writers; ++w)
        s += "tap @ui:station." + std::to_string(w) + ".participant." + std::to_string(kWriters[w - 1].participant) +
             " finger 3\nframes 1\n";
    for (int round = 0; round < 2; ++round)
        for (int w = 1; w <= writers; ++w)
            s += "type " + std::to_string(w) + " \"" + kWriters[w - 1].partners[round] + "\"\ntap @kbd:" + std::to_string(w) +
                 ":enter finger " + std::to_string(20 + w) + "\n";
    s += "frames 2\nscreenshot brainstorm.png\ntap @ui:brainstorm.reveal finger 5\nframes 3\n";
    // 2B, the map: a post-it by long-press near the top (upright on a wall), one by
    // "+ Post-it", and every post-it placed.
    s += "tap @ui:phase.2b finger 1\nframes 3\n";
    s += "longpress 0.5 0.2 finger 3\nframes 2\n" + type0(kLongPressed);
    s += "tap @ui:note.add finger 1\nframes 2\n" + type0(kAdded);
    for (const Place& p : kPlaces)
        s += "drag @note:\"" + std::string(p.text) + "\" @school+" + norm(p.dx) + "," + norm(p.dy) + " finger 4\nframes 2\n";
    s += "frames 3\nsave map.json\nquit\n";
    write_file(dir.file("first.txt"), s);
    std::vector<std::string> args = window;
    args.insert(args.end(), {"--new", "--phase", "0", "--replay", dir.file("first.txt")});
    RunResult r = run_app(args, dir.file("data"), 280);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document map = load_board(dir.file("map.json"));
    ASSERT_EQ(map.partners.size(), std::size(kPlaces));

    // ---- second sitting: priorities, cards, closing, export ------------------------------
    // Where the map stands in phase 2C (the pens' circles are drawn round board points).
    write_file(dir.file("look.txt"), "tap @ui:phase.2c finger 1\nframes 6\nlayout look-2c.txt\nquit\n");
    args = window;
    args.insert(args.end(), {"--replay", dir.file("look.txt")});
    r = run_app(args, dir.file("data"), 120);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Layout look = read_layout(dir.file("look-2c.txt"));
    ASSERT_TRUE(look.ok());
    s = "frames 3\n";
    const char* choice[] = {"CLB Gent", "Bibliotheek", "CLB Gent", "Pedagogische begeleidingsdienst",
                            "Hogeschool Gent – lerarenopleiding", "Bibliotheek"};
    const View v = view_of(look);
    for (int i = 0; i < 6; ++i) {
        const Partner* p = by_text(map, choice[i]);
        ASSERT_TRUE(p) << choice[i];
        s += "tap @ui:pen." + std::to_string(i + 1) + " finger 1\nframes 2\n";
        s += pen_circle(10 + i, {p->x, p->y}, v, 0.4 * i);
    }
    // 3: notes on three cards of one partner; enter in a note types a new line.
    s += "tap @ui:phase.3 finger 1\nframes 3\ntap @note:\"CLB Gent\" finger 2\nframes 3\n";
    s += "tap @ui:card.f1.actoren finger 1\nframes 2\n" + type0("Vaste contactpersoon.\nMoeilijk te vervangen.");
    s += "tap @ui:card.f2.verbinding finger 1\nframes 2\n" + type0("Er is vertrouwen; één persoon.");
    s += "tap @ui:card.f3.leerlingen finger 1\nframes 2\n" + type0("Snellere hulp (zorgvragen).");
    s += "screenshot cards.png\ntap @ui:card.close finger 1\nframes 3\n";
    // 4: closing answers and an action.
    s += "tap @ui:phase.4 finger 1\nframes 3\n";
    s += "tap @ui:closing.metafoor finger 1\nframes 2\n" + type0("Een parachute: veel kleuren, één doel.");
    s += "tap @ui:closing.verder finger 1\nframes 2\n" + type0("Terugkoppelen op 12/01 @ personeelsvergadering.");
    s += "tap @ui:action.add finger 1\nframes 2\ntype 0 \"Kaart voorstellen aan het team\"\ntap @kbd:0:enter finger 2\nframes 2\n";
    s += "tap @ui:action.1.who finger 1\nframes 2\n" + type0("Bram & Chloé");
    s += "tap @ui:action.1.due finger 1\nframes 2\n" + type0("januari 2027");
    // 5: the export.
    s += "tap @ui:phase.5 finger 1\nframes 3\ntap @ui:export.size.screen finger 1\nframes 2\n";
    s += "tap @ui:keep.export finger 1\nframes 5\nsave final.json\nquit\n";
    write_file(dir.file("second.txt"), s);
    args = window;
    args.insert(args.end(), {"--replay", dir.file("second.txt")});
    r = run_app(args, dir.file("data"), 280);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // ---- the saved board, field by field ---------------------------------------------
    const Document d = load_board(dir.file("final.json"));
    EXPECT_EQ(d.school, "Basisschool De Linde – Gent");
    EXPECT_EQ(d.phase, Phase::Naverwerking);
    ASSERT_EQ(d.participants.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(d.participants[size_t(i)].name, kTeam[i].name);
        EXPECT_EQ(role_id(d.participants[size_t(i)].role), kTeam[i].role);
    }
    EXPECT_EQ(d.facilitator, 2);
    EXPECT_EQ(d.notetaker, 3);
    EXPECT_EQ(d.plan_minutes, 120);
    // Every writer's post-its, by that writer, face up; and the two made on keyboard 0.
    ASSERT_EQ(d.partners.size(), std::size(kPlaces));
    for (const Writer& w : kWriters)
        for (const char* text : w.partners) {
            const Partner* p = by_text(d, text);
            ASSERT_TRUE(p) << text;
            EXPECT_EQ(p->author, w.participant) << text;
            EXPECT_TRUE(p->face_up) << text;
            EXPECT_GE(p->ring, 1) << text << " was not placed on the map";
        }
    const Partner* top = by_text(d, kLongPressed);
    ASSERT_TRUE(top);
    EXPECT_EQ(top->rotation, 0) << "a post-it made near the top of a wall is upright";
    ASSERT_TRUE(by_text(d, kAdded));
    // Every participant's circle became their priority for the partner it enclosed.
    ASSERT_EQ(d.priorities.size(), 6u);
    for (const Priority& pr : d.priorities) {
        ASSERT_GE(pr.participant, 1);
        ASSERT_LE(pr.participant, 6);
        EXPECT_EQ(d.partner(pr.partner)->text, choice[pr.participant - 1]) << "participant " << pr.participant;
    }
    // Notes on three cards, a new line typed with enter.
    const Id clb = by_text(d, "CLB Gent")->id;
    EXPECT_EQ(d.notes.size(), 3u);
    ASSERT_TRUE(d.note(clb, "f1.actoren"));
    EXPECT_EQ(d.note(clb, "f1.actoren")->text, "Vaste contactpersoon.\nMoeilijk te vervangen.");
    ASSERT_TRUE(d.note(clb, "f2.verbinding"));
    EXPECT_EQ(d.note(clb, "f2.verbinding")->text, "Er is vertrouwen; één persoon.");
    ASSERT_TRUE(d.note(clb, "f3.leerlingen"));
    EXPECT_EQ(d.note(clb, "f3.leerlingen")->text, "Snellere hulp (zorgvragen).");
    ASSERT_TRUE(d.answer("metafoor"));
    EXPECT_EQ(d.answer("metafoor")->text, "Een parachute: veel kleuren, één doel.");
    ASSERT_TRUE(d.answer("verder"));
    EXPECT_EQ(d.answer("verder")->text, "Terugkoppelen op 12/01 @ personeelsvergadering.");
    ASSERT_EQ(d.actions.size(), 1u);
    EXPECT_EQ(d.actions[0].what, "Kaart voorstellen aan het team");
    EXPECT_EQ(d.actions[0].who, "Bram & Chloé");
    EXPECT_EQ(d.actions[0].due, "januari 2027");
    // The export: the report carries the school's name as typed.
    int reports = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir.file("docs/Netwerkkaart"), ec))
        if (e.path().extension() == ".html") {
            ++reports;
            EXPECT_NE(read_file(e.path().string()).find("Basisschool De Linde – Gent"), std::string::npos);
        }
    EXPECT_EQ(reports, 1);
}

TEST(Workshop, APhysicalKeyboardStillTypesIntoTheFocusedField) {
    TempDir dir;
    write_file(dir.file("s.txt"),
               "tap @ui:participant.add finger 1\ntext \"Annx\"\nkey Backspace\nkey Return\nframes 2\n"
               "tap @ui:phase.4 finger 1\nframes 3\ntap @ui:closing.metafoor finger 1\n"
               "text \"Een\"\nkey Return\ntext \"brug\"\nkey Escape\nframes 2\nsave out.json\nquit\n");
    const RunResult r = run_app({"--new", "--phase", "0", "--windowed", "1280x720", "--replay", dir.file("s.txt")},
                                dir.file("data"), 120, true);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document d = load_board(dir.file("out.json"));
    ASSERT_EQ(d.participants.size(), 1u);
    EXPECT_EQ(d.participants[0].name, "Ann");
    ASSERT_TRUE(d.answer("metafoor"));
    EXPECT_EQ(d.answer("metafoor")->text, "Een\nbrug");
}

}  // namespace
}  // namespace nk::test
