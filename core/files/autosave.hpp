// The autosave: the whole board, written off the UI thread after every completed action,
// and found again after a power cut, a crash or a full disk.
//
// Files in the autosave directory (generation numbers as used by Recovered):
//   autosave.new.json  (-1)  the newest bytes, complete and fsynced, present only between
//                            the write and the final rename (or after a crash there);
//   autosave.json       (0)  the latest good autosave;
//   autosave.1.json ... autosave.N.json  earlier good versions, 1 = most recent.
// One save: write autosave.new.json atomically, rotate N-1 -> N ... 1 -> 2, json -> 1,
// then rename new -> json and fsync the directory. Every step moves a complete file, so
// a crash at any moment leaves the files newest-first in the order above, each complete;
// a failed write never replaces anything. autosave.json is only rotated into history if
// it is good (the validator accepts it or the writer wrote it itself).
//
// At start-up: cleanup_temp_files(storage, dir); find_latest_good(...) to continue the
// last session; then construct the AutosaveWriter. One writer per directory (one app
// instance): two writers on the same directory would rotate each other's files.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "atomic_file.hpp"

namespace nk {

using BytesCheck = std::function<bool(std::string_view)>;

inline constexpr int kAutosaveGenerations = 3;      // autosave.1.json .. autosave.3.json
inline constexpr int kAutosaveNewGeneration = -1;   // autosave.new.json
inline constexpr std::size_t kAutosaveMaxBytes = 64u << 20;  // larger files are not read

// The path of a generation (see above) in `dir`.
std::string autosave_path(const std::string& dir, int generation);

struct AutosaveOptions {
    std::string dir;                                   // created if missing (also mid-session)
    std::shared_ptr<Storage> storage = real_storage();
    BytesCheck validator;                              // optional; bytes it rejects are never written
    int generations = kAutosaveGenerations;            // earlier versions kept, >= 0
    std::chrono::milliseconds first_retry{500};        // backoff after a failure: doubles ...
    std::chrono::milliseconds max_retry{5000};         // ... up to this
    std::chrono::milliseconds destructor_flush{2000};  // how long the destructor waits for the flush ...
    std::chrono::milliseconds destructor_join{2000};   // ... and then for the worker to stop
};

struct AutosaveStatus {
    bool ok = true;              // false while the newest submitted board cannot be saved
    bool pending = false;        // something submitted is neither on disk yet nor rejected
    std::string last_error;      // English, for the log; of the latest failure ("" if none)
    int last_errno = 0;
    std::uint64_t writes = 0;    // successful saves
    std::uint64_t failures = 0;  // failed attempts, retries included
    std::uint64_t rejected = 0;  // submits the validator refused
    // +1 each time saving goes from ok to failing (not per retry): the UI remembers the
    // epoch it last warned about and warns once, in plain words, when this grows.
    std::uint64_t failure_epoch = 0;
    std::optional<std::chrono::system_clock::time_point> last_success;  // wall clock, for "saved at"
};

// One background thread writing the latest submitted board.
// Threads: submit, flush, status may be called from any thread (the UI thread normally);
// construction and destruction from one owner thread. Storage and validator are called
// only on the worker thread, never concurrently. The worker owns, through a shared_ptr,
// everything it touches (the options with the storage and validator, the pending bytes,
// the status), never the AutosaveWriter itself.
class AutosaveWriter {
public:
    explicit AutosaveWriter(AutosaveOptions options);
    // Flushes for at most options.destructor_flush, then stops the worker and waits at most
    // options.destructor_join for it. A worker stuck in a storage call (a disk that hangs)
    // is then detached deliberately: it keeps its shared state alive and ends on its own
    // when the call returns, writing nothing more; the app closes meanwhile. Bounded: never
    // longer than destructor_flush + destructor_join.
    ~AutosaveWriter();
    AutosaveWriter(const AutosaveWriter&) = delete;
    AutosaveWriter& operator=(const AutosaveWriter&) = delete;

    // Hands over the board; returns at once (a string swap under a mutex, a notify; no
    // I/O, no validation on the caller's thread). Only the newest submitted bytes are
    // written: earlier ones still waiting are dropped. Normally on disk well within 1 s;
    // while saving fails, the bytes stay in memory and are retried with backoff.
    void submit(std::string bytes);

    // Like submit, but the bytes are made on the worker thread, by `make`, just before
    // they are written: the UI thread hands over a cheap snapshot of the board and never
    // pays for serialising it. Only the newest submit is ever made.
    void submit_lazy(std::function<std::string()> make);

    // Waits until everything submitted before the call is on disk. Asks for an immediate
    // retry if saving was backing off. Returns true if it is, false at the timeout, as
    // soon as an attempt fails while waiting, or if the newest bytes were rejected.
    bool flush(std::chrono::milliseconds timeout);

    AutosaveStatus status() const;

private:
    struct State;  // autosave.cpp: everything the worker touches
    std::shared_ptr<State> s_;
    std::thread worker_;  // last: starts after s_ is made
};

// A board found by find_latest_good.
struct Recovered {
    std::string bytes;
    std::string path;
    int generation = 0;  // see the file list at the top; -1 = autosave.new.json
};

// Tries autosave.new.json, autosave.json, autosave.1.json ... autosave.<generations>.json
// in that order (newest first) and returns the first one `is_good` accepts (an empty
// is_good accepts any non-empty file). Temporary files are never considered.
std::optional<Recovered> find_latest_good(Storage& storage, const std::string& dir, const BytesCheck& is_good,
                                          int generations = kAutosaveGenerations);

}  // namespace nk
