#include "options.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace nk::app {

std::optional<std::pair<int, int>> parse_size(const std::string& s) {
    const auto x = s.find('x');
    if (x == std::string::npos) return std::nullopt;
    int w = 0, h = 0;
    const char* b = s.data();
    if (std::from_chars(b, b + x, w).ptr != b + x) return std::nullopt;
    if (std::from_chars(b + x + 1, b + s.size(), h).ptr != b + s.size()) return std::nullopt;
    if (w < 1 || h < 1 || w > 16384 || h > 16384) return std::nullopt;
    return std::pair{w, h};
}

std::string default_data_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/netwerkkaart";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/netwerkkaart";
    return "netwerkkaart-data";
}

std::string usage() {
    return "Usage: netwerkkaart [FILE.json] [options]\n"
           "  --windowed WxH      a window of that size instead of full screen\n"
           "  --data-dir DIR      where the autosave and snapshots go\n"
           "  --new               start a new board instead of continuing the autosave\n"
           "  --phase ID          start in phase 0 1 2a 2b 2c 3 4 5\n"
           "  --lang nl|en        language of the screen (default nl)\n"
           "  --ui-scale F        make every control F times bigger (0.5 .. 3)\n"
           "  --layout wall|table a screen on the wall (default) or a table with people on every side\n"
           "  --keys azerty|qwerty the on-screen keyboards (default azerty, Belgian)\n"
           "  --snapshot OUT.png  render the board to a PNG and exit\n"
           "  --size WxH          size of that PNG (default 1920x1080)\n"
           "  --replay FILE       play a script of input events (docs/replay.md)\n"
           "  --export DIR        write the map image, the report (HTML, Markdown) and the data\n"
           "                      (GraphML, CSV) of the board to DIR and exit\n"
           "  --anonymous         with --export: leave out names and notes\n"
           "  --frame-log FILE    write each frame's timings to FILE (for scripts/bench)\n";
}

OptionsResult parse_options(int argc, char** argv) {
    OptionsResult r;
    Options& o = r.options;
    o.data_dir = default_data_dir();
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                r.error = std::string(a) + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--windowed") {
            if (!value(v)) return r;
            auto sz = parse_size(v);
            if (!sz) return r.error = "--windowed wants WIDTHxHEIGHT, like 1600x900", r;
            o.windowed_w = sz->first, o.windowed_h = sz->second;
        } else if (a == "--size") {
            if (!value(v)) return r;
            auto sz = parse_size(v);
            if (!sz) return r.error = "--size wants WIDTHxHEIGHT, like 3840x2160", r;
            o.snapshot_w = sz->first, o.snapshot_h = sz->second;
        } else if (a == "--data-dir") {
            if (!value(o.data_dir)) return r;
        } else if (a == "--phase") {
            if (!value(o.phase)) return r;
        } else if (a == "--snapshot") {
            if (!value(o.snapshot_out)) return r;
        } else if (a == "--replay") {
            if (!value(o.replay)) return r;
        } else if (a == "--lang") {
            if (!value(o.lang)) return r;
            if (o.lang != "nl" && o.lang != "en") return r.error = "--lang is nl or en", r;
        } else if (a == "--ui-scale") {
            if (!value(v)) return r;
            double f = 0;
            auto res = std::from_chars(v.data(), v.data() + v.size(), f);
            if (res.ptr != v.data() + v.size() || !(f >= 0.5 && f <= 3)) return r.error = "--ui-scale is a number from 0.5 to 3", r;
            o.ui_scale = f;
        } else if (a == "--keys") {
            if (!value(o.keys)) return r;
            if (o.keys != "azerty" && o.keys != "qwerty") return r.error = "--keys is azerty or qwerty", r;
        } else if (a == "--layout") {
            if (!value(o.layout)) return r;
            if (o.layout != "wall" && o.layout != "table") return r.error = "--layout is wall or table", r;
        } else if (a == "--export") {
            if (!value(o.export_dir)) return r;
        } else if (a == "--anonymous") {
            o.anonymous = true;
        } else if (a == "--frame-log") {
            if (!value(o.frame_log)) return r;
        } else if (a == "--new") {
            o.new_board = true;
        } else if (!a.empty() && a[0] == '-') {
            return r.error = "unknown option " + std::string(a), r;
        } else if (o.board_file.empty()) {
            o.board_file = std::string(a);
        } else {
            return r.error = "only one board file can be opened at a time", r;
        }
    }
    return r;
}

}  // namespace nk::app
