// USB sticks and the board files on them, found by a watcher thread: the UI never lists a
// folder or reads a file header while it draws (a slow or hung stick would freeze it).
//
// find_sticks() is the rule, without threads: a stick is a folder two levels under a mount
// root (/media/<user>/<label>, /run/media/<user>/<label>, as udisks mounts them).
// MediaWatch runs it (and the caller's listing of the files on the sticks) on its own
// thread every `interval` (2 s: a stick put in shows within a few seconds) and publishes
// the result; the UI only reads the latest snapshot, which costs a lock and a pointer copy.
//
// Threads: the public members from one owner thread (the UI thread); `list` runs on the
// watcher only. The watcher owns, through a shared_ptr, everything it touches (the options,
// the snapshot slot), so when a scan is stuck on a hung stick the destructor waits at most
// kWatchShutdownWait and then detaches it deliberately: the process still exits cleanly.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace nk {

inline constexpr std::chrono::milliseconds kWatchShutdownWait{1000};

// Where the desktop mounts removable disks.
std::vector<std::filesystem::path> default_media_roots();

// The sticks under `roots` (each root/<user>/<stick> that is a folder), sorted; roots that
// are missing or unreadable give none.
std::vector<std::filesystem::path> find_sticks(const std::vector<std::filesystem::path>& roots);

struct MediaSnapshot {
    std::vector<std::filesystem::path> sticks;  // find_sticks
    std::vector<std::filesystem::path> files;   // what Options::list made of them
    std::uint64_t scans = 0;                    // 0: no scan finished yet (both lists empty)
};

class MediaWatch {
public:
    using List = std::function<std::vector<std::filesystem::path>(const std::vector<std::filesystem::path>& sticks)>;
    struct Options {
        std::vector<std::filesystem::path> roots = default_media_roots();
        std::chrono::milliseconds interval{2000};
        List list;  // optional: the files the UI offers (runs on the watcher)
    };
    explicit MediaWatch(Options options);
    ~MediaWatch();  // bounded, see above
    MediaWatch(const MediaWatch&) = delete;
    MediaWatch& operator=(const MediaWatch&) = delete;

    // The latest scan; never blocks on the disk.
    std::shared_ptr<const MediaSnapshot> snapshot() const;
    // Asks for a scan now and waits for it at most `timeout`; true when one that started
    // after the call has been published (a replay's frame waits for it, so what a script
    // sees does not depend on the watcher's timing).
    bool refresh(std::chrono::milliseconds timeout);

private:
    struct Shared;
    static void run(const std::shared_ptr<Shared>& s);
    std::shared_ptr<Shared> shared_;
    std::thread worker_;
};

}  // namespace nk
