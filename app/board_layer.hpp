// The resting board kept in a texture. While people drag, everything that does not move
// (paper, rings, the school, the post-its nobody holds, their lines, the priority
// circles) is the same picture frame after frame; a software renderer spends most of a
// frame redrawing it. RestingLayer draws that part once into an off-screen framebuffer
// and copies it onto the screen in place of clearing it; each frame then draws only what
// moves on top (BoardLayer::Moving). The texture is redrawn when what it shows changes:
// the document, the view, the window, who is held or typed, and the phase's marks
// (RestingKey).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "board_renderer.hpp"

namespace nk::app {

// Everything the resting layer's pixels depend on.
struct RestingKey {
    std::uint64_t revision = 0;  // Session::revision(): the document
    const Document* doc = nullptr;  // which one is shown (the current board, or a saved version)
    std::uint64_t epoch = 0;     // the app's: language, fonts
    View view;
    ImVec2 size;
    float ui_scale = 1;
    std::vector<Id> live;        // held or typed post-its, left out
    Id selected_link = 0;
    std::vector<Id> highlight;
    ImU32 highlight_colour = 0;
    std::vector<Id> badges;
    std::vector<std::pair<Id, int>> stacks;
    bool show_handles = true;
    bool priority_circles = false;
    std::vector<ImVec4> mark_avoid;
    bool operator==(const RestingKey& o) const;
};

RestingKey resting_key(const BoardScene& sc, ImVec2 size, std::uint64_t revision, std::uint64_t epoch);

class RestingLayer {
public:
    RestingLayer();
    ~RestingLayer();  // frees the GL texture: destroy before the GL context
    RestingLayer(const RestingLayer&) = delete;
    RestingLayer& operator=(const RestingLayer&) = delete;

    // Makes ready the resting board (`sc` drawn as BoardLayer::Resting) for a window of
    // key.size: when the texture does not show `key` yet, the resting part is drawn into
    // a list of its own, for present() to render. Returns false when no texture can be
    // made; then the caller draws the whole board itself.
    bool prepare(const Fonts& fonts, const BoardScene& sc, const RestingKey& key);

    // Renders what prepare() recorded into the texture (only when it changed), then
    // copies the texture onto the default framebuffer, which it fills: the frame needs
    // no clear. Call on the GL thread before rendering the frame's own draw data.
    void present();

    // Whether the texture already shows `key` (no GL work needed for it).
    bool shows(const RestingKey& key) const { return drawn_ && *drawn_ == key; }

    // Whether the last prepare() asked for a redraw that present() has not done.
    bool redraw_pending() const { return pending_.has_value(); }

private:
    bool ensure_texture(int w, int h);

    unsigned fbo_ = 0, tex_ = 0;
    int tex_w_ = 0, tex_h_ = 0;
    bool failed_ = false;
    std::optional<RestingKey> drawn_;    // what the texture shows
    std::optional<RestingKey> pending_;  // what list_ holds, not rendered yet
    std::unique_ptr<ImDrawList> list_;
};

}  // namespace nk::app
