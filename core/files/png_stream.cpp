#include "png_stream.hpp"

#include <zlib.h>

#include <cstdlib>
#include <cstring>

#include "png_chunk.hpp"

namespace nk {
namespace {
void put32(std::string& out, std::uint32_t v) {
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

// Appends one chunk; the data is copied once, straight into `out`.
void chunk(std::string& out, const char type[4], std::string_view data) {
    put32(out, std::uint32_t(data.size()));
    out.append(type, 4);
    out.append(data);
    put32(out, nk::crc32(data, nk::crc32(std::string_view(type, 4))));
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// One PNG filter over a row of n bytes (4 per pixel) into `out`; returns the sum of the
// output bytes' magnitudes (as signed bytes), the usual measure of how well it packs.
template <typename Predict>
long filter_with(const std::uint8_t* cur, const std::uint8_t* up, std::size_t n, std::uint8_t* out, Predict predict) {
    long sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int a = i >= 4 ? cur[i - 4] : 0, b = up[i], c = i >= 4 ? up[i - 4] : 0;
        const std::uint8_t v = std::uint8_t(cur[i] - predict(a, b, c));
        out[i] = v;
        sum += v < 128 ? v : 256 - v;
    }
    return sum;
}

long filter_row(int f, const std::uint8_t* cur, const std::uint8_t* up, std::size_t n, std::uint8_t* out) {
    switch (f) {
        case 1: return filter_with(cur, up, n, out, [](int a, int, int) { return a; });
        case 2: return filter_with(cur, up, n, out, [](int, int b, int) { return b; });
        case 3: return filter_with(cur, up, n, out, [](int a, int b, int) { return (a + b) / 2; });
        case 4: return filter_with(cur, up, n, out, [](int a, int b, int c) { return paeth(a, b, c); });
        default: return filter_with(cur, up, n, out, [](int, int, int) { return 0; });
    }
}
}  // namespace

struct PngStream::Z {
    z_stream s{};
    bool open = false;
};

PngStream::PngStream(int w, int h, int level) : w_(w), h_(h), z_(std::make_unique<Z>()) {
    if (w <= 0 || h <= 0 || deflateInit(&z_->s, level) != Z_OK) {
        failed_ = true;
        return;
    }
    z_->open = true;
    // The file is built in place: room for the signature, IHDR and the IDAT chunk's
    // header, filled in by finish(); the compressed rows follow as they come.
    out_.assign(kHead, '\0');
    crc_ = nk::crc32("IDAT");
    const std::size_t row = std::size_t(w) * 4;
    prev_.assign(row, 0);
    filtered_.resize(row + 1);
    best_.resize(row + 1);
}

PngStream::~PngStream() {
    if (z_ && z_->open) deflateEnd(&z_->s);
}

bool PngStream::add_rows(const std::uint8_t* first, int rows, std::ptrdiff_t stride) {
    if (failed_ || rows < 0 || rows_ + rows > h_) return !(failed_ = true);
    const std::size_t n = std::size_t(w_) * 4;
    unsigned char out[1 << 15];
    for (int r = 0; r < rows; ++r) {
        const std::uint8_t* cur = first + std::ptrdiff_t(r) * stride;
        const std::uint8_t* up = prev_.data();
        // Try each filter on this row; keep the one with the smallest sum of |signed byte|.
        long best_sum = -1;
        for (int f = 0; f < 5; ++f) {
            const long sum = filter_row(f, cur, up, n, filtered_.data() + 1);
            filtered_[0] = std::uint8_t(f);
            if (best_sum < 0 || sum < best_sum) {
                best_sum = sum;
                best_.swap(filtered_);
            }
        }
        z_->s.next_in = best_.data();
        z_->s.avail_in = uInt(best_.size());
        while (z_->s.avail_in > 0) {
            z_->s.next_out = out;
            z_->s.avail_out = sizeof out;
            if (deflate(&z_->s, Z_NO_FLUSH) == Z_STREAM_ERROR) return !(failed_ = true);
            append(out, sizeof out - z_->s.avail_out);
        }
        std::memcpy(prev_.data(), cur, n);
        ++rows_;
    }
    return true;
}

std::string PngStream::finish() {
    if (failed_ || rows_ != h_) return {};
    unsigned char out[1 << 15];
    int rc = Z_OK;
    do {
        z_->s.next_in = nullptr;
        z_->s.avail_in = 0;
        z_->s.next_out = out;
        z_->s.avail_out = sizeof out;
        rc = deflate(&z_->s, Z_FINISH);
        if (rc == Z_STREAM_ERROR) return {};
        append(out, sizeof out - z_->s.avail_out);
    } while (rc != Z_STREAM_END);
    deflateEnd(&z_->s);
    z_->open = false;
    failed_ = true;  // finished: no more rows

    std::string head("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put32(ihdr, std::uint32_t(w_));
    put32(ihdr, std::uint32_t(h_));
    ihdr += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, adaptive filters, no interlace
    chunk(head, "IHDR", ihdr);
    put32(head, std::uint32_t(out_.size() - kHead));  // the IDAT chunk's length and type
    head.append("IDAT", 4);
    out_.replace(0, kHead, head);
    put32(out_, crc_);
    chunk(out_, "IEND", {});
    return std::move(out_);
}

void PngStream::append(const unsigned char* bytes, std::size_t n) {
    const std::string_view piece(reinterpret_cast<const char*>(bytes), n);
    out_.append(piece);
    crc_ = nk::crc32(piece, crc_);
}

}  // namespace nk
