#include "autosave_watch.hpp"

#include <filesystem>
#include <fstream>

#include "atomic_file.hpp"
#include "board_files.hpp"

namespace nk::app {
namespace fs = std::filesystem;

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

std::optional<std::string> AutosaveWatch::check(const std::string& data_dir) {
    if (!writer_) return std::nullopt;
    const AutosaveStatus st = writer_->status();
    if (st.writes != marked_writes_) {
        // The running marker goes where the autosave goes, also after the data folder was
        // deleted and made again.
        marked_writes_ = st.writes;
        const std::string marker = data_dir + "/session.open";
        if (!fs::exists(marker)) std::ofstream(marker) << "running\n";
    }
    if (st.failure_epoch <= warned_failure_epoch_) return std::nullopt;
    warned_failure_epoch_ = st.failure_epoch;
    return st.last_error;
}

}  // namespace nk::app
