// The tools around the map (ui_board_tools.hpp). Buttons are big (at least 48 px at 1080
// high), few, in the team's language, and each has a stable id that replay scripts and
// tests use (docs/replay.md).
#include "ui_board_tools.hpp"

#include <imgui.h>

#include "board_renderer.hpp"
#include "geometry.hpp"
#include "theme.hpp"
#include "ui_flow.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;
}  // namespace

BoardTools::Choice BoardTools::draw_toolbar(const Frame& f, Shell& shell, bool editable, bool view_moved, bool photo_busy) {
    Choice choice;
    const float h = 72 * f.k;
    // Bottom right. With writers' stations open (2A): in the free corner of a table, its
    // buttons wrapped to fit; on a wall above the stations.
    const bool corner = f.stations.any() && f.stations.corner_w > 0;
    const float margin = (corner ? 12 : 20) * f.k;
    const ImVec2 at = corner ? ImVec2(f.width - margin, f.height - margin)
                             : ImVec2(f.width - f.stations.right - margin, f.height - f.stations.bottom - margin);
    ImGui::SetNextWindowPos(at, ImGuiCond_Always, ImVec2(1, 1));
    ImGui::Begin("##toolbar", nullptr, kPanelFlags);
    const float max_w = corner ? f.stations.corner_w - margin - 2 * ImGui::GetStyle().WindowPadding.x : 0;
    Flow row(max_w);
    const History& hist = f.history;
    auto button = [&](const char* id, const std::string& label, bool enabled, float w = 0) {
        row.next(Flow::button_width(label, w));
        ImGui::BeginDisabled(!enabled);
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(w, h));
        ImGui::EndDisabled();
        shell.layout().control(id, item_rect());
        return pressed && enabled;
    };
    // The undo button names what it will undo: with ten people at the screen, the last
    // action may be someone else's.
    const ActionLabel undo_label = hist.undo_label();
    const std::string undo_what = undo_label.verb.empty() ? std::string() : f.strings.format("verb." + undo_label.verb, {undo_label.subject});
    ImGui::PushFont(f.fonts.small);
    if (corner) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + max_w);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       undo_what.empty() ? f.strings.get("undo.nothing").c_str()
                                         : f.strings.format("undo.label", {undo_what}).c_str());
    if (corner) ImGui::PopTextWrapPos();
    ImGui::PopFont();
    bool add = false;
    if (editable) {
        push_primary_button();
        add = button("note.add", f.strings.get("button.note_add"), true);
        pop_primary_button();
    }
    if (add) shell.edit_note({0, geo::free_lane_slot(f.doc), 0}, {});
    if (button("undo", "\xE2\x86\xB6  " + f.strings.get("button.undo"), hist.can_undo())) {
        shell.commit_editing();
        shell.undo();
    }
    if (button("redo", "\xE2\x86\xB7  " + f.strings.get("button.redo"), hist.can_redo())) shell.redo();
    if (button("view.reset", f.strings.get("button.view_reset"), view_moved)) choice.reset_view = true;
    if (button("snapshot", f.strings.get("button.snapshot"), !photo_busy)) {
        shell.commit_editing();
        choice.snapshot = true;
    }
    shell.layout().panel("toolbar", window_rect());
    ImGui::End();
    return choice;
}


void BoardTools::draw_legend(const Frame& f, Shell& shell) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 size = nk::app::draw_legend(dl, f.fonts, f.strings, ImVec2(0, 0), f.k, true);
    legend_size_ = size;
    const ImVec2 pos(20 * f.k + f.stations.left, f.height - f.stations.bottom - size.y - 20 * f.k);  // above keyboard 0
    nk::app::draw_legend(dl, f.fonts, f.strings, pos, f.k);
    shell.layout().panel("legend", {pos, ImVec2(pos.x + size.x, pos.y + size.y)}, PanelLayer::Behind);
}

// Brainstorming makes duplicates on purpose: offer to stack them, showing how many people
// named that partner. Ids: stack.<n> (the n-th group).
void BoardTools::draw_stack_offers(const Frame& f, Shell& shell,
                                   const std::function<int(const std::vector<Id>&)>& groups_naming) {
    const Document& d = f.doc;
    int n = 0, shown = 0;
    for (const auto& [group, stacked] : duplicate_stacks(d)) {
        ++n;
        if (stacked || shown >= 3) continue;
        const Partner* first = d.partner(group.front());
        if (!first) continue;
        if (shown++ == 0) {
            ImGui::SetNextWindowPos(ImVec2(20 * f.k, 140 * f.k), ImGuiCond_Always);
            ImGui::Begin("##stacks", nullptr, kPanelFlags);
        }
        // After a merge: how many groups named it, besides how many post-its carry it.
        const int groups = groups_naming(group);
        const std::string count = std::to_string(group.size());
        ImGui::TextUnformatted((groups >= 2 ? f.strings.format("stack.offer_groups", {first->text, count, std::to_string(groups)})
                                            : f.strings.format("stack.offer", {first->text, count}))
                                   .c_str());
        ImGui::SameLine();
        const std::string id = "stack." + std::to_string(n);
        if (ImGui::Button((f.strings.get("stack.button") + "##" + id).c_str(), ImVec2(0, 52 * f.k)))
            shell.dispatch(stack_move(d, group));
        shell.layout().control(id, item_rect());
    }
    if (shown) {
        shell.layout().panel("stacks", window_rect());
        ImGui::End();
    }
}

}  // namespace nk::app
