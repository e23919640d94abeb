// The session report for the school's quality-care folder: everything on the board (the
// team, the map, the partners by kind and ring, priorities and patterns, the notes per card,
// the closing answers, the next steps, and optionally what changed since an earlier map),
// written for a reader who was not there, a year later.
//
// Two forms of the same content:
//   report_html     one self-contained HTML file (the map image inline as a data: URI; no
//                   external CSS, fonts, scripts or network), calm on screen, A4 in print;
//   report_markdown GitHub-flavoured Markdown for pasting into the school's own documents;
//                   the image is referenced as `png_file_name` (the app writes it beside).
// Both render one ReportModel (report_model), so they always hold the same sections.
//
// Wording: every label comes from the strings table (assets/lang/<lang>.txt,
// <lang>-method.txt and <lang>-report.txt merged); nothing is hard-coded here.
//
// Anonymous mode (for sharing beyond the team) leaves out participant names and what was
// said: participants appear only as counts per role; the notes, the closing answers, the
// "who" of the next steps, the facilitator and note-taker, per-person priorities and
// version notes are left out. Every section is still there and says what was left out.
//
// Every section is present even when empty and then says so in one line ("Nog geen
// notities."), so a later reader knows it was not forgotten.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"
#include "strings.hpp"

namespace nk {

struct ReportInput {
    const Document* doc = nullptr;
    const Strings* s = nullptr;
    std::string png;              // the map image (PNG bytes); may be empty
    bool anonymous = false;
    const Document* compare_with = nullptr;  // an earlier map (e.g. a saved version), or null
    std::string compare_label;   // how to name it: "de kaart van 2025-03-12"
    std::string png_file_name;   // Markdown only: the image's file name beside the .md file
};

// ---- the neutral content both renderers share ---------------------------------------------
// All text is plain, unescaped UTF-8; "\n" inside a text or cell is a line break.
struct ReportBlock {
    enum class Kind {
        Heading,    // a sub-heading (level 3), e.g. a partner in the notes section
        Subheading, // a sub-sub-heading (level 4), e.g. a card group
        Paragraph,
        Empty,      // "nothing here" / "left out" remark, shown subdued
        List,       // items
        Table,      // header + rows; row_ids (optional) name rows for anchors and tests
        Entry,      // a labelled text: label (card title, question) + text
        Image,      // the map image
    };
    Kind kind = Kind::Paragraph;
    std::string text;                 // Heading, Subheading, Paragraph, Empty, Entry (its body), Image (alt text)
    std::string label;                // Entry's label
    std::vector<std::string> items;   // List
    std::vector<std::string> header;  // Table
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row_ids;
    std::vector<bool> numeric;        // Table: per column, right-aligned numbers
    bool muted = false;               // Entry: the body is a remark ("Niet beantwoord."), not an answer
};

struct ReportSection {
    std::string id;       // stable: "participants" "map" "partners" "priorities" "notes" "closing" "actions" "changes"
    std::string heading;
    bool page_break = false;  // start this section on a new page in print
    std::vector<ReportBlock> blocks;
};

struct ReportModel {
    std::string lang;                  // "nl", "en" (report.lang)
    std::string title;                 // "Netwerkkaart van <school>"
    std::vector<std::string> subtitle; // the workshop question, the session's date …
    std::vector<std::pair<std::string, std::string>> facts;  // label, value: date, plan, phase …
    std::vector<ReportSection> sections;
    std::string footer;
};

ReportModel report_model(const ReportInput& in);
std::string report_html(const ReportInput& in);
std::string report_markdown(const ReportInput& in);

// Escaping, exposed for tests and for the app's own small exports.
std::string html_escape(std::string_view text);      // & < > " '
std::string markdown_escape(std::string_view text);  // inline text: \ ` * _ [ ] < > | and # - + 1. at line start

}  // namespace nk
