#include "checkpoints.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace nk {

std::string checkpoint_file_name(const Checkpoint& c) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "checkpoint-%04d-%s-%lld.json", c.seq, c.phase.c_str(),
                  static_cast<long long>(c.time_ms));
    return buf;
}

std::optional<Checkpoint> parse_checkpoint_name(std::string_view name) {
    constexpr std::string_view kPrefix = "checkpoint-", kSuffix = ".json";
    if (name.size() <= kPrefix.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
        name.substr(name.size() - kSuffix.size()) != kSuffix)
        return std::nullopt;
    const std::string mid(name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size()));
    const auto a = mid.find('-'), b = mid.rfind('-');
    if (a == std::string::npos || b == a || a == 0 || b + 1 >= mid.size()) return std::nullopt;
    auto number = [](const std::string& s) -> std::optional<long long> {
        if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return std::nullopt;
        return std::strtoll(s.c_str(), nullptr, 10);
    };
    const auto seq = number(mid.substr(0, a));
    const auto time = number(mid.substr(b + 1));
    Checkpoint c;
    c.phase = mid.substr(a + 1, b - a - 1);
    if (!seq || !time || *seq < 1 || *seq > 1'000'000 || c.phase.empty() || c.phase.size() > 8) return std::nullopt;
    c.seq = int(*seq);
    c.time_ms = *time;
    return c;
}

std::vector<Checkpoint> checkpoints_in(const std::vector<std::string>& names) {
    std::vector<Checkpoint> out;
    for (const std::string& n : names)
        if (auto c = parse_checkpoint_name(n)) out.push_back(*c);
    std::sort(out.begin(), out.end(), [](const Checkpoint& x, const Checkpoint& y) { return x.seq < y.seq; });
    return out;
}

std::vector<Checkpoint> checkpoints_over(const std::vector<Checkpoint>& list, int keep) {
    const std::size_t n = list.size() > std::size_t(std::max(keep, 0)) ? list.size() - std::size_t(std::max(keep, 0)) : 0;
    return {list.begin(), list.begin() + std::ptrdiff_t(n)};
}

struct CheckpointWriter::Queue {
    std::mutex mu;
    std::condition_variable wake, done;
    std::deque<std::function<void()>> tasks;
    bool busy = false;
    bool stop = false;
    bool exited = false;  // the worker has returned
};

CheckpointWriter::CheckpointWriter(std::string dir, std::shared_ptr<Storage> storage)
    : dir_(std::move(dir)), storage_(std::move(storage)), list_(checkpoints_in(storage_->list(dir_))),
      q_(std::make_shared<Queue>()), worker_([q = q_] { run(q); }) {}

CheckpointWriter::~CheckpointWriter() {
    std::unique_lock lock(q_->mu);
    q_->stop = true;
    q_->wake.notify_all();
    const bool exited = q_->done.wait_for(lock, kCheckpointShutdownWait, [this] { return q_->exited; });
    lock.unlock();
    if (exited) worker_.join();
    else worker_.detach();  // stuck: it owns q_ and its tasks' storage, nothing of this
}

void CheckpointWriter::push(std::function<void()> task) {
    {
        std::lock_guard lock(q_->mu);
        q_->tasks.push_back(std::move(task));
    }
    q_->wake.notify_all();
}

Checkpoint CheckpointWriter::add(std::string phase_left, std::int64_t time_ms, std::function<std::string()> make) {
    Checkpoint c;
    c.seq = list_.empty() ? 1 : list_.back().seq + 1;
    c.phase = std::move(phase_left);
    c.time_ms = time_ms;
    list_.push_back(c);
    const std::vector<Checkpoint> over = checkpoints_over(list_);
    list_.erase(list_.begin(), list_.begin() + std::ptrdiff_t(over.size()));
    std::vector<std::string> remove;
    for (const Checkpoint& o : over) remove.push_back(path(o));
    push([storage = storage_, dir = dir_, target = path(c), make = std::move(make), remove = std::move(remove)] {
        if (storage->make_dirs(dir)) storage->write_atomic(target, make());
        for (const std::string& p : remove) storage->remove(p);
    });
    return c;
}

void CheckpointWriter::clear() {
    std::vector<std::string> remove;
    for (const Checkpoint& c : list_) remove.push_back(path(c));
    list_.clear();
    push([storage = storage_, dir = dir_, remove = std::move(remove)] {
        for (const std::string& p : remove) storage->remove(p);
        // Also any left from a run that ended while writing them.
        for (const Checkpoint& c : checkpoints_in(storage->list(dir))) storage->remove(dir + "/" + checkpoint_file_name(c));
    });
}

bool CheckpointWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(q_->mu);
    return q_->done.wait_for(lock, timeout, [this] { return q_->tasks.empty() && !q_->busy; });
}

void CheckpointWriter::run(const std::shared_ptr<Queue>& q) {
    std::unique_lock lock(q->mu);
    for (;;) {
        q->wake.wait(lock, [&] { return q->stop || !q->tasks.empty(); });
        if (q->tasks.empty()) break;  // stop, nothing left
        auto task = std::move(q->tasks.front());
        q->tasks.pop_front();
        q->busy = true;
        lock.unlock();
        task();
        task = nullptr;  // what it held is freed outside the lock
        lock.lock();
        q->busy = false;
        q->done.notify_all();
    }
    q->exited = true;
    q->done.notify_all();
}

}  // namespace nk
