// Everything the quality-care folder needs, as files: the map image (carrying the board
// so it reopens), the report as HTML and Markdown, and the data as GraphML and CSV.
// Pure: the app renders the PNG; this module names and fills the files.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "strings.hpp"

namespace nk {

// The keyword of the PNG text chunk that carries the board file.
inline constexpr const char* kPngBoardKeyword = "netwerkkaart";

// `png` carrying the board file of `d` in an iTXt chunk (kPngBoardKeyword), so that the
// image reopens as that board (`netwerkkaart MAP.png`, dropping it on the window, the
// kaarten list). Every map image the app writes goes through here: the export's, the Foto
// button's, --snapshot's and the replay's `snapshot`. Empty when `png` is not a sound PNG
// (or the board would not fit in a chunk); the caller then keeps the plain image.
std::string png_with_board(std::string_view png, const Document& d);

// A copy of `d` for sharing beyond the team: no participant names, no notes on cards,
// no closing answers, no "who" of actions, and the same for every saved version.
Document anonymized(Document d);

struct ExportFile {
    std::string name;   // file name (no folder)
    std::string bytes;
};

// The five exports of one board (PNG, HTML, Markdown, GraphML, two CSV files), named
// "<date> <school> - netwerkkaart.<ext>" (with " (anoniem)" for the anonymous variant),
// each name unique in `dir` according to `exists`. `png` is the rendered map; the board
// (anonymized when asked) is embedded in it. The report shows `report_png` (when empty,
// `png`: the app passes a smaller image when the photo is bigger than a report needs).
// The report compares with the newest saved version when the board has one.
std::vector<ExportFile> make_exports(const Document& d, const Strings& s, const std::string& png, bool anonymous,
                                     const std::string& dir, const std::function<bool(const std::string&)>& exists,
                                     const std::string& report_png = {});

}  // namespace nk
