// Text fields bound to the document, and the keys typed while a field takes the focus
// (ui_fields.cpp). While someone types, every change goes into the document (so the
// autosave has it) as one coalesced undo step per field. A control that gives a field
// the focus does so over the next frame or two; keys typed meanwhile are held and handed
// over once the field has it, so no letter is lost.
#pragma once

#include <SDL.h>

#include <deque>
#include <functional>
#include <map>
#include <string>

#include "actions.hpp"
#include "ui_targets.hpp"

namespace nk::app {

class TextFields {
public:
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
};

}  // namespace nk::app
