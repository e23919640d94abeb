#include "snapshot.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdlib>

#include "board_renderer.hpp"
#include "platform.hpp"
#include "stb_write_impl.h"
#include "theme.hpp"

namespace nk::app {
namespace {
// Frees a GL framebuffer and its texture on every path out.
struct Fbo {
    GLuint fbo = 0, tex = 0;
    ~Fbo() {
        if (fbo) glDeleteFramebuffers(1, &fbo);
        if (tex) glDeleteTextures(1, &tex);
    }
};

void draw_title(ImDrawList* dl, const Fonts& fonts, const Document& doc, float k) {
    const float x = 40 * k, y = 30 * k;
    dl->AddText(fonts.title, Fonts::kTitle * k, ImVec2(x, y), colour::kInk, doc.school.c_str());
    const std::string sub = doc.date.empty() ? std::string("Netwerkkaart") : "Netwerkkaart · " + doc.date;
    dl->AddText(fonts.ui, Fonts::kUi * k * 0.85f, ImVec2(x, y + Fonts::kTitle * k * 1.15f), colour::kInkSoft, sub.c_str());
}
}  // namespace

bool render_snapshot(Platform& platform, Fonts& fonts, const Document& doc, const Strings& strings, int w, int h,
                     Image& out, std::string& error) {
    GLint max_tex = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
    if (w > max_tex || h > max_tex) {
        error = "the graphics driver cannot make images larger than " + std::to_string(max_tex) + " pixels wide";
        return false;
    }
    // Text is drawn from fonts baked at this image's scale, so it stays sharp at 4K and A3.
    const float k = float(h) / 1080.0f;
    const float screen_scale = fonts.scale;
    const bool rebake = std::abs(k - screen_scale) > 0.01f;
    if (rebake) {
        fonts.build(k);
        platform.upload_fonts();
    }

    Fbo f;
    glGenTextures(1, &f.tex);
    glBindTexture(GL_TEXTURE_2D, f.tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &f.fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, f.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, f.tex, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        ImGuiIO& io = ImGui::GetIO();
        // A frame of our own sets up ImGui's shared draw data (white pixel, anti-aliasing,
        // large-mesh offsets) for this size; its windows are not drawn.
        const ImVec2 saved_size = io.DisplaySize;
        io.DisplaySize = ImVec2(float(w), float(h));
        ImGui::NewFrame();
        ImDrawList dl(ImGui::GetDrawListSharedData());
        dl._ResetForNewFrame();
        dl.PushClipRect(ImVec2(0, 0), ImVec2(float(w), float(h)));
        dl.PushTextureID(io.Fonts->TexID);

        const bool pens = !doc.priorities.empty();
        const ImVec2 legend = draw_legend(&dl, fonts, strings, ImVec2(0, 0), k, true, pens);
        BoardScene sc;
        sc.doc = &doc;
        sc.strings = &strings;
        sc.ui_scale = k;
        sc.show_handles = false;
        // The map fills the image beside the title; the legend sits bottom-left.
        sc.view = fit_content(doc, 0, 130.0 * k, w, h - 20.0 * k);
        draw_board(&dl, fonts, sc, ImVec2(float(w), float(h)));
        draw_title(&dl, fonts, doc, k);
        draw_legend(&dl, fonts, strings, ImVec2(30 * k, float(h) - legend.y - 30 * k), k, false, pens);

        ImDrawList* lists[] = {&dl};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = dl.VtxBuffer.Size;
        data.TotalIdxCount = dl.IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(float(w), float(h));
        data.FramebufferScale = ImVec2(1, 1);
        glViewport(0, 0, w, h);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
        ImGui::EndFrame();
        io.DisplaySize = saved_size;

        read_back_buffer(w, h, out);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (rebake) {
        fonts.build(screen_scale);
        platform.upload_fonts();
    }
    if (!complete) {
        error = "the graphics driver could not make an image of that size";
        return false;
    }
    return true;
}

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

Image halved(const Image& img) {
    Image out;
    out.w = img.w / 2;
    out.h = img.h / 2;
    out.bottom_up = img.bottom_up;
    out.rgba.resize(size_t(out.w) * size_t(out.h) * 4);
    const size_t in_stride = size_t(img.w) * 4;
    for (int y = 0; y < out.h; ++y) {
        const uint8_t* a = img.rgba.data() + size_t(2 * y) * in_stride;
        const uint8_t* b = a + in_stride;
        uint8_t* o = out.rgba.data() + size_t(y) * size_t(out.w) * 4;
        for (int x = 0; x < out.w; ++x, a += 8, b += 8, o += 4)
            for (int c = 0; c < 4; ++c) o[c] = uint8_t((a[c] + a[c + 4] + b[c] + b[c + 4] + 2) / 4);
    }
    return out;
}

}  // namespace nk::app
