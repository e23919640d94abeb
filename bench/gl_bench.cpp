// What software OpenGL spends on the board: the draw list of draw_board rendered by the
// app's own ImGui OpenGL3 backend into an off-screen framebuffer, timed to glFinish
// (Mesa's llvmpipe rasterises there). Variants of the board tell which parts of the
// picture cost what. Needs a GL context: run it under xvfb-run, as scripts/bench does.
//
//   nk_gl_bench [REPEATS=5]    prints one JSON object
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "board_gen.hpp"
#include "board_renderer.hpp"
#include "fonts.hpp"
#include "platform.hpp"
#include "strings.hpp"

using namespace nk;
using namespace nk::bench;

namespace {
struct Variant {
    Variant(std::string n, Document d, int w_, int h_, bool handles_ = true, ImDrawListFlags clear = 0, int own = 0)
        : name(std::move(n)), doc(std::move(d)), w(w_), h(h_), handles(handles_), clear_flags(clear), own_links(own) {}
    std::string name;
    Document doc;
    int w, h;
    bool handles = true;
    ImDrawListFlags clear_flags = 0;  // anti-aliasing switched off for the whole list
    int own_links = 0;                // 1: the document's links drawn here as plain lines
                                      // (no round caps), 2: the same without anti-aliasing
    std::vector<double> cpu, gl;
    int vertices = 0, indices = 0;
};

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// One frame of a variant: the draw list (CPU), then the GL work to glFinish.
bool render(app::Fonts& fonts, const Strings& strings, Variant& v, bool keep) {
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, v.w, v.h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    const bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (ok) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(v.w), float(v.h));
        io.DeltaTime = 1.0f / 60.0f;
        const auto t0 = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        ImDrawList dl(ImGui::GetDrawListSharedData());
        dl._ResetForNewFrame();
        dl.PushClipRect(ImVec2(0, 0), ImVec2(float(v.w), float(v.h)));
        dl.PushTextureID(io.Fonts->TexID);
        app::BoardScene sc;
        sc.doc = &v.doc;
        sc.view = app_view(v.w, v.h);
        sc.strings = &strings;
        sc.ui_scale = float(v.h) / 1080.0f;
        sc.show_handles = v.handles;
        dl.Flags &= ~v.clear_flags;
        app::draw_board(&dl, fonts, sc, ImVec2(float(v.w), float(v.h)));
        if (v.own_links) {
            // What draw_links would cost without its two round caps per line (the ends
            // lie under a post-it or the school anyway), from the full board's links.
            static const Document links_of = make_board(500);
            if (v.own_links == 2) dl.Flags &= ~ImDrawListFlags_AntiAliasedLines;
            const float lw = std::max(2.0f, float(4.5 * sc.view.scale));
            auto end = [&](Id id) {
                const Partner* p = id ? links_of.partner(id) : nullptr;
                const Vec2 s = sc.view.to_screen(p ? Vec2{p->x, p->y} : Vec2{0, 0});
                return ImVec2(float(s.x), float(s.y));
            };
            for (const Link& l : links_of.links) dl.AddLine(end(l.from), end(l.to), IM_COL32(112, 120, 128, 255), lw);
        }
        ImDrawList* lists[] = {&dl};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = dl.VtxBuffer.Size;
        data.TotalIdxCount = dl.IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(float(v.w), float(v.h));
        data.FramebufferScale = ImVec2(1, 1);
        const double cpu = ms_since(t0);
        const auto t1 = std::chrono::steady_clock::now();
        glViewport(0, 0, v.w, v.h);
        glClearColor(0.98f, 0.965f, 0.933f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
        glFinish();
        const double gl = ms_since(t1);
        if (std::getenv("NK_GL_BENCH_DEBUG")) {
            unsigned char px[4] = {};
            glReadPixels(v.w / 2 + 40, v.h / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
            GLint vp[4];
            glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
            std::fprintf(stderr, "%dx%d centre %d %d %d, max viewport %d %d, err %x\n", v.w, v.h, px[0], px[1], px[2], vp[0], vp[1], glGetError());
        }
        ImGui::EndFrame();
        v.vertices = dl.VtxBuffer.Size;
        v.indices = dl.IdxBuffer.Size;
        if (keep) v.cpu.push_back(cpu), v.gl.push_back(gl);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    return ok;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    app::Platform platform;
    app::WindowRequest req;
    req.w = req.h = 64;
    req.hidden = true;
    std::string error;
    if (!platform.open(req, error)) {
        std::fprintf(stderr, "nk_gl_bench: %s\n", error.c_str());
        return 1;
    }
    const Strings strings = Strings::load(std::string(NK_ASSETS_DIR) + "/lang/nl.txt");
    app::Fonts fonts;
    auto renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const Document full = make_board(500);
    Document no_links = full;
    no_links.links.clear();
    Document no_text = full;
    for (Partner& p : no_text.partners) p.text.clear();
    Document empty = full;
    empty.partners.clear(), empty.links.clear(), empty.priorities.clear();
    std::vector<Variant> hd = {
        {"board", full, 1920, 1080},
        {"without handles", full, 1920, 1080, false},
        {"without links", no_links, 1920, 1080},
        {"without text", no_text, 1920, 1080},
        {"without links and handles", no_links, 1920, 1080, false},
        {"links as plain lines (no round caps)", no_links, 1920, 1080, true, 0, 1},
        {"links as plain lines, not anti-aliased", no_links, 1920, 1080, true, 0, 2},
        {"no anti-aliased lines anywhere", full, 1920, 1080, true, ImDrawListFlags_AntiAliasedLines},
        {"no anti-aliased fills anywhere", full, 1920, 1080, true, ImDrawListFlags_AntiAliasedFill},
        {"background only (no post-its)", empty, 1920, 1080},
        {"board", make_board(50), 1920, 1080},
    };
    std::vector<Variant> uhd = {{"board", full, 3840, 2160}};
    // Rounds over all variants, so a busy moment of a shared machine spreads over all.
    for (auto* set : {&hd, &uhd}) {
        const int h = set->front().h;
        fonts.build(float(h) / 1080.0f);
        // Not Platform::upload_fonts a second time: recreating all device objects leaves
        // ImGui 1.86's OpenGL3 backend with zero-sized buffers it believes are large
        // (VertexBufferSize is not reset), so every later draw is skipped. Only the font
        // texture is replaced (see docs/performance.md).
        if (set == &hd) {
            platform.upload_fonts();
        } else {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            ImGui::GetIO().Fonts->ClearTexData();
        }
        for (int round = 0; round <= repeats; ++round)  // round 0 warms up (shader JIT)
            for (Variant& v : *set)
                if (!render(fonts, strings, v, round > 0)) {
                    std::fprintf(stderr, "nk_gl_bench: no %dx%d framebuffer\n", v.w, v.h);
                    return 1;
                }
    }
    std::vector<Variant> results = hd;
    results.insert(results.end(), uhd.begin(), uhd.end());
    std::printf("{\n  \"renderer\": \"%s\",\n  \"runs\": [\n", renderer ? renderer : "?");
    for (std::size_t i = 0; i < results.size(); ++i) {
        const Variant& r = results[i];
        std::printf("    {\"name\": \"%s\", \"w\": %d, \"h\": %d, \"notes\": %zu, \"vertices\": %d, \"indices\": %d, "
                    "\"cpu_ms\": %.3f, \"gl_ms\": %.3f, \"gl_min_ms\": %.3f}%s\n",
                    r.name.c_str(), r.w, r.h, r.doc.partners.size(), r.vertices, r.indices, median(r.cpu), median(r.gl),
                    *std::min_element(r.gl.begin(), r.gl.end()), i + 1 < results.size() ? "," : "");
    }
    std::printf("  ]\n}\n");
    return 0;
}
