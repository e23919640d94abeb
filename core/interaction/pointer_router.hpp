// One input router: every pointer (a finger or the mouse) is given, once, when it lands,
// to exactly one owner, and stays that owner's until it lifts.
//
// The owners, in the order a landing pointer is offered to them:
//   Keyboard keyboard 0, the focused field's keyboard (field_keyboard.hpp; drawn on top)
//   Station  a writer's station (phase 2A; drawn above everything, so touched first)
//   Panel    the panels (Dear ImGui): on a panel, or anywhere while a dialog waits
//   Ignored  a second pointer on the panels (ImGui has one pointer), or the board in a
//            phase where it takes no gestures (0, 1, 5, a saved version shown)
//   Pen      the armed pen of phase 2C draws, even when the stroke starts on a post-it
//            (one pen stroke at a time; a second finger goes on to the board)
//   Note, Handle, Line, Board   the board's gestures (GestureRouter, gestures.hpp), by
//            what the pointer landed on: a post-it, its link handle, a line, empty board
// Moves and the up go to that owner only: a finger that landed on a panel never moves a
// post-it, a finger on a post-it never presses a button, whatever they slide over.
//
// The caller (the app) tells the router at each down what it alone knows (Landing: is
// a panel under the point, does a dialog wait, ...), feeds every pointer event here and
// acts on the Routed result: reduce its actions, adopt the view, serve the requests,
// give the panel pointer to ImGui, hand a finished pen stroke to the pens. Pure: no SDL,
// no ImGui; time is the caller's clock (t_ms).
//
// The X11 emulated-mouse filter (mouse_filter.hpp) sits before this router, in the
// app's event translation: on an X11 touch panel SDL delivers every touch a second time
// as an untagged mouse event; the filter drops those, so one touch is one pointer here.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "actions.hpp"
#include "document.hpp"
#include "gestures.hpp"
#include "keyboard.hpp"
#include "view.hpp"

namespace nk {

class Stations;
class FieldKeyboard;

enum class PointerOwner { Keyboard, Station, Panel, Ignored, Pen, Note, Handle, Line, Board };

// What the app knows about where a pointer lands, at its down.
struct Landing {
    bool stations = false;        // writers' stations take touches (2A, nothing in front of them)
    bool on_panel = false;        // a panel (ImGui window) is under the point
    bool dialog = false;          // a dialog waits for an answer: every touch is the panels'
    bool board_editable = false;  // the board takes gestures now (2A to 4, no version shown)
    Id pen = 0;                   // 2C: the participant whose pen is armed; 0 none
    bool field_keyboard = false;  // keyboard 0 takes touches (open, no dialog in front of it)
};

// The board as the caller has it at this event (all earlier results applied).
struct RouteContext {
    const Document* doc = nullptr;
    View view, fitted;
    Vec2 screen_size;
    Stations* stations = nullptr;  // may be null: no station takes a pointer
    kb::TextWidth text_width;      // for the stations' text fields
    FieldKeyboard* field_keyboard = nullptr;  // may be null: keyboard 0 takes no pointer
};

// A pen stroke that ended (its finger lifted): who drew it and where, in board units.
struct PenStroke {
    Id participant = 0;
    std::vector<Vec2> points;
};

// What the panels' single pointer did (the app feeds it to ImGui).
struct PanelPointerEvent {
    enum class Type { Down, Move, Up };
    Type type = Type::Move;
    PointerKey key;
    Vec2 screen;  // window pixels (an Up may carry non-finite ones: it lifted where it was)
};

struct Routed {
    Effects board;                             // actions (board gestures, stations), view, requests
    std::optional<PenStroke> pen;              // a pen stroke that ended
    std::optional<PanelPointerEvent> panel;    // the panel pointer went down, moved or lifted
    kb::Finish keyboard = kb::Finish::None;    // a key of keyboard 0 ended its text (enter, done)
};

class PointerRouter {
public:
    // Strokes longer than this keep their first points only.
    static constexpr std::size_t kMaxPenPoints = 5000;

    explicit PointerRouter(GestureConfig config = {});

    // A pointer lands. A key that is still down is lifted first (its up never came).
    // Non-finite coordinates are ignored (no owner).
    Routed down(PointerKey k, Vec2 screen, double t_ms, const Landing& at, const RouteContext& cx);
    Routed move(PointerKey k, Vec2 screen, double t_ms, const RouteContext& cx);
    // The pointer lifts: its owner finishes (a station's enter, a pen stroke, a tap, a
    // drop). Unknown keys do nothing.
    Routed up(PointerKey k, Vec2 screen, double t_ms, const RouteContext& cx);
    // Once a frame: long-presses of the board.
    Routed tick(const RouteContext& cx, double t_ms);
    // Focus lost: every pointer lets go now. Board gestures end where they were (drags
    // and lines commit), a pen stroke is dropped, the panel pointer is forgotten (no
    // event: the caller resets its panel pointer itself).
    Routed end_all(const RouteContext& cx, double t_ms);

    std::optional<PointerOwner> owner(PointerKey k) const;
    bool owns(PointerKey k) const { return owners_.count(k) != 0; }
    std::size_t active_pointers() const { return owners_.size(); }
    // The pointer the panels have, if any (at most one).
    std::optional<PointerKey> panel_pointer() const { return panel_; }
    // The pen stroke being drawn (board units), and its participant (0: none).
    const std::vector<Vec2>& pen_stroke() const { return pen_points_; }
    Id pen_drawing() const { return pen_ ? pen_participant_ : 0; }

    // The board's gestures: live state to draw, tap-to-connect.
    GestureRouter& gestures() { return gestures_; }
    const GestureRouter& gestures() const { return gestures_; }

private:
    Routed board_event(PointerEvent::Type type, PointerKey k, Vec2 s, double t_ms, const RouteContext& cx);

    GestureRouter gestures_;
    std::map<PointerKey, PointerOwner> owners_;
    std::optional<PointerKey> panel_;
    std::optional<PointerKey> pen_;
    Id pen_participant_ = 0;
    std::vector<Vec2> pen_points_;
};

}  // namespace nk
