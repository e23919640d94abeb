// Phase 0 — Vooraf: the school, the team, who leads and writes, the plan, the screen's
// layout and keyboard, the language, and an earlier map to start from (ui_setup.cpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "options.hpp"
#include "part.hpp"
#include "stations.hpp"

namespace nk::app {

class Setup {
public:
    struct Choice {
        std::string open;      // a board file to open instead of this map
        std::string merge;     // a board file to add to this map
        std::string language;  // "nl" or "en"
    };
    // `files`: the board files to offer; `opt` and `stations` take the layout and keyboard
    // chosen here (for the writers' stations opened later).
    Choice draw(const Frame& f, Shell& shell, const std::vector<std::filesystem::path>& files, Options& opt,
                Stations& stations);
};

}  // namespace nk::app
