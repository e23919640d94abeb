#include "faulty_storage.hpp"

#include <cerrno>

namespace nk {

FaultyStorage::FaultyStorage(std::shared_ptr<Storage> inner) : inner_(std::move(inner)) {}

void FaultyStorage::fail_writes(int err_no, int count) {
    std::lock_guard lk(mu_);
    write_errno_ = err_no;
    write_fail_count_ = count;
}

void FaultyStorage::tear_writes(int count) {
    std::lock_guard lk(mu_);
    tear_count_ = count;
}

void FaultyStorage::fail_renames(int err_no, int count) {
    std::lock_guard lk(mu_);
    rename_errno_ = err_no;
    rename_fail_count_ = count;
}

void FaultyStorage::set_before_write(std::function<void(const std::string&)> hook) {
    std::lock_guard lk(mu_);
    before_write_ = std::move(hook);
}

void FaultyStorage::clear() {
    std::lock_guard lk(mu_);
    write_fail_count_ = tear_count_ = rename_fail_count_ = 0;
}

std::uint64_t FaultyStorage::write_calls() const {
    std::lock_guard lk(mu_);
    return write_calls_;
}

std::uint64_t FaultyStorage::failed_write_calls() const {
    std::lock_guard lk(mu_);
    return failed_write_calls_;
}

void FaultyStorage::hang_writes() {
    std::lock_guard lk(mu_);
    hang_ = true;
}

void FaultyStorage::release_writes() {
    std::lock_guard lk(mu_);
    hang_ = false;
    released_.notify_all();
}

int FaultyStorage::writes_hanging() const {
    std::lock_guard lk(mu_);
    return hanging_;
}

WriteResult FaultyStorage::write_atomic(const std::string& path, std::string_view bytes) {
    std::function<void(const std::string&)> hook;
    int fail_errno = 0;
    bool tear = false;
    {
        std::lock_guard lk(mu_);
        ++write_calls_;
        hook = before_write_;
        if (write_fail_count_ != 0) {
            fail_errno = write_errno_;
            if (write_fail_count_ > 0) --write_fail_count_;
        } else if (tear_count_ > 0) {
            tear = true;
            --tear_count_;
        }
    }
    if (hook) hook(path);
    {
        std::unique_lock lk(mu_);
        ++hanging_;
        released_.wait(lk, [&] { return !hang_; });
        --hanging_;
    }
    WriteResult r;
    if (fail_errno != 0) {
        r = WriteResult::failure(fail_errno, "write " + path + " (injected)");
    } else if (tear) {
        (void)inner_->write_atomic(make_temp_path(path), bytes.substr(0, bytes.size() / 2));
        r = WriteResult::failure(EIO, "write " + path + " (injected torn write)");
    } else {
        r = inner_->write_atomic(path, bytes);
    }
    if (!r) {
        std::lock_guard lk(mu_);
        ++failed_write_calls_;
    }
    return r;
}

std::optional<std::string> FaultyStorage::read(const std::string& path, std::size_t max_bytes) {
    return inner_->read(path, max_bytes);
}

WriteResult FaultyStorage::rename(const std::string& from, const std::string& to) {
    {
        std::lock_guard lk(mu_);
        if (rename_fail_count_ != 0) {
            if (rename_fail_count_ > 0) --rename_fail_count_;
            return WriteResult::failure(rename_errno_, "rename " + from + " to " + to + " (injected)");
        }
    }
    return inner_->rename(from, to);
}

WriteResult FaultyStorage::sync_dir(const std::string& dir) { return inner_->sync_dir(dir); }
std::vector<std::string> FaultyStorage::list(const std::string& dir) { return inner_->list(dir); }
bool FaultyStorage::remove(const std::string& path) { return inner_->remove(path); }
WriteResult FaultyStorage::make_dirs(const std::string& dir) { return inner_->make_dirs(dir); }

}  // namespace nk
