#include "export_set.hpp"

#include "board_file.hpp"
#include "export_names.hpp"
#include "graph_export.hpp"
#include "png_chunk.hpp"
#include "report.hpp"

namespace nk {

std::string png_with_board(std::string_view png, const Document& d) {
    return png.empty() ? std::string() : add_itxt(png, kPngBoardKeyword, serialize_board(d));
}

Document anonymized(Document d) {
    for (Participant& p : d.participants) p.name.clear();
    d.notes.clear();
    d.closing.clear();
    for (ActionItem& a : d.actions) a.who.clear();
    d.versions.edit([](std::vector<Version>& versions) {
        for (Version& v : versions) v.board = anonymized(std::move(v.board));
    });
    return d;
}

std::vector<ExportFile> make_exports(const Document& d, const Strings& s, const std::string& png, bool anonymous,
                                     const std::string& dir, const std::function<bool(const std::string&)>& exists,
                                     const std::string& report_png) {
    const Document shared = anonymous ? anonymized(d) : d;
    std::string base = export_base_name(d);
    if (anonymous) base += " (" + s.get("export.anonymous_suffix") + ")";
    // One base name for the whole set, free for every extension, so the files belong together.
    const char* exts[] = {".png", ".html", ".md", ".graphml", " - partners.csv", " - lijnen.csv"};
    std::string chosen = base;
    for (int n = 2; n < 10000; ++n) {
        bool free = true;
        for (const char* e : exts) free = free && !exists(dir + "/" + chosen + e);
        if (free) break;
        chosen = base + " (" + std::to_string(n) + ")";
    }
    std::vector<ExportFile> out;
    const std::string with_board = png_with_board(png, shared);
    out.push_back({chosen + ".png", with_board.empty() ? png : with_board});
    ReportInput in;
    in.doc = &d;
    in.s = &s;
    in.png = report_png.empty() ? png : report_png;
    in.anonymous = anonymous;
    if (!d.versions.empty()) {
        in.compare_with = &d.versions.back().board;
        in.compare_label = d.versions.back().date;
    }
    in.png_file_name = chosen + ".png";
    out.push_back({chosen + ".html", report_html(in)});
    out.push_back({chosen + ".md", report_markdown(in)});
    out.push_back({chosen + ".graphml", to_graphml(shared, anonymous)});
    out.push_back({chosen + " - partners.csv", partners_csv(shared)});
    out.push_back({chosen + " - lijnen.csv", links_csv(shared)});
    return out;
}

}  // namespace nk
