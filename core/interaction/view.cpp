#include "view.hpp"

#include <algorithm>
#include <cmath>

#include "geometry.hpp"

namespace nk {

View fit_view(double x0, double y0, double x1, double y1) {
    // Show the outer ring with room for a post-it beyond it, and the lanes left and right.
    const double need_h = 2 * (geo::kRing3 + geo::kNoteH * 0.6);
    const double need_w = 2 * (geo::kLaneX + geo::kNoteW + 40);
    const double w = std::max(1.0, x1 - x0), h = std::max(1.0, y1 - y0);
    View v;
    v.scale = std::min(w / need_w, h / need_h);
    v.origin = {(x0 + x1) / 2, (y0 + y1) / 2};
    return v;
}

View fit_content(const Document& d, double x0, double y0, double x1, double y1) {
    View v = fit_view(x0, y0, x1, y1);
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    // The fitted view centres the school; find the scale at which the farthest post-it
    // corner (in each direction) still fits the half-width and half-height around it.
    double need = v.scale;
    for (const Partner& p : d.partners) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        const double ex = std::abs(p.x) + geo::kNoteW * p.scale * 0.75 + 10;
        const double ey = std::abs(p.y) + geo::kNoteH * p.scale * 0.75 + 10;
        need = std::min({need, (cx - x0) / ex, (cy - y0) / ey});
    }
    v.scale = std::max(need, v.scale * kMinZoom);
    return v;
}

View zoom_about(const View& v, Vec2 at, double factor, const View& fitted) {
    if (!std::isfinite(factor) || factor <= 0 || !std::isfinite(at.x) || !std::isfinite(at.y)) return v;
    const double s = std::clamp(v.scale * factor, fitted.scale * kMinZoom, fitted.scale * kMaxZoom);
    const Vec2 b = v.to_board(at);
    View out;
    out.scale = s;
    out.origin = {at.x - b.x * s, at.y - b.y * s};
    return out;
}

View pan(const View& v, double dx, double dy) {
    if (!std::isfinite(dx) || !std::isfinite(dy)) return v;
    View out = v;
    out.origin.x += dx;
    out.origin.y += dy;
    return out;
}

}  // namespace nk
