// The fonts we draw with, baked at the sizes we draw (scaling a small font up looks blocky).
// Noto Sans from Debian's fonts-noto-core; DejaVu Sans (fonts-dejavu-core) as fallback.
#pragma once

#include <imgui.h>

namespace nk::app {

struct Fonts {
    ImFont* ui = nullptr;      // buttons, panels
    ImFont* bold = nullptr;    // headings, the school node
    ImFont* small = nullptr;   // ring labels, legend
    ImFont* note = nullptr;    // post-it text, baked large and drawn at or below its size
    ImFont* title = nullptr;   // the snapshot title, page titles
    ImFont* read = nullptr;    // running text meant to be read together from a distance
    float scale = 1;           // the scale the fonts were baked at

    // Baked sizes at scale 1 (1080 px high); draw with size * scale.
    static constexpr float kUi = 26, kBold = 26, kSmall = 19, kNote = 30, kTitle = 40, kRead = 34;

    // (Re)builds the atlas in ImGui's current context at `scale`. Returns false when no
    // font file could be found (ImGui's built-in font is used then). The caller uploads
    // the texture (Platform::upload_fonts).
    bool build(float new_scale);
    // Builds into `atlas` (cleared first). For a photo (`for_photo`): no `read` font (it
    // is the `ui` one; a photo has no reading pages) and no horizontal oversampling, which
    // photo-sized glyphs do not need: the atlas stays a fraction of the screen's way.
    bool build(float new_scale, ImFontAtlas* atlas, bool for_photo);
};

}  // namespace nk::app
