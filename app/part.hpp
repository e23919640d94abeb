// What the parts of the app share: the frame a part draws in, and the one door (Shell)
// through which it changes anything outside itself.
//
// App is composed of parts, one per panel or feature (phase bar, intro, cards, closing,
// note menu, pens, brainstorm, messages, ...). A part owns its own state, reads the
// Document it is given and changes the board only by dispatching actions through the
// Shell. No part reaches into another's state: what one needs of another, App passes
// explicitly. While a part draws, its dispatches (and undo/redo) are queued and applied,
// in order, when its draw returns: the Document it was given stays valid all along.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "actions.hpp"
#include "board_rules.hpp"
#include "document.hpp"
#include "fonts.hpp"
#include "history.hpp"
#include "strings.hpp"
#include "ui_targets.hpp"
#include "view.hpp"

namespace nk::app {

// How far in from each screen edge something else holds the screen, in pixels.
struct Insets {
    float top = 0, bottom = 0, left = 0, right = 0;
    // Free screen corners of this size stay between those strips (a table's stations);
    // 0 when the strips run from corner to corner (a wall's).
    float corner_w = 0, corner_h = 0;
    bool any() const { return top > 0 || bottom > 0 || left > 0 || right > 0; }
};

// What a part reads while it draws, for one frame.
struct Frame {
    const Document& doc;     // the current board (valid until the part's draw returns)
    const History& history;  // what undo and redo would do
    const Strings& strings;
    const Fonts& fonts;
    float k = 1;                  // UI scale: window height / 1080 times the setting
    float width = 0, height = 0;  // the window, pixels
    View view;                    // the board's view
    double now_ms = 0;            // the app's clock
    std::uint64_t frame_no = 0;   // the frame being built
    // The strips along the edges that the writers' stations hold (phase 2A, while any
    // stands there): the map and every other panel stay inside the rest.
    Insets stations;
};

// The door through which a part changes the board or asks the app for something.
class Shell {
public:
    virtual ~Shell() = default;
    // Where the part reports its panels and named controls (replay names, touch routing).
    virtual UiTargets& layout() = 0;
    // Board changes: queued while a part draws, applied in order when it returns.
    virtual void dispatch(const Action& a) = 0;
    virtual void undo() = 0;
    virtual void redo() = 0;
    // A text field bound to a document string (ui_fields.cpp). Shows `current`; while the
    // field is being edited every change is dispatched through `make` with the field's id
    // as the coalesce key (saved at every letter, one undo step). Returns its rect.
    virtual Rect text_field(const std::string& id, const std::string& current, float width, bool multiline,
                            const std::function<Action(const std::string&)>& make, const char* hint = nullptr) = 0;
    // Asks the field with `id` to take the keyboard focus in the next frame.
    virtual void focus_field(const std::string& id) = 0;
    virtual void show_message(std::string text, bool modal) = 0;
    // Starts typing a post-it (an existing one, or a new one: partner 0); the post-it being
    // typed, if any, is committed first.
    virtual void edit_note(const NoteEdit& at, std::string text) = 0;
    // Commits the post-it being typed, if any.
    virtual void commit_editing() = 0;
    // Tap-to-connect: the next tap on the board ends a line from `from` (gestures.hpp).
    virtual void arm_link(Id from) = 0;
    // The facilitator's phase change (may ask first, see App::go_to_phase).
    virtual void go_to_phase(Phase p) = 0;
    // Opens a writer's station (phase 2A); says so when there is no room.
    virtual void open_station(Side side, double along) = 0;
};

// The Shell's queue: what a part asks while it draws runs when it returns, in order.
class Deferred {
public:
    // Runs `fn` now, or after the drawing part returns.
    void run(std::function<void()> fn) {
        if (depth_ > 0) queued_.push_back(std::move(fn));
        else fn();
    }
    // A part starts drawing / returns (then what it queued runs; nothing it runs is queued).
    void enter() { ++depth_; }
    void leave() {
        if (--depth_ > 0) return;
        std::vector<std::function<void()>> queued;
        queued.swap(queued_);
        for (auto& fn : queued) fn();
    }

private:
    int depth_ = 0;
    std::vector<std::function<void()>> queued_;
};

}  // namespace nk::app
