// The app finds its texts next to its own binary, wherever that binary is and whatever
// the working directory: installed (<prefix>/bin + <prefix>/share/netwerkkaart), with
// NK_ASSETS_DIR as the override (app/asset_dir.hpp). The build tree's layout (assets/
// next to the binary) is what every other app test runs with.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

#include "app_runner.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";
const fs::path kLang = fs::path(NK_TEST_DATA) / ".." / ".." / "assets" / "lang";

// A copy of the app's Dutch texts in `dir`/lang with the report's title changed to
// "<marker> {}", so a report shows which copy the app read.
void write_texts(const fs::path& dir, const std::string& marker) {
    fs::create_directories(dir / "lang");
    for (const char* f : {"nl.txt", "nl-method.txt", "nl-report.txt"})
        fs::copy_file(kLang / f, dir / "lang" / f, fs::copy_options::overwrite_existing);
    std::string report = read_file((dir / "lang" / "nl-report.txt").string());
    const auto at = report.find("\nreport.title = ");
    ASSERT_NE(at, std::string::npos);
    const auto end = report.find('\n', at + 1);
    report.replace(at + 1, end - at - 1, "report.title = " + marker + " {}");
    write_file((dir / "lang" / "nl-report.txt").string(), report);
}

// The app copied to <root>/bin/netwerkkaart, as a package installs it.
std::string install_binary(const fs::path& root) {
    fs::create_directories(root / "bin");
    fs::copy_file(NK_APP_PATH, root / "bin" / "netwerkkaart");
    return (root / "bin" / "netwerkkaart").string();
}

// Runs `bin --export <root>/out` on board-25 from the working directory `root`, without
// the test's NK_ASSETS_DIR unless `assets_env` is given; returns the exit code and output.
RunResult export_board(const std::string& bin, const fs::path& root, const std::string& assets_env = "") {
    std::string cmd = "cd '" + root.string() + "' && env -u NK_ASSETS_DIR ";
    if (!assets_env.empty()) cmd += "NK_ASSETS_DIR='" + assets_env + "' ";
    cmd += "SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1 timeout -k 5 120 '" + bin + "' '" + kBoard25 +
           "' --data-dir data --export out 2>&1";
    RunResult r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string report_html(const fs::path& out) {
    for (const auto& f : fs::directory_iterator(out))
        if (f.path().extension() == ".html") return read_file(f.path().string());
    return "";
}

TEST(AssetDir, AnInstalledBinaryReadsTheTextsInShareBesideItsBinDirectory) {
    TempDir dir;
    const fs::path root = dir.path();
    write_texts(root / "share" / "netwerkkaart", "Kaart uit share van");
    const RunResult r = export_board(install_binary(root), root);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string html = report_html(root / "out");
    EXPECT_NE(html.find("Kaart uit share van"), std::string::npos);
    EXPECT_EQ(html.find("report.title"), std::string::npos);  // no text key left bare
}

TEST(AssetDir, NkAssetsDirOverridesTheInstalledTexts) {
    TempDir dir;
    const fs::path root = dir.path();
    write_texts(root / "share" / "netwerkkaart", "Kaart uit share van");
    write_texts(root / "eigen-teksten", "Kaart met eigen teksten van");
    const RunResult r = export_board(install_binary(root), root, (root / "eigen-teksten").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string html = report_html(root / "out");
    EXPECT_NE(html.find("Kaart met eigen teksten van"), std::string::npos);
    EXPECT_EQ(html.find("Kaart uit share van"), std::string::npos);
}

TEST(AssetDir, WithoutTextsItSaysWhereItLookedAndStillExports) {
    TempDir dir;
    const fs::path root = dir.path();
    const RunResult r = export_board(install_binary(root), root);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("no texts found in " + (root / "share" / "netwerkkaart").string()), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("NK_ASSETS_DIR"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace nk::test
