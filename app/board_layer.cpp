#include "board_layer.hpp"

#include <algorithm>

#include <glad/gl.h>

#include "render_list.hpp"
#include "theme.hpp"

namespace nk::app {

bool RestingKey::operator==(const RestingKey& o) const {
    return revision == o.revision && doc == o.doc && epoch == o.epoch && view == o.view && size.x == o.size.x && size.y == o.size.y &&
           ui_scale == o.ui_scale && live == o.live && selected_link == o.selected_link && highlight == o.highlight &&
           highlight_colour == o.highlight_colour && badges == o.badges && stacks == o.stacks &&
           show_handles == o.show_handles && priority_circles == o.priority_circles &&
           std::equal(mark_avoid.begin(), mark_avoid.end(), o.mark_avoid.begin(), o.mark_avoid.end(), [](ImVec4 a, ImVec4 b) {
               return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
           });
}

RestingKey resting_key(const BoardScene& sc, ImVec2 size, std::uint64_t revision, std::uint64_t epoch) {
    RestingKey k;
    k.revision = revision;
    k.doc = sc.doc;
    k.epoch = epoch;
    k.view = sc.view;
    k.size = size;
    k.ui_scale = sc.ui_scale;
    for (const auto& p : sc.live.placements) k.live.push_back(p.partner);
    if (sc.live.editing) k.live.push_back(sc.live.editing->partner);
    k.selected_link = sc.live.selected_link;
    k.highlight = sc.live.highlight;
    k.highlight_colour = sc.live.highlight_colour;
    k.badges = sc.live.badges;
    k.stacks = sc.live.stacks;
    k.show_handles = sc.show_handles;
    k.priority_circles = sc.live.priority_circles;
    k.mark_avoid = sc.live.mark_avoid;
    return k;
}

RestingLayer::RestingLayer() = default;

RestingLayer::~RestingLayer() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (tex_) glDeleteTextures(1, &tex_);
}

bool RestingLayer::ensure_texture(int w, int h) {
    if (failed_) return false;
    if (tex_ && w == tex_w_ && h == tex_h_) return true;
    if (!tex_) glGenTextures(1, &tex_);
    if (!fbo_) glGenFramebuffers(1, &fbo_);
    GLint bound_tex = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound_tex);
    glBindTexture(GL_TEXTURE_2D, tex_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    // Drawn 1:1 onto the screen's pixels: no filtering.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, GLuint(bound_tex));
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        // No off-screen texture on this driver: draw the whole board every frame instead.
        failed_ = true;
        return false;
    }
    tex_w_ = w, tex_h_ = h;
    drawn_.reset();
    return true;
}

bool RestingLayer::prepare(const Fonts& fonts, const BoardScene& sc, const RestingKey& key) {
    const int w = int(key.size.x), h = int(key.size.y);
    if (w <= 0 || h <= 0 || !ensure_texture(w, h)) return false;
    if (shows(key)) {
        pending_.reset();  // e.g. a change and its undo before anything was rendered
        return true;
    }
    if (pending_ && *pending_ == key) return true;
    if (!list_) list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    list_->_ResetForNewFrame();
    list_->PushClipRect(ImVec2(0, 0), key.size);
    list_->PushTextureID(ImGui::GetIO().Fonts->TexID);
    BoardScene resting = sc;
    resting.layer = BoardLayer::Resting;
    draw_board(list_.get(), fonts, resting, key.size);
    pending_ = key;
    return true;
}

void RestingLayer::present() {
    if (!tex_) return;
    if (pending_ && list_) {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glViewport(0, 0, tex_w_, tex_h_);
        const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(colour::kPaper);
        glClearColor(paper.x, paper.y, paper.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        render_list(list_.get(), ImVec2(0, 0), pending_->size);
        drawn_ = std::move(pending_);
        pending_.reset();
        // The list keeps its memory for the next redraw (same size, no reallocation).
    }
    // A straight copy (no blending, no scaling): cheaper than clearing and drawing a
    // textured quad, which matters at 3840x2160 on a software renderer.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, tex_w_, tex_h_, 0, 0, tex_w_, tex_h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace nk::app
