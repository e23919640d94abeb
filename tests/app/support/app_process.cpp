#include "app_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string_view>
#include <thread>

extern char** environ;

namespace nk::test {

using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

Xvfb::Xvfb(int w, int h) {
    int fds[2];
    if (pipe(fds) != 0) return;
    const std::string fd_arg = std::to_string(fds[1]);
    const std::string screen = std::to_string(w) + "x" + std::to_string(h) + "x24";
    pid_ = fork();
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test (a ctest timeout kills it)
        close(fds[0]);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0), dup2(null, 1), dup2(null, 2);
        execlp("Xvfb", "Xvfb", "-displayfd", fd_arg.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
               "-noreset", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    std::string out;
    pollfd p{fds[0], POLLIN, 0};
    const auto deadline = Steady::now() + 20s;
    while (Steady::now() < deadline && out.find('\n') == std::string::npos) {
        if (poll(&p, 1, 200) <= 0) continue;
        char buf[32];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, size_t(n));
    }
    close(fds[0]);
    if (out.find('\n') != std::string::npos) display_ = ":" + out.substr(0, out.find('\n'));
}

Xvfb::~Xvfb() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 200; ++i) {
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        std::this_thread::sleep_for(10ms);
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
}

AppProcess::AppProcess(const std::string& display, const std::vector<std::string>& args, const std::string& log) {
    std::vector<std::string> argv_s{NK_APP_PATH};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<std::string> env_s;
    for (char** e = environ; *e; ++e) {
        const std::string_view v = *e;
        if (v.rfind("DISPLAY=", 0) == 0 || v.rfind("SDL_VIDEODRIVER=", 0) == 0 || v.rfind("LIBGL_ALWAYS_SOFTWARE=", 0) == 0 ||
            v.rfind("vblank_mode=", 0) == 0)
            continue;
        env_s.emplace_back(v);
    }
    env_s.push_back("DISPLAY=" + display);
    env_s.push_back("SDL_VIDEODRIVER=x11");
    env_s.push_back("LIBGL_ALWAYS_SOFTWARE=1");
    env_s.push_back("vblank_mode=0");  // Mesa: no 60 Hz cap on Xvfb; frames as fast as the CPU draws them
    std::vector<char*> argv, envp;
    for (auto& s : argv_s) argv.push_back(s.data());
    argv.push_back(nullptr);
    for (auto& s : env_s) envp.push_back(s.data());
    envp.push_back(nullptr);
    started_ = Clock::now();
    pid_ = fork();
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = open("/dev/null", O_RDONLY);
        if (fd >= 0) dup2(fd, 1), dup2(fd, 2);
        if (null >= 0) dup2(null, 0);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
}

AppProcess::~AppProcess() {
    if (running()) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status_, 0);
    }
}

bool AppProcess::running() {
    if (pid_ <= 0 || reaped_) return false;
    if (waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
    return !reaped_;
}

void AppProcess::kill_now() {
    if (!running()) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    reaped_ = true;
}

int AppProcess::wait(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (running() && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
    if (running()) {
        kill_now();
        return -1;
    }
    return exit_code();
}

int AppProcess::exit_code() const { return reaped_ && WIFEXITED(status_) ? WEXITSTATUS(status_) : -1; }

}  // namespace nk::test
