// An on-screen keyboard as a value: its keys, their rectangles, and what touches do.
//
// The brainstorm has several people typing at once on one screen with no physical
// keyboard, so the app draws its own keyboards. Everything but the drawing lives here:
// layouts, shift and caps, the symbols layer, accents, backspace repeat, the text being
// typed with its cursor, hit-testing, and the plan a replay script uses to type a text.
// Each Keyboard is independent: several of them never share any state.
//
// Sections: geometry (Rect, EdgeFrame) | layouts (layout tables, accents) | Keyboard.
//
// The rules:
//  * Local frame: x right, y down, from the writer's point of view; units are pixels at
//    1080p scale 1. The widget is kWidth x kHeight: the text field on top, four rows of
//    keys below. Every key is at least 40 x 40 (kMinKeyPx: about 30 mm on a 65"
//    1080p panel, small enough for four stations side by side on a 1920-pixel wall).
//    EdgeFrame turns it towards any edge.
//  * One key at a time per keyboard: a press while another is held is ignored (a second
//    finger on the same keyboard does nothing until the first lifts).
//  * A character key types on release, so that a long-press can become an accent:
//    held kLongPressMs on a letter that has accents (a c e i n o u), a row of choices
//    opens above it, the base letter first and selected; the finger slides to a choice
//    (the nearest by x while the finger stays near the row) and lifts to type it. Sliding
//    far away selects nothing: lifting then types nothing.
//  * Before a long-press opens, sliding more than kSlideOffPx off the key cancels it:
//    lifting types nothing (slide off to take a mistake back).
//  * Shift: a tap turns Off -> Once -> Off; Caps -> Off. A second tap within
//    kDoubleTapMs of the first's release (no other key between), or holding shift for
//    kLongPressMs, gives Caps. Once ends after the next character typed (any Char key or
//    accent choice). Shift changes letters only. The keyboard starts in Once, and is in
//    Once again after take_text(): a post-it usually starts with a capital.
//  * Accent key: cycles the character before the cursor through its accents, keeping its
//    case: e -> é -> è -> ë -> ê -> e (a: à â ä; c: ç; i: ï î; n: ñ; o: ö ô; u: ü û ù).
//    On any other character it does nothing. It is a second, visible way to the same
//    letters as the long-press (people who do not know long-press see the key).
//  * Layer key: letters <-> symbols (digits and punctuation); from the second symbols
//    page it goes back to letters. On the symbols pages the more key turns between the
//    first (digits, - / : ( ) € & @ ...) and the second page (– ’ “ ” … and more). The
//    layer stays until one of those keys is tapped again.
//  * Kind Field (keyboard 0, the one a focused text field gets) has a done key ("Klaar")
//    beside enter; done ends the text (release_finish() says Done). Enter ends it too,
//    unless the keyboard is multiline: then enter types a new line.
//  * Backspace deletes the character before the cursor on press, then again after
//    kRepeatDelayMs and every kRepeatIntervalMs while held (under the injected clock:
//    call tick() every frame). Sliding off it stops the repeat.
//  * Enter finishes the text: release() returns true; the owner reads take_text().
//  * The text is valid UTF-8 of at most kMaxChars code points (more is ignored); the
//    cursor is a byte offset, always on a code point boundary. (set_max_chars changes
//    the limit: a field keyboard takes the field's own.)
//  * Time is an input (t_ms, the injected clock); an earlier t_ms counts as no time passing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace nk::kb {

// ---- geometry ---------------------------------------------------------------------------

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    bool contains(Vec2 p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    Vec2 centre() const { return {x + w / 2, y + h / 2}; }
    friend bool operator==(const Rect&, const Rect&) = default;
};

// A widget standing at a screen edge, facing the person there. Its local frame (size
// `local_size`, origin top left) is scaled by `scale` and turned by rotation() about the
// middle of its bottom side, which sits on the edge (or `inset` pixels inside it) at `along` (the screen x for Bottom
// and Top, the screen y for Left and Right). rotation() matches facing_rotation()
// (gestures.hpp) and Partner::rotation: Bottom 0, Top pi, Left +pi/2, Right -pi/2
// (radians, clockwise on screen). `screen_size` is the window in pixels.
struct EdgeFrame {
    Side side = Side::Bottom;
    double along = 0;
    double scale = 1;
    Vec2 local_size;
    Vec2 screen_size;
    double inset = 0;  // screen pixels between the edge and the widget's bottom side (keyboard 0)
    friend bool operator==(const EdgeFrame&, const EdgeFrame&) = default;

    double rotation() const;
    Vec2 to_screen(Vec2 local) const;
    Vec2 to_local(Vec2 screen) const;
    // The axis-aligned screen rectangle the widget covers.
    Rect screen_bounds() const;
};

// ---- layouts ----------------------------------------------------------------------------

enum class Layout { Azerty, Qwerty };  // Azerty: the Belgian layout's letter rows (default)
enum class Layer { Letters, Symbols, More };  // More: the second symbols page
enum class KeyboardKind { Station, Field };     // Field: keyboard 0, with a done key
enum class Shift { Off, Once, Caps };
enum class KeyKind { Char, Shift, Space, Backspace, Enter, Accent, Layer, More, Done };

// One key of a layout table: position and width in key units (kKeyPitch) within its row.
struct KeyDef {
    KeyKind kind = KeyKind::Char;
    std::string_view lower, upper;  // the character typed (Char) without and with shift
    double col = 0, width = 1;
};
using Row = std::vector<KeyDef>;
// The four rows of a layer, top to bottom (keyboard_layouts.cpp).
const std::vector<Row>& rows(Layout layout, Layer layer, KeyboardKind kind = KeyboardKind::Station);
// The accented forms of a letter, in popup and cycle order (keyboard_layouts.cpp):
// "e" -> {"é","è","ë","ê"}, "E" -> {"É",...}; empty for anything else.
const std::vector<std::string_view>& accents_of(std::string_view letter);

// Geometry, local units (pixels at 1080p scale 1).
inline constexpr double kKeyPitch = 44;   // a key unit, including the gap
inline constexpr double kKeyGap = 4;      // so a 1-unit key is 40 x 40
inline constexpr double kMinKeyPx = kKeyPitch - kKeyGap;  // the narrowest key, at scale 1
inline constexpr double kPad = 8;
inline constexpr double kTextH = 56;      // the text field's height
inline constexpr double kTextPad = 12;    // text starts this far right of the field's left
inline constexpr double kWidth = 2 * kPad + 10 * kKeyPitch - kKeyGap;          // 452
inline constexpr double kRowsY = kPad + kTextH + kPad;                         // 72
inline constexpr double kHeight = kRowsY + 4 * kKeyPitch - kKeyGap + kPad;    // 252
inline constexpr double kSlideOffPx = 24;

// Timing, ms.
inline constexpr double kLongPressMs = 450;
inline constexpr double kDoubleTapMs = 350;
inline constexpr double kRepeatDelayMs = 500;
inline constexpr double kRepeatIntervalMs = 80;

inline constexpr std::size_t kMaxChars = 100;

// The width of a piece of text as the app draws it in the text field (local units).
using TextWidth = std::function<double(std::string_view)>;

// ---- Keyboard ---------------------------------------------------------------------------

// A key of the current layer. Valid only while the layer is the same: a KeyId of the
// other layer is ignored by press().
struct KeyId {
    Layer layer = Layer::Letters;
    int index = 0;
    friend bool operator==(const KeyId&, const KeyId&) = default;
};

struct Key {
    KeyId id;
    KeyKind kind = KeyKind::Char;
    Rect rect;           // local frame
    std::string label;   // what to draw now (follows shift and layer). Special keys get
                         // suggestions ("⇧" "⌫" "↵" "123"/"abc" "´¨", space ""): the
                         // app may draw icons by kind instead.
    std::string name;    // stable name for replay scripts: the unshifted label of a Char
                         // key, else shift space backspace enter accent layer more done
    bool lit = false;    // shift: Once or Caps (draw it highlighted)
    bool pressed = false;
};

// The long-press row of accent choices.
struct Popup {
    KeyId key;
    std::vector<std::string> choices;  // base letter first, in the current case
    std::vector<Rect> rects;           // local frame, one per choice, above the key
    int selected = 0;                  // -1: none (the finger slid away)
};

// How a person types one character: tap a key, or long-press it and slide to `choice`
// of its popup (Popup::choices index) and lift. To replay a stroke with a finger: press
// at the key's centre; for a choice, hold at least kLongPressMs (ticking), then move to
// popup()->rects[choice] and lift there; otherwise lift at once. Strokes are planned for
// one after the other: a KeyId is valid for the layer the strokes before it lead to.
struct KeyStroke {
    KeyId key;
    std::string name;  // the key's replay name (@kbd:N:NAME)
    int choice = -1;   // -1: a tap
    friend bool operator==(const KeyStroke&, const KeyStroke&) = default;
};

// How a key's release ended the text, if it did.
enum class Finish { None, Enter, Done };

class Keyboard {
public:
    explicit Keyboard(Layout layout = Layout::Azerty, KeyboardKind kind = KeyboardKind::Station)
        : layout_(layout), kind_(kind) {}

    Layout layout() const { return layout_; }
    KeyboardKind kind() const { return kind_; }
    // Enter types a new line instead of ending the text (card notes, answers).
    void set_multiline(bool on) { multiline_ = on; }
    bool multiline() const { return multiline_; }
    void set_max_chars(std::size_t n) { max_chars_ = n; }
    std::size_t max_chars() const { return max_chars_; }
    Layer layer() const { return layer_; }
    Shift shift() const { return shift_; }
    const std::string& text() const { return text_; }
    std::size_t cursor() const { return cursor_; }  // byte offset into text()

    // The keys of the current layer with their labels for the current shift.
    std::vector<Key> keys() const;
    // The text field (local frame). Text is drawn from x = text_field().x + kTextPad.
    static Rect text_field();
    // The key under a local point (the text field and gaps are no key).
    std::optional<KeyId> key_at(Vec2 local) const;
    // A key of the current layer by replay name (see Key::name).
    std::optional<KeyId> key_by_name(std::string_view name) const;
    // The key, or nullopt when `id` is not of the current layer.
    std::optional<Key> key(KeyId id) const;
    // The popup a long-press on `id` shows now (also before it opens, for replays);
    // nullopt when the key has no accents.
    std::optional<Popup> popup_for(KeyId id) const;
    // The open popup, if a long-press opened one.
    const std::optional<Popup>& popup() const { return popup_; }
    std::optional<KeyId> pressed_key() const;  // none after sliding off
    bool held() const { return held_.has_value(); }  // a finger is on a key (press() would be ignored)

    // Input. press() starts a key; move() follows the finger (local frame); release()
    // ends it and returns true when it ended the text (enter, or done). tick() every frame.
    void press(KeyId key, double t_ms);
    void move(Vec2 local, double t_ms);
    bool release(double t_ms) { return release_finish(t_ms) != Finish::None; }
    // As release(), saying which key ended the text.
    Finish release_finish(double t_ms);
    void cancel();  // the finger is gone: nothing typed
    void tick(double t_ms);

    // Puts the cursor at the code point boundary nearest to `x`, measured from where the
    // text starts (local x - text_field().x - kTextPad, plus the app's scroll if any).
    void place_cursor(double x, const TextWidth& width);
    void set_cursor(std::size_t byte_offset);   // snapped back to a code point boundary
    // Replaces the text (repaired to UTF-8, cut to kMaxChars); the cursor goes to its end.
    void set_text(std::string_view text);
    // A physical keyboard: text typed at the cursor (repaired to UTF-8, cut at the limit),
    // and the character before the cursor deleted.
    void insert_text(std::string_view text);
    // Shift as the owner wants it to start (a field with text goes on in lower case).
    void set_shift(Shift s) {
        shift_ = s;
        shift_was_last_ = false;
    }
    void erase_back() { backspace(); }
    // The finished text with surrounding spaces trimmed; the field empties, the cursor
    // goes home, shift goes to Once and the layer to letters.
    std::string take_text();

    // The strokes that type `text` at the cursor from the current state (layer switches
    // and shift taps included), or nullopt when the layout lacks a character; then
    // *missing (if given) is that character (U+FFFD for bytes that are not UTF-8).
    // Enter is not included. Does not change the keyboard.
    std::optional<std::vector<KeyStroke>> plan_typing(std::string_view text, std::string* missing = nullptr) const;
    // Performs one stroke starting at t_ms as a finger would (press, hold and slide for a
    // choice, release); returns the time it ended. For tests and headless replays.
    double perform(const KeyStroke& stroke, double t_ms);

private:
    struct Held {
        KeyId key;
        double down_t = 0;
        bool off = false;         // slid off before a long-press: types nothing
        bool long_fired = false;  // long-press happened (popup, or caps for shift)
        double next_repeat = 0;   // backspace
    };
    const KeyDef* def(KeyId id) const;
    Rect rect_of(KeyId id) const;
    void insert(std::string_view s);
    void backspace();
    void cycle_accent();
    void tap_shift(const Held& h);
    double clock(double t_ms);
    // The strokes for one character (code point) from the current state, or nullopt.
    std::optional<std::vector<KeyStroke>> strokes_for(std::string_view ch) const;

    Layout layout_;
    KeyboardKind kind_ = KeyboardKind::Station;
    bool multiline_ = false;
    std::size_t max_chars_ = kMaxChars;
    Layer layer_ = Layer::Letters;
    Shift shift_ = Shift::Once;
    std::string text_;
    std::size_t cursor_ = 0;
    std::optional<Held> held_;
    std::optional<Popup> popup_;
    double now_ = 0;
    bool shift_was_last_ = false;  // the last key released was a shift tap ...
    double shift_up_t_ = -1e18;    // ... at this time (double-tap detection)
};

}  // namespace nk::kb
