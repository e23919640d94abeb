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

View fit_clear_of(const Document& d, ScreenBox area, const std::vector<ScreenBox>& panels) {
    // Candidate edges: the area's and every panel's, clamped to the area.
    std::vector<double> xs{area.x0, area.x1}, ys{area.y0, area.y1};
    std::vector<ScreenBox> inside;
    for (const ScreenBox& p : panels) {
        const ScreenBox c{std::max(p.x0, area.x0), std::max(p.y0, area.y0), std::min(p.x1, area.x1), std::min(p.y1, area.y1)};
        if (c.x0 >= c.x1 || c.y0 >= c.y1) continue;  // outside the area
        inside.push_back(c);
        xs.insert(xs.end(), {c.x0, c.x1});
        ys.insert(ys.end(), {c.y0, c.y1});
    }
    if (inside.empty()) return fit_content(d, area.x0, area.y0, area.x1, area.y1);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    auto clear = [&](double x0, double y0, double x1, double y1) {
        for (const ScreenBox& p : inside)
            if (p.x0 < x1 && x0 < p.x1 && p.y0 < y1 && y0 < p.y1) return false;
        return true;
    };
    // fit_view's scale bounds fit_content's from above: a candidate whose fit_view is
    // already smaller than the best cannot win, and skips the dearer fit_content.
    bool found = false;
    View best;
    double best_area = 0;
    for (size_t a = 0; a < xs.size(); ++a)
        for (size_t b = a + 1; b < xs.size(); ++b)
            for (size_t c = 0; c < ys.size(); ++c)
                for (size_t e = c + 1; e < ys.size(); ++e) {
                    if (!clear(xs[a], ys[c], xs[b], ys[e])) break;  // a taller one is not clear either
                    const double rect_area = (xs[b] - xs[a]) * (ys[e] - ys[c]);
                    if (found && fit_view(xs[a], ys[c], xs[b], ys[e]).scale < best.scale * 0.9999) continue;
                    const View v = fit_content(d, xs[a], ys[c], xs[b], ys[e]);
                    if (!found || v.scale > best.scale * 1.0001 ||
                        (v.scale >= best.scale * 0.9999 && rect_area > best_area)) {
                        best = v;
                        best_area = rect_area;
                        found = true;
                    }
                }
    return found ? best : fit_content(d, area.x0, area.y0, area.x1, area.y1);
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
