#include "photo_job.hpp"

#include <chrono>
#include <exception>
#include <system_error>

namespace nk::app {

PhotoOutcome run_photo_task(PhotoTask task) {
    PhotoOutcome out;
    try {
        std::string png = encode_png(task.image);
        if (png.empty()) {
            out.detail = "the image could not be encoded";
            return out;
        }
        out = task.write(task.image, std::move(png));
    } catch (const std::exception& e) {
        // Out of memory for an A3 image on a small machine: a message, not a crash.
        out = {};
        out.detail = e.what();
    }
    return out;
}

PhotoJob::~PhotoJob() { wait(); }

bool PhotoJob::start(PhotoTask task, Done done) {
    if (busy()) return false;
    try {
        running_ = std::async(std::launch::async,
                              [t = std::move(task)]() mutable { return run_photo_task(std::move(t)); });
    } catch (const std::system_error&) {
        return false;  // no thread to be had: the caller says the photo could not be made
    }
    done_ = std::move(done);
    return true;
}

bool PhotoJob::poll() {
    if (!running_.valid() || running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    const PhotoOutcome out = running_.get();  // leaves running_ invalid: not busy any more
    Done done = std::move(done_);
    done_ = nullptr;
    if (done) done(out);
    return true;
}

void PhotoJob::wait() {
    if (running_.valid()) running_.wait();
}

}  // namespace nk::app
