// UTF-8: the one decoder, checks and repair. Text comes from files, scripts, keyboards and
// phones: none of it is trusted. Built on utf8proc's decoder (strict: no overlong forms,
// surrogates or code points past U+10FFFF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nk::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Length (1..4) of the well-formed sequence starting at s[i], or 0 when there is none.
// Requires i < s.size().
std::size_t sequence_length(std::string_view s, std::size_t i);

// The code point at s[i], advancing i past it. An ill-formed sequence reads as U+FFFD and
// i advances past its lead byte and the continuation bytes after it (the same unit that
// repaired() replaces). Requires i < s.size().
char32_t next(std::string_view s, std::size_t& i);

// Whether `s` is well-formed UTF-8.
bool valid(std::string_view s);

// `s` with every ill-formed sequence (a bad lead byte and the continuation bytes after
// it) replaced by one U+FFFD.
std::string repaired(std::string_view s);

// Number of code points in valid UTF-8 `s`.
std::size_t length(std::string_view s);

// Appends code point `cp` as UTF-8 (cp must be a scalar value).
void append(std::string& out, char32_t cp);

// Removes the last code point of valid UTF-8 `s` (nothing when empty).
void pop_back(std::string& s);

// The longest prefix of `s` that is at most `max_bytes` long and does not end inside a
// code point: cuts a long text at a character boundary (valid UTF-8 stays valid).
std::string_view cut(std::string_view s, std::size_t max_bytes);

// The first code point of valid UTF-8 `s` ("" when empty): "É" of "Élise".
std::string_view first(std::string_view s);

}  // namespace nk::utf8
