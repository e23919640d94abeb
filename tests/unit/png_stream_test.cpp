// The strip-by-strip PNG encoder: what it writes decodes (stb_image) to exactly the rows
// given, in whatever strips and row order they came; a stream that is short of rows or
// given too many writes nothing.
#include <gtest/gtest.h>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

#include <cstdint>
#include <random>
#include <vector>

#include "png_stream.hpp"

namespace nk {
namespace {
// A map-like picture: flat paper, a gradient, a few hard edges and some noise.
std::vector<std::uint8_t> picture(int w, int h) {
    std::vector<std::uint8_t> px(std::size_t(w) * h * 4);
    std::mt19937 rng(7);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &px[(std::size_t(y) * w + x) * 4];
            const bool note = (x / 37 + y / 23) % 5 == 0;
            p[0] = std::uint8_t(note ? 240 : 250 - y % 7);
            p[1] = std::uint8_t(note ? 200 + x % 50 : 246);
            p[2] = std::uint8_t((x * 3 + y) & 0xFF);
            p[3] = (x + y) % 97 == 0 ? std::uint8_t(rng()) : 255;
        }
    return px;
}

std::vector<std::uint8_t> decode(const std::string& png, int& w, int& h) {
    int n = 0;
    unsigned char* d = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()), int(png.size()), &w, &h, &n, 4);
    if (!d) return {};
    std::vector<std::uint8_t> out(d, d + std::size_t(w) * h * 4);
    stbi_image_free(d);
    return out;
}

TEST(PngStream, StripsGivenTopDownDecodeToTheSameRows) {
    const int w = 211, h = 157;
    const auto px = picture(w, h);
    PngStream s(w, h);
    for (int y = 0; y < h; y += 40) {
        const int rows = std::min(40, h - y);
        ASSERT_TRUE(s.add_rows(&px[std::size_t(y) * w * 4], rows, std::ptrdiff_t(w) * 4));
    }
    const std::string png = s.finish();
    int dw = 0, dh = 0;
    const auto back = decode(png, dw, dh);
    ASSERT_EQ(dw, w);
    ASSERT_EQ(dh, h);
    EXPECT_TRUE(back == px);
}

TEST(PngStream, StripsReadBackBottomUpAsOpenGLGivesThemComeOutTheRightWayUp) {
    const int w = 64, h = 90;
    const auto px = picture(w, h);
    // Each strip as glReadPixels gives it: its rows bottom-up in memory.
    PngStream s(w, h);
    for (int y = 0; y < h; y += 32) {
        const int rows = std::min(32, h - y);
        std::vector<std::uint8_t> strip(std::size_t(rows) * w * 4);
        for (int r = 0; r < rows; ++r)
            std::copy_n(&px[std::size_t(y + r) * w * 4], w * 4, &strip[std::size_t(rows - 1 - r) * w * 4]);
        ASSERT_TRUE(s.add_rows(&strip[std::size_t(rows - 1) * w * 4], rows, -std::ptrdiff_t(w) * 4));
    }
    int dw = 0, dh = 0;
    EXPECT_TRUE(decode(s.finish(), dw, dh) == px);
}

TEST(PngStream, ShortOfRowsOrGivenTooManyItWritesNothing) {
    const auto px = picture(16, 16);
    PngStream short_of(16, 16);
    ASSERT_TRUE(short_of.add_rows(px.data(), 15, 64));
    EXPECT_TRUE(short_of.finish().empty());
    PngStream too_many(16, 8);
    EXPECT_FALSE(too_many.add_rows(px.data(), 16, 64));
    EXPECT_TRUE(too_many.finish().empty());
}

TEST(PngStream, AFlatPaperCompressesSmall) {
    const int w = 1000, h = 500;
    std::vector<std::uint8_t> paper(std::size_t(w) * h * 4, 0);
    for (std::size_t i = 0; i < paper.size(); i += 4) paper[i] = 250, paper[i + 1] = 246, paper[i + 2] = 238, paper[i + 3] = 255;
    PngStream s(w, h);
    ASSERT_TRUE(s.add_rows(paper.data(), h, w * 4));
    const std::string png = s.finish();
    EXPECT_LT(png.size(), 10000u) << "2 MB of one colour";
    int dw = 0, dh = 0;
    EXPECT_TRUE(decode(png, dw, dh) == paper);
}

}  // namespace
}  // namespace nk
