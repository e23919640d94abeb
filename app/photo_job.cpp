#include "photo_job.hpp"

#include <chrono>
#include <exception>
#include <system_error>

#include "png_stream.hpp"

namespace nk::app {
namespace {
// Halves rows of `w` RGBA pixels, two at a time, into a PngStream of half the size.
class HalfRows {
public:
    HalfRows(int w, int h) : w_(w), png_(w / 2, h / 2), out_(std::size_t(w / 2) * 4) {}
    void add(const std::uint8_t* row) {
        if (!pending_.empty()) {
            for (int x = 0; x < w_ / 2; ++x)
                for (int c = 0; c < 4; ++c) {
                    const std::size_t i = std::size_t(2 * x) * 4 + std::size_t(c);
                    out_[std::size_t(x) * 4 + std::size_t(c)] =
                        std::uint8_t((pending_[i] + pending_[i + 4] + row[i] + row[i + 4] + 2) / 4);
                }
            if (png_.rows_added() < png_.height()) png_.add_rows(out_.data(), 1, 0);
            pending_.clear();
        } else {
            pending_.assign(row, row + std::size_t(w_) * 4);
        }
    }
    std::string finish() { return png_.finish(); }

private:
    int w_;
    PngStream png_;
    std::vector<std::uint8_t> pending_, out_;
};
}  // namespace

PhotoJob::~PhotoJob() { wait(); }

bool PhotoJob::start(PhotoTask task, Done done) {
    if (busy()) return false;
    {
        std::lock_guard<std::mutex> lock(m_);
        strips_.clear();
        ended_ = false;
        worker_done_ = false;
        failure_.clear();
    }
    try {
        running_ = std::async(std::launch::async, [this, t = std::move(task)]() mutable { return work(std::move(t)); });
    } catch (const std::system_error&) {
        std::lock_guard<std::mutex> lock(m_);
        ended_ = true;
        return false;  // no thread to be had: the caller says the photo could not be made
    }
    done_ = std::move(done);
    return true;
}

void PhotoJob::add_strip(std::vector<std::uint8_t> strip, int rows) {
    {
        std::lock_guard<std::mutex> lock(m_);
        if (ended_ || worker_done_) return;
        strips_.push_back({std::move(strip), rows});
    }
    cv_.notify_all();
}

std::size_t PhotoJob::queued() const {
    std::lock_guard<std::mutex> lock(m_);
    return strips_.size();
}

void PhotoJob::wait_for_room() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [&] { return strips_.size() < kMaxQueued || ended_ || worker_done_; });
}

void PhotoJob::end_strips(std::string failure) {
    {
        std::lock_guard<std::mutex> lock(m_);
        if (ended_) return;
        ended_ = true;
        failure_ = std::move(failure);
    }
    cv_.notify_all();
}

bool PhotoJob::next(Strip& s) {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [&] { return !strips_.empty() || ended_; });
    if (strips_.empty()) return false;
    s = std::move(strips_.front());
    strips_.pop_front();
    lock.unlock();
    cv_.notify_all();  // room for the next strip (wait_for_room)
    return true;
}

PhotoOutcome PhotoJob::work(PhotoTask task) {
    // However the worker ends, nobody may wait for room in its queue any more.
    struct Finished {
        PhotoJob& job;
        ~Finished() {
            {
                std::lock_guard<std::mutex> lock(job.m_);
                job.worker_done_ = true;
                job.strips_.clear();
            }
            job.cv_.notify_all();
        }
    } finished{*this};
    PhotoOutcome out;
    try {
        PngStream png(task.w, task.h);
        std::unique_ptr<HalfRows> half = task.half_copy ? std::make_unique<HalfRows>(task.w, task.h) : nullptr;
        const std::ptrdiff_t stride = std::ptrdiff_t(task.w) * 4;
        Strip s;
        bool ok = true;
        while (next(s)) {
            if (!ok || s.rows <= 0 || s.rows_bottom_up.size() < std::size_t(s.rows) * std::size_t(stride)) {
                ok = false;
                continue;  // keep taking strips so the UI thread never waits on a full queue
            }
            const std::uint8_t* top = s.rows_bottom_up.data() + std::size_t(s.rows - 1) * std::size_t(stride);
            ok = png.add_rows(top, s.rows, -stride);
            if (half)
                for (int r = 0; r < s.rows; ++r) half->add(top - std::ptrdiff_t(r) * stride);
            std::vector<std::uint8_t>().swap(s.rows_bottom_up);  // freed here, on the worker
        }
        std::string failure;
        {
            std::lock_guard<std::mutex> lock(m_);
            failure = failure_;
        }
        if (!failure.empty()) {
            out.detail = failure;
            return out;
        }
        std::string bytes = png.finish();
        if (!ok || bytes.empty()) {
            out.detail = "the image could not be encoded";
            return out;
        }
        std::string half_bytes = half ? half->finish() : std::string();
        out = task.write(std::move(bytes), std::move(half_bytes));
    } catch (const std::exception& e) {
        // Out of memory for an A3 photo on a small machine: a message, not a crash.
        out = {};
        out.detail = e.what();
    }
    return out;
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
    end_strips("the photo was stopped before it was finished");
    if (running_.valid()) running_.wait();
}

}  // namespace nk::app
