// The legend as a brush, and tidying (ui_kinds.hpp). The legend keeps the place and size
// it has in every phase (the map is fitted around it); its named kinds become buttons, the
// picked one framed. The tidy buttons, the brush's state and its "done" button stand in a
// strip above the legend, in the bottom-left corner the round map leaves free.
#include "ui_kinds.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "board_renderer.hpp"
#include "theme.hpp"

namespace nk::app {

void KindsPanel::draw(const Frame& f, Shell& shell) {
    if (f.doc.phase != phase_) brush_.reset(), phase_ = f.doc.phase;
    const float k = f.k;
    std::optional<Category> picked;

    // ---- the legend, with a button on each named kind ---------------------------------
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const ImVec2 size = draw_legend(bg, f.fonts, f.strings, ImVec2(0, 0), k, true);
    const ImVec2 pos(20 * k + f.stations.left, f.height - f.stations.bottom - size.y - 20 * k);  // above keyboard 0's strip
    draw_legend(bg, f.fonts, f.strings, pos, k);
    // The rows as draw_legend lays them out (board_renderer.cpp).
    const float pad = 16 * k, row = kLegendRow * k, hs = Fonts::kBold * k * 0.8f;
    const float first = pos.y + pad + hs + 8 * k;
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##legend", nullptr, kFixedPanelFlags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar |
                                          ImGuiWindowFlags_NoFocusOnAppearing);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < kKindCount; ++i) {  // "not sorted yet" is no brush
        const Category c = Category(i);
        const std::string id = "brush." + std::string(category_id(c));
        const ImVec2 a(pos.x + pad * 0.5f, first + row * float(i)), b(pos.x + size.x - pad * 0.5f, a.y + row);
        ImGui::SetCursorScreenPos(a);
        if (ImGui::InvisibleButton(id.c_str(), ImVec2(b.x - a.x, b.y - a.y))) picked = c;
        shell.layout().control(id, item_rect());
        if (brush_ == c) dl->AddRect(a, b, colour::kInk, 8 * k, 0, 3.5f * k);
        else if (ImGui::IsItemHovered()) dl->AddRect(a, b, colour::kInkSoft, 8 * k, 0, 1.5f * k);
    }
    shell.layout().panel("legend", window_rect());
    ImGui::End();
    ImGui::PopStyleVar(2);

    // ---- above the legend: what the brush does, done, tidy -----------------------------
    // In the bottom-left corner, which the round map leaves free, as wide as the legend.
    const float strip_w = std::max(size.x, 420 * k);
    ImGui::SetNextWindowPos(ImVec2(pos.x, pos.y - 12 * k), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::Begin("##sorting", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushFont(f.fonts.small);
    const std::string state = brush_ ? f.strings.format("brush.on", {f.strings.get("category." + std::string(category_id(*brush_)))})
                                     : f.strings.get("brush.hint");
    const float bw = strip_w - 2 * ImGui::GetStyle().WindowPadding.x;  // the content's width
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + bw);
    ImGui::TextColored(ImColor(brush_ ? colour::kAccent : colour::kInkSoft), "%s", state.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const float h = 72 * k;
    bool off = false;
    if (brush_) {
        push_primary_button();
        off = ImGui::Button((f.strings.get("brush.off") + "##brush.off").c_str(), ImVec2(bw, h));
        pop_primary_button();
        shell.layout().control("brush.off", item_rect());
    }
    // The two tidy buttons side by side, the narrower one first: each label stays whole.
    const float tw = ImGui::CalcTextSize(f.strings.get("button.tidy").c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float w1 = std::min(tw, bw * 0.45f), w2 = bw - w1 - ImGui::GetStyle().ItemSpacing.x;
    const bool tidy = ImGui::Button((f.strings.get("button.tidy") + "##map.tidy").c_str(), ImVec2(w1, h));
    shell.layout().control("map.tidy", item_rect());
    ImGui::SameLine();
    const bool tidy_kinds = ImGui::Button((f.strings.get("button.tidy_kinds") + "##map.tidy.kinds").c_str(), ImVec2(w2, h));
    shell.layout().control("map.tidy.kinds", item_rect());
    shell.layout().panel("sorting", window_rect());
    ImGui::End();

    // Picking the kind that is on puts the brush away, like laying down a pen.
    if (picked) brush_ = brush_ == picked ? std::nullopt : picked;
    if (off) brush_.reset();
    if (tidy) shell.dispatch(act::TidyMap{false});
    if (tidy_kinds) shell.dispatch(act::TidyMap{true});
}

}  // namespace nk::app
