// The on-screen keyboard: a writer's fingers on one keyboard, then the text.
//
// Sections: harness | layouts and geometry | shift and caps | symbols layer | accents |
// backspace | cursor | plan_typing | edge frames.
#include "keyboard.hpp"

#include <gtest/gtest.h>

#include <numbers>
#include <set>

#include "gestures.hpp"
#include "utf8.hpp"

using namespace nk;
using namespace nk::kb;

namespace {

// ---- harness: one writer with a clock ------------------------------------------------
struct Writer {
    Keyboard k;
    double t = 1000;

    KeyId id(std::string_view name) {
        const auto i = k.key_by_name(name);
        EXPECT_TRUE(i.has_value()) << "no key " << name;
        return i.value_or(KeyId{});
    }
    // A quick tap, then a pause long enough that it is no double-tap with the next.
    bool tap(std::string_view name) {
        k.press(id(name), t);
        t += 40;
        const bool done = k.release(t);
        t += 500;
        return done;
    }
    void taps(std::initializer_list<std::string_view> names) {
        for (auto n : names) tap(n);
    }
    // Press `name`, hold `ms` (ticking each frame), then slide to `choice` and lift.
    void long_press(std::string_view name, int choice, double ms = 600) {
        k.press(id(name), t);
        for (double end = t + ms; t < end;) k.tick(t += 16);
        ASSERT_TRUE(k.popup().has_value());
        k.move(k.popup()->rects.at(static_cast<std::size_t>(choice)).centre(), t += 16);
        k.release(t += 16);
        t += 500;
    }
    void type(std::string_view text) {
        const auto plan = k.plan_typing(text);
        ASSERT_TRUE(plan.has_value()) << text;
        for (const KeyStroke& s : *plan) t = k.perform(s, t) + 100;
    }
};

std::string row_labels(const Row& r) {
    std::string s;
    for (const KeyDef& d : r)
        if (d.kind == KeyKind::Char) s += d.lower;
    return s;
}

double per_char(std::string_view s) { return 10.0 * static_cast<double>(utf8::length(s)); }

// ---- layouts and geometry --------------------------------------------------------------

TEST(KeyboardLayout, BelgianAzertyLetterRows) {
    const auto& r = rows(Layout::Azerty, Layer::Letters);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_EQ(row_labels(r[0]), "azertyuiop");
    EXPECT_EQ(row_labels(r[1]), "qsdfghjklm");
    EXPECT_EQ(row_labels(r[2]), "wxcvbn,");
    EXPECT_EQ(r[2].front().kind, KeyKind::Shift);
    EXPECT_EQ(r[2].back().kind, KeyKind::Backspace);
    EXPECT_EQ(row_labels(r[3]), "'.");
    EXPECT_EQ(Keyboard().layout(), Layout::Azerty);  // the default
}

TEST(KeyboardLayout, QwertyAndSymbolRows) {
    const auto& q = rows(Layout::Qwerty, Layer::Letters);
    EXPECT_EQ(row_labels(q[0]), "qwertyuiop");
    EXPECT_EQ(row_labels(q[1]), "asdfghjkl'");
    EXPECT_EQ(row_labels(q[2]), "zxcvbnm");
    EXPECT_EQ(row_labels(q[3]), ",.");
    const auto& s = rows(Layout::Azerty, Layer::Symbols);
    EXPECT_EQ(row_labels(s[0]), "1234567890");
    EXPECT_EQ(row_labels(s[1]), "-/:;()€&@\"");
    EXPECT_EQ(row_labels(s[2]), "–’?!'+%");
    EXPECT_EQ(s[2].front().kind, KeyKind::More);
    const auto& m = rows(Layout::Azerty, Layer::More);
    EXPECT_EQ(row_labels(m[0]), "“”„‘…«»—°§");
    EXPECT_EQ(row_labels(m[1]), "#=*_<>[]{}");
}

TEST(KeyboardLayout, EveryKeyIsBigInsideApartAndFoundWhereItIs) {
    for (Layout l : {Layout::Azerty, Layout::Qwerty})
    for (KeyboardKind kind : {KeyboardKind::Station, KeyboardKind::Field}) {
        Keyboard k(l, kind);
        for (int layer = 0; layer < 3; ++layer) {
            EXPECT_EQ(static_cast<int>(k.layer()), layer);
            const std::vector<Key> keys = k.keys();
            std::set<std::string> names;
            for (const Key& a : keys) {
                EXPECT_GE(a.rect.w, kMinKeyPx);
                EXPECT_GE(a.rect.h, kMinKeyPx);
                EXPECT_GE(a.rect.x, 0);
                EXPECT_LE(a.rect.x + a.rect.w, kWidth);
                EXPECT_GE(a.rect.y, 0);
                EXPECT_LE(a.rect.y + a.rect.h, kHeight);
                EXPECT_TRUE(names.insert(a.name).second) << "two keys named " << a.name;
                EXPECT_EQ(k.key_at(a.rect.centre()), a.id) << a.name;
                EXPECT_EQ(k.key_by_name(a.name), a.id) << a.name;
                for (const Key& b : keys) {
                    if (a.id == b.id) continue;
                    const bool apart = a.rect.x + a.rect.w <= b.rect.x || b.rect.x + b.rect.w <= a.rect.x ||
                                       a.rect.y + a.rect.h <= b.rect.y || b.rect.y + b.rect.h <= a.rect.y;
                    EXPECT_TRUE(apart) << a.name << " overlaps " << b.name;
                }
            }
            for (const char* n : {"shift", "space", "backspace", "enter", "accent", "layer"})
                if (layer == 0 || std::string_view(n) != "shift") {
                    EXPECT_TRUE(names.count(n)) << n;
                }
            EXPECT_EQ(names.count("more"), layer == 0 ? 0u : 1u);
            EXPECT_EQ(names.count("done"), kind == KeyboardKind::Field ? 1u : 0u);
            // letters -> symbols (layer) -> second symbols page (more)
            k.press(*k.key_by_name(layer == 0 ? "layer" : "more"), 0);
            k.release(10);
        }
    }
}

TEST(KeyboardLayout, TextFieldAndGapsAreNoKey) {
    Keyboard k;
    EXPECT_FALSE(k.key_at(Keyboard::text_field().centre()));
    const Key a = *k.key(*k.key_by_name("a"));
    EXPECT_FALSE(k.key_at({a.rect.x + a.rect.w + kKeyGap / 2, a.rect.centre().y}));
    EXPECT_FALSE(k.key_at({-5, 200}));
    EXPECT_FALSE(k.key_by_name("é"));  // accents come from a long-press or the accent key
    EXPECT_FALSE(k.key_by_name("A"));  // names are unshifted labels
    // A KeyId of the other layer is not pressed.
    const KeyId one{Layer::Symbols, 0};
    k.press(one, 0);
    EXPECT_FALSE(k.held());
}

// ---- shift and caps --------------------------------------------------------------------

TEST(KeyboardShift, StartsOnceThenLowerAndLabelsFollow) {
    Writer w;
    EXPECT_EQ(w.k.shift(), Shift::Once);
    EXPECT_EQ(w.k.key(w.id("a"))->label, "A");
    EXPECT_TRUE(w.k.key(w.id("shift"))->lit);
    w.taps({"a", "b"});
    EXPECT_EQ(w.k.text(), "Ab");
    EXPECT_EQ(w.k.key(w.id("a"))->label, "a");
    w.taps({"shift", "c", "d"});
    EXPECT_EQ(w.k.text(), "AbCd");
    w.taps({"shift", "shift", "e"});  // slow taps: on, off
    EXPECT_EQ(w.k.text(), "AbCde");
}

TEST(KeyboardShift, DoubleTapGivesCapsUntilShiftAgain) {
    Writer w;
    w.tap("a");
    w.k.press(w.id("shift"), w.t);
    w.k.release(w.t + 40);
    w.k.press(w.id("shift"), w.t + 200);  // 160 ms after the first release
    w.k.release(w.t + 240);
    w.t += 800;
    EXPECT_EQ(w.k.shift(), Shift::Caps);
    w.taps({"c", "l", "b"});
    EXPECT_EQ(w.k.text(), "ACLB");
    w.taps({"shift", "x"});
    EXPECT_EQ(w.k.text(), "ACLBx");
    EXPECT_EQ(w.k.shift(), Shift::Off);
}

TEST(KeyboardShift, TooSlowOrInterruptedIsNoDoubleTap) {
    Writer w;
    w.tap("a");
    w.k.press(w.id("shift"), w.t);
    w.k.release(w.t + 40);
    w.k.press(w.id("shift"), w.t + 40 + kDoubleTapMs + 1);
    w.k.release(w.t + 440);
    EXPECT_EQ(w.k.shift(), Shift::Off);
    w.t += 1000;
    w.k.press(w.id("shift"), w.t);
    w.k.release(w.t + 40);
    w.k.press(w.id("b"), w.t + 60);
    w.k.release(w.t + 80);
    w.k.press(w.id("shift"), w.t + 100);
    w.k.release(w.t + 120);
    EXPECT_EQ(w.k.shift(), Shift::Once);
}

TEST(KeyboardShift, LongPressGivesCaps) {
    Writer w;
    w.tap("a");
    w.k.press(w.id("shift"), w.t);
    w.k.tick(w.t + kLongPressMs - 1);
    EXPECT_EQ(w.k.shift(), Shift::Off);
    w.k.tick(w.t + kLongPressMs);
    EXPECT_EQ(w.k.shift(), Shift::Caps);
    w.k.release(w.t + 900);
    EXPECT_EQ(w.k.shift(), Shift::Caps);  // the lift after a long-press is no tap
}

// ---- symbols layer ---------------------------------------------------------------------

TEST(KeyboardSymbols, LayerSwitchesAndStays) {
    Writer w;
    w.tap("layer");
    EXPECT_EQ(w.k.layer(), Layer::Symbols);
    EXPECT_EQ(w.k.key(w.id("layer"))->label, "abc");
    EXPECT_FALSE(w.k.key_by_name("a"));
    w.taps({"1", "2", "€", "-", "@", ":", "\"", "?", "!"});
    EXPECT_EQ(w.k.text(), "12€-@:\"?!");
    w.tap("layer");
    EXPECT_EQ(w.k.layer(), Layer::Letters);
    w.tap("a");
    EXPECT_EQ(w.k.text(), "12€-@:\"?!a");  // the digits used up the shift
}

TEST(KeyboardSymbols, OneKeyAtATime) {
    Writer w;
    w.k.press(w.id("a"), w.t);
    w.k.press(w.id("b"), w.t + 10);  // a second finger on the same keyboard
    w.k.release(w.t + 40);
    EXPECT_EQ(w.k.text(), "A");
}

// ---- accents ---------------------------------------------------------------------------

TEST(KeyboardAccents, LongPressOpensChoicesAndTheSlideChooses) {
    Writer w;
    w.tap("shift");  // lower case
    const KeyId e = w.id("e");
    w.k.press(e, w.t);
    w.k.tick(w.t + kLongPressMs - 1);
    EXPECT_FALSE(w.k.popup());
    w.k.tick(w.t + kLongPressMs);
    ASSERT_TRUE(w.k.popup());
    const Popup p = *w.k.popup();
    EXPECT_EQ(p.choices, (std::vector<std::string>{"e", "é", "è", "ë", "ê"}));
    EXPECT_EQ(p.selected, 0);
    for (const Rect& r : p.rects) {
        EXPECT_GE(r.x, 0);
        EXPECT_LE(r.x + r.w, kWidth);
        EXPECT_GE(r.y, 0);
        EXPECT_GE(r.w, kMinKeyPx);
    }
    w.k.move(p.rects[1].centre(), w.t + 600);
    EXPECT_EQ(w.k.popup()->selected, 1);
    w.k.move({p.rects[3].centre().x + 10, p.rects[3].centre().y + 40}, w.t + 650);  // sloppy finger
    EXPECT_EQ(w.k.popup()->selected, 3);
    w.k.release(w.t + 700);
    EXPECT_EQ(w.k.text(), "ë");
    EXPECT_FALSE(w.k.popup());
}

TEST(KeyboardAccents, CapitalsAndSlidingAwayTypesNothing) {
    Writer w;  // shift Once
    w.long_press("e", 1);
    EXPECT_EQ(w.k.text(), "É");
    w.k.press(w.id("o"), w.t);
    w.k.tick(w.t + 500);
    w.k.move({-200, 900}, w.t + 550);
    EXPECT_EQ(w.k.popup()->selected, -1);
    w.k.release(w.t + 600);
    EXPECT_EQ(w.k.text(), "É");
    w.t += 1000;
    w.long_press("c", 1);
    w.long_press("u", 3);
    EXPECT_EQ(w.k.text(), "Éçù");
}

TEST(KeyboardAccents, LongPressWithoutAccentsTypesTheLetter) {
    Writer w;
    w.k.press(w.id("z"), w.t);
    w.k.tick(w.t + 900);
    EXPECT_FALSE(w.k.popup());
    w.k.release(w.t + 950);
    EXPECT_EQ(w.k.text(), "Z");
}

TEST(KeyboardAccents, SlidingOffAKeyTakesItBack) {
    Writer w;
    const Key a = *w.k.key(w.id("a"));
    w.k.press(a.id, w.t);
    w.k.move({a.rect.centre().x + 60, a.rect.centre().y}, w.t + 50);
    EXPECT_FALSE(w.k.pressed_key());
    w.k.release(w.t + 100);
    EXPECT_EQ(w.k.text(), "");
    EXPECT_EQ(w.k.shift(), Shift::Once);
}

TEST(KeyboardAccents, AccentKeyCyclesTheLetterBeforeTheCursor) {
    Writer w;
    w.taps({"shift", "e"});
    const char* cycle[] = {"é", "è", "ë", "ê", "e", "é"};
    for (const char* want : cycle) {
        w.tap("accent");
        EXPECT_EQ(w.k.text(), want);
        EXPECT_EQ(w.k.cursor(), w.k.text().size());
    }
    w.k.set_text("Coordinatie");
    w.k.set_cursor(3);  // after "Coo"
    w.tap("accent");
    EXPECT_EQ(w.k.text(), "Coördinatie");
    EXPECT_EQ(w.k.cursor(), 4u);
    w.k.set_text("CAFE");
    w.tap("accent");
    EXPECT_EQ(w.k.text(), "CAFÉ");
    w.k.set_text("xyz");
    w.tap("accent");
    EXPECT_EQ(w.k.text(), "xyz");  // nothing to accent
}

// ---- backspace -------------------------------------------------------------------------

TEST(KeyboardBackspace, DeletesOnPressThenRepeatsAfter500EveryEighty) {
    Keyboard k;
    k.set_text("abcdefghij");
    const KeyId bs = *k.key_by_name("backspace");
    k.press(bs, 1000);
    EXPECT_EQ(k.text(), "abcdefghi");
    k.tick(1499);
    EXPECT_EQ(k.text(), "abcdefghi");
    k.tick(1500);
    EXPECT_EQ(k.text(), "abcdefgh");
    k.tick(1579);
    EXPECT_EQ(k.text(), "abcdefgh");
    k.tick(1580);
    EXPECT_EQ(k.text(), "abcdefg");
    k.tick(1820);  // a slow frame catches up: 1660, 1740, 1820
    EXPECT_EQ(k.text(), "abcd");
    k.tick(1000);  // time never runs backwards
    EXPECT_EQ(k.text(), "abcd");
    k.release(1830);
    k.tick(5000);
    EXPECT_EQ(k.text(), "abcd");
    k.press(bs, 6000);
    k.tick(1e12);  // a huge jump empties the text and stops there
    EXPECT_EQ(k.text(), "");
    k.release(1e12);
}

TEST(KeyboardBackspace, SlidingOffStopsTheRepeatAndCharactersStayWhole) {
    Keyboard k;
    k.set_text("Coördinatie zorg");
    k.set_cursor(4);  // after "Coö"
    const Key bs = *k.key(*k.key_by_name("backspace"));
    k.press(bs.id, 0);
    EXPECT_EQ(k.text(), "Cordinatie zorg");
    EXPECT_TRUE(utf8::valid(k.text()));
    k.move({bs.rect.x - 100, bs.rect.y}, 100);
    k.tick(2000);
    EXPECT_EQ(k.text(), "Cordinatie zorg");
    k.release(2100);
}

// ---- cursor ----------------------------------------------------------------------------

TEST(KeyboardCursor, TapPutsItAtTheNearestBoundaryAndNeverInsideACharacter) {
    Keyboard k;
    k.set_text("Coördinatie");
    k.place_cursor(24, per_char);  // between "Co" (20) and "Coö" (30): nearer 20
    EXPECT_EQ(k.cursor(), 2u);
    k.place_cursor(26, per_char);
    EXPECT_EQ(k.cursor(), 4u);  // after the two bytes of ö
    k.place_cursor(-50, per_char);
    EXPECT_EQ(k.cursor(), 0u);
    k.place_cursor(1e6, per_char);
    EXPECT_EQ(k.cursor(), k.text().size());
    for (double x = -5; x < 130; x += 0.5) {
        k.place_cursor(x, per_char);
        ASSERT_TRUE(k.cursor() == k.text().size() || (static_cast<unsigned char>(k.text()[k.cursor()]) & 0xC0) != 0x80)
            << x;
    }
    // Typing goes in at the cursor.
    k.place_cursor(10, per_char);
    k.press(*k.key_by_name("x"), 0);
    k.release(10);
    EXPECT_EQ(k.text(), "CXoördinatie");
    // A width function that measures real bytes: still whole characters.
    k.set_text("日本é");
    k.place_cursor(4, [](std::string_view s) { return static_cast<double>(s.size()); });
    EXPECT_EQ(k.cursor(), 3u);
    k.set_cursor(4);
    EXPECT_EQ(k.cursor(), 3u);  // snapped back to a boundary
}

TEST(KeyboardText, EnterFinishesAndTakeTextResets) {
    Writer w;
    w.type(" CLB ");
    EXPECT_TRUE(w.tap("enter"));
    EXPECT_EQ(w.k.take_text(), "CLB");
    EXPECT_EQ(w.k.text(), "");
    EXPECT_EQ(w.k.shift(), Shift::Once);
    EXPECT_EQ(w.k.layer(), Layer::Letters);
    w.k.set_text(std::string(150, 'a'));
    EXPECT_EQ(w.k.text().size(), kMaxChars);
    w.tap("b");
    EXPECT_EQ(w.k.text().size(), kMaxChars);
    w.k.set_text("a\xFF");
    EXPECT_TRUE(utf8::valid(w.k.text()));
}

// ---- plan_typing -----------------------------------------------------------------------

TEST(KeyboardPlan, TypesTheWorkshopsPartners) {
    for (Layout l : {Layout::Azerty, Layout::Qwerty}) {
        for (const char* text : {"Pedagogische begeleidingsdienst", "CLB", "Hogeschool: lerarenopleiding",
                                 "Gemeente: jeugddienst", "Coördinatie zorg", "École", "auto's, 12 € (ça va?)",
                                 "BIBLIOTHEEK Ïnça"}) {
            Writer w{Keyboard(l)};
            const Keyboard before = w.k;
            ASSERT_TRUE(w.k.plan_typing(text).has_value()) << text;
            EXPECT_EQ(w.k.text(), before.text());  // planning changes nothing
            w.type(text);
            EXPECT_EQ(w.k.text(), text);
        }
    }
}

TEST(KeyboardPlan, StrokesAreWhatAPersonDoes) {
    Keyboard k;
    auto names = [](const std::vector<KeyStroke>& s) {
        std::string out;
        for (const KeyStroke& x : s) out += x.name + (x.choice >= 0 ? "#" + std::to_string(x.choice) : "") + " ";
        return out;
    };
    EXPECT_EQ(names(*k.plan_typing("CLB")), "c shift l shift b ");
    EXPECT_EQ(names(*k.plan_typing("École")), "e#1 c o l e ");
    EXPECT_EQ(names(*k.plan_typing("Ab: c")), "a b layer : space layer c ");
    EXPECT_EQ(names(*k.plan_typing("Coö")), "c o o#1 ");
    EXPECT_EQ(names(*k.plan_typing("a")), "shift a ");  // from Once
}

TEST(KeyboardPlan, FromTheCurrentStateAndAtTheCursor) {
    Writer w;
    w.tap("layer");
    w.type("Ok 1");
    EXPECT_EQ(w.k.text(), "Ok 1");
    w.k.set_cursor(0);
    w.type("x");
    EXPECT_EQ(w.k.text(), "xOk 1");
}

TEST(KeyboardPlan, FailsNamingTheFirstMissingCharacter) {
    Keyboard k;
    std::string missing;
    EXPECT_FALSE(k.plan_typing("日本", &missing));
    EXPECT_EQ(missing, "日");
    EXPECT_FALSE(k.plan_typing("CLB ß日", &missing));
    EXPECT_EQ(missing, "ß");
    EXPECT_FALSE(k.plan_typing("a\nb", &missing));
    EXPECT_EQ(missing, "\n");
    EXPECT_FALSE(k.plan_typing("ok\xC3", &missing));
    EXPECT_EQ(missing, "\xEF\xBF\xBD");
    EXPECT_FALSE(k.plan_typing(std::string(kMaxChars + 1, 'a'), &missing));
    EXPECT_EQ(missing, "");  // too long
    EXPECT_TRUE(k.plan_typing(""));
}

// ---- edge frames -----------------------------------------------------------------------

TEST(KeyboardFrame, EachEdgeFacesItsWriterAndRoundTrips) {
    const Vec2 screen{1920, 1080}, size{kWidth, kHeight};
    struct Case {
        Side side;
        double along;
        double rotation;
        Vec2 bottom_mid;  // where local (w/2, h) lands: on the edge
        Vec2 right_dir;   // screen direction of local +x
    };
    const double pi = std::numbers::pi;
    for (const Case& c : {Case{Side::Bottom, 700, 0, {700, 1080}, {1, 0}}, Case{Side::Top, 700, pi, {700, 0}, {-1, 0}},
                          Case{Side::Left, 500, pi / 2, {0, 500}, {0, 1}},
                          Case{Side::Right, 500, -pi / 2, {1920, 500}, {0, -1}}}) {
        const EdgeFrame f{c.side, c.along, 1.5, size, screen};
        EXPECT_DOUBLE_EQ(f.rotation(), c.rotation);
        EXPECT_EQ(f.to_screen({kWidth / 2, kHeight}), c.bottom_mid);
        const Vec2 a = f.to_screen({10, 20}), b = f.to_screen({11, 20});
        EXPECT_NEAR(b.x - a.x, 1.5 * c.right_dir.x, 1e-9);
        EXPECT_NEAR(b.y - a.y, 1.5 * c.right_dir.y, 1e-9);
        for (Vec2 p : {Vec2{0, 0}, Vec2{123.5, 45}, Vec2{kWidth, kHeight}}) {
            const Vec2 back = f.to_local(f.to_screen(p));
            EXPECT_NEAR(back.x, p.x, 1e-9);
            EXPECT_NEAR(back.y, p.y, 1e-9);
        }
        const Rect r = f.screen_bounds();
        EXPECT_GE(r.x, -1e-9);
        EXPECT_GE(r.y, -1e-9);
        EXPECT_LE(r.x + r.w, screen.x + 1e-9);
        EXPECT_LE(r.y + r.h, screen.y + 1e-9);
        // The same turn the board gives a note written from there.
        EXPECT_DOUBLE_EQ(facing_rotation(f.to_screen({kWidth / 2, kHeight - 5}), screen), c.rotation);
    }
}

}  // namespace
