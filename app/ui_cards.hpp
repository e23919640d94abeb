// Phase 3 — Verdiepend gesprek: the deck of reflection cards of one partner (ui_cards.cpp).
#pragma once

#include <string>

#include "part.hpp"

namespace nk::app {

class Cards {
public:
    // Opens the deck of `partner` (a tap on its post-it, board_rules.hpp), no card open.
    void open(Id partner) {
        partner_ = partner;
        card_.clear();
    }
    void close() { partner_ = 0; }
    // The partner whose deck is open; 0 none.
    Id partner() const { return partner_; }
    // The deck beside the map, while one is open (closes itself when its post-it is gone).
    void draw(const Frame& f, Shell& shell);

private:
    Id partner_ = 0;
    std::string card_;  // the card whose note is open
};

}  // namespace nk::app
