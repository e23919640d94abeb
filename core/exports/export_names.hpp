// File names for exports (snapshot PNG, report, GraphML, CSV) on a USB stick.
//
// A stick is usually FAT32 or exFAT and is read on Windows too, so a name avoids every
// character those refuse: / \ : * ? " < > | and control characters; it does not end in
// a dot or a space; and it stays short.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "document.hpp"

namespace nk {

// Longest school part of a base name, in bytes (cut on a UTF-8 boundary).
inline constexpr std::size_t kMaxSchoolNameBytes = 80;

// `s` made safe as (part of) a file name: each of / \ : * ? " < > | becomes "-",
// control characters (U+0000-U+001F, U+007F) and invalid UTF-8 become a space, runs
// of spaces become one, then it is trimmed of spaces and dots at both ends and cut to
// `max_bytes` on a UTF-8 boundary (trimmed again after the cut). May return "".
std::string safe_file_name_part(std::string_view s, std::size_t max_bytes);

// "<date> <school> - netwerkkaart", e.g. "2026-11-29 Basisschool De Linde - netwerkkaart".
// The date is the board's (left out when it is not YYYY-MM-DD); the school's name is made
// safe with safe_file_name_part(…, kMaxSchoolNameBytes); an empty result, or a name
// that Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9), gives "Netwerkkaart" in
// its place: "2026-11-29 Netwerkkaart - netwerkkaart".
std::string export_base_name(const Document& d);

// dir/base.ext, or, when `exists` says that one is taken, dir/base (2).ext,
// dir/base (3).ext, ... the first that is free. `ext` is given without the dot ("png");
// an empty `ext` gives no dot. `dir` empty: no directory part; a trailing "/" on dir is
// not doubled. Gives up after 9999 tries and returns "" (a full or broken `exists`).
std::string unique_path(const std::string& dir, const std::string& base, const std::string& ext,
                        const std::function<bool(const std::string&)>& exists);

// Where the Foto button writes a snapshot: dir/<export_base_name(d)>.png, or the first
// free "(2)", "(3)", ... (unique_path). Its file name stays within kMaxSchoolNameBytes +
// 40 bytes whatever the school is called (a file system allows 255); "" when 9999 are taken.
std::string snapshot_path(const std::string& dir, const Document& d,
                          const std::function<bool(const std::string&)>& exists);

}  // namespace nk
