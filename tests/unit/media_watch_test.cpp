// USB sticks found by the watcher thread (core/files/media_watch.hpp), under a temporary
// mount root: a stick put in shows, one taken out goes, and a hung stick never keeps the
// app from closing.
#include "media_watch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

namespace nk {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Root {
    fs::path path;
    Root() {
        char tmpl[] = "/tmp/nk_media_XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~Root() { fs::remove_all(path); }
};

bool has(const std::vector<fs::path>& v, const fs::path& p) { return std::find(v.begin(), v.end(), p) != v.end(); }

// Waits (at most 10 s) until `pred` holds for the watcher's snapshot.
template <class Pred>
bool eventually(const MediaWatch& w, Pred pred) {
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < end) {
        if (pred(*w.snapshot())) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

TEST(MediaWatch, SticksAreFoldersTwoLevelsUnderARoot) {
    Root r;
    fs::create_directories(r.path / "anna" / "STICK");
    fs::create_directories(r.path / "anna" / "FOTOS");
    std::ofstream((r.path / "anna" / "los.txt").string()) << "x";
    std::ofstream((r.path / "bestand").string()) << "x";
    const auto sticks = find_sticks({r.path, "/nonexistent-root"});
    ASSERT_EQ(sticks.size(), 2u);
    EXPECT_EQ(sticks[0], r.path / "anna" / "FOTOS");
    EXPECT_EQ(sticks[1], r.path / "anna" / "STICK");
}

TEST(MediaWatch, AStickPutInShowsAndOneTakenOutGoes) {
    Root r;
    MediaWatch w({{r.path}, 30ms, {}});
    const fs::path stick = r.path / "anna" / "STICK";
    EXPECT_TRUE(eventually(w, [](const MediaSnapshot& s) { return s.scans > 0; }));
    EXPECT_TRUE(w.snapshot()->sticks.empty());
    fs::create_directories(stick);
    EXPECT_TRUE(eventually(w, [&](const MediaSnapshot& s) { return has(s.sticks, stick); }));
    fs::remove_all(stick);
    EXPECT_TRUE(eventually(w, [&](const MediaSnapshot& s) { return !has(s.sticks, stick); }));
}

TEST(MediaWatch, RefreshWaitsForAScanThatSawTheChange) {
    Root r;
    MediaWatch w({{r.path}, 1h, {}});  // no polling: only refresh() makes it look again
    ASSERT_TRUE(w.refresh(10s));
    EXPECT_TRUE(w.snapshot()->sticks.empty());
    fs::create_directories(r.path / "anna" / "STICK");
    ASSERT_TRUE(w.refresh(10s));
    EXPECT_TRUE(has(w.snapshot()->sticks, r.path / "anna" / "STICK"));
}

TEST(MediaWatch, TheFilesAreListedOnTheWatcherFromTheSticksFound) {
    Root r;
    fs::create_directories(r.path / "anna" / "STICK");
    const auto ui_thread = std::this_thread::get_id();
    std::atomic<bool> on_ui{false};
    MediaWatch w({{r.path}, 1h, [&](const std::vector<fs::path>& sticks) {
                      on_ui = on_ui || std::this_thread::get_id() == ui_thread;
                      std::vector<fs::path> out;
                      for (const fs::path& s : sticks) out.push_back(s / "kaart.json");
                      return out;
                  }});
    ASSERT_TRUE(w.refresh(10s));
    ASSERT_EQ(w.snapshot()->files.size(), 1u);
    EXPECT_EQ(w.snapshot()->files[0], r.path / "anna" / "STICK" / "kaart.json");
    EXPECT_FALSE(on_ui) << "listing ran on the UI thread";
}

TEST(MediaWatch, AHungStickDoesNotKeepTheAppFromClosing) {
    Root r;
    auto released = std::make_shared<std::atomic<bool>>(false);
    auto in_scan = std::make_shared<std::atomic<bool>>(false);
    const auto t0 = std::chrono::steady_clock::now();
    {
        MediaWatch w({{r.path}, 30ms, [released, in_scan](const std::vector<fs::path>&) {
                          *in_scan = true;
                          while (!*released) std::this_thread::sleep_for(5ms);  // a stick that never answers
                          return std::vector<fs::path>{};
                      }});
        while (!*in_scan) std::this_thread::sleep_for(5ms);
        EXPECT_EQ(w.snapshot()->scans, 0u) << "the UI still reads the (empty) snapshot without waiting";
    }
    const auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_LT(took, kWatchShutdownWait + 2s);
    *released = true;  // the stick answers after all: the detached watcher ends on its own
    std::this_thread::sleep_for(50ms);
}

}  // namespace
}  // namespace nk
