#include "theme.hpp"

#include <array>
#include <cmath>

namespace nk::app {
namespace {
ImU32 packed(palette::Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }
}  // namespace

ImU32 category_fill(Category c) { return packed(palette::kKindFill[static_cast<size_t>(c)]); }
ImU32 category_mark(Category c) { return packed(palette::kKindMark[static_cast<size_t>(c)]); }
ImU32 role_colour(Role r) { return packed(palette::kRolePen[static_cast<size_t>(r)]); }

void draw_category_icon(ImDrawList* dl, Category cat, ImVec2 c, float r, ImU32 col) {
    auto poly = [&](int n, float rot, float rad) {
        ImVec2 pts[8];
        for (int i = 0; i < n; ++i) {
            const float a = rot + 2.0f * float(M_PI) * float(i) / float(n);
            pts[i] = ImVec2(c.x + rad * std::cos(a), c.y + rad * std::sin(a));
        }
        dl->AddConvexPolyFilled(pts, n, col);
    };
    switch (cat) {
        case Category::Zorg: dl->AddCircleFilled(c, r * 0.85f, col, 20); break;
        case Category::Professionalisering: poly(3, -float(M_PI) / 2, r); break;
        case Category::Aanbod: dl->AddRectFilled({c.x - r * 0.75f, c.y - r * 0.75f}, {c.x + r * 0.75f, c.y + r * 0.75f}, col); break;
        case Category::Stages: poly(4, 0, r); break;
        case Category::Projecten: {
            ImVec2 pts[10];
            for (int i = 0; i < 10; ++i) {
                const float a = -float(M_PI) / 2 + float(M_PI) * float(i) / 5.0f;
                const float rad = (i % 2 == 0) ? r : r * 0.45f;
                pts[i] = ImVec2(c.x + rad * std::cos(a), c.y + rad * std::sin(a));
            }
            // A star is not convex: fill it as five triangles around the centre.
            for (int i = 0; i < 10; ++i) dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % 10], col);
            break;
        }
        case Category::Beleid: poly(6, 0, r * 0.9f); break;
        case Category::Andere: {
            const float t = r * 0.32f;
            dl->AddRectFilled({c.x - r, c.y - t}, {c.x + r, c.y + t}, col);
            dl->AddRectFilled({c.x - t, c.y - r}, {c.x + t, c.y + r}, col);
            break;
        }
        case Category::Ongesorteerd: {
            // A question mark's ring: an open circle with a dot, "which kind?".
            dl->AddCircle({c.x, c.y - r * 0.2f}, r * 0.62f, col, 20, r * 0.28f);
            dl->AddCircleFilled({c.x, c.y + r * 0.85f}, r * 0.2f, col, 12);
            break;
        }
    }
}

void push_primary_button() {
    ImGui::PushStyleColor(ImGuiCol_Button, ImColor(colour::kAccent).Value);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImColor(IM_COL32(44, 80, 100, 255)).Value);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImColor(IM_COL32(20, 40, 52, 255)).Value);
    ImGui::PushStyleColor(ImGuiCol_Text, ImColor(IM_COL32(255, 255, 255, 255)).Value);
}
void pop_primary_button() { ImGui::PopStyleColor(4); }

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 18;
    style.FrameRounding = 14;
    style.PopupRounding = 14;
    style.GrabRounding = 10;
    style.WindowBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(18, 12);
    style.ItemSpacing = ImVec2(12, 10);
    style.TouchExtraPadding = ImVec2(4, 4);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImColor(colour::kPanel);
    c[ImGuiCol_PopupBg] = ImColor(colour::kPanel);
    c[ImGuiCol_Border] = ImColor(colour::kPanelEdge);
    c[ImGuiCol_Text] = ImColor(colour::kInk);
    c[ImGuiCol_TextDisabled] = ImColor(IM_COL32(160, 160, 156, 255));
    c[ImGuiCol_Button] = ImColor(IM_COL32(243, 239, 231, 255));
    c[ImGuiCol_ButtonHovered] = ImColor(IM_COL32(234, 228, 216, 255));
    c[ImGuiCol_ButtonActive] = ImColor(IM_COL32(214, 224, 230, 255));
    c[ImGuiCol_FrameBg] = ImColor(IM_COL32(246, 243, 236, 255));
    c[ImGuiCol_ModalWindowDimBg] = ImColor(IM_COL32(40, 40, 40, 90));
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace nk::app
