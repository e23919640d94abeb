// Keeping a photo of the map without freezing the screen. The GL thread renders the
// photo strip by strip (photo_render.hpp), one strip per frame, and hands each strip to a
// PhotoJob; its worker thread compresses the strips into the PNG as they come (PngStream,
// so the whole image is never held), then runs the task's `write` step (the board chunk,
// the report, the data files, the disk) while the frames keep coming.
//
// What it promises:
// - start() returns at once; the UI thread never waits for the worker except in
//   wait_for_room(), wait() and the destructor, and those waits are bounded: the app
//   waits for a photo being written (a half-written file helps nobody), but a write that
//   hangs (a USB stick that stopped answering) keeps nobody waiting for ever. The
//   destructor waits at most kPhotoDestructorWait; a worker still stuck then is detached
//   deliberately: it owns, through a shared_ptr, everything it touches (its strips, its
//   task and the slot for its outcome), never the PhotoJob, and ends on its own.
// - One task at a time: while busy(), start() refuses and changes nothing.
// - Strips are moved in, never copied, and freed on the worker once compressed; the
//   worker touches no GL, no ImGui and no App state, only what the task holds.
// - poll() hands the outcome of a finished task to its `done` function exactly once, on
//   the thread that calls poll() (the UI thread): messages and the log stay there.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace nk {

inline constexpr std::chrono::milliseconds kPhotoDestructorWait{1000};

struct PhotoOutcome {
    bool ok = false;
    std::vector<std::string> written;  // the files written, in order
    std::string message;               // when !ok: for the screen, in the team's language
    std::string detail;                // when !ok: for the log (paths, errno text)
};

struct PhotoTask {
    int w = 0, h = 0;
    // Also make a copy at half the width and height (each pixel the mean of 2x2), for the
    // report: an A3 photo at 300 dpi is more than an A4 page needs.
    bool half_copy = false;
    // Runs on the worker with the PNG bytes (and the half-size copy's, when asked for);
    // must use only what it holds.
    using Write = std::function<PhotoOutcome(std::string png, std::string half_png)>;
    Write write;
};

class PhotoJob {
public:
    using Done = std::function<void(const PhotoOutcome&)>;

    PhotoJob() = default;
    PhotoJob(const PhotoJob&) = delete;
    PhotoJob& operator=(const PhotoJob&) = delete;
    ~PhotoJob();  // ends the strips, waits for the task (bounded, see above); its outcome is dropped

    // Starts `task` on a worker thread, which waits for strips; false (and nothing
    // happens) while another task runs or no thread can be had.
    bool start(PhotoTask task, Done done);
    // The next strip, top to bottom: `rows` rows stored bottom-up, as GL reads them back.
    void add_strip(std::vector<std::uint8_t> strip, int rows);
    // Strips handed over and not yet compressed. The app renders the next strip only when
    // fewer than kMaxQueued wait, so the photo in memory stays a few strips whatever the
    // machine's speed.
    static constexpr std::size_t kMaxQueued = 1;
    std::size_t queued() const;
    // Blocks until fewer than kMaxQueued strips wait (for callers that wait anyway). The
    // encoder only compresses (no disk), so this is short; bounded at 60 s all the same.
    void wait_for_room();
    // No more strips. With a `failure` (for the log) the task ends without writing.
    void end_strips(std::string failure = {});
    // Whether a task was started and its outcome not yet handed over by poll().
    bool busy() const { return state_ != nullptr; }
    // How long the running task has been in its `write` step (on the disk), 0 when it is not.
    std::chrono::milliseconds writing_for() const;
    // If the running task has finished: calls its `done` with the outcome and returns true.
    // Never blocks.
    bool poll();
    // Ends the strips if that was not done, and waits until the task has finished, at
    // most `timeout`; true when it has (poll() then hands the outcome over), false when
    // it is still writing (a disk that hangs).
    bool wait(std::chrono::milliseconds timeout);

private:
    struct State;  // photo_job.cpp: what the worker touches
    static PhotoOutcome work(State& s, PhotoTask& task);
    std::shared_ptr<State> state_;  // of the running task; null when not busy
    std::thread worker_;
    Done done_;
};

}  // namespace nk
