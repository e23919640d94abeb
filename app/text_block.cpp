#include "text_block.hpp"

#include <algorithm>

namespace nk::app {

Rect text_block(UiTargets& targets, const std::string& key, const std::string& text, float wrap_w, ImU32 colour) {
    TextBlockRecorder rec;
    rec.begin(wrap_w);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_w);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    return rec.end(targets, key);
}

void TextBlockRecorder::begin(float wrap_w) {
    start_ = ImGui::GetCursorScreenPos();
    wrap_w_ = wrap_w;
}

Rect TextBlockRecorder::end(UiTargets& targets, const std::string& key) {
    const ImVec2 last = ImGui::GetItemRectMax();
    const Rect r{start_, ImVec2(start_.x + std::max(1.0f, wrap_w_), std::max(start_.y + 1, last.y))};
    targets.text(key, r, ImGui::GetFontSize());
    return r;
}

}  // namespace nk::app
