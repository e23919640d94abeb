// Rows of buttons that wrap at a width: for panels that must fit a screen corner (the
// writers' stations on a table leave only the corners free, phase 2A).
#pragma once

#include <imgui.h>

#include <string>

namespace nk::app {

class Flow {
public:
    // max_w: the widest a row may be (content width, pixels); <= 0: never wrap.
    explicit Flow(float max_w) : max_w_(max_w) {}
    // Call before each item after the first: the item (of width `w`) goes on the same line
    // when the row has room for it, else on a new line.
    void next(float w) {
        const float sp = ImGui::GetStyle().ItemSpacing.x;
        if (row_w_ > 0 && (max_w_ <= 0 || row_w_ + sp + w <= max_w_)) {
            ImGui::SameLine();
            row_w_ += sp + w;
        } else {
            row_w_ = w;
        }
    }
    // The width of a button labelled `label` ("text##id": the part before ## shows) at
    // least `min_w` wide, in the current font.
    static float button_width(const std::string& label, float min_w = 0) {
        const std::string shown = label.substr(0, label.find("##"));
        const float w = ImGui::CalcTextSize(shown.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        return w > min_w ? w : min_w;
    }

private:
    float max_w_;
    float row_w_ = 0;
};

}  // namespace nk::app
