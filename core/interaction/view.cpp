#include "view.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

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

namespace {
// What the map must show, in board units: the outer ring (as a disk) and boxes that must
// be whole on screen with room round them (every face-up post-it, and the slot where the
// next new one lands).
struct MapContent {
    double ring = 0;
    std::vector<ScreenBox> boxes;  // board units
    ScreenBox extent;              // of the ring and every box
};

MapContent map_content(const Document& d) {
    MapContent m;
    m.ring = geo::kRing3 + 6;  // the dashed edge's width
    m.extent = {-m.ring, -m.ring, m.ring, m.ring};
    auto add = [&m](Vec2 c, double scale) {
        // Room round each post-it for a pen's circle (phase 2C) and a finger: a turned
        // post-it stays well inside it too.
        const double hw = geo::kNoteW * scale * 0.5 + 44, hh = geo::kNoteH * scale * 0.5 + 34;
        const ScreenBox b{c.x - hw, c.y - hh, c.x + hw, c.y + hh};
        m.boxes.push_back(b);
        m.extent = {std::min(m.extent.x0, b.x0), std::min(m.extent.y0, b.y0), std::max(m.extent.x1, b.x1),
                    std::max(m.extent.y1, b.y1)};
    };
    for (const Partner& p : d.partners)
        if (p.face_up && std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.scale)) add({p.x, p.y}, p.scale);
    add(geo::free_lane_slot(d), 1);  // "+ Post-it" and the stations put new ones there
    return m;
}

bool boxes_overlap(const ScreenBox& a, const ScreenBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// Whether the disk of radius r around c reaches into box b.
bool disk_overlaps(Vec2 c, double r, const ScreenBox& b) {
    const double dx = std::max({b.x0 - c.x, 0.0, c.x - b.x1}), dy = std::max({b.y0 - c.y, 0.0, c.y - b.y1});
    return dx * dx + dy * dy < r * r;
}

// Where the school can stand at scale s with the whole map inside `area` and nothing of it
// under a panel: the free origin nearest the one that centres the map, sought on a grid.
std::optional<Vec2> place_at(const MapContent& m, double s, ScreenBox area, const std::vector<ScreenBox>& panels) {
    const double ox0 = area.x0 - s * m.extent.x0, ox1 = area.x1 - s * m.extent.x1;
    const double oy0 = area.y0 - s * m.extent.y0, oy1 = area.y1 - s * m.extent.y1;
    if (ox0 > ox1 || oy0 > oy1) return std::nullopt;
    // For each panel and box, the origins that would put the box under the panel.
    std::vector<ScreenBox> forbidden;
    std::vector<const ScreenBox*> near;
    for (const ScreenBox& p : panels) {
        if (!boxes_overlap(p, {ox0 + s * m.extent.x0, oy0 + s * m.extent.y0, ox1 + s * m.extent.x1, oy1 + s * m.extent.y1}))
            continue;  // no placement reaches it
        near.push_back(&p);
        for (const ScreenBox& b : m.boxes) forbidden.push_back({p.x0 - s * b.x1, p.y0 - s * b.y1, p.x1 - s * b.x0, p.y1 - s * b.y0});
    }
    const Vec2 want{(ox0 + ox1) / 2, (oy0 + oy1) / 2};
    auto free_at = [&](Vec2 o) {
        for (const ScreenBox& f : forbidden)
            if (f.x0 < o.x && o.x < f.x1 && f.y0 < o.y && o.y < f.y1) return false;
        for (const ScreenBox* p : near)
            if (disk_overlaps(o, s * m.ring, *p)) return false;
        return true;
    };
    if (free_at(want)) return want;
    constexpr int kSteps = 24;
    std::optional<Vec2> best;
    double best_d = 0;
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            const Vec2 o{ox0 + (ox1 - ox0) * i / kSteps, oy0 + (oy1 - oy0) * j / kSteps};
            const double dist = std::hypot(o.x - want.x, o.y - want.y);
            if (best && dist >= best_d) continue;
            if (free_at(o)) best = o, best_d = dist;
        }
    return best;
}
}  // namespace

View fit_clear_of(const Document& d, ScreenBox area, const std::vector<ScreenBox>& panels) {
    const MapContent m = map_content(d);
    const double w = std::max(1.0, area.x1 - area.x0), h = std::max(1.0, area.y1 - area.y0);
    // The largest scale at which the map fits the area at all, then halving the gap to the
    // largest at which a free place exists.
    double hi = std::min(w / (m.extent.x1 - m.extent.x0), h / (m.extent.y1 - m.extent.y0));
    View v;
    if (auto o = place_at(m, hi, area, panels)) {
        v.scale = hi;
        v.origin = *o;
        return v;
    }
    double lo = hi * 0.25;
    std::optional<Vec2> at = place_at(m, lo, area, panels);
    if (!at) return fit_content(d, area.x0, area.y0, area.x1, area.y1);  // no free room: as before
    for (int i = 0; i < 14; ++i) {
        const double mid = (lo + hi) / 2;
        if (auto o = place_at(m, mid, area, panels)) lo = mid, at = o;
        else hi = mid;
    }
    v.scale = lo;
    v.origin = *at;
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

View approach(const View& from, const View& to) {
    const bool finite = std::isfinite(from.scale) && from.scale > 0 && std::isfinite(from.origin.x) && std::isfinite(from.origin.y);
    if (!finite || (std::abs(to.scale - from.scale) < 0.01 * to.scale && std::abs(to.origin.x - from.origin.x) < 3 &&
                    std::abs(to.origin.y - from.origin.y) < 3))
        return to;
    View v;
    v.scale = (from.scale + to.scale) / 2;
    v.origin = {(from.origin.x + to.origin.x) / 2, (from.origin.y + to.origin.y) / 2};
    return v;
}

View pan(const View& v, double dx, double dy) {
    if (!std::isfinite(dx) || !std::isfinite(dy)) return v;
    View out = v;
    out.origin.x += dx;
    out.origin.y += dy;
    return out;
}

}  // namespace nk
