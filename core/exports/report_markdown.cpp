// The report as GitHub-flavoured Markdown, for pasting into the school's own documents.
// The map is referenced by file name (the app writes the PNG beside the .md file).
#include <string>

#include "report.hpp"

namespace nk {
namespace {

// Escaped text; each "\n" becomes `br` (a hard line break, or "<br>" inside a table cell).
std::string lines(std::string_view text, std::string_view br) {
    std::string out;
    size_t start = 0;
    while (true) {
        const size_t nl = text.find('\n', start);
        out += markdown_escape(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        out += br;
        start = nl + 1;
    }
    return out;
}
std::string para(std::string_view text) { return lines(text, "\\\n"); }
std::string cell(std::string_view text) { return lines(text, "<br>"); }

// A link target: spaces and brackets percent-encoded so the file name stays one URL.
std::string url(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == ' ') out += "%20";
        else if (c == '(') out += "%28";
        else if (c == ')') out += "%29";
        else if (c == '<') out += "%3C";
        else if (c == '>') out += "%3E";
        else out += c;
    }
    return out;
}

void render_table(std::string& out, const ReportBlock& b) {
    auto numeric = [&](size_t col) { return col < b.numeric.size() && b.numeric[col]; };
    out += "|";
    for (const std::string& h : b.header) out += " " + cell(h) + " |";
    out += "\n|";
    for (size_t c = 0; c < b.header.size(); ++c) out += numeric(c) ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : b.rows) {
        out += "|";
        for (size_t c = 0; c < b.header.size(); ++c) {
            const std::string text = c < row.size() ? cell(row[c]) : std::string();
            out += " " + (c == 0 && !text.empty() ? "**" + text + "**" : text) + " |";
        }
        out += "\n";
    }
    out += "\n";
}

void render_block(std::string& out, const ReportBlock& b, const ReportInput& in, const Strings& s) {
    using Kind = ReportBlock::Kind;
    switch (b.kind) {
        case Kind::Heading: out += "### " + cell(b.text) + "\n\n"; break;
        case Kind::Subheading: out += "#### " + cell(b.text) + "\n\n"; break;
        case Kind::Paragraph: out += para(b.text) + "\n\n"; break;
        case Kind::Empty: out += "_" + para(b.text) + "_\n\n"; break;
        case Kind::List:
            for (const std::string& item : b.items) out += "- " + lines(item, "<br>") + "\n";
            out += "\n";
            break;
        case Kind::Table: render_table(out, b); break;
        case Kind::Entry:
            out += "**" + cell(b.label) + "**\\\n";
            out += b.muted ? "_" + para(b.text) + "_\n\n" : para(b.text) + "\n\n";
            break;
        case Kind::Image:
            if (in.png_file_name.empty()) {
                out += "_" + para(s.get("report.empty.map")) + "_\n\n";
            } else {
                out += "![" + cell(b.text) + "](" + url(in.png_file_name) + ")\n\n";
                out += "_" + para(b.label) + "_\n\n";
            }
            break;
    }
}

}  // namespace

std::string report_markdown(const ReportInput& in) {
    static const Strings kNoStrings;
    const Strings& s = in.s ? *in.s : kNoStrings;
    const ReportModel m = report_model(in);
    std::string out = "# " + cell(m.title) + "\n\n";
    for (size_t i = 0; i < m.subtitle.size(); ++i) {
        const bool notice = i + 1 == m.subtitle.size() && in.anonymous;
        if (notice) out += "> **" + para(m.subtitle[i]) + "**\n\n";
        else if (i == 0) out += "_" + para(m.subtitle[i]) + "_\n\n";
        else out += para(m.subtitle[i]) + "\n\n";
    }
    for (const auto& [label, value] : m.facts) out += "- **" + cell(label) + ":** " + cell(value) + "\n";
    if (!m.facts.empty()) out += "\n";
    for (const ReportSection& sec : m.sections) {
        out += "## " + cell(sec.heading) + "\n\n";
        for (const ReportBlock& b : sec.blocks) render_block(out, b, in, s);
    }
    out += "---\n\n_" + para(m.footer) + "_\n";
    return out;
}

}  // namespace nk
