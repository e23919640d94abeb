#include "export_names.hpp"

#include <array>

#include "utf8.hpp"

namespace nk {
namespace {

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

void trim(std::string& s) {
    const size_t first = s.find_first_not_of(" .");
    if (first == std::string::npos) {
        s.clear();
        return;
    }
    s.erase(0, first);
    s.erase(s.find_last_not_of(" .") + 1);
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// CON, PRN, AUX, NUL, COM1-9, LPT1-9: Windows refuses them as names, with any extension.
bool windows_reserved(std::string_view s) {
    std::string u;
    for (char c : s) u += upper(c);
    static constexpr std::array<std::string_view, 4> kPlain{"CON", "PRN", "AUX", "NUL"};
    for (std::string_view r : kPlain)
        if (u == r) return true;
    return u.size() == 4 && (u.starts_with("COM") || u.starts_with("LPT")) && u[3] >= '1' && u[3] <= '9';
}

}  // namespace

std::string safe_file_name_part(std::string_view raw, std::size_t max_bytes) {
    const std::string s = utf8::valid(raw) ? std::string(raw) : utf8::repaired(raw);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto b = static_cast<unsigned char>(c);
        char put = c;
        if (std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos)
            put = '-';
        else if (b < 0x20 || b == 0x7F)
            put = ' ';
        else if (b == 0xEF && i + 2 < s.size() && s[i + 1] == '\xBF' && s[i + 2] == '\xBD') {
            put = ' ';  // U+FFFD from invalid UTF-8
            i += 2;
        }
        if (put == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += put;
    }
    trim(out);
    if (out.size() > max_bytes) {
        size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
        out.resize(cut);
        trim(out);
    }
    return out;
}

std::string export_base_name(const Document& d) {
    std::string school = safe_file_name_part(d.school, kMaxSchoolNameBytes);
    if (school.empty() || windows_reserved(school)) school = "Netwerkkaart";
    const std::string date = is_date(d.date) ? d.date + " " : "";
    return date + school + " - netwerkkaart";
}

std::string unique_path(const std::string& dir, const std::string& base, const std::string& ext,
                        const std::function<bool(const std::string&)>& exists) {
    std::string prefix = dir;
    if (!prefix.empty() && prefix.back() != '/' && prefix.back() != '\\') prefix += '/';
    const std::string dot_ext = ext.empty() ? "" : "." + ext;
    for (int n = 1; n <= 9999; ++n) {
        const std::string path = prefix + base + (n == 1 ? "" : " (" + std::to_string(n) + ")") + dot_ext;
        if (!exists(path)) return path;
    }
    return {};
}

std::string snapshot_path(const std::string& dir, const Document& d,
                          const std::function<bool(const std::string&)>& exists) {
    return unique_path(dir, export_base_name(d), "png", exists);
}

}  // namespace nk
