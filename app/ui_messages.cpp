// Messages and the waiting line (ui_messages.hpp). Id: message.ok.
#include "ui_messages.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;
}  // namespace

void Messages::draw(const Frame& f, Shell& shell, const char* waiting) {
    if (waiting) {
        // Say what the screen waits for: the rest of a link, or the end of typing.
        ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, f.stations.top + 96 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##typing", nullptr, kPanelFlags | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(f.strings.get(waiting).c_str());
        ImGui::End();
    }
    if (!message_) return;
    // A question or error in the middle of the screen; a notice in the phase bar's hint
    // line, over the hint and above the map (App::compute_fitted leaves that band free),
    // below the writers' stations along the top (phase 2A, where the phase bar moves too).
    if (message_->modal)
        ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    else
        ImGui::SetNextWindowPos(ImVec2((f.stations.left + f.width - f.stations.right) / 2, f.stations.top + 112 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
    const float room = float(f.width) - f.stations.left - f.stations.right;  // between side stations
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(float(f.width) * (message_->modal ? 0.6f : 0.8f), room * 0.95f),
                                                           float(f.height) * 0.8f));
    // Brought above every panel once, when it appears; focusing it every frame would take
    // a press away from whatever a finger is holding (the facilitator's corner button).
    // A notice (not modal) is only brought to the front: taking the focus would also end
    // a press on a button that is held while it appears (the redo a person is tapping).
    const bool raise = !message_->raised;
    if (raise && message_->modal) ImGui::SetNextWindowFocus();
    message_->raised = true;
    ImGui::Begin("##message", nullptr, kPanelFlags);
    if (raise && !message_->modal) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::PushTextWrapPos(std::min(float(f.width) * (message_->modal ? 0.55f : 0.75f), room * 0.9f));
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
