#include "crash_loop.hpp"

#include <cstdio>
#include <sstream>

namespace nk {

std::string format_marker(const RunMarker& m) {
    std::ostringstream s;
    s << "running\nstarted " << m.started_ms << "\nfrom " << m.from << "\nstreak " << m.streak << "\nsaved "
      << (m.saved ? 1 : 0) << "\nsettled " << (m.settled ? 1 : 0) << "\n";
    return s.str();
}

RunMarker parse_marker(std::string_view text) {
    RunMarker m;
    std::istringstream in{std::string(text)};
    std::string key;
    bool started = false, from = false, saved = false;
    while (in >> key) {
        if (key == "started") started = bool(in >> m.started_ms);
        else if (key == "from") from = bool(in >> m.from);
        else if (key == "streak") in >> m.streak;
        else if (key == "saved") {
            int v = 1;
            saved = bool(in >> v);
            m.saved = v != 0;
        }
        else if (key == "settled") {
            int v = 1;
            in >> v;
            m.settled = v != 0;
        }
        if (!in) break;
    }
    m.known = started && from && saved;
    if (!m.known) m = RunMarker{};
    if (m.streak < 0) m.streak = 0;
    return m;
}

std::string board_fingerprint(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

bool lived_long(const RunMarker& m, std::int64_t now_ms) { return now_ms - m.started_ms >= kQuickCrashMs; }

StartVerdict assess_start(const std::optional<std::string>& marker, std::string_view newest) {
    StartVerdict v;
    if (!marker) return v;
    v.crashed = true;
    const RunMarker m = parse_marker(*marker);
    v.crash_loop = m.known && !m.saved && !m.settled && m.from != "none" && m.from == newest;
    if (!v.crash_loop) return v;
    v.streak = m.streak + 1;
    v.avoid = m.from;
    v.fall_back = v.streak >= kCrashLoopStarts;
    return v;
}

std::optional<std::size_t> pick_fallback(const std::vector<std::string>& good, std::string_view avoid) {
    std::size_t i = 0;
    while (i < good.size() && good[i] != avoid) ++i;
    for (; i < good.size(); ++i)
        if (good[i] != avoid) return i;
    return std::nullopt;
}

}  // namespace nk
