#include "geometry.hpp"

#include <algorithm>
#include <cmath>

namespace nk::geo {

int ring_at(Vec2 p) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return 0;
    if (std::abs(p.x) >= kLaneX) return 0;
    const double r = std::hypot(p.x, p.y);
    if (r <= kRing1) return 1;
    if (r <= kRing2) return 2;
    if (r <= kRing3) return 3;
    return 4;
}

bool note_contains(const Partner& n, Vec2 p) {
    // Into the note's own frame: undo translation, then rotation (clockwise on screen).
    const double dx = p.x - n.x, dy = p.y - n.y;
    const double c = std::cos(n.rotation), s = std::sin(n.rotation);
    const double lx = c * dx + s * dy;
    const double ly = -s * dx + c * dy;
    return std::abs(lx) <= kNoteW * n.scale / 2 && std::abs(ly) <= kNoteH * n.scale / 2;
}

bool school_contains(Vec2 p) {
    const double u = p.x / kSchoolRx, v = p.y / kSchoolRy;
    return u * u + v * v <= 1.0;
}

Id partner_at(const Document& d, Vec2 p) {
    for (auto it = d.partners.rbegin(); it != d.partners.rend(); ++it)
        if (it->face_up && note_contains(*it, p)) return it->id;
    return 0;
}

namespace {
bool slot_taken(const Document& d, Vec2 c) {
    return std::any_of(d.partners.begin(), d.partners.end(), [&](const Partner& n) {
        return n.face_up && std::abs(n.x - c.x) < kNoteW && std::abs(n.y - c.y) < kNoteH;
    });
}
}  // namespace

Vec2 free_lane_slot(const Document& d) { return free_lane_slot(d, Side::Right); }

Vec2 free_lane_slot(const Document& d, Side side) {
    // Slots run in columns of seven from the lane's inner edge outward; the rows are
    // visited top-down (right/left), bottom-up for writers at the bottom edge, and top-down
    // from the top for writers at the top edge, so each person's notes land nearest them.
    const double sign = side == Side::Left ? -1 : (side == Side::Right ? 1 : (side == Side::Bottom ? 1 : -1));
    const double top = -3 * kLaneSlotDy;
    for (int col = 0; col < 64; ++col) {
        for (int k = 0; k < 7; ++k) {
            const int row = side == Side::Bottom ? 6 - k : k;
            const Vec2 c{sign * (kLaneX + kNoteW / 2 + 20 + col * kLaneSlotDx), top + row * kLaneSlotDy};
            if (!slot_taken(d, c)) return c;
        }
    }
    return {sign * (kLaneX + kNoteW / 2 + 20), 0};
}

double distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const double vx = b.x - a.x, vy = b.y - a.y;
    const double len2 = vx * vx + vy * vy;
    double t = len2 > 0 ? ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy));
}

Vec2 link_end(const Document& d, Id end) {
    if (end == kSchool) return {0, 0};
    const Partner* p = d.partner(end);
    return p ? Vec2{p->x, p->y} : Vec2{0, 0};
}

}  // namespace nk::geo
