#include "media_watch.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace nk {
namespace fs = std::filesystem;

std::vector<fs::path> default_media_roots() { return {"/media", "/run/media"}; }

std::vector<fs::path> find_sticks(const std::vector<fs::path>& roots) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const fs::path& root : roots)
        for (fs::directory_iterator user(root, ec), end; !ec && user != end; user.increment(ec)) {
            std::error_code ec2;
            for (fs::directory_iterator stick(user->path(), ec2), e2; !ec2 && stick != e2; stick.increment(ec2))
                if (stick->is_directory(ec2)) out.push_back(stick->path());
        }
    std::sort(out.begin(), out.end());
    return out;
}

struct MediaWatch::Shared {
    Options opt;
    mutable std::mutex mu;
    std::condition_variable wake, scanned;
    std::shared_ptr<const MediaSnapshot> latest = std::make_shared<MediaSnapshot>();
    std::uint64_t requested = 0, done = 0;  // scan requests, and the newest one a scan covered
    bool stop = false, exited = false;
};

MediaWatch::MediaWatch(Options options) : shared_(std::make_shared<Shared>()) {
    shared_->opt = std::move(options);
    worker_ = std::thread([s = shared_] { run(s); });
}

MediaWatch::~MediaWatch() {
    std::unique_lock lock(shared_->mu);
    shared_->stop = true;
    shared_->wake.notify_all();
    const bool exited = shared_->scanned.wait_for(lock, kWatchShutdownWait, [&] { return shared_->exited; });
    lock.unlock();
    if (exited) worker_.join();
    else worker_.detach();  // stuck on a hung stick: it owns `shared_`, nothing else
}

void MediaWatch::run(const std::shared_ptr<Shared>& s) {
    std::unique_lock lock(s->mu);
    std::uint64_t scans = 0;
    while (!s->stop) {
        const std::uint64_t covers = s->requested;
        lock.unlock();
        auto snap = std::make_shared<MediaSnapshot>();
        snap->sticks = find_sticks(s->opt.roots);
        if (s->opt.list) snap->files = s->opt.list(snap->sticks);
        snap->scans = ++scans;
        lock.lock();
        s->latest = std::move(snap);
        s->done = covers;
        s->scanned.notify_all();
        s->wake.wait_for(lock, s->opt.interval, [&] { return s->stop || s->requested > s->done; });
    }
    s->exited = true;
    s->scanned.notify_all();
}

std::shared_ptr<const MediaSnapshot> MediaWatch::snapshot() const {
    std::lock_guard lock(shared_->mu);
    return shared_->latest;
}

bool MediaWatch::refresh(std::chrono::milliseconds timeout) {
    std::unique_lock lock(shared_->mu);
    const std::uint64_t target = ++shared_->requested;
    shared_->wake.notify_all();
    return shared_->scanned.wait_for(lock, timeout, [&] { return shared_->done >= target; });
}

}  // namespace nk
