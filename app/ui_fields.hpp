// Text fields bound to the document, and the keys typed while a field takes the focus
// (ui_fields.cpp). While someone types, every change goes into the document (so the
// autosave has it) as one coalesced undo step per field. A control that gives a field
// the focus does so over the next frame or two; keys typed meanwhile are held and handed
// over once the field has it, so no letter is lost.
//
// Keyboard 0 (core/interaction/field_keyboard.hpp) is what types: a field that takes the
// focus (a tap on it, or focus()) asks for keyboard 0 through `on_focus` and gives up
// Dear ImGui's own text editing; from then on the field shows keyboard 0's text, each
// change going into the document as above, and draws a frame round itself. A physical
// keyboard types into keyboard 0 too (the app hands it the keys).
#pragma once

#include <SDL.h>

#include <deque>
#include <functional>
#include <map>
#include <string>

#include "actions.hpp"
#include "field_keyboard.hpp"
#include "ui_targets.hpp"

namespace nk::app {

class TextFields {
public:
    // A field took the focus: keyboard 0 should open on it (its id, rect, text, whether
    // enter types a new line). `drawn` is told every frame where the focused field is.
    using OnFocus = std::function<void(const std::string& id, const Rect& r, const std::string& text, bool multiline)>;
    using OnDrawn = std::function<void(const std::string& id, const Rect& r)>;
    void attach(const FieldKeyboard* keyboard, OnFocus on_focus, OnDrawn drawn) {
        keyboard_ = keyboard;
        on_focus_ = std::move(on_focus);
        drawn_ = std::move(drawn);
    }
    // Keyboard 0's text into the document now, for the field it types into (call before
    // it closes, so that nothing typed since the field was last drawn is lost).
    void sync_focused();
    // Shows `current` (the document's text) unless the field is being edited; every change
    // is given to `changed` with the action `make` builds and the field's id as the coalesce
    // key. Reports the field's rect as control `id`; returns it.
    Rect field(UiTargets& targets, const std::string& id, const std::string& current, float width, bool multiline,
               const std::function<Action(const std::string&)>& make, const char* hint,
               const std::function<void(const Action&, const std::string& key)>& changed);
    // The field `id` takes the keyboard focus in the next frame; keys wait for it.
    void focus(const std::string& id) {
        request_ = id;
        wait_frames_ = 3;
    }
    // Keys typed in the next `frames` frames wait (a control was pressed that may focus a field).
    void hold_keys_for(int frames) { wait_frames_ = std::max(wait_frames_, frames); }
    // A key event that must wait is kept (true); others are the caller's (false).
    bool hold(const SDL_Event& e);
    // At the start of a frame: hands kept keys to `handle` once the field has the focus
    // (`text_input`: ImGui wants text) or the wait is over, up to the first key release
    // (ImGui 1.86 loses a key that goes down and up within one frame). Returns how many.
    int release(bool text_input, const std::function<void(const SDL_Event&)>& handle);

private:
    std::map<std::string, std::string> buffers_;  // text of fields being edited
    std::string request_;                         // the field to focus next
    int wait_frames_ = 0;                         // frames keys are held back
    std::deque<SDL_Event> held_;                  // those keys, in order
    bool releasing_ = false;
    const FieldKeyboard* keyboard_ = nullptr;
    OnFocus on_focus_;
    OnDrawn drawn_;
    // The focused field's way into the document, as it was last drawn.
    std::string focused_;
    std::function<Action(const std::string&)> focused_make_;
    std::function<void(const Action&, const std::string& key)> focused_changed_;
};

}  // namespace nk::app
