// The palette (core/model/palette.hpp) for people with colour-blindness: the kind fills and
// the role pens stay apart under simulated deuteranopia, protanopia and tritanopia, and
// the ink stays readable on every fill.
//
// Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB
// and clamped; distance: CIELAB ΔE76 (D65 white); readability: WCAG 2 contrast ratio.
#include "palette.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace nk {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

struct Vision {
    const char* name;
    Matrix m;
};

const std::vector<Vision> kVisions{
    {"normal", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia",
     {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia",
     {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia",
     {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
};

double linear(std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

struct Lab {
    double l, a, b;
};

Lab lab(palette::Rgb c, const Matrix& m) {
    const double in[3] = {linear(c.r), linear(c.g), linear(c.b)};
    double s[3];
    for (int i = 0; i < 3; ++i) s[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
    const double x = (0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2]) / 0.95047;
    const double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
    const double z = (0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2]) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e(Lab p, Lab q) { return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b); }

double luminance(palette::Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast(palette::Rgb a, palette::Rgb b) {
    // (std::minmax of two temporaries would return references to them: dangling.)
    const double la = luminance(a), lb = luminance(b), lo = std::min(la, lb), hi = std::max(la, lb);
    return (hi + 0.05) / (lo + 0.05);
}

// The smallest ΔE between any two colours of `colours` under each vision; every pair is
// named in the failure message.
template <std::size_t N>
void expect_apart(const std::array<palette::Rgb, N>& colours, double at_least, const std::string& what) {
    for (const Vision& v : kVisions)
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i + 1; j < N; ++j) {
                const double d = delta_e(lab(colours[i], v.m), lab(colours[j], v.m));
                EXPECT_GE(d, at_least) << what << " " << i << " and " << j << " under " << v.name;
            }
}

TEST(Palette, KindFillsStayApartForColourBlindEyes) { expect_apart(palette::kKindFill, 10.0, "fills"); }

TEST(Palette, RolePensStayApartForColourBlindEyes) { expect_apart(palette::kRolePen, 15.0, "pens"); }

TEST(Palette, InkIsReadableOnEveryFill) {
    for (std::size_t i = 0; i < palette::kKindFill.size(); ++i)
        EXPECT_GE(contrast(palette::kInk, palette::kKindFill[i]), 4.5) << "fill " << i;
}

// The checks themselves can fail: the old red and green post-its, and black on dark blue.
TEST(Palette, TheChecksCatchAClash) {
    const std::array<palette::Rgb, 2> stages_projecten{{{196, 220, 244}, {224, 208, 238}}};
    const Matrix& protan = kVisions[1].m;
    EXPECT_LT(delta_e(lab(stages_projecten[0], protan), lab(stages_projecten[1], protan)), 10.0);
    EXPECT_LT(contrast(palette::kInk, {0, 60, 140}), 4.5);
    EXPECT_NEAR(contrast({0, 0, 0}, {255, 255, 255}), 21.0, 1e-9);
}

}  // namespace
}  // namespace nk
