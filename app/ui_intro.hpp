// Phase 1 — Introductie: large pages the team reads together (ui_intro.cpp).
#pragma once

#include "part.hpp"

namespace nk::app {

class Intro {
public:
    void draw(const Frame& f, Shell& shell);

private:
    int page_ = 0;  // 0..3
};

}  // namespace nk::app
