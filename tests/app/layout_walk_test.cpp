// Nothing covered, anywhere (issue "Touch alone"): the whole workshop walked by taps at
// 1920x1080 and 3840x2160, on a wall and on a table, with the most panels open that a
// phase has (every writer's station, the card deck with a note being typed, a closing
// question with its answer, the patterns table, the facilitator's panel). In every phase no
// control lies under another panel or outside the window, no post-it lies under a panel,
// and every keyboard's letter keys are at least 40 px wide at 1080p (scaled with the window).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_runner.hpp"

namespace nk::test {
namespace {

const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";

struct Step {
    std::string name;    // the phase and what is open
    std::string script;  // the taps that get there from the step before
};

std::vector<Step> walk(bool table) {
    std::vector<Step> s;
    s.push_back({"0-setup", "tap @ui:phase.0 finger 1\nframes 3\ntap @ui:setup.school finger 1\nframes 3\n"});
    s.push_back({"1-intro", "tap @kbd:0:done finger 2\nframes 3\ntap @ui:phase.1 finger 1\nframes 3\n"});
    std::string stations = "tap @ui:phase.2a finger 1\nframes 3\n";
    const std::vector<std::string> edges = table ? std::vector<std::string>{"bottom", "bottom", "right", "top", "top", "left"}
                                                 : std::vector<std::string>{"bottom", "bottom", "bottom", "bottom"};
    for (const std::string& e : edges) stations += "tap @ui:station.open." + e + " finger 1\nframes 3\n";
    s.push_back({"2a-stations", stations});
    // On a wall, the kind brush on: the sorting strip at its widest (with "done sorting").
    // (At a table the writers' stations of 2A are still open here, over the legend.)
    s.push_back({"2b-map", "tap @ui:phase.2b finger 1\nframes 3\n" +
                               std::string(table ? "" : "tap @ui:brush.zorg finger 1\nframes 3\n")});
    s.push_back({"2c-patterns", "tap @ui:phase.2c finger 1\nframes 3\ntap @ui:patterns.show finger 1\nframes 3\n"});
    s.push_back({"3-deck", "tap @ui:phase.3 finger 1\nframes 3\ntap @note:\"CLB Gent\" finger 1\nframes 3\n"
                           "tap @ui:card.f1.actoren finger 1\nframes 3\n"});
    s.push_back({"4-closing", "tap @ui:card.close finger 1\nframes 3\n"
                              "tap @ui:phase.4 finger 1\nframes 3\ntap @ui:closing.metafoor finger 1\nframes 3\n"});
    s.push_back({"5-keep", "tap @kbd:0:done finger 2\nframes 3\ntap @ui:phase.5 finger 1\nframes 3\n"});
    s.push_back({"5-facilitator", "finger down 9 @ui:facilitator.hold\nwait 3400\nfinger up 9 @ui:facilitator.hold\nframes 3\n"});
    return s;
}

void walk_and_check(int w, int h, bool table) {
    TempDir dir;
    const std::string tag = std::to_string(w) + "x" + std::to_string(h) + (table ? "-table" : "-wall");
    const std::vector<Step> steps = walk(table);
    std::string script = "frames 3\n";
    for (const Step& st : steps)
        script += st.script + "frames 6\nlayout l-" + st.name + ".txt\nscreenshot /tmp/nk-walk-" + tag + "-" + st.name + ".png\n";
    script += "quit\n";
    write_file(dir.file("walk.txt"), script);
    std::vector<std::string> args = {kBoard25, "--windowed", std::to_string(w) + "x" + std::to_string(h), "--replay",
                                     dir.file("walk.txt")};
    if (table) args.insert(args.end(), {"--layout", "table"});
    const RunResult r = run_app(args, dir.file("data"), 300);
    ASSERT_EQ(r.exit_code, 0) << tag << ": " << r.output;
    const double k = h / 1080.0;
    for (const Step& st : steps) {
        const Layout l = read_layout(dir.file("l-" + st.name + ".txt"));
        ASSERT_TRUE(l.ok()) << tag << " " << st.name;
        EXPECT_FALSE(l.controls.empty()) << tag << " " << st.name << ": no controls";
        for (const std::string& why : l.covered_controls()) ADD_FAILURE() << tag << " " << st.name << ": " << why;
        for (const std::string& why : l.notes_under_panels()) ADD_FAILURE() << tag << " " << st.name << ": " << why;
        for (const auto& [n, kb] : l.keyboards)
            EXPECT_GE(kb.key_px, 40 * k - 0.05) << tag << " " << st.name << ": keyboard " << n << "'s letter keys";
    }
}

TEST(LayoutWalk, WallAt1080p) { walk_and_check(1920, 1080, false); }
TEST(LayoutWalk, TableAt1080p) { walk_and_check(1920, 1080, true); }
TEST(LayoutWalk, WallAt4K) { walk_and_check(3840, 2160, false); }
TEST(LayoutWalk, TableAt4K) { walk_and_check(3840, 2160, true); }

}  // namespace
}  // namespace nk::test
