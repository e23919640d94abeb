// Putting a built frame on the screen (presenter.cpp): the resting board from its
// texture (board_layer.hpp) with what moves drawn over it, an idle frame that would show
// what the screen shows already skipped, a replay's quiet frames not rasterised, and a
// screenshot of the frame when one is asked for.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "board_layer.hpp"
#include "board_renderer.hpp"
#include "fonts.hpp"
#include "platform.hpp"

namespace nk::app {

class Presenter {
public:
    // Prepares the resting board of `sc` (the board of `revision`) in a window of `size`;
    // true when it comes from the texture (then draw only BoardLayer::Moving over it).
    bool prepare(const Fonts& fonts, const BoardScene& sc, ImVec2 size, std::uint64_t revision);
    // What the board's texts say changed (the language, another board shown): redraw it.
    void texts_changed() { ++epoch_; }
    std::uint64_t epoch() const { return epoch_; }
    // The window's pixels may have been lost or hidden: the next frame is drawn.
    void expose() { must_present_ = true; }
    // The next frame drawn is also written to `path` as a PNG (a picture of the screen).
    void request_screenshot(std::string path) { screenshot_paths_.push_back(std::move(path)); }
    bool screenshot_asked() const { return !screenshot_paths_.empty(); }
    // Puts ImGui's rendered draw data on the screen. `quiet`: a replay frame without input,
    // built but not rasterised; `idle`: no input and nothing held, so an unchanged frame is
    // not drawn again; `layered`: prepare() returned true this frame.
    void present(Platform& platform, int width, int height, bool quiet, bool idle, bool layered);

private:
    RestingLayer resting_;              // the board that does not move, as one texture
    std::uint64_t epoch_ = 0;           // bumped when what the board's texts say changes
    std::uint64_t presented_hash_ = 0;  // the idle frame last drawn (0: none, or not idle)
    bool must_present_ = true;          // the window asked to be drawn (exposed, shown)
    std::vector<std::string> screenshot_paths_;
};

}  // namespace nk::app
