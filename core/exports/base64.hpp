// Base64 (RFC 4648, standard alphabet, with '=' padding), for inlining the map image in
// the HTML report as a data: URI. Pure and allocation-only; no line breaks are written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nk::base64 {

// `bytes` as base64 text (length is 4 * ceil(n / 3)).
std::string encode(std::string_view bytes);

// The bytes of base64 `text`; std::nullopt when it is not well-formed base64 (a character
// outside the alphabet, a wrong length, padding in the middle). ASCII whitespace is skipped,
// so text wrapped at 76 columns decodes too.
std::optional<std::string> decode(std::string_view text);

}  // namespace nk::base64
