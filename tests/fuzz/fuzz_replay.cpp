// libFuzzer target for the replay-script parser, nk::replay::parse_script
// (core/replay/replay_script.hpp).
//
// Beyond "never crashes, never throws" (ASan, UBSan and libFuzzer's limits watch that),
// every input is held to the header's contract:
//  * a ParseError has a message (valid UTF-8, as it is printed) and a line that exists;
//  * on success every Command is complete and in range: lines increase, numbers are
//    finite and within the limits, strings are valid UTF-8 without NUL bytes, file names
//    are not empty;
//  * every position survives a round trip through text: format_target(t) (plus the
//    offset, written with std::to_chars) parses back to the same Pos, and so do plain
//    X Y coordinates;
//  * split_text_input() of a text command gives pieces of 1..kMaxTextChunk bytes that
//    concatenate to the text.
//
// The property check is a plain function, check_replay(), so that
// tests/unit/fuzz_regressions_test.cpp runs the very same check on every crash found
// (it includes this file with NK_FUZZ_NO_ENTRY_POINT defined).
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "replay_script.hpp"
#include "utf8.hpp"

namespace nk::fuzz {

inline std::string shortest(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// A string a Command may carry: valid UTF-8, no NUL byte.
inline bool clean_string(const std::string& s) {
    return utf8::valid(s) && s.find('\0') == std::string::npos;
}

// Empty when `p` is complete and in range and survives a round trip through text.
inline std::string check_pos(const replay::Pos& p) {
    using replay::Target;
    std::string text;
    if (p.is_target) {
        const Target& t = p.target;
        if (!std::isfinite(p.dx) || !std::isfinite(p.dy)) return "a non-finite offset";
        if (!clean_string(t.a) || !clean_string(t.b)) return "a target text that is not clean UTF-8";
        switch (t.kind) {
        case Target::Kind::Ui:
            if (t.a.empty()) return "@ui: without an id";
            break;
        case Target::Kind::Key:
            if (t.a.empty() || t.station < 0 || t.station > replay::kMaxStation) return "a bad @kbd target";
            break;
        case Target::Kind::Note:
        case Target::Kind::School:
        case Target::Kind::LinkHandle:
        case Target::Kind::Line:
            break;
        }
        text = replay::format_target(t);
        if (p.dx != 0 || p.dy != 0 || std::signbit(p.dx) || std::signbit(p.dy))
            text += "+" + shortest(p.dx) + "," + shortest(p.dy);
    } else {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return "non-finite coordinates";
        if (p.dx != 0 || p.dy != 0 || !(p.target == Target{})) return "a plain position with target fields set";
        text = shortest(p.x) + " " + shortest(p.y);
    }
    const std::string line = "tap " + text;
    auto back = replay::parse_script(line, "round-trip.txt", "");
    if (const auto* err = std::get_if<replay::ParseError>(&back))
        return "'" + line + "' does not parse back: " + err->message;
    const auto& commands = std::get<replay::Script>(back).commands;
    if (commands.size() != 1 || !(commands[0].pos == p)) return "'" + line + "' parses back to another position";
    return {};
}

// Empty when the parse of `text` keeps the parser's contract; otherwise what went wrong.
inline std::string check_replay(std::string_view text) {
    using Op = replay::Command::Op;
    auto result = replay::parse_script(text, "fuzz.txt", "base");
    if (const auto* err = std::get_if<replay::ParseError>(&result)) {
        if (err->message.empty()) return "a ParseError without a message";
        if (!utf8::valid(err->message)) return "a ParseError message that is not valid UTF-8: " + err->message;
        if (err->file != "fuzz.txt") return "a ParseError naming another file";
        std::size_t lines = 1;
        for (char c : text) lines += c == '\n';
        if (err->line < 0 || static_cast<std::size_t>(err->line) > lines)
            return "a ParseError on line " + std::to_string(err->line) + " of " + std::to_string(lines);
        return {};
    }
    const replay::Script& script = std::get<replay::Script>(result);
    if (script.commands.size() > static_cast<std::size_t>(replay::kMaxCommands)) return "too many commands";
    int last_line = 0;
    for (const replay::Command& c : script.commands) {
        const std::string at = "line " + std::to_string(c.line) + " (" + std::string(replay::op_name(c.op)) + "): ";
        if (c.line <= last_line) return at + "line numbers do not increase";
        last_line = c.line;
        if (!clean_string(c.text)) return at + "text that is not clean UTF-8";
        if (c.finger < -1) return at + "a negative finger id";
        bool needs_pos = true;
        switch (c.op) {
        case Op::FingerDown:
        case Op::FingerMove:
        case Op::FingerUp:
            if (c.finger < 0) return at + "a finger command without a finger";
            break;
        case Op::MouseDown:
        case Op::MouseMove:
        case Op::MouseUp:
            if (c.finger != -1) return at + "a mouse command with a finger";
            break;
        case Op::Wheel:
            needs_pos = false;
            if (c.number < -replay::kMaxWheel || c.number > replay::kMaxWheel) return at + "wheel out of range";
            break;
        case Op::Wait:
            needs_pos = false;
            if (c.number < 0 || c.number > replay::kMaxWaitMs) return at + "wait out of range";
            if (replay::frames_for_wait(c.number) < 0) return at + "negative frames for a wait";
            break;
        case Op::Frames:
            needs_pos = false;
            if (c.number < 0 || c.number > replay::kMaxFrames) return at + "frames out of range";
            break;
        case Op::Tap:
        case Op::LongPress:
            break;
        case Op::Drag:
            if (c.number < 1 || c.number > replay::kMaxDragSteps) return at + "drag steps out of range";
            if (const std::string e = check_pos(c.pos2); !e.empty()) return at + "end position: " + e;
            break;
        case Op::Type:
            needs_pos = false;
            if (c.number < 0 || c.number > replay::kMaxStation) return at + "keyboard out of range";
            break;
        case Op::Snapshot:
            needs_pos = false;
            if ((c.width == 0) != (c.height == 0) || c.width < 0 || c.height < 0 ||
                c.width > replay::kMaxImageSide || c.height > replay::kMaxImageSide)
                return at + "image size out of range";
            if (c.text.empty()) return at + "no file name";
            break;
        case Op::Save:
        case Op::Open:
        case Op::Screenshot:
        case Op::Layout:
            needs_pos = false;
            if (c.text.empty()) return at + "no file name";
            break;
        case Op::Key:
            needs_pos = false;
            if (c.text.empty()) return at + "no key name";
            break;
        case Op::Text: {
            needs_pos = false;
            std::string joined;
            for (const std::string& piece : replay::split_text_input(c.text)) {
                if (piece.empty() || piece.size() > static_cast<std::size_t>(replay::kMaxTextChunk))
                    return at + "split_text_input gave a piece of " + std::to_string(piece.size()) + " bytes";
                if (!utf8::valid(piece)) return at + "split_text_input cut a UTF-8 sequence";
                joined += piece;
            }
            if (joined != c.text) return at + "split_text_input lost text";
            break;
        }
        case Op::Quit:
            needs_pos = false;
            break;
        }
        if (needs_pos && !c.has_pos) return at + "no position";
        if (c.has_pos)
            if (const std::string e = check_pos(c.pos); !e.empty()) return at + e;
    }
    return {};
}

}  // namespace nk::fuzz

#ifndef NK_FUZZ_NO_ENTRY_POINT
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem =
        nk::fuzz::check_replay(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_replay: %s\n", problem.c_str());
        std::abort();  // libFuzzer saves the input as crash-*
    }
    return 0;
}
#endif
