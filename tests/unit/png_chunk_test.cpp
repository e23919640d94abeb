// The iTXt chunk that carries a board inside a snapshot PNG: writing, finding, and
// damaged or hostile files.
#include "png_chunk.hpp"

#include <gtest/gtest.h>

#include <random>

namespace nk {
namespace {

std::string be32(std::uint32_t v) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 0xFFu));
    return s;
}

std::string chunk(std::string_view type, std::string_view data) {
    std::string body = std::string(type) + std::string(data);
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc32(body));
}

const std::string kSig("\x89PNG\r\n\x1a\n", 8);

// A real 1x1 grey PNG: IHDR, one IDAT (a zlib stream with one stored block: filter byte
// 0 and one pixel 0; Adler-32 0x00020001), IEND.
std::string tiny_png() {
    const std::string ihdr = be32(1) + be32(1) + std::string("\x08\x00\x00\x00\x00", 5);
    const std::string idat("\x78\x01\x01\x02\x00\xfd\xff\x00\x00\x00\x02\x00\x01", 13);
    return kSig + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", "");
}

// The smallest well-formed chunk stream: IHDR and IEND only.
std::string bare_png() {
    return kSig + chunk("IHDR", be32(1) + be32(1) + std::string("\x08\x00\x00\x00\x00", 5)) + chunk("IEND", "");
}

PngChunkErrorKind error_of(const std::variant<std::string, PngChunkError>& r) {
    if (auto* e = std::get_if<PngChunkError>(&r)) return e->kind;
    ADD_FAILURE() << "read text: " << std::get<std::string>(r).substr(0, 80);
    return PngChunkErrorKind::NoChunk;
}

std::string text_of(const std::variant<std::string, PngChunkError>& r) {
    if (auto* e = std::get_if<PngChunkError>(&r)) {
        ADD_FAILURE() << "error: " << e->detail;
        return {};
    }
    return std::get<std::string>(r);
}

const std::string kBoard = "{\n    \"school\": \"Basisschool ’t Zonneke — Ü 🌳\",\n    \"x\": [1, 2]\n}\n";

TEST(PngChunk, Crc32KnownValues) {
    EXPECT_EQ(crc32("123456789"), 0xCBF43926u);
    EXPECT_EQ(crc32("IEND"), 0xAE426082u);  // every PNG ends in these bytes
    EXPECT_EQ(crc32(""), 0u);
    EXPECT_EQ(crc32("6789", crc32("12345")), 0xCBF43926u);
}

TEST(PngChunk, RoundTrip) {
    for (const std::string& png : {tiny_png(), bare_png()}) {
        const std::string out = add_itxt(png, "netwerkkaart", kBoard);
        ASSERT_FALSE(out.empty());
        EXPECT_EQ(text_of(read_itxt(out, "netwerkkaart")), kBoard);
        // Inserted just before IEND; everything before stays as it was.
        EXPECT_EQ(out.substr(0, png.size() - 12), png.substr(0, png.size() - 12));
        EXPECT_TRUE(out.ends_with(chunk("IEND", "")));
        // The exact chunk layout: keyword NUL, flag 0, method 0, empty language, empty
        // translated keyword, text.
        const std::string expected = chunk("iTXt", std::string("netwerkkaart\0\0\0\0\0", 17) + kBoard);
        EXPECT_EQ(out.substr(png.size() - 12, expected.size()), expected);
    }
    EXPECT_EQ(text_of(read_itxt(add_itxt(tiny_png(), "netwerkkaart", ""), "netwerkkaart")), "");
}

TEST(PngChunk, AddingAgainReplaces) {
    const std::string once = add_itxt(tiny_png(), "netwerkkaart", "old");
    const std::string twice = add_itxt(once, "netwerkkaart", "new");
    EXPECT_EQ(text_of(read_itxt(twice, "netwerkkaart")), "new");
    EXPECT_EQ(twice.size(), once.size());
    // Another keyword is kept alongside.
    const std::string both = add_itxt(twice, "Comment", "hallo");
    EXPECT_EQ(text_of(read_itxt(both, "netwerkkaart")), "new");
    EXPECT_EQ(text_of(read_itxt(both, "Comment")), "hallo");
}

TEST(PngChunk, WithoutTheChunkIsNoChunk) {
    EXPECT_EQ(error_of(read_itxt(tiny_png(), "netwerkkaart")), PngChunkErrorKind::NoChunk);
    EXPECT_EQ(error_of(read_itxt(add_itxt(tiny_png(), "Comment", "x"), "netwerkkaart")), PngChunkErrorKind::NoChunk);
    // A tEXt chunk with the keyword is not the board.
    std::string png = tiny_png();
    png.insert(png.size() - 12, chunk("tEXt", std::string("netwerkkaart\0plain", 18)));
    EXPECT_EQ(error_of(read_itxt(png, "netwerkkaart")), PngChunkErrorKind::NoChunk);
    // A keyword is matched whole, not as a prefix.
    EXPECT_EQ(error_of(read_itxt(add_itxt(tiny_png(), "netwerkkaart2", "x"), "netwerkkaart")),
              PngChunkErrorKind::NoChunk);
}

TEST(PngChunk, NotAPng) {
    EXPECT_EQ(error_of(read_itxt("", "netwerkkaart")), PngChunkErrorKind::NotPng);
    EXPECT_EQ(error_of(read_itxt("GIF89a", "netwerkkaart")), PngChunkErrorKind::NotPng);
    EXPECT_EQ(error_of(read_itxt(kBoard, "netwerkkaart")), PngChunkErrorKind::NotPng);
    // A signature followed by something other than IHDR.
    EXPECT_EQ(error_of(read_itxt(kSig + chunk("IEND", ""), "netwerkkaart")), PngChunkErrorKind::NotPng);
    EXPECT_TRUE(add_itxt("not a png", "netwerkkaart", "x").empty());
}

TEST(PngChunk, BadCrcIsDamaged) {
    const std::string good = add_itxt(tiny_png(), "netwerkkaart", kBoard);
    const size_t chunk_at = tiny_png().size() - 12;
    // Every byte of the iTXt chunk's type, data and CRC.
    for (size_t i = chunk_at + 4; i < good.size() - 12; ++i) {
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        EXPECT_EQ(error_of(read_itxt(bad, "netwerkkaart")), PngChunkErrorKind::Damaged) << "byte " << i;
    }
    // A bad CRC in an earlier chunk too.
    std::string bad = good;
    bad[8 + 8 + 13] ^= 0x40;  // IHDR's CRC
    EXPECT_EQ(error_of(read_itxt(bad, "netwerkkaart")), PngChunkErrorKind::Damaged);
    EXPECT_TRUE(add_itxt(bad, "netwerkkaart", "x").empty());
}

TEST(PngChunk, TruncatedAtEveryByteNeverCrashes) {
    const std::string full = add_itxt(tiny_png(), "netwerkkaart", kBoard);
    const size_t chunk_end = full.size() - 12;  // IEND follows the iTXt chunk
    for (size_t n = 0; n < full.size(); ++n) {
        const std::string cut = full.substr(0, n);
        auto r = read_itxt(cut, "netwerkkaart");
        if (n >= chunk_end) {
            // Cut inside IEND: the board chunk is whole and checked.
            EXPECT_EQ(text_of(r), kBoard) << n;
        } else {
            ASSERT_TRUE(std::holds_alternative<PngChunkError>(r)) << n;
            const auto kind = std::get<PngChunkError>(r).kind;
            EXPECT_TRUE(kind == PngChunkErrorKind::Damaged || kind == PngChunkErrorKind::NotPng) << n;
            if (n >= 8) {
                EXPECT_EQ(kind, PngChunkErrorKind::Damaged) << n;
            }
        }
        EXPECT_TRUE(add_itxt(cut, "netwerkkaart", "x").empty()) << n;  // needs IEND
    }
}

TEST(PngChunk, LengthsPastTheFileOrTheLimit) {
    std::string png = tiny_png();
    const size_t idat = 8 + 25;
    std::string longer = png;
    longer.replace(idat, 4, be32(1000));
    EXPECT_EQ(error_of(read_itxt(longer, "netwerkkaart")), PngChunkErrorKind::Damaged);
    std::string huge = png;
    huge.replace(idat, 4, be32(0xFFFFFFFFu));
    EXPECT_EQ(error_of(read_itxt(huge, "netwerkkaart")), PngChunkErrorKind::TooLarge);
    huge.replace(idat, 4, be32(static_cast<std::uint32_t>(kMaxPngChunkBytes + 1)));
    EXPECT_EQ(error_of(read_itxt(huge, "netwerkkaart")), PngChunkErrorKind::TooLarge);
}

TEST(PngChunk, CompressedIsNotSupported) {
    std::string png = tiny_png();
    png.insert(png.size() - 12, chunk("iTXt", std::string("netwerkkaart\0\x01\0\0\0xx", 19)));
    const auto r = read_itxt(png, "netwerkkaart");
    EXPECT_EQ(error_of(r), PngChunkErrorKind::Compressed);
    EXPECT_NE(std::get<PngChunkError>(r).detail.find("compressed chunk not supported"), std::string::npos);
    std::string z = tiny_png();
    z.insert(z.size() - 12, chunk("zTXt", std::string("netwerkkaart\0\0xx", 16)));
    EXPECT_EQ(error_of(read_itxt(z, "netwerkkaart")), PngChunkErrorKind::Compressed);
}

TEST(PngChunk, MalformedHeaderIsDamaged) {
    for (const std::string& data : {std::string("netwerkkaart\0", 13), std::string("netwerkkaart\0\0\0nl", 17),
                                   std::string("netwerkkaart\0\0\0nl\0", 18), std::string("netwerkkaart\0\0\x07\0\0x", 18)}) {
        std::string png = tiny_png();
        png.insert(png.size() - 12, chunk("iTXt", data));
        EXPECT_EQ(error_of(read_itxt(png, "netwerkkaart")), PngChunkErrorKind::Damaged) << data.size();
    }
    // A language tag and translated keyword written by another program are skipped.
    std::string png = tiny_png();
    png.insert(png.size() - 12, chunk("iTXt", std::string("netwerkkaart\0\0\0nl-BE\0Netwerkkaart\0tekst", 39)));
    EXPECT_EQ(text_of(read_itxt(png, "netwerkkaart")), "tekst");
}

TEST(PngChunk, BytesAfterIendAreIgnoredAndKept) {
    const std::string png = tiny_png() + "trailing junk";
    const std::string out = add_itxt(png, "netwerkkaart", "t");
    EXPECT_TRUE(out.ends_with("trailing junk"));
    EXPECT_EQ(text_of(read_itxt(out, "netwerkkaart")), "t");
}

TEST(PngChunk, Keywords) {
    EXPECT_TRUE(valid_png_keyword("netwerkkaart"));
    EXPECT_TRUE(valid_png_keyword("Net werk"));
    EXPECT_TRUE(valid_png_keyword(std::string(79, 'k')));
    EXPECT_FALSE(valid_png_keyword(std::string(80, 'k')));
    EXPECT_FALSE(valid_png_keyword(""));
    EXPECT_FALSE(valid_png_keyword(" net"));
    EXPECT_FALSE(valid_png_keyword("net "));
    EXPECT_FALSE(valid_png_keyword("net  werk"));
    EXPECT_FALSE(valid_png_keyword(std::string("net\0werk", 8)));
    EXPECT_FALSE(valid_png_keyword("net\nwerk"));
    EXPECT_TRUE(add_itxt(tiny_png(), "", "x").empty());
    EXPECT_TRUE(add_itxt(tiny_png(), "a\tb", "x").empty());
}

TEST(PngChunk, RandomDamageNeverCrashes) {
    const std::string good = add_itxt(tiny_png(), "netwerkkaart", kBoard);
    std::mt19937 rng(1234);
    for (int round = 0; round < 5000; ++round) {
        std::string bad = good;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rng() % bad.size();
            switch (rng() % 3) {
                case 0: bad[at] = static_cast<char>(rng()); break;
                case 1: bad.erase(at, 1 + rng() % 8); break;
                default: bad.insert(at, std::string(1 + rng() % 8, static_cast<char>(rng()))); break;
            }
            if (bad.empty()) bad = "x";
        }
        auto r = read_itxt(bad, "netwerkkaart");
        if (auto* t = std::get_if<std::string>(&r)) {
            EXPECT_EQ(*t, kBoard) << round;  // CRC-checked: never garbage
        }
        (void)add_itxt(bad, "netwerkkaart", "y");
    }
}

}  // namespace
}  // namespace nk
