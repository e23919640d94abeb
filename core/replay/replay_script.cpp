// The replay-script parser (contract in replay_script.hpp, grammar in docs/replay.md).
//
// Sections: 1. UTF-8 and messages   2. Words   3. Numbers and strings
//           4. Targets and positions   5. Commands   6. Public functions
//
// Hand-written on purpose: one pass per line, no recursion, no exceptions on any input
// (numbers go through std::from_chars), so it can be fuzzed as it is.
#include "replay_script.hpp"

#include "utf8.hpp"

#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace nk::replay {
namespace {

// ---- 1. UTF-8 and messages ------------------------------------------------------------

std::string hex_byte(unsigned char b) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[b >> 4] + kDigits[b & 0xF];
}

// A word as shown in messages: in single quotes, shortened to about 40 bytes.
std::string quote(std::string_view w) {
    constexpr std::size_t kMax = 40;
    if (w.size() <= kMax) return "'" + std::string(w) + "'";
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) --cut;
    return "'" + std::string(w.substr(0, cut)) + "...'";
}

std::string got(std::string_view w) { return ", got " + quote(w); }

// Empty when line is well-formed UTF-8, else a message naming the column.
std::string check_utf8(std::string_view line) {
    int column = 1;
    for (std::size_t i = 0; i < line.size(); ++column) {
        const std::size_t n = utf8::sequence_length(line, i);
        if (n == 0)
            return "invalid UTF-8 at column " + std::to_string(column) + " (byte " +
                   hex_byte(static_cast<unsigned char>(line[i])) + "); scripts must be UTF-8";
        i += n;
    }
    return {};
}

// ---- 2. Words ---------------------------------------------------------------------------

// Splits a line into words separated by spaces and tabs. A double-quoted string inside a
// word may hold spaces, tabs and '#'. A '#' that begins a word starts a comment. Escapes
// are only skipped here; decode_string() checks them. Returns an error message or "".
std::string split_words(std::string_view line, std::vector<std::string_view>& words) {
    words.clear();
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size() || line[i] == '#') return {};
        if (words.size() >= static_cast<std::size_t>(kMaxTokensPerLine))
            return "too many words on one line (at most " + std::to_string(kMaxTokensPerLine) + ")";
        const std::size_t start = i;
        std::size_t string_start = 0;
        bool in_string = false;
        for (; i < line.size(); ++i) {
            const char c = line[i];
            if (in_string) {
                if (c == '\\') {
                    if (i + 1 < line.size()) ++i;
                } else if (c == '"') {
                    in_string = false;
                }
            } else if (c == ' ' || c == '\t') {
                break;
            } else if (c == '"') {
                in_string = true;
                string_start = i;
            } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                return "unexpected control character (byte " + hex_byte(static_cast<unsigned char>(c)) + ")";
            }
        }
        if (in_string)
            return "unterminated string: " + quote(line.substr(string_start)) + " has no closing '\"'";
        words.push_back(line.substr(start, i - start));
    }
}

// ---- 3. Numbers and strings -------------------------------------------------------------

enum class NumberResult { Ok, NotNumber, NotFinite, OutOfRange };

// A decimal number with an optional sign ('+' or '-'), as std::from_chars reads it
// ("1", "-0.25", ".5", "1e-3"); the whole of s must be the number.
NumberResult parse_double(std::string_view s, double& out) {
    if (!s.empty() && s[0] == '+') {
        s.remove_prefix(1);
        if (!s.empty() && (s[0] == '-' || s[0] == '+')) return NumberResult::NotNumber;
    }
    if (s.empty()) return NumberResult::NotNumber;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
    if (ec == std::errc::result_out_of_range) return NumberResult::OutOfRange;
    if (ec != std::errc() || ptr != s.data() + s.size()) return NumberResult::NotNumber;
    if (!std::isfinite(v)) return NumberResult::NotFinite;
    out = v;
    return NumberResult::Ok;
}

// A whole number: digits with an optional sign when allow_sign. False when s is not one;
// a number too big for long long is clamped so that the range check reports it.
bool parse_integer(std::string_view s, bool allow_sign, long long& out) {
    bool negative = false;
    if (allow_sign && !s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    unsigned long long v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    (void)ptr;
    if (ec == std::errc::result_out_of_range || v > static_cast<unsigned long long>(LLONG_MAX))
        v = static_cast<unsigned long long>(LLONG_MAX);
    out = negative ? -static_cast<long long>(v) : static_cast<long long>(v);
    return true;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at s[i..i+4) as a code unit, or -1.
long read_hex4(std::string_view s, std::size_t i) {
    if (s.size() < 4 || i > s.size() - 4) return -1;
    long v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const int h = hex_value(s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

// Decodes the JSON-style string starting at s[i] == '"', leaving i after the closing
// quote. The line is already valid UTF-8. Returns an error message or "".
std::string decode_string(std::string_view s, std::size_t& i, std::string& out) {
    out.clear();
    ++i;  // the opening quote
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            ++i;
            return {};
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return "a control character inside a string must be written as an escape such as \\t";
        if (c != '\\') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (i + 1 >= s.size()) break;
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case '"': out.push_back('"'); continue;
        case '\\': out.push_back('\\'); continue;
        case '/': out.push_back('/'); continue;
        case 'b': out.push_back('\b'); continue;
        case 'f': out.push_back('\f'); continue;
        case 'n': out.push_back('\n'); continue;
        case 'r': out.push_back('\r'); continue;
        case 't': out.push_back('\t'); continue;
        case 'u': break;
        default: {
            const std::size_t n = utf8::sequence_length(s, i - 1);
            return "unknown escape " + quote(std::string("\\") + std::string(s.substr(i - 1, n ? n : 1))) +
                   " in a string (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        }
        const long unit = read_hex4(s, i);
        if (unit < 0) return "\\u must be followed by four hex digits";
        i += 4;
        auto cp = static_cast<std::uint32_t>(unit);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return "\\u" + std::string(s.substr(i - 4, 4)) + " is a lone low surrogate";
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const long low = (i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') ? read_hex4(s, i + 2) : -1;
            if (low < 0xDC00 || low > 0xDFFF)
                return "\\u" + std::string(s.substr(i - 4, 4)) + " is a high surrogate without a low surrogate after it";
            i += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        }
        if (cp == 0) return "\\u0000 is not allowed in a string";
        utf8::append(out, cp);
    }
    return "unterminated string";
}

// ---- 4. Targets and positions -----------------------------------------------------------

constexpr std::array<std::string_view, 8> kKeyNames = {"shift", "space", "backspace", "enter", "accent", "layer", "more", "done"};

bool is_key_name(std::string_view s) {
    for (std::string_view n : kKeyNames)
        if (s == n) return true;
    return false;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ui_id_char(char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

constexpr const char* kKeyHelp = "a single character or one of shift, space, backspace, enter, accent, layer, more, done";

// Parses a whole word that starts with '@' into p (a target and its glued offset).
// Returns an error message or "".
std::string parse_target(std::string_view w, Pos& p) {
    p = Pos{};
    p.is_target = true;
    Target& t = p.target;
    std::size_t i = 1;
    while (i < w.size() && is_ascii_letter(w[i])) ++i;
    const std::string_view kind = w.substr(1, i - 1);
    auto need_colon = [&](std::string_view example) -> std::string {
        if (i < w.size() && w[i] == ':') {
            ++i;
            return {};
        }
        return "expected ':' after '@" + std::string(kind) + "', as in " + std::string(example) + got(w);
    };
    auto quoted = [&](std::string& out, std::string_view what) -> std::string {
        if (i >= w.size() || w[i] != '"')
            return "expected " + std::string(what) + " in double quotes" + got(w);
        return decode_string(w, i, out);
    };
    std::string err;
    if (kind == "school") {
        t.kind = Target::Kind::School;
    } else if (kind == "ui") {
        t.kind = Target::Kind::Ui;
        if (!(err = need_colon("@ui:note.add")).empty()) return err;
        const std::size_t start = i;
        while (i < w.size() && is_ui_id_char(w[i])) ++i;
        if (i == start) return "expected a control id (letters, digits, '.', '_', '-') after '@ui:'" + got(w);
        t.a = std::string(w.substr(start, i - start));
    } else if (kind == "note" || kind == "link") {
        t.kind = kind == "note" ? Target::Kind::Note : Target::Kind::LinkHandle;
        if (!(err = need_colon(kind == "note" ? "@note:\"CLB\"" : "@link:\"CLB\"")).empty()) return err;
        if (!(err = quoted(t.a, "the post-it's text")).empty()) return err;
    } else if (kind == "line") {
        t.kind = Target::Kind::Line;
        if (!(err = need_colon("@line:\"A\":\"B\"")).empty()) return err;
        if (!(err = quoted(t.a, "the first post-it's text")).empty()) return err;
        if (i >= w.size() || w[i] != ':') return "expected ':' between the two texts of @line, as in @line:\"A\":\"B\"" + got(w);
        ++i;
        if (!(err = quoted(t.b, "the second post-it's text")).empty()) return err;
    } else if (kind == "kbd") {
        t.kind = Target::Kind::Key;
        if (!(err = need_colon("@kbd:1:a")).empty()) return err;
        const std::size_t start = i;
        while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
        long long station = 0;
        if (!parse_integer(w.substr(start, i - start), false, station))
            return "expected a keyboard number after '@kbd:', as in @kbd:1:a" + got(w);
        if (station < 0 || station > kMaxStation)
            return "the keyboard number in @kbd must be between 0 and " + std::to_string(kMaxStation) + got(w);
        t.station = static_cast<int>(station);
        if (i >= w.size() || w[i] != ':') return "expected ':' after the keyboard number, as in @kbd:1:a" + got(w);
        ++i;
        if (i >= w.size()) return std::string("expected a key after '@kbd:N:': ") + kKeyHelp;
        if (w[i] == '"') {
            std::string key;
            if (!(err = decode_string(w, i, key)).empty()) return err;
            const std::size_t n = key.empty() ? 0 : utf8::sequence_length(key, 0);
            if (is_key_name(lower_ascii(key))) {
                t.a = lower_ascii(key);
            } else if (n != 0 && n == key.size() && static_cast<unsigned char>(key[0]) > 0x20 && key[0] != 0x7F) {
                t.a = key;
            } else {
                return std::string("expected ") + kKeyHelp + " as the @kbd key, got \"" + key + "\"";
            }
        } else {
            const std::size_t start_key = i;
            while (i < w.size() && is_ascii_letter(w[i])) ++i;
            if (i - start_key > 1) {
                t.a = lower_ascii(w.substr(start_key, i - start_key));
                if (!is_key_name(t.a))
                    return "unknown keyboard key " + quote(w.substr(start_key, i - start_key)) + "; a key is " + kKeyHelp;
            } else {
                i = start_key + utf8::sequence_length(w, start_key);  // the line is valid UTF-8, so >= 1
                t.a = std::string(w.substr(start_key, i - start_key));
            }
        }
    } else if (kind.empty()) {
        return "expected a target such as @school, @ui:ID or @note:\"TEXT\"" + got(w);
    } else {
        return "unknown target kind " + quote("@" + std::string(kind) + ":") +
               " (known: @ui:, @note:, @school, @link:, @line:, @kbd:)";
    }
    if (i == w.size()) return {};
    if (w[i] != '+')
        return "unexpected " + quote(w.substr(i)) + " after the target; an offset is glued on as in @school+0.2,-0.1";
    const std::string_view offset = w.substr(i + 1);
    const std::size_t comma = offset.find(',');
    if (comma == std::string_view::npos)
        return "an offset is written +DX,DY (as in @school+0.2,-0.1)" + got(w.substr(i));
    const std::string_view dx = offset.substr(0, comma), dy = offset.substr(comma + 1);
    if (parse_double(dx, p.dx) != NumberResult::Ok)
        return "expected a finite number for the offset's DX" + got(dx);
    if (parse_double(dy, p.dy) != NumberResult::Ok)
        return "expected a finite number for the offset's DY" + got(dy);
    return {};
}

// ---- 5. Commands ------------------------------------------------------------------------

// Parses the words of one line into a command. Each method returns false after setting
// error to the first problem; later calls then do nothing useful and are not made.
class LineParser {
public:
    LineParser(const std::vector<std::string_view>& words, const std::string& base_dir)
        : w_(words), base_dir_(base_dir) {}

    std::string error;

    bool parse(Command& c);

private:
    const std::vector<std::string_view>& w_;
    const std::string& base_dir_;
    std::size_t i_ = 1;

    bool fail(std::string message) {
        if (error.empty()) error = std::move(message);
        return false;
    }
    bool more() const { return i_ < w_.size(); }
    std::string got_next() const { return more() ? got(w_[i_]) : ", but the line ends"; }

    bool integer(std::string_view what, long long lo, long long hi, int& out, std::string_view unit = "");
    bool coordinate(std::string_view what, double& out);
    bool position(std::string_view what, Pos& p);
    bool quoted_string(std::string_view what, std::string_view example, std::string& out);
    bool file(std::string& out);
    bool image_size(Command& c);
    bool key(Command& c);
    bool options(Command& c, bool allow_steps);
    bool end();
    bool unexpected(std::string_view after);
};

bool LineParser::integer(std::string_view what, long long lo, long long hi, int& out, std::string_view unit) {
    long long v = 0;
    if (!more() || !parse_integer(w_[i_], lo < 0, v))
        return fail("expected a " + std::string(lo < 0 ? "whole number" : lo == 0 ? "whole number >= 0" : "whole number >= 1") +
                    " for " + std::string(what) + got_next());
    if (v < lo || v > hi)
        return fail(std::string(what) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                    std::string(unit) + got(w_[i_]));
    out = static_cast<int>(v);
    ++i_;
    return true;
}

bool LineParser::coordinate(std::string_view what, double& out) {
    if (!more()) return fail("expected a number for " + std::string(what) + ", but the line ends");
    switch (parse_double(w_[i_], out)) {
    case NumberResult::Ok: ++i_; return true;
    case NumberResult::NotFinite: return fail("expected a finite number for " + std::string(what) + got(w_[i_]));
    case NumberResult::OutOfRange: return fail(std::string(what) + " is out of range" + got(w_[i_]));
    case NumberResult::NotNumber: break;
    }
    return fail("expected a number for " + std::string(what) + got(w_[i_]));
}

bool LineParser::position(std::string_view what, Pos& p) {
    if (!more())
        return fail("expected " + std::string(what) + " (X Y, or a target such as @school), but the line ends");
    if (!w_[i_].empty() && w_[i_][0] == '@') {
        std::string err = parse_target(w_[i_], p);
        if (!err.empty()) return fail(std::move(err));
        ++i_;
        return true;
    }
    p = Pos{};
    const std::string w(what);
    return coordinate("the x coordinate of " + w, p.x) && coordinate("the y coordinate of " + w, p.y);
}

bool LineParser::quoted_string(std::string_view what, std::string_view example, std::string& out) {
    if (!more() || w_[i_].empty() || w_[i_][0] != '"')
        return fail("expected " + std::string(what) + " in double quotes, as in " + std::string(example) + got_next());
    std::size_t k = 0;
    std::string err = decode_string(w_[i_], k, out);
    if (!err.empty()) return fail(std::move(err));
    if (k != w_[i_].size()) return fail("unexpected " + quote(w_[i_].substr(k)) + " right after the closing '\"'");
    ++i_;
    return true;
}

bool LineParser::file(std::string& out) {
    if (!more()) return fail("expected a file name, but the line ends");
    std::string name;
    if (w_[i_][0] == '"') {
        if (!quoted_string("a file name", "\"my board.json\"", name)) return false;
    } else {
        if (w_[i_].find('"') != std::string_view::npos)
            return fail("a file name with quotes must be quoted as a whole, as in \"my board.json\"" + got(w_[i_]));
        name = std::string(w_[i_++]);
    }
    const std::filesystem::path p(name);
    const std::filesystem::path leaf = p.filename();
    if (name.empty() || leaf.empty() || leaf == "." || leaf == "..")
        return fail("expected a file name, not a directory" + got(name));
    if (p.is_absolute())
        out = name;
    else if (base_dir_.empty())
        out = p.lexically_normal().string();
    else
        out = (std::filesystem::path(base_dir_) / p).lexically_normal().string();
    return true;
}

bool LineParser::image_size(Command& c) {
    if (!more()) return true;
    const std::string_view w = w_[i_];
    const std::size_t x = w.find('x');
    long long width = 0, height = 0;
    if (x == std::string_view::npos || !parse_integer(w.substr(0, x), false, width) ||
        !parse_integer(w.substr(x + 1), false, height))
        return fail("expected the image size as WxH, as in 1920x1080" + got(w));
    if (width < 1 || height < 1 || width > kMaxImageSide || height > kMaxImageSide)
        return fail("each side of the image size must be between 1 and " + std::to_string(kMaxImageSide) + got(w));
    c.width = static_cast<int>(width);
    c.height = static_cast<int>(height);
    ++i_;
    return true;
}

bool LineParser::key(Command& c) {
    if (!more()) return fail("expected a key name such as Return or ctrl+z, but the line ends");
    std::string_view w = w_[i_];
    for (;;) {
        const std::string lower = lower_ascii(w.substr(0, 6));
        bool* flag = nullptr;
        std::size_t n = 0;
        if (lower.starts_with("ctrl+")) flag = &c.ctrl, n = 5;
        else if (lower.starts_with("alt+")) flag = &c.alt, n = 4;
        else if (lower.starts_with("shift+")) flag = &c.shift, n = 6;
        if (!flag) break;
        if (w.size() == n) return fail("expected a key name after " + quote(w));
        if (*flag) return fail("the modifier " + quote(w.substr(0, n)) + " is given twice" + got(w_[i_]));
        *flag = true;
        w.remove_prefix(n);
    }
    if (w[0] == '"') {
        std::size_t k = 0;
        std::string err = decode_string(w, k, c.text);
        if (!err.empty()) return fail(std::move(err));
        if (k != w.size()) return fail("unexpected " + quote(w.substr(k)) + " right after the closing '\"'");
    } else {
        if (w.find('"') != std::string_view::npos)
            return fail("a key name with quotes must be quoted as a whole, as in key \"Keypad Enter\"" + got(w_[i_]));
        c.text = std::string(w);
    }
    if (c.text.empty()) return fail("expected a key name, got an empty string");
    ++i_;
    return true;
}

// The optional `steps N` (drag only) and `finger ID`, in any order, each at most once.
bool LineParser::options(Command& c, bool allow_steps) {
    bool steps_seen = false, finger_seen = false;
    while (more()) {
        const std::string_view w = w_[i_];
        bool* seen = w == "finger" ? &finger_seen : (allow_steps && w == "steps") ? &steps_seen : nullptr;
        if (!seen)
            return unexpected(allow_steps ? "; expected 'steps N', 'finger ID' or the end of the line"
                                          : "; expected 'finger ID' or the end of the line");
        if (*seen) return fail(quote(w) + " is given twice");
        *seen = true;
        ++i_;
        if (w == "finger" ? !integer("the finger id", 0, INT_MAX, c.finger)
                          : !integer("the number of steps", 1, kMaxDragSteps, c.number))
            return false;
    }
    return true;
}

bool LineParser::end() { return !more() || unexpected(" after the command"); }

// Fails on the word at i_, with a hint for the usual slips.
bool LineParser::unexpected(std::string_view after) {
    const std::string_view w = w_[i_];
    if (w[0] == '+')
        return fail("unexpected " + quote(w) + "; an offset is glued to its target without a space, as in @school+0.2,-0.1");
    std::string msg = "unexpected " + quote(w) + std::string(after);
    if (w.find('#') != std::string_view::npos) msg += "; a comment must be separated by a space";
    return fail(std::move(msg));
}

bool action(std::string_view w, Command::Op down, Command::Op move, Command::Op up, Command::Op& out) {
    if (w == "down") out = down;
    else if (w == "move") out = move;
    else if (w == "up") out = up;
    else return false;
    return true;
}

bool LineParser::parse(Command& c) {
    using Op = Command::Op;
    const std::string_view name = w_[0];
    if (name == "finger" || name == "mouse") {
        const bool finger = name == "finger";
        if (!more() || !(finger ? action(w_[i_], Op::FingerDown, Op::FingerMove, Op::FingerUp, c.op)
                                : action(w_[i_], Op::MouseDown, Op::MouseMove, Op::MouseUp, c.op)))
            return fail("expected down, move or up after '" + std::string(name) + "'" + got_next());
        ++i_;
        if (finger && !integer("the finger id", 0, INT_MAX, c.finger)) return false;
        c.has_pos = true;
        return position("the position", c.pos) && end();
    }
    if (name == "wheel") {
        c.op = Op::Wheel;
        if (!integer("the wheel notches", -kMaxWheel, kMaxWheel, c.number)) return false;
        if (more()) {
            c.has_pos = true;
            if (!position("the position", c.pos)) return false;
        }
        return end();
    }
    if (name == "text") {
        c.op = Op::Text;
        return quoted_string("the text", "text \"Hallo\"", c.text) && end();
    }
    if (name == "key") {
        c.op = Op::Key;
        return key(c) && end();
    }
    if (name == "wait") {
        c.op = Op::Wait;
        return integer("the wait", 0, kMaxWaitMs, c.number, " ms") && end();
    }
    if (name == "frames") {
        c.op = Op::Frames;
        return integer("the number of frames", 0, kMaxFrames, c.number) && end();
    }
    if (name == "tap" || name == "longpress") {
        c.op = name == "tap" ? Op::Tap : Op::LongPress;
        c.has_pos = true;
        return position("the position", c.pos) && options(c, false);
    }
    if (name == "drag") {
        c.op = Op::Drag;
        c.has_pos = true;
        c.number = kDefaultDragSteps;
        return position("the start position", c.pos) && position("the end position", c.pos2) && options(c, true);
    }
    if (name == "type") {
        c.op = Op::Type;
        return integer("the keyboard number", 0, kMaxStation, c.number) &&
               quoted_string("the text", "type 1 \"Hallo\"", c.text) && end();
    }
    if (name == "snapshot") {
        c.op = Op::Snapshot;
        return file(c.text) && image_size(c) && end();
    }
    if (name == "save" || name == "open" || name == "screenshot" || name == "layout") {
        c.op = name == "save" ? Op::Save : name == "open" ? Op::Open : name == "screenshot" ? Op::Screenshot : Op::Layout;
        return file(c.text) && end();
    }
    if (name == "quit") {
        c.op = Op::Quit;
        return end();
    }
    return fail("unknown command " + quote(name) +
                "; the commands are finger, mouse, wheel, text, key, wait, frames, tap, longpress, drag, type, "
                "snapshot, screenshot, layout, save, open and quit");
}

std::string escape_string(std::string_view s) {
    std::string r = "\"";
    for (char c : s) {
        switch (c) {
        case '"': r += "\\\""; break;
        case '\\': r += "\\\\"; break;
        case '\b': r += "\\b"; break;
        case '\f': r += "\\f"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                r += "\\u00";
                r += hex_byte(static_cast<unsigned char>(c)).substr(2);
            } else {
                r.push_back(c);
            }
        }
    }
    return r + "\"";
}

std::variant<Script, ParseError> parse_checked(std::string_view text, const std::string& file_name,
                                               const std::string& base_dir) {
    Script script;
    script.file = file_name;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM, as some editors write
    std::vector<std::string_view> words;
    words.reserve(kMaxTokensPerLine);
    int line_no = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (line_no == INT_MAX) return ParseError{file_name, line_no, "too many lines"};
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string err = check_utf8(line);
        if (err.empty()) err = split_words(line, words);
        if (err.empty() && !words.empty()) {
            if (script.commands.size() >= static_cast<std::size_t>(kMaxCommands))
                return ParseError{file_name, line_no, "too many commands (at most " + std::to_string(kMaxCommands) + ")"};
            Command c;
            c.line = line_no;
            LineParser parser(words, base_dir);
            if (parser.parse(c)) script.commands.push_back(std::move(c));
            else err = std::move(parser.error);
        }
        if (!err.empty()) return ParseError{file_name, line_no, std::move(err)};
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return script;
}

}  // namespace

// ---- 6. Public functions ----------------------------------------------------------------

std::string ParseError::what() const {
    return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

std::variant<Script, ParseError> parse_script(std::string_view text, const std::string& file_name,
                                              const std::string& base_dir) {
    try {
        return parse_checked(text, file_name, base_dir);
    } catch (const std::exception& e) {  // only std::bad_alloc can get here
        return ParseError{file_name, 0, std::string("cannot parse the script: ") + e.what()};
    }
}

std::variant<Script, ParseError> load_script(const std::string& path) {
    try {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) return ParseError{path, 0, "is a directory, not a script"};
        std::ifstream in(path, std::ios::binary);
        if (!in) return ParseError{path, 0, "cannot open the script"};
        std::string text;
        std::array<char, 65536> buffer{};
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
            if (text.size() > kMaxScriptBytes)
                return ParseError{path, 0, "the script is larger than " + std::to_string(kMaxScriptBytes >> 20) + " MiB"};
        }
        if (in.bad()) return ParseError{path, 0, "cannot read the script"};
        return parse_script(text, path, std::filesystem::path(path).parent_path().string());
    } catch (const std::exception& e) {
        return ParseError{path, 0, std::string("cannot read the script: ") + e.what()};
    }
}

std::vector<std::string> split_text_input(std::string_view text) {
    std::vector<std::string> pieces;
    std::string piece;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8::sequence_length(text, i);
        if (n == 0) n = 1;  // a stray byte travels alone rather than being dropped
        if (piece.size() + n > static_cast<std::size_t>(kMaxTextChunk)) {
            pieces.push_back(std::move(piece));
            piece.clear();
        }
        piece.append(text.substr(i, n));
        i += n;
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
}

int frames_for_wait(int ms) {
    if (ms <= 0) return 0;
    return static_cast<int>((static_cast<long long>(ms) + kFrameMs - 1) / kFrameMs);
}

std::string format_target(const Target& t) {
    switch (t.kind) {
    case Target::Kind::Ui: return "@ui:" + t.a;
    case Target::Kind::Note: return "@note:" + escape_string(t.a);
    case Target::Kind::School: return "@school";
    case Target::Kind::LinkHandle: return "@link:" + escape_string(t.a);
    case Target::Kind::Line: return "@line:" + escape_string(t.a) + ":" + escape_string(t.b);
    case Target::Kind::Key:
        return "@kbd:" + std::to_string(t.station) + ":" + (is_key_name(t.a) ? t.a : escape_string(t.a));
    }
    return "@school";
}

std::string_view op_name(Command::Op op) {
    using Op = Command::Op;
    switch (op) {
    case Op::FingerDown: return "finger down";
    case Op::FingerMove: return "finger move";
    case Op::FingerUp: return "finger up";
    case Op::MouseDown: return "mouse down";
    case Op::MouseMove: return "mouse move";
    case Op::MouseUp: return "mouse up";
    case Op::Wheel: return "wheel";
    case Op::Text: return "text";
    case Op::Key: return "key";
    case Op::Wait: return "wait";
    case Op::Frames: return "frames";
    case Op::Tap: return "tap";
    case Op::LongPress: return "longpress";
    case Op::Drag: return "drag";
    case Op::Type: return "type";
    case Op::Snapshot: return "snapshot";
    case Op::Screenshot: return "screenshot";
    case Op::Layout: return "layout";
    case Op::Save: return "save";
    case Op::Open: return "open";
    case Op::Quit: return "quit";
    }
    return "?";
}

}  // namespace nk::replay
