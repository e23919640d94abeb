// Shared by the Google Benchmark binaries: one ImGui harness per process (building the
// font atlas takes a while), boards cached by size, a scratch directory.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "board_gen.hpp"
#include "frame_sim.hpp"

namespace nk::bench {

inline ImGuiHarness& harness() {
    static ImGuiHarness h(1920, 1080);
    return h;
}

inline const Document& board(int n) {
    static std::map<int, Document> boards;
    auto it = boards.find(n);
    if (it == boards.end()) it = boards.emplace(n, make_board(n)).first;
    return it->second;
}

// A fresh directory under $TMPDIR (or /tmp) for files the benchmarks write.
inline std::string scratch_dir(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path dir = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") / ("nk-bench-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

}  // namespace nk::bench
