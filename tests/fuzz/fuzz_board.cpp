// libFuzzer target for the board loader, nk::parse_board (core/files/board_file.hpp).
//
// Beyond "never crashes" (ASan, UBSan and libFuzzer's limits watch that), every input is
// held to the loader's contract:
//  * a refused input names a known LoadErrorKind; NewerVersion carries a newer version;
//  * a board that loads keeps every invariant (nk::invariant_violations is empty), and
//    nk::repair finds nothing left to change in it;
//  * serialize_board of it parses back, without any repair, to an equal Document, and
//    serializing that gives the same bytes again (the file format is a fixed point);
//  * it stays editable: the actions that hand out new ids (a post-it, a copy, a line,
//    a participant) keep every invariant on it.
//
// The property check is a plain function, check_board(), so that
// tests/unit/fuzz_regressions_test.cpp runs the very same check on every crash found
// (it includes this file with NK_FUZZ_NO_ENTRY_POINT defined).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "board_file.hpp"
#include "invariants.hpp"
#include "reducer.hpp"

namespace nk::fuzz {

// The first line where two texts differ, for messages.
inline std::string first_difference(std::string_view a, std::string_view b) {
    std::size_t line = 1, i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) line += a[i++] == '\n';
    auto line_at = [i](std::string_view s) {
        const std::size_t begin = s.rfind('\n', i == 0 ? 0 : i - 1);
        const std::size_t from = begin == std::string_view::npos || i == 0 ? 0 : begin + 1;
        return std::string(s.substr(from, std::min<std::size_t>(s.find('\n', from) - from, 200)));
    };
    return "line " + std::to_string(line) + ": '" + line_at(a) + "' vs '" + line_at(b) + "'";
}

// Empty when `bytes` is handled as the contract says; otherwise what went wrong.
inline std::string check_board(std::string_view bytes) {
    auto result = parse_board(bytes);
    if (const auto* err = std::get_if<LoadError>(&result)) {
        switch (err->kind) {
        case LoadErrorKind::Unreadable:
            return "parse_board gave Unreadable, which only load_board_file may give";
        case LoadErrorKind::NewerVersion:
            if (err->version <= kFormatVersion)
                return "NewerVersion with version " + std::to_string(err->version);
            return {};
        case LoadErrorKind::Empty:
        case LoadErrorKind::TooLarge:
        case LoadErrorKind::NotJson:
        case LoadErrorKind::TooDeep:
        case LoadErrorKind::NotABoard:
            return {};
        }
        return "unknown LoadErrorKind " + std::to_string(static_cast<int>(err->kind));
    }
    const Document& doc = std::get<LoadedBoard>(result).doc;
    if (const auto broken = invariant_violations(doc); !broken.empty())
        return "a loaded board breaks an invariant: " + broken.front();
    {
        Document copy = doc;
        const RepairReport again = repair(copy);
        if (!again.empty()) return "repair() still changes a loaded board: " + again.changes.front();
        if (!(copy == doc)) return "repair() changed a loaded board without reporting it";
    }

    const std::string text = serialize_board(doc);
    auto back = parse_board(text);
    if (const auto* err = std::get_if<LoadError>(&back))
        return "the serialized board is refused: " + err->detail;
    const LoadedBoard& reread = std::get<LoadedBoard>(back);
    if (!reread.repairs.empty()) return "the serialized board needs repairs: " + reread.repairs.changes.front();
    const std::string text2 = serialize_board(reread.doc);
    if (!(reread.doc == doc)) {
        if (text2 == text) return "the re-read board differs, though it serializes the same";
        return "the re-read board differs: " + first_difference(text, text2);
    }
    if (text2 != text) return "serialization is not a fixed point: " + first_difference(text, text2);

    // Editing the loaded board: new ids come from the ids in the file.
    Document edited = reduce(doc, act::AddPartner{"new", Category::Zorg, {100, 100}, 0});
    if (!doc.partners.empty()) edited = reduce(edited, act::DuplicatePartner{doc.partners.front().id});
    if (!edited.partners.empty()) edited = reduce(edited, act::AddLink{edited.partners.back().id, kSchool});
    edited = reduce(edited, act::AddParticipant{"new", Role::Leraar});
    if (const auto broken = invariant_violations(edited); !broken.empty())
        return "editing a loaded board breaks an invariant: " + broken.front();
    return {};
}

}  // namespace nk::fuzz

#ifndef NK_FUZZ_NO_ENTRY_POINT
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem =
        nk::fuzz::check_board(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_board: %s\n", problem.c_str());
        std::abort();  // libFuzzer saves the input as crash-*
    }
    return 0;
}
#endif
