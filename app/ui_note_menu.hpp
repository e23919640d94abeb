// The long-press menu of a post-it and the small menu of a selected line
// (ui_note_menu.cpp). Ids: category.<id>, menu.edit, menu.link, menu.duplicate,
// menu.delete, menu.missing, menu.overrepresented (phase 4), line.delete.
#pragma once

#include "part.hpp"

namespace nk::app {

class NoteMenu {
public:
    // A long-press on a post-it opens its menu (and lets go of a selected line).
    void open(Id partner) {
        partner_ = partner;
        line_ = 0;
    }
    // A tap on a line selects it (and closes a post-it's menu).
    void select_line(Id link) {
        line_ = link;
        partner_ = 0;
    }
    void close() { partner_ = line_ = 0; }
    void close_note_menu() { partner_ = 0; }
    bool open_any() const { return partner_ || line_; }
    Id selected_line() const { return line_; }

    // Both menus, where they are open (each closes itself when its thing is gone).
    void draw(const Frame& f, Shell& shell);

private:
    void draw_note(const Frame& f, Shell& shell);
    void draw_line(const Frame& f, Shell& shell);

    Id partner_ = 0;  // the post-it whose menu is open
    Id line_ = 0;     // the selected line
};

}  // namespace nk::app
