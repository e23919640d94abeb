// Durable file storage: atomic replace. (The fault-injecting wrapper the tests use,
// FaultyStorage, lives with them: tests/unit/support/faulty_storage.hpp.)
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

}  // namespace nk
