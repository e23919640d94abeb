// Phase 4 — Terug- en vooruitblik: closing questions, answers and the action list
// (ui_closing.cpp).
#pragma once

#include <string>

#include "part.hpp"

namespace nk::app {

class Closing {
public:
    void draw(const Frame& f, Shell& shell);

private:
    std::string open_;  // the closing question that is open
};

}  // namespace nk::app
