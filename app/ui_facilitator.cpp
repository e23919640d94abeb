// The facilitator's corner: nothing a participant does leaves the app. Closing, a new
// board and erasing the saved board sit behind a 3-second hold on a small corner control
// (facilitator.hold), then a panel with a confirmation for each.
// Ids: facilitator.hold, facilitator.exit, facilitator.new, facilitator.erase,
// facilitator.close, confirm.yes, confirm.no; facilitator.files opens the other groups'
// maps and this map's saved versions (ui_versions.cpp), facilitator.back returns.
#include <imgui.h>

#include <cmath>

#include "ui_facilitator.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr double kHoldMs = 3000;
}  // namespace

Facilitator::Outcome Facilitator::draw(const Frame& f, Shell& shell, const std::function<void(float width)>& files) {
    Outcome outcome = Outcome::None;
    // The corner control: quiet, top-right, finger-sized; a ring fills while it is held.
    const float size = 56 * f.k;
    ImGui::SetNextWindowPos(ImVec2(float(f.width) - 16 * f.k, 16 * f.k), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4 * f.k, 4 * f.k));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, size);
    ImGui::Begin("##facilitatorhold", nullptr, kAutoPanelFlags);
    ImGui::InvisibleButton("facilitator.hold", ImVec2(size, size));
    const Rect r = item_rect();
    shell.layout().control("facilitator.hold", r);
    const bool held = ImGui::IsItemActive();
    if (held && hold_start_ms_ < 0) hold_start_ms_ = f.now_ms;
    if (!held) hold_start_ms_ = -1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c = r.centre();
    const float rad = size * 0.36f;
    // A power symbol, drawn: the gap arc and its stem.
    dl->PathArcTo(c, rad * 0.62f, float(-M_PI / 2 + 0.6), float(3 * M_PI / 2 - 0.6), 24);
    dl->PathStroke(colour::kInkSoft, 0, 2.5f * f.k);
    dl->AddLine(ImVec2(c.x, c.y - rad * 0.85f), ImVec2(c.x, c.y - rad * 0.2f), colour::kInkSoft, 2.5f * f.k);
    if (hold_start_ms_ >= 0) {
        const double t = std::min(1.0, (f.now_ms - hold_start_ms_) / kHoldMs);
        dl->PathArcTo(c, rad * 1.25f, float(-M_PI / 2), float(-M_PI / 2 + 2 * M_PI * t), 48);
        dl->PathStroke(colour::kAccent, 0, 4 * f.k);
        if (t >= 1.0 && page_ == Page::Closed) {
            page_ = Page::Open;
            shell.commit_editing();
        }
    }
    shell.layout().panel("facilitator.hold", window_rect());
    ImGui::End();
    ImGui::PopStyleVar(2);

    if (page_ == Page::Closed) return outcome;
    // The panel itself: centred, with its own confirmation for each step that cannot be undone.
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##facilitator", nullptr, kAutoPanelFlags);
    const float bw = 520 * f.k, bh = 72 * f.k;
    auto button = [&](const char* id, const std::string& label, bool primary = false) {
        if (primary) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(bw, bh));
        if (primary) pop_primary_button();
        shell.layout().control(id, item_rect());
        return pressed;
    };
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("facilitator.title").c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(bw + ImGui::GetStyle().WindowPadding.x);
    switch (page_) {
        case Page::Open:
            ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("facilitator.saved").c_str());
            ImGui::Spacing();
            if (button("facilitator.close", f.strings.get("facilitator.close"), true)) page_ = Page::Closed;
            if (button("facilitator.files", f.strings.get("facilitator.files"))) page_ = Page::Files;
            if (button("facilitator.new", f.strings.get("facilitator.new"))) page_ = Page::ConfirmNew;
            if (button("facilitator.erase", f.strings.get("facilitator.erase"))) page_ = Page::ConfirmErase;
            if (button("facilitator.exit", f.strings.get("facilitator.exit"))) page_ = Page::ConfirmExit;
            break;
        case Page::ConfirmExit:
        case Page::ConfirmNew:
        case Page::ConfirmErase: {
            const char* key = page_ == Page::ConfirmExit  ? "facilitator.confirm_exit"
                              : page_ == Page::ConfirmNew ? "facilitator.confirm_new"
                                                                        : "facilitator.confirm_erase";
            ImGui::TextUnformatted(f.strings.get(key).c_str());
            ImGui::Spacing();
            if (button("confirm.no", f.strings.get("confirm.no"), true)) page_ = Page::Open;
            if (button("confirm.yes", f.strings.get("confirm.yes"))) {
                outcome = page_ == Page::ConfirmExit    ? Outcome::Exit
                          : page_ == Page::ConfirmErase ? Outcome::EraseBoard
                                                        : Outcome::NewBoard;
                page_ = Page::Closed;
            }
            break;
        }
        case Page::Files:
            files(bw);
            ImGui::Spacing();
            if (page_ == Page::Files && button("facilitator.back", f.strings.get("facilitator.back")))
                page_ = Page::Open;
            break;
        case Page::Closed: break;
    }
    ImGui::PopTextWrapPos();
    shell.layout().panel("facilitator", window_rect());
    ImGui::End();
    return outcome;
}

}  // namespace nk::app
