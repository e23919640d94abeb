// Phase 5 (keeping the result) on the real binary, at the sizes of schools' screens: the
// keep panel (top right) and the list of saved versions (top left) stand beside the map,
// never over a post-it. Where things were comes from the replay's `layout` dump; the
// screenshot shows that the post-it it names is really there to see.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "palette.hpp"
#include "reducer.hpp"

namespace nk::test {
namespace {
const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";

struct Shown {
    Layout layout;
    Png shot;
};

// The board in phase 5 in a window of w x h, settled: where things are, and a screenshot.
Shown phase5(const TempDir& dir, const std::string& board, int w, int h) {
    const std::string tag = std::to_string(w) + "x" + std::to_string(h);
    write_file(dir.file("s-" + tag + ".txt"),
               "frames 3\nlayout l-" + tag + ".txt\nscreenshot s-" + tag + ".png\nframes 1\nquit\n");
    const RunResult r =
        run_app({board, "--phase", "5", "--windowed", tag, "--replay", dir.file("s-" + tag + ".txt")}, dir.file("data-" + tag));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return {read_layout(dir.file("l-" + tag + ".txt")), read_png(dir.file("s-" + tag + ".png"))};
}

// Every post-it clear of every panel (the phase bar, the keep panel, the versions, the
// legend, the button bar, the facilitator's corner).
void expect_no_post_it_under_a_panel(const Layout& l, const Document&) {
    for (const std::string& why : l.notes_under_panels()) ADD_FAILURE() << why << " in a window of " << l.w << "x" << l.h;
}

const Partner* rightmost(const Document& d) {
    const Partner* best = nullptr;
    for (const Partner& p : d.partners)
        if (p.face_up && (!best || p.x > best->x)) best = &p;
    return best;
}

TEST(KeepLayout, InPhase5TheRightmostPostItStandsBesideTheKeepPanelNotUnderIt) {
    const Document d = load_board(kBoard25);
    const Partner* right = rightmost(d);
    ASSERT_NE(right, nullptr);
    ASSERT_EQ(right->category, Category::Andere);  // its fill is what the pixels below expect
    for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
        TempDir dir;
        const Shown s = phase5(dir, kBoard25, w, h);
        ASSERT_TRUE(s.layout.ok() && s.shot.ok());
        EXPECT_EQ(s.layout.notes.size(), d.partners.size());
        const Layout::Box* keep = s.layout.panel_of("keep.export");
        ASSERT_NE(keep, nullptr) << "no keep panel";
        ASSERT_TRUE(s.layout.notes.count(right->id));
        const Layout::Box note = s.layout.notes.at(right->id).box;
        EXPECT_LT(note.x1, keep->x0) << "'" << right->text << "' reaches under the keep panel at " << w << "x" << h;
        EXPECT_GT(note.x0, 0) << "'" << right->text << "' is off the screen";
        expect_no_post_it_under_a_panel(s.layout, d);
        // On the screen: the middle of that post-it (its text aside) is its own paper
        // ("andere", palette.hpp), not the white of a panel over it.
        const palette::Rgb fill = palette::kKindFill[static_cast<size_t>(Category::Andere)];
        const double mx = (note.x1 - note.x0) * 0.2, my = (note.y1 - note.y0) * 0.2;
        int grey = 0, all = 0;
        for (int y = int(note.y0 + my); y < int(note.y1 - my); ++y)
            for (int x = int(note.x0 + mx); x < int(note.x1 - mx); ++x, ++all)
                grey += near(s.shot.at(x, y), {fill.r, fill.g, fill.b, 255}, 12);
        EXPECT_GT(grey, all * 4 / 10) << "'" << right->text << "' is not to be seen at " << w << "x" << h;
    }
}

TEST(KeepLayout, WithSavedVersionsTheirListInPhase5CoversNoPostIt) {
    // One version (the map goes below the short list) and four (beside the long one).
    for (int count : {1, 4}) {
        TempDir dir;
        Document d = load_board(kBoard25);
        for (int i = 0; i < count; ++i)
            d = reduce(d, act::SaveVersion{"202" + std::to_string(2 + i) + "-11-27", "Na het gesprek"});
        write_file(dir.file("b.json"), serialize_board(d));
        const Shown s = phase5(dir, dir.file("b.json"), 1920, 1080);
        ASSERT_TRUE(s.layout.ok());
        const Layout::Box* versions = s.layout.panel_of("version.open." + std::to_string(count));
        const Layout::Box* keep = s.layout.panel_of("keep.export");
        ASSERT_NE(versions, nullptr) << "no list of versions";
        ASSERT_NE(keep, nullptr);
        EXPECT_EQ(s.layout.notes.size(), d.partners.size());
        for (const auto& [id, note] : s.layout.notes) {
            EXPECT_FALSE(note.box.overlaps(*versions)) << d.partner(id)->text << " under the list of " << count << " versions";
            EXPECT_LT(note.box.x1, keep->x0) << d.partner(id)->text;
        }
        expect_no_post_it_under_a_panel(s.layout, d);
        // The map is not shrunk to a stamp: the school's circle of post-its keeps a readable size.
        EXPECT_GT(s.layout.scale, 0.4) << count << " versions";
    }
}

}  // namespace
}  // namespace nk::test
