// Four people brainstorm at once from four sides of a table, each on their own on-screen
// keyboard; what they write stays private until the reveal.
#include <gtest/gtest.h>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "view.hpp"

namespace nk::test {
namespace {

TEST(Brainstorm, FourStationsTypeAtOnceAndTheRevealTurnsEveryPostItOver) {
    TempDir dir;
    write_file(dir.file("team.json"),
               R"({"format_version": 2, "school": "Basisschool De Linde", "date": "2026-11-29", "phase": "2a",
                   "participants": [{"id":1,"name":"An","role":"leraar"},{"id":2,"name":"Bram","role":"directie"},
                                    {"id":3,"name":"Chloé","role":"zorgcoordinator"}],
                   "partners": [], "links": [], "priorities": []})");
    write_file(dir.file("s.txt"),
               "tap @ui:station.open.bottom finger 1\ntap @ui:station.open.top finger 1\n"
               "tap @ui:station.open.left finger 1\ntap @ui:station.open.right finger 1\nframes 2\n"
               "tap @ui:station.1.participant.1 finger 2\ntap @ui:station.2.participant.2 finger 2\n"
               "tap @ui:station.3.participant.3 finger 2\ntap @ui:station.4.anonymous finger 2\nframes 2\n"
               // Interleaved: the four writers' keys go down in turns.
               "type 1 \"Pedagogische begeleidingsdienst\"\ntype 2 \"Coördinatie zorg\"\n"
               "type 3 \"École\"\ntype 4 \"Hogeschool: lerarenopleiding\"\n"
               "tap @kbd:1:enter finger 3\ntap @kbd:2:enter finger 3\ntap @kbd:3:enter finger 3\ntap @kbd:4:enter finger 3\n"
               "type 1 \"CLB\"\ntap @kbd:1:enter finger 3\n"
               "type 2 \"Gemeente: jeugddienst\"\ntap @kbd:2:enter finger 3\nframes 2\n"
               "save hidden.json\nscreenshot hidden.png\n"
               "tap @ui:brainstorm.reveal finger 5\nframes 3\n"
               "save revealed.json\nscreenshot revealed.png\nquit\n");
    const RunResult r = run_app({dir.file("team.json"), "--layout", "table", "--windowed", "1600x900", "--replay",
                                 dir.file("s.txt")},
                                dir.file("data"), 280);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    struct Want { const char* text; Id author; Side side; };
    const Want want[] = {{"Pedagogische begeleidingsdienst", 1, Side::Bottom}, {"Coördinatie zorg", 2, Side::Top},
                         {"École", 3, Side::Left}, {"Hogeschool: lerarenopleiding", 0, Side::Right},
                         {"CLB", 1, Side::Bottom}, {"Gemeente: jeugddienst", 2, Side::Top}};
    const Document hidden = load_board(dir.file("hidden.json"));
    const Document shown = load_board(dir.file("revealed.json"));
    ASSERT_EQ(hidden.partners.size(), 6u);
    ASSERT_EQ(shown.partners.size(), 6u);
    for (const Want& w : want) {
        int found = 0;
        for (size_t i = 0; i < hidden.partners.size(); ++i) {
            const Partner& h = hidden.partners[i];
            if (h.text != w.text) continue;
            ++found;  // exactly the typed text, once, by its writer
            EXPECT_EQ(h.author, w.author) << w.text;
            EXPECT_EQ(h.side, w.side) << w.text;
            EXPECT_FALSE(h.face_up) << w.text << " was readable before the reveal";
            const Partner& s = shown.partners[i];
            EXPECT_TRUE(s.face_up) << w.text;
            EXPECT_EQ(s.ring, 0) << w.text << " should wait in the parking lane";
            EXPECT_EQ(s.x < 0, w.side == Side::Left || w.side == Side::Top) << w.text << " is in the lane of the wrong side";
        }
        EXPECT_EQ(found, 1) << w.text;
    }
    // On screen: before the reveal, the lanes where the post-its land show no post-it.
    const Png before = read_png(dir.file("hidden.png"));
    const Png after = read_png(dir.file("revealed.png"));
    ASSERT_TRUE(before.ok() && after.ok());
    const double k = 900 / 1080.0;
    const View v = fit_view(0, 150 * k, 1600, 900 - 104 * k);
    int changed = 0;
    for (const Partner& p : shown.partners) {
        const Vec2 c = v.to_screen({p.x - geo::kNoteW * 0.3, p.y + geo::kNoteH * 0.3});
        const auto a = before.mean(int(c.x), int(c.y), 2), b = after.mean(int(c.x), int(c.y), 2);
        changed += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) > 20;
    }
    // (Some land under a station's keyboard; those are checked in the file above.)
    EXPECT_GE(changed, 2) << "the revealed post-its should appear where nothing was shown before";
}

}  // namespace
}  // namespace nk::test
