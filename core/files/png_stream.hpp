// A PNG encoder fed row by row. The map photo is rendered and read back in strips
// (app/photo_render.hpp) and each strip is compressed as it arrives, so a 4961×3508
// photo never sits in memory whole: what is kept is the compressed stream, one row
// before the current one (for the PNG filters), and the strip being added.
//
// Rows are RGBA8, top row first; each row gets the PNG filter (None, Sub, Up, Average,
// Paeth) whose output has the smallest sum of magnitudes, as libpng and stb do, and the
// filtered rows go through zlib's deflate straight into the file being built, so the
// compressed bytes exist once. finish() returns the whole file: signature, IHDR, one
// IDAT, IEND.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nk {

class PngStream {
public:
    // An image of w x h pixels; `level` is zlib's compression level (1 fast … 9 small).
    PngStream(int w, int h, int level = 6);
    ~PngStream();
    PngStream(const PngStream&) = delete;
    PngStream& operator=(const PngStream&) = delete;

    // Adds `rows` rows: the first at `first`, each next one `stride` bytes further (a
    // negative stride reads rows stored bottom-up, as OpenGL reads them back). False when
    // more rows than the image has are given or zlib fails; the stream is then unusable.
    bool add_rows(const std::uint8_t* first, int rows, std::ptrdiff_t stride);
    int rows_added() const { return rows_; }
    int width() const { return w_; }
    int height() const { return h_; }

    // The PNG file once every row was added; empty when rows are missing or zlib failed.
    std::string finish();

private:
    struct Z;
    int w_, h_, rows_ = 0;
    bool failed_ = false;
    std::unique_ptr<Z> z_;
    void append(const unsigned char* bytes, std::size_t n);  // compressed bytes, into the IDAT chunk

    static constexpr std::size_t kHead = 8 + 25 + 8;  // signature, IHDR, IDAT's length and type
    std::vector<std::uint8_t> prev_, filtered_, best_;
    std::string out_;          // the file so far: room for the head, then the compressed rows
    std::uint32_t crc_ = 0;    // of "IDAT" and the compressed rows so far
};

}  // namespace nk
