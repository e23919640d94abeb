// Checkpoints: the board as it was at each phase change, one file each in
// DATA/checkpoints/, besides the rolling autosaves (which are seconds apart), so that the
// facilitator can go back to the map as it was at the end of a phase.
//
// Files: checkpoint-<seq, 4 digits>-<phase id left>-<ms since the epoch>.json, e.g.
// checkpoint-0003-2b-1765117920000.json: the third checkpoint, made when phase 2B was
// left. Kept for the session: across restarts, until the facilitator starts a new map or
// erases the map (clear()), and at most kMaxCheckpoints (the oldest go first).
// Written off the UI thread: CheckpointWriter makes the bytes and writes them (atomically,
// through Storage) on its own worker thread. No clock here: times come in as parameters.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "atomic_file.hpp"

namespace nk {

inline constexpr int kMaxCheckpoints = 24;

struct Checkpoint {
    int seq = 0;            // 1, 2, ... in the order made
    std::string phase;      // the id of the phase that was left ("2b")
    std::int64_t time_ms = 0;
    bool operator==(const Checkpoint&) const = default;
};

std::string checkpoint_file_name(const Checkpoint& c);
// nullopt for any other name (temp files included).
std::optional<Checkpoint> parse_checkpoint_name(std::string_view name);
// The checkpoints among `names`, oldest first (by seq).
std::vector<Checkpoint> checkpoints_in(const std::vector<std::string>& names);
// Of `list` (oldest first), the ones to remove so that at most `keep` remain.
std::vector<Checkpoint> checkpoints_over(const std::vector<Checkpoint>& list, int keep = kMaxCheckpoints);

// One worker thread writing checkpoints into `dir` (created when needed). Threads: every
// public member from one owner thread (the UI thread); storage only on the worker.
class CheckpointWriter {
public:
    // Lists `dir` once (on the caller's thread: a start-up step, like finding the autosave).
    explicit CheckpointWriter(std::string dir, std::shared_ptr<Storage> storage = real_storage());
    // Finishes what is queued (local disk), waiting at most kCheckpointShutdownWait; a
    // worker stuck in a storage call (a disk that hangs) is then detached deliberately:
    // it owns, through shared_ptrs, everything it touches (its queue, the storage, the
    // tasks' paths and boards), never the writer, and ends on its own.
    ~CheckpointWriter();
    CheckpointWriter(const CheckpointWriter&) = delete;
    CheckpointWriter& operator=(const CheckpointWriter&) = delete;

    // A new checkpoint on the list at once; `make` makes its bytes on the worker. Returns it.
    Checkpoint add(std::string phase_left, std::int64_t time_ms, std::function<std::string()> make);
    // Removes every checkpoint (a new map, or the map erased).
    void clear();
    // Oldest first, including those still being written.
    const std::vector<Checkpoint>& list() const { return list_; }
    std::string path(const Checkpoint& c) const { return dir_ + "/" + checkpoint_file_name(c); }
    // Waits until everything queued before the call is done, at most `timeout`; true if it is.
    bool flush(std::chrono::milliseconds timeout);

private:
    struct Queue;  // checkpoints.cpp: what the worker touches
    static void run(const std::shared_ptr<Queue>& q);
    void push(std::function<void()> task);
    const std::string dir_;
    const std::shared_ptr<Storage> storage_;
    std::vector<Checkpoint> list_;  // owner thread only
    std::shared_ptr<Queue> q_;
    std::thread worker_;  // last
};

inline constexpr std::chrono::milliseconds kCheckpointShutdownWait{3000};

}  // namespace nk
