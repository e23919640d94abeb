// fit_clear_of: the map as large as it can be, clear of the panels on screen.
#include <gtest/gtest.h>

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

TEST(FitClearOf, WithNoPanelsItIsTheFittedMapOfTheArea) {
    const Document d = board_with({{100, 50}, {-300, 200}});
    const ScreenBox area{0, 150, 1920, 1080};
    EXPECT_EQ(fit_clear_of(d, area, {}), fit_content(d, 0, 150, 1920, 1080));
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
        for (const ScreenBox& p : panels) EXPECT_FALSE(overlaps(b, p)) << b.x0 << "," << b.y0 << " under a panel at " << p.x0;
    }
    // As large as the free part allows: not smaller than fitting into its obvious rectangle.
    EXPECT_GE(v.scale, fit_content(d, 0, 150, 1100, 760).scale * 0.999);
}

TEST(FitClearOf, ALegendInTheCornerLeavesTheBestOfBesideOrAbove) {
    const Document d = board_with({{0, 300}});
    const ScreenBox area{0, 150, 1920, 1080};
    const std::vector<ScreenBox> legend = {{20, 760, 300, 1060}};
    const View v = fit_clear_of(d, area, legend);
    const View beside = fit_content(d, 300, 150, 1920, 1080), above = fit_content(d, 0, 150, 1920, 760);
    EXPECT_DOUBLE_EQ(v.scale, std::max(beside.scale, above.scale));
}

TEST(FitClearOf, APanelOverTheWholeAreaFallsBackToTheArea) {
    const Document d = board_with({{0, 0}});
    const ScreenBox area{0, 150, 1920, 1080};
    EXPECT_EQ(fit_clear_of(d, area, {{0, 0, 1920, 1080}}), fit_content(d, 0, 150, 1920, 1080));
}

}  // namespace
}  // namespace nk
