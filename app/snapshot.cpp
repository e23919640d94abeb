#include "snapshot.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cstdlib>

#include "stb_write_impl.h"

namespace nk::app {

void read_back_buffer(int w, int h, Image& out) {
    out.w = w;
    out.h = h;
    out.bottom_up = true;
    out.rgba.assign(size_t(w) * size_t(h) * 4, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
}

std::string encode_png(const Image& img) {
    if (img.w <= 0 || img.h <= 0 || img.rgba.size() < size_t(img.w) * size_t(img.h) * 4) return {};
    // stb_image_write walks the rows as `pixels + stride * y` and filters against
    // `row - stride`, so GL's bottom-up rows are written top row first by starting at the
    // last row with a negative stride: no flipped copy of a 70 MB image.
    const int stride = img.w * 4;
    const uint8_t* first = img.bottom_up ? img.rgba.data() + size_t(img.h - 1) * size_t(stride) : img.rgba.data();
    int len = 0;
    unsigned char* png = nk_png_encode_rgba(first, img.w, img.h, img.bottom_up ? -stride : stride, &len);
    if (!png) return {};
    std::string out(reinterpret_cast<const char*>(png), size_t(len));
    std::free(png);
    return out;
}

}  // namespace nk::app
