// The layout tables of the on-screen keyboard and its accent table.
//
// Belgian AZERTY, adapted for touch: the letter rows of the Belgian keyboard
// (a z e r t y u i o p / q s d f g h j k l m / w x c v b n ,) with the comma after the n
// as on the Belgian keyboard; its ; : = and the digit row's symbols live on the symbols
// layer, as on phone keyboards. The apostrophe (Dutch plurals: "auto's") sits on the
// bottom row beside space.
// QWERTY keeps the same bottom row with a comma instead of the apostrophe, which moves
// to the end of the middle row.
// The symbols pages hold what a Flemish writer needs besides letters: digits, – ’ and
// - / : ; ( ) € & @ on the first page (a school's name: "Hogeschool Gent –
// lerarenopleiding"), “ ” … and the rarer signs on the second (the more key). Every key
// keeps the letter keys' size: a second page rather than smaller keys.
// A field keyboard (keyboard 0) has a narrower space bar, making room for done beside
// enter.
#include <array>
#include <map>
#include <string>

#include "keyboard.hpp"

namespace nk::kb {
namespace {

// A row of 1-unit character keys starting at `col`; letters get their capital as upper.
Row chars(std::initializer_list<std::string_view> labels, double col = 0) {
    static constexpr std::string_view kCaps = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    Row r;
    for (std::string_view l : labels) {
        const bool letter = l.size() == 1 && l[0] >= 'a' && l[0] <= 'z';
        r.push_back({KeyKind::Char, l, letter ? kCaps.substr(static_cast<std::size_t>(l[0] - 'a'), 1) : l, col, 1});
        col += 1;
    }
    return r;
}

KeyDef special(KeyKind k, double col, double width) { return {k, {}, {}, col, width}; }

// The bottom row; `third` is the character key beside the accent key.
Row bottom_row(std::string_view third) {
    return {special(KeyKind::Layer, 0, 1.5), special(KeyKind::Accent, 1.5, 1),
            {KeyKind::Char, third, third, 2.5, 1},
            special(KeyKind::Space, 3.5, 4), {KeyKind::Char, ".", ".", 7.5, 1},
            special(KeyKind::Enter, 8.5, 1.5)};
}

}  // namespace

const std::vector<Row>& rows(Layout layout, Layer layer, KeyboardKind kind) {
    static const std::vector<Row> kAzerty = [] {
        std::vector<Row> r = {
            chars({"a", "z", "e", "r", "t", "y", "u", "i", "o", "p"}),
            chars({"q", "s", "d", "f", "g", "h", "j", "k", "l", "m"}),
            Row{special(KeyKind::Shift, 0, 1.5)},
            bottom_row("'"),
        };
        for (const KeyDef& k : chars({"w", "x", "c", "v", "b", "n", ","}, 1.5)) r[2].push_back(k);
        r[2].push_back(special(KeyKind::Backspace, 8.5, 1.5));
        return r;
    }();
    static const std::vector<Row> kQwerty = [] {
        std::vector<Row> r = {
            chars({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}),
            chars({"a", "s", "d", "f", "g", "h", "j", "k", "l", "'"}),
            Row{special(KeyKind::Shift, 0, 1.5)},
            bottom_row(","),
        };
        for (const KeyDef& k : chars({"z", "x", "c", "v", "b", "n", "m"}, 1.5)) r[2].push_back(k);
        r[2].push_back(special(KeyKind::Backspace, 8.5, 1.5));
        return r;
    }();
    static const std::vector<Row> kSymbols = [] {
        std::vector<Row> r = {
            chars({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
            chars({"-", "/", ":", ";", "(", ")", "€", "&", "@", "\""}),
            Row{special(KeyKind::More, 0, 1.5)},
            bottom_row(","),
        };
        for (const KeyDef& k : chars({"–", "’", "?", "!", "'", "+", "%"}, 1.5)) r[2].push_back(k);
        r[2].push_back(special(KeyKind::Backspace, 8.5, 1.5));
        return r;
    }();
    static const std::vector<Row> kMore = [] {
        std::vector<Row> r = {
            chars({"“", "”", "„", "‘", "…", "«", "»", "—", "°", "§"}),
            chars({"#", "=", "*", "_", "<", ">", "[", "]", "{", "}"}),
            Row{special(KeyKind::More, 0, 1.5)},
            bottom_row(","),
        };
        for (const KeyDef& k : chars({"\\", "|", "~", "^", "$", "£", "`"}, 1.5)) r[2].push_back(k);
        r[2].push_back(special(KeyKind::Backspace, 8.5, 1.5));
        return r;
    }();
    const std::vector<Row>& station = layer == Layer::Symbols ? kSymbols
                                      : layer == Layer::More  ? kMore
                                      : layout == Layout::Qwerty ? kQwerty
                                                                 : kAzerty;
    if (kind == KeyboardKind::Station) return station;
    // A field keyboard: the same rows, with done beside enter in the bottom row.
    static const std::array<std::vector<Row>, 6> kField = [] {
        std::array<std::vector<Row>, 6> out;
        int i = 0;
        for (Layout lo : {Layout::Azerty, Layout::Qwerty})
            for (Layer la : {Layer::Letters, Layer::Symbols, Layer::More}) {
                std::vector<Row> r = rows(lo, la, KeyboardKind::Station);
                for (KeyDef& k : r[3]) {
                    if (k.kind == KeyKind::Space) k.width = 3;
                    else if (k.kind == KeyKind::Char && k.col > 3) k.col = 6.5;
                    else if (k.kind == KeyKind::Enter) k.col = 7.5, k.width = 1.25;
                }
                r[3].push_back(special(KeyKind::Done, 8.75, 1.25));
                out[static_cast<std::size_t>(i++)] = std::move(r);
            }
        return out;
    }();
    const int lo = layout == Layout::Qwerty ? 1 : 0;
    const int la = layer == Layer::Symbols ? 1 : layer == Layer::More ? 2 : 0;
    return kField[static_cast<std::size_t>(lo * 3 + la)];
}

const std::vector<std::string_view>& accents_of(std::string_view letter) {
    static const std::map<std::string_view, std::vector<std::string_view>> kAccents = {
        {"a", {"à", "â", "ä"}}, {"A", {"À", "Â", "Ä"}},
        {"c", {"ç"}},           {"C", {"Ç"}},
        {"e", {"é", "è", "ë", "ê"}}, {"E", {"É", "È", "Ë", "Ê"}},
        {"i", {"ï", "î"}},      {"I", {"Ï", "Î"}},
        {"n", {"ñ"}},           {"N", {"Ñ"}},
        {"o", {"ö", "ô"}},      {"O", {"Ö", "Ô"}},
        {"u", {"ü", "û", "ù"}}, {"U", {"Ü", "Û", "Ù"}},
    };
    static const std::vector<std::string_view> kNone;
    const auto it = kAccents.find(letter);
    return it == kAccents.end() ? kNone : it->second;
}

}  // namespace nk::kb
