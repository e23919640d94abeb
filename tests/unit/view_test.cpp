// fit_clear_of: the map as large as it can be, clear of the panels on screen.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geometry.hpp"
#include "view.hpp"

namespace nk {
namespace {

Document board_with(std::initializer_list<Vec2> at) {
    Document d;
    Id id = 1;
    for (Vec2 p : at) {
        Partner n;
        n.id = id++;
        n.text = "P" + std::to_string(n.id);
        n.x = p.x;
        n.y = p.y;
        n.face_up = true;
        d.partners.push_back(n);
    }
    return d;
}

// The screen box of every post-it (its corners, unturned) and of the outer ring.
std::vector<ScreenBox> drawn(const Document& d, const View& v) {
    std::vector<ScreenBox> out;
    for (const Partner& p : d.partners) {
        const Vec2 c = v.to_screen({p.x, p.y});
        const double hw = geo::kNoteW * p.scale * v.scale / 2, hh = geo::kNoteH * p.scale * v.scale / 2;
        out.push_back({c.x - hw, c.y - hh, c.x + hw, c.y + hh});
    }
    const Vec2 s = v.to_screen({0, 0});
    const double r = geo::kRing3 * v.scale;
    out.push_back({s.x - r, s.y - r, s.x + r, s.y + r});
    return out;
}

bool overlaps(const ScreenBox& a, const ScreenBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// Every post-it's box and the outer ring's disk are clear of every panel.
void expect_clear(const Document& d, const View& v, const std::vector<ScreenBox>& panels) {
    std::vector<ScreenBox> notes = drawn(d, v);
    notes.pop_back();  // the ring's square: its corners are free
    for (const ScreenBox& b : notes)
        for (const ScreenBox& p : panels) EXPECT_FALSE(overlaps(b, p)) << b.x0 << "," << b.y0 << " under a panel at " << p.x0;
    const Vec2 c = v.to_screen({0, 0});
    for (const ScreenBox& p : panels) {
        const double dx = std::max({p.x0 - c.x, 0.0, c.x - p.x1}), dy = std::max({p.y0 - c.y, 0.0, c.y - p.y1});
        EXPECT_GE(std::hypot(dx, dy), geo::kRing3 * v.scale) << "the outer ring runs under the panel at " << p.x0;
    }
}

TEST(FitClearOf, WithNoPanelsTheMapFillsTheAreaCentred) {
    const Document d = board_with({{100, 50}, {-300, 200}});
    const ScreenBox area{0, 150, 1920, 1080};
    const View v = fit_clear_of(d, area, {});
    // The rings fill the height (the post-its lie inside them); the map is centred.
    EXPECT_NEAR(2 * (geo::kRing3 + 6) * v.scale, 930, 1);
    EXPECT_NEAR(v.origin.y, 615, 1);
    for (const ScreenBox& b : drawn(d, v)) EXPECT_TRUE(b.x0 >= 0 && b.x1 <= 1920 && b.y0 >= 149.5 && b.y1 <= 1080.5);
}

TEST(FitClearOf, PanelsInTheCornersLeaveTheRingsAsLargeAsTheHeight) {
    // The toolbar and the legend in the bottom corners of a 1080p wall: the round map
    // passes between them, as large as without them.
    const Document d = board_with({{100, 50}, {-300, 200}});
    const ScreenBox area{0, 150, 1920, 1080};
    const std::vector<ScreenBox> corners = {{20, 760, 300, 1060}, {1400, 935, 1900, 1060}};
    const View v = fit_clear_of(d, area, corners);
    EXPECT_NEAR(v.scale, fit_clear_of(d, area, {}).scale, 1e-6);
    expect_clear(d, v, corners);
}

TEST(FitClearOf, TheSameInputGivesTheSameView) {
    const Document d = board_with({{100, 50}, {-300, 200}, {420, -400}, {-700, 0}, {700, 300}});
    const std::vector<ScreenBox> panels = {{1100, 150, 1900, 950}, {20, 760, 300, 1060}};
    EXPECT_EQ(fit_clear_of(d, {0, 150, 1920, 1080}, panels), fit_clear_of(d, {0, 150, 1920, 1080}, panels));
}

TEST(FitClearOf, APanelOnTheRightPushesTheMapLeftAndNothingLiesUnderIt) {
    const Document d = board_with({{100, 50}, {-300, 200}, {420, -400}, {-700, 0}, {700, 300}});
    const ScreenBox area{0, 150, 1920, 1080};
    const std::vector<ScreenBox> panels = {{1100, 150, 1900, 950}, {20, 760, 300, 1060}, {1066, 935, 1900, 1060}};
    const View v = fit_clear_of(d, area, panels);
    EXPECT_LT(v.origin.x, 1100 / 2 + 1);  // the school in the free part on the left
    for (const ScreenBox& b : drawn(d, v)) {
        EXPECT_GE(b.x0, area.x0 - 0.5);
        EXPECT_GE(b.y0, area.y0 - 0.5);
        EXPECT_LE(b.y1, area.y1 + 0.5);
    }
    expect_clear(d, v, panels);
    // As large as the free part allows: not smaller than fitting into its obvious rectangle.
    EXPECT_GE(v.scale, fit_content(d, 0, 150, 1100, 760).scale * 0.999);
}

TEST(FitClearOf, APanelOverTheWholeAreaFallsBackToTheArea) {
    const Document d = board_with({{0, 0}});
    const ScreenBox area{0, 150, 1920, 1080};
    EXPECT_EQ(fit_clear_of(d, area, {{0, 0, 1920, 1080}}), fit_content(d, 0, 150, 1920, 1080));
}

TEST(Approach, ARefitGlidesHalfWayAFrameAndEndsExactlyOnTheTarget) {
    View from, to;
    from.scale = 0.6;
    from.origin = {800, 500};
    to.scale = 0.9;
    to.origin = {1000, 600};
    View v = approach(from, to);
    EXPECT_DOUBLE_EQ(v.scale, 0.75);
    EXPECT_DOUBLE_EQ(v.origin.x, 900);
    int frames = 1;
    while (!(v == to) && frames < 50) v = approach(v, to), ++frames;
    EXPECT_EQ(v, to);
    EXPECT_LE(frames, 8);  // within the tests' settling frames
}

}  // namespace
}  // namespace nk
