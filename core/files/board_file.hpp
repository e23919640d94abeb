// The board file: a Document as JSON (format version 2), written by cereal and read
// defensively, because a file on a USB stick may be truncated, edited or hostile.
//
// The format is documented field by field in docs/file-format.md. Every earlier version
// keeps loading: the golden files tests/data/board-v1.json and board-v2.json must stay
// loadable forever, and the writer reproduces board-v2.json byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "document.hpp"
#include "invariants.hpp"
#include "limits.hpp"

namespace nk {

// The version this build writes, and the newest it reads (it reads every version from 1 up).
// 1: the first. 2: authors, private trays and sides of post-its, missing/over-represented
// marks, facilitator and note-taker, plan, card notes, closing answers, actions, and the
// earlier versions of the map kept inside the file (`versions`). 3: the kind "ongesorteerd"
// (a new post-it is not sorted yet; older files keep their kinds) and the board's `goal`.
inline constexpr int kFormatVersion = 3;

// Limits on what parse_board accepts (limits.hpp has them all); past them a file is
// refused, never half-read. They keep memory bounded for any input and are far above any
// real workshop. Texts over their limits (limits.hpp) are cut and reported, never refused;
// `versions` past kMaxVersions keeps the newest kMaxVersions and reports the rest.
inline constexpr std::size_t kMaxFileBytes = limits::kFileBytes;
inline constexpr int kMaxJsonDepth = limits::kJsonDepth;
inline constexpr std::size_t kMaxJsonValues = limits::kJsonValues;
inline constexpr std::size_t kMaxListLength = limits::kListLength;  // entries in any one list: participants,
                                                                    // partners, links, priorities, notes,
                                                                    // closing, actions (board and versions)
inline constexpr std::size_t kMaxStrokePoints = limits::kFileStrokePoints;
inline constexpr std::size_t kMaxVersions = limits::kVersions;

enum class LoadErrorKind {
    Unreadable,    // the file could not be opened or read
    Empty,         // no bytes, or only whitespace
    TooLarge,      // past one of the limits above
    NotJson,       // not well-formed JSON (includes NaN/Infinity tokens and numbers past 1.8e308)
    TooDeep,       // nested deeper than kMaxJsonDepth
    NewerVersion,  // format_version > kFormatVersion: written by a newer app
    NotABoard,     // JSON, but not an object with format_version or partners
};

struct LoadError {
    LoadErrorKind kind = LoadErrorKind::Unreadable;
    std::string detail;  // English, technical (byte offset, field); for logs and support
    int version = 0;     // the file's format_version, for NewerVersion
};

// A board read from a file. `doc` keeps every invariant (invariants.hpp); `repairs`
// lists what was changed on the way in (missing or mistyped fields, unknown ids,
// invalid UTF-8, and everything nk::repair fixed). Empty repairs: the file was clean.
struct LoadedBoard {
    Document doc;
    RepairReport repairs;
};

// Parses board-file bytes. Never throws, never crashes, bounded memory and stack for
// any input. A file that parses but is damaged is repaired, not refused; only the
// LoadErrorKinds above refuse it. Fields the file lacks get their defaults (reported for
// version-1 fields, quietly for fields added since); fields this version does not know
// are ignored.
std::variant<LoadedBoard, LoadError> parse_board(std::string_view bytes);

// Reads the file at `path` (at most kMaxFileBytes + 1 bytes are ever read, so a huge
// file or a device gives TooLarge, not an allocation) and parses it. Never throws.
std::variant<LoadedBoard, LoadError> load_board_file(const std::string& path);

// The file text of `d`: cereal JSON, pretty-printed, ending in a newline. The same
// document always gives the same bytes. Non-finite numbers are written as 0 (the
// reducer keeps them out; this is a last line of defence).
std::string serialize_board(const Document& d);

// Like parse_board, but also reads a map image (PNG) that carries its board in a text
// chunk (export_set.hpp). An image without that chunk gives NotABoard with the detail
// "image without a map"; a damaged one gives NotJson.
std::variant<LoadedBoard, LoadError> parse_board_or_png(std::string_view bytes);
inline constexpr const char* kImageWithoutMap = "image without a map";

}  // namespace nk
