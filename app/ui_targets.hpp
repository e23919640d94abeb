// Where the named things were on screen in the last frame: controls by id (for replay
// scripts and tests) and the panels that own any finger landing on them.
#pragma once

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace nk::app {

struct Rect {
    ImVec2 min, max;
    bool contains(ImVec2 p) const { return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y; }
    ImVec2 centre() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

// The rectangle of the item / window just submitted to ImGui, to record as a target.
inline Rect item_rect() { return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }
inline Rect window_rect() {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    return {p, ImVec2(p.x + s.x, p.y + s.y)};
}

// Our panels: no title bar, not movable, nothing saved to disk, no keyboard navigation.
// Fixed ones are placed and sized by the caller; auto ones size to their content.
inline constexpr ImGuiWindowFlags kFixedPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav;
inline constexpr ImGuiWindowFlags kAutoPanelFlags = kFixedPanelFlags | ImGuiWindowFlags_AlwaysAutoResize;

class UiTargets {
public:
    // Call at the start of building a frame: what was recorded becomes "last frame".
    void begin_frame() {
        before_last_controls_ = std::move(last_controls_);
        last_controls_ = std::move(controls_);
        last_panels_ = std::move(panels_);
        controls_.clear();
        panels_.clear();
    }
    void control(const std::string& id, Rect r) { controls_[id] = r; }
    void panel(Rect r) { panels_.push_back(r); }
    // The control with `id` as drawn last frame, if it was.
    const Rect* find(const std::string& id) const {
        auto it = last_controls_.find(id);
        return it == last_controls_.end() ? nullptr : &it->second;
    }
    // Whether the control was drawn in the same place in the last two frames. Auto-sized
    // panels move for a frame or two after their content changes; a script (like a
    // person) waits for that before it taps.
    bool settled(const std::string& id) const {
        auto a = last_controls_.find(id), b = before_last_controls_.find(id);
        return a != last_controls_.end() && b != before_last_controls_.end() && a->second.min.x == b->second.min.x &&
               a->second.min.y == b->second.min.y && a->second.max.x == b->second.max.x &&
               a->second.max.y == b->second.max.y;
    }
    // Whether `p` fell on a panel (or control) last frame: such a finger belongs to the UI.
    bool on_panel(ImVec2 p) const {
        for (const Rect& r : last_panels_)
            if (r.contains(p)) return true;
        return false;
    }
    const std::map<std::string, Rect>& controls() const { return last_controls_; }
    // Between two frames: the controls and panels of the frame just built (the last one
    // drawn), as the replay's `layout` writes them.
    const std::map<std::string, Rect>& built_controls() const { return controls_; }
    const std::vector<Rect>& built_panels() const { return panels_; }
    const std::vector<Rect>& panels() const { return last_panels_; }

private:
    std::map<std::string, Rect> controls_, last_controls_, before_last_controls_;
    std::vector<Rect> panels_, last_panels_;
};

}  // namespace nk::app
