// Phase 3 — Verdiepend gesprek: the deck of reflection cards of one partner (ui_cards.cpp).
//
// The deck shares its panel between two views. With no card open, the grid: all 13 cards
// of the method's three groups as tiles with whole (wrapped) titles, each group with its
// done-check, and the method's rule and hint, without scrolling at 1080p. With a card open,
// the card itself, large enough to read from two metres (its title and questions in the
// reading fonts), with previous / next and a strip of the 13 cards (numbered) above it, and
// the note field below, wrapped, showing all its text. "Alle kaartjes" goes back to the grid.
#pragma once

#include <string>

#include "part.hpp"

namespace nk::app {

class Cards {
public:
    // Opens the deck of `partner` (a tap on its post-it, board_rules.hpp): the grid, no card open.
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
    void draw_grid(const Frame& f, Shell& shell, float w);
    void draw_card(const Frame& f, Shell& shell, float w);
    // The header of an open card: previous / next / all cards, and the strip of 13 cards.
    void draw_card_nav(const Frame& f, Shell& shell, float w);

    Id partner_ = 0;
    std::string card_;  // the card that is open; "" the grid
};

}  // namespace nk::app
