#include "ui_opening.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "theme.hpp"

namespace nk::app {

void draw_spinner(ImVec2 centre, float r, float thickness, double ms) {
    constexpr float kTurn = 6.2831853f;
    const float a = float(std::fmod(ms / 1200.0, 1.0)) * kTurn;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(centre, r, IM_COL32(222, 214, 200, 255), 32, thickness);
    dl->PathArcTo(centre, r, a, a + kTurn * 0.3f, 16);
    dl->PathStroke(colour::kAccent, 0, thickness);
}

void draw_opening(const Frame& f, Shell& shell, const std::string& name, bool merging) {
    // Where a person looks after choosing a file: the middle of the screen, under the
    // phase bar; large enough to read from two metres.
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40 * f.k, 30 * f.k));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 4 * f.k);
    ImGui::PushStyleColor(ImGuiCol_Border, ImColor(colour::kAccent).Value);
    ImGui::Begin("##opening", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing);
    const std::string title = f.strings.format(merging ? "open.busy_merge" : "open.busy_title", {name});
    const std::string& hint = f.strings.get("open.busy_hint");
    const float r = 30 * f.k, pad = 32 * f.k;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(f.fonts.bold);
    const ImVec2 title_size = ImGui::CalcTextSize(title.c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.small);
    const ImVec2 hint_size = ImGui::CalcTextSize(hint.c_str());
    ImGui::PopFont();
    const float text_x = at.x + 2 * r + pad;
    const float h = std::max(2 * r, title_size.y + 6 * f.k + hint_size.y);
    draw_spinner(ImVec2(at.x + r, at.y + h / 2), r, 6 * f.k, f.now_ms);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float ty = at.y + (h - title_size.y - 6 * f.k - hint_size.y) / 2;
    dl->AddText(f.fonts.bold, f.fonts.bold->FontSize, ImVec2(text_x, ty), colour::kInk, title.c_str());
    dl->AddText(f.fonts.small, f.fonts.small->FontSize, ImVec2(text_x, ty + title_size.y + 6 * f.k), colour::kInkSoft,
                hint.c_str());
    ImGui::Dummy(ImVec2(2 * r + pad + std::max(title_size.x, hint_size.x), h));
    shell.layout().control("opening", item_rect());  // not a panel: fingers pass through to the board
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace nk::app
