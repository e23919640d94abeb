#include "handles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geometry.hpp"

namespace nk {
namespace {
bool finite(Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }
bool usable(const View& v) { return std::isfinite(v.scale) && v.scale > 0; }
}  // namespace

Vec2 link_handle_board(const Partner& n) {
    const double r = (geo::kNoteW / 2 + kHandleGap) * n.scale;
    return {n.x + r * std::cos(n.rotation), n.y + r * std::sin(n.rotation)};
}

double handle_hit_radius(const Partner& n, const View& view, double min_target_px) {
    const double drawn = (kHandleRadius + 6) * n.scale;
    if (!usable(view)) return drawn;
    return std::max(drawn, min_target_px / 2 / view.scale);
}

double line_hit_radius(const View& view, double min_target_px) {
    if (!usable(view)) return 0;
    return std::max(0.0, min_target_px / 2 / view.scale);
}

BoardHit board_hit(const Document& d, Vec2 p, const View& view, double min_target_px) {
    if (!finite(p) || !usable(view)) return {};
    for (auto it = d.partners.rbegin(); it != d.partners.rend(); ++it) {
        if (!it->face_up) continue;  // private in a brainstorm tray: not on the board
        const Vec2 h = link_handle_board(*it);
        if (std::hypot(p.x - h.x, p.y - h.y) <= handle_hit_radius(*it, view, min_target_px))
            return {BoardHit::Kind::Handle, it->id};
    }
    if (const Id id = geo::partner_at(d, p)) return {BoardHit::Kind::Note, id};
    const double reach = line_hit_radius(view, min_target_px);
    double best = std::numeric_limits<double>::infinity();
    Id best_id = 0;
    for (const Link& l : d.links) {
        const double dist = geo::distance_to_segment(p, geo::link_end(d, l.from), geo::link_end(d, l.to));
        if (dist <= reach && dist < best) {
            best = dist;
            best_id = l.id;
        }
    }
    if (best_id != 0) return {BoardHit::Kind::Line, best_id};
    return {};
}

}  // namespace nk
