// The on-screen controls of the app: top bar, legend, the button bar, messages.
// Buttons are big (at least 48 px at 1080 high), few, in the team's language, and each
// has a stable id that replay scripts and tests use (docs/replay.md).
#include <imgui.h>

#include "app.hpp"
#include "geometry.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

Rect item_rect() { return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }
Rect window_rect() {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    return {p, ImVec2(p.x + s.x, p.y + s.y)};
}
}  // namespace

std::string App::label_text(const ActionLabel& l) const {
    if (l.verb.empty()) return {};
    return strings_.format("verb." + l.verb, {l.subject});
}

void App::build_ui() {
    // Top bar: the school and the phase, centred, quiet.
    {
        ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, 18 * k_), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##topbar", nullptr, kPanelFlags);
        ImGui::PushFont(fonts_.bold);
        const Document& d = session_->current();
        ImGui::TextUnformatted(d.school.c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, 24 * k_);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("phase." + std::string(phase_id(d.phase))).c_str());
        targets_.panel(window_rect());
        ImGui::End();
    }
    // Legend, bottom-left, drawn with the same code as the snapshot's.
    {
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        const ImVec2 size = draw_legend(dl, fonts_, strings_, ImVec2(0, 0), k_, true);
        const ImVec2 pos(20 * k_, float(height_) - size.y - 20 * k_);
        draw_legend(dl, fonts_, strings_, pos, k_);
        targets_.panel({pos, ImVec2(pos.x + size.x, pos.y + size.y)});
    }
    draw_toolbar();
    draw_note_menu();
    draw_line_menu();
    draw_messages();
    draw_facilitator();
}

void App::draw_toolbar() {
    const float h = 72 * k_;
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 20 * k_, float(height_) - 20 * k_), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::Begin("##toolbar", nullptr, kPanelFlags);
    const History& hist = session_->history();
    auto button = [&](const char* id, const std::string& label, bool enabled, float w = 0) {
        ImGui::BeginDisabled(!enabled);
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(w, h));
        ImGui::EndDisabled();
        targets_.control(id, item_rect());
        return pressed && enabled;
    };
    // The undo button names what it will undo: with ten people at the screen, the last
    // action may be someone else's.
    const std::string undo_what = label_text(hist.undo_label());
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       undo_what.empty() ? strings_.get("undo.nothing").c_str()
                                         : strings_.format("undo.label", {undo_what}).c_str());
    ImGui::PopFont();
    push_primary_button();
    const bool add = button("note.add", strings_.get("button.note_add"), true);
    pop_primary_button();
    if (add) {
        commit_editing();
        const Vec2 slot = geo::free_lane_slot(session_->current());
        start_editing(0, slot, 0, {});
    }
    ImGui::SameLine();
    if (button("undo", "\xE2\x86\xB6  " + strings_.get("button.undo"), hist.can_undo())) {
        commit_editing();
        session_->undo();
    }
    ImGui::SameLine();
    if (button("redo", "\xE2\x86\xB7  " + strings_.get("button.redo"), hist.can_redo())) session_->redo();
    ImGui::SameLine();
    if (button("view.reset", strings_.get("button.view_reset"), !(view_ == fitted_))) view_ = fitted_;
    ImGui::SameLine();
    if (button("snapshot", strings_.get("button.snapshot"), true)) {
        commit_editing();
        snapshot_requested_ = true;
    }
    targets_.panel(window_rect());
    ImGui::End();
}

void App::draw_messages() {
    if (link_from_ || editing_) {
        // Say what the screen waits for: the rest of a link, or the end of typing.
        ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, 96 * k_), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##typing", nullptr, kPanelFlags | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(strings_.get(editing_ ? "note.typing_hint" : "link.hint").c_str());
        ImGui::End();
    }
    if (!message_) return;
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) / 2 - (message_->modal ? 0 : float(height_) * 0.3f)),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(float(width_) * 0.6f, float(height_) * 0.8f));
    ImGui::Begin("##message", nullptr, kPanelFlags);
    ImGui::PushTextWrapPos(float(width_) * 0.55f);
    ImGui::TextUnformatted(message_->text.c_str());
    ImGui::PopTextWrapPos();
    if (message_->modal) {
        ImGui::Spacing();
        if (ImGui::Button(strings_.get("error.ok").c_str(), ImVec2(0, 64 * k_))) message_.reset();
        targets_.control("message.ok", item_rect());
    }
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
