#include "board_loader.hpp"

#include <condition_variable>
#include <mutex>
#include <system_error>

namespace nk {

// What the worker touches: shared with it, so a detached worker never reaches a loader
// that is gone.
struct BoardLoader::Job {
    std::string path;
    Purpose purpose = Purpose::Open;
    Parse parse;
    std::mutex mu;
    std::condition_variable done_cv;
    std::optional<Parsed> parsed;  // set once, by the worker
};

BoardLoader::BoardLoader(Parse parse) : parse_(std::move(parse)) {
    if (!parse_) parse_ = [](const std::string& path) { return load_board_file(path); };
}

BoardLoader::~BoardLoader() {
    if (!worker_.joinable()) return;
    if (settle(kLoaderShutdownWait)) worker_.join();
    else worker_.detach();  // stuck: it owns its Job (shared_ptr) and touches nothing else
}

bool BoardLoader::start(std::string path, Purpose purpose) {
    if (job_) return false;
    if (worker_.joinable()) worker_.join();  // the last one has finished (its result was taken)
    auto job = std::make_shared<Job>();
    job->path = std::move(path);
    job->purpose = purpose;
    job->parse = parse_;
    try {
        worker_ = std::thread([job] {
            Parsed r = [&]() -> Parsed {
                try {
                    return job->parse(job->path);
                } catch (const std::exception& e) {  // out of memory for a huge file
                    return LoadError{LoadErrorKind::Unreadable, e.what()};
                }
            }();
            std::lock_guard lock(job->mu);
            job->parsed.emplace(std::move(r));
            job->done_cv.notify_all();
        });
    } catch (const std::system_error&) {
        return false;
    }
    job_ = std::move(job);
    return true;
}

const std::string& BoardLoader::path() const {
    static const std::string none;
    return job_ ? job_->path : none;
}

BoardLoader::Purpose BoardLoader::purpose() const { return job_ ? job_->purpose : Purpose::Open; }

std::optional<BoardLoader::Result> BoardLoader::take() {
    if (!job_) return std::nullopt;
    std::optional<Parsed> parsed;
    {
        std::lock_guard lock(job_->mu);
        if (!job_->parsed) return std::nullopt;
        parsed = std::move(job_->parsed);
    }
    Result r{job_->path, job_->purpose, std::move(*parsed)};
    job_.reset();
    if (worker_.joinable()) worker_.join();  // it has set its result: it is ending
    return r;
}

bool BoardLoader::settle(std::chrono::milliseconds timeout) {
    if (!job_) return true;
    std::unique_lock lock(job_->mu);
    return job_->done_cv.wait_for(lock, timeout, [&] { return job_->parsed.has_value(); });
}

}  // namespace nk
