// Phase 1 — Introductie: large pages the team reads together from a distance: the goals,
// the two key concepts with questions to talk about first, and an example. Under the goals,
// the team writes what it wants to get out of the conversation (the board's goal).
// Ids: intro.page.1 .. intro.page.4, intro.goal (a text field, typed on keyboard 0).
#include <imgui.h>

#include "ui_intro.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
const char* kPages[] = {"intro.goals", "intro.partners", "intro.learning", "intro.case"};
}  // namespace

void Intro::draw(const Frame& f, Shell& shell) {
    const float top = 150 * f.k, margin = float(f.width) * 0.12f;
    ImGui::SetNextWindowPos(ImVec2(margin, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(float(f.width) - 2 * margin, float(f.height) - top - 40 * f.k), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40 * f.k, 28 * f.k));
    ImGui::Begin("##intro", nullptr, kFixedPanelFlags);
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        const bool on = i == page_;
        if (on) push_primary_button();
        const std::string id = "intro.page." + std::to_string(i + 1);
        if (ImGui::Button((f.strings.get(std::string(kPages[i]) + ".title") + "##" + id).c_str(), ImVec2(0, 64 * f.k)))
            page_ = i;
        if (on) pop_primary_button();
        shell.layout().control(id, item_rect());
    }
    ImGui::Spacing();
    ImGui::Spacing();
    const std::string page = kPages[page_];
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(f.fonts.title);
    ImGui::TextUnformatted(f.strings.get(page + ".title").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    // Read from two metres: the large font, generous line spacing.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(12 * f.k, 16 * f.k));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushFont(f.fonts.read);
    ImGui::TextUnformatted(f.strings.get(page + ".text").c_str());
    if (f.strings.has(page + ".questions")) {
        ImGui::Spacing();
        ImGui::TextColored(ImColor(colour::kAccent), "%s", f.strings.get(page + ".questions").c_str());
    }
    if (page_ == 0) {
        // The seed's phase 1: "name what you want to get out of the conversation".
        ImGui::Spacing();
        ImGui::TextColored(ImColor(colour::kAccent), "%s", f.strings.get("intro.goal.label").c_str());
        shell.text_field("intro.goal", f.doc.goal, wrap, true,
                         [](const std::string& t) -> Action { return act::SetGoal{t}; },
                         f.strings.get("intro.goal.hint").c_str());
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::PopStyleVar();
    shell.layout().panel("intro", window_rect());
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace nk::app
