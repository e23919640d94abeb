// Where the named things were on screen in the last frame: controls by id (for replay
// scripts and tests), the panels that own any finger landing on them (with stable ids,
// in drawing order), and the on-screen keyboards. The replay's `layout` writes these
// (docs/replay.md, layout).
#pragma once

#include <imgui.h>

#include <map>
#include <set>
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

// Where a panel not made of an ImGui window is drawn, relative to the ImGui windows.
enum class PanelLayer { Behind, Front };

class UiTargets {
public:
    struct Panel {
        std::string id;  // stable: docs/replay.md lists them (phasebar, toolbar, station.N, ...)
        Rect rect;
    };
    struct Control {
        Rect rect;
        std::string panel;  // the panel it sits on; empty when none
    };
    struct Text {
        Rect rect;           // the whole block, on screen
        float px = 0;        // the font size it is drawn at
        std::string panel;   // the panel it sits on
    };
    struct Keyboard {
        Rect box;            // on screen
        float key_px = 0;    // the narrowest letter key's width along the keyboard's own rows
    };

    // Call at the start of building a frame (after ImGui::NewFrame): what was recorded
    // becomes "last frame".
    void begin_frame();
    // A control inside the ImGui window being built (its panel is that window's; one
    // scrolled out of the window's view is not recorded: it is not on screen), or drawn
    // elsewhere (no panel, unless `panel` names one).
    void control(const std::string& id, Rect r);
    void control(const std::string& id, Rect r, const std::string& panel);
    // A block of text shown from string `key` (card.f1.actoren.title, closing.beleid.question)
    // inside the ImGui window being built, drawn at `px`. Recorded only when the whole block
    // lies in the window's visible area: a text listed is on screen in full, not cut or
    // scrolled away (being not covered by a later panel is the reader's check).
    void text(const std::string& key, Rect r, float px);
    // The ImGui window being built is panel `id`; call it between Begin and End.
    void panel(const std::string& id, Rect r);
    // A panel drawn on a draw list of its own (the legend on the board, stations on top).
    void panel(const std::string& id, Rect r, PanelLayer layer);
    // On-screen keyboard `n` (0: the field keyboard; 1..: writers' stations).
    void keyboard(int n, Rect box, float key_px) { keyboards_[n] = {box, key_px}; }

    // The control with `id` as drawn last frame, if it was and a finger could reach it: not
    // covered by a panel drawn after its own, and with its centre inside the window.
    const Rect* find(const std::string& id) const;
    // Whether the control was drawn in the same place in the last two frames. Auto-sized
    // panels move for a frame or two after their content changes; a script (like a
    // person) waits for that before it taps.
    bool settled(const std::string& id) const;
    // Whether `p` fell on a panel last frame: such a finger belongs to the UI.
    bool on_panel(ImVec2 p) const {
        for (const Panel& pn : last_panels_)
            if (pn.rect.contains(p)) return true;
        return false;
    }
    const std::map<std::string, Control>& controls() const { return last_controls_; }
    const std::vector<Panel>& panels() const { return last_panels_; }

    // Between two frames: the frame just built (the last one drawn), as the replay's
    // `layout` writes it. Panels back to front, as ImGui drew them.
    std::vector<Panel> built_panels() const;
    const std::map<std::string, Control>& built_controls() const { return controls_; }
    const std::map<int, Keyboard>& built_keyboards() const { return keyboards_; }
    const std::map<std::string, Text>& built_texts() const { return texts_; }
    // Whether control `id` was drawn in the frame just built, on screen or scrolled out.
    bool built_drawn(const std::string& id) const { return drawn_.count(id) > 0; }

private:
    // A panel as recorded: its ImGui window (null for draw-list panels) and layer.
    struct Recorded {
        Panel panel;
        const void* window = nullptr;
        PanelLayer layer = PanelLayer::Behind;
    };
    std::vector<Panel> ordered(const std::vector<Recorded>& recorded) const;

    std::map<std::string, Control> controls_, last_controls_;
    std::map<std::string, Rect> before_last_rects_;
    std::set<std::string> drawn_;                          // this frame: every control drawn
    std::map<std::string, const void*> control_windows_;  // this frame: control -> ImGui window
    std::map<std::string, Text> texts_;                   // this frame: text blocks
    std::map<std::string, const void*> text_windows_;     // this frame: text -> ImGui window
    std::vector<Recorded> panels_;
    std::vector<Panel> last_panels_;
    std::map<int, Keyboard> keyboards_;
    Rect window_{};  // the display, last frame
};

}  // namespace nk::app
