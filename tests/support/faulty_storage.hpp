// A Storage that injects failures, for tests: a full, read-only or torn disk without
// touching the real one. Its fault settings may be changed from any thread while it is
// in use.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "atomic_file.hpp"

namespace nk {

// Wraps another Storage and injects failures. Calls that are not failed pass through.
class FaultyStorage : public Storage {
public:
    explicit FaultyStorage(std::shared_ptr<Storage> inner);

    // The next `count` write_atomic calls fail with err_no (ENOSPC, EROFS, ...) and
    // write nothing; count < 0 means every call until clear().
    void fail_writes(int err_no, int count = -1);
    // The next `count` write_atomic calls are torn: a truncated copy of the bytes is left
    // in a temporary file beside the target (as a crash mid-write would) and the call
    // fails with EIO. The target is not touched.
    void tear_writes(int count = 1);
    // The next `count` rename calls fail with err_no; count < 0 means until clear().
    void fail_renames(int err_no, int count = -1);
    // Called at the start of every write_atomic, outside any lock (tests use it to block
    // the writing thread). Pass {} to remove.
    void set_before_write(std::function<void(const std::string& path)> hook);
    // Every write_atomic from now on hangs, as on a USB stick that stopped answering, until
    // release_writes() (then it goes on as usual). writes_hanging() counts those waiting now.
    void hang_writes();
    void release_writes();
    int writes_hanging() const;
    void clear();  // removes all faults (not the hook, not a hang)

    std::uint64_t write_calls() const;       // write_atomic calls so far
    std::uint64_t failed_write_calls() const;  // of which failed (injected or real)

    WriteResult write_atomic(const std::string& path, std::string_view bytes) override;
    std::optional<std::string> read(const std::string& path, std::size_t max_bytes) override;
    WriteResult rename(const std::string& from, const std::string& to) override;
    WriteResult sync_dir(const std::string& dir) override;
    std::vector<std::string> list(const std::string& dir) override;
    bool remove(const std::string& path) override;
    WriteResult make_dirs(const std::string& dir) override;

private:
    std::shared_ptr<Storage> inner_;
    mutable std::mutex mu_;
    int write_errno_ = 0;
    int write_fail_count_ = 0;  // <0: forever
    int tear_count_ = 0;
    int rename_errno_ = 0;
    int rename_fail_count_ = 0;
    std::function<void(const std::string&)> before_write_;
    std::uint64_t write_calls_ = 0;
    std::uint64_t failed_write_calls_ = 0;
    bool hang_ = false;
    int hanging_ = 0;
    std::condition_variable released_;
};

}  // namespace nk
