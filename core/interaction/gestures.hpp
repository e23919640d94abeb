// Multi-touch on the board: one small state machine per pointer (finger or mouse).
//
// The app feeds every board pointer event to GestureRouter::handle() (and calls tick()
// once a frame, end_all() when the window loses focus) and acts on the returned Effects:
// reduce each action into the document (Session::dispatch), adopt the new view, serve
// the requests. The document changes only when a gesture ends: one drag = one
// act::MovePartners = one undo step. While gestures run, live_placements() and
// link_drafts() say what to draw instead.
//
// Pointer states (tldraw style): pointing -> holding a note (dragging once past the
// threshold) / drawing a link / pinching / panning (mouse only) / spent (long-press
// fired, slid on the board, blocked: ignored until it lifts).
//
// The rules (see also the comments in gestures.cpp):
//  * Positions are "start + (now - at down)", in board units: a finger's board point is
//    its screen point through the view current at each event, and the point it grabbed
//    is converted with the view at its down. So the grabbed point of a note stays under
//    the finger even when the view changes between down and drag (a pinch that was
//    running when the finger landed): the note follows the hand, not the screen offset.
//  * A drag starts past drag_threshold_*_px (screen pixels, from the down position);
//    up before that and before long_press_ms is a tap.
//  * One finger on empty board never pans; it taps (TapBoard) or long-presses
//    (CreateNoteAt). The mouse pans instead.
//  * Two touch fingers that land on empty board (or a line) within long_press_ms of
//    each other pinch: pan and zoom the view about their centroid. A pinch never
//    changes the view while any other pointer drags a post-it or draws a link: a zoom
//    moves the board under every other hand. A pinch that meets that situation (at its
//    start or later) is spent: its fingers are ignored until they lift; pinch again
//    to zoom. Only one pinch drives the view at a time. Pinch and mouse pan keep the
//    school within 1000 board units of the window, so the board cannot be lost.
//  * A finger on a post-it's link handle (handles.hpp; it wins over any note body)
//    draws a line once past the threshold; let go over another post-it or the school
//    it adds the link, anywhere else nothing. Pressed without moving, a handle acts as
//    its note (tap, double tap, long-press).
//  * Tap-to-connect is the same line, ended by a tap instead of a let-go: after
//    arm_link(from) ("Verbinden" in the post-it's menu) the next tap ends it. A tap on
//    another post-it (or its handle) or on the school adds the link exactly as a line
//    dropped there would (one function, end_link, for both); a tap anywhere else adds
//    nothing. Any tap, and a long-press that opens a menu, disarms it; the tap's
//    Request carries linked = true when it ended an armed line (it is not a double tap).
//  * Two fingers on one post-it move, rotate and scale it (scale 0.75..1.5); when one
//    lifts, the other carries on as a plain drag from where the note is (no jump); the
//    whole manipulation commits as one MovePartners when the last finger lifts. A third
//    finger on that note is ignored.
//  * A Cancel ends the pointer's gesture with no action (a held note returns to where
//    it was, for both its fingers).
//  * A Down for a key that is still down ends the old gesture first, at its last seen
//    position, committing a drag or link (no tap, no long-press); end_all() does the
//    same for every pointer.
//  * Time never runs backwards: an earlier t_ms counts as no time passing.
//  * Non-finite coordinates are ignored, except that an Up still ends the gesture at
//    the last finite position. Finite coordinates are clamped to +-1e7 pixels (a drag
//    may end far outside the window; the result stays finite).
//  * At most kMaxPointers pointers are tracked; a Down beyond that first ends the one
//    that has been silent longest (a lost Up must not hold a note forever).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "actions.hpp"
#include "document.hpp"
#include "view.hpp"

namespace nk {

// A pointer: an SDL finger keyed by (touchId, fingerId), or the mouse.
inline constexpr std::int64_t kMouseTouch = -1;
struct PointerKey {
    std::int64_t touch = kMouseTouch;
    std::int64_t finger = 0;
    bool is_mouse() const { return touch == kMouseTouch; }
    friend auto operator<=>(const PointerKey&, const PointerKey&) = default;
};
inline constexpr PointerKey kMousePointer{kMouseTouch, 0};

struct PointerEvent {
    enum class Type { Down, Move, Up, Cancel };
    Type type = Type::Move;
    PointerKey key;
    Vec2 screen;       // window pixels
    double t_ms = 0;   // the injected clock
};

struct GestureConfig {
    double drag_threshold_touch_px = 14;
    double drag_threshold_mouse_px = 4;
    double long_press_ms = 600;
    double double_tap_ms = 350;  // from the first tap's up to the second tap's down
    double min_target_px = 48;   // smallest touch target (diameter), screen pixels
};

// Something the app must do that is not a document change.
struct Request {
    enum class Kind {
        CreateNoteAt,   // long-press on empty board: a new post-it at `pos`, turned `rotation`
        OpenMenu,       // long-press on a post-it (or its handle)
        TapNote,        // tap on a post-it (or its handle): select it
        DoubleTapNote,  // second tap on the same post-it within double_tap_ms: edit its text
        TapLink,        // tap on a line: select it
        TapBoard,       // tap on empty board: deselect, commit text being typed
    };
    Kind kind = Kind::TapBoard;
    Id partner = 0;
    Id link = 0;
    Vec2 pos;          // board units: where the finger was
    Vec2 screen;       // window pixels: where the finger was (to place a menu)
    double rotation = 0;  // facing_rotation() of the finger: turn a menu/keyboard/new note this way
    bool linked = false;  // TapNote/TapBoard that ended an armed tap-to-connect line
};

// The nearest-edge convention, matching Partner::rotation (radians, clockwise on
// screen, y down): something written by a person standing at the bottom edge has
// rotation 0, at the top edge pi, at the left edge +pi/2 (its top points right, away
// from them), at the right edge -pi/2. The nearest edge to `screen` within a window of
// `size` pixels wins; ties prefer bottom, top, left, right in that order. A size that
// is not positive and finite gives 0.
double facing_rotation(Vec2 screen, Vec2 size);

struct Effects {
    std::vector<Action> actions;   // reduce these into the document, in order
    std::optional<View> view;      // the new view, if it changed
    std::vector<Request> requests;
    bool empty() const { return actions.empty() && !view && requests.empty(); }
};

class GestureRouter {
public:
    static constexpr std::size_t kMaxPointers = 32;

    explicit GestureRouter(GestureConfig config = {});

    // One pointer event on the board. `doc` and `view` are the current ones (the caller
    // has applied all earlier Effects); `fitted` bounds the zoom (zoom_about);
    // `screen_size` is the window in pixels (for the facing edge). A pointer that the
    // app gave to the panels (ImGui) must not be fed here at all, from down to up.
    Effects handle(const Document& doc, const View& view, const View& fitted, Vec2 screen_size,
                   const PointerEvent& e);
    // Fires long-presses whose time has come. Call once a frame.
    Effects tick(const Document& doc, const View& view, double t_ms);
    // Focus lost: every gesture ends at its last seen position (drags and links commit).
    Effects end_all(const Document& doc, const View& view, double t_ms);

    // Post-its being dragged or turned now (past the threshold), where to draw them.
    struct LivePlacement {
        Id partner = 0;
        Vec2 pos;
        double rotation = 0;
        double scale = 1;
    };
    std::vector<LivePlacement> live_placements() const;
    // Lines being drawn from a handle. hover_target: -1 nothing, kSchool, or a partner.
    struct LinkDraft {
        Id from = 0;
        Vec2 to_board;
        Id hover_target = -1;
    };
    std::vector<LinkDraft> link_drafts() const;
    // Whether any pointer holds this post-it (pointing at it or dragging it).
    bool partner_held(Id partner) const;
    std::size_t active_pointers() const { return ptrs_.size(); }
    bool pointer_active(PointerKey k) const { return ptrs_.count(k) != 0; }
    // What a tracked pointer landed on at its down; nothing for an untracked one.
    enum class Target { Board, Note, Handle, Line };
    std::optional<Target> target(PointerKey k) const;

    // Tap-to-connect (see the rules above): the next tap ends a line from `from`.
    void arm_link(Id from) { armed_link_ = from; }
    void disarm_link() { armed_link_ = 0; }
    Id armed_link() const { return armed_link_; }

private:
    enum class Mode { Pointing, Holding, Linking, Panning, Pinching, Spent };
    enum class End { Up, Cancel, Forced };
    struct Pointer {
        Mode mode = Mode::Pointing;
        Target target = Target::Board;
        Id id = 0;  // partner (Note, Handle) or link (Line)
        bool mouse = false;
        Vec2 down_screen, last_screen, screen_size;
        Vec2 down_board;  // under the finger at down, with the view of that moment
        double down_t = 0, last_t = 0;
        bool may_tap = true, may_long_press = true;
        Vec2 draft_board;  // Linking: where the line's loose end is
        Id hover = -1;     // Linking: what it would join
    };
    struct Grab {  // a post-it held by one or two fingers
        act::Placement start, base, live;  // base: at the last change of fingers
        std::vector<PointerKey> fingers;   // 1 or 2
        Vec2 anchor[2];                    // each finger's board point when base was taken
        bool active = false;               // past the threshold: the note follows
    };
    struct Pinch {
        PointerKey a, b;
        bool active = false;  // past the threshold (anchored then, so the view does not jump)
        bool blocked = false;
        Vec2 anchor_board;    // board point under the centroid when anchored
        double d0 = 0, s0 = 1;
    };

    // gestures.cpp: dispatch, pointing, taps, long-presses
    void down(const Document& doc, const View& view, Vec2 size, PointerKey k, Vec2 s, Effects& fx);
    void move(const Document& doc, const View& view, const View& fitted, PointerKey k, Vec2 s, Effects& fx);
    void finish(const Document& doc, const View& view, PointerKey k, End how, Effects& fx);
    void fire_long_presses(const View& view, Effects& fx);
    void tap_note(const Pointer& p, Id partner, const View& view, Effects& fx);
    void tap_board(const Document& doc, const Pointer& p, const View& view, Effects& fx);
    // A line from `from` ends on `target` (-1: nothing): drag-to-link and tap-to-connect.
    static void end_link(Id from, Id target, Effects& fx);
    Request request(Request::Kind kind, const Pointer& p, const View& view) const;
    double threshold(const Pointer& p) const;
    bool past_threshold(const Pointer& p) const;
    void refresh(const Document& doc, const View& view);
    Document overlay(const Document& doc) const;
    double clock(double t_ms);
    // gesture_grab.cpp: post-its held by fingers
    void grab_note(const Document& doc, const View& view, PointerKey k, Pointer& p, Id partner);
    void release_note(const View& view, PointerKey k, End how, Effects& fx);
    void update_grab(Grab& g, const View& view) const;
    void rebase(Grab& g, const View& view);
    // gesture_pinch.cpp: the view (pinch, mouse pan) and what blocks it
    bool someone_manipulating() const;
    void block_view_gestures();
    bool try_pair_pinch(PointerKey k, Pointer& p);
    void move_view(const View& view, const View& fitted, PointerKey k, Effects& fx);
    void end_pinch(PointerKey k);

    GestureConfig cfg_;
    std::map<PointerKey, Pointer> ptrs_;
    std::map<Id, Grab> grabs_;
    std::vector<Pinch> pinches_;
    double now_ = 0;
    bool clock_started_ = false;
    Id last_tap_partner_ = 0;
    Id armed_link_ = 0;  // tap-to-connect: the post-it whose line the next tap ends
    double last_tap_up_ = 0;
};

}  // namespace nk
