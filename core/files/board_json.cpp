// The board file's JSON, parsed into a rapidjson DOM with hard limits (board_json.hpp).
#include "board_json.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <system_error>

namespace nk::detail {
namespace {

// ---- 2. Parsing bytes with limits ------------------------------------------------------

// Which limit stopped the SAX parse, if any.
enum class Stop { None, Depth, Values };

// Forwards SAX events to a rapidjson::Document while counting depth and values, so a
// hostile file stops early instead of exhausting memory. Numbers arrive as text
// (kParseNumbersAsStringsFlag) and are converted with std::from_chars: exact, locale-free.
class LimitedHandler {
public:
    explicit LimitedHandler(rapidjson::Document& d) : d_(d) {}
    Stop stop = Stop::None;

    bool Null() { return value() && d_.Null(); }
    bool Bool(bool b) { return value() && d_.Bool(b); }
    bool Int(int i) { return value() && d_.Int(i); }
    bool Uint(unsigned u) { return value() && d_.Uint(u); }
    bool Int64(int64_t i) { return value() && d_.Int64(i); }
    bool Uint64(uint64_t u) { return value() && d_.Uint64(u); }
    bool Double(double v) { return value() && d_.Double(v); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return value() && number(s, n); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return value() && d_.String(s, n, copy); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return value() && d_.Key(s, n, copy); }
    bool StartObject() { return open() && d_.StartObject(); }
    bool EndObject(rapidjson::SizeType n) { --depth_; return d_.EndObject(n); }
    bool StartArray() { return open() && d_.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { --depth_; return d_.EndArray(n); }

private:
    bool value() {
        if (++values_ <= kMaxJsonValues) return true;
        stop = Stop::Values;
        return false;
    }
    bool open() {
        if (!value()) return false;
        if (++depth_ <= kMaxJsonDepth) return true;
        stop = Stop::Depth;
        return false;
    }
    bool number(const char* s, rapidjson::SizeType n) {
        const char* end = s + n;
        const std::string_view t(s, n);
        if (t.find_first_of(".eE") == std::string_view::npos) {
            int64_t i = 0;
            auto [p, ec] = std::from_chars(s, end, i);
            if (ec == std::errc() && p == end) return d_.Int64(i);
        }
        double v = 0;
        auto [p, ec] = std::from_chars(s, end, v);
        if (ec == std::errc::result_out_of_range) {
            // rapidjson already refuses most numbers past 1e308; what slips through is
            // either tiny (becomes 0) or just past DBL_MAX (becomes infinite, and the
            // repair after reading replaces it and reports it).
            const size_t e = t.find_first_of("eE");
            const bool tiny = (e != std::string_view::npos && e + 1 < n && s[e + 1] == '-') ||
                              t.starts_with("0.") || t.starts_with("-0.");
            v = tiny ? 0.0 : std::numeric_limits<double>::infinity();
            if (s[0] == '-') v = -v;
        } else if (ec != std::errc() || p != end) {
            return false;  // cannot happen: rapidjson checked the syntax
        }
        return d_.Double(v);
    }

    rapidjson::Document& d_;
    int depth_ = 0;
    size_t values_ = 0;
};

}  // namespace

std::optional<LoadError> parse_json(std::string_view text, size_t base_offset, rapidjson::Document& dom) {
    // A NUL byte is never valid JSON (inside strings it must be escaped), and rapidjson's
    // memory stream would read it as the end of the text.
    if (const void* nul = std::memchr(text.data(), 0, text.size()))
        return LoadError{LoadErrorKind::NotJson,
                         "NUL byte at offset " +
                             std::to_string(base_offset + size_t(static_cast<const char*>(nul) - text.data()))};
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
    rapidjson::ParseResult result;
    Stop stop = Stop::None;
    auto generate = [&](rapidjson::Document& handler) {
        LimitedHandler limited(handler);
        rapidjson::Reader reader;
        rapidjson::MemoryStream stream(text.data(), text.size());
        result = reader.Parse<kFlags>(stream, limited);
        stop = limited.stop;
        return !result.IsError();
    };
    dom.Populate(generate);
    if (!result.IsError()) return std::nullopt;
    const std::string at = "offset " + std::to_string(base_offset + result.Offset());
    if (stop == Stop::Depth)
        return LoadError{LoadErrorKind::TooDeep,
                         at + ": nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
    if (stop == Stop::Values)
        return LoadError{LoadErrorKind::TooLarge, at + ": more than " + std::to_string(kMaxJsonValues) + " JSON values"};
    return LoadError{LoadErrorKind::NotJson, at + ": " + rapidjson::GetParseError_En(result.Code())};
}

}  // namespace nk::detail
