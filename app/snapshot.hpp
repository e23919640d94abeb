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
    std::vector<uint8_t> rgba;
    // Rows as GL reads them back, bottom row first; encode_png writes them the right way
    // up without turning them over in memory.
    bool bottom_up = false;
};

class Platform;

// Renders `doc` at w x h with the same drawing code as the screen. Needs the GL context
// and ImGui (Platform::open). Rebuilds the fonts at the snapshot's scale while it draws
// and restores them after (the image-scale atlas is freed before it returns). `out` comes
// back bottom-up, as GL reads it. Returns false with `error` set when the GPU cannot do it.
bool render_snapshot(Platform& platform, Fonts& fonts, const Document& doc, const Strings& strings, int w, int h,
                     Image& out, std::string& error);

// Reads the w x h pixels of the bound framebuffer into `out` (bottom-up, as GL has them).
void read_back_buffer(int w, int h, Image& out);

// PNG bytes of an image (stb_image_write with zlib), top row first whichever way `img`
// holds its rows; empty on failure. Slow for big images (an A3 one takes about half a
// second): off the UI thread in the app (photo_job.hpp).
std::string encode_png(const Image& img);

// The image at half its width and height (each pixel the mean of a 2x2 block).
Image halved(const Image& img);

}  // namespace nk::app
