// The report as one self-contained HTML file: inline CSS, the map inline as a data: URI,
// nothing fetched from anywhere. Calm on screen (one column, system sans-serif), A4 in
// print (margins, page numbers, page breaks before the big sections, tables and rows that
// do not split, headings kept with what follows, colours that print). The printed pages
// are checked by tests/app/report_print_test.cpp (Chromium's --print-to-pdf).
#include <string>

#include "base64.hpp"
#include "report.hpp"

namespace nk {
namespace {

// Text with "\n" as <br>, escaped.
std::string lines(std::string_view text) {
    std::string out;
    size_t start = 0;
    while (true) {
        const size_t nl = text.find('\n', start);
        out += html_escape(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        out += "<br>";
        start = nl + 1;
    }
    return out;
}

// One line per item (a partner in a ring cell), so that a name that wraps is still seen as one.
std::string items(std::string_view text) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        out += "<div>" + html_escape(text.substr(start, nl - start)) + "</div>";
        start = nl + 1;
    }
    return out;
}

// A CSS string literal's content: no quote, backslash, newline or "<" can break out of it.
std::string css_string(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || u < 0x20 || u == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += '\\';
            if (u >= 16) out += kHex[u >> 4];
            out += kHex[u & 15];
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 18mm 14mm 20mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #1f2328; background: #fff; overflow-wrap: break-word;
  max-width: 48em; margin: 2.5em auto 4em; padding: 0 1.25em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
header { border-bottom: 2px solid #2f6f73; padding-bottom: .8em; margin-bottom: 1.2em; }
h1 { font-size: 21pt; line-height: 1.2; margin: 0 0 .25em; color: #18474a; }
.subtitle { margin: .1em 0; color: #4b5563; }
.subtitle.question { font-style: italic; }
.notice { margin: .8em 0 0; padding: .45em .7em; background: #fff7e0; border-left: 4px solid #d9a400; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1.2em; margin: .9em 0 0; font-size: 10pt; }
dl.facts dt { color: #4b5563; }
dl.facts dd { margin: 0; }
h2 { font-size: 15pt; line-height: 1.25; color: #18474a; margin: 2em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #c9d6d6; }
h3 { font-size: 12.5pt; margin: 1.4em 0 .2em; color: #1f2328; }
h4 { font-size: 10.5pt; margin: .9em 0 .25em; color: #2f6f73; text-transform: uppercase; letter-spacing: .04em; }
p { margin: .35em 0 .6em; }
p.meta { margin-top: 0; color: #4b5563; font-size: 10pt; }
p.empty, div.entry p.muted { color: #6b7280; font-style: italic; }
ul { margin: .3em 0 .8em; padding-left: 1.3em; }
li { margin: .1em 0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; line-height: 1.35; }
th, td { border: 1px solid #c4ccd4; padding: .3em .45em; vertical-align: top; text-align: left; }
thead th { background: #eef3f3; font-weight: 600; }
tbody th { background: #f7f9f9; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td, tr.total th { border-top: 2px solid #8a9aa6; font-weight: 600; }
/* Five columns of Dutch compounds ("Volwassenenonderwijs", "(oververtegenwoordigd)") on A4:
   8 pt and narrow padding let a name of up to ~33 mm stand on one line in every column. */
table.partners { font-size: 8pt; }
table.partners th, table.partners td { padding: .3em .35em; }
table.partners td { width: 19.5%; }
table.partners td div + div { margin-top: .3em; }
/* Each kind of partner in its post-it colours (app/theme.cpp kFill, kMark), as on the map. */
table.partners tbody th { --fill: #e0e0dc; --mark: #787872; background: var(--fill); border-left: 4px solid var(--mark); }
tr#cat-zorg > th { --fill: #f6c8c6; --mark: #b0504c; }
tr#cat-professionalisering > th { --fill: #c8e6c4; --mark: #4a8c46; }
tr#cat-aanbod > th { --fill: #fae5a0; --mark: #a88214; }
tr#cat-stages > th { --fill: #c4dcf4; --mark: #3c70aa; }
tr#cat-projecten > th { --fill: #e0d0ee; --mark: #8260aa; }
tr#cat-beleid > th { --fill: #fad6b0; --mark: #be6e28; }
/* A long word breaks inside its cell rather than widening the table past the page. */
th, td { overflow-wrap: anywhere; }
ul.columns { columns: 2; column-gap: 2em; }
ul.columns li { break-inside: avoid; }
figure { margin: .5em 0 1em; }
figure img { display: block; width: 100%; height: auto; border: 1px solid #d0d7de; }
figcaption { font-size: 9.5pt; color: #4b5563; margin-top: .35em; }
div.entry { margin: .3em 0 .8em; padding-left: .8em; border-left: 3px solid #d6e2e2; }
div.entry p.label { font-weight: 600; margin: 0 0 .1em; }
div.entry p.text { margin: 0; white-space: normal; }
footer { margin-top: 3em; padding-top: .6em; border-top: 1px solid #c9d6d6; font-size: 9pt; color: #6b7280; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  header { margin-top: 0; }
  h2 { margin-top: 1.2em; }
  section.page-break { break-before: page; page-break-before: always; }
  section.page-break > h2 { margin-top: 0; }
  h2, h3, h4, p.label { break-after: avoid; page-break-after: avoid; }
  tr, li, div.entry, figure, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  /* A table moves whole to the next page when it fits on one (a longer one still splits
     between rows, its header repeated), and takes the line that introduces it along; so
     does a partner's heading in the notes with the line under it. */
  table { break-inside: avoid; page-break-inside: avoid; }
  p:has(+ table), h3 + p { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
  /* A heading over a list keeps at least two of its items with it. */
  :is(h2, h3, h4) + ul > li:first-child { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  figure img { max-height: 230mm; object-fit: contain; }
  a { color: inherit; text-decoration: none; }
}
)css";

// A long list of mostly short items (partner names) is set in two columns; one long name
// among them just wraps in its column.
bool short_items(const std::vector<std::string>& items) {
    if (items.size() < 8) return false;
    size_t short_ones = 0;
    for (const std::string& item : items) {
        size_t chars = 0;
        for (char c : item) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (chars > 80 || item.find('\n') != std::string::npos) return false;
        short_ones += chars <= 36;
    }
    return short_ones * 10 >= items.size() * 9;
}

void render_table(std::string& out, const ReportBlock& b) {
    const bool partners = !b.row_ids.empty() && b.row_ids.front().rfind("cat-", 0) == 0;
    out += partners ? "<table class=\"partners\">\n" : "<table>\n";
    auto numeric = [&](size_t col) { return col < b.numeric.size() && b.numeric[col]; };
    out += "<thead><tr>";
    for (size_t c = 0; c < b.header.size(); ++c)
        out += (numeric(c) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") + lines(b.header[c]) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (size_t r = 0; r < b.rows.size(); ++r) {
        const std::string id = r < b.row_ids.size() ? b.row_ids[r] : std::string();
        out += "<tr";
        if (!id.empty()) out += " id=\"" + html_escape(id) + "\"";
        if (id.size() >= 6 && id.compare(id.size() - 6, 6, "-total") == 0) out += " class=\"total\"";
        out += ">";
        for (size_t c = 0; c < b.rows[r].size(); ++c) {
            if (c == 0) out += "<th scope=\"row\">" + lines(b.rows[r][c]) + "</th>";
            else if (partners) out += "<td>" + items(b.rows[r][c]) + "</td>";
            else out += (numeric(c) ? "<td class=\"num\">" : "<td>") + lines(b.rows[r][c]) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void render_block(std::string& out, const ReportBlock& b, const ReportInput& in, const Strings& s) {
    using Kind = ReportBlock::Kind;
    switch (b.kind) {
        case Kind::Heading: out += "<h3>" + lines(b.text) + "</h3>\n"; break;
        case Kind::Subheading: out += "<h4>" + lines(b.text) + "</h4>\n"; break;
        case Kind::Paragraph: out += "<p>" + lines(b.text) + "</p>\n"; break;
        case Kind::Empty: out += "<p class=\"empty\">" + lines(b.text) + "</p>\n"; break;
        case Kind::List:
            out += short_items(b.items) ? "<ul class=\"columns\">\n" : "<ul>\n";
            for (const std::string& item : b.items) out += "<li>" + lines(item) + "</li>\n";
            out += "</ul>\n";
            break;
        case Kind::Table: render_table(out, b); break;
        case Kind::Entry:
            out += "<div class=\"entry\"><p class=\"label\">" + lines(b.label) + "</p><p class=\"" +
                   (b.muted ? "text muted" : "text") + "\">" + lines(b.text) + "</p></div>\n";
            break;
        case Kind::Image:
            if (in.png.empty()) {
                out += "<p class=\"empty\">" + lines(s.get("report.empty.map")) + "</p>\n";
            } else {
                out += "<figure><img src=\"data:image/png;base64," + base64::encode(in.png) + "\" alt=\"" +
                       html_escape(b.text) + "\"><figcaption>" + lines(b.label) + "</figcaption></figure>\n";
            }
            break;
    }
}

}  // namespace

std::string report_html(const ReportInput& in) {
    static const Strings kNoStrings;
    const Strings& s = in.s ? *in.s : kNoStrings;
    const ReportModel m = report_model(in);
    std::string out;
    out.reserve(16384 + in.png.size() * 4 / 3);
    out += "<!DOCTYPE html>\n<html lang=\"" + html_escape(m.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"Netwerkkaart\">\n";
    out += "<title>" + html_escape(m.title) + "</title>\n<style>";
    out += kStyle;
    // Page numbers and the report's title in the page margins (where the browser supports it).
    out += "@page { @bottom-left { content: \"" + css_string(m.title) +
           "\"; font: 8pt system-ui, sans-serif; color: #6b7280; } @bottom-right { content: counter(page) \" / \" "
           "counter(pages); font: 8pt system-ui, sans-serif; color: #6b7280; } }\n";
    out += "</style>\n</head>\n<body>\n<header>\n<h1>" + html_escape(m.title) + "</h1>\n";
    for (size_t i = 0; i < m.subtitle.size(); ++i) {
        const bool notice = i + 1 == m.subtitle.size() && in.anonymous;
        const char* cls = notice ? "notice" : i == 0 ? "subtitle question" : "subtitle";
        out += std::string("<p class=\"") + cls + "\">" + lines(m.subtitle[i]) + "</p>\n";
    }
    if (!m.facts.empty()) {
        out += "<dl class=\"facts\">\n";
        for (const auto& [label, value] : m.facts) out += "<dt>" + lines(label) + "</dt><dd>" + lines(value) + "</dd>\n";
        out += "</dl>\n";
    }
    out += "</header>\n<main>\n";
    for (const ReportSection& sec : m.sections) {
        out += "<section id=\"" + html_escape(sec.id) + "\"" + (sec.page_break ? " class=\"page-break\"" : "") + ">\n";
        out += "<h2>" + lines(sec.heading) + "</h2>\n";
        for (const ReportBlock& b : sec.blocks) render_block(out, b, in, s);
        out += "</section>\n";
    }
    out += "</main>\n<footer><p>" + lines(m.footer) + "</p></footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace nk
