#include "fold.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "utf8.hpp"

namespace nk {
namespace {

// What utf8proc leaves apart but people mean alike, after case folding and lumping:
// the quotes its lumping keeps, and letters that Unicode gives no decomposition.
struct Base {
    char32_t cp;
    std::string_view base;
};
constexpr Base kBases[] = {
    {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"}, {0x2039, "'"}, {0x203A, "'"},
    {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""}, {0xAB, "\""}, {0xBB, "\""}, {0x2033, "\""},
    {0xE6, "ae"}, {0x153, "oe"}, {0xF8, "o"}, {0x142, "l"}, {0xFE, "th"}, {0xF0, "d"},  // æ œ ø ł þ ð
    {0x111, "d"}, {0x127, "h"}, {0x131, "i"}, {0x14B, "n"}, {0x167, "t"}, {0x138, "k"},  // đ ħ ı ŋ ŧ ĸ
};

std::string_view base_letters(char32_t cp) {
    for (const Base& b : kBases)
        if (b.cp == cp) return b.base;
    return {};
}

bool is_space(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' || cp == 0x85) return true;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

}  // namespace

std::string fold(std::string_view text) {
    const std::string clean = utf8::valid(text) ? std::string(text) : utf8::repaired(text);
    utf8proc_uint8_t* mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                        UTF8PROC_IGNORE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                        UTF8PROC_LUMP);
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                                static_cast<utf8proc_ssize_t>(clean.size()), &mapped, options);
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    // utf8proc_map fails only on ill-formed input (repaired above) or out of memory.
    const std::string_view folded = n >= 0 ? std::string_view(reinterpret_cast<const char*>(mapped), std::size_t(n))
                                           : std::string_view(clean);
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < folded.size();) {
        const char32_t cp = utf8::next(folded, i);
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (const std::string_view base = base_letters(cp); !base.empty()) out += base;
        else utf8::append(out, cp);
    }
    return out;
}

}  // namespace nk
