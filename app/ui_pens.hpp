// Phase 2C — Prioriteiten: the pen tray, the pen's stroke and what it asks after, and the
// patterns view (ui_pens.cpp). The pen stroke itself is drawn by a finger the input
// router gave to the pen (core/interaction/pointer_router.hpp).
#pragma once

#include <optional>
#include <vector>

#include "board_renderer.hpp"
#include "part.hpp"
#include "pointer_router.hpp"

namespace nk::app {

class Pens {
public:
    // The participant whose pen is armed (the next finger on the board draws); 0 none.
    Id armed() const { return armed_; }
    // A pen stroke ended: the pen goes back to the tray, and the stroke becomes a priority
    // (recognise_priority), or asks which partner or whether to replace an earlier one.
    void stroke_ended(const PenStroke& stroke, const Document& doc, const Strings& strings, Shell& shell);
    // The armed pen goes back to the tray (a version is shown instead of the map).
    void put_back() { armed_ = 0; }
    // Leaving the phase: the pen goes back, a question is dropped, the patterns close.
    void reset() {
        armed_ = 0;
        pending_.reset();
        show_patterns_ = false;
    }
    // The patterns view's role highlight on the board.
    void decorate(const Document& doc, LiveState& live) const;

    // The tray, the pen's hint, the patterns view and the question after a stroke.
    void draw(const Frame& f, Shell& shell);

private:
    void draw_tray(const Frame& f, Shell& shell);
    void draw_question(const Frame& f, Shell& shell);

    Id armed_ = 0;
    struct Pending {
        Id participant = 0;
        std::vector<Vec2> stroke;
        std::vector<Id> candidates;  // more than one: ask which; one: it replaces an earlier choice
        Id chosen = 0;
        bool confirm_replace = false;
    };
    std::optional<Pending> pending_;
    int highlight_role_ = -1;  // patterns view: the role whose choices the board highlights
    bool show_patterns_ = false;
};

}  // namespace nk::app
