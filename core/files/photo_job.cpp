#include "photo_job.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>

#include "png_stream.hpp"

namespace nk {
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

struct PhotoJob::State {
    struct Strip {
        std::vector<std::uint8_t> rows_bottom_up;
        int rows = 0;
    };
    bool next(Strip& s);  // worker: false once the strips ended and all were taken

    mutable std::mutex m;
    std::condition_variable cv;
    std::deque<Strip> strips;
    bool ended = false;
    bool worker_done = false;  // the worker has returned (it takes no more strips)
    std::string failure;
    std::optional<PhotoOutcome> outcome;  // set by the worker as it returns
    std::optional<std::chrono::steady_clock::time_point> writing_since;  // in the task's write step
};

PhotoJob::~PhotoJob() {
    if (!state_) {
        if (worker_.joinable()) worker_.join();
        return;
    }
    if (wait(kPhotoDestructorWait)) worker_.join();
    else worker_.detach();  // stuck on the disk: it owns state_ and its task, nothing of this
}

bool PhotoJob::start(PhotoTask task, Done done) {
    if (busy()) return false;
    if (worker_.joinable()) worker_.join();  // the last task's worker has returned (poll took its outcome)
    auto state = std::make_shared<State>();
    try {
        worker_ = std::thread([state, t = std::move(task)]() mutable {
            PhotoOutcome out = work(*state, t);
            t = {};  // what the task held is freed before the outcome is told
            std::lock_guard<std::mutex> lock(state->m);
            state->outcome = std::move(out);
            state->writing_since.reset();
            state->cv.notify_all();
        });
    } catch (const std::system_error&) {
        return false;  // no thread to be had: the caller says the photo could not be made
    }
    state_ = std::move(state);
    done_ = std::move(done);
    return true;
}

void PhotoJob::add_strip(std::vector<std::uint8_t> strip, int rows) {
    if (!state_) return;
    {
        std::lock_guard<std::mutex> lock(state_->m);
        if (state_->ended || state_->worker_done) return;
        state_->strips.push_back({std::move(strip), rows});
    }
    state_->cv.notify_all();
}

std::size_t PhotoJob::queued() const {
    if (!state_) return 0;
    std::lock_guard<std::mutex> lock(state_->m);
    return state_->strips.size();
}

void PhotoJob::wait_for_room() {
    if (!state_) return;
    std::unique_lock<std::mutex> lock(state_->m);
    state_->cv.wait_for(lock, std::chrono::seconds(60),
                        [&] { return state_->strips.size() < kMaxQueued || state_->ended || state_->worker_done; });
}

void PhotoJob::end_strips(std::string failure) {
    if (!state_) return;
    {
        std::lock_guard<std::mutex> lock(state_->m);
        if (state_->ended) return;
        state_->ended = true;
        state_->failure = std::move(failure);
    }
    state_->cv.notify_all();
}

std::chrono::milliseconds PhotoJob::writing_for() const {
    if (!state_) return std::chrono::milliseconds(0);
    std::lock_guard<std::mutex> lock(state_->m);
    if (!state_->writing_since) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - *state_->writing_since);
}

bool PhotoJob::State::next(Strip& s) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return !strips.empty() || ended; });
    if (strips.empty()) return false;
    s = std::move(strips.front());
    strips.pop_front();
    lock.unlock();
    cv.notify_all();  // room for the next strip (wait_for_room)
    return true;
}

PhotoOutcome PhotoJob::work(State& st, PhotoTask& task) {
    // However the worker ends, nobody may wait for room in its queue any more.
    struct Finished {
        State& st;
        ~Finished() {
            {
                std::lock_guard<std::mutex> lock(st.m);
                st.worker_done = true;
                st.strips.clear();
            }
            st.cv.notify_all();
        }
    } finished{st};
    PhotoOutcome out;
    try {
        PngStream png(task.w, task.h);
        std::unique_ptr<HalfRows> half = task.half_copy ? std::make_unique<HalfRows>(task.w, task.h) : nullptr;
        const std::ptrdiff_t stride = std::ptrdiff_t(task.w) * 4;
        State::Strip s;
        bool ok = true;
        while (st.next(s)) {
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
            std::lock_guard<std::mutex> lock(st.m);
            failure = st.failure;
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
        {
            std::lock_guard<std::mutex> lock(st.m);
            st.writing_since = std::chrono::steady_clock::now();
        }
        out = task.write(std::move(bytes), std::move(half_bytes));
    } catch (const std::exception& e) {
        // Out of memory for an A3 photo on a small machine: a message, not a crash.
        out = {};
        out.detail = e.what();
    }
    return out;
}

bool PhotoJob::poll() {
    if (!state_) return false;
    PhotoOutcome out;
    {
        std::lock_guard<std::mutex> lock(state_->m);
        if (!state_->outcome) return false;
        out = std::move(*state_->outcome);
    }
    state_.reset();  // not busy any more
    if (worker_.joinable()) worker_.join();  // it has told its outcome: it is returning
    Done done = std::move(done_);
    done_ = nullptr;
    if (done) done(out);
    return true;
}

bool PhotoJob::wait(std::chrono::milliseconds timeout) {
    if (!state_) return true;
    end_strips("the photo was stopped before it was finished");
    std::unique_lock<std::mutex> lock(state_->m);
    return state_->cv.wait_for(lock, timeout, [&] { return state_->outcome.has_value(); });
}

}  // namespace nk
