// Phase 2C — Prioriteiten: the pen tray with the priorities' criteria, the pen's stroke and
// what it asks after (ui_pens.cpp), and the "Who chooses what?" chart (ui_patterns.cpp). The pen stroke itself is drawn by a finger the input
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
    // Leaving the phase: the pen goes back, a question is dropped, the patterns close,
    // the hand-drawn circles are hidden again.
    void reset() {
        armed_ = 0;
        pending_.reset();
        show_patterns_ = false;
        show_circles_ = false;
    }
    // The patterns view's role highlight on the board, and the circles when asked for.
    void decorate(const Document& doc, LiveState& live) const;
    // Whether the hand-drawn circles are shown on the map (`priorities.circles`, phase 2C).
    bool circles_shown(const Document& doc) const { return show_circles_ && doc.phase == Phase::Prioriteiten; }

    // The tray, the pen's hint, the patterns view and the question after a stroke.
    void draw(const Frame& f, Shell& shell);

private:
    void draw_tray(const Frame& f, Shell& shell);
    void draw_question(const Frame& f, Shell& shell);
    // The chart, right of the map above the tray (ui_patterns.cpp); `bottom`: the tray's top.
    void draw_patterns(const Frame& f, Shell& shell, float bottom);

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
    bool show_circles_ = false;  // the hand-drawn circles on top of their marks
    // The chart ran out of height with this many partners: from then on (while at least as
    // many are chosen) it leaves out its explanations, so every partner's row stays on screen.
    size_t chart_crowded_at_ = static_cast<size_t>(-1);
};

}  // namespace nk::app
