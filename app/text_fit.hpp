// Fitting a post-it's text into its box: wrap at word boundaries, shrink the font down
// to a minimum, and when even that does not fit, cut the last line with an ellipsis
// (the text itself is kept whole in the document).
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace nk::app {

struct FittedText {
    float size = 0;                  // font size to draw at
    std::vector<std::string> lines;  // lines, top to bottom
    float line_height = 0;
    bool truncated = false;
};

// Fits `text` into a box of `w` x `h` pixels with `font`, trying sizes from `max_size`
// down to `min_size`. Results are remembered (per thread, by font, size and text), so
// asking again for the same fit costs a lookup.
FittedText fit_text(ImFont* font, std::string_view text, float w, float h, float max_size, float min_size);

// Draws fitted lines centred in the box whose centre is `c`.
void draw_fitted(ImDrawList* dl, ImFont* font, const FittedText& t, ImVec2 c, ImU32 col);

// Rotates the vertices dl->VtxBuffer[first_vtx..] by `angle` radians (clockwise on
// screen) around `centre`: how rotated text is drawn with ImGui, which has none.
void rotate_vertices(ImDrawList* dl, int first_vtx, ImVec2 centre, float angle);

}  // namespace nk::app
