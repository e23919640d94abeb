// The map as data for other tools: a GraphML graph (Gephi, yEd, networkx, Cytoscape)
// and two CSV tables (Excel, LibreOffice).
//
// What is exported: the school and every face-up partner (a post-it still private in a
// writer's tray during the brainstorm is left out, and so is every link to one), and the
// links between them. No participant names, authors or notes are exported: these files
// describe the school's network, not the people at the screen.
#pragma once

#include <string>

#include "document.hpp"

namespace nk {

// GraphML 1.0, UTF-8, one undirected graph (id "netwerkkaart").
//
// Graph data: `school` (string), `date` (string), `goal` (string: phase 1's "what we want
// to get out of the conversation"; written when not empty and not `anonymous`).
// Nodes: the school, id "school"; each face-up partner, id "p<ID>" (e.g. "p12").
// Node data (GraphML keys; id = attr.name):
//   kind             string   "school" or "partner"
//   label            string   the school's name / the post-it's text
//   category         string   partner only: a category id (document.hpp), "ongesorteerd"
//                             for a post-it not sorted yet
//   ring             int      partner only: 0 parking lane .. 4 outside
//   priority_count   int      partner only: how many participants circled it (phase 2C)
//   priority_<role>  int      partner only, one per role id (priority_leraar,
//                             priority_directie, ...): how many of that role circled it
//   missing          boolean  partner only: "ontbrekend" (phase 4)
//   overrepresented  boolean  partner only: over-represented (phase 4)
// Edges: one per link between exported nodes, id "l<ID>", source = the link's `from`,
// target = its `to` ("school" for the school end).
//
// Text is XML-escaped (& < > " ' and CR, LF, TAB in attributes); characters XML 1.0
// does not allow (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF) and invalid UTF-8
// become U+FFFD.
//
// `anonymous` (the report's "anonymous" choice) leaves out the goal, the one free text of
// the team's own that could name someone; these exports never hold participant names.
std::string to_graphml(const Document& d, bool anonymous);

// The face-up partners as CSV, one row per partner in board order.
// Header: id,text,category,ring,priority_count,missing,overrepresented
// id is the partner's number (as in the file format), category a category id, missing
// and overrepresented "true"/"false".
//
// Format (both CSV functions): RFC 4180 - comma-separated, CRLF line ends (also after
// the last row), a field is quoted with "..." when it holds a comma, a quote, CR or LF,
// quotes inside doubled. UTF-8 with a byte-order mark (EF BB BF) first: without it,
// Excel on Windows reads the file as ANSI and garbles "Coördinatie". Text is written as
// it is (invalid UTF-8 becomes U+FFFD); a text that starts with = + - @ is not altered,
// so a spreadsheet may read it as a formula: these files come from the team's own board.
std::string partners_csv(const Document& d);

// The links between exported nodes, one row per link in board order.
// Header: id,from,to,from_text,to_text
// from/to are partner numbers or "school"; from_text/to_text the post-its' texts (the
// school's name for "school").
std::string links_csv(const Document& d);

}  // namespace nk
