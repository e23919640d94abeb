// The facilitator's corner (ui_facilitator.cpp): nothing a participant does leaves the
// app. Closing, a new board and erasing the saved board sit behind a 3-second hold on a
// small corner control, then a panel with a confirmation for each.
// Ids: facilitator.hold, facilitator.exit, facilitator.new, facilitator.erase,
// facilitator.close, facilitator.files, facilitator.back, confirm.yes, confirm.no.
#pragma once

#include <functional>

#include "part.hpp"

namespace nk::app {

class Facilitator {
public:
    // What the facilitator confirmed this frame: the app does it.
    enum class Outcome { None, Exit, NewBoard, EraseBoard };
    // `files` draws the other groups' maps and this map's saved versions into the panel,
    // `width` wide (the Files page; ui_versions.cpp).
    Outcome draw(const Frame& f, Shell& shell, const std::function<void(float width)>& files);
    // The panel is open: every touch goes to it, and the board waits.
    bool open() const { return page_ != Page::Closed; }
    void close() { page_ = Page::Closed; }

private:
    enum class Page { Closed, Open, ConfirmExit, ConfirmNew, ConfirmErase, Files };
    Page page_ = Page::Closed;
    double hold_start_ms_ = -1;  // when the hold on the corner control began
};

}  // namespace nk::app
