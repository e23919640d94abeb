#include "presenter.hpp"

#include <glad/gl.h>
#include <imgui_impl_opengl3.h>

#include <functional>
#include <string_view>

#include "atomic_file.hpp"
#include "snapshot.hpp"

namespace nk::app {
namespace {
// A fingerprint of everything a frame would draw (vertices, indices, commands); never 0.
std::uint64_t draw_data_hash(const ImDrawData* dd) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* p, std::size_t n) {
        h = (h ^ std::hash<std::string_view>()(std::string_view(static_cast<const char*>(p), n))) * 1099511628211ull;
    };
    for (int i = 0; dd && i < dd->CmdListsCount; ++i) {
        const ImDrawList* l = dd->CmdLists[i];
        mix(l->VtxBuffer.Data, std::size_t(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(l->IdxBuffer.Data, std::size_t(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        mix(l->CmdBuffer.Data, std::size_t(l->CmdBuffer.Size) * sizeof(ImDrawCmd));
    }
    return h ? h : 1;
}
}  // namespace

bool Presenter::prepare(const Fonts& fonts, const BoardScene& sc, ImVec2 size, std::uint64_t revision) {
    return resting_.prepare(fonts, sc, resting_key(sc, size, revision, epoch_));
}

void Presenter::present(Platform& platform, int width, int height, bool quiet, bool idle, bool layered) {
    // An idle wake-up that would show exactly what the screen shows already is not drawn
    // again: the app sleeps between events all day.
    const std::uint64_t shown = idle && !resting_.redraw_pending() ? draw_data_hash(ImGui::GetDrawData()) : 0;
    const bool unchanged = shown != 0 && shown == presented_hash_ && !must_present_;
    // Only a frame that reaches the screen counts as what the screen shows.
    presented_hash_ = quiet ? 0 : shown;
    if (quiet || unchanged) return;
    must_present_ = false;
    if (layered) {
        resting_.present();  // fills the window: no clear needed
    } else {
        glViewport(0, 0, width, height);
        glClearColor(0.98f, 0.965f, 0.933f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshot_paths_.empty()) {
        Image img;
        read_back_buffer(width, height, img);
        const std::string png = encode_png(img);
        for (const std::string& path : screenshot_paths_) real_storage()->write_atomic(path, png);
        screenshot_paths_.clear();
    }
    platform.present();
}

}  // namespace nk::app
