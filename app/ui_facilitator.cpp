// The facilitator's corner: nothing a participant does leaves the app. Closing, a new
// board and erasing the saved board sit behind a 3-second hold on a small corner control
// (facilitator.hold), then a panel with a confirmation for each.
// Ids: facilitator.hold, facilitator.exit, facilitator.new, facilitator.erase,
// facilitator.close, confirm.yes, confirm.no; facilitator.files opens the other groups'
// maps and this map's saved versions (ui_versions.cpp), facilitator.back returns.
#include <imgui.h>

#include <cmath>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr double kHoldMs = 3000;
}  // namespace

void App::draw_facilitator() {
    // The corner control: quiet, top-right, finger-sized; a ring fills while it is held.
    const float size = 56 * k_;
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 16 * k_, 16 * k_), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4 * k_, 4 * k_));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, size);
    ImGui::Begin("##facilitatorhold", nullptr, kAutoPanelFlags);
    ImGui::InvisibleButton("facilitator.hold", ImVec2(size, size));
    const Rect r = item_rect();
    targets_.control("facilitator.hold", r);
    const bool held = ImGui::IsItemActive();
    if (held && hold_start_ms_ < 0) hold_start_ms_ = clock_ms_;
    if (!held) hold_start_ms_ = -1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c = r.centre();
    const float rad = size * 0.36f;
    // A power symbol, drawn: the gap arc and its stem.
    dl->PathArcTo(c, rad * 0.62f, float(-M_PI / 2 + 0.6), float(3 * M_PI / 2 - 0.6), 24);
    dl->PathStroke(colour::kInkSoft, 0, 2.5f * k_);
    dl->AddLine(ImVec2(c.x, c.y - rad * 0.85f), ImVec2(c.x, c.y - rad * 0.2f), colour::kInkSoft, 2.5f * k_);
    if (hold_start_ms_ >= 0) {
        const double t = std::min(1.0, (clock_ms_ - hold_start_ms_) / kHoldMs);
        dl->PathArcTo(c, rad * 1.25f, float(-M_PI / 2), float(-M_PI / 2 + 2 * M_PI * t), 48);
        dl->PathStroke(colour::kAccent, 0, 4 * k_);
        if (t >= 1.0 && facilitator_ == Facilitator::Closed) {
            facilitator_ = Facilitator::Open;
            commit_editing();
        }
    }
    targets_.panel(window_rect());
    ImGui::End();
    ImGui::PopStyleVar(2);

    if (facilitator_ == Facilitator::Closed) return;
    // The panel itself: centred, with its own confirmation for each step that cannot be undone.
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##facilitator", nullptr, kAutoPanelFlags);
    const float bw = 520 * k_, bh = 72 * k_;
    auto button = [&](const char* id, const std::string& label, bool primary = false) {
        if (primary) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(bw, bh));
        if (primary) pop_primary_button();
        targets_.control(id, item_rect());
        return pressed;
    };
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("facilitator.title").c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(bw + ImGui::GetStyle().WindowPadding.x);
    switch (facilitator_) {
        case Facilitator::Open:
            ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("facilitator.saved").c_str());
            ImGui::Spacing();
            if (button("facilitator.close", strings_.get("facilitator.close"), true)) facilitator_ = Facilitator::Closed;
            if (button("facilitator.files", strings_.get("facilitator.files"))) facilitator_ = Facilitator::Files;
            if (button("facilitator.new", strings_.get("facilitator.new"))) facilitator_ = Facilitator::ConfirmNew;
            if (button("facilitator.erase", strings_.get("facilitator.erase"))) facilitator_ = Facilitator::ConfirmErase;
            if (button("facilitator.exit", strings_.get("facilitator.exit"))) facilitator_ = Facilitator::ConfirmExit;
            break;
        case Facilitator::ConfirmExit:
        case Facilitator::ConfirmNew:
        case Facilitator::ConfirmErase: {
            const char* key = facilitator_ == Facilitator::ConfirmExit  ? "facilitator.confirm_exit"
                              : facilitator_ == Facilitator::ConfirmNew ? "facilitator.confirm_new"
                                                                        : "facilitator.confirm_erase";
            ImGui::TextUnformatted(strings_.get(key).c_str());
            ImGui::Spacing();
            if (button("confirm.no", strings_.get("confirm.no"), true)) facilitator_ = Facilitator::Open;
            if (button("confirm.yes", strings_.get("confirm.yes"))) {
                if (facilitator_ == Facilitator::ConfirmExit) quit_ = true;
                else start_new_board(facilitator_ == Facilitator::ConfirmErase);
                facilitator_ = Facilitator::Closed;
            }
            break;
        }
        case Facilitator::Files:
            draw_merge_list("merge.file.", bw);
            ImGui::Spacing();
            draw_versions_list(bw, 3);
            ImGui::Spacing();
            if (facilitator_ == Facilitator::Files && button("facilitator.back", strings_.get("facilitator.back")))
                facilitator_ = Facilitator::Open;
            break;
        case Facilitator::Closed: break;
    }
    ImGui::PopTextWrapPos();
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
