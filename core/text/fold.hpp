// "The same partner": the one folding function that merge, the version comparison, the
// brainstorm's duplicate offers and the stacks all use to decide that two names are the
// same partner.
#pragma once

#include <string>
#include <string_view>

namespace nk {

// `text` reduced to what people mean by it: ill-formed UTF-8 repaired; compatibility
// forms (ligatures, full-width letters) and composed or decomposed accents alike; accents
// removed; case folded (ß as ss); letters without a decomposition given their base letters
// (æ ae, œ oe, ø o, ł l, þ th, ð d, đ d, ħ h, ı i, ŋ n, ŧ t); every dash as "-", every
// quote as ' or "; invisible characters (soft hyphen, zero-width space) dropped; runs of
// white space as one space, none at the ends. Other scripts keep their letters.
//   fold("  Coördinatie  ZORG ") == fold("coordinatie zorg")
//   fold("Hogeschool Gent – lerarenopleiding") == fold("hogeschool gent - lerarenopleiding")
std::string fold(std::string_view text);

}  // namespace nk
