// The words on the screen, loaded from a data file in assets/lang/ (nl.txt, en.txt),
// so a school can change the wording without rebuilding.
//
// File format: one `key = value` per line; `#` starts a comment line; in a value,
// `\n` is a line break. Keys are stable ids (e.g. `button.note_add`, `category.zorg`).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace nk {

class Strings {
public:
    // Parses file text; malformed lines are skipped (and counted).
    static Strings parse(std::string_view text);
    // Reads a file; an unreadable file gives an empty table.
    static Strings load(const std::string& path);

    // The text for `key`; the key itself when it is missing, so a gap shows, never crashes.
    const std::string& get(const std::string& key) const;
    bool has(const std::string& key) const { return map_.count(key) != 0; }
    // Adds every entry of `other`, replacing entries with the same key.
    void merge(const Strings& other) {
        for (const auto& [k, v] : other.map_) map_[k] = v;
        skipped_ += other.skipped_;
    }
    // `get(key)` with every "{}" replaced in turn by the arguments.
    std::string format(const std::string& key, std::initializer_list<std::string_view> args) const;
    size_t size() const { return map_.size(); }
    int skipped_lines() const { return skipped_; }

private:
    std::map<std::string, std::string, std::less<>> map_;
    mutable std::map<std::string, std::string, std::less<>> missing_;
    int skipped_ = 0;
};

// A date as people write it: "2025-11-27" as "27 november 2025" ("27 November 2025" in
// English), with the keys `report.date` (day, month, year) and `report.month.1` ..
// `report.month.12` (assets/lang/<lang>-report.txt, which the app merges too). The same
// words on the screen and in the report. Empty text gives `report.date_unknown`; text
// that is not a YYYY-MM-DD date is returned as it is.
std::string long_date(const Strings& s, std::string_view iso_date);

}  // namespace nk
