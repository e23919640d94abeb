// A participant's initials, for the badge on their priority circle.
#pragma once

#include <string>
#include <string_view>

namespace nk {

// The first character of each of the first two words of `name` (words are separated by
// spaces), in capitals: "ann de smet" -> "AD", "Élise" -> "É", "élise" -> "É". Whole
// UTF-8 characters, never a byte of one; ASCII and Latin-1 letters are capitalised, other
// characters kept as they are. "?" for a name without any character.
std::string initials(std::string_view name);

}  // namespace nk
