#include "asset_dir.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace nk::app {
namespace {
namespace fs = std::filesystem;

std::string find_asset_dir() {
    if (const char* env = std::getenv("NK_ASSETS_DIR"); env && *env) return env;
    std::error_code ec;
    // /proc/self/exe names the binary itself, wherever it was started from and whatever
    // the working directory is.
    const fs::path bin_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
    const fs::path installed = (bin_dir / ".." / "share" / "netwerkkaart").lexically_normal();
    const fs::path build_tree = bin_dir / "assets";
    for (const fs::path& dir : {installed, build_tree})
        if (fs::is_regular_file(dir / "lang" / "nl.txt", ec)) return dir.string();
    std::fprintf(stderr, "netwerkkaart: no texts found in %s or %s; set NK_ASSETS_DIR to the assets folder\n",
                 installed.c_str(), build_tree.c_str());
    return installed.string();
}
}  // namespace

const std::string& asset_dir() {
    static const std::string dir = find_asset_dir();
    return dir;
}

}  // namespace nk::app
