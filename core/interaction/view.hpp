// The camera on the board: which board point is where on the screen.
//
// Pure value, owned by the app (the view is not part of the document: one person's
// zoom is not an undo step). screen = origin + board * scale, in window pixels.
#pragma once

#include <vector>

#include "document.hpp"

namespace nk {

struct View {
    double scale = 1;    // pixels per board unit
    Vec2 origin{0, 0};   // where the school (board 0,0) is on screen, pixels
    friend bool operator==(const View&, const View&) = default;

    Vec2 to_screen(Vec2 b) const { return {origin.x + b.x * scale, origin.y + b.y * scale}; }
    Vec2 to_board(Vec2 s) const { return {(s.x - origin.x) / scale, (s.y - origin.y) / scale}; }
};

// Limits of zoom relative to the fitted view.
inline constexpr double kMinZoom = 0.35, kMaxZoom = 4.0;

// The view that shows the rings and both parking lanes inside the rectangle
// (x0, y0)-(x1, y1) of the window (the area not covered by the bars).
View fit_view(double x0, double y0, double x1, double y1);

// Like fit_view, but grown (zoomed out) as needed so that every post-it of `d` is inside
// too: for snapshots, which must show the whole map whatever the screen's zoom.
View fit_content(const Document& d, double x0, double y0, double x1, double y1);

// An axis-aligned rectangle of the window, pixels: (x0, y0) top left, (x1, y1) bottom right.
struct ScreenBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    friend bool operator==(const ScreenBox&, const ScreenBox&) = default;
};

// The view that shows the map of `d` as large as it can be inside `area` without any of
// it under one of the `panels`: the outer ring (as a disk: panels may stand in the corners
// it leaves), every face-up post-it and the lane slot where the next new post-it lands.
// Of the largest such scale (found to within a fraction of a percent), the place nearest
// the one that centres the map in `area`. With no free room at all it is fit_content.
// Deterministic: the same input gives the same view.
View fit_clear_of(const Document& d, ScreenBox area, const std::vector<ScreenBox>& panels);

// `v` zoomed by `factor` keeping the board point under screen point `at` fixed; the
// resulting scale stays within [kMinZoom, kMaxZoom] times `fitted.scale`.
View zoom_about(const View& v, Vec2 at, double factor, const View& fitted);

// One frame of a refit's animation: `from` moved half way to `to` (scale and origin), or
// `to` itself once the rest is too small to see (under 1% of the scale and 3 pixels), so
// a refit ends within about seven frames.
View approach(const View& from, const View& to);

// `v` moved by (dx, dy) pixels.
View pan(const View& v, double dx, double dy);

}  // namespace nk
