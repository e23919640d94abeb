// Keeping the result: --export writes the image (which reopens as the board), the report
// and the data files, never over an earlier file; bad inputs change nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "app_runner.hpp"
#include "board_file.hpp"
#include "export_set.hpp"
#include "png_chunk.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
const std::string kV2 = std::string(NK_TEST_DATA) + "/board-v2.json";

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& f : fs::directory_iterator(dir)) out.push_back(f.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(Export, WritesEveryFileAndTheImageReopensAsTheSameBoard) {
    TempDir dir;
    const RunResult r = run_app({kV2, "--export", dir.file("out")}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto files = files_in(dir.file("out"));
    ASSERT_EQ(files.size(), 6u);
    std::string png, html;
    for (const auto& f : files) {
        EXPECT_EQ(f.rfind("2025-09-23 Gemeentelijke Basisschool", 0), 0u) << f;
        if (f.ends_with(".png")) png = dir.file("out/" + f);
        if (f.ends_with(".html")) html = read_file(dir.file("out/" + f));
    }
    const Png img = read_png(png);
    EXPECT_EQ(img.w, 3840);
    EXPECT_EQ(img.h, 2160);
    // The image carries the board: it loads back to the very board that was exported.
    auto back = load_board_file(png);
    ASSERT_TRUE(std::holds_alternative<LoadedBoard>(back));
    auto orig = load_board_file(kV2);
    EXPECT_EQ(std::get<LoadedBoard>(back).doc, std::get<LoadedBoard>(orig).doc);
    // The report is self-contained: the image inline, no address to fetch.
    EXPECT_NE(html.find("data:image/png;base64,"), std::string::npos);
    EXPECT_EQ(html.find("http://"), std::string::npos);
    EXPECT_EQ(html.find("https://"), std::string::npos);
    // A second export never overwrites the first.
    const RunResult again = run_app({kV2, "--export", dir.file("out")}, dir.file("data"));
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_EQ(files_in(dir.file("out")).size(), 12u);
}

TEST(Export, TheAnonymousVariantHoldsNoNamesOrNotes) {
    TempDir dir;
    const Document d = load_board(kV2);
    ASSERT_FALSE(d.participants.empty());
    ASSERT_FALSE(d.notes.empty());
    const RunResult r = run_app({kV2, "--export", dir.file("out"), "--anonymous"}, dir.file("data"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const auto& f : files_in(dir.file("out"))) {
        EXPECT_NE(f.find("anoniem"), std::string::npos) << f;
        std::string text = read_file(dir.file("out/" + f));
        // An image embedded in base64 is letters at random: a name found there is chance.
        for (size_t at = text.find("base64,"); at != std::string::npos; at = text.find("base64,", at + 1))
            text.erase(at, text.find('"', at) - at);
        for (const Participant& p : d.participants) {
            if (p.name.size() <= 2) continue;
            EXPECT_EQ(text.find(p.name), std::string::npos) << p.name << " in " << f;
        }
        for (const CardNote& n : d.notes) EXPECT_EQ(text.find(n.text), std::string::npos) << "a note in " << f;
    }
}

TEST(Export, AnImageWithoutAMapOrANewerBoardGivesAClearMessageAndChangesNothing) {
    TempDir dir;
    // An image without a board inside: a photo from a camera or another program (every
    // map image Netwerkkaart writes carries its board; photo_test.cpp).
    ASSERT_TRUE(write_plain_png(dir.file("plain.png"), 320, 200));
    const std::string before = read_file(dir.file("plain.png"));
    RunResult r = run_app({dir.file("plain.png"), "--export", dir.file("out")}, dir.file("data"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("bevat geen netwerkkaart"), std::string::npos) << r.output;
    EXPECT_EQ(read_file(dir.file("plain.png")), before);
    EXPECT_FALSE(fs::exists(dir.file("out")) && !files_in(dir.file("out")).empty());
    // A map image whose board chunk holds garbage, and one whose board comes from a newer
    // Netwerkkaart: each a plain message, the image untouched, nothing exported.
    const std::string plain = read_file(dir.file("plain.png"));
    write_file(dir.file("garbage.png"), add_itxt(plain, kPngBoardKeyword, "{\"partners\": [1, 2, <<<not a board"));
    const std::string newer_board = "{\"format_version\": 99, \"school\": \"De Linde\", \"partners\": []}";
    write_file(dir.file("newer.png"), add_itxt(plain, kPngBoardKeyword, newer_board));
    for (const auto& [file, says] : {std::pair<std::string, std::string>{"garbage.png", "geen netwerkkaart"},
                                     std::pair<std::string, std::string>{"newer.png", "nieuwere versie"}}) {
        const std::string image = read_file(dir.file(file));
        r = run_app({dir.file(file), "--export", dir.file("out-" + file)}, dir.file("data"));
        EXPECT_NE(r.exit_code, 0) << file;
        EXPECT_NE(r.output.find(says), std::string::npos) << file << ": " << r.output;
        EXPECT_EQ(read_file(dir.file(file)), image) << file;
        EXPECT_FALSE(fs::exists(dir.file("out-" + file)) && !files_in(dir.file("out-" + file)).empty()) << file;
    }
    // A folder that cannot be written: a message, no crash.
    write_file(dir.file("blocked"), "a file where the folder should be");
    r = run_app({kV2, "--export", dir.file("blocked/out")}, dir.file("data"));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.output.find("kan niet gemaakt worden"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace nk::test
