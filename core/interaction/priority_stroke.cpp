#include "priority_stroke.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <utility>

#include "geometry.hpp"

namespace nk {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTau = 2 * std::numbers::pi;
constexpr double kMaxCoord = 1e7;
constexpr double kLoopGap = 0.12;     // gap / path length at or below which the ends meet
constexpr double kLoopTurns = 0.9;    // turning this much around is a loop (overshoot allowed)
constexpr double kArcTurns = 0.45;    // an open arc turning this much is completed along an ellipse
constexpr double kContenderAbs = 0.3;
constexpr double kContenderRel = 0.45;
constexpr double kMarkMin = 0.2;
constexpr double kMarkRel = 0.5;
constexpr int kGridMax = 160;         // cells across the shape's longer side
constexpr int kNoteSamplesX = 12, kNoteSamplesY = 8;
constexpr int kInkSamples = 200;

Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
// (Coordinates are bounded by kMaxCoord, so the plain formula cannot overflow; std::hypot
// is several times slower.)
double norm(double x, double y) { return std::sqrt(x * x + y * y); }
double dist(Vec2 a, Vec2 b) { return norm(a.x - b.x, a.y - b.y); }
double wrap_angle(double a) {
    while (a > kPi) a -= kTau;
    while (a < -kPi) a += kTau;
    return a;
}

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    static Box of(const std::vector<Vec2>& pts) {
        Box b{pts[0].x, pts[0].y, pts[0].x, pts[0].y};
        for (const Vec2& p : pts) {
            b.x0 = std::min(b.x0, p.x), b.y0 = std::min(b.y0, p.y);
            b.x1 = std::max(b.x1, p.x), b.y1 = std::max(b.y1, p.y);
        }
        return b;
    }
    double w() const { return x1 - x0; }
    double h() const { return y1 - y0; }
};

// An ellipse: centre, unit axis directions e1 (e2 is e1 turned a quarter), semi-axes a, b.
struct Ellipse {
    Vec2 c;
    Vec2 e1, e2;
    double a = 0, b = 0;
    double param(Vec2 p) const {
        const Vec2 v = p - c;
        return std::atan2((v.x * e2.x + v.y * e2.y) / b, (v.x * e1.x + v.y * e1.y) / a);
    }
    Vec2 at(double t) const {
        const double ca = a * std::cos(t), sb = b * std::sin(t);
        return {c.x + ca * e1.x + sb * e2.x, c.y + ca * e1.y + sb * e2.y};
    }
};

// Solves the n x n system m x = r in place (partial pivoting). False when singular.
template <size_t N>
bool solve(std::array<std::array<double, N>, N>& m, std::array<double, N>& r) {
    for (size_t col = 0; col < N; ++col) {
        size_t piv = col;
        for (size_t i = col + 1; i < N; ++i)
            if (std::abs(m[i][col]) > std::abs(m[piv][col])) piv = i;
        if (std::abs(m[piv][col]) < 1e-12) return false;
        std::swap(m[piv], m[col]);
        std::swap(r[piv], r[col]);
        for (size_t i = col + 1; i < N; ++i) {
            const double f = m[i][col] / m[col][col];
            for (size_t j = col; j < N; ++j) m[i][j] -= f * m[col][j];
            r[i] -= f * r[col];
        }
    }
    for (size_t i = N; i-- > 0;) {
        double s = r[i];
        for (size_t j = i + 1; j < N; ++j) s -= m[i][j] * r[j];
        r[i] = s / m[i][i];
    }
    return true;
}

// Least-squares conic A x² + B xy + C y² + D x + E y = 1 through the points (centred and
// scaled, each point weighted by the length of path it stands for, so that irregular
// sampling does not pull the fit), kept only if it is a real ellipse.
std::optional<Ellipse> fit_ellipse(const std::vector<Vec2>& pts, const std::vector<double>& weight) {
    double wsum = 0;
    Vec2 m{0, 0};
    for (size_t i = 0; i < pts.size(); ++i) {
        wsum += weight[i];
        m.x += weight[i] * pts[i].x;
        m.y += weight[i] * pts[i].y;
    }
    if (!(wsum > 0)) return std::nullopt;
    m.x /= wsum, m.y /= wsum;
    double s2 = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        const Vec2 v = pts[i] - m;
        s2 += weight[i] * (v.x * v.x + v.y * v.y);
    }
    const double s = std::sqrt(s2 / wsum);
    if (!(s > 0)) return std::nullopt;

    std::array<std::array<double, 5>, 5> n{};
    std::array<double, 5> r{};
    for (size_t i = 0; i < pts.size(); ++i) {
        const double x = (pts[i].x - m.x) / s, y = (pts[i].y - m.y) / s;
        const std::array<double, 5> row{x * x, x * y, y * y, x, y};
        for (size_t j = 0; j < 5; ++j) {
            r[j] += weight[i] * row[j];
            for (size_t k = 0; k < 5; ++k) n[j][k] += weight[i] * row[j] * row[k];
        }
    }
    if (!solve(n, r)) return std::nullopt;
    const double A = r[0], B = r[1], C = r[2], D = r[3], E = r[4];
    const double det = 4 * A * C - B * B;
    if (!(det > 1e-9)) return std::nullopt;
    // Centre: 2 M c = -(D, E) with M = [[A, B/2], [B/2, C]].
    const double cx = (-2 * C * D + B * E) / det;
    const double cy = (B * D - 2 * A * E) / det;
    const double g = A * cx * cx + B * cx * cy + C * cy * cy + 1;  // (p-c)^T M (p-c) = g
    const double tr = (A + C) / 2, dd = std::hypot((A - C) / 2, B / 2);
    const double l1 = tr - dd, l2 = tr + dd;  // eigenvalues, l1 <= l2
    if (!(g / l1 > 0) || !(g / l2 > 0)) return std::nullopt;
    // Eigenvector of l1.
    Vec2 e1{B / 2, l1 - A};
    const Vec2 alt{l1 - C, B / 2};
    if (std::hypot(alt.x, alt.y) > std::hypot(e1.x, e1.y)) e1 = alt;
    const double len = std::hypot(e1.x, e1.y);
    if (!(len > 0)) e1 = {1, 0};
    else e1 = {e1.x / len, e1.y / len};
    Ellipse el;
    el.c = {m.x + s * cx, m.y + s * cy};
    el.e1 = e1;
    el.e2 = {-e1.y, e1.x};
    el.a = s * std::sqrt(g / l1);
    el.b = s * std::sqrt(g / l2);
    if (!std::isfinite(el.a) || !std::isfinite(el.b) || !std::isfinite(el.c.x) || !std::isfinite(el.c.y) ||
        !(el.b > 0))
        return std::nullopt;
    return el;
}

// Non-zero winding inside-mask of a closed polygon on a grid over its bounding box.
struct Mask {
    Box box;
    double cell = 1;
    int w = 0, h = 0;
    std::vector<unsigned char> in;
    long count = 0;

    explicit Mask(const std::vector<Vec2>& poly) {
        box = Box::of(poly);
        cell = std::max(std::max(box.w(), box.h()) / kGridMax, 0.05);
        w = std::clamp(static_cast<int>(std::ceil(box.w() / cell)), 1, kGridMax + 1);
        h = std::clamp(static_cast<int>(std::ceil(box.h() / cell)), 1, kGridMax + 1);
        in.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
        // Crossings of each row's centre line: (row, x, direction).
        struct Cross {
            int row;
            double x;
            int dir;
        };
        std::vector<Cross> cr;
        cr.reserve(poly.size() * 4);
        const size_t n = poly.size();
        for (size_t i = 0; i < n; ++i) {
            const Vec2 p = poly[i], q = poly[(i + 1) % n];
            if (p.y == q.y) continue;
            const int dir = q.y > p.y ? 1 : -1;
            const double ylo = std::min(p.y, q.y), yhi = std::max(p.y, q.y);
            // rows whose centre y_j = y0 + (j + 0.5) cell satisfies ylo <= y_j < yhi
            const int j0 = std::max(0, static_cast<int>(std::ceil((ylo - box.y0) / cell - 0.5)));
            const int j1 = std::min(h - 1, static_cast<int>(std::ceil((yhi - box.y0) / cell - 0.5)) - 1);
            for (int j = j0; j <= j1; ++j) {
                const double y = box.y0 + (j + 0.5) * cell;
                if (y < ylo || y >= yhi) continue;
                const double t = (y - p.y) / (q.y - p.y);
                cr.push_back({j, p.x + t * (q.x - p.x), dir});
            }
        }
        std::sort(cr.begin(), cr.end(), [](const Cross& a, const Cross& b) {
            return a.row != b.row ? a.row < b.row : a.x < b.x;
        });
        for (size_t k = 0; k < cr.size();) {
            const int row = cr[k].row;
            int wind = 0;
            for (; k < cr.size() && cr[k].row == row; ++k) {
                wind += cr[k].dir;
                if (wind != 0 && k + 1 < cr.size() && cr[k + 1].row == row) {
                    // cells whose centre x lies in [x_k, x_{k+1})
                    const int i0 = std::max(0, static_cast<int>(std::ceil((cr[k].x - box.x0) / cell - 0.5)));
                    const int i1 =
                        std::min(w - 1, static_cast<int>(std::ceil((cr[k + 1].x - box.x0) / cell - 0.5)) - 1);
                    for (int i = i0; i <= i1; ++i) in[static_cast<size_t>(row) * static_cast<size_t>(w) + i] = 1;
                }
            }
        }
        for (unsigned char c : in) count += c;
    }
    bool inside(Vec2 p) const {
        const double fx = (p.x - box.x0) / cell, fy = (p.y - box.y0) / cell;
        if (!(fx >= 0 && fy >= 0 && fx < w && fy < h)) return false;
        return in[static_cast<size_t>(fy) * static_cast<size_t>(w) + static_cast<size_t>(fx)] != 0;
    }
    double area() const { return static_cast<double>(count) * cell * cell; }
};

// A note's frame: the centre, its axes (turned clockwise by its rotation), half sizes.
struct NoteFrame {
    Vec2 c;
    double cs = 1, sn = 0, hw = 0, hh = 0;
    explicit NoteFrame(const Partner& n)
        : c{n.x, n.y}, cs(std::isfinite(n.rotation) ? std::cos(n.rotation) : 1),
          sn(std::isfinite(n.rotation) ? std::sin(n.rotation) : 0), hw(geo::kNoteW * std::abs(n.scale) / 2),
          hh(geo::kNoteH * std::abs(n.scale) / 2) {}
    Vec2 world(double lx, double ly) const { return {c.x + cs * lx - sn * ly, c.y + sn * lx + cs * ly}; }
    double distance(Vec2 p) const {
        const double dx = p.x - c.x, dy = p.y - c.y;
        const double lx = cs * dx + sn * dy, ly = -sn * dx + cs * dy;
        return norm(std::max(std::abs(lx) - hw, 0.0), std::max(std::abs(ly) - hh, 0.0));
    }
};

// Touch glitches: a lone sample far off the path (out and straight back), or a far jump
// at either end, is dropped. "Far" is judged against the stroke's typical step.
void drop_glitches(std::vector<Vec2>& pts) {
    if (pts.size() < 8) return;
    std::vector<double> steps;
    for (size_t i = 0; i + 1 < pts.size(); ++i) steps.push_back(dist(pts[i], pts[i + 1]));
    std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2), steps.end());
    const double far = std::max(40.0, 6 * steps[steps.size() / 2]);
    std::vector<Vec2> kept;
    kept.reserve(pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        const Vec2 p = pts[i];
        if (i == 0) {
            if (dist(p, pts[1]) > far) continue;
        } else if (i + 1 == pts.size()) {
            if (dist(p, pts[i - 1]) > far) continue;
        } else {
            const double in = dist(pts[i - 1], p), out = dist(p, pts[i + 1]);
            if (in > far && out > far && dist(pts[i - 1], pts[i + 1]) < 0.5 * std::min(in, out)) continue;
        }
        kept.push_back(p);
    }
    pts = std::move(kept);
}

}  // namespace

StrokeVerdict recognise_priority(const Document& d, const std::vector<Vec2>& stroke) {
    StrokeVerdict v;
    // 1. Clean.
    std::vector<Vec2> pts;
    pts.reserve(stroke.size());
    for (const Vec2& p : stroke) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > kMaxCoord || std::abs(p.y) > kMaxCoord)
            continue;
        if (!pts.empty() && dist(pts.back(), p) < 1e-6) continue;
        pts.push_back(p);
    }
    drop_glitches(pts);
    if (pts.size() < 3) return v;
    const Box sbox = Box::of(pts);
    if (std::hypot(sbox.w(), sbox.h()) < kMinStrokeSize) {
        v.why = StrokeVerdict::Why::TooSmall;
        return v;
    }
    const size_t n = pts.size();
    std::vector<double> seg(n - 1);
    double length = 0;
    for (size_t i = 0; i + 1 < n; ++i) length += seg[i] = dist(pts[i], pts[i + 1]);
    std::vector<double> weight(n);
    for (size_t i = 0; i < n; ++i)
        weight[i] = 0.5 * ((i > 0 ? seg[i - 1] : 0) + (i + 1 < n ? seg[i] : 0));

    // 2. Close.
    v.gap = dist(pts.front(), pts.back()) / length;
    const std::optional<Ellipse> el = fit_ellipse(pts, weight);
    const double diag = std::hypot(sbox.w(), sbox.h());
    const bool sane = el && std::max(el->a, el->b) <= diag && el->c.x >= sbox.x0 - 0.25 * sbox.w() &&
                      el->c.x <= sbox.x1 + 0.25 * sbox.w() && el->c.y >= sbox.y0 - 0.25 * sbox.h() &&
                      el->c.y <= sbox.y1 + 0.25 * sbox.h();
    // How far the stroke turns around a centre: the fitted ellipse's, in its own
    // parameter so that a flat loop turns evenly (or, without a good fit, the ink's
    // centroid's), and the centroid's too, so that a poor fit cannot hide a loop.
    auto sweep_around = [&](auto&& angle) {
        double total = 0, prev = angle(pts[0]);
        for (size_t i = 1; i < n; ++i) {
            const double t = angle(pts[i]);
            total += wrap_angle(t - prev);
            prev = t;
        }
        return total;
    };
    Vec2 centroid{0, 0};
    for (size_t i = 0; i < n; ++i) centroid.x += weight[i] * pts[i].x, centroid.y += weight[i] * pts[i].y;
    centroid = {centroid.x / length, centroid.y / length};
    const double sweep_c = sweep_around([&](Vec2 p) { return std::atan2(p.y - centroid.y, p.x - centroid.x); });
    const double sweep = sane ? sweep_around([&](Vec2 p) { return el->param(p); }) : sweep_c;
    v.turns = sweep / kTau;
    v.outline = pts;
    // Around its own centroid, an open arc turns less than once: a full turn is a loop.
    if (v.gap <= kLoopGap || std::abs(v.turns) >= kLoopTurns || std::abs(sweep_c) >= kTau) {
        v.closure = StrokeVerdict::Closure::Loop;
    } else if (sane && std::abs(sweep) >= kArcTurns * kTau) {
        v.closure = StrokeVerdict::Closure::Completed;
        const double missing = kTau - std::abs(sweep);
        const double dir = sweep > 0 ? 1 : -1;
        const double t0 = el->param(pts.back());
        const int steps = std::max(8, static_cast<int>(std::ceil(missing / kTau * 96)));
        for (int j = 1; j < steps; ++j) v.outline.push_back(el->at(t0 + dir * missing * j / steps));
    } else {
        v.closure = StrokeVerdict::Closure::Chord;
    }

    // 3. Measure the notes near the stroke.
    const Mask mask(v.outline);
    v.area = mask.area();
    const Box& obox = mask.box;
    // The ink, resampled evenly along the path.
    std::vector<Vec2> ink;
    {
        const int m = std::clamp(static_cast<int>(length / 1.0), 2, kInkSamples);
        const double step = length / (m - 1);
        ink.reserve(static_cast<size_t>(m));
        ink.push_back(pts[0]);
        size_t i = 0;
        double at = 0;  // path length at pts[i]
        for (int k = 1; k < m - 1; ++k) {
            const double target = k * step;
            while (i + 1 < seg.size() && at + seg[i] < target) at += seg[i++];
            const double t = seg[i] > 0 ? std::clamp((target - at) / seg[i], 0.0, 1.0) : 0;
            ink.push_back({pts[i].x + t * (pts[i + 1].x - pts[i].x), pts[i].y + t * (pts[i + 1].y - pts[i].y)});
        }
        ink.push_back(pts.back());
    }
    for (const Partner& p : d.partners) {
        if (!p.face_up || !std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.scale)) continue;
        const double r = norm(geo::kNoteW, geo::kNoteH) / 2 * std::abs(p.scale) + kInkReach;
        if (p.x + r < obox.x0 || p.x - r > obox.x1 || p.y + r < obox.y0 || p.y - r > obox.y1) continue;
        const NoteFrame f(p);
        StrokeScore s{p.id, 0, 0, 0};
        int in = 0;
        for (int iy = 0; iy < kNoteSamplesY; ++iy)
            for (int ix = 0; ix < kNoteSamplesX; ++ix) {
                const double lx = -f.hw + (ix + 0.5) * 2 * f.hw / kNoteSamplesX;
                const double ly = -f.hh + (iy + 0.5) * 2 * f.hh / kNoteSamplesY;
                in += mask.inside(f.world(lx, ly));
            }
        s.coverage = static_cast<double>(in) / (kNoteSamplesX * kNoteSamplesY);
        if (v.area > 0) s.share = std::min(1.0, s.coverage * 4 * f.hw * f.hh / v.area);
        double wsum = 0;
        for (const Vec2& q : ink) {
            if (std::abs(q.x - p.x) > r || std::abs(q.y - p.y) > r) continue;
            wsum += std::clamp(1 - f.distance(q) / kInkReach, 0.0, 1.0);
        }
        s.ink = wsum / static_cast<double>(ink.size());
        if (s.coverage > 0 || s.ink > 0) v.scores.push_back(s);
    }

    // 4. Decide.
    auto by_coverage = [](const StrokeScore& a, const StrokeScore& b) {
        if (a.coverage != b.coverage) return a.coverage > b.coverage;
        if (a.share != b.share) return a.share > b.share;
        if (a.ink != b.ink) return a.ink > b.ink;
        return a.partner < b.partner;
    };
    auto by_ink = [](const StrokeScore& a, const StrokeScore& b) {
        if (a.ink != b.ink) return a.ink > b.ink;
        if (a.coverage != b.coverage) return a.coverage > b.coverage;
        return a.partner < b.partner;
    };
    std::sort(v.scores.begin(), v.scores.end(), by_coverage);
    auto settle = [&v](size_t contenders) {
        if (contenders == 1) {
            v.kind = StrokeVerdict::Kind::One;
            v.partner = v.scores[0].partner;
        } else {
            v.kind = StrokeVerdict::Kind::Ambiguous;
            for (size_t i = 0; i < contenders && i < static_cast<size_t>(kMaxCandidates); ++i)
                v.candidates.push_back(v.scores[i].partner);
        }
    };
    if (!v.scores.empty() && v.scores[0].coverage >= kEnclosed) {
        const auto strong = std::count_if(v.scores.begin(), v.scores.end(),
                                          [](const StrokeScore& s) { return s.coverage >= kEnclosed; });
        if (strong > kMaxCandidates) {
            v.why = StrokeVerdict::Why::TooMany;
            return v;
        }
        const double bar = std::max(kContenderAbs, kContenderRel * v.scores[0].coverage);
        v.why = StrokeVerdict::Why::Enclosed;
        settle(static_cast<size_t>(std::count_if(v.scores.begin(), v.scores.end(),
                                                 [bar](const StrokeScore& s) { return s.coverage >= bar; })));
        return v;
    }
    std::sort(v.scores.begin(), v.scores.end(), by_ink);
    if (v.scores.empty() || v.scores[0].ink < kMarkMin) {
        v.why = StrokeVerdict::Why::NoNote;
        return v;
    }
    const double bar = kMarkRel * v.scores[0].ink;
    v.why = StrokeVerdict::Why::Marked;
    settle(static_cast<size_t>(
        std::count_if(v.scores.begin(), v.scores.end(), [bar](const StrokeScore& s) { return s.ink >= bar; })));
    return v;
}

}  // namespace nk
