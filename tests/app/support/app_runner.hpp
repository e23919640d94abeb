// Running the real netwerkkaart binary headless from tests, and reading what it wrote.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "document.hpp"
#include "layout_file.hpp"
#include "view.hpp"

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

// The view (screen = origin + board x scale) the app settles on when started with `args`
// (a board file, --windowed WxH, ...): a short replay's `layout` after a few frames, in a
// data directory of its own. A script whose positions come from it starts with
// kSettleFrames so that the map has settled before its first finger.
View settled_view(const std::vector<std::string>& args);
inline constexpr const char* kSettleFrames = "frames 10\n";

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


// Whether two colours are within `tol` in every channel.
bool near(Png::Rgba a, Png::Rgba b, int tol);

}  // namespace nk::test
