#include "board_files.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

#include "board_file.hpp"
#include "export_set.hpp"

namespace nk::app {
namespace fs = std::filesystem;

bool png_carries_board(const fs::path& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return false;
    unsigned char sig[8];
    static const unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::fread(sig, 1, 8, f.get()) != 8 || std::memcmp(sig, kSig, 8) != 0) return false;
    const std::string keyword(kPngBoardKeyword);
    // Walk the chunk headers (length, type) and skip each chunk's data and CRC; a few
    // hundred chunks at most in a real file, so a cap keeps a hostile one cheap.
    for (int n = 0; n < 10000; ++n) {
        unsigned char h[8];
        if (std::fread(h, 1, 8, f.get()) != 8) return false;
        const unsigned long len = (unsigned long)h[0] << 24 | (unsigned long)h[1] << 16 | (unsigned long)h[2] << 8 | h[3];
        const std::string type(reinterpret_cast<const char*>(h + 4), 4);
        if (type == "IEND") return false;
        if (type == "iTXt" && len > keyword.size()) {
            std::string kw(keyword.size() + 1, '\0');
            if (std::fread(kw.data(), 1, kw.size(), f.get()) != kw.size()) return false;
            if (kw.compare(0, keyword.size(), keyword) == 0 && kw.back() == '\0') return true;
            if (std::fseek(f.get(), long(len - kw.size()) + 4, SEEK_CUR) != 0) return false;
            continue;
        }
        if (std::fseek(f.get(), long(len) + 4, SEEK_CUR) != 0) return false;
    }
    return false;
}

std::vector<fs::path> find_board_files(const std::string& data_dir, const std::vector<fs::path>& sticks) {
    std::vector<fs::path> out;
    std::error_code ec;
    auto scan = [&](const fs::path& dir) {
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const std::string ext = it->path().extension().string();
            if (ext == ".json" || (ext == ".png" && png_carries_board(it->path()))) out.push_back(it->path());
        }
    };
    scan(fs::path(data_dir) / "kaarten");
    for (const fs::path& stick : sticks) {
        ec.clear();
        scan(stick);
    }
    std::sort(out.begin(), out.end());
    if (out.size() > kMaxBoardFiles) out.resize(kMaxBoardFiles);
    return out;
}

bool is_good_board(std::string_view bytes) { return std::holds_alternative<LoadedBoard>(parse_board(bytes)); }

std::string today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace nk::app
