// Keeping a photo of the map without freezing the screen. The GL thread renders the map
// and reads its pixels back in one frame (render_snapshot); a PhotoTask takes that image
// over and does the slow rest: encode the PNG, then its `write` step (the board chunk,
// the report, the data files, the disk). A PhotoJob runs one task on a worker thread
// while the frames keep coming.
//
// What it promises:
// - start() returns at once; the UI thread never waits for a task except in wait() and
//   the destructor (both wait for the running task to finish: the app never exits while a
//   photo is half written).
// - One task at a time: while busy(), start() refuses and changes nothing.
// - The image is moved in, never copied, and freed on the worker as soon as `write` is
//   done with it; the worker touches no GL, no ImGui and no App state, only what the
//   task holds.
// - poll() hands the outcome of a finished task to its `done` function exactly once, on
//   the thread that calls poll() (the UI thread): messages and the log stay there.
#pragma once

#include <functional>
#include <future>
#include <string>
#include <vector>

#include "snapshot.hpp"

namespace nk::app {

struct PhotoOutcome {
    bool ok = false;
    std::vector<std::string> written;  // the files written, in order
    std::string message;               // when !ok: for the screen, in the team's language
    std::string detail;                // when !ok: for the log (paths, errno text)
};

struct PhotoTask {
    // Runs on the worker with the image and its PNG bytes; must use only what it holds.
    using Write = std::function<PhotoOutcome(const Image& image, std::string png)>;
    Image image;  // as render_snapshot made it (GL's rows, bottom-up, are fine)
    Write write;
};

// Encodes the task's image and runs its `write` step on the calling thread, then frees the
// image. The worker runs exactly this; the command line (--snapshot, --export) and the
// replay's `snapshot` call it directly, as they wait for the file anyway.
PhotoOutcome run_photo_task(PhotoTask task);

class PhotoJob {
public:
    using Done = std::function<void(const PhotoOutcome&)>;

    PhotoJob() = default;
    PhotoJob(const PhotoJob&) = delete;
    PhotoJob& operator=(const PhotoJob&) = delete;
    ~PhotoJob();  // waits for a running task; its outcome is dropped

    // Starts `task` on a worker thread; false (and nothing happens) while another runs.
    bool start(PhotoTask task, Done done);
    // Whether a task was started and its outcome not yet handed over by poll().
    bool busy() const { return running_.valid(); }
    // If the running task has finished: calls its `done` with the outcome and returns true.
    // Never blocks.
    bool poll();
    // Blocks until the running task (if any) has finished; poll() then hands it over.
    void wait();

private:
    std::future<PhotoOutcome> running_;
    Done done_;
};

}  // namespace nk::app
