// Everything the quality-care folder needs, as files: the map image (carrying the board
// so it reopens), the report as HTML and Markdown, and the data as GraphML and CSV.
// Pure: the app renders the PNG; this module names and fills the files.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document.hpp"
#include "strings.hpp"

namespace nk {

// The keyword of the PNG text chunk that carries the board file.
inline constexpr const char* kPngBoardKeyword = "netwerkkaart";

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
