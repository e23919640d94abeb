// Finger strokes for replay scripts, as a person draws them on the board.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

#include "view.hpp"

namespace nk::test {

// A point in window pixels as the replay's normalised "X Y" (0..1 of a w × h window).
inline std::string replay_pos(Vec2 s, double w, double h) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f %.5f", s.x / w, s.y / h);
    return buf;
}

// A wobbly, open loop of finger `finger` round board point c (half-axes rx, ry in board
// units) in view v of a w × h window, starting at angle `phase`: a priority circle.
inline std::string circle_script(int finger, Vec2 c, const View& v, double phase, double rx, double ry, double w, double h) {
    std::string s;
    const int n = 26;
    for (int i = 0; i <= n; ++i) {
        const double a = phase + 2 * M_PI * 0.93 * i / n;
        const double wob = 1 + 0.06 * std::sin(5.0 * a + phase);
        const Vec2 b{c.x + rx * wob * std::cos(a), c.y + ry * wob * std::sin(a)};
        s += std::string(i == 0 ? "finger down " : "finger move ") + std::to_string(finger) + " " +
             replay_pos(v.to_screen(b), w, h) + "\nframes 1\n";
    }
    s += "finger up " + std::to_string(finger) + " " + replay_pos(v.to_screen({c.x + rx, c.y + 10}), w, h) + "\nframes 2\n";
    return s;
}

}  // namespace nk::test
