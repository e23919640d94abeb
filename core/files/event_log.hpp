// A plain-text log in the data directory for whoever supports the school: start-ups,
// recoveries, errors and repairs, one line each. Never the board's content.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace nk {

class EventLog {
public:
    // Logs to `path` (appending). When the file passes `max_bytes` it is renamed to
    // PATH.1 (replacing an older one) and a new file begins. An empty path logs nothing.
    explicit EventLog(std::string path = {}, size_t max_bytes = 1u << 20);
    // Appends "YYYY-MM-DDTHH:MM:SS LEVEL message". Never throws; a failing disk is ignored
    // (the log must never be the reason work is lost). Thread-safe.
    void write(std::string_view level, std::string_view message);
    // Logs to another file from now on.
    void open(std::string path) {
        std::lock_guard lock(mu_);
        path_ = std::move(path);
    }
    void info(std::string_view m) { write("INFO", m); }
    void error(std::string_view m) { write("ERROR", m); }
    std::string path() const {
        std::lock_guard lock(mu_);
        return path_;
    }

private:
    std::string path_;  // guarded by mu_: open() may change it while another thread writes
    size_t max_bytes_;
    mutable std::mutex mu_;
};

}  // namespace nk
