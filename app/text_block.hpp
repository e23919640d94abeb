// Text for the room: a block of wrapped text shown from one string key, recorded for the
// replay's layout dump (`text KEY ...`, docs/replay.md) so that tests can see it whole.
#pragma once

#include <imgui.h>

#include <string>

#include "ui_targets.hpp"

namespace nk::app {

// Draws `text` (the string `key` says) at the cursor in the current font and `colour`,
// wrapped to `wrap_w` pixels, and records it as text `key` when it is on screen in full.
// Returns its rect.
Rect text_block(UiTargets& targets, const std::string& key, const std::string& text, float wrap_w, ImU32 colour);

// A text block made of several items (a card's questions as bullets): begin() at the
// cursor, then draw, then end() records the rect from the start to the last item drawn.
class TextBlockRecorder {
public:
    void begin(float wrap_w);
    Rect end(UiTargets& targets, const std::string& key);

private:
    ImVec2 start_{};
    float wrap_w_ = 0;
};

}  // namespace nk::app
