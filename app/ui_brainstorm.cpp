// Phase 2A — Brainstorm: the facilitator opens writers' stations (or a writer long-presses
// near their edge), everyone writes privately, then the reveal puts the post-its on the
// board, all at once or writer by writer. Ids: station.open.bottom|top|left|right,
// brainstorm.reveal, brainstorm.reveal.<participant>; leaving the phase
// with hidden post-its asks confirm.yes (reveal them and go on) or confirm.no (stay).
#include <imgui.h>

#include <limits>
#include <vector>

#include "ui_brainstorm.hpp"
#include "theme.hpp"
#include "ui_flow.hpp"

namespace nk::app {
bool Brainstorm::may_leave(const Document& doc, Phase to) {
    if (doc.phase != Phase::Brainstorm) return true;
    if (leave_to_) return false;  // the question is open: its own buttons leave or stay
    for (const Partner& n : doc.partners)
        if (!n.face_up) {
            leave_to_ = to;
            return false;
        }
    return true;
}

void Brainstorm::draw(const Frame& f, Shell& shell) {
    const Document& d = f.doc;
    int hidden = 0;
    for (const Partner& p : d.partners) hidden += !p.face_up;

    // Top left, inside the room the stations leave. On a table with stations open that is
    // the free corner: the question without its note, the buttons wrapped to its width,
    // and the reveal for all at once only (writer by writer would not fit).
    const bool corner = f.stations.any() && f.stations.corner_w > 0;
    const float margin = (corner ? 12 : 20) * f.k;
    if (corner) ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    else ImGui::SetNextWindowPos(ImVec2(f.stations.left + margin, f.stations.top + 136 * f.k), ImGuiCond_Always);
    ImGui::Begin("##brainstorm", nullptr, kAutoPanelFlags);
    const float max_w = corner ? f.stations.corner_w - margin - 2 * ImGui::GetStyle().WindowPadding.x : 0;
    Flow row(max_w);
    ImGui::PushTextWrapPos(corner ? ImGui::GetCursorPosX() + max_w : 760 * f.k);
    ImGui::PushFont(f.fonts.small);
    ImGui::TextUnformatted(f.strings.get("brainstorm.question").c_str());
    if (!corner) ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("brainstorm.note").c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    auto open_button = [&](Side side, const char* key) {
        const std::string id = "station.open." + std::string(side_id(side));
        const std::string label = f.strings.get(key) + "##" + id;
        row.next(Flow::button_width(label));
        const bool pressed = ImGui::Button(label.c_str(), ImVec2(0, 56 * f.k));
        shell.layout().control(id, item_rect());
        // No place asked: the lowest-numbered free slot on that edge (stations.hpp), so a
        // wall fills 1, 2, 3, 4 from the left. A long-press on the board asks a place.
        if (pressed) shell.open_station(side, std::numeric_limits<double>::quiet_NaN());
    };
    open_button(Side::Bottom, "brainstorm.open.bottom");
    if (stations_.layout() == StationLayout::Table) {
        open_button(Side::Top, "brainstorm.open.top");
        open_button(Side::Left, "brainstorm.open.left");
        open_button(Side::Right, "brainstorm.open.right");
    }
    push_primary_button();
    ImGui::BeginDisabled(hidden == 0);
    const std::string reveal_label =
        f.strings.get("brainstorm.reveal") + " (" + std::to_string(hidden) + ")##brainstorm.reveal";
    row.next(Flow::button_width(reveal_label) + (corner ? 0 : 24 * f.k));
    if (!corner) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 24 * f.k - ImGui::GetStyle().ItemSpacing.x);
    const bool reveal = ImGui::Button(reveal_label.c_str(), ImVec2(0, 56 * f.k));
    ImGui::EndDisabled();
    pop_primary_button();
    shell.layout().control("brainstorm.reveal", item_rect());
    if (reveal && hidden) shell.dispatch(act::Reveal{0});
    // Or writer by writer: one button per participant with hidden post-its.
    bool first = true;
    for (const Participant& p : corner ? std::vector<Participant>{} : d.participants) {
        int mine = 0;
        for (const Partner& n : d.partners) mine += !n.face_up && n.author == p.id;
        if (!mine) continue;
        if (!first) ImGui::SameLine();
        first = false;
        const std::string id = "brainstorm.reveal." + std::to_string(p.id);
        const std::string label = (p.name.empty() ? "#" + std::to_string(p.id) : p.name) + " (" + std::to_string(mine) + ")";
        if (ImGui::Button((label + "##" + id).c_str(), ImVec2(0, 52 * f.k))) shell.dispatch(act::Reveal{p.id});
        shell.layout().control(id, item_rect());
    }
    shell.layout().panel("brainstorm", window_rect());
    ImGui::End();
}

// Asked from go_to_phase when the brainstorm is left with hidden post-its.
void Brainstorm::draw_question(const Frame& f, Shell& shell) {
    if (!leave_to_) return;
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##leavebrainstorm", nullptr, kAutoPanelFlags);
    ImGui::PushTextWrapPos(520 * f.k);
    ImGui::TextUnformatted(f.strings.get("brainstorm.reveal_confirm").c_str());
    ImGui::PopTextWrapPos();
    push_primary_button();
    const bool yes = ImGui::Button((f.strings.get("brainstorm.reveal_and_go") + "##confirm.yes").c_str(), ImVec2(520 * f.k, 64 * f.k));
    pop_primary_button();
    shell.layout().control("confirm.yes", item_rect());
    const bool no = ImGui::Button((f.strings.get("confirm.no") + "##confirm.no").c_str(), ImVec2(520 * f.k, 64 * f.k));
    shell.layout().control("confirm.no", item_rect());
    shell.layout().panel("brainstorm.leave", window_rect());
    ImGui::End();
    if (yes) {
        const Phase to = *leave_to_;
        shell.dispatch(act::Reveal{0});
        leave_to_.reset();
        shell.go_to_phase(to);
    } else if (no) {
        leave_to_.reset();
    }
}

}  // namespace nk::app
