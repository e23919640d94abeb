// Text fields bound to the document. While someone types, every change goes into the
// document (so the autosave has it) as one coalesced undo step per field.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui_fields.hpp"

#include "limits.hpp"
#include "theme.hpp"
#include "utf8.hpp"

namespace nk::app {

Rect TextFields::field(UiTargets& targets, const std::string& id, const std::string& current, float width, bool multiline,
                        const std::function<Action(const std::string&)>& make, const char* hint,
                        const std::function<void(const Action&, const std::string& key)>& changed_to) {
    std::string& buf = buffers_[id];
    const ImGuiID gid = ImGui::GetID(("##" + id).c_str());
    const bool focused = keyboard_ && keyboard_->is_open() && keyboard_->field() == id;
    // A field not being typed into shows the document's text (it may have changed by undo);
    // the focused one shows keyboard 0's.
    bool typed = false;
    if (focused) {
        focused_ = id, focused_make_ = make, focused_changed_ = changed_to;
        if (keyboard_->keyboard().text() != buf) buf = keyboard_->keyboard().text(), typed = true;
    } else if (ImGui::GetActiveID() != gid) {
        buf = current;
    }
    bool activated = false;
    if (request_ == id) {
        activated = true;
        request_.clear();
        ImGui::SetScrollHereY(0.2f);  // a field given the focus is scrolled into view (a card's note)
    }
    bool changed;
    bool tapped = false;  // a multi-line field: a tap ended on it (pressed and lifted there)
    if (multiline) {
        // Dear ImGui 1.86's multi-line field does not wrap. Keyboard 0 types (never ImGui), so
        // the field is drawn here: the text wrapped to the field's width (wrapping only
        // draws; the text itself is never changed), the field growing to show all of it.
        const ImGuiStyle& st = ImGui::GetStyle();
        const float inner = std::max(1.0f, width - st.FramePadding.x * 2);
        const float line = ImGui::GetTextLineHeight();
        const float text_h = buf.empty() ? 0 : ImGui::CalcTextSize(buf.data(), buf.data() + buf.size(), false, inner).y;
        const float h = std::max(line * 2.6f, text_h + line) + st.FramePadding.y * 2;  // room for a line more
        const ImVec2 p = ImGui::GetCursorScreenPos();
        // It takes the focus when a tap lifts on it, so that a finger scrolling the panel
        // across it (app/panel_pointer.hpp) does not open keyboard 0.
        tapped = ImGui::InvisibleButton(("##" + id).c_str(), ImVec2(width, h));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), st.FrameRounding);
        if (st.FrameBorderSize > 0)
            dl->AddRect(p, ImVec2(p.x + width, p.y + h), ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding, 0,
                        st.FrameBorderSize);
        const ImVec2 at(p.x + st.FramePadding.x, p.y + st.FramePadding.y);
        const bool show_hint = buf.empty() && hint && *hint;
        const char* text = show_hint ? hint : buf.c_str();
        const char* end = show_hint ? nullptr : buf.c_str() + buf.size();
        const ImU32 col = ImGui::GetColorU32(show_hint ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, col, text, end, inner);
        changed = false;
    } else {
        ImGui::SetNextItemWidth(width);
        changed = ImGui::InputTextWithHint(("##" + id).c_str(), hint ? hint : "", &buf);
    }
    const Rect r{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    targets.control(id, r);
    // A tap on the field gives it the focus: keyboard 0 types, not Dear ImGui.
    if (multiline) {
        activated |= tapped;
    } else {
        activated |= ImGui::IsItemActivated() || ImGui::GetActiveID() == gid;
        if (keyboard_ && ImGui::GetActiveID() == gid) ImGui::ClearActiveID();
    }
    changed |= typed;
    if (activated && !focused && on_focus_) {
        focused_ = id, focused_make_ = make, focused_changed_ = changed_to;
        on_focus_(id, r, buf, multiline);
    }
    if (focused) {
        // The field keyboard 0 types into wears a frame in the accent colour.
        const float t = std::max(2.0f, ImGui::GetFontSize() * 0.1f);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(r.min.x - t, r.min.y - t), ImVec2(r.max.x + t, r.max.y + t),
                                            colour::kAccent, ImGui::GetStyle().FrameRounding, 0, t);
        if (drawn_) drawn_(id, r);
    }
    // No field holds more than the longest text a board keeps (limits.hpp); the reducer
    // cuts each kind of text to its own limit.
    if (changed && buf.size() > limits::kNoteText) buf.resize(utf8::cut(buf, limits::kNoteText).size());
    if (changed) changed_to(make(buf), id);
    return r;
}

void TextFields::sync_focused() {
    if (!keyboard_ || !keyboard_->is_open() || keyboard_->field() != focused_ || !focused_make_) return;
    std::string& buf = buffers_[focused_];
    const std::string& text = keyboard_->keyboard().text();
    if (text == buf) return;
    buf = text;
    std::string cut = buf;
    if (cut.size() > limits::kNoteText) cut.resize(utf8::cut(cut, limits::kNoteText).size());
    focused_changed_(focused_make_(cut), focused_);
}

bool TextFields::hold(const SDL_Event& e) {
    const bool keyish = e.type == SDL_TEXTINPUT || e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
    if (!keyish || releasing_ || (wait_frames_ == 0 && held_.empty())) return false;
    held_.push_back(e);
    return true;
}

int TextFields::release(bool text_input, const std::function<void(const SDL_Event&)>& handle) {
    if (wait_frames_ > 0) --wait_frames_;
    if (held_.empty() || (!text_input && wait_frames_ > 0)) return 0;
    releasing_ = true;
    int n = 0;
    bool key_went_down = false;
    while (!held_.empty()) {
        const SDL_Event k = held_.front();
        if (k.type == SDL_KEYUP && key_went_down) break;  // its release comes next frame
        held_.pop_front();
        handle(k);
        ++n;
        key_went_down |= k.type == SDL_KEYDOWN;
    }
    releasing_ = false;
    return n;
}

}  // namespace nk::app
