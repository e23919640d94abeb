// A fresh, empty directory under /tmp for one test, removed with everything in it when
// the test's ScratchDir goes out of scope.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace nk {

struct ScratchDir {
    std::string path;
    ScratchDir() {
        char tmpl[] = "/tmp/nk_test_XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~ScratchDir() { std::filesystem::remove_all(path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    // Writes `bytes` to the file `name` in it; returns its path.
    std::string file(const std::string& name, const std::string& bytes) const {
        const std::string p = path + "/" + name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
};

}  // namespace nk
