// Keyboard 0, the focused field's keyboard (issue 14): the keys a Flemish writer needs on
// every keyboard, done and enter, where it stands, and the fingers on it.
//
// Sections: keys every keyboard has | done and enter | placement | fingers | router.
#include "field_keyboard.hpp"

#include <gtest/gtest.h>

#include "pointer_router.hpp"
#include "utf8.hpp"

using namespace nk;
using namespace nk::kb;

namespace {

// Types `text` on `k` as a person would (the replay's plan); false when a key is missing.
bool type(Keyboard& k, std::string_view text, std::string* missing = nullptr, double t = 10'000) {
    const auto plan = k.plan_typing(text, missing);
    if (!plan) return false;
    for (const KeyStroke& s : *plan) t = k.perform(s, t) + 500;
    return true;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// ---- keys every keyboard has ----------------------------------------------------------

TEST(FlemishKeys, EveryKeyboardTypesWhatAFlemishWriterNeeds) {
    const std::string texts[] = {
        "Hogeschool Gent – lerarenopleiding",
        "CLB’s “Samen leren” … 12 € @ & / ( ) : 0123456789",
        "Coördinatie zorg, één école à Brugge; ça va? ja!",
    };
    for (Layout l : {Layout::Azerty, Layout::Qwerty})
        for (KeyboardKind kind : {KeyboardKind::Station, KeyboardKind::Field})
            for (const std::string& text : texts) {
                Keyboard k(l, kind);
                k.set_max_chars(1000);
                std::string missing;
                ASSERT_TRUE(type(k, text, &missing)) << text << ": no key for '" << missing << "'";
                EXPECT_EQ(k.text(), text);
            }
}

TEST(FlemishKeys, SecondSymbolsPageAndBack) {
    Keyboard k;
    ASSERT_TRUE(type(k, "“a”"));
    EXPECT_EQ(k.text(), "“a”");
    EXPECT_EQ(k.layer(), Layer::More);  // the layer stays where the last key was
    // The layer key goes back to the letters from either symbols page.
    k.press(*k.key_by_name("layer"), 20'000);
    k.release(20'010);
    EXPECT_EQ(k.layer(), Layer::Letters);
}

TEST(FlemishKeys, KeysAreNoSmallerThanBefore) {
    for (KeyboardKind kind : {KeyboardKind::Station, KeyboardKind::Field}) {
        Keyboard k(Layout::Azerty, kind);
        for (int page = 0; page < 3; ++page) {
            for (const Key& key : k.keys()) {
                EXPECT_GE(key.rect.w, kKeyPitch - kKeyGap) << key.name;
                EXPECT_GE(key.rect.h, kKeyPitch - kKeyGap) << key.name;
            }
            k.press(*k.key_by_name(page == 0 ? "layer" : "more"), 0);
            k.release(10);
        }
    }
}

// ---- done and enter -------------------------------------------------------------------

TEST(FieldKeys, DoneEndsAnyFieldEnterEndsOnlyOneLineFields) {
    Keyboard one(Layout::Azerty, KeyboardKind::Field);
    ASSERT_TRUE(type(one, "Ann"));
    one.press(*one.key_by_name("enter"), 20'000);
    EXPECT_EQ(one.release_finish(20'010), Finish::Enter);
    EXPECT_EQ(one.text(), "Ann");

    Keyboard many(Layout::Azerty, KeyboardKind::Field);
    many.set_multiline(true);
    ASSERT_TRUE(type(many, "Eerst\ndan"));
    EXPECT_EQ(many.text(), "Eerst\ndan");
    many.press(*many.key_by_name("enter"), 20'000);
    EXPECT_EQ(many.release_finish(20'010), Finish::None);
    EXPECT_EQ(many.text(), "Eerst\ndan\n");
    many.press(*many.key_by_name("done"), 21'000);
    EXPECT_EQ(many.release_finish(21'010), Finish::Done);

    // A station has no done key, and no new line.
    Keyboard station;
    EXPECT_FALSE(station.key_by_name("done"));
    EXPECT_FALSE(type(station, "a\nb"));
}

TEST(FieldKeys, LimitAndPhysicalKeys) {
    Keyboard k(Layout::Azerty, KeyboardKind::Field);
    k.set_max_chars(5);
    k.insert_text("Schoo\xC3");  // a physical keyboard; broken UTF-8 repaired, then cut
    EXPECT_EQ(utf8::length(k.text()), 5u);
    k.erase_back();
    EXPECT_EQ(k.text(), "Scho");
    k.set_max_chars(4000);
    k.set_text(std::string(300, 'x'));  // longer than a station's 100
    EXPECT_EQ(k.text().size(), 300u);
}

// ---- placement ------------------------------------------------------------------------

constexpr Vec2 kScreen{1920, 1080};

TEST(FieldKeyboardPlace, OnAWallUprightAtTheBottomUnderTheTap) {
    const Rect field{100, 200, 400, 50};
    const EdgeFrame f = place_field_keyboard(field, {300, 225}, kScreen, 1, StationLayout::Wall);
    EXPECT_EQ(f.side, Side::Bottom);
    EXPECT_DOUBLE_EQ(f.rotation(), 0);
    const Rect b = f.screen_bounds();
    EXPECT_NEAR(b.y + b.h, 1080, 1e-9);
    EXPECT_NEAR(b.x + b.w / 2, 300, 1e-9);  // under the tap
    EXPECT_FALSE(overlaps(b, field));
    // ... clamped into the window.
    EXPECT_NEAR(place_field_keyboard(field, {20, 225}, kScreen, 1, StationLayout::Wall).screen_bounds().x, 8, 1e-9);
    // A tap near the top of a wall still gives an upright keyboard at the bottom.
    EXPECT_EQ(place_field_keyboard(field, {300, 5}, kScreen, 1, StationLayout::Wall).side, Side::Bottom);
}

TEST(FieldKeyboardPlace, NeverCoversItsFieldBesideItOrAboveIt) {
    // A field low on the screen: the keyboard stands beside it.
    const Rect low{800, 950, 500, 60};
    const EdgeFrame f = place_field_keyboard(low, {1000, 980}, kScreen, 1, StationLayout::Wall);
    const Rect b = f.screen_bounds();
    EXPECT_FALSE(overlaps(b, low));
    EXPECT_NEAR(b.y + b.h, 1080, 1e-9);  // still on the edge
    // As wide as the screen: no side has room, so it stands above the field.
    const Rect wide{20, 950, 1880, 60};
    const EdgeFrame g = place_field_keyboard(wide, {1000, 980}, kScreen, 1, StationLayout::Wall);
    const Rect c = g.screen_bounds();
    EXPECT_FALSE(overlaps(c, wide));
    EXPECT_GT(g.inset, 0);
    EXPECT_GE(c.y, 0);
    EXPECT_DOUBLE_EQ(g.rotation(), 0);
    // Scaled with the window: at 4K the same place, twice the size.
    const EdgeFrame k4 = place_field_keyboard({1600, 1900, 1000, 120}, {2000, 1960}, {3840, 2160}, 2, StationLayout::Wall);
    EXPECT_NEAR(k4.screen_bounds().w, 2 * kWidth, 1e-9);
    EXPECT_FALSE(overlaps(k4.screen_bounds(), {1600, 1900, 1000, 120}));
}

TEST(FieldKeyboardPlace, KeepsClearOfPanelsWhereThereIsRoom) {
    // Phase 4 at 1080p: the legend bottom left, the closing panel and the toolbar on the
    // right; the answer field in the closing panel, tapped at its middle.
    const Rect legend{20, 761, 282, 299}, closing{1056, 150, 844, 780}, toolbar{1066, 935, 834, 125};
    const Rect field{1072, 312, 812, 133};
    const EdgeFrame f =
        place_field_keyboard(field, {1478, 380}, kScreen, 1, StationLayout::Wall, {legend, closing, toolbar});
    const Rect b = f.screen_bounds();
    EXPECT_FALSE(overlaps(b, field));
    for (const Rect& r : {legend, closing, toolbar}) EXPECT_FALSE(overlaps(b, r));
    EXPECT_EQ(f.side, Side::Bottom);
    // Room only far away (across the wall): it stays within reach, covering what it must.
    const Rect wide{700, 600, 1220, 480};
    const EdgeFrame far = place_field_keyboard({1480, 150, 420, 50}, {1600, 175}, kScreen, 1, StationLayout::Wall, {wide});
    EXPECT_LE(std::abs(far.along - 1600), kReachWidths * kWidth + 1e-9);
    EXPECT_FALSE(overlaps(far.screen_bounds(), {1480, 150, 420, 50}));
    // ... and takes the free place when it is near enough.
    const EdgeFrame near = place_field_keyboard({1480, 150, 420, 50}, {1000, 175}, kScreen, 1, StationLayout::Wall, {wide});
    EXPECT_FALSE(overlaps(near.screen_bounds(), wide));
    // No room anywhere: it still never covers the field, and stays under the tap.
    const Rect all{0, 500, 1920, 580};
    const EdgeFrame g = place_field_keyboard(field, {1478, 380}, kScreen, 1, StationLayout::Wall, {all});
    EXPECT_FALSE(overlaps(g.screen_bounds(), field));
    EXPECT_NEAR(g.along, 1478, 1e-9);
}

TEST(FieldKeyboardPlace, OnATableAtTheEdgeNearestTheTap) {
    const Rect field{800, 500, 300, 50};
    struct Case {
        Vec2 tap;
        Side side;
    };
    for (const Case& c : {Case{{900, 1000}, Side::Bottom}, Case{{900, 60}, Side::Top}, Case{{40, 500}, Side::Left},
                          Case{{1880, 500}, Side::Right}}) {
        const EdgeFrame f = place_field_keyboard(field, c.tap, kScreen, 1, StationLayout::Table);
        EXPECT_EQ(f.side, c.side);
        const Rect b = f.screen_bounds();
        EXPECT_FALSE(overlaps(b, field));
        EXPECT_GE(b.x, -1e-9);
        EXPECT_GE(b.y, -1e-9);
        EXPECT_LE(b.x + b.w, kScreen.x + 1e-9);
        EXPECT_LE(b.y + b.h, kScreen.y + 1e-9);
        // Facing the person at that edge: its bottom side (the near one) on the edge.
        const Vec2 near = f.to_screen({kWidth / 2, kHeight});
        EXPECT_DOUBLE_EQ(facing_rotation(near, kScreen), f.rotation());
    }
}

// ---- fingers --------------------------------------------------------------------------

TEST(FieldKeyboardFingers, KeysTypeDoneFinishesOtherFingersAreCaptured) {
    FieldKeyboard fk;
    EXPECT_FALSE(fk.down({1, 1}, {960, 1000}, 0));  // closed: takes nothing
    fk.open("setup.school", "", false, 200, Layout::Azerty,
            place_field_keyboard({100, 100, 400, 50}, {960, 120}, kScreen, 1, StationLayout::Wall));
    ASSERT_TRUE(fk.is_open());
    const PointerKey a{1, 1}, b{1, 2};
    const Vec2 h = *fk.key_centre("h");
    EXPECT_TRUE(fk.down(a, h, 100));
    EXPECT_TRUE(fk.down(b, *fk.key_centre("i"), 110));  // captured, presses nothing
    EXPECT_EQ(fk.up(b, *fk.key_centre("i"), 120), Finish::None);
    EXPECT_EQ(fk.up(a, h, 130), Finish::None);
    EXPECT_EQ(fk.keyboard().text(), "H");  // a field starts with a capital
    EXPECT_TRUE(fk.down(a, *fk.key_centre("done"), 200));
    EXPECT_EQ(fk.up(a, *fk.key_centre("done"), 210), Finish::Done);
    EXPECT_FALSE(fk.down(a, {5, 5}, 300));  // not on it

    // Another field: its text, no capital forced mid-text, a new serial.
    const auto serial = fk.serial();
    fk.open("card.x.note", "Eerst", true, 4000, Layout::Qwerty, fk.frame());
    EXPECT_NE(fk.serial(), serial);
    EXPECT_EQ(fk.keyboard().text(), "Eerst");
    EXPECT_EQ(fk.keyboard().shift(), Shift::Off);
    // ... and a capital at once is one shift tap, not caps lock (no double tap with anything).
    ASSERT_TRUE(type(fk.keyboard(), "En", nullptr, 100));  // 100 ms after the app started
    EXPECT_EQ(fk.keyboard().text(), "EerstEn");
    EXPECT_EQ(fk.keyboard().layout(), Layout::Qwerty);
    fk.close();
    EXPECT_FALSE(fk.key_centre("a"));
}

// ---- router ---------------------------------------------------------------------------

TEST(FieldKeyboardRouter, KeyboardZeroIsTouchedBeforePanelsAndBoardButNotBeforeADialog) {
    FieldKeyboard fk;
    fk.open("setup.school", "", false, 200, Layout::Azerty,
            place_field_keyboard({100, 100, 400, 50}, {960, 120}, kScreen, 1, StationLayout::Wall));
    Document doc;
    RouteContext cx;
    cx.doc = &doc;
    cx.screen_size = kScreen;
    cx.field_keyboard = &fk;
    PointerRouter router;
    Landing at;
    at.field_keyboard = true;
    at.on_panel = true;  // a panel lies under it too
    const Vec2 enter = *fk.key_centre("enter");
    router.down({1, 1}, enter, 0, at, cx);
    EXPECT_EQ(router.owner({1, 1}), PointerOwner::Keyboard);
    EXPECT_EQ(router.up({1, 1}, enter, 20, cx).keyboard, Finish::Enter);
    at.dialog = true;
    router.down({1, 2}, enter, 100, at, cx);
    EXPECT_EQ(router.owner({1, 2}), PointerOwner::Panel);
}

}  // namespace
