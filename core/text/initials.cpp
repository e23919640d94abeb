#include "initials.hpp"

#include "utf8.hpp"

namespace nk {
namespace {
// `c` (one valid UTF-8 character) in capitals, for ASCII and Latin-1 letters.
std::string capital(std::string_view c) {
    std::string out(c);
    if (out.size() == 1 && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    } else if (out.size() == 2 && out[0] == '\xC3') {
        // U+00E0..U+00FE (à..þ, not ÷ U+00F7) are U+00C0..U+00DE plus 0x20.
        const auto b = static_cast<unsigned char>(out[1]);
        if (b >= 0xA0 && b <= 0xBE && b != 0xB7) out[1] = static_cast<char>(b - 0x20);
    }
    return out;
}
}  // namespace

std::string initials(std::string_view raw) {
    const std::string name = utf8::repaired(raw);
    std::string out;
    int words = 0;
    for (size_t i = 0; i < name.size() && words < 2;) {
        if (name[i] == ' ') {
            ++i;
            continue;
        }
        const std::string_view c = utf8::first(std::string_view(name).substr(i));
        out += capital(c);
        ++words;
        i = name.find(' ', i);
        if (i == std::string::npos) break;
    }
    return out.empty() ? "?" : out;
}

}  // namespace nk
