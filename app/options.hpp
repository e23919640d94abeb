// The command line of the netwerkkaart binary.
#pragma once

#include <optional>
#include <string>

namespace nk::app {

struct Options {
    std::string board_file;            // FILE.json to open (empty: the autosave, or a new board)
    int windowed_w = 0, windowed_h = 0; // --windowed WxH (0: full screen at the desktop size)
    std::string data_dir;              // --data-dir DIR (default $XDG_DATA_HOME/netwerkkaart)
    std::string phase;                 // --phase ID
    std::string snapshot_out;          // --snapshot OUT.png: render and exit
    int snapshot_w = 1920, snapshot_h = 1080;  // --size WxH
    std::string replay;                // --replay FILE
    std::string lang = "nl";           // --lang nl|en
    double ui_scale = 1.0;             // --ui-scale F
    bool new_board = false;            // --new: start a new board, not the autosave
    std::string keys = "azerty";       // --keys azerty|qwerty: the on-screen keyboards' layout
    std::string layout = "wall";       // --layout wall|table: where brainstorm stations stand
    std::string export_dir;            // --export DIR: write every export of the board there and exit
    bool anonymous = false;            // --anonymous: the anonymised variant of --export
    std::string frame_log;             // --frame-log FILE: one line of timings per frame (bench)
    bool help = false;
};

struct OptionsResult {
    Options options;
    std::string error;  // non-empty: the command line was wrong; print it and exit 2
};

OptionsResult parse_options(int argc, char** argv);
// The --help text.
std::string usage();
// Parses "WxH" with both parts in 1..16384.
std::optional<std::pair<int, int>> parse_size(const std::string& s);
// $XDG_DATA_HOME/netwerkkaart, or ~/.local/share/netwerkkaart.
std::string default_data_dir();

}  // namespace nk::app
