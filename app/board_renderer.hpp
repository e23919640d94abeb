// Draws the board — paper, lanes, rings, school, lines, post-its, priority marks (and circles) —
// into an ImDrawList. The same function draws the screen and the snapshot.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "document.hpp"
#include "fonts.hpp"
#include "text_fit.hpp"
#include "strings.hpp"
#include "view.hpp"

namespace nk::app {

// What is live on top of the document this frame (gestures in progress, text being typed).
struct LiveState {
    struct Placement { Id partner; Vec2 pos; double rotation; double scale; };
    std::vector<Placement> placements;      // post-its under a finger: drawn here, on top
    struct LinkDraft { Id from; Vec2 to_board; Id hover; };
    std::vector<LinkDraft> link_drafts;     // lines being drawn from a handle
    struct Editing { Id partner = 0; /* 0: a new post-it */ Vec2 pos; double rotation = 0; std::string text; bool caret_on = true; };
    std::optional<Editing> editing;         // the post-it whose text is being typed
    Id selected_link = 0;
    std::vector<Vec2> pen_stroke;           // a priority circle being drawn (board units)
    ImU32 pen_colour = 0;
    std::vector<Id> highlight;              // post-its to ring (patterns view, discussed ones)
    ImU32 highlight_colour = 0;
    std::vector<Id> badges;                 // post-its with a small check mark (discussed in phase 3)
    std::vector<std::pair<Id, int>> stacks; // the top post-it of a stack, and how many people named it
    bool priority_circles = false;          // the hand-drawn priority circles too, not only their marks
    std::vector<ImVec4> mark_avoid;         // screen boxes (x0, y0, x1, y1) priority marks keep out of (panels)
};

// Which part of the board draw_board draws. The screen keeps the resting part in a
// texture (board_layer.hpp) while people drag, and draws only the moving part each frame.
enum class BoardLayer {
    All,      // everything, in one list (the snapshot; the screen when there is no cache)
    Resting,  // everything except what is live: no post-it under a finger or being typed,
              // none of their lines, no line drafts, no pen stroke
    Moving,   // only what Resting leaves out, to be drawn on top of it
};

struct BoardScene {
    const Document* doc = nullptr;
    BoardLayer layer = BoardLayer::All;
    View view;
    LiveState live;
    const Strings* strings = nullptr;
    float ui_scale = 1;      // 1.0 at 1080 px high (times the UI-scale setting)
    bool show_handles = true;
};

// Draws the board (the part `scene.layer` names) filling the rectangle (0,0)-`size`.
void draw_board(ImDrawList* dl, const Fonts& fonts, const BoardScene& scene, ImVec2 size);

// Height of one of the legend's kind rows at UI scale 1: the eight kinds ("not sorted yet"
// included) share the height the seven had, so the legend, and the map fitted beside it,
// keep their size.
inline constexpr float kLegendRow = 34.0f * 7 / 8;

// Draws the legend of categories with its top-left corner at `pos`; returns its size.
// With `measure_only` nothing is drawn.
// With `with_pens` it also shows the role pens' colours (when priorities were drawn).
ImVec2 draw_legend(ImDrawList* dl, const Fonts& fonts, const Strings& s, ImVec2 pos, float ui_scale,
                   bool measure_only = false, bool with_pens = false);

// Where the labels of the rings ("dichtbij · vaak", "af en toe", "veraf · sporadisch") and of
// the zone outside them ("afwezig") stand: 22 px at 1080 high (ui_scale), dark on a light
// label, each inside its own band (the zone's just outside the outer ring), at the first of
// a few places round the school that no post-it and no other label covers (the upper-left
// diagonal when all are covered). draw_board draws them there; the layout dump records them.
struct RingLabel {
    int ring = 0;  // 1-3, and 4 for the zone outside the rings
    std::string text;
    ImVec2 min, max;  // screen box of the label (its light background)
    float px = 0;     // font size
};
std::vector<RingLabel> place_ring_labels(const Document& doc, const View& v, const Fonts& fonts, const Strings& strings,
                                         float ui_scale);

// How a post-it's text is fitted into it at `scale` (its own) drawn with view `v`: the
// lines and font size draw_board uses.
FittedText fit_note_text(const Fonts& fonts, const std::string& text, const View& v, double scale);

// The screen rectangle of a post-it's centre and half-extents, for targets and hit tests.
ImVec2 note_screen_centre(const View& v, const Partner& p);

}  // namespace nk::app
