#include "panel_pointer.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace nk::app {

void PanelPointer::press(PointerKey, ImVec2 p, std::uint64_t frame) {
    active_ = true;
    pos_ = p;
    down_ = true;
    release_next_frame_ = false;
    down_frame_ = frame;
    press_next_frame_ = false;
    landed_ = true;
    scroll_window_ = 0;
    scrolling_ = false;
    origin_ = p;
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
    if (!active_) return;
    pos_ = p;
    const float k = std::max(0.1f, ImGui::GetIO().DisplaySize.y / 1080.0f);
    if (!scrolling_ && scroll_window_ && std::abs(p.y - origin_.y) >= kScrollSlop * k) scrolling_ = true;
}

void PanelPointer::after_new_frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (landed_) {
        landed_ = false;
        // The innermost area under the finger that can scroll (hovered from last frame's
        // windows), unless the finger is on its scrollbar.
        for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
            if (w->ScrollMax.y <= 0) {
                if (w->Flags & ImGuiWindowFlags_ChildWindow) continue;
                break;
            }
            if (w->ScrollbarY && ImGui::GetWindowScrollbarRect(w, ImGuiAxis_Y).Contains(origin_)) break;
            scroll_window_ = w->ID;
            scroll_origin_ = w->Scroll.y;
            break;
        }
    }
    if (!scrolling_) return;
    ImGuiWindow* w = ImGui::FindWindowByID(scroll_window_);
    if (!w) {
        scrolling_ = false;
        return;
    }
    // The control the finger landed on lets go: lifting presses nothing.
    if (g.ActiveId != 0) ImGui::ClearActiveID();
    ImGui::SetScrollY(w, std::clamp(scroll_origin_ - (pos_.y - origin_.y), 0.0f, w->ScrollMax.y));
}

bool PanelPointer::release(ImVec2 p, std::uint64_t frame) {
    if (!active_) return false;
    if (std::isfinite(p.x) && std::isfinite(p.y)) pos_ = p;
    if (scrolling_) {
        // A scrolling drag ends where it is: ImGui's mouse lifts far from every control.
        scrolling_ = false;
        scroll_window_ = 0;
        down_ = false;
        active_ = false;
        release_next_frame_ = false;
        press_next_frame_ = false;
        pos_ = ImVec2(-1e9f, -1e9f);
        return false;
    }
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
    // While a finger scrolls, ImGui's mouse is nowhere: no control is hovered or pressed.
    io.MousePos = scrolling_ ? ImVec2(-FLT_MAX, -FLT_MAX) : pos_;
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
