// The limits of a board: defined once here, kept by the reducer, the input fields and the
// file reader alike (docs/file-format.md, "Limits").
//
// - Texts are measured in bytes of UTF-8 and cut at a character boundary: the reducer cuts
//   what an action brings, repair() (invariants.hpp) cuts what a file brings and reports it.
//   A text is never a reason to refuse an action or a file.
// - Counts are per board (the current one and each saved version alike). An action that
//   would take a count past its limit changes nothing and says why (Refusal); a board from
//   a file that is already past one still opens, and only its growth is refused.
// - Every board the reducer makes can be written and read back: the counts below, summed
//   over the board and its 50 versions, stay under the reader's hard caps (board_file.hpp),
//   and "save as new version" is refused when the file would pass half of the reader's
//   byte or value budget, so the current board can still grow to every limit after it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "document.hpp"

namespace nk::limits {

// ---- Texts, in bytes of UTF-8 ------------------------------------------------------------
inline constexpr std::size_t kSchoolName = 200;
inline constexpr std::size_t kGoalText = 4000;       // phase 1: what the team wants to get out of it
inline constexpr std::size_t kParticipantName = 100;
inline constexpr std::size_t kPartnerText = 1000;     // a post-it (its keyboard stops at 100 characters)
inline constexpr std::size_t kNoteText = 4000;        // a card note or a closing answer
inline constexpr std::size_t kActionText = 1000;      // each of an action item's what, who and due
inline constexpr std::size_t kVersionNote = 1000;
inline constexpr std::size_t kDate = 10;              // YYYY-MM-DD

// ---- Counts, per board -------------------------------------------------------------------
inline constexpr std::size_t kParticipants = 100;
inline constexpr std::size_t kPartners = 1000;
inline constexpr std::size_t kLinks = 1500;
inline constexpr std::size_t kNotes = 1000;          // card notes
inline constexpr std::size_t kActions = 200;         // action items
inline constexpr std::size_t kVersions = 50;         // saved versions inside one file
inline constexpr std::size_t kStrokePoints = 500;    // points kept of one priority circle (evenly spread)

// ---- What the file reader reads at most (board_file.hpp) -----------------------------------
// Hard caps that keep memory bounded for any file, far above any real workshop; past them
// a file is refused (TooLarge/TooDeep). Each list's cap holds for the board and all its
// versions together: the per-board counts above times 51 boards stay under it.
inline constexpr std::size_t kFileBytes = 64u << 20;       // 64 MiB
inline constexpr int kJsonDepth = 64;                      // nested arrays/objects
inline constexpr std::size_t kJsonValues = 4'000'000;      // values (keys too) in the whole file
inline constexpr std::size_t kListLength = 100'000;        // entries in any one list
inline constexpr std::size_t kFileStrokePoints = 10'000;   // points in one priority stroke
static_assert(kPartners * (kVersions + 1) <= kListLength && kLinks * (kVersions + 1) <= kListLength &&
              kNotes * (kVersions + 1) <= kListLength && kStrokePoints <= kFileStrokePoints);

// What an action would have taken past its limit.
enum class Limit {
    Participants,
    Partners,
    Links,
    Notes,
    Actions,
    Versions,
    FileSize,   // a new version would make the file too large to keep growing
    MergeSize,  // a merge would make the file too large to keep growing
};

// Stable id of a limit ("participants" "partners" "links" "notes" "actions" "versions"
// "file-size" "merge-size"): the app shows the text "limit.<id>" with `max` filled in.
std::string_view limit_id(Limit l);

// Why an action changed nothing.
struct Refusal {
    Limit limit = Limit::Partners;
    std::size_t max = 0;  // the limit's value (0 for FileSize and MergeSize)
    friend bool operator==(const Refusal&, const Refusal&) = default;
};

// A refusal when a list that held `before` entries and would hold `after` passes `max`
// (growth only: a board already past it may shrink or stay as it is).
std::optional<Refusal> grows_past(Limit l, std::size_t before, std::size_t after, std::size_t max);

// The first count of `after` (its own lists, not its versions) that grew past its limit
// compared with `before`; nullopt when none did.
std::optional<Refusal> counts_grown_past(const Document& before, const Document& after);

// An upper bound of serialize_board(d).size(), and of the JSON values the reader counts in
// it (board_file.hpp, kMaxJsonValues). Linear in the board; called for "save as new version".
std::size_t file_bytes_bound(const Document& d);
std::size_t json_values_bound(const Document& d);

// Whether the board with its versions leaves room for the current board to grow to every
// limit: at most half the reader's byte and value budgets.
bool leaves_room_to_grow(const Document& d);

}  // namespace nk::limits
