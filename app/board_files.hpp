// The board files a facilitator can choose from without an operating-system file dialog
// (the kiosk stays closed): the data folder's "kaarten" folder and the top of every
// mounted USB stick (found by the media watcher, off the UI thread). Used to open an earlier map (phase 0) and to merge another group's
// map (phase 0 and the facilitator's panel), so both show the same list in the same order.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace nk::app {

// At most kMaxBoardFiles files in `data_dir`/kaarten and at the top of each of `sticks`
// (core/files/media_watch.hpp finds them), sorted by path: every `.json` file, and every
// `.png` whose chunks include the board's iTXt chunk (a map image Netwerkkaart exported; a
// photo from the stick is left out). Only the PNG's chunk headers are read, never its
// pixels. Missing folders give an empty list. Reads the disk: the media watcher runs it on
// its own thread, never the UI thread.
inline constexpr std::size_t kMaxBoardFiles = 8;
std::vector<std::filesystem::path> find_board_files(const std::string& data_dir,
                                                    const std::vector<std::filesystem::path>& sticks);

// Whether the PNG file at `path` carries a board (an iTXt chunk with the keyword
// "netwerkkaart"). Reads the signature and the chunk headers only.
bool png_carries_board(const std::filesystem::path& path);

// Whether `bytes` parse as a board file (the autosave's validator).
bool is_good_board(std::string_view bytes);
// Today's date as YYYY-MM-DD, local time (a new board's date).
std::string today();

}  // namespace nk::app
