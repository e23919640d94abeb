#include "png_chunk.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include <zlib.h>

namespace nk {
namespace {

constexpr std::string_view kSignature{"\x89PNG\r\n\x1a\n", 8};

std::uint32_t be32(std::string_view s, std::size_t at) {
    return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) |
           (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
           (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) |
           std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

void put_be32(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>((v >> 24) & 0xFFu));
    out.push_back(static_cast<char>((v >> 16) & 0xFFu));
    out.push_back(static_cast<char>((v >> 8) & 0xFFu));
    out.push_back(static_cast<char>(v & 0xFFu));
}

// One chunk of the stream: where it starts (its length field) and its parts.
struct Chunk {
    std::size_t start = 0;   // offset of the length field
    std::size_t end = 0;     // one past the CRC
    std::string_view type;   // 4 bytes
    std::string_view data;
};

// Walks the chunk stream of `png`. visit(chunk) returns true to stop early. Returns an
// error, or nullopt when visit stopped or IEND was reached (then *iend_end, if given,
// is the end of IEND).
template <class Visit>
std::optional<PngChunkError> walk(std::string_view png, Visit&& visit, std::size_t* iend_end = nullptr) {
    if (png.size() > kMaxPngBytes)
        return PngChunkError{PngChunkErrorKind::TooLarge,
                             std::to_string(png.size()) + " bytes; at most " + std::to_string(kMaxPngBytes)};
    if (!png.starts_with(kSignature)) return PngChunkError{PngChunkErrorKind::NotPng, "no PNG signature"};
    std::size_t at = kSignature.size();
    bool first = true;
    for (;;) {
        const std::string where = "chunk at offset " + std::to_string(at);
        if (png.size() - at < 12) {
            if (first && png.size() - at >= 8 && png.substr(at + 4, 4) != "IHDR")
                return PngChunkError{PngChunkErrorKind::NotPng, "the first chunk is not IHDR"};
            return PngChunkError{PngChunkErrorKind::Damaged, where + ": truncated (no IEND)"};
        }
        const std::uint32_t length = be32(png, at);
        const std::string_view type = png.substr(at + 4, 4);
        if (first && type != "IHDR") return PngChunkError{PngChunkErrorKind::NotPng, "the first chunk is not IHDR"};
        first = false;
        if (length > kMaxPngChunkBytes)
            return PngChunkError{PngChunkErrorKind::TooLarge, where + ": " + std::to_string(length) + " bytes of data"};
        if (length > png.size() - at - 12)
            return PngChunkError{PngChunkErrorKind::Damaged, where + ": truncated"};
        Chunk c{at, at + 12 + length, type, png.substr(at + 8, length)};
        const std::uint32_t stored = be32(png, at + 8 + length);
        if (crc32(png.substr(at + 4, 4 + std::size_t{length})) != stored)
            return PngChunkError{PngChunkErrorKind::Damaged, where + " (" + std::string(type) + "): bad CRC"};
        if (visit(c)) return std::nullopt;
        if (type == "IEND") {
            if (iend_end) *iend_end = c.end;
            return std::nullopt;
        }
        at = c.end;
    }
}

// The keyword of a text chunk (up to its first NUL), or nullopt if it has no NUL.
std::optional<std::string_view> text_keyword(std::string_view data) {
    const std::size_t nul = data.find('\0');
    if (nul == std::string_view::npos) return std::nullopt;
    return data.substr(0, nul);
}

bool is_text_chunk(std::string_view type) { return type == "iTXt" || type == "tEXt" || type == "zTXt"; }

}  // namespace

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
    uLong c = crc;
    const auto* p = reinterpret_cast<const Bytef*>(bytes.data());
    for (std::size_t left = bytes.size(); left > 0;) {  // zlib takes at most 4 GiB a call
        const auto n = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
        c = ::crc32(c, p, n);
        p += n;
        left -= n;
    }
    return static_cast<std::uint32_t>(c);
}

bool valid_png_keyword(std::string_view keyword) {
    if (keyword.empty() || keyword.size() > 79) return false;
    if (keyword.front() == ' ' || keyword.back() == ' ') return false;
    for (std::size_t i = 0; i < keyword.size(); ++i) {
        const auto b = static_cast<unsigned char>(keyword[i]);
        if (!((b >= 32 && b <= 126) || b >= 161)) return false;
        if (b == ' ' && i > 0 && keyword[i - 1] == ' ') return false;
    }
    return true;
}

std::string add_itxt(std::string_view png, std::string_view keyword, std::string_view utf8_text) {
    if (!valid_png_keyword(keyword)) return {};
    const std::size_t data_size = keyword.size() + 5 + utf8_text.size();
    if (utf8_text.size() > kMaxPngChunkBytes || data_size > kMaxPngChunkBytes) return {};

    // Keep every chunk but IEND and the keyword's text chunks, in order.
    std::vector<std::string_view> kept;
    std::string_view iend;
    std::size_t iend_end = 0;
    auto err = walk(
        png,
        [&](const Chunk& c) {
            const std::string_view whole = png.substr(c.start, c.end - c.start);
            if (c.type == "IEND")
                iend = whole;
            else if (!(is_text_chunk(c.type) && text_keyword(c.data) == keyword))
                kept.push_back(whole);
            return false;
        },
        &iend_end);
    if (err || iend.empty()) return {};

    std::string data;
    data.reserve(data_size);
    data.append(keyword);
    data.push_back('\0');
    data.push_back('\0');  // compression flag: uncompressed
    data.push_back('\0');  // compression method
    data.push_back('\0');  // language tag: empty
    data.push_back('\0');  // translated keyword: empty
    data.append(utf8_text);

    std::string out;
    out.reserve(png.size() + data.size() + 12);
    out.append(kSignature);
    for (std::string_view c : kept) out.append(c);
    put_be32(out, static_cast<std::uint32_t>(data.size()));
    out.append("iTXt");
    out.append(data);
    put_be32(out, crc32(data, crc32("iTXt")));
    out.append(iend);
    out.append(png.substr(iend_end));  // whatever followed IEND stays
    return out;
}

std::variant<std::string, PngChunkError> read_itxt(std::string_view png, std::string_view keyword) {
    std::optional<PngChunkError> found_error;
    std::optional<std::string_view> text;
    auto err = walk(png, [&](const Chunk& c) {
        if (!is_text_chunk(c.type) || text_keyword(c.data) != keyword) return false;
        const std::string where = std::string(c.type) + " chunk \"" + std::string(keyword) + "\" at offset " +
                                  std::to_string(c.start);
        if (c.type == "tEXt") return false;  // not ours: the board is only written as iTXt
        if (c.type == "zTXt") {
            found_error = PngChunkError{PngChunkErrorKind::Compressed, where + ": compressed chunk not supported"};
            return true;
        }
        // iTXt: keyword NUL flag method language NUL translated NUL text
        std::size_t at = keyword.size() + 1;
        if (c.data.size() < at + 2) {
            found_error = PngChunkError{PngChunkErrorKind::Damaged, where + ": header cut short"};
            return true;
        }
        const char flag = c.data[at], method = c.data[at + 1];
        if (flag != 0) {
            found_error = PngChunkError{PngChunkErrorKind::Compressed, where + ": compressed chunk not supported"};
            return true;
        }
        if (method != 0) {
            found_error = PngChunkError{PngChunkErrorKind::Damaged, where + ": unknown compression method"};
            return true;
        }
        at += 2;
        for (int field = 0; field < 2; ++field) {  // language tag, translated keyword
            const std::size_t nul = c.data.find('\0', at);
            if (nul == std::string_view::npos) {
                found_error = PngChunkError{PngChunkErrorKind::Damaged, where + ": header cut short"};
                return true;
            }
            at = nul + 1;
        }
        text = c.data.substr(at);
        return true;
    });
    if (err) return *err;
    if (found_error) return *found_error;
    if (!text)
        return PngChunkError{PngChunkErrorKind::NoChunk, "no iTXt chunk \"" + std::string(keyword) + "\""};
    return std::string(*text);
}

}  // namespace nk
