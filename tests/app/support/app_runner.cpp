#include "app_runner.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "board_file.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#include <stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>

namespace nk::test {
namespace fs = std::filesystem;

namespace {
std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
}  // namespace

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "nk-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!path_.empty() && !std::getenv("NK_KEEP_TEST_FILES")) fs::remove_all(path_, ec);
}

RunResult run_app(const std::vector<std::string>& args, const std::string& data_dir, int timeout_s, bool offscreen) {
    bool snapshot_only = offscreen;
    for (const auto& a : args) snapshot_only |= a == "--snapshot" || a == "--export";
    // The app's own exit code goes to a file: xvfb-run sometimes replaces it with its own
    // (5, "problem while cleaning up temporary directory") after the app has finished.
    const std::string code_file = data_dir + ".exit-code";
    std::error_code ec;
    fs::remove(code_file, ec);
    std::string inner = "LIBGL_ALWAYS_SOFTWARE=1 " + quote(NK_APP_PATH) + " --data-dir " + quote(data_dir);
    for (const auto& a : args) inner += " " + quote(a);
    inner += "; echo $? > " + quote(code_file);
    std::string cmd = "timeout -k 5 " + std::to_string(timeout_s) + " ";
    if (snapshot_only) cmd += "env SDL_VIDEODRIVER=offscreen ";
    else cmd += "xvfb-run -a -s '-screen 0 1920x1080x24' env SDL_VIDEODRIVER=x11 ";
    cmd += "sh -c " + quote(inner) + " 2>&1";
    RunResult r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (r.exit_code == 124 || r.exit_code == 137) r.exit_code = -1;  // timed out
    const std::string code = read_file(code_file);
    if (!code.empty() && r.exit_code != -1) r.exit_code = std::atoi(code.c_str());
    fs::remove(code_file, ec);
    return r;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Document load_board(const std::string& path) {
    auto r = load_board_file(path);
    if (auto* e = std::get_if<LoadError>(&r)) {
        ADD_FAILURE() << "cannot load " << path << ": " << e->detail;
        return {};
    }
    return std::get<LoadedBoard>(r).doc;
}

Png::Rgba Png::at(int x, int y) const {
    if (x < 0 || y < 0 || x >= w || y >= h) return {0, 0, 0, 0};
    const uint8_t* p = rgba.data() + (size_t(y) * size_t(w) + size_t(x)) * 4;
    return {p[0], p[1], p[2], p[3]};
}

Png::Rgba Png::mean(int x, int y, int r) const {
    long s[4] = {0, 0, 0, 0}, n = 0;
    for (int yy = y - r; yy <= y + r; ++yy)
        for (int xx = x - r; xx <= x + r; ++xx) {
            const Rgba c = at(xx, yy);
            s[0] += c.r, s[1] += c.g, s[2] += c.b, s[3] += c.a, ++n;
        }
    return {int(s[0] / n), int(s[1] / n), int(s[2] / n), int(s[3] / n)};
}

Png read_png(const std::string& path) {
    Png png;
    int comp = 0;
    unsigned char* data = stbi_load(path.c_str(), &png.w, &png.h, &comp, 4);
    if (!data) {
        png.w = png.h = 0;
        return png;
    }
    png.rgba.assign(data, data + size_t(png.w) * size_t(png.h) * 4);
    stbi_image_free(data);
    return png;
}

bool write_plain_png(const std::string& path, int w, int h) {
    if (w <= 0 || h <= 0) return false;
    std::vector<unsigned char> rgb(size_t(w) * size_t(h) * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &rgb[(size_t(y) * size_t(w) + size_t(x)) * 3];
            p[0] = static_cast<unsigned char>(90 + 120 * x / w);
            p[1] = static_cast<unsigned char>(140 + 80 * y / h);
            p[2] = 200;
        }
    return stbi_write_png(path.c_str(), w, h, 3, rgb.data(), w * 3) != 0;
}

View settled_view(const std::vector<std::string>& args) {
    TempDir dir;
    write_file(dir.file("probe.txt"), std::string(kSettleFrames) + "layout probe-layout.txt\nquit\n");
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--replay", dir.file("probe.txt")});
    const RunResult r = run_app(all, dir.file("data"));
    const Layout l = read_layout(dir.file("probe-layout.txt"));
    if (r.exit_code != 0 || !l.ok()) ADD_FAILURE() << "no layout from the app to find its view: " << r.output;
    return View{l.scale, {l.ox, l.oy}};
}

bool near(Png::Rgba a, Png::Rgba b, int tol) {
    return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}

}  // namespace nk::test
