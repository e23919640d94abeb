// The tools around the map (ui_board_tools.cpp): the button bar bottom right (add a
// post-it, undo naming what it undoes, redo, reset the view, Foto), the legend bottom
// left, and in phase 2B the offers to stack post-its that name the same partner.
// Ids: note.add, undo, redo, view.reset, snapshot, stack.<n>.
#pragma once

#include <functional>

#include "part.hpp"

namespace nk::app {

class BoardTools {
public:
    struct Choice {
        bool reset_view = false;
        bool snapshot = false;
    };
    // The button bar. `editable`: the board takes post-its now; `view_moved`: the view is
    // not the fitted one; `photo_busy`: a photo is being kept (no second Foto).
    Choice draw_toolbar(const Frame& f, Shell& shell, bool editable, bool view_moved, bool photo_busy);
    // The legend, as the snapshot draws it (from phase 2B on).
    void draw_legend(const Frame& f, Shell& shell);
    // Its size as last drawn (0: not yet): the fitted view keeps the map clear of it.
    ImVec2 legend_size() const { return legend_size_; }
    // Phase 2B: up to three groups of duplicates not yet stacked; `groups_naming` says how
    // many groups (after merges) named the partner of a group.
    void draw_stack_offers(const Frame& f, Shell& shell, const std::function<int(const std::vector<Id>&)>& groups_naming);

private:
    ImVec2 legend_size_{0, 0};
};

}  // namespace nk::app
