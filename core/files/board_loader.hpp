// Reading a board file off the UI thread: a file dropped on the window or chosen to open
// or merge (up to 64 MiB, on a slow USB stick) is read and parsed on a worker thread while
// the screen keeps drawing ("opening…"); the UI takes the result when it is ready.
//
// What it promises:
// - start() returns at once; one file at a time: while busy(), start() refuses (false)
//   and changes nothing. The caller decides what to tell the person (the app refuses a
//   second open with a message rather than queueing it: two boards opened one after the
//   other would replace each other).
// - take() never blocks: the result once, on the thread that calls it (the UI thread),
//   which applies it (replaces or merges the board, shows the repairs or the error).
// - settle() waits for the running read at most `timeout` (a replay's next frame waits for
//   it, so a script sees the same frames on every run).
// - The destructor waits for a running read at most kLoaderShutdownWait. A read that is
//   stuck (a hung USB stick) is then left to finish on its own: its thread is detached
//   deliberately and owns, through a shared_ptr, everything it touches (its path, the
//   parse function and the slot for its result), so the process exits cleanly without it.
// Threads: every member from one owner thread; `parse` runs on the worker only.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>

#include "board_file.hpp"

namespace nk {

inline constexpr std::chrono::milliseconds kLoaderShutdownWait{1000};

class BoardLoader {
public:
    using Parsed = std::variant<LoadedBoard, LoadError>;
    using Parse = std::function<Parsed(const std::string& path)>;
    enum class Purpose { Open, Merge };
    struct Result {
        std::string path;
        Purpose purpose = Purpose::Open;
        Parsed parsed;
    };

    // `parse` reads the file (tests pass a slow or blocking one); load_board_file by default.
    explicit BoardLoader(Parse parse = {});
    ~BoardLoader();  // see above: bounded, never waits forever
    BoardLoader(const BoardLoader&) = delete;
    BoardLoader& operator=(const BoardLoader&) = delete;

    // Starts reading `path` for `purpose` on a worker; false while another is being read
    // or its result not yet taken, or when no thread can be had.
    bool start(std::string path, Purpose purpose);
    // A file started and its result not yet taken.
    bool busy() const { return job_ != nullptr; }
    // The file being read and what for (while busy()).
    const std::string& path() const;
    Purpose purpose() const;
    // The result of a finished read, once; nullopt while it runs or when nothing was started.
    std::optional<Result> take();
    // Waits until the running read has finished, at most `timeout`; true when nothing runs
    // any more (the result is then ready for take()).
    bool settle(std::chrono::milliseconds timeout);

private:
    struct Job;
    Parse parse_;
    std::shared_ptr<Job> job_;
    std::thread worker_;
};

}  // namespace nk
