// The panels' single pointer: Dear ImGui 1.86 has one mouse, and the input router
// (core/interaction/pointer_router.hpp) gives it at most one pointer at a time. This part turns the
// router's panel events into ImGui's mouse, frame by frame, working around two limits
// of ImGui 1.86: a press that starts and ends within one frame is missed (its release
// waits a frame), and a text field being edited swallows the next press (the editing
// ends now and the press reaches ImGui a frame later).
//
// A finger that drags in a panel area that scrolls scrolls it (Dear ImGui only scrolls by
// its thin scrollbar or a wheel): once it has moved kScrollSlop pixels (at 1080p, scaled
// with the window) up or down from where it landed, the area follows the finger and the
// press is taken back from the control under it, so nothing is pressed when it lifts. A
// tap (less movement) still presses. A finger landing on a scrollbar drags the scrollbar.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "gestures.hpp"

namespace nk::app {

class PanelPointer {
public:
    // The router gave a pointer to the panels (`frame`: the frame number now).
    void press(PointerKey key, ImVec2 p, std::uint64_t frame);
    void move(ImVec2 p);
    // It lifted. True when the press ended at once (not held over to the next frame):
    // the caller then holds typed keys back a little for a field taking the focus.
    bool release(ImVec2 p, std::uint64_t frame);
    // The mouse hovering with no button down (only while no pointer is pressed).
    void hover(ImVec2 p) {
        if (!active_) pos_ = p;
    }
    void reset() { *this = PanelPointer{}; }
    // Sets ImGui's mouse (after the backend's NewFrame, before ImGui::NewFrame).
    void feed(ImGuiIO& io) const;
    // Right after ImGui::NewFrame: notes the scrolling area under a finger that just landed,
    // and scrolls the one a finger is dragging.
    void after_new_frame();
    // Whether a finger is dragging a panel area (scrolling it) now.
    bool scrolling() const { return scrolling_; }
    static constexpr float kScrollSlop = 18;
    // After the frame: a press held back starts, a release held back ends. Returns whether
    // a control is being pressed or released (keys typed now wait for a field's focus).
    bool end_frame(std::uint64_t next_frame);

    bool active() const { return active_; }
    bool release_pending() const { return release_next_frame_; }
    ImVec2 pos() const { return pos_; }

private:
    bool active_ = false;
    ImVec2 pos_{-1e9f, -1e9f};
    bool down_ = false;
    bool release_next_frame_ = false;
    std::uint64_t down_frame_ = 0;   // the frame its press went down in
    bool press_next_frame_ = false;  // held back a frame (a text field was being edited)
    // Drag to scroll: the area under the finger that scrolls (an ImGui window id, 0 none),
    // where the finger landed and the area's scroll then.
    bool landed_ = false;  // pressed since the last after_new_frame()
    unsigned scroll_window_ = 0;
    ImVec2 origin_{};
    float scroll_origin_ = 0;
    bool scrolling_ = false;
};

}  // namespace nk::app
