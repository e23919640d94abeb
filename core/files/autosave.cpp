#include "autosave.hpp"

#include <algorithm>
#include <cerrno>
#include <utility>

namespace nk {

namespace {

AutosaveOptions normalised(AutosaveOptions o) {
    if (!o.storage) o.storage = real_storage();
    o.generations = std::max(o.generations, 0);
    o.first_retry = std::max(o.first_retry, std::chrono::milliseconds(1));
    o.max_retry = std::max(o.max_retry, o.first_retry);
    return o;
}

}  // namespace

// What the worker touches, shared with it (see the class comment in autosave.hpp).
struct AutosaveWriter::State {
    enum class Outcome { Written, Failed, Rejected };
    struct Attempt {
        Outcome outcome;
        WriteResult result;
    };
    explicit State(AutosaveOptions o) : opt_(normalised(std::move(o))) {}
    void run();
    void submit(std::string bytes);
    void submit_lazy(std::function<std::string()> make);
    bool flush(std::chrono::milliseconds timeout);
    AutosaveStatus status() const;
    Attempt save(const std::string& bytes);  // worker thread only
    WriteResult rotate_and_commit();          // worker thread only

    const AutosaveOptions opt_;
    // Worker-only state.
    std::string last_written_;
    bool json_known_good_ = false;

    mutable std::mutex mu_;
    std::condition_variable wake_;   // to the worker
    std::condition_variable done_;   // to flush() and the destructor
    std::optional<std::string> pending_;
    std::function<std::string()> pending_make_;  // a submit_lazy not made yet (newer than pending_)
    std::uint64_t submitted_seq_ = 0;  // seq of the newest submit
    std::uint64_t pending_seq_ = 0;    // seq of pending_
    std::uint64_t done_seq_ = 0;       // newest seq written or rejected
    bool done_ok_ = true;              // ... and it was written (not rejected)
    bool retry_now_ = false;
    bool stop_ = false;
    bool exited_ = false;              // the worker has returned
    std::chrono::steady_clock::time_point retry_at_{};
    std::chrono::milliseconds backoff_{0};
    AutosaveStatus status_;
};

std::string autosave_path(const std::string& dir, int generation) {
    if (generation == kAutosaveNewGeneration) return dir + "/autosave.new.json";
    if (generation == 0) return dir + "/autosave.json";
    return dir + "/autosave." + std::to_string(generation) + ".json";
}

AutosaveWriter::AutosaveWriter(AutosaveOptions options)
    : s_(std::make_shared<State>(std::move(options))), worker_([s = s_] { s->run(); }) {}

AutosaveWriter::~AutosaveWriter() {
    s_->flush(s_->opt_.destructor_flush);
    std::unique_lock lk(s_->mu_);
    s_->stop_ = true;
    s_->wake_.notify_all();
    const bool exited = s_->done_.wait_for(lk, s_->opt_.destructor_join, [&] { return s_->exited_; });
    lk.unlock();
    if (exited) worker_.join();
    else worker_.detach();  // stuck in a storage call: it owns s_ and ends when the call returns
}

void AutosaveWriter::submit(std::string bytes) { s_->submit(std::move(bytes)); }
void AutosaveWriter::submit_lazy(std::function<std::string()> make) { s_->submit_lazy(std::move(make)); }
bool AutosaveWriter::flush(std::chrono::milliseconds timeout) { return s_->flush(timeout); }
AutosaveStatus AutosaveWriter::status() const { return s_->status(); }

void AutosaveWriter::State::submit_lazy(std::function<std::string()> make) {
    std::function<std::string()> dropped;
    {
        std::lock_guard lk(mu_);
        dropped.swap(pending_make_);  // an older snapshot is freed after the lock
        pending_make_ = std::move(make);
        pending_.reset();
        pending_seq_ = ++submitted_seq_;
        status_.pending = true;
    }
    wake_.notify_one();
}

void AutosaveWriter::State::submit(std::string bytes) {
    {
        std::lock_guard lk(mu_);
        pending_make_ = nullptr;
        if (pending_) {
            pending_->swap(bytes);  // the dropped older bytes are freed after the lock
        } else {
            pending_.emplace(std::move(bytes));
        }
        pending_seq_ = ++submitted_seq_;
        status_.pending = true;
    }
    wake_.notify_one();
}

bool AutosaveWriter::State::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lk(mu_);
    const std::uint64_t target = submitted_seq_;
    const std::uint64_t failures_before = status_.failures;
    if (done_seq_ < target) {
        retry_now_ = true;
        wake_.notify_one();
    }
    done_.wait_for(lk, timeout, [&] { return done_seq_ >= target || status_.failures != failures_before; });
    return done_seq_ >= target && done_ok_;
}

AutosaveStatus AutosaveWriter::State::status() const {
    std::lock_guard lk(mu_);
    return status_;
}

void AutosaveWriter::State::run() {
    using Clock = std::chrono::steady_clock;
    std::unique_lock lk(mu_);
    for (;;) {
        if (stop_) {
            exited_ = true;
            done_.notify_all();
            return;
        }
        if (!pending_ && !pending_make_) {
            wake_.wait(lk);
            continue;
        }
        if (!retry_now_ && backoff_.count() > 0 && Clock::now() < retry_at_) {
            wake_.wait_until(lk, retry_at_);
            continue;
        }
        retry_now_ = false;
        std::function<std::string()> make = std::move(pending_make_);
        pending_make_ = nullptr;
        std::string bytes;
        if (!make) bytes = std::move(*pending_);
        pending_.reset();
        const std::uint64_t seq = pending_seq_;
        lk.unlock();
        if (make) bytes = make();  // serialising happens here, off the UI thread
        make = nullptr;
        Attempt a = save(bytes);
        lk.lock();

        switch (a.outcome) {
        case Outcome::Written:
            done_seq_ = seq;
            done_ok_ = true;
            backoff_ = std::chrono::milliseconds(0);
            status_.ok = true;
            ++status_.writes;
            status_.last_success = std::chrono::system_clock::now();
            break;
        case Outcome::Rejected:
            done_seq_ = seq;
            done_ok_ = false;
            ++status_.rejected;
            break;
        case Outcome::Failed:
            ++status_.failures;
            if (!pending_ && !pending_make_) {  // keep the bytes unless something newer arrived meanwhile
                pending_ = std::move(bytes);
                pending_seq_ = seq;
            }
            backoff_ = backoff_.count() == 0 ? opt_.first_retry : std::min(backoff_ * 2, opt_.max_retry);
            retry_at_ = Clock::now() + backoff_;
            break;
        }
        if (a.outcome != Outcome::Written) {
            if (status_.ok) ++status_.failure_epoch;
            status_.ok = false;
            status_.last_error = a.result.error;
            status_.last_errno = a.result.err_no;
        }
        status_.pending = submitted_seq_ > done_seq_;
        done_.notify_all();
    }
}

AutosaveWriter::State::Attempt AutosaveWriter::State::save(const std::string& bytes) {
    if (opt_.validator && !opt_.validator(bytes)) {
        return {Outcome::Rejected, WriteResult::failure(EINVAL, "autosave: board failed validation, not saved")};
    }
    Storage& s = *opt_.storage;
    WriteResult r = s.make_dirs(opt_.dir);
    if (r && json_known_good_ && bytes == last_written_) {
        // Unchanged board: rewrite in place rather than filling the history with copies.
        r = s.write_atomic(autosave_path(opt_.dir, 0), bytes);
    } else if (r) {
        r = s.write_atomic(autosave_path(opt_.dir, kAutosaveNewGeneration), bytes);
        // A nearly full disk: the older versions make way for the newest board, oldest
        // first (never autosave.json, the last good one).
        for (int g = opt_.generations; !r && (r.err_no == ENOSPC || r.err_no == EDQUOT) && g >= 1; --g) {
            if (s.remove(autosave_path(opt_.dir, g)))
                r = s.write_atomic(autosave_path(opt_.dir, kAutosaveNewGeneration), bytes);
        }
        if (r) r = rotate_and_commit();
    }
    if (!r) {
        json_known_good_ = false;
        return {Outcome::Failed, std::move(r)};
    }
    json_known_good_ = true;
    last_written_ = bytes;
    return {Outcome::Written, std::move(r)};
}

WriteResult AutosaveWriter::State::rotate_and_commit() {
    Storage& s = *opt_.storage;
    const std::string json = autosave_path(opt_.dir, 0);
    bool rotate = opt_.generations > 0;
    if (rotate && !json_known_good_ && opt_.validator) {
        // Never push a good older version out of the history for a bad autosave.json.
        auto current = s.read(json, kAutosaveMaxBytes);
        if (current && !opt_.validator(*current)) rotate = false;
    }
    if (rotate) {
        for (int g = opt_.generations; g >= 1; --g) {
            WriteResult r = s.rename(autosave_path(opt_.dir, g - 1), autosave_path(opt_.dir, g));
            if (!r && r.err_no != ENOENT) return r;
        }
    }
    if (WriteResult r = s.rename(autosave_path(opt_.dir, kAutosaveNewGeneration), json); !r) return r;
    return s.sync_dir(opt_.dir);
}

std::optional<Recovered> find_latest_good(Storage& storage, const std::string& dir, const BytesCheck& is_good,
                                          int generations) {
    for (int g = kAutosaveNewGeneration; g <= generations; ++g) {
        std::string path = autosave_path(dir, g);
        auto bytes = storage.read(path, kAutosaveMaxBytes);
        if (!bytes) continue;
        if (is_good ? is_good(*bytes) : !bytes->empty()) return Recovered{std::move(*bytes), std::move(path), g};
    }
    return std::nullopt;
}

}  // namespace nk
