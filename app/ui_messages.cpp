// Messages and the waiting line (ui_messages.hpp). Id: message.ok.
#include "ui_messages.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;
}  // namespace

void Messages::draw(const Frame& f, Shell& shell, const char* waiting) {
    if (waiting) {
        // Say what the screen waits for: the rest of a link, or the end of typing.
        ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, 96 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##typing", nullptr, kPanelFlags | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(f.strings.get(waiting).c_str());
        ImGui::End();
    }
    if (!message_) return;
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2 - (message_->modal ? 0 : float(f.height) * 0.3f)),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(float(f.width) * 0.6f, float(f.height) * 0.8f));
    // Brought above every panel once, when it appears; focusing it every frame would take
    // a press away from whatever a finger is holding (the facilitator's corner button).
    // A notice (not modal) is only brought to the front: taking the focus would also end
    // a press on a button that is held while it appears (the redo a person is tapping).
    const bool raise = !message_->raised;
    if (raise && message_->modal) ImGui::SetNextWindowFocus();
    message_->raised = true;
    ImGui::Begin("##message", nullptr, kPanelFlags);
    if (raise && !message_->modal) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::PushTextWrapPos(float(f.width) * 0.55f);
    ImGui::TextUnformatted(message_->text.c_str());
    ImGui::PopTextWrapPos();
    if (message_->modal) {
        ImGui::Spacing();
        if (ImGui::Button(f.strings.get("error.ok").c_str(), ImVec2(0, 64 * f.k))) message_.reset();
        shell.layout().control("message.ok", item_rect());
    }
    shell.layout().panel("message", window_rect());
    ImGui::End();
}

}  // namespace nk::app
