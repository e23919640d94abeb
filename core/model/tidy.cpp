#include "tidy.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "geometry.hpp"

namespace nk::tidy {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kAngles = 180;   // candidate angles around a ring (every 2 degrees)
constexpr double kGap = 6;     // board units kept free between tidied post-its

struct Box {
    double hx = 0, hy = 0;  // half extents
};

Box box(const Partner& p) {
    const double c = std::abs(std::cos(p.rotation)), s = std::abs(std::sin(p.rotation));
    const double w = geo::kNoteW * p.scale, h = geo::kNoteH * p.scale;
    return {(w * c + h * s) / 2, (w * s + h * c) / 2};
}

bool boxes_overlap(Vec2 a, Box ba, Vec2 b, Box bb, double gap) {
    return std::abs(a.x - b.x) < ba.hx + bb.hx + gap && std::abs(a.y - b.y) < ba.hy + bb.hy + gap;
}

// The radii a ring's candidates lie on: inside the ring, clear of its borders.
std::vector<double> tracks(int ring) {
    switch (ring) {
        case 1: return {160, 184};
        case 2: return {228, 292};
        case 3: return {368, 432};
        case 4: return {520, 590};
        default: return {};
    }
}

// A candidate centre at (track, angle index), or nothing when it is not in `ring`, would
// cover the school, or hang into a parking lane.
bool candidate(int ring, double r, int k, Box b, Vec2& out) {
    const double a = -kPi / 2 + 2 * kPi * k / kAngles;  // index 0 is straight up
    out = {r * std::cos(a), r * std::sin(a)};
    if (geo::ring_at(out) != ring) return false;
    if (std::abs(out.x) + b.hx > geo::kLaneX - kGap) return false;
    return !boxes_overlap(out, b, {0, 0}, {geo::kSchoolRx, geo::kSchoolRy}, kGap);
}

// The angle index nearest to angle `a` (radians, screen orientation).
int angle_index(double a) {
    const double t = (a + kPi / 2) / (2 * kPi) * kAngles;
    int k = static_cast<int>(std::lround(t)) % kAngles;
    return k < 0 ? k + kAngles : k;
}

struct Placed {
    Vec2 at;
    Box b;
};

// Places one post-it at the free candidate nearest `want` (an angle index), preferring
// the track nearest its own radius; false when no candidate is free.
bool place_nearest(const Partner& p, int want, const std::vector<Placed>& placed, Vec2& out) {
    const Box b = box(p);
    std::vector<double> ts = tracks(p.ring);
    const double own = std::hypot(p.x, p.y);
    std::stable_sort(ts.begin(), ts.end(), [&](double x, double y) { return std::abs(x - own) < std::abs(y - own); });
    for (int step = 0; step <= kAngles / 2; ++step) {
        for (int sign : {1, -1}) {
            if (step == 0 && sign < 0) continue;
            const int k = ((want + sign * step) % kAngles + kAngles) % kAngles;
            for (double r : ts) {
                Vec2 c;
                if (!candidate(p.ring, r, k, b, c)) continue;
                const bool free = std::none_of(placed.begin(), placed.end(), [&](const Placed& q) {
                    return boxes_overlap(c, b, q.at, q.b, kGap);
                });
                if (free) {
                    out = c;
                    return true;
                }
            }
        }
    }
    return false;
}

// Where a post-it goes when no free place is left: its own angle on the ring's first
// track that is in the ring (a track always is, at some angle).
Vec2 fallback(const Partner& p, int want) {
    for (int step = 0; step <= kAngles / 2; ++step)
        for (int sign : {1, -1})
            for (double r : tracks(p.ring)) {
                const int k = ((want + sign * step) % kAngles + kAngles) % kAngles;
                const double a = -kPi / 2 + 2 * kPi * k / kAngles;
                const Vec2 c{r * std::cos(a), r * std::sin(a)};
                if (geo::ring_at(c) == p.ring) return c;
            }
    return {p.x, p.y};
}

double angle_of(const Partner& p) { return std::atan2(p.y, p.x); }

// The angle from straight up, clockwise, in [0, 2 pi): the order around the school.
double clockwise_from_top(const Partner& p) {
    double a = angle_of(p) + kPi / 2;
    while (a < 0) a += 2 * kPi;
    while (a >= 2 * kPi) a -= 2 * kPi;
    return a;
}

}  // namespace

bool overlap(const Partner& a, const Partner& b) {
    return boxes_overlap({a.x, a.y}, box(a), {b.x, b.y}, box(b), 0);
}

std::vector<act::Placement> tidy_moves(const Document& d, bool by_kind) {
    std::vector<act::Placement> moves;
    // Sectors by kind, shared by all rings: [start, end) as fractions of the circle.
    std::array<int, kCategoryCount> per_kind{};
    int on_rings = 0;
    for (const Partner& p : d.partners)
        if (p.face_up && p.ring >= 1 && p.ring <= 4) ++per_kind[static_cast<int>(p.category)], ++on_rings;
    std::array<double, kCategoryCount + 1> sector_start{};
    for (int c = 0; c < kCategoryCount; ++c)
        sector_start[c + 1] = sector_start[c] + (on_rings ? double(per_kind[c]) / on_rings : 0);

    for (int ring = 1; ring <= 4; ++ring) {
        std::vector<const Partner*> in;
        for (const Partner& p : d.partners)
            if (p.face_up && p.ring == ring) in.push_back(&p);
        if (in.empty()) continue;
        std::stable_sort(in.begin(), in.end(), [](const Partner* a, const Partner* b) { return a->id < b->id; });

        std::vector<Placed> placed;
        std::vector<std::pair<const Partner*, int>> to_place;  // post-it, wanted angle index
        if (!by_kind) {
            std::vector<bool> crowded(in.size(), false);
            for (size_t i = 0; i < in.size(); ++i)
                for (size_t j = i + 1; j < in.size(); ++j)
                    if (overlap(*in[i], *in[j])) crowded[i] = crowded[j] = true;
            for (size_t i = 0; i < in.size(); ++i) {
                if (crowded[i])
                    to_place.push_back({in[i], angle_index(angle_of(*in[i]))});
                else
                    placed.push_back({{in[i]->x, in[i]->y}, box(*in[i])});
            }
        } else {
            // Each kind's post-its of this ring, in clockwise order, spread evenly over
            // the kind's sector.
            for (int c = 0; c < kCategoryCount; ++c) {
                std::vector<const Partner*> kind;
                for (const Partner* p : in)
                    if (static_cast<int>(p->category) == c) kind.push_back(p);
                std::stable_sort(kind.begin(), kind.end(), [](const Partner* a, const Partner* b) {
                    return clockwise_from_top(*a) < clockwise_from_top(*b);
                });
                const double from = sector_start[c], to = sector_start[c + 1];
                for (size_t i = 0; i < kind.size(); ++i) {
                    const double f = from + (to - from) * (static_cast<double>(i) + 0.5) / static_cast<double>(kind.size());
                    to_place.push_back({kind[i], static_cast<int>(std::lround(f * kAngles)) % kAngles});
                }
            }
        }
        for (const auto& [p, want] : to_place) {
            Vec2 at{p->x, p->y};
            // Without sectors, the first of a heap keeps its place once nothing placed
            // covers it: the fewest post-its move.
            const bool keep = !by_kind && std::none_of(placed.begin(), placed.end(), [&](const Placed& q) {
                return boxes_overlap(at, box(*p), q.at, q.b, 0);
            });
            if (!keep && !place_nearest(*p, want, placed, at)) at = fallback(*p, want);
            placed.push_back({at, box(*p)});
            if (at.x != p->x || at.y != p->y) moves.push_back({p->id, at, p->rotation, p->scale});
        }
    }
    return moves;
}

}  // namespace nk::tidy
