#include "strings.hpp"

#include <fstream>
#include <sstream>

#include "utf8.hpp"

namespace nk {
namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}
std::string unescape(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size() && v[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += v[i];
        }
    }
    return out;
}
}  // namespace

Strings Strings::parse(std::string_view text) {
    Strings s;
    const std::string clean = utf8::repaired(text);
    std::string_view rest = clean;
    while (!rest.empty()) {
        const size_t nl = rest.find('\n');
        std::string_view line = trim(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        if (line.empty() || line.front() == '#') continue;
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos || trim(line.substr(0, eq)).empty()) {
            ++s.skipped_;
            continue;
        }
        s.map_[std::string(trim(line.substr(0, eq)))] = unescape(trim(line.substr(eq + 1)));
    }
    return s;
}

Strings Strings::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
}

const std::string& Strings::get(const std::string& key) const {
    if (auto it = map_.find(key); it != map_.end()) return it->second;
    return missing_.try_emplace(key, key).first->second;
}

std::string Strings::format(const std::string& key, std::initializer_list<std::string_view> args) const {
    std::string out;
    const std::string& f = get(key);
    auto arg = args.begin();
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == '{' && i + 1 < f.size() && f[i + 1] == '}' && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += f[i];
        }
    }
    return out;
}

std::string long_date(const Strings& s, std::string_view d) {
    if (d.empty()) return s.get("report.date_unknown");
    auto num = [&](size_t pos, size_t len) {
        int v = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (d[i] < '0' || d[i] > '9') return -1;
            v = v * 10 + (d[i] - '0');
        }
        return v;
    };
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::string(d);
    const int y = num(0, 4), m = num(5, 2), day = num(8, 2);
    if (y < 0 || m < 1 || m > 12 || day < 1 || day > 31) return std::string(d);
    return s.format("report.date", {std::to_string(day), s.get("report.month." + std::to_string(m)), d.substr(0, 4)});
}

}  // namespace nk
