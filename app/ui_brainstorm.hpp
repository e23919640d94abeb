// Phase 2A — Brainstorm: the writers' stations and the controls that open and reveal
// them, and the question when the phase is left with post-its still hidden
// (ui_brainstorm.cpp). Fingers on a station are routed to it by the input router.
#pragma once

#include <optional>

#include "part.hpp"
#include "stations.hpp"

namespace nk::app {

class Brainstorm {
public:
    Stations& stations() { return stations_; }
    const Stations& stations() const { return stations_; }
    // Leaving 2A for `to` with post-its still face down: false, and the question is asked
    // (its answer goes on with Shell::go_to_phase). Otherwise true: go on.
    bool may_leave(const Document& doc, Phase to);
    // The question is open (it is a dialog: the stations take no fingers meanwhile).
    bool asking() const { return leave_to_.has_value(); }
    void forget_question() { leave_to_.reset(); }

    // The phase's panel (station buttons, the reveal).
    void draw(const Frame& f, Shell& shell);
    // The question about hidden post-its, when it is open (any phase).
    void draw_question(const Frame& f, Shell& shell);

private:
    Stations stations_;
    std::optional<Phase> leave_to_;
};

}  // namespace nk::app
