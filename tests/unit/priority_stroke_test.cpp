// Recognising hand-drawn priority circles (phase 2C) from realistic, noisy finger paths.
//
// The finger-path generator draws what people draw on a touch table: an ellipse-ish loop
// whose radius wanders (a smoothed random walk) and drifts (start and end apart), that
// starts anywhere, runs either way, stops short or overshoots, is sampled irregularly
// (speed changes, dropped samples), begins with a touch-down hook and shakes a little.
// Every noisy scenario runs over many seeds and asserts a hit rate.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <numbers>
#include <random>

#include "geometry.hpp"
#include "priority_stroke.hpp"

namespace nk {
namespace {

constexpr double kPi = std::numbers::pi;
using Kind = StrokeVerdict::Kind;
using Why = StrokeVerdict::Why;

struct Rng {
    std::mt19937_64 g;
    explicit Rng(uint64_t seed) : g(seed * 0x9E3779B97F4A7C15ull + 12345) {}
    double uni(double a, double b) { return std::uniform_real_distribution<double>(a, b)(g); }
    double normal(double sd) { return std::normal_distribution<double>(0, sd)(g); }
    int integer(int a, int b) { return std::uniform_int_distribution<int>(a, b)(g); }
    bool chance(double p) { return uni(0, 1) < p; }
};

// A smoothed random walk of n values with standard deviation about `amp`.
std::vector<double> smooth_walk(Rng& r, size_t n, double amp) {
    std::vector<double> w(n);
    double x = 0;
    for (size_t i = 0; i < n; ++i) w[i] = x += r.normal(1);
    for (int pass = 0; pass < 2; ++pass) {  // forward and backward exponential smoothing
        const double a = 0.15;
        for (size_t i = 1; i < n; ++i) w[i] = w[i - 1] + a * (w[i] - w[i - 1]);
        for (size_t i = n - 1; i-- > 0;) w[i] = w[i + 1] + a * (w[i] - w[i + 1]);
    }
    double mean = 0, var = 0;
    for (double v : w) mean += v;
    mean /= static_cast<double>(n);
    for (double v : w) var += (v - mean) * (v - mean);
    const double sd = std::sqrt(var / static_cast<double>(n));
    for (double& v : w) v = sd > 0 ? (v - mean) / sd * amp : 0;
    return w;
}

struct Loop {
    Vec2 centre;
    double rx = 100, ry = 70;
    double rotation = 0;     // radians, clockwise like a note
    double turns = 1;        // how far around (1 = once; < 1 open; > 1 overshoot)
    double wobble = 0.05;    // relative radius wander
    double drift = 0.08;     // relative radius change from start to end (up to)
    double jitter = 0.8;     // board units
    int min_points = 40, max_points = 400;
    double dir = 0;          // +1 / -1; 0: random
    double start = std::numeric_limits<double>::quiet_NaN();  // start angle; NaN: random
    bool hooks = true;
};

Vec2 place(const Loop& l, double lx, double ly) {
    const double c = std::cos(l.rotation), s = std::sin(l.rotation);
    return {l.centre.x + c * lx - s * ly, l.centre.y + s * lx + c * ly};
}

std::vector<Vec2> finger_loop(Rng& r, const Loop& l) {
    const size_t n = static_cast<size_t>(r.integer(l.min_points, l.max_points));
    const double dir = l.dir != 0 ? l.dir : (r.chance(0.5) ? 1 : -1);
    const double t0 = std::isnan(l.start) ? r.uni(0, 2 * kPi) : l.start;
    // Irregular sampling: the speed wanders; sometimes samples drop out.
    std::vector<double> speed = smooth_walk(r, n, 0.5);
    for (double& s : speed) s = std::exp(s);
    if (r.chance(0.15)) {  // dropped samples: a straight jump over up to a tenth of the way
        double total = 0;
        for (double s : speed) total += s;
        speed[static_cast<size_t>(r.integer(1, static_cast<int>(n) - 2))] += total * r.uni(0.03, 0.1);
    }
    std::vector<double> t(n, 0);
    for (size_t i = 1; i < n; ++i) t[i] = t[i - 1] + speed[i];
    const std::vector<double> wob = smooth_walk(r, n, l.wobble);
    const double drift = r.uni(-l.drift, l.drift);
    std::vector<Vec2> out;
    if (l.hooks && r.chance(0.3)) {  // touch-down hook: a short dash into the loop
        const double a = t0, k = r.uni(0.8, 1.2);
        out.push_back(place(l, l.rx * k * std::cos(a), l.ry * k * std::sin(a)));
    }
    for (size_t i = 0; i < n; ++i) {
        const double f = t[i] / t[n - 1];
        const double a = t0 + dir * f * l.turns * 2 * kPi;
        const double m = 1 + wob[i] + drift * (f - 0.5);
        out.push_back(place(l, l.rx * m * std::cos(a) + r.normal(l.jitter), l.ry * m * std::sin(a) + r.normal(l.jitter)));
    }
    if (l.hooks && r.chance(0.3)) {  // lift-off flick: a short dash on in the last direction
        const Vec2 e = out.back(), p = out[out.size() - 2];
        const double len = std::hypot(e.x - p.x, e.y - p.y), k = r.uni(5, 25);
        if (len > 0) out.push_back({e.x + k * (e.x - p.x) / len, e.y + k * (e.y - p.y) / len});
    }
    return out;
}

// A wobbly line from a to b.
std::vector<Vec2> finger_line(Rng& r, Vec2 a, Vec2 b, double wobble = 4) {
    const size_t n = static_cast<size_t>(r.integer(15, 120));
    const std::vector<double> w = smooth_walk(r, n, wobble);
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const Vec2 nrm{-(b.y - a.y) / len, (b.x - a.x) / len};
    std::vector<Vec2> out;
    for (size_t i = 0; i < n; ++i) {
        const double f = static_cast<double>(i) / static_cast<double>(n - 1);
        out.push_back({a.x + f * (b.x - a.x) + w[i] * nrm.x + r.normal(0.7),
                       a.y + f * (b.y - a.y) + w[i] * nrm.y + r.normal(0.7)});
    }
    return out;
}

Partner note(Id id, double x, double y, double rotation = 0, double scale = 1) {
    Partner p;
    p.id = id;
    p.text = "P" + std::to_string(id);
    p.x = x, p.y = y, p.rotation = rotation, p.scale = scale;
    return p;
}

// A loop a person draws around note n: through or beyond its corners, roughly centred.
Loop around(Rng& r, const Partner& n, double k_lo = 0.95, double k_hi = 1.25) {
    Loop l;
    const double k = r.uni(k_lo, k_hi);
    l.centre = {n.x + r.normal(5), n.y + r.normal(4)};
    l.rx = geo::kNoteW * n.scale / 2 * std::sqrt(2.0) * k * r.uni(0.93, 1.07);
    l.ry = geo::kNoteH * n.scale / 2 * std::sqrt(2.0) * k * r.uni(0.93, 1.07);
    l.rotation = n.rotation + r.normal(0.08);
    l.turns = r.uni(0.95, 1.2);
    return l;
}

double hit_rate(const char* name, int seeds, const std::function<bool(Rng&)>& trial) {
    int hits = 0;
    for (int s = 0; s < seeds; ++s) {
        Rng r(static_cast<uint64_t>(s) + 1);
        hits += trial(r) ? 1 : 0;
    }
    const double rate = static_cast<double>(hits) / seeds;
    std::printf("[ hit rate ] %-34s %5.1f%% (%d/%d)\n", name, 100 * rate, hits, seeds);
    return rate;
}

bool is_one(const StrokeVerdict& v, Id id) { return v.kind == Kind::One && v.partner == id; }

constexpr int kSeeds = 600;

// ---- single notes ---------------------------------------------------------------------

TEST(PriorityStroke, ClosedLoopAroundALoneNote) {
    Document d;
    d.partners = {note(1, 250, -80), note(2, -300, 200)};
    EXPECT_GE(hit_rate("closed loop, lone note", kSeeds, [&](Rng& r) {
                  return is_one(recognise_priority(d, finger_loop(r, around(r, d.partners[0]))), 1);
              }),
              0.99);
}

TEST(PriorityStroke, OpenArcWithAGapOfUpToAThird) {
    Document d;
    d.partners = {note(1, 250, -80), note(2, -300, 200)};
    EXPECT_GE(hit_rate("open arc (gap 8..35%)", kSeeds, [&](Rng& r) {
                  Loop l = around(r, d.partners[0]);
                  l.turns = r.uni(0.65, 0.92);
                  return is_one(recognise_priority(d, finger_loop(r, l)), 1);
              }),
              0.97);
}

TEST(PriorityStroke, AnOpenArcIsCompletedAlongItsEllipse) {
    Document d;
    d.partners = {note(1, 0, 0)};
    Rng r(7);
    Loop l = around(r, d.partners[0]);
    l.turns = 0.7, l.wobble = 0.02, l.drift = 0, l.hooks = false;
    const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
    EXPECT_TRUE(is_one(v, 1));
    EXPECT_EQ(v.closure, StrokeVerdict::Closure::Completed);
    EXPECT_NEAR(std::abs(v.turns), 0.7, 0.05);
    ASSERT_FALSE(v.scores.empty());
    EXPECT_GT(v.scores[0].coverage, 0.95);  // the chord alone would cut a part of the note off
}

TEST(PriorityStroke, DoubleLoopDrawnTwiceAround) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 500, 0)};
    EXPECT_GE(hit_rate("double loop", kSeeds, [&](Rng& r) {
                  Loop l = around(r, d.partners[0]);
                  l.turns = r.uni(1.8, 2.3);
                  l.drift = 0.2;  // the second round inside or outside the first
                  l.max_points = 600;
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return is_one(v, 1) && v.closure == StrokeVerdict::Closure::Loop;
              }),
              0.99);
}

TEST(PriorityStroke, RotatedAndScaledNotes) {
    EXPECT_GE(hit_rate("rotated, scaled, neighbours", kSeeds, [&](Rng& r) {
                  Document d;
                  const double rot = r.uni(-0.7, 0.7), scale = r.uni(0.75, 1.5);
                  d.partners = {note(1, 0, 0, rot, scale)};
                  // A neighbour along the note's own x axis, turned the same way.
                  const double off = geo::kNoteW * scale / 2 + r.uni(10, 30) + geo::kNoteW / 2;
                  d.partners.push_back(note(2, off * std::cos(rot), off * std::sin(rot), rot + r.normal(0.1)));
                  return is_one(recognise_priority(d, finger_loop(r, around(r, d.partners[0]))), 1);
              }),
              0.97);
}

// ---- neighbours -----------------------------------------------------------------------

// A 3 x 3 grid of notes 10..30 units apart; the loop goes around the middle one and
// mostly clips a neighbour.
TEST(PriorityStroke, LoopAroundANoteAmongNeighboursThatItClips) {
    int clipped = 0;
    EXPECT_GE(hit_rate("middle of a 3x3 grid", kSeeds, [&](Rng& r) {
                  Document d;
                  const double gx = r.uni(10, 30), gy = r.uni(10, 30);
                  Id id = 1;
                  for (int row = -1; row <= 1; ++row)
                      for (int col = -1; col <= 1; ++col) {
                          if (row == 0 && col == 0) continue;
                          d.partners.push_back(note(++id, col * (geo::kNoteW + gx) + r.normal(4),
                                                    row * (geo::kNoteH + gy) + r.normal(4), r.normal(0.05)));
                      }
                  d.partners.push_back(note(1, 0, 0, r.normal(0.05)));
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, around(r, d.partners.back())));
                  for (const StrokeScore& s : v.scores)
                      if (s.partner != 1 && s.coverage > 0) {
                          ++clipped;
                          break;
                      }
                  return is_one(v, 1);
              }),
              0.97);
    std::printf("[ scenario ] a neighbour was clipped in %d of %d loops\n", clipped, kSeeds);
    EXPECT_GE(clipped, kSeeds * 6 / 10);  // the scenario is what it claims to be
}

TEST(PriorityStroke, LoopAroundOneOfTwoAdjacentNotes) {
    EXPECT_GE(hit_rate("one of two adjacent notes", kSeeds, [&](Rng& r) {
                  Document d;
                  const double gap = r.uni(6, 25);
                  const bool vertical = r.chance(0.5);
                  d.partners = {note(1, 0, 0),
                                vertical ? note(2, r.normal(20), geo::kNoteH + gap) : note(2, geo::kNoteW + gap, r.normal(15))};
                  return is_one(recognise_priority(d, finger_loop(r, around(r, d.partners[0]))), 1);
              }),
              0.97);
}

// The loop goes around A and over half or more of B: ambiguous, A first. (Less than
// about 45% of a neighbour is a clip: see the 3 x 3 grid above.)
TEST(PriorityStroke, LoopOverTwoNotesIsAmbiguousMostCoveredFirst) {
    EXPECT_GE(hit_rate("over two notes: ambiguous, A first", kSeeds, [&](Rng& r) {
                  Document d;
                  const double gap = r.uni(10, 30);
                  d.partners = {note(1, 0, 0), note(2, geo::kNoteW + gap, 0)};
                  Loop l;
                  l.centre = {r.uni(20, 40), r.normal(4)};
                  l.rx = r.uni(170, 190);
                  l.ry = r.uni(85, 100);
                  l.turns = r.uni(0.95, 1.15);
                  l.rotation = r.normal(0.04);
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return v.kind == Kind::Ambiguous && v.candidates == std::vector<Id>{1, 2};
              }),
              0.97);
}

TEST(PriorityStroke, LoopAroundTwoNotesEquallyOffersBoth) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 180, 0), note(3, 90, 300)};
    EXPECT_GE(hit_rate("around two notes", kSeeds, [&](Rng& r) {
                  Loop l;
                  l.centre = {90 + r.normal(6), r.normal(5)};
                  l.rx = r.uni(230, 270);
                  l.ry = r.uni(85, 110);
                  l.turns = r.uni(0.9, 1.15);
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return v.kind == Kind::Ambiguous && v.candidates.size() == 2 &&
                         std::find(v.candidates.begin(), v.candidates.end(), 3) == v.candidates.end();
              }),
              0.97);
}

// ---- big and small ----------------------------------------------------------------------

// Six notes in a 3 x 2 block and a loop around the whole block: more than the app offers
// as choices (4), so the stroke is not read as a priority: Nothing (TooMany).
TEST(PriorityStroke, HugeLoopAroundSixNotesIsNothing) {
    Document d;
    Id id = 0;
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col) d.partners.push_back(note(++id, col * 190.0, row * 130.0));
    EXPECT_GE(hit_rate("huge loop around six", kSeeds, [&](Rng& r) {
                  Loop l;
                  l.centre = {190 + r.normal(8), 65 + r.normal(8)};
                  l.rx = r.uni(330, 400);
                  l.ry = r.uni(170, 220);
                  l.turns = r.uni(0.8, 1.15);
                  l.max_points = 500;
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return v.kind == Kind::Nothing && v.why == Why::TooMany;
              }),
              0.99);
}

// Around three notes: the app asks which one, offering all three.
TEST(PriorityStroke, LoopAroundThreeNotesAsksWhichOne) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 190, 0), note(3, 380, 0)};
    EXPECT_GE(hit_rate("loop around three", kSeeds, [&](Rng& r) {
                  Loop l;
                  l.centre = {190 + r.normal(6), r.normal(5)};
                  l.rx = r.uni(330, 380);
                  l.ry = r.uni(90, 120);
                  l.turns = r.uni(0.9, 1.15);
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return v.kind == Kind::Ambiguous && v.candidates.size() == 3;
              }),
              0.97);
}

TEST(PriorityStroke, TinyStrokeIsNothing) {
    Document d;
    d.partners = {note(1, 0, 0)};
    EXPECT_GE(hit_rate("tiny stroke", kSeeds, [&](Rng& r) {
                  Loop l;
                  l.centre = {r.normal(20), r.normal(20)};
                  l.rx = r.uni(1.5, 2.8), l.ry = r.uni(1.5, 2.8);
                  l.jitter = 0.3;
                  l.hooks = false;
                  const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
                  return v.kind == Kind::Nothing && v.why == Why::TooSmall;
              }),
              1.0);
}

TEST(PriorityStroke, SmallCircleOnTheNoteMarksIt) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 170, 0)};
    EXPECT_GE(hit_rate("small circle on the note", kSeeds, [&](Rng& r) {
                  Loop l;
                  l.centre = {r.normal(12), r.normal(8)};
                  l.rx = r.uni(12, 40), l.ry = r.uni(10, 30);
                  return is_one(recognise_priority(d, finger_loop(r, l)), 1);
              }),
              0.99);
}

TEST(PriorityStroke, TickOnTheNoteMarksIt) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 0, 115)};
    EXPECT_GE(hit_rate("tick on the note", kSeeds, [&](Rng& r) {
                  const Vec2 a{r.uni(-50, 20), r.uni(-30, 10)};
                  const double s = r.uni(12, 35);
                  std::vector<Vec2> stroke = finger_line(r, a, {a.x + s * 0.4, a.y + s * 0.5}, 1);
                  const std::vector<Vec2> up = finger_line(r, stroke.back(), {a.x + s * 1.4, a.y - s * 0.8}, 1);
                  stroke.insert(stroke.end(), up.begin(), up.end());
                  const StrokeVerdict v = recognise_priority(d, stroke);
                  return is_one(v, 1) && v.why == Why::Marked;
              }),
              0.99);
}

// ---- other shapes -----------------------------------------------------------------------

TEST(PriorityStroke, FigureEightWithOneLobeAroundTheNote) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 420, 0)};
    EXPECT_GE(hit_rate("figure-eight, one lobe on a note", kSeeds, [&](Rng& r) {
                  Loop a = around(r, d.partners[0]);
                  a.turns = 1, a.hooks = false, a.start = 0, a.dir = 1;
                  Loop b = a;  // an empty lobe to the right, the other way round
                  b.rx = r.uni(30, 60), b.ry = r.uni(25, 50);
                  b.centre = {a.centre.x + a.rx + b.rx, a.centre.y};
                  b.start = kPi, b.dir = -1;
                  std::vector<Vec2> s = finger_loop(r, a);
                  const std::vector<Vec2> t = finger_loop(r, b);
                  s.insert(s.end(), t.begin(), t.end());
                  return is_one(recognise_priority(d, s), 1);
              }),
              0.97);
}

TEST(PriorityStroke, FigureEightAroundTwoNotesOffersBoth) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 260, 0)};
    EXPECT_GE(hit_rate("figure-eight around two", kSeeds, [&](Rng& r) {
                  Loop a = around(r, d.partners[0], 0.95, 1.1);
                  a.turns = 1, a.hooks = false, a.start = 0, a.dir = 1;
                  Loop b = around(r, d.partners[1], 0.95, 1.1);
                  b.turns = 1, b.hooks = false, b.start = kPi, b.dir = -1;
                  std::vector<Vec2> s = finger_loop(r, a);
                  const std::vector<Vec2> t = finger_loop(r, b);
                  s.insert(s.end(), t.begin(), t.end());
                  const StrokeVerdict v = recognise_priority(d, s);
                  return v.kind == Kind::Ambiguous && v.candidates.size() == 2;
              }),
              0.97);
}

// A line drawn across one note encloses nothing; the note it crosses is meant.
TEST(PriorityStroke, LineAcrossANoteMarksIt) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 0, 140), note(3, 0, -140)};
    EXPECT_GE(hit_rate("line across a note", kSeeds, [&](Rng& r) {
                  const double ext = r.uni(0, 50), y = r.uni(-30, 30), tilt = r.uni(-20, 20);
                  const StrokeVerdict v =
                      recognise_priority(d, finger_line(r, {-78 - ext, y - tilt}, {78 + ext, y + tilt}));
                  return is_one(v, 1) && v.why == Why::Marked;
              }),
              0.99);
}

TEST(PriorityStroke, LineAcrossTwoNotesAsks) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 176, 0)};
    EXPECT_GE(hit_rate("line across two notes", kSeeds, [&](Rng& r) {
                  const double y = r.uni(-30, 30);
                  const StrokeVerdict v = recognise_priority(d, finger_line(r, {-60, y}, {236, y + r.normal(8)}));
                  return v.kind == Kind::Ambiguous && v.candidates.size() == 2;
              }),
              0.99);
}

TEST(PriorityStroke, StrokeFarFromEveryNoteIsNothing) {
    Document d;
    d.partners = {note(1, 0, 0)};
    Rng r(3);
    Loop l;
    l.centre = {400, 300};
    const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
    EXPECT_EQ(v.kind, Kind::Nothing);
    EXPECT_EQ(v.why, Why::NoNote);
    EXPECT_EQ(recognise_priority(d, finger_line(r, {300, 300}, {500, 320})).why, Why::NoNote);
}

// ---- face-down notes and bad input ------------------------------------------------------

TEST(PriorityStroke, FaceDownNotesAreIgnored) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 400, 0)};
    d.partners[1].face_up = false;
    Partner hidden = note(3, 10, 5);
    hidden.face_up = false;
    d.partners.push_back(hidden);  // lies under note 1
    EXPECT_GE(hit_rate("face-down notes ignored", 300, [&](Rng& r) {
                  const StrokeVerdict a = recognise_priority(d, finger_loop(r, around(r, d.partners[0])));
                  const StrokeVerdict b = recognise_priority(d, finger_loop(r, around(r, d.partners[1])));
                  return is_one(a, 1) && b.kind == Kind::Nothing;
              }),
              1.0);
}

TEST(PriorityStroke, BadInput) {
    Document d;
    d.partners = {note(1, 0, 0)};
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(recognise_priority(d, {}).why, Why::TooFewPoints);
    EXPECT_EQ(recognise_priority(d, {{0, 0}, {100, 0}}).why, Why::TooFewPoints);
    EXPECT_EQ(recognise_priority(d, {{0, 0}, {0, 0}, {0, 0}, {0, 0}}).why, Why::TooFewPoints);
    EXPECT_EQ(recognise_priority(d, {{nan, 0}, {0, inf}, {1, 1}, {2, 2}, {-inf, 3}}).why, Why::TooFewPoints);
    EXPECT_EQ(recognise_priority(d, {{1e300, 0}, {0, 1e300}, {-1e300, 0}, {0, 0}}).why, Why::TooFewPoints);
    // Non-finite points in a good loop are skipped.
    Rng r(11);
    std::vector<Vec2> s = finger_loop(r, around(r, d.partners[0]));
    for (size_t i = 0; i < s.size(); i += 7) s[i] = {nan, inf};
    EXPECT_TRUE(is_one(recognise_priority(d, s), 1));
    // Three collinear points: a line, fine.
    EXPECT_TRUE(is_one(recognise_priority(d, {{-60, 0}, {0, 0}, {60, 0}}), 1));
    // No partners at all.
    EXPECT_EQ(recognise_priority(Document{}, s).why, Why::NoNote);
    // A non-finite partner does not disturb the rest.
    d.partners.push_back(note(2, nan, 0));
    EXPECT_TRUE(is_one(recognise_priority(d, s), 1));
}

// Ghost touches: a lone sample far off the path, or a stray sample at either end.
TEST(PriorityStroke, TouchGlitchesAreIgnored) {
    Document d;
    d.partners = {note(1, 0, 0), note(2, 400, 0)};
    EXPECT_GE(hit_rate("touch glitches", kSeeds, [&](Rng& r) {
                  std::vector<Vec2> s = finger_loop(r, around(r, d.partners[0]));
                  const auto at = static_cast<std::ptrdiff_t>(r.integer(2, static_cast<int>(s.size()) - 3));
                  s.insert(s.begin() + at, Vec2{r.uni(-900, 900), r.uni(-900, 900)});
                  if (r.chance(0.5)) s.push_back({r.uni(-900, 900), r.uni(-900, 900)});
                  else s.insert(s.begin(), Vec2{r.uni(-900, 900), r.uni(-900, 900)});
                  return is_one(recognise_priority(d, s), 1);
              }),
              0.97);
}

TEST(PriorityStroke, VerdictIsConsistent) {
    Document d;
    Id id = 0;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) d.partners.push_back(note(++id, col * 175.0, row * 115.0));
    for (int s = 0; s < 2000; ++s) {
        Rng r(static_cast<uint64_t>(s) + 99);
        Loop l;
        l.centre = {r.uni(-100, 600), r.uni(-100, 450)};
        l.rx = r.uni(5, 400), l.ry = r.uni(5, 300);
        l.turns = r.uni(0.2, 2.5);
        l.rotation = r.uni(-1, 1);
        const StrokeVerdict v = recognise_priority(d, finger_loop(r, l));
        switch (v.kind) {
            case Kind::One:
                EXPECT_NE(v.partner, 0);
                EXPECT_TRUE(v.candidates.empty());
                break;
            case Kind::Ambiguous:
                EXPECT_GE(v.candidates.size(), 2u);
                EXPECT_LE(v.candidates.size(), static_cast<size_t>(kMaxCandidates));
                for (size_t i = 0; i < v.candidates.size(); ++i) EXPECT_EQ(v.candidates[i], v.scores[i].partner);
                break;
            case Kind::Nothing:
                EXPECT_EQ(v.partner, 0);
                EXPECT_TRUE(v.candidates.empty());
                break;
        }
        for (const StrokeScore& sc : v.scores) {
            EXPECT_GE(sc.coverage, 0);
            EXPECT_LE(sc.coverage, 1);
            EXPECT_GE(sc.ink, 0);
            EXPECT_LE(sc.ink, 1);
        }
    }
}

// ---- speed ----------------------------------------------------------------------------------

TEST(PriorityStroke, FastOnABigBoard) {
    Document d;
    Id id = 0;
    for (int row = 0; row < 20; ++row)
        for (int col = 0; col < 25; ++col)
            d.partners.push_back(note(++id, -2000 + col * 170.0, -1200 + row * 115.0, 0.1 * (col % 3)));
    Rng r(5);
    std::vector<std::vector<Vec2>> strokes;
    for (int i = 0; i < 20; ++i) {
        Loop l = around(r, d.partners[static_cast<size_t>(r.integer(0, 499))]);
        l.min_points = l.max_points = 500;
        strokes.push_back(finger_loop(r, l));
    }
    Loop huge;  // around half the board
    huge.centre = {0, 0};
    huge.rx = 1100, huge.ry = 800;
    huge.min_points = huge.max_points = 500;
    strokes.push_back(finger_loop(r, huge));
    int ones = 0;
    constexpr int kReps = 10;
    auto time_ms = [&](size_t from, size_t to) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int rep = 0; rep < kReps; ++rep)
            for (size_t i = from; i < to; ++i) ones += recognise_priority(d, strokes[i]).kind == Kind::One;
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
               (kReps * static_cast<double>(to - from));
    };
    const double ms = time_ms(0, strokes.size() - 1);
    const double huge_ms = time_ms(strokes.size() - 1, strokes.size());
    std::printf("[ timing   ] %.3f ms per 500-point loop around a note, %.3f ms around half the board (500 notes)\n",
                ms, huge_ms);
    EXPECT_GE(ones, kReps * 19);
    EXPECT_EQ(recognise_priority(d, strokes.back()).why, Why::TooMany);
    // < 1 ms in an optimised build; generous here for debug and sanitizer builds.
    EXPECT_LT(ms, 15.0);
    EXPECT_LT(huge_ms, 30.0);
}

}  // namespace
}  // namespace nk
