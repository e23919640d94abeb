// Text fields bound to the document. While someone types, every change goes into the
// document (so the autosave has it) as one coalesced undo step per field.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "app.hpp"
#include "limits.hpp"
#include "utf8.hpp"

namespace nk::app {

Rect App::text_field(const std::string& id, const std::string& current, float width, bool multiline,
                     const std::function<Action(const std::string&)>& make, const char* hint) {
    std::string& buf = field_buffers_[id];
    const ImGuiID gid = ImGui::GetID(("##" + id).c_str());
    // A field not being edited shows the document's text (it may have changed by undo).
    if (ImGui::GetActiveID() != gid) buf = current;
    if (focus_request_ == id) {
        ImGui::SetKeyboardFocusHere();
        focus_request_.clear();
    }
    bool changed;
    if (multiline) {
        const float h = ImGui::GetTextLineHeight() * 4.2f + ImGui::GetStyle().FramePadding.y * 2;
        changed = ImGui::InputTextMultiline(("##" + id).c_str(), &buf, ImVec2(width, h));
        if (buf.empty() && hint && ImGui::GetActiveID() != gid) {
            const ImVec2 p = ImGui::GetItemRectMin();
            ImGui::GetWindowDrawList()->AddText(
                ImVec2(p.x + ImGui::GetStyle().FramePadding.x, p.y + ImGui::GetStyle().FramePadding.y),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
        }
    } else {
        ImGui::SetNextItemWidth(width);
        changed = ImGui::InputTextWithHint(("##" + id).c_str(), hint ? hint : "", &buf);
    }
    const Rect r{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    targets_.control(id, r);
    // No field holds more than the longest text a board keeps (limits.hpp); the reducer
    // cuts each kind of text to its own limit.
    if (changed && buf.size() > limits::kNoteText) buf.resize(utf8::cut(buf, limits::kNoteText).size());
    if (changed) session_->dispatch_coalesced(make(buf), id);
    return r;
}

}  // namespace nk::app
