#include "event_log.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "utf8.hpp"

namespace nk {

EventLog::EventLog(std::string path, size_t max_bytes) : path_(std::move(path)), max_bytes_(max_bytes) {}

void EventLog::write(std::string_view level, std::string_view message) {
    std::lock_guard lock(mu_);  // before reading path_: open() may be changing it
    if (path_.empty()) return;
    std::error_code ec;
    if (std::filesystem::file_size(path_, ec) > max_bytes_ && !ec) std::filesystem::rename(path_, path_ + ".1", ec);
    std::FILE* f = std::fopen(path_.c_str(), "a");
    if (!f) return;
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    std::string line = utf8::repaired(message);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::fprintf(f, "%s %.*s %s\n", stamp, int(level.size()), level.data(), line.c_str());
    std::fclose(f);
}

}  // namespace nk
