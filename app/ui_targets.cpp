#include "ui_targets.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace nk::app {

namespace {
// The panel (top-level ImGui window) being built, or null outside any of ours (ImGui's
// implicit one). A child region, a table or a popup's content counts as its root window.
const void* current_window() {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !g->CurrentWindow || g->CurrentWindow->IsFallbackWindow) return nullptr;
    return g->CurrentWindow->RootWindow ? g->CurrentWindow->RootWindow : g->CurrentWindow;
}

bool same(const Rect& a, const Rect& b) {
    return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}
}  // namespace

void UiTargets::begin_frame() {
    before_last_rects_.clear();
    for (const auto& [id, c] : last_controls_) before_last_rects_[id] = c.rect;
    last_controls_ = built_controls();
    last_panels_ = built_panels();
    const ImGuiContext* g = ImGui::GetCurrentContext();
    window_ = g ? Rect{ImVec2(0, 0), g->IO.DisplaySize} : Rect{};
    controls_.clear();
    drawn_.clear();
    control_windows_.clear();
    texts_.clear();
    text_windows_.clear();
    panels_.clear();
    keyboards_.clear();
}

void UiTargets::control(const std::string& id, Rect r) {
    // A control scrolled out of its panel's view is not on screen: no target, not listed.
    const ImGuiContext* g = ImGui::GetCurrentContext();
    drawn_.insert(id);
    if (const void* w = current_window()) {
        const ImVec2 c = r.centre();
        if (!g->CurrentWindow->ClipRect.Contains(c)) return;
        control_windows_[id] = w;
    }
    controls_[id] = {r, {}};
}

void UiTargets::control(const std::string& id, Rect r, const std::string& panel) {
    drawn_.insert(id);
    controls_[id] = {r, panel};
}

void UiTargets::text(const std::string& key, Rect r, float px) {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    const void* w = current_window();
    if (!w) return;
    // Whole or not at all: half a pixel of rounding is allowed at each edge.
    const ImRect clip = g->CurrentWindow->ClipRect;
    if (r.min.x < clip.Min.x - 0.5f || r.min.y < clip.Min.y - 0.5f || r.max.x > clip.Max.x + 0.5f ||
        r.max.y > clip.Max.y + 0.5f)
        return;
    texts_[key] = {r, px, {}};
    text_windows_[key] = w;
}

void UiTargets::panel(const std::string& id, Rect r) {
    const void* w = current_window();
    panels_.push_back({{id, r}, w, PanelLayer::Behind});
    // Controls and texts recorded in this window before it named itself.
    if (w) {
        for (const auto& [cid, cw] : control_windows_)
            if (cw == w && controls_[cid].panel.empty()) controls_[cid].panel = id;
        for (const auto& [key, tw] : text_windows_)
            if (tw == w && texts_[key].panel.empty()) texts_[key].panel = id;
    }
}

void UiTargets::panel(const std::string& id, Rect r, PanelLayer layer) {
    panels_.push_back({{id, r}, nullptr, layer});
}

std::vector<UiTargets::Panel> UiTargets::ordered(const std::vector<Recorded>& recorded) const {
    // Back to front: draw-list panels behind the windows, the windows as ImGui orders them
    // (ImGuiContext::Windows is in display order), then draw-list panels in front.
    const ImGuiContext* g = ImGui::GetCurrentContext();
    auto rank = [&](const Recorded& r) -> int {
        if (!r.window) return r.layer == PanelLayer::Behind ? -1 : 1 << 30;
        if (g)
            for (int i = 0; i < g->Windows.Size; ++i)
                if (g->Windows[i] == r.window) return i;
        return 0;
    };
    std::vector<std::pair<int, size_t>> keys;
    for (size_t i = 0; i < recorded.size(); ++i) keys.emplace_back(rank(recorded[i]), i);
    std::stable_sort(keys.begin(), keys.end(), [](auto a, auto b) { return a.first < b.first; });
    std::vector<Panel> out;
    for (const auto& k : keys) out.push_back(recorded[k.second].panel);
    return out;
}

std::vector<UiTargets::Panel> UiTargets::built_panels() const { return ordered(panels_); }

const Rect* UiTargets::find(const std::string& id) const {
    auto it = last_controls_.find(id);
    if (it == last_controls_.end()) return nullptr;
    const Control& c = it->second;
    const ImVec2 m = c.rect.centre();
    if (window_.max.x > 0 && !window_.contains(m)) return nullptr;  // outside the window
    // Covered: under a panel drawn after its own (a control on no panel: under any panel),
    // or scrolled out of its own panel.
    bool after_own = c.panel.empty();
    for (const Panel& p : last_panels_) {
        if (after_own && p.rect.contains(m)) return nullptr;
        if (p.id == c.panel) {
            if (!p.rect.contains(m)) return nullptr;
            after_own = true;
        }
    }
    return &c.rect;
}

bool UiTargets::settled(const std::string& id) const {
    auto a = last_controls_.find(id);
    auto b = before_last_rects_.find(id);
    return a != last_controls_.end() && b != before_last_rects_.end() && same(a->second.rect, b->second);
}

}  // namespace nk::app
