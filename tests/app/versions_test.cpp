// Groups brought together and the map over the years, on the real binary: merging another
// group's board file from the on-screen list (and a bad file changing nothing), a saved
// version shown read-only (a drag changes nothing), and the comparison drawn on the board
// with its key.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "app_runner.hpp"
#include "autosave.hpp"
#include "board_file.hpp"
#include "geometry.hpp"
#include "handles.hpp"
#include "reducer.hpp"
#include "view.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
constexpr int kW = 1920, kH = 1080;

Document group_a() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2026-11-29";
    d = reduce(d, act::AddParticipant{"An", Role::Directie});
    d = reduce(d, act::AddPartner{"CLB Gent", Category::Andere, {150, -60}, 0});
    d = reduce(d, act::AddPartner{"Bibliotheek", Category::Andere, {-250, 120}, 0});
    d = reduce(d, act::AddLink{1, kSchool});
    return d;
}

Document group_b() {
    Document d;
    d.school = "Basisschool De Linde";
    d.date = "2026-11-29";
    d = reduce(d, act::AddParticipant{"Chris", Role::Zorgcoordinator});
    d = reduce(d, act::AddPartner{"clb gent", Category::Andere, {100, 50}, 0});
    d = reduce(d, act::AddPartner{"Logopedie", Category::Andere, {-300, 0}, 0});
    d = reduce(d, act::AddPartner{"Muziekacademie", Category::Andere, {0, 280}, 0});
    d = reduce(d, act::AddLink{2, 3});
    d = reduce(d, act::SetPriority{1, 3, {{0, 200}, {60, 280}, {0, 360}}});
    return d;
}

const Partner* named(const Document& d, const std::string& text) {
    for (const Partner& p : d.partners)
        if (p.text == text) return &p;
    return nullptr;
}

RunResult run_script(const TempDir& dir, const std::string& board, const std::string& phase, const std::string& script) {
    write_file(dir.file("s.txt"), script);
    return run_app({board, "--phase", phase, "--windowed", std::to_string(kW) + "x" + std::to_string(kH), "--replay",
                    dir.file("s.txt")},
                   dir.file("data"));
}

TEST(Versions, MergingAnotherGroupsFileBringsItsPostItsLinksAndPrioritiesAndIsOneUndoStep) {
    TempDir dir;
    fs::create_directories(dir.file("data/kaarten"));
    write_file(dir.file("a.json"), serialize_board(group_a()));
    write_file(dir.file("data/kaarten/groep-b.json"), serialize_board(group_b()));
    write_file(dir.file("data/kaarten/kapot.json"), "{\"format_version\": 2, \"partners\": [");  // cut off
    const std::string s =
        "tap @ui:setup.merge.1 finger 1\nframes 2\nscreenshot merged.png\ntap @ui:message.ok finger 1\nframes 2\n"
        "save merged.json\n"
        // A file that is no board: a message, and the board stays as it was.
        "tap @ui:setup.merge.2 finger 1\nframes 2\nscreenshot bad.png\ntap @ui:message.ok finger 1\nframes 2\n"
        "save after-bad.json\n"
        // In 2B both groups' CLB is offered for one stack.
        "tap @ui:phase.2b finger 1\nframes 3\nscreenshot offers.png\ntap @ui:stack.1 finger 1\nframes 2\nsave stacked.json\n"
        // Undo the stack, then the merge: one step each.
        "wait 300\ntap @ui:undo\nframes 2\nwait 300\ntap @ui:undo\nframes 2\nwait 300\ntap @ui:undo\nframes 2\nsave undone.json\nquit\n";
    const RunResult r = run_script(dir, dir.file("a.json"), "0", s);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    const Document m = load_board(dir.file("merged.json"));
    ASSERT_EQ(m.partners.size(), 5u);
    for (const char* t : {"CLB Gent", "Bibliotheek", "clb gent", "Logopedie", "Muziekacademie"}) EXPECT_NE(named(m, t), nullptr) << t;
    // Our post-its stay where they were; theirs wait in the parking lane.
    EXPECT_EQ(named(m, "CLB Gent")->ring, 1);
    for (const char* t : {"clb gent", "Logopedie", "Muziekacademie"}) {
        EXPECT_EQ(named(m, t)->ring, 0) << t;
        EXPECT_GE(std::abs(named(m, t)->x), geo::kLaneX) << t;
    }
    // Their line and Chris's priority circle came along, on their own post-its.
    bool their_line = false;
    for (const Link& l : m.links)
        their_line |= m.partner(l.from) && m.partner(l.to) && m.partner(l.from)->text == "Logopedie" &&
                      m.partner(l.to)->text == "Muziekacademie";
    EXPECT_TRUE(their_line);
    EXPECT_EQ(m.links.size(), 2u);
    ASSERT_EQ(m.priorities.size(), 1u);
    EXPECT_EQ(m.partner(m.priorities[0].partner)->text, "Muziekacademie");
    EXPECT_EQ(m.participant(m.priorities[0].participant)->name, "Chris");

    EXPECT_EQ(load_board(dir.file("after-bad.json")), m) << "a broken file must change nothing";

    const Document st = load_board(dir.file("stacked.json"));
    const Partner* ours = named(st, "CLB Gent");
    const Partner* theirs = named(st, "clb gent");
    ASSERT_TRUE(ours && theirs);
    EXPECT_LT(std::hypot(theirs->x - ours->x, theirs->y - ours->y), 40) << "stacked on our CLB";

    Document a = group_a();
    Document undone = load_board(dir.file("undone.json"));
    EXPECT_EQ(undone.partners, a.partners) << "undo took the whole merge back in one step";
    EXPECT_EQ(undone.links, a.links);
    EXPECT_TRUE(undone.priorities.empty());
}

TEST(Versions, AMapImageWithTheBoardInsideIsOfferedAndMergesAPhotoIsNot) {
    TempDir dir;
    fs::create_directories(dir.file("data/kaarten"));
    write_file(dir.file("b.json"), serialize_board(group_b()));
    ASSERT_EQ(run_app({dir.file("b.json"), "--export", dir.file("exp")}, dir.file("x")).exit_code, 0);
    for (const auto& f : fs::directory_iterator(dir.file("exp")))
        if (f.path().extension() == ".png") fs::copy_file(f.path(), dir.file("data/kaarten/groep-b.png"));
    // A photo from a camera (no board inside); it sorts first, so it would be merge.1 if listed.
    ASSERT_TRUE(write_plain_png(dir.file("data/kaarten/a-foto.png"), 320, 200));
    write_file(dir.file("a.json"), serialize_board(group_a()));
    // The photo (no board inside) is not in the list: the map image is the first file.
    const RunResult r = run_script(dir, dir.file("a.json"), "0",
                                   "tap @ui:setup.merge.1 finger 1\nframes 2\ntap @ui:message.ok finger 1\nframes 2\nsave m.json\nquit\n");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document m = load_board(dir.file("m.json"));
    EXPECT_EQ(m.partners.size(), 5u);
    EXPECT_NE(named(m, "Logopedie"), nullptr);
}

// The 51st "save as new version" (issue 13): refused at once with a message that waits for
// OK (the plain "saved" note has no OK button, so the tap on it fails the replay when the
// refusal is not shown), the board keeps its 50 versions, and work after it is autosaved.
// Before, the version was kept, the reader refused the board, and every later autosave
// was rejected.
TEST(Versions, TheFiftyFirstVersionIsRefusedWithAMessageAndTheWorkAfterItIsSaved) {
    TempDir dir;
    Document d = group_a();
    for (int i = 0; i < 50; ++i) d = reduce(d, act::SaveVersion{"2026-11-29", "versie " + std::to_string(i + 1)});
    ASSERT_EQ(d.versions.size(), 50u);
    write_file(dir.file("b.json"), serialize_board(d));
    const RunResult r = run_script(dir, dir.file("b.json"), "5",
                                   "tap @ui:version.save finger 1\nframes 2\ntap @ui:message.ok finger 1\nframes 2\n"
                                   "tap @ui:phase.4 finger 1\nframes 2\nsave after.json\nquit\n");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document after = load_board(dir.file("after.json"));
    EXPECT_EQ(after.versions.size(), 50u);
    EXPECT_EQ(after.phase, Phase::Terugblik) << "the step back to phase 4 after the refusal did not land";
    EXPECT_EQ(read_file(autosave_path(dir.file("data"), 0)), read_file(dir.file("after.json")))
        << "the autosave does not hold the work after the refusal";
}

// A board in phase 2B (where post-its can be dragged) with one saved version.
Document with_version() {
    Document old = group_a();
    old = reduce(old, act::AddPartner{"Oud partner", Category::Andere, {-150, -250}, 0});
    old = reduce(old, act::MovePartners{{{1, {380, -120}, 0, 1}}});  // CLB far away, then
    old = reduce(old, act::SaveVersion{"2025-11-20", "Na het eerste gesprek"});
    Document now = old;
    now.partners = {};
    now.links = {};
    now = reduce(now, act::AddPartner{"CLB Gent", Category::Andere, {150, -60}, 0});
    now = reduce(now, act::AddPartner{"Bibliotheek", Category::Andere, {-250, 120}, 0});
    now = reduce(now, act::AddPartner{"Nieuwe partner", Category::Andere, {250, 200}, 0});
    now = reduce(now, act::AddLink{1, kSchool});
    return now;
}

TEST(Versions, AnEarlierVersionIsShownReadOnlyAndADragChangesNothing) {
    TempDir dir;
    const Document start = with_version();
    write_file(dir.file("a.json"), serialize_board(start));
    const std::string s =
        // The facilitator's corner, held for three seconds, then the versions.
        "finger down 1 @ui:facilitator.hold\nwait 3200\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
        "tap @ui:facilitator.files finger 1\nframes 2\nscreenshot files.png\n"
        "tap @ui:version.open.1 finger 1\nframes 3\n"
        "drag @note:\"Bibliotheek\" @school+0.1,0.12 finger 2\nframes 2\nscreenshot viewing.png\nsave viewing.json\n"
        "tap @ui:version.close finger 1\nframes 3\nscreenshot back.png\n"
        "drag @note:\"Bibliotheek\" @school+0.1,0.12 finger 2\nframes 2\nsave after.json\nquit\n";
    const RunResult r = run_script(dir, dir.file("a.json"), "2b", s);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document viewing = load_board(dir.file("viewing.json"));
    EXPECT_EQ(viewing.partners, start.partners) << "a drag on a version shown read-only moved a post-it";
    // The same drag on the current map does move it: the test above can fail.
    const Document after = load_board(dir.file("after.json"));
    ASSERT_NE(named(after, "Bibliotheek"), nullptr);
    EXPECT_NE(named(after, "Bibliotheek")->x, named(start, "Bibliotheek")->x);
    // The read-only frame round the screen is there while the version is shown, not after.
    const Png shot = read_png(dir.file("viewing.png")), back = read_png(dir.file("back.png"));
    ASSERT_TRUE(shot.ok() && back.ok());
    const Png::Rgba amber{214, 150, 40, 255};
    EXPECT_TRUE(near(shot.mean(5, kH / 2, 2), amber, 30)) << "no read-only frame";
    EXPECT_FALSE(near(back.mean(5, kH / 2, 2), amber, 30));
}

// How many of the board's post-its show their link knob (its dark centre dot) on screen.
int knobs_seen(const Png& shot, const Layout& l, const Document& board) {
    int seen = 0;
    for (const Partner& p : board.partners) {
        const Vec2 h = link_handle_board(p);
        seen += near(shot.mean(int(l.ox + h.x * l.scale), int(l.oy + h.y * l.scale), 1), {112, 120, 128, 255}, 30);
    }
    return seen;
}

TEST(Versions, WhileAVersionIsShownCtrlZAndCtrlYChangeNothingAndItsKnobsAndUndoButtonAreHidden) {
    TempDir dir;
    const Document start = with_version();
    write_file(dir.file("a.json"), serialize_board(start));
    const std::string s =
        // Something to undo on the current map first.
        "drag @note:\"Bibliotheek\" @school+0.1,0.12 finger 2\nframes 2\nsave moved.json\n"
        "finger down 1 @ui:facilitator.hold\nwait 3200\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
        "tap @ui:facilitator.files finger 1\nframes 2\ntap @ui:version.open.1 finger 1\nframes 3\n"
        // A physical keyboard's undo and redo, while the old version is shown.
        "key ctrl+z\nkey ctrl+z\nkey ctrl+y\nkey ctrl+shift+z\nkey ctrl+z\nframes 2\n"
        "screenshot viewing.png\nlayout viewing.txt\nframes 1\nsave viewing.json\n"
        "tap @ui:version.close finger 1\nframes 3\nscreenshot back.png\nlayout back.txt\nframes 1\nsave back.json\n"
        // Back on the current map the same key does undo: the keys above did arrive.
        "key ctrl+z\nframes 2\nsave undone.json\nquit\n";
    const RunResult r = run_script(dir, dir.file("a.json"), "2b", s);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Document moved = load_board(dir.file("moved.json"));
    ASSERT_NE(named(moved, "Bibliotheek")->x, named(start, "Bibliotheek")->x) << "the drag did not move the post-it";
    EXPECT_EQ(load_board(dir.file("viewing.json")), moved) << "a key undid or redid the map behind the version shown";
    EXPECT_EQ(load_board(dir.file("back.json")), moved);
    EXPECT_EQ(load_board(dir.file("undone.json")).partners, start.partners) << "ctrl+z on the current map did not undo";

    // The version shown has no link knobs and no undo button; the current map has both.
    const Layout lv = read_layout(dir.file("viewing.txt")), lb = read_layout(dir.file("back.txt"));
    const Png shot = read_png(dir.file("viewing.png")), back = read_png(dir.file("back.png"));
    ASSERT_TRUE(lv.ok() && lb.ok() && shot.ok() && back.ok());
    const Document& old = start.versions.at(0).board;
    EXPECT_EQ(lv.notes.size(), old.partners.size()) << "the version's post-its are not the ones shown";
    EXPECT_EQ(knobs_seen(shot, lv, old), 0) << "link knobs on a version shown read-only";
    EXPECT_EQ(knobs_seen(back, lb, moved), int(moved.partners.size())) << "the current map lost its link knobs";
    EXPECT_EQ(lv.controls.count("undo"), 0u) << "an undo button while a version is shown";
    EXPECT_EQ(lb.controls.count("undo"), 1u);
}

TEST(Versions, DuringTheBrainstormAVersionIsNotShownAndTheStationsKeepWorking) {
    TempDir dir;
    Document start = with_version();
    start = reduce(start, act::AddParticipant{"Chris", Role::Leraar});
    write_file(dir.file("a.json"), serialize_board(start));
    const std::string s =
        "tap @ui:station.open.bottom finger 1\nframes 2\ntap @ui:station.1.anonymous finger 2\nframes 2\n"
        "finger down 1 @ui:facilitator.hold\nwait 3200\nfinger up 1 @ui:facilitator.hold\nframes 2\n"
        "tap @ui:facilitator.files finger 1\nframes 2\nscreenshot files.png\nframes 1\n"
        "tap @ui:version.open.1 finger 1\nframes 3\ntap @ui:facilitator.back finger 1\nframes 2\n"
        "tap @ui:facilitator.close finger 1\nframes 3\nscreenshot after.png\nframes 1\n"
        "type 1 \"Sportclub\"\ntap @kbd:1:enter finger 3\nframes 3\nsave typed.json\nquit\n";
    const RunResult r = run_script(dir, dir.file("a.json"), "2a", s);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // No read-only frame: the version was not shown over the brainstorm.
    const Png after = read_png(dir.file("after.png"));
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(near(after.mean(5, kH / 2, 2), {214, 150, 40, 255}, 30)) << "a version shown during the brainstorm";
    // The station still writes post-its: face down, into its writer's tray.
    const Document typed = load_board(dir.file("typed.json"));
    const Partner* p = named(typed, "Sportclub");
    ASSERT_NE(p, nullptr) << "the station took no post-it";
    EXPECT_FALSE(p->face_up);
}

// Pixels of a colour family in a rectangle.
int count_pixels(const Png& img, int x0, int y0, int x1, int y1, bool (*is)(Png::Rgba)) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(img.h, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(img.w, x1); ++x) n += is(img.at(x, y));
    return n;
}
bool greenish(Png::Rgba c) { return c.g > c.r + 60 && c.g > c.b + 30; }
bool reddish(Png::Rgba c) { return c.r > 150 && c.r > c.g + 90 && c.r > c.b + 80; }

TEST(Versions, ComparingDrawsTheChangesOnTheBoardWithAKey) {
    TempDir dir;
    Document start = with_version();
    start.phase = Phase::Naverwerking;
    write_file(dir.file("a.json"), serialize_board(start));
    const std::string s =
        "screenshot before.png\nlayout before.txt\n"
        "tap @ui:version.compare.1 finger 1\nframes 6\nscreenshot compare.png\nlayout compare.txt\n"
        "tap @ui:compare.close finger 1\nframes 3\nsave after.json\nquit\n";
    const RunResult r = run_script(dir, dir.file("a.json"), "5", s);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(load_board(dir.file("after.json")), start) << "comparing changes nothing";
    const Png before = read_png(dir.file("before.png")), cmp = read_png(dir.file("compare.png"));
    ASSERT_TRUE(before.ok() && cmp.ok());
    // The key on the right (440 px + margins at 1080 high) with green and red samples.
    const int key_x = kW - 480;
    EXPECT_GT(count_pixels(cmp, key_x, 90, kW, kH, greenish), 400);
    EXPECT_GT(count_pixels(cmp, key_x, 90, kW, kH, reddish), 200);
    // On the board (the view leaves the key its column): the new partner's green frame and
    // the gone partner's red ghost where it stood; neither is there before comparing.
    const Layout lc = read_layout(dir.file("compare.txt")), lb = read_layout(dir.file("before.txt"));
    ASSERT_TRUE(lc.ok() && lb.ok());
    const View v{lc.scale, {lc.ox, lc.oy}};
    ASSERT_NE(lc.panel("compare"), nullptr);
    EXPECT_LT(v.to_screen({250, 200}).x + geo::kNoteW * v.scale, lc.panel("compare")->x0) << "the map under the key";
    auto around = [&](Vec2 b, bool (*is)(Png::Rgba), const Png& img) {
        const Vec2 c = v.to_screen(b);
        const int hw = int(geo::kNoteW / 2 * v.scale) + 16, hh = int(geo::kNoteH / 2 * v.scale) + 16;
        return count_pixels(img, int(c.x) - hw, int(c.y) - hh, int(c.x) + hw, int(c.y) + hh, is);
    };
    EXPECT_GT(around({250, 200}, greenish, cmp), 150) << "no green frame round the new partner";
    EXPECT_GT(around({-150, -250}, reddish, cmp), 100) << "no ghost where the gone partner stood";
    const View v0{lb.scale, {lb.ox, lb.oy}};
    const Vec2 nb = v0.to_screen({250, 200});
    EXPECT_LT(count_pixels(before, int(nb.x) - 90, int(nb.y) - 60, int(nb.x) + 90, int(nb.y) + 60, greenish), 20);
}

}  // namespace
}  // namespace nk::test
