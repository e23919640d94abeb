#include "ui_checkpoints.hpp"

#include <imgui.h>

#include <ctime>

#include "theme.hpp"

namespace nk::app {

std::string checkpoint_label(const Strings& s, const Checkpoint& c) {
    std::string phase = c.phase;
    for (char& ch : phase) ch = char(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    const std::time_t t = std::time_t(c.time_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char hhmm[16];
    std::strftime(hhmm, sizeof hhmm, "%H:%M", &tm);
    return s.format("checkpoint.item", {phase, hhmm});
}

std::optional<Checkpoint> draw_checkpoints(const Frame& f, Shell& shell, const std::vector<Checkpoint>& list,
                                           float width, int max_rows) {
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("checkpoint.title").c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       f.strings.get(list.empty() ? "checkpoint.none" : "checkpoint.hint").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    std::optional<Checkpoint> chosen;
    // Newest first, two to a row.
    const float h = 56 * f.k, half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    const int count = int(list.size());
    for (int i = count, shown = 0; i >= 1 && shown < max_rows * 2; --i, ++shown) {
        const Checkpoint& c = list[size_t(i) - 1];
        const std::string id = "checkpoint." + std::to_string(i);
        if (shown % 2 == 1) ImGui::SameLine();
        if (ImGui::Button((checkpoint_label(f.strings, c) + "##" + id).c_str(), ImVec2(half, h))) chosen = c;
        shell.layout().control(id, item_rect());
    }
    return chosen;
}

}  // namespace nk::app
