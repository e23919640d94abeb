// Keyboard 0: the one on-screen keyboard a focused text field gets (issue 14, "touch alone").
//
// The team has no physical keyboard, so every text field (the school's name, names, a
// post-it, card notes, closing answers, actions, the version note, and any field added
// later) types through this keyboard. At most one exists: it belongs to the field that
// has the focus, and focusing another field moves it there. It is the same kb::Keyboard
// as the writers' stations (kind Field: with a done key beside enter) and shows the
// field's text in its own text line.
//
// The rules:
//  * Placement (place_field_keyboard): the keyboard faces the person who tapped. On a
//    wall it stands upright on the bottom edge; on a table on the edge nearest the tap.
//    Along its edge it stands where the tap was (clamped into the window). It never
//    covers the field it types into, and covers as little as it can of the panels it is
//    given to `avoid` (their buttons stay reachable while someone types): of the places
//    along its edge within reach of the tap (kReachWidths of its own width either side;
//    the writer should not have to walk across a wall) — under the tap, or just beside the
//    field or a panel — it takes the one clear of the field that covers the least panel
//    area, the nearest to the tap among equals. When no place along the edge clears the
//    field it moves off its edge (EdgeFrame::inset) until it does.
//  * One finger at a time presses its keys (kb::Keyboard's rule); a finger that lands on
//    it is captured (down() returns true) until it lifts. The text line places the cursor.
//  * up() says how the key ended the text: Enter (a one-line field commits) or Done
//    ("Klaar", any field): the owner then closes it. In a multiline keyboard enter
//    types a new line.
//  * open() on another field replaces the text and resets the keyboard; serial() changes
//    with every open, so an owner can tell a new field from the same one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gestures.hpp"
#include "keyboard.hpp"
#include "stations.hpp"

namespace nk {

// Where keyboard 0 stands for a field at `field` (screen pixels) after a tap at `tap`
// (non-finite: the field's centre), in a window of `screen` pixels at UI scale `scale`.
// The frame's local_size is (kb::kWidth, kb::kHeight).
inline constexpr double kReachWidths = 1.5;
kb::EdgeFrame place_field_keyboard(kb::Rect field, Vec2 tap, Vec2 screen, double scale, StationLayout layout,
                                   const std::vector<kb::Rect>& avoid = {});

class FieldKeyboard {
public:
    // Opens keyboard 0 on field `id` with its text (cut to `max_chars`), standing at `frame`.
    void open(std::string id, std::string_view text, bool multiline, std::size_t max_chars, kb::Layout layout,
              const kb::EdgeFrame& frame);
    void close();
    bool is_open() const { return open_; }
    const std::string& field() const { return field_; }  // "" when closed
    std::uint64_t serial() const { return serial_; }
    const kb::Keyboard& keyboard() const { return keyboard_; }
    kb::Keyboard& keyboard() { return keyboard_; }
    const kb::EdgeFrame& frame() const { return frame_; }
    void set_frame(const kb::EdgeFrame& f) { frame_ = f; }
    // The screen rectangle it covers (empty when closed).
    kb::Rect bounds() const;

    // Fingers (screen pixels). down() returns whether the finger landed on the keyboard.
    bool down(PointerKey p, Vec2 screen, double t_ms, const kb::TextWidth& width = {});
    void move(PointerKey p, Vec2 screen, double t_ms);
    kb::Finish up(PointerKey p, Vec2 screen, double t_ms);
    void cancel(PointerKey p);
    bool owns(PointerKey p) const { return finger_ && *finger_ == p; }
    bool touched() const { return finger_.has_value(); }  // a finger is on it (do not move it now)
    void tick(double t_ms) { keyboard_.tick(t_ms); }

    // For replays: the screen centre of a key by replay name on the current layer.
    std::optional<Vec2> key_centre(std::string_view name) const;
    Vec2 to_screen(Vec2 local) const { return frame_.to_screen(local); }

private:
    bool open_ = false;
    std::string field_;
    std::uint64_t serial_ = 0;
    kb::Keyboard keyboard_;
    kb::EdgeFrame frame_;
    std::optional<PointerKey> finger_;
    bool finger_on_key_ = false;
};

}  // namespace nk
