// A text chunk inside a PNG: how a snapshot PNG carries its board file.
//
// add_itxt writes an uncompressed iTXt chunk (PNG 1.2, section 11.3.4.5) just before
// IEND; read_itxt finds it again. Only the chunk stream is walked: the image data is
// never decoded, so no zlib is needed. Both are pure functions on bytes.
//
// iTXt layout: keyword (1-79 Latin-1 bytes), NUL, compression flag (0), compression
// method (0), language tag (empty here), NUL, translated keyword (empty here), NUL, text
// (UTF-8, no NUL). The CRC-32 covers chunk type and data (ISO 3309 / ITU-T V.42).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace nk {

// Limits of read_itxt: a larger file or chunk is refused (TooLarge) without being read.
inline constexpr std::size_t kMaxPngBytes = std::size_t{256} << 20;      // 256 MiB
inline constexpr std::size_t kMaxPngChunkBytes = std::size_t{64} << 20;  // 64 MiB of chunk data

enum class PngChunkErrorKind {
    NotPng,      // no PNG signature, or the first chunk is not IHDR
    Damaged,     // truncated, a bad CRC, or a malformed iTXt chunk with the keyword
    TooLarge,    // the file is past kMaxPngBytes, or a chunk past kMaxPngChunkBytes
    NoChunk,     // a sound PNG (walked up to IEND) without an iTXt chunk with that keyword
    Compressed,  // the keyword's chunk is a compressed iTXt or a zTXt: not supported
};

struct PngChunkError {
    PngChunkErrorKind kind = PngChunkErrorKind::Damaged;
    std::string detail;  // English, technical (byte offset, chunk type); for logs
};

// CRC-32 as PNG uses it (polynomial 0xEDB88320, reflected, initial and final XOR ~0): zlib's.
// Pass the previous result as `crc` to continue over more bytes.
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

// Whether `keyword` is a valid PNG text keyword: 1-79 printable Latin-1 bytes (32-126,
// 161-255), no leading, trailing or consecutive spaces.
bool valid_png_keyword(std::string_view keyword);

// `png` with an uncompressed iTXt chunk (`keyword`, compression flag 0, empty language
// tag and translated keyword, `utf8_text`) inserted just before IEND. Text chunks (iTXt,
// tEXt, zTXt) with the same keyword are removed first, so adding twice leaves one.
// Returns an empty string, and changes nothing, when `png` is not a sound chunk stream
// up to IEND (every CRC checked), the keyword is not valid, or the chunk would be longer
// than kMaxPngChunkBytes.
std::string add_itxt(std::string_view png, std::string_view keyword, std::string_view utf8_text);

// The text of the first iTXt chunk with `keyword`. Checks the signature, that the first
// chunk is IHDR, and each chunk's length (within the file and kMaxPngChunkBytes) and CRC
// up to the one found; stops at IEND (bytes after it are ignored). Returns as soon as
// the chunk is found and its CRC is right, so a file cut off after the chunk still gives
// its text. Never reads out of bounds and never throws except std::bad_alloc. The text
// is returned as stored; the caller checks its UTF-8.
std::variant<std::string, PngChunkError> read_itxt(std::string_view png, std::string_view keyword);

}  // namespace nk
