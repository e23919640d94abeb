// Durable file storage: atomic replace, plus a fault-injecting wrapper for tests.
//
// Everything the app keeps on disk (autosave, board files) goes through a Storage, so
// tests can make the disk full, read-only or torn without touching the real one.
//
// Contract of write_atomic(path, bytes), for every implementation:
//   - on success, `path` holds exactly `bytes`, durably (file and directory fsynced);
//   - on failure, `path` still holds its old content (or is still absent), byte for byte;
//     a reader never sees a mix of old and new. The only exception is a failing fsync of
//     the directory after the final rename: then `path` already holds the new content but
//     its durability is unknown, and the call reports the failure.
// Temporary files are named so that is_temp_file_name() recognises them; a crash can
// leave one behind, and cleanup_temp_files() removes them (call it at start-up only).
//
// Threads: real_storage() is safe to use from several threads at once (each call works
// on its own descriptors) as long as they do not write the same path concurrently.
// FaultyStorage's fault settings may be changed from any thread while it is in use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nk {

struct WriteResult {
    bool ok = true;
    std::string error;  // English, strerror-style, with the operation and path: for the log
    int err_no = 0;     // the errno of the failing call, 0 on success

    static WriteResult success() { return {}; }
    static WriteResult failure(int err_no, const std::string& what);  // "what: strerror(err_no)"
    explicit operator bool() const { return ok; }
};

class Storage {
public:
    virtual ~Storage();
    // See the contract at the top of this file. The directory must exist.
    virtual WriteResult write_atomic(const std::string& path, std::string_view bytes) = 0;
    // The whole file, or nullopt if it is missing, unreadable or larger than max_bytes.
    virtual std::optional<std::string> read(const std::string& path, std::size_t max_bytes) = 0;
    // Atomic rename within one file system (replaces `to`). Not yet durable: call
    // sync_dir() on the directory afterwards. A missing `from` fails with ENOENT.
    virtual WriteResult rename(const std::string& from, const std::string& to) = 0;
    // fsync of a directory, making earlier renames/creations in it durable.
    virtual WriteResult sync_dir(const std::string& dir) = 0;
    // Names (not paths) of the entries of `dir`, without "." and "..", in no particular
    // order; empty if the directory cannot be read.
    virtual std::vector<std::string> list(const std::string& dir) = 0;
    // True if the file is gone afterwards (removed now, or it did not exist).
    virtual bool remove(const std::string& path) = 0;
    // mkdir -p with mode 0755; succeeds if the directory already exists.
    virtual WriteResult make_dirs(const std::string& dir) = 0;
};

// The POSIX implementation (open/write/fsync/rename/opendir). One shared instance.
std::shared_ptr<Storage> real_storage();

// "dir/name" -> "dir"; "name" -> "."; "/name" -> "/".
std::string parent_dir(const std::string& path);
// A fresh temporary path in the same directory as `target`, for write_atomic.
std::string make_temp_path(const std::string& target);
// True for names produced by make_temp_path (".<name>.<pid>.<n>.nk-tmp").
bool is_temp_file_name(std::string_view name);
// Removes leftover temporary files from `dir`; returns how many were removed. Only at
// start-up, before any writer of that directory runs (it would remove its live temp).
int cleanup_temp_files(Storage& storage, const std::string& dir);

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
    void clear();  // removes all faults (not the hook)

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
};

}  // namespace nk
