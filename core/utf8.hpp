// UTF-8 checks and repair. Text comes from files, scripts and keyboards: none of it is trusted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nk::utf8 {

// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid(std::string_view s);

// `s` with every ill-formed sequence replaced by U+FFFD (one per maximal bad subpart).
std::string repaired(std::string_view s);

// Number of code points in valid UTF-8 `s`.
size_t length(std::string_view s);

// Appends code point `cp` as UTF-8 (cp must be a scalar value).
void append(std::string& out, char32_t cp);

// The longest prefix of `s` that is at most `max_bytes` long and does not end inside a
// code point: cuts a long text at a character boundary (valid UTF-8 stays valid).
std::string_view cut(std::string_view s, size_t max_bytes);

// The first code point of valid UTF-8 `s` ("" when empty): "É" of "Élise".
std::string_view first(std::string_view s);

// Removes the last code point of valid UTF-8 `s` (nothing when empty).
void pop_back(std::string& s);

}  // namespace nk::utf8
