#include "panel_pointer.hpp"

#include <imgui_internal.h>

#include <cmath>

namespace nk::app {

void PanelPointer::press(PointerKey, ImVec2 p, std::uint64_t frame) {
    active_ = true;
    pos_ = p;
    down_ = true;
    release_next_frame_ = false;
    down_frame_ = frame;
    press_next_frame_ = false;
    // A text field being edited would swallow this touch (ImGui blocks other items
    // while one is active): the editing ends now, and the press reaches ImGui in the
    // next frame. The field's text is already in the document.
    if (ImGui::GetActiveID() != 0) {
        ImGui::ClearActiveID();
        down_ = false;
        press_next_frame_ = true;
    }
}

void PanelPointer::move(ImVec2 p) {
    if (active_) pos_ = p;
}

bool PanelPointer::release(ImVec2 p, std::uint64_t frame) {
    if (!active_) return false;
    if (std::isfinite(p.x) && std::isfinite(p.y)) pos_ = p;
    // ImGui 1.86 misses a press that starts and ends in one frame: such a release
    // waits for the next frame; a longer press ends now.
    if (down_frame_ == frame || press_next_frame_) {
        release_next_frame_ = true;
        return false;
    }
    down_ = false;
    active_ = false;
    return true;
}

void PanelPointer::feed(ImGuiIO& io) const {
    io.MousePos = pos_;
    io.MouseDown[0] = down_;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
}

bool PanelPointer::end_frame(std::uint64_t next_frame) {
    const bool pressing = release_next_frame_ || (active_ && !down_);
    if (press_next_frame_) {
        press_next_frame_ = false;
        down_ = true;
        down_frame_ = next_frame;
    } else if (release_next_frame_) {
        down_ = false;
        release_next_frame_ = false;
        active_ = false;
    }
    return pressing;
}

}  // namespace nk::app
