// Deterministic boards for the benchmarks: N post-its with realistic Dutch texts of
// varied length, spread over the rings and both parking lanes, two links per post-it,
// ten participants each with a priority circle. The same N always gives the same board.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"
#include "gestures.hpp"
#include "view.hpp"

namespace nk::bench {

Document make_board(int partners);

// The view the app fits to a window of w x h pixels (App::relayout at UI scale h/1080).
View app_view(int w, int h);

// `count` screen points (window pixels) on distinct post-its that a finger landing there
// grabs (board_hit says Note, not Handle), inside the board area of a w x h window.
struct Grip {
    Id partner = 0;
    Vec2 screen;
};
std::vector<Grip> grips(const Document& d, const View& v, int w, int h, int count);

// Where finger i is in frame f of a drag that started at `start`: past the touch drag
// threshold from the first move on, circling so every frame is a real move.
Vec2 finger_at(Vec2 start, int i, int f, double scale_px);

}  // namespace nk::bench
