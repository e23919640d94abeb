// Phase 1 — Introductie: large pages the team reads together from a distance: the goals,
// the two key concepts with questions to talk about first, and an example.
// Ids: intro.page.1 .. intro.page.4.
#include <imgui.h>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
const char* kPages[] = {"intro.goals", "intro.partners", "intro.learning", "intro.case"};
}  // namespace

void App::draw_intro() {
    const float top = 150 * k_, margin = float(width_) * 0.12f;
    ImGui::SetNextWindowPos(ImVec2(margin, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(float(width_) - 2 * margin, float(height_) - top - 40 * k_), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40 * k_, 28 * k_));
    ImGui::Begin("##intro", nullptr, kFixedPanelFlags);
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        const bool on = i == intro_page_;
        if (on) push_primary_button();
        const std::string id = "intro.page." + std::to_string(i + 1);
        if (ImGui::Button((strings_.get(std::string(kPages[i]) + ".title") + "##" + id).c_str(), ImVec2(0, 64 * k_)))
            intro_page_ = i;
        if (on) pop_primary_button();
        targets_.control(id, item_rect());
    }
    ImGui::Spacing();
    ImGui::Spacing();
    const std::string page = kPages[intro_page_];
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(fonts_.title);
    ImGui::TextUnformatted(strings_.get(page + ".title").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    // Read from two metres: the large font, generous line spacing.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12 * k_, 16 * k_));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushFont(fonts_.read);
    ImGui::TextUnformatted(strings_.get(page + ".text").c_str());
    if (strings_.has(page + ".questions")) {
        ImGui::Spacing();
        ImGui::TextColored(ImColor(colour::kAccent), "%s", strings_.get(page + ".questions").c_str());
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::PopStyleVar();
    targets_.panel(window_rect());
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace nk::app
