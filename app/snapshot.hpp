// Screen pictures: the window's pixels read back (the replay's `screenshot`) and encoded
// as PNG in one go. Map photos are made strip by strip instead (photo_render.hpp,
// photo_job.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nk::app {

struct Image {
    int w = 0, h = 0;
    std::vector<uint8_t> rgba;
    // Rows as GL reads them back, bottom row first; encode_png writes them the right way
    // up without turning them over in memory.
    bool bottom_up = false;
};

// Reads the w x h pixels of the bound framebuffer into `out` (bottom-up, as GL has them).
void read_back_buffer(int w, int h, Image& out);

// PNG bytes of an image (stb_image_write with zlib), top row first whichever way `img`
// holds its rows; empty on failure. For screen pictures; slow for photo-sized images.
std::string encode_png(const Image& img);

}  // namespace nk::app
