#include "photo_render.hpp"

#include <glad/gl.h>

#include "board_renderer.hpp"
#include "render_list.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
void draw_title(ImDrawList* dl, const Fonts& fonts, const Document& doc, float k) {
    const float x = 40 * k, y = 30 * k;
    dl->AddText(fonts.title, Fonts::kTitle * k, ImVec2(x, y), colour::kInk, doc.school.c_str());
    const std::string sub = doc.date.empty() ? std::string("Netwerkkaart") : "Netwerkkaart · " + doc.date;
    dl->AddText(fonts.ui, Fonts::kUi * k * 0.85f, ImVec2(x, y + Fonts::kTitle * k * 1.15f), colour::kInkSoft, sub.c_str());
}
}  // namespace

void draw_photo(ImDrawList* dl, const Fonts& fonts, const Document& doc, const Strings& strings, int w, int h) {
    const float k = float(h) / 1080.0f;
    const bool pens = !doc.priorities.empty();
    const ImVec2 legend = draw_legend(dl, fonts, strings, ImVec2(0, 0), k, true, pens);
    BoardScene sc;
    sc.doc = &doc;
    sc.strings = &strings;
    sc.ui_scale = k;
    sc.show_handles = false;
    // The map fills the image below the title; the legend sits bottom-left.
    sc.view = fit_content(doc, 0, 130.0 * k, w, h - 20.0 * k);
    draw_board(dl, fonts, sc, ImVec2(float(w), float(h)));
    draw_title(dl, fonts, doc, k);
    draw_legend(dl, fonts, strings, ImVec2(30 * k, float(h) - legend.y - 30 * k), k, false, pens);
}

PhotoRender::PhotoRender() = default;

PhotoRender::~PhotoRender() {
    list_.reset();
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (target_) glDeleteTextures(1, &target_);
    if (font_tex_) glDeleteTextures(1, &font_tex_);
}

bool PhotoRender::begin(const Document& doc, const Strings& strings, int w, int h, std::string& error) {
    GLint max_tex = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
    if (w <= 0 || h <= 0 || w > max_tex) {
        error = "the graphics driver cannot make images larger than " + std::to_string(max_tex) + " pixels wide";
        return false;
    }
    w_ = w, h_ = h, next_y_ = 0;
    const float k = float(h) / 1080.0f;

    // Fonts at the photo's scale, in an atlas of its own, uploaded as one channel that the
    // texture's swizzle turns into white with that alpha (what ImGui's shader expects).
    atlas_ = std::make_unique<ImFontAtlas>();
    fonts_.build(k, atlas_.get(), true);
    unsigned char* px = nullptr;
    int tw = 0, th = 0;
    atlas_->GetTexDataAsAlpha8(&px, &tw, &th);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glGenTextures(1, &font_tex_);
    glBindTexture(GL_TEXTURE_2D, font_tex_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, tw, th, 0, GL_RED, GL_UNSIGNED_BYTE, px);
    glBindTexture(GL_TEXTURE_2D, GLuint(bound));
    atlas_->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_tex_)));
    atlas_->ClearTexData();

    // The strip the photo is rendered into, one strip high.
    glGenTextures(1, &target_);
    glBindTexture(GL_TEXTURE_2D, target_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, kStripRows, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, GLuint(bound));
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target_, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        error = "the graphics driver could not make an image of that size";
        return false;
    }

    // Drawing data for this atlas (the white pixel and line textures live in it), with
    // the screen's style: the same anti-aliasing and curve quality as on screen.
    const ImGuiStyle& st = ImGui::GetStyle();
    shared_ = ImDrawListSharedData();
    shared_.CurveTessellationTol = st.CurveTessellationTol;
    shared_.SetCircleTessellationMaxError(st.CircleTessellationMaxError);
    shared_.InitialFlags = ImDrawListFlags_AllowVtxOffset;
    if (st.AntiAliasedLines) shared_.InitialFlags |= ImDrawListFlags_AntiAliasedLines;
    if (st.AntiAliasedLinesUseTex && !(atlas_->Flags & ImFontAtlasFlags_NoBakedLines))
        shared_.InitialFlags |= ImDrawListFlags_AntiAliasedLinesUseTex;
    if (st.AntiAliasedFill) shared_.InitialFlags |= ImDrawListFlags_AntiAliasedFill;
    shared_.TexUvWhitePixel = atlas_->TexUvWhitePixel;
    shared_.TexUvLines = atlas_->TexUvLines;
    shared_.Font = fonts_.ui;
    shared_.FontSize = fonts_.ui->FontSize;
    shared_.ClipRectFullscreen = ImVec4(0, 0, float(w), float(h));

    list_ = std::make_unique<ImDrawList>(&shared_);
    list_->_ResetForNewFrame();
    list_->PushClipRect(ImVec2(0, 0), ImVec2(float(w), float(h)));
    list_->PushTextureID(atlas_->TexID);
    draw_photo(list_.get(), fonts_, doc, strings, w, h);
    list_->_PopUnusedDrawCmd();
    return true;
}

bool PhotoRender::next_strip(std::vector<std::uint8_t>& out, int& y0, int& rows) {
    if (!list_ || done()) return false;
    y0 = next_y_;
    rows = std::min(kStripRows, h_ - y0);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, w_, rows);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    // The backend maps this strip of the photo onto the viewport.
    render_list(list_.get(), ImVec2(0, float(y0)), ImVec2(float(w_), float(rows)));
    out.resize(std::size_t(w_) * std::size_t(rows) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w_, rows, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    next_y_ += rows;
    return true;
}

}  // namespace nk::app
