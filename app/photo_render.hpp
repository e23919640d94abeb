// The map photo, rendered strip by strip. A 4961×3508 photo takes a software renderer
// more than a second to rasterise; done in one go it would freeze the screen. A
// PhotoRender draws the photo's picture once (the same drawing code as the screen:
// board, title, legend) and then renders and reads it back one strip of rows at a time,
// so the app can do one strip per frame between ordinary frames, and hand each strip to
// the encoder (photo_job.hpp) as it comes.
//
// It bakes its fonts at the photo's scale in a font atlas of its own and uploads it as
// a one-channel texture: the screen's fonts are never touched, and the atlas's pixels
// are freed right after the upload. Needs the GL context and an ImGui context (for the
// style); uses no ImGui frame.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "document.hpp"
#include "fonts.hpp"
#include "strings.hpp"

namespace nk::app {

class PhotoRender {
public:
    static constexpr int kStripRows = 64;

    PhotoRender();
    ~PhotoRender();  // frees its GL objects and its atlas: destroy on the GL thread
    PhotoRender(const PhotoRender&) = delete;
    PhotoRender& operator=(const PhotoRender&) = delete;

    // Sets up a photo of `doc` at w x h: its fonts, its picture, and an off-screen
    // framebuffer one strip high. False with `error` (for the log) when the graphics
    // driver cannot make an image that size.
    bool begin(const Document& doc, const Strings& strings, int w, int h, std::string& error);

    // Renders the next strip and reads it back into `out`: `rows` rows starting at image
    // row `y0`, stored bottom-up as GL reads them (the strip's last row first). False once
    // every strip was given.
    bool next_strip(std::vector<std::uint8_t>& out, int& y0, int& rows);

    bool done() const { return next_y_ >= h_; }
    int width() const { return w_; }
    int height() const { return h_; }
    int strips() const { return (h_ + kStripRows - 1) / kStripRows; }
    int strips_done() const { return next_y_ / kStripRows; }

private:
    int w_ = 0, h_ = 0, next_y_ = 0;
    unsigned fbo_ = 0, target_ = 0, font_tex_ = 0;
    std::unique_ptr<ImFontAtlas> atlas_;
    Fonts fonts_;
    ImDrawListSharedData shared_;
    std::unique_ptr<ImDrawList> list_;
};

// Draws the whole photo — the map fitted to the image beside the title (school, the
// board's date) and the legend of categories and role pens — into `dl`, whose clip rect
// and font texture the caller set.
void draw_photo(ImDrawList* dl, const Fonts& fonts, const Document& doc, const Strings& strings, int w, int h);

}  // namespace nk::app
