#include "autosave_watch.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include "atomic_file.hpp"
#include "board_files.hpp"

namespace nk::app {
namespace fs = std::filesystem;

std::int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void AutosaveWatch::start(const std::string& data_dir, Session& session) {
    AutosaveOptions ao;
    ao.dir = data_dir;
    ao.validator = is_good_board;
    writer_ = std::make_shared<AutosaveWriter>(ao);
    session.set_autosave(writer_);
}

void AutosaveWatch::erase_all(const std::string& data_dir, Session& session) {
    session.set_autosave(nullptr);
    writer_.reset();
    std::error_code ec;
    for (int g = -1; g <= kAutosaveGenerations; ++g) fs::remove(autosave_path(data_dir, g), ec);
    cleanup_temp_files(*real_storage(), data_dir);
    start(data_dir, session);
}

void AutosaveWatch::mark_running(const std::string& data_dir, const RunMarker& m) {
    marker_ = m;
    std::ofstream(data_dir + "/session.open") << format_marker(marker_);
}

std::optional<std::string> AutosaveWatch::check(const std::string& data_dir) {
    if (!writer_) return std::nullopt;
    const AutosaveStatus st = writer_->status();
    if (!marker_.settled && marker_.started_ms != 0) {
        if (lived_long(marker_, wall_clock_ms())) {
            // A crash from now on is no crash-loop start (core/files/crash_loop.hpp).
            marker_.settled = true;
            std::ofstream(data_dir + "/session.open") << format_marker(marker_);
        }
    }
    if (st.writes != marked_writes_) {
        // The running marker goes where the autosave goes, also after the data folder was
        // deleted and made again.
        marked_writes_ = st.writes;
        // Write 1 is the start-up save of the board the run started from; a later one is
        // a board of this run's own: a crash from now on is no crash-loop start.
        const std::string marker = data_dir + "/session.open";
        const bool newly_saved = !marker_.saved && st.writes >= 2;
        marker_.saved = marker_.saved || newly_saved;
        if (newly_saved || !fs::exists(marker)) std::ofstream(marker) << format_marker(marker_);
    }
    if (st.failure_epoch <= warned_failure_epoch_) return std::nullopt;
    warned_failure_epoch_ = st.failure_epoch;
    return st.last_error;
}

}  // namespace nk::app
