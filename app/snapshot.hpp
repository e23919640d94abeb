// The snapshot: the whole map rendered off-screen (a framebuffer object, not a screen
// grab) at a chosen size, with title, date and legend, read back and encoded as PNG.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "document.hpp"
#include "fonts.hpp"
#include "strings.hpp"

namespace nk::app {

struct Image {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;  // top row first
};

class Platform;

// Renders `doc` at w x h with the same drawing code as the screen. Needs the GL context
// and ImGui (Platform::open). Rebuilds the fonts at the snapshot's scale while it draws
// and restores them after. Returns false with `error` set when the GPU cannot do it.
bool render_snapshot(Platform& platform, Fonts& fonts, const Document& doc, const Strings& strings, int w, int h,
                     Image& out, std::string& error);

// Reads the w x h pixels of the bound framebuffer into `out`, top row first.
void read_back_buffer(int w, int h, Image& out);

// PNG bytes of an image (stb_image_write with zlib); empty on failure.
std::string encode_png(const Image& img);

}  // namespace nk::app
