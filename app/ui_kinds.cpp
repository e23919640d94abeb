// The legend as a brush, and tidying (ui_kinds.hpp). Each kind is a finger-sized row with
// its colour, icon and name; the picked one is framed and named in the line below, so a
// teacher two metres away sees which kind the next taps give.
#include "ui_kinds.hpp"

#include <imgui.h>

#include <string>

#include "theme.hpp"

namespace nk::app {

void KindsPanel::draw(const Frame& f, Shell& shell) {
    if (f.doc.phase != phase_) brush_.reset(), phase_ = f.doc.phase;
    const float k = f.k, row = 50 * k, sw = 38 * k, pad = 14 * k;
    const float fs = Fonts::kSmall * k;
    // As wide as the longest name (or the tidy buttons), never narrower than 360 px at 1080.
    float names = 0;
    for (int i = 0; i < kCategoryCount; ++i)
        names = std::max(names, f.fonts.small->CalcTextSizeA(fs, 1e9f, 0,
                                                             f.strings.get("category." + std::string(category_id(Category(i)))).c_str()).x);
    const float width = std::max(360 * k, sw + 3 * pad + names);
    ImGui::SetNextWindowPos(ImVec2(20 * k, f.height - 20 * k), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, f.height));
    ImGui::Begin("##legend", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("legend.title").c_str());
    ImGui::PopFont();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float inner = ImGui::GetContentRegionAvail().x;
    std::optional<Category> picked;
    for (int i = 0; i < kCategoryCount; ++i) {
        const Category c = Category(i);
        const std::string cid(category_id(c));
        const std::string& name = f.strings.get("category." + cid);
        ImGui::PushID(i);
        const bool brushable = is_sorted(c);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = brushable ? row : row * 0.8f;
        bool pressed = false;
        if (brushable) {
            pressed = ImGui::InvisibleButton(("brush." + cid).c_str(), ImVec2(inner, h));
            shell.layout().control("brush." + cid, item_rect());
        } else {
            ImGui::Dummy(ImVec2(inner, h));
        }
        const bool on = brush_ == c;
        if (on) dl->AddRectFilled(at, ImVec2(at.x + inner, at.y + h), IM_COL32(30, 58, 74, 30), 10 * k);
        if (on) dl->AddRect(at, ImVec2(at.x + inner, at.y + h), colour::kInk, 10 * k, 0, 3.5f * k);
        else if (brushable && ImGui::IsItemHovered()) dl->AddRect(at, ImVec2(at.x + inner, at.y + h), colour::kInkSoft, 10 * k, 0, 1.5f * k);
        const ImVec2 a(at.x + 8 * k, at.y + (h - sw * 0.72f) / 2), b(a.x + sw, a.y + sw * 0.72f);
        dl->AddRectFilled(a, b, category_fill(c), 5 * k);
        dl->AddRect(a, b, category_mark(c), 5 * k, 0, 1.5f * k);
        draw_category_icon(dl, c, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 8 * k, category_mark(c));
        dl->AddText(on ? f.fonts.bold : f.fonts.small, fs, ImVec2(b.x + 12 * k, at.y + (h - fs) / 2), colour::kInk, name.c_str());
        ImGui::PopID();
        if (pressed) picked = c;
    }
    // What the brush does now, and how to stop.
    ImGui::PushFont(f.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (brush_) {
        ImGui::TextColored(ImColor(colour::kAccent), "%s",
                           f.strings.format("brush.on", {f.strings.get("category." + std::string(category_id(*brush_)))}).c_str());
    } else {
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("brush.hint").c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const float bw = (inner - ImGui::GetStyle().ItemSpacing.x) / 2, bh = 60 * k;
    ImGui::PushFont(f.fonts.small);
    bool off = false;
    if (brush_) {
        push_primary_button();
        off = ImGui::Button((f.strings.get("brush.off") + "##brush.off").c_str(), ImVec2(inner, bh));
        pop_primary_button();
        shell.layout().control("brush.off", item_rect());
    }
    const bool tidy = ImGui::Button((f.strings.get("button.tidy") + "##map.tidy").c_str(), ImVec2(bw, bh));
    shell.layout().control("map.tidy", item_rect());
    ImGui::SameLine();
    const bool tidy_kinds = ImGui::Button((f.strings.get("button.tidy_kinds") + "##map.tidy.kinds").c_str(), ImVec2(bw, bh));
    shell.layout().control("map.tidy.kinds", item_rect());
    ImGui::PopFont();
    shell.layout().panel("legend", window_rect());
    ImGui::End();

    // Picking the kind that is on puts the brush away, like a second tap on a pen.
    if (picked) brush_ = brush_ == picked ? std::nullopt : picked;
    if (off) brush_.reset();
    if (tidy) shell.dispatch(act::TidyMap{false});
    if (tidy_kinds) shell.dispatch(act::TidyMap{true});
}

}  // namespace nk::app
