// Recovery from a crash loop: the pure decisions behind the running marker
// (DATA/session.open). The app writes the marker when it starts, marks it once it has
// autosaved a board of its own after the start-up save, and removes it on a clean exit;
// a marker still there at the next start means the previous run stopped unexpectedly.
//
// A start is a crash-loop start when the previous run
//   - died less than kQuickCrashMs after it started: the running app marks its marker
//     `settled 1` once lived_long() says so, so a slow restart (a reboot after a power
//     cut, the kiosk's pause) does not change the verdict,
//   - had started from a recovered autosave (`from` is its fingerprint, not "none"),
//   - had not autosaved a board of its own yet (marker says `saved 0`), and
//   - left the newest good autosave unchanged (its fingerprint still equals `from`).
// A SIGKILL or a power cut later in a run, or after the run saved its own work, is a
// plain unexpected stop. After kCrashLoopStarts crash-loop starts in a row the start
// opens the newest autosave OLDER than the board the crashing runs started from.
// No clock here: times come in as parameters (ms since the Unix epoch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nk {

inline constexpr std::int64_t kQuickCrashMs = 10'000;
inline constexpr int kCrashLoopStarts = 2;

// What the marker holds. Written as text lines "running", "started <ms>", "from <fp>",
// "streak <n>", "saved <0|1>", "settled <0|1>"; the old one-line "running" marker parses as a run with
// nothing known (never a crash-loop start).
struct RunMarker {
    std::int64_t started_ms = 0;  // wall clock at the start
    std::string from = "none";    // fingerprint of the autosave the run started from
    int streak = 0;               // crash-loop starts in a row up to this run's start
    bool saved = false;           // the run autosaved a board of its own after its start
    bool settled = false;         // the run lived kQuickCrashMs (lived_long)
    bool known = false;           // parsed from a marker with these fields
};

std::string format_marker(const RunMarker& m);
RunMarker parse_marker(std::string_view text);

// A short, stable fingerprint of a board file's bytes (FNV-1a 64, hex).
std::string board_fingerprint(std::string_view bytes);

// Whether a run that started at m.started_ms has lived long enough at `now_ms` that its
// death is no crash-loop death (a clock set back counts as not yet).
bool lived_long(const RunMarker& m, std::int64_t now_ms);

struct StartVerdict {
    bool crashed = false;     // a marker was left: the previous run stopped unexpectedly
    bool crash_loop = false;  // ... and this start is a crash-loop start (see above)
    int streak = 0;           // crash-loop starts in a row, this one included
    bool fall_back = false;   // open an autosave older than `avoid`
    std::string avoid;        // the board the crashing runs started from
};

// `marker`: the marker's text, nullopt when there is none; `newest`: the fingerprint of
// the newest good autosave now ("none" if there is none).
StartVerdict assess_start(const std::optional<std::string>& marker, std::string_view newest);

// `good`: fingerprints of the good autosaves, newest first. The index of the newest one
// older than the first that equals `avoid` and differs from it; nullopt if `avoid` is not
// there or nothing older differs.
std::optional<std::size_t> pick_fallback(const std::vector<std::string>& good, std::string_view avoid);

}  // namespace nk
