// Running the real netwerkkaart binary headless from tests, and reading what it wrote.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "document.hpp"

namespace nk::test {

struct RunResult {
    int exit_code = -1;   // -1: killed by a signal or timed out
    std::string output;   // stdout and stderr together
};

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// Runs the app with `args`. Windowed runs go under xvfb-run (a real X window, Mesa's
// software GL); `--snapshot` runs use SDL's offscreen driver. The data directory is
// always passed so no test touches the user's files. Times out after `timeout_s`.
// `offscreen`: a windowed run on SDL's offscreen driver too (no X server to start: for
// tests that run the app many times).
RunResult run_app(const std::vector<std::string>& args, const std::string& data_dir, int timeout_s = 120,
                  bool offscreen = false);

// Writes `text` to `path`.
void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);

// Loads a board file; fails the current test (ADD_FAILURE) and returns an empty board
// when it cannot be read.
Document load_board(const std::string& path);

struct Png {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;
    bool ok() const { return w > 0; }
    // The colour at (x, y); (0,0,0,0) outside the image.
    struct Rgba { int r, g, b, a; };
    Rgba at(int x, int y) const;
    // Mean colour of the square of side 2*r+1 centred on (x, y).
    Rgba mean(int x, int y, int r) const;
};
Png read_png(const std::string& path);
// Writes a w x h PNG of soft gradients with nothing but pixels in it (no text chunks),
// as a camera or another program would: an image that truly carries no map.
bool write_plain_png(const std::string& path, int w, int h);

// What a replay's `layout FILE` wrote: where things were in the last frame drawn, in
// window pixels (docs/replay.md).
struct Layout {
    struct Box {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
        bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
    };
    int w = 0, h = 0;
    double scale = 0, ox = 0, oy = 0;   // the view: screen = origin + board * scale
    std::vector<Box> panels;
    std::map<std::string, Box> controls;
    std::map<Id, Box> notes;           // face-up post-its of the board shown, by id
    bool ok() const { return w > 0; }
    // The panel that holds control `id`; null when there is none.
    const Box* panel_of(const std::string& id) const;
};
Layout read_layout(const std::string& path);

// Whether two colours are within `tol` in every channel.
bool near(Png::Rgba a, Png::Rgba b, int tol);

}  // namespace nk::test
