// The board file: hostile input that is refused (errors say what and where), random
// damage, caps on size, depth and lists, and reading files from disk.
// Helpers in board_file_test_support.hpp; the other parts: board_file_*_test.cpp.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "board_file_test_support.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

using namespace board_file_test;

// ---- refused input -------------------------------------------------------------------------

TEST(BoardFile, EmptyAndWhitespaceAreEmpty) {
    EXPECT_EQ(refused("").kind, LoadErrorKind::Empty);
    EXPECT_EQ(refused(" \n\t\r\n ").kind, LoadErrorKind::Empty);
    EXPECT_EQ(refused("\xEF\xBB\xBF \n").kind, LoadErrorKind::Empty);
}

TEST(BoardFile, GarbageIsNotJson) {
    EXPECT_EQ(refused("hello").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused("{\"format_version\":1,}").kind, LoadErrorKind::NotJson);  // trailing comma
    EXPECT_EQ(refused("{\"partners\":[]} trailing").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused(std::string("{\"partners\":[]}\0{", 17)).kind, LoadErrorKind::NotJson);  // NUL byte
    std::mt19937 rng(12345);
    for (int i = 0; i < 200; ++i) {
        std::string bytes(1 + rng() % 300, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        EXPECT_TRUE(std::holds_alternative<LoadError>(parse_board(bytes)));
    }
}

TEST(BoardFile, ErrorsSayWhere) {
    const LoadError e = refused("{\"partners\": [1, 2,, 3]}");
    EXPECT_EQ(e.kind, LoadErrorKind::NotJson);
    EXPECT_NE(e.detail.find("offset 19"), std::string::npos) << e.detail;
}

TEST(BoardFile, NonObjectsAndForeignObjectsAreNotBoards) {
    EXPECT_EQ(refused("[1, 2, 3]").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("\"board\"").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("42").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("null").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused("{}").kind, LoadErrorKind::NotABoard);
    EXPECT_EQ(refused(R"({"name": "package.json", "version": "1.0"})").kind, LoadErrorKind::NotABoard);
}

TEST(BoardFile, NewerVersionIsRefusedWithItsNumber) {
    const LoadError e = refused(R"({"format_version": 99, "partners": [], "something_new": {"a": 1}})");
    EXPECT_EQ(e.kind, LoadErrorKind::NewerVersion);
    EXPECT_EQ(e.version, 99);
    EXPECT_EQ(refused(R"({"format_version": 4, "partners": []})").version, 4);
    EXPECT_EQ(refused(R"({"format_version": 3.5})").version, 4);
    const LoadError next = refused(R"({"format_version": 4, "partners": []})");
    EXPECT_EQ(next.kind, LoadErrorKind::NewerVersion);
    EXPECT_NE(next.detail.find("newer than 3"), std::string::npos) << next.detail;
}

// Every version up to kFormatVersion reads without a remark; other numbers are read, reported.
TEST(BoardFile, KnownVersionsReadQuietly) {
    static_assert(kFormatVersion == 3);
    for (int v = 1; v <= kFormatVersion; ++v) {
        const LoadedBoard b = ok(R"({"format_version":)" + std::to_string(v) +
                                 R"(,"school":"S","date":"","phase":"0","participants":[],"partners":[],)"
                                 R"("links":[],"priorities":[]})");
        EXPECT_TRUE(b.repairs.empty()) << "version " << v << "\n" << dump(b.repairs);
    }
    for (const char* v : {"0", "-1", "1.5", "\"2\""})
        EXPECT_TRUE(mentions(ok(std::string(R"({"format_version":)") + v + R"(,"partners":[]})").repairs,
                             "format_version"))
            << v;
}

TEST(BoardFile, TruncatedGoldenFilesNeverCrash) {
    for (const std::string& golden : {kGoldenV1, kGoldenV2, kGoldenV3}) {
        const std::string bytes = read_all(golden);
        ASSERT_GT(bytes.size(), 1000u) << golden;
        for (size_t n = 0; n < bytes.size(); ++n) {
            auto r = parse_board(std::string_view(bytes).substr(0, n));
            if (auto* b = std::get_if<LoadedBoard>(&r)) {
                EXPECT_TRUE(invariant_violations(b->doc).empty()) << golden << " cut at " << n;
                EXPECT_GE(n, bytes.size() - 1) << golden << ": only the final newline may be cut";
            }
        }
    }
}

// Random edits of the rich document's file and of both golden files: each gives an error
// or a board that keeps every invariant and round-trips, and enough of them load to
// exercise the repairs.
class MutatedFiles : public ::testing::TestWithParam<int> {};

TEST_P(MutatedFiles, GiveAnErrorOrAValidBoard) {
    const std::string golden = GetParam() == 0   ? serialize_board(rich_document())
                               : GetParam() == 1 ? read_all(kGoldenV1)
                                                 : read_all(kGoldenV2);
    ASSERT_FALSE(golden.empty());
    const char tokens[] = "{}[],:\"\\0123456789.eE-+ aztfnul\xC3\xA9\xFF\x80";
    std::mt19937 rng(2024u + static_cast<unsigned>(GetParam()));
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string bytes = golden;
        for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) {
            const size_t at = rng() % bytes.size();
            const char c = tokens[rng() % (sizeof tokens - 1)];
            switch (rng() % 3) {
                case 0: bytes[at] = c; break;
                case 1: bytes.insert(at, 1, c); break;
                default: bytes.erase(at, 1 + rng() % 8); break;
            }
        }
        auto r = parse_board(bytes);
        if (auto* b = std::get_if<LoadedBoard>(&r)) {
            ++accepted;
            ASSERT_TRUE(invariant_violations(b->doc).empty()) << bytes;
            // What was loaded is saved and read back unchanged, without repairs.
            const LoadedBoard back = ok(serialize_board(b->doc));
            ASSERT_EQ(back.doc, b->doc) << bytes;
            ASSERT_TRUE(back.repairs.empty()) << bytes << "\n" << dump(back.repairs);
        }
    }
    EXPECT_GT(accepted, 100);  // the test also exercises the repairs, not only the parser
}

INSTANTIATE_TEST_SUITE_P(BoardFile, MutatedFiles, ::testing::Values(0, 1, 2),
                         [](const ::testing::TestParamInfo<int>& i) {
                             return i.param == 0 ? std::string("RichDocument")
                                                 : "GoldenV" + std::to_string(i.param);
                         });

TEST(BoardFile, DeepNestingIsTooDeepAndQuick) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(refused(std::string(100'000, '[')).kind, LoadErrorKind::TooDeep);
    EXPECT_EQ(refused(std::string(100'000, '[') + std::string(100'000, ']')).kind, LoadErrorKind::TooDeep);
    std::string objects;
    for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
    EXPECT_EQ(refused(objects).kind, LoadErrorKind::TooDeep);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(BoardFile, NestingUpToTheCapIsRead) {
    // The root object is level 1, so an unknown field may nest kMaxJsonDepth - 1 levels.
    const int inner = kMaxJsonDepth - 1;
    const std::string deep = std::string(static_cast<size_t>(inner), '[') + std::string(static_cast<size_t>(inner), ']');
    EXPECT_TRUE(ok(R"({"format_version":1,"future":)" + deep + "}").doc.partners.empty());
    const std::string deeper = "[" + deep + "]";
    EXPECT_EQ(refused(R"({"format_version":1,"future":)" + deeper + "}").kind, LoadErrorKind::TooDeep);
}

TEST(BoardFile, HugeInputIsTooLarge) {
    std::string big(100u << 20, 'a');  // 100 MB
    big.front() = '"';
    big.back() = '"';
    EXPECT_EQ(refused(big).kind, LoadErrorKind::TooLarge);
}

TEST(BoardFile, TooManyValuesIsTooLarge) {
    std::string zeros = R"({"format_version":1,"future":[0)";
    zeros.reserve(2 * kMaxJsonValues + 64);
    for (size_t i = 0; i < kMaxJsonValues; ++i) zeros += ",0";
    zeros += "]}";
    ASSERT_LT(zeros.size(), kMaxFileBytes);
    const LoadError e = refused(zeros);
    EXPECT_EQ(e.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(e.detail.find("JSON values"), std::string::npos) << e.detail;
}

TEST(BoardFile, ListsPastTheirCapsAreTooLarge) {
    std::string links = "[{}";
    for (size_t i = 0; i < kMaxListLength; ++i) links += ",{}";
    links += "]";
    EXPECT_EQ(refused(board_json("[]", links)).kind, LoadErrorKind::TooLarge);

    std::string stroke = "[[0,0]";
    for (size_t i = 0; i < kMaxStrokePoints; ++i) stroke += ",[1,1]";
    stroke += "]";
    const std::string prio = R"([{"participant":1,"partner":1,"stroke":)" + stroke + "}]";
    const LoadError e = refused(board_json("[" + partner_json(1) + "]", "[]", prio));
    EXPECT_EQ(e.kind, LoadErrorKind::TooLarge);
    EXPECT_NE(e.detail.find("stroke"), std::string::npos) << e.detail;
}

TEST(BoardFile, NanAndInfinityTokensAreNotJson) {
    for (const char* v : {"NaN", "Infinity", "-Infinity", "nan", "inf"}) {
        const std::string json = R"({"format_version":1,"partners":[{"id":1,"x":)" + std::string(v) + R"(,"y":0}]})";
        EXPECT_EQ(refused(json).kind, LoadErrorKind::NotJson) << v;
    }
}

// 1e400 is refused as malformed (rapidjson: "number too big"); numbers that slip just
// past DBL_MAX become infinite and are repaired; numbers too small to represent become 0.
TEST(BoardFile, HugeAndTinyNumbers) {
    EXPECT_EQ(refused(R"({"format_version":1,"partners":[{"id":1,"x":1e400,"y":0}]})").kind, LoadErrorKind::NotJson);
    EXPECT_EQ(refused(R"({"format_version":1,"partners":[{"id":1,"x":-1e400,"y":0}]})").kind, LoadErrorKind::NotJson);

    // 1.8e308 passes rapidjson's own range check but is past DBL_MAX.
    const LoadedBoard b = ok(R"({"format_version":1,"partners":[{"id":1,"x":1.8e308,"y":0,"ring":0}]})");
    ASSERT_EQ(b.doc.partners.size(), 1u);
    EXPECT_TRUE(std::isfinite(b.doc.partners[0].x));
    EXPECT_EQ(b.doc.partners[0].ring, 0);  // moved to the parking lane
    EXPECT_TRUE(mentions(b.repairs, "non-finite")) << dump(b.repairs);

    const LoadedBoard tiny = ok(R"({"format_version":1,"partners":[{"id":1,"x":1e-400,"y":-0.5e-999,"ring":1}]})");
    ASSERT_EQ(tiny.doc.partners.size(), 1u);
    EXPECT_EQ(tiny.doc.partners[0].x, 0);
    EXPECT_EQ(tiny.doc.partners[0].y, 0);
}

// ---- reading files -------------------------------------------------------------------------

TEST(BoardFile, MissingFileIsUnreadable) {
    auto r = load_board_file("/nonexistent/dir/board.json");
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::Unreadable);
    EXPECT_NE(std::get<LoadError>(r).detail.find("/nonexistent/dir/board.json"), std::string::npos);
}

TEST(BoardFile, DirectoryIsUnreadable) {
    auto r = load_board_file(NK_TEST_DATA);
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::Unreadable);
}

TEST(BoardFile, HugeFileIsTooLargeWithoutReadingItAll) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("nk_board_file_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                       "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".json");
    { std::ofstream(path) << "{"; }
    std::filesystem::resize_file(path, 100u << 20);  // sparse: costs no disk
    auto r = load_board_file(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(std::holds_alternative<LoadError>(r));
    EXPECT_EQ(std::get<LoadError>(r).kind, LoadErrorKind::TooLarge);
    if (std::filesystem::exists("/dev/zero")) {
        auto z = load_board_file("/dev/zero");
        ASSERT_TRUE(std::holds_alternative<LoadError>(z));
        EXPECT_EQ(std::get<LoadError>(z).kind, LoadErrorKind::TooLarge);
    }
}

}  // namespace
}  // namespace nk
