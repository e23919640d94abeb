// Phase 4 — Terug- en vooruitblik: closing questions, answers and the action list
// (ui_closing.cpp). With no question open the seven are listed whole (each with its
// sub-questions as text); a tap opens one large (the reading font), with its answer
// wrapped below and the seven as numbered chips above it (closing.all: back to the list).
// The panel scrolls (a finger drag scrolls it); the action list follows the questions.
#pragma once

#include <string>

#include "part.hpp"

namespace nk::app {

class Closing {
public:
    void draw(const Frame& f, Shell& shell);

private:
    // The seven questions whole, as tiles (none open).
    void draw_list(const Frame& f, Shell& shell, float w);
    // One question large, with the seven as chips above it and its answer below.
    void draw_open(const Frame& f, Shell& shell, float w);

    std::string open_;  // the closing question that is open; "" the list
};

}  // namespace nk::app
