// The kinds of partner, where the map is sorted (phases 2B, 3 and 4, ui_kinds.cpp): the
// legend bottom-left, whose named kinds are also a brush, and a strip beside the button
// bar (panel "sorting") with the brush's state, its "done" button and the tidy buttons.
//
// Ids: brush.<category> (pick a named kind: while the brush is on, a tap on a post-it
// gives it that kind, one undo step per tap), brush.off, map.tidy (spread post-its that
// overlap, each within its own ring), map.tidy.kinds (lay the rings out in sectors by
// kind). The legend's "not sorted yet" entry is no brush: sorting is choosing a kind.
#pragma once

#include <optional>

#include "part.hpp"

namespace nk::app {

class KindsPanel {
public:
    // The legend with the brush (panel "legend") and the strip (panel "sorting"), which
    // stands left of the button bar as it was drawn last frame.
    void draw(const Frame& f, Shell& shell);
    // The kind a tap on a post-it gives, while the brush is on.
    std::optional<Category> brush() const { return brush_; }
    // The brush is put away (a phase change, a saved version shown).
    void put_away() { brush_.reset(); }

private:
    std::optional<Category> brush_;
    Phase phase_ = Phase::Vooraf;  // the brush stays in the phase it was picked in
};

}  // namespace nk::app
