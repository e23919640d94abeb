// libFuzzer target for the PNG text-chunk reader and writer (core/files/png_chunk.hpp), with
// which a snapshot PNG carries its board file. Built only when core/files/png_chunk.hpp exists.
//
// The input is the PNG's bytes, checked as it is and with its chunk CRCs made right
// (with_fixed_crcs). Beyond "never crashes, never reads out of bounds":
//  * read_itxt() gives the text or an error of a known kind, whatever the bytes;
//  * add_itxt() either refuses (empty result) or gives a PNG from which read_itxt()
//    returns exactly the text added, and adding the same chunk again changes nothing
//    (text chunks with the keyword are replaced, not piled up);
//  * when add_itxt() accepts the input (a sound chunk stream up to IEND), read_itxt()
//    on the input does not call it NotPng or TooLarge.
//
// The property check is a plain function, check_png(), so that
// tests/unit/fuzz_regressions_test.cpp runs the very same check on every crash found
// (it includes this file with NK_FUZZ_NO_ENTRY_POINT defined).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "png_chunk.hpp"

namespace nk::fuzz {

// `png` with every chunk's CRC made right, as far as the lengths hold. Random mutations
// almost never keep a CRC valid, so without this the fuzzer would hardly get past the
// first damaged chunk; each input is checked both as it is and with its CRCs fixed.
inline std::string with_fixed_crcs(std::string_view png) {
    std::string out(png);
    std::size_t at = 8;  // after the signature (whatever it is)
    while (out.size() >= 12 && at <= out.size() - 12) {
        const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(out[i])); };
        const std::uint32_t length = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
        if (length > out.size() - at - 12) break;
        const std::uint32_t crc = crc32(std::string_view(out).substr(at + 4, 4 + std::size_t{length}));
        for (int k = 0; k < 4; ++k)
            out[at + 8 + length + static_cast<std::size_t>(k)] = static_cast<char>((crc >> (24 - 8 * k)) & 0xFFu);
        at += 12 + std::size_t{length};
    }
    return out;
}

inline std::string check_png(std::string_view png) {
    // The board's keyword, and a second one whose text the input may already carry.
    for (std::string_view keyword : {std::string_view("netwerkkaart"), std::string_view("Comment")}) {
        const auto read = read_itxt(png, keyword);
        if (const auto* err = std::get_if<PngChunkError>(&read)) {
            switch (err->kind) {
            case PngChunkErrorKind::NotPng:
            case PngChunkErrorKind::Damaged:
            case PngChunkErrorKind::TooLarge:
            case PngChunkErrorKind::NoChunk:
            case PngChunkErrorKind::Compressed:
                break;
            default:
                return "read_itxt gave an unknown error kind";
            }
        } else if (std::get<std::string>(read).size() > png.size()) {
            return "read_itxt returned more text than the file holds";
        }

        const std::string text = R"({"format_version":1,"school":"De Linde \u00e9"})";
        const std::string added = add_itxt(png, keyword, text);
        if (added.empty()) continue;
        if (const auto* err = std::get_if<PngChunkError>(&read);
            err && (err->kind == PngChunkErrorKind::NotPng || err->kind == PngChunkErrorKind::TooLarge))
            return "add_itxt accepts a file that read_itxt calls " +
                   std::string(err->kind == PngChunkErrorKind::NotPng ? "NotPng" : "TooLarge") + ": " + err->detail;
        const auto back = read_itxt(added, keyword);
        if (const auto* err = std::get_if<PngChunkError>(&back))
            return "the chunk just added does not read back: " + err->detail;
        if (std::get<std::string>(back) != text) return "the chunk just added reads back another text";
        if (add_itxt(added, keyword, text) != added) return "adding the same chunk twice changes the file";
    }
    return {};
}

}  // namespace nk::fuzz

#ifndef NK_FUZZ_NO_ENTRY_POINT
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view png(reinterpret_cast<const char*>(data), size);
    std::string problem = nk::fuzz::check_png(png);
    if (problem.empty()) problem = nk::fuzz::check_png(nk::fuzz::with_fixed_crcs(png));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_png: %s\n", problem.c_str());
        std::abort();  // libFuzzer saves the input as crash-*
    }
    return 0;
}
#endif
