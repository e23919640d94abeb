// The real netwerkkaart binary as a child process the test controls itself: started
// directly (no xvfb-run or other wrapper in between, so a kill hits the app), on an Xvfb
// server the test starts, with its output in a log file. For tests that must kill the
// app at a moment of their choosing or talk to it while it runs (tests/app/kill_test.cpp,
// tests/app/storage_failure_test.cpp); tests that only need a run to finish use
// run_app() in app_runner.hpp.
//
// What it promises:
// - No child outlives the test: both the Xvfb and the app get PR_SET_PDEATHSIG SIGKILL
//   (a ctest timeout that kills the test kills them too), and the destructors stop and
//   reap them (Xvfb: SIGTERM, SIGKILL after 2 s; the app: SIGKILL if still running).
// - Xvfb picks the first free display itself (-displayfd); display() is empty when the
//   server did not report one within 20 s.
// - The app runs with the test's environment except DISPLAY=<that server>,
//   SDL_VIDEODRIVER=x11, LIBGL_ALWAYS_SOFTWARE=1 and vblank_mode=0 (Mesa draws frames as
//   fast as the CPU can, without a 60 Hz cap); stdin is /dev/null, stdout and stderr go
//   to the log file (truncated).
// - Nothing here sleeps longer than needed: running() never blocks; wait() polls every
//   5 ms and kills the app when the timeout passes.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace nk::test {

// Seconds in a duration, as a double.
template <class Rep, class Period>
double seconds(std::chrono::duration<Rep, Period> d) {
    return std::chrono::duration<double>(d).count();
}

// An Xvfb server of w x h x 24 on the first free display, stopped by the destructor.
class Xvfb {
public:
    explicit Xvfb(int w = 1280, int h = 720);
    ~Xvfb();
    Xvfb(const Xvfb&) = delete;
    Xvfb& operator=(const Xvfb&) = delete;
    // ":N", or empty when the server did not start.
    const std::string& display() const { return display_; }

private:
    pid_t pid_ = -1;
    std::string display_;
};

// The app (NK_APP_PATH) with `args` on X display `display`, output to the file `log`.
class AppProcess {
public:
    using Clock = std::chrono::steady_clock;

    AppProcess(const std::string& display, const std::vector<std::string>& args, const std::string& log);
    // Kills the app (SIGKILL) if it still runs, and reaps it.
    ~AppProcess();
    AppProcess(const AppProcess&) = delete;
    AppProcess& operator=(const AppProcess&) = delete;

    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }
    // Just before the fork.
    Clock::time_point start_time() const { return started_; }
    // Whether the app still runs; reaps it (without blocking) once it has ended.
    bool running();
    // SIGKILL now, and reap; nothing if it has already ended.
    void kill_now();
    // Waits for the exit; kills after `timeout`. Returns the exit code, -1 for a signal
    // or a timeout.
    int wait(std::chrono::milliseconds timeout);
    // The exit code once reaped; -1 before that or after a signal.
    int exit_code() const;

private:
    pid_t pid_ = -1;
    int status_ = 0;
    bool reaped_ = false;
    Clock::time_point started_;
};

}  // namespace nk::test
