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

CheckpointWriter::CheckpointWriter(std::string dir, std::shared_ptr<Storage> storage)
    : dir_(std::move(dir)), storage_(std::move(storage)), list_(checkpoints_in(storage_->list(dir_))),
      worker_([this] { run(); }) {}

CheckpointWriter::~CheckpointWriter() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
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
    {
        std::lock_guard lock(mu_);
        tasks_.push_back([this, target = path(c), make = std::move(make), remove = std::move(remove)] {
            if (storage_->make_dirs(dir_)) storage_->write_atomic(target, make());
            for (const std::string& p : remove) storage_->remove(p);
        });
    }
    wake_.notify_all();
    return c;
}

void CheckpointWriter::clear() {
    std::vector<std::string> remove;
    for (const Checkpoint& c : list_) remove.push_back(path(c));
    list_.clear();
    {
        std::lock_guard lock(mu_);
        tasks_.push_back([this, remove = std::move(remove)] {
            for (const std::string& p : remove) storage_->remove(p);
            // Also any left from a run that ended while writing them.
            for (const Checkpoint& c : checkpoints_in(storage_->list(dir_))) storage_->remove(path(c));
        });
    }
    wake_.notify_all();
}

bool CheckpointWriter::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    return done_.wait_for(lock, timeout, [this] { return tasks_.empty() && !busy_; });
}

void CheckpointWriter::run() {
    std::unique_lock lock(mu_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;  // stop_, nothing left
        auto task = std::move(tasks_.front());
        tasks_.pop_front();
        busy_ = true;
        lock.unlock();
        task();
        lock.lock();
        busy_ = false;
        done_.notify_all();
    }
}

}  // namespace nk
