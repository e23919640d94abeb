// The autosave as the app runs it (autosave_watch.cpp): the writer the session hands every
// finished board to, the running marker (DATA/session.open: when it is still there at the
// next start, that start says the app stopped unexpectedly; its contents are
// core/files/crash_loop.hpp's RunMarker) kept where the autosave goes and marked "saved"
// once a board of this run's own is autosaved, and each new autosave failure told once.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "autosave.hpp"
#include "crash_loop.hpp"
#include "session.hpp"

namespace nk::app {

// The wall clock in ms since the Unix epoch (for the running marker and checkpoints).
std::int64_t wall_clock_ms();

class AutosaveWatch {
public:
    // Starts the writer into `data_dir` and gives it to `session`.
    void start(const std::string& data_dir, Session& session);
    // Waits up to `timeout` for what is queued to be written.
    void flush(std::chrono::milliseconds timeout) {
        if (writer_) writer_->flush(timeout);
    }
    // A replay, before each frame reads the status: waits (bounded) until every board
    // handed over is written or refused, so what the frame sees does not depend on how
    // fast the worker was.
    void settle() {
        if (writer_) writer_->flush(std::chrono::milliseconds(10000));
    }
    // For privacy: stops the writer (nothing it holds is written back), removes every
    // autosave generation and temp file from `data_dir`, and starts a fresh writer.
    void erase_all(const std::string& data_dir, Session& session);
    // Writes the running marker `m` for this run (after start() and the start-up save).
    void mark_running(const std::string& data_dir, const RunMarker& m);
    // Once a frame: keeps the running marker where the autosave writes, also after the
    // data folder was deleted and made again. Returns the error of a failure not told yet.
    std::optional<std::string> check(const std::string& data_dir);

private:
    std::shared_ptr<AutosaveWriter> writer_;
    std::uint64_t warned_failure_epoch_ = 0;  // the failure last told
    std::uint64_t marked_writes_ = 0;         // writes when the marker was last checked
    RunMarker marker_;                        // this run's marker
};

}  // namespace nk::app
