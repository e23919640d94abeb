// The replay-script parser: text in, a list of commands out. Pure: no I/O except
// load_script(), no SDL, no screen. The grammar, timing and targets are documented in
// docs/replay.md; that page and this header are the contract the app executes against.
//
// Contract, in short:
// - parse_script() never throws and never crashes, whatever the bytes; memory stays
//   bounded (at most kMaxCommands commands, kMaxTokensPerLine words per line).
// - On success every Command is complete and in range: numbers are finite, ids and counts
//   are within the limits below, strings are valid UTF-8 without NUL bytes, and file
//   names are already resolved against the script's directory.
// - On failure there is exactly one ParseError: the first problem, with its line.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nk::replay {

// Timing, shared by the parser, the app and the docs.
inline constexpr int kFrameMs = 16;            // every frame advances the app clock by this
inline constexpr int kLongPressMs = 800;       // how long `longpress` holds
inline constexpr int kDefaultDragSteps = 10;   // moves of a `drag` without `steps`
inline constexpr int kMaxTextChunk = 31;       // bytes per SDL_TEXTINPUT event

// Limits; a value beyond one is a parse error naming the limit.
inline constexpr int kMaxWaitMs = 3'600'000;   // one hour
inline constexpr int kMaxFrames = 225'000;     // one hour of frames
inline constexpr int kMaxDragSteps = 10'000;
inline constexpr int kMaxWheel = 1'000;        // |notches|
inline constexpr int kMaxStation = 99;
inline constexpr int kMaxImageSide = 16'384;   // snapshot WxH
inline constexpr int kMaxCommands = 250'000;
inline constexpr int kMaxTokensPerLine = 32;
inline constexpr std::size_t kMaxScriptBytes = 16u << 20;  // load_script reads at most this

// Something on screen the app finds by name (docs/replay.md, "Targets").
struct Target {
    enum class Kind {
        Ui,          // @ui:ID           a = control id
        Note,        // @note:"TEXT"     a = post-it text (may be empty)
        School,      // @school
        LinkHandle,  // @link:"TEXT"     a = post-it text
        Line,        // @line:"A":"B"    a, b = the texts of the two post-its
        Key,         // @kbd:N:KEY       station = N (0: keyboard 0, the focused field's;
                     //                  1..99 a writer's station); a = a key name (shift space
                     //                  backspace enter accent layer more done) or, when a is a
                     //                  single character, the key's unshifted label
    };
    Kind kind = Kind::School;
    std::string a, b;
    int station = 0;
    friend bool operator==(const Target&, const Target&) = default;
};

// A point on screen: normalised window coordinates (0,0 top left, 1,1 bottom right;
// values outside 0..1 are kept), or a target plus a glued offset in the same units.
struct Pos {
    bool is_target = false;
    double x = 0, y = 0;     // when !is_target
    Target target;           // when is_target
    double dx = 0, dy = 0;   // offset added to the target's centre (0 when !is_target)
    friend bool operator==(const Pos&, const Pos&) = default;
};

struct Command {
    enum class Op {
        FingerDown, FingerMove, FingerUp,  // finger, pos
        MouseDown, MouseMove, MouseUp,     // pos
        Wheel,                             // number = notches (+ = zoom in); pos if has_pos
        Text,                              // text (send with split_text_input)
        Key,                               // text = SDL key name; ctrl, alt, shift
        Wait,                              // number = milliseconds (frames_for_wait)
        Frames,                            // number = frames
        Tap, LongPress,                    // pos; finger (-1 = the mouse)
        Drag,                              // pos -> pos2; number = steps; finger (-1 = mouse)
        Type,                              // number = keyboard (0 the focused field's, 1..99 a station); text
        Snapshot,                          // text = file; width, height (0 = app default)
        Save, Open,                        // text = file
        Screenshot,                        // text = file: the window as last presented
        Layout,                            // text = file: where things were in the last frame (text)
        Quit,
    };
    Op op = Op::Quit;
    int line = 0;            // 1-based line in the script
    int finger = -1;         // finger id (>= 0), or -1 for the mouse
    bool has_pos = false;    // pos is set (always for ops that need one; optional for Wheel)
    Pos pos, pos2;
    std::string text;        // text, key name or resolved file path
    bool ctrl = false, alt = false, shift = false;
    int number = 0;
    int width = 0, height = 0;
    friend bool operator==(const Command&, const Command&) = default;
};

struct Script {
    std::string file;        // as given to parse_script / load_script
    std::vector<Command> commands;
};

struct ParseError {
    std::string file;
    int line = 0;            // 0 when the problem is the whole file (cannot be read, too big)
    std::string message;
    // "FILE:LINE: message", or "FILE: message" when line is 0.
    std::string what() const;
};

// Parses a whole script. file_name is used in messages only; relative file names in
// snapshot/save/open are resolved against base_dir (lexically, nothing is touched on
// disk); an empty base_dir leaves them relative to the working directory.
std::variant<Script, ParseError> parse_script(std::string_view text, const std::string& file_name,
                                              const std::string& base_dir);

// Reads the file at path (at most kMaxScriptBytes) and parses it with the file's own
// directory as base_dir and path as file_name.
std::variant<Script, ParseError> load_script(const std::string& path);

// Splits UTF-8 text into pieces of at most kMaxTextChunk bytes without cutting a UTF-8
// sequence; the pieces concatenate to the input. Empty input gives no pieces. Bytes that
// are not valid UTF-8 are treated as one-byte pieces of text (never dropped).
std::vector<std::string> split_text_input(std::string_view utf8);

// Frames that `wait ms` runs: ceil(ms / kFrameMs); 0 for ms <= 0.
int frames_for_wait(int ms);

// The target in script syntax, e.g. @note:"CLB" or @kbd:1:"é"; parses back to t.
// For messages such as "replay.txt:7: @note:\"CLB\" is not on screen".
std::string format_target(const Target& t);

// The command's keyword as written in scripts ("finger down", "tap", ...).
std::string_view op_name(Command::Op op);

}  // namespace nk::replay
