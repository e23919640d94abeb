// Phase 2C — "Who chooses what?": the roles × partners chart, large enough for the room.
// A panel of its own right of the map (the map refits clear of it, App::compute_fitted),
// never over the marks it describes. Top: the roles, each a button that lights up its
// choices on the map (`patterns.role.<role>`), with its pen colour and how many priorities
// it drew. Below: one row per chosen partner, most chosen first — its name, a bar of
// role-coloured blocks (one block per role, as wide as that role's count, the count in it)
// and the total. With many partners the explanations make way for the rows.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "patterns.hpp"
#include "priority_marks.hpp"
#include "text_fit.hpp"
#include "theme.hpp"
#include "ui_pens.hpp"

namespace nk::app {

void Pens::draw_patterns(const Frame& f, Shell& shell, float bottom) {
    const Document& d = f.doc;
    const float k = f.k, pad = 22 * k;
    const float w = std::min(620 * k, f.width * 0.34f), inner = w - 2 * pad;
    const float top = 166 * k;  // below the phase bar and its hint line (App::compute_fitted)
    const PatternsTable t = patterns(d);
    ImGui::SetNextWindowPos(ImVec2(f.width - 20 * k, top), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, std::max(200 * k, bottom - top)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::Begin("##patterns", nullptr, kAutoPanelFlags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float title_px = Fonts::kTitle * k * 0.8f, text_px = 22 * k, name_px = 24 * k;

    auto text = [&](ImFont* font, float px, ImU32 col, const std::string& s) {
        ImGui::PushFont(font);
        ImGui::SetWindowFontScale(px / (font->FontSize));
        ImGui::PushStyleColor(ImGuiCol_Text, ImColor(col).Value);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        ImGui::TextUnformatted(s.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::SetWindowFontScale(1);
        ImGui::PopFont();
    };
    const bool crowded = t.partners.size() >= chart_crowded_at_;
    text(f.fonts.title, title_px, colour::kInk, f.strings.get("patterns.title"));
    if (!crowded) text(f.fonts.ui, text_px, colour::kInkSoft, f.strings.get("patterns.hint"));
    ImGui::Dummy(ImVec2(0, 6 * k));

    if (t.partners.empty()) {
        text(f.fonts.ui, name_px, colour::kInk, f.strings.get("patterns.empty"));
    } else {
        // The roles that chose: buttons that light up their choices on the map.
        if (!crowded) text(f.fonts.ui, text_px, colour::kInkSoft, f.strings.get("patterns.roles"));
        // Chips side by side, as many as fit a line, so that the partners below keep their room.
        const float row = (crowded ? 40 : 46) * k, sw = 28 * k, gap = 10 * k;
        float used = 0;
        for (int role = 0; role < kRoleCount; ++role) {
            const int n = t.role_totals[size_t(role)];
            if (n == 0) continue;
            const std::string rid(role_id(Role(role)));
            const ImU32 col = role_colour(Role(role));
            const std::string name = f.strings.get("role." + rid);
            const std::string count = std::to_string(n);
            const float cw = f.fonts.bold->CalcTextSizeA(name_px, 1e9f, 0, count.c_str()).x;
            const float cell = std::min(inner, 8 * k + sw + 10 * k + f.fonts.ui->CalcTextSizeA(text_px, 1e9f, 0, name.c_str()).x +
                                                   16 * k + cw + 12 * k);
            if (used > 0 && used + gap + cell <= inner) ImGui::SameLine(0, gap), used += gap + cell;
            else used = cell;
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ImGui::PushID(role);
            if (ImGui::InvisibleButton(("patterns.role." + rid).c_str(), ImVec2(cell, row)))
                highlight_role_ = highlight_role_ == role ? -1 : role;
            ImGui::PopID();
            shell.layout().control("patterns.role." + rid, item_rect());
            const ImVec2 b(a.x + cell, a.y + row);
            const bool on = highlight_role_ == role;
            dl->AddRectFilled(a, b, on ? IM_COL32(236, 242, 248, 255) : IM_COL32(248, 246, 242, 255), 10 * k);
            dl->AddRect(a, b, on ? col : colour::kPanelEdge, 10 * k, 0, on ? 4 * k : 1.5f * k);
            const ImVec2 s0(a.x + 8 * k, a.y + (row - sw) / 2);
            dl->AddRectFilled(s0, ImVec2(s0.x + sw, s0.y + sw), col, 8 * k);
            dl->AddText(f.fonts.ui, text_px, ImVec2(s0.x + sw + 10 * k, a.y + (row - text_px) / 2), colour::kInk, name.c_str());
            dl->AddText(f.fonts.bold, name_px, ImVec2(b.x - 12 * k - cw, a.y + (row - name_px) / 2), colour::kInk, count.c_str());
        }
        ImGui::Dummy(ImVec2(0, 8 * k));
        if (!crowded) text(f.fonts.ui, text_px, colour::kInkSoft, f.strings.get("patterns.partners"));

        // One row per chosen partner: name | bar of role blocks | total.
        int most = 1;
        for (int n : t.totals) most = std::max(most, n);
        const float name_w = inner * (crowded ? 0.56f : 0.46f), total_w = 40 * k, bar_x = name_w + 12 * k;
        const float unit = std::min(64 * k, (inner - bar_x - total_w - 8 * k) / float(most));
        const float bar_h = (crowded ? 34 : 40) * k;
        for (size_t i = 0; i < t.partners.size(); ++i) {
            const Partner* p = d.partner(t.partners[i]);
            // The name on one line, or two when it is long; at least 20 px at 1080p.
            const FittedText fit = fit_text(f.fonts.ui, p ? p->text : std::string("?"), name_w, 2.3f * name_px, name_px, 20 * k);
            const float row_h = std::max(bar_h, fit.line_height * float(fit.lines.size())) + (crowded ? 6 : 12) * k;
            const ImVec2 a = ImGui::GetCursorScreenPos();
            ImGui::Dummy(ImVec2(inner, row_h));
            if (i > 0) dl->AddLine(ImVec2(a.x, a.y), ImVec2(a.x + inner, a.y), colour::kPanelEdge, 1.5f * k);
            draw_fitted(dl, f.fonts.ui, fit,
                        ImVec2(a.x + name_w / 2, a.y + row_h / 2), colour::kInk);
            float x = a.x + bar_x;
            const float y0 = a.y + (row_h - bar_h) / 2;
            for (int role = 0; role < kRoleCount; ++role) {
                const int n = t.counts[size_t(role)][i];
                if (n == 0) continue;
                ImU32 col = role_colour(Role(role));
                if (highlight_role_ >= 0 && highlight_role_ != role) col = (col & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 70);
                const ImVec2 b0(x, y0), b1(x + unit * float(n) - 3 * k, y0 + bar_h);
                dl->AddRectFilled(b0, b1, col, 6 * k);
                const std::string c = std::to_string(n);
                const ImVec2 ts = f.fonts.bold->CalcTextSizeA(name_px, 1e9f, 0, c.c_str());
                dl->AddText(f.fonts.bold, name_px, ImVec2((b0.x + b1.x - ts.x) / 2, (b0.y + b1.y - ts.y) / 2),
                            highlight_role_ >= 0 && highlight_role_ != role ? colour::kInk : mark_text_colour(col), c.c_str());
                x += unit * float(n);
            }
            const std::string total = std::to_string(t.totals[i]);
            const ImVec2 ts = f.fonts.bold->CalcTextSizeA(name_px * 1.1f, 1e9f, 0, total.c_str());
            dl->AddText(f.fonts.bold, name_px * 1.1f, ImVec2(a.x + inner - ts.x, a.y + (row_h - ts.y) / 2), colour::kInk,
                        total.c_str());
        }
    }
    // Ran out of height (the panel is capped above the tray): lighter from the next frame on.
    if (!crowded && ImGui::GetCursorPosY() + pad > ImGui::GetWindowSize().y + 1) chart_crowded_at_ = t.partners.size();
    shell.layout().panel("patterns", window_rect());
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace nk::app
