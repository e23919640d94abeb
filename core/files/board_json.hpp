// Parsing a board file's bytes into a rapidjson DOM with hard limits (depth, value count),
// for the reader in board_file.cpp. Internal to core/files.
//
// cereal's json.hpp configures rapidjson (RAPIDJSON_ASSERT throws, NaN allowed by the
// *default* flags), so it is included before any rapidjson header, in every file of the
// reader alike; every rapidjson call names its flags explicitly: NaN/Infinity are never
// accepted, and any assertion becomes an exception that parse_board catches.
#pragma once

#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "board_file.hpp"

namespace nk::detail {

// Parses JSON text into `dom`, or says why not: a NUL byte or bad syntax (NotJson), nested
// deeper than kMaxJsonDepth (TooDeep), more than kMaxJsonValues values (TooLarge). Numbers
// are read exactly (std::from_chars); one past the double range becomes infinite, and the
// reader's repair reports it. `base_offset` is added to the offsets in messages.
std::optional<LoadError> parse_json(std::string_view text, std::size_t base_offset, rapidjson::Document& dom);

}  // namespace nk::detail
