// A whole workshop on the real binary, from phase 0 to phase 5 with on-screen controls
// only: the team with roles, post-its placed, each participant circling a priority with
// a drawn finger path, notes on cards from all three groups for two partners, closing
// answers and an action — then the saved board, field by field.
#include <gtest/gtest.h>

#include <cmath>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "reducer.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
constexpr int kW = 1600, kH = 900;

std::string norm(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    return buf;
}
std::string pos(Vec2 s) { return norm(s.x / kW) + " " + norm(s.y / kH); }

// The board's view in phase 2C at kW x kH (app.cpp compute_fitted: no side panel).
View board_view() {
    const double k = kH / 1080.0;
    return fit_view(0, 150 * k, kW, kH - 104 * k);
}

// A wobbly, open finger loop around board point c, as a person draws it.
std::string circle_script(int finger, Vec2 c, const View& v, double phase) {
    std::string s;
    const int n = 26;
    for (int i = 0; i <= n; ++i) {
        const double a = phase + 2 * M_PI * 0.93 * i / n;
        const double wob = 1 + 0.06 * std::sin(5.0 * a + phase);
        const Vec2 b{c.x + 118 * wob * std::cos(a), c.y + 82 * wob * std::sin(a)};
        s += std::string(i == 0 ? "finger down " : "finger move ") + std::to_string(finger) + " " + pos(v.to_screen(b)) + "\n";
        s += "frames 1\n";
    }
    s += "finger up " + std::to_string(finger) + " " + pos(v.to_screen({c.x + 118, c.y + 10})) + "\nframes 2\n";
    return s;
}

TEST(Workshop, FromPhaseZeroToFiveWithOnScreenControlsOnly) {
    TempDir dir;
    // The partners are on the map already (the brainstorm has its own test); the team,
    // priorities, notes and closing answers are made here.
    Document map;
    map.date = "2026-11-29";
    const char* names[] = {"CLB Gent", "Pedagogische begeleidingsdienst", "Bibliotheek", "Hogeschool: lerarenopleiding",
                           "Gemeente: jeugddienst", "Intervisie met 3 scholen"};
    for (int i = 0; i < 6; ++i) {
        const double a = 2 * M_PI * i / 6 + 0.3;
        map = reduce(map, act::AddPartner{names[i], Category::Zorg, {330 * std::cos(a), 300 * std::sin(a)}, 0});
    }
    write_file(dir.file("map.json"), serialize_board(map));

    struct Person { const char* name; const char* role; };
    const Person team[] = {{"An", "leraar"}, {"Bram", "directie"}, {"Chloé", "beleidsondersteuner"},
                           {"Dirk", "zorgcoordinator"}, {"Emma", "leraar"}, {"Fatima", "extern"}};
    std::string s;
    // Phase 0: the school and the team.
    s += "tap @ui:setup.school finger 1\nkey ctrl+a\ntext \"Basisschool De Linde\"\nkey Return\nframes 2\n";
    for (int i = 0; i < 6; ++i) {
        s += "tap @ui:participant.add finger 1\ntext \"" + std::string(team[i].name) + "\"\nkey Return\nframes 2\n";
        s += "tap @ui:participant." + std::to_string(i + 1) + ".role." + team[i].role + " finger 1\nframes 2\n";
    }
    s += "tap @ui:setup.facilitator.2 finger 1\nframes 1\ntap @ui:setup.notetaker.3 finger 1\nframes 1\n";
    s += "tap @ui:plan.120 finger 1\nframes 2\n";
    // Phases 1, 2A, 2B: onwards; move one post-it closer in 2B.
    s += "tap @ui:phase.next finger 1\nframes 2\ntap @ui:phase.next finger 1\nframes 2\ntap @ui:phase.next finger 1\nframes 2\n";
    s += "drag @note:\"Bibliotheek\" @school+0.06,0.07 finger 4\nframes 2\n";
    s += "tap @ui:phase.2c finger 1\nframes 3\n";
    // 2C: each participant takes their pen and circles a partner.
    const int choice[] = {0, 1, 0, 0, 3, 1};  // index into the post-its
    const View v = board_view();
    Document after_drag = map;
    for (int i = 0; i < 6; ++i) {
        s += "tap @ui:pen." + std::to_string(i + 1) + " finger 1\nframes 2\n";
        const Partner& p = map.partners[size_t(choice[i])];
        // Bibliotheek was moved; the others are where the file put them.
        s += circle_script(10 + i, {p.x, p.y}, v, 0.4 * i);
    }
    s += "save after-priorities.json\n";
    // 3: notes on cards from all three groups for two partners.
    s += "tap @ui:phase.3 finger 1\nframes 3\n";
    for (const char* partner : {"CLB Gent", "Hogeschool: lerarenopleiding"}) {
        s += "tap @note:\"" + std::string(partner) + "\" finger 2\nframes 3\n";
        s += "tap @ui:card.f1.actoren finger 1\ntext \"Vaste contactpersoon, moeilijk te vervangen.\"\nframes 2\n";
        s += "tap @ui:card.f2.verbinding finger 1\ntext \"Er is vertrouwen; de klik hangt aan één persoon.\"\nframes 2\n";
        s += "tap @ui:card.f3.leerlingen finger 1\ntext \"Snellere hulp voor leerlingen met zorgvragen.\"\nframes 2\n";
        s += "tap @ui:card.close finger 1\nframes 3\n";
    }
    // 4: closing answers and an action.
    s += "tap @ui:phase.4 finger 1\nframes 3\n";
    s += "tap @ui:closing.metafoor finger 1\ntext \"Een parachute: veel kleuren, één doel.\"\nframes 2\n";
    s += "tap @ui:closing.verder finger 1\ntext \"Terugkoppelen op de personeelsvergadering.\"\nframes 2\n";
    s += "tap @ui:action.add finger 1\ntext \"Kaart voorstellen aan het team\"\nframes 2\n";
    s += "tap @ui:action.1.who finger 1\ntext \"Bram\"\nframes 2\n";
    s += "tap @ui:action.1.due finger 1\ntext \"januari 2027\"\nframes 2\n";
    s += "tap @ui:phase.5 finger 1\nframes 3\nscreenshot keep.png\nsave final.json\nquit\n";
    write_file(dir.file("s.txt"), s);

    const RunResult r = run_app({dir.file("map.json"), "--phase", "0", "--windowed", std::to_string(kW) + "x" + std::to_string(kH),
                                 "--replay", dir.file("s.txt")},
                                dir.file("data"), 280);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document d = load_board(dir.file("final.json"));
    EXPECT_EQ(d.school, "Basisschool De Linde");
    EXPECT_EQ(d.phase, Phase::Naverwerking);
    ASSERT_EQ(d.participants.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        EXPECT_EQ(d.participants[size_t(i)].name, team[i].name);
        EXPECT_EQ(role_id(d.participants[size_t(i)].role), team[i].role);
    }
    EXPECT_EQ(d.facilitator, 2);
    EXPECT_EQ(d.notetaker, 3);
    EXPECT_EQ(d.plan_minutes, 120);
    const Partner* lib = nullptr;
    for (const Partner& p : d.partners)
        if (p.text == "Bibliotheek") lib = &p;
    ASSERT_TRUE(lib);
    EXPECT_EQ(lib->ring, 1);
    // Every participant's circle became their priority for the partner it enclosed.
    ASSERT_EQ(d.priorities.size(), 6u);
    for (const Priority& pr : d.priorities) {
        ASSERT_GE(pr.participant, 1);
        ASSERT_LE(pr.participant, 6);
        EXPECT_EQ(d.partner(pr.partner)->text, names[choice[pr.participant - 1]]) << "participant " << pr.participant;
        EXPECT_GT(pr.stroke.size(), 20u);
    }
    // Notes: three groups for two partners.
    EXPECT_EQ(d.notes.size(), 6u);
    for (const char* partner : {"CLB Gent", "Hogeschool: lerarenopleiding"}) {
        Id id = 0;
        for (const Partner& p : d.partners)
            if (p.text == partner) id = p.id;
        ASSERT_TRUE(d.note(id, "f1.actoren")) << partner;
        EXPECT_EQ(d.note(id, "f1.actoren")->text, "Vaste contactpersoon, moeilijk te vervangen.");
        ASSERT_TRUE(d.note(id, "f2.verbinding"));
        ASSERT_TRUE(d.note(id, "f3.leerlingen"));
        EXPECT_EQ(d.note(id, "f3.leerlingen")->text, "Snellere hulp voor leerlingen met zorgvragen.");
    }
    ASSERT_TRUE(d.answer("metafoor"));
    EXPECT_EQ(d.answer("metafoor")->text, "Een parachute: veel kleuren, één doel.");
    ASSERT_TRUE(d.answer("verder"));
    ASSERT_EQ(d.actions.size(), 1u);
    EXPECT_EQ(d.actions[0].what, "Kaart voorstellen aan het team");
    EXPECT_EQ(d.actions[0].who, "Bram");
    EXPECT_EQ(d.actions[0].due, "januari 2027");
}

}  // namespace
}  // namespace nk::test
