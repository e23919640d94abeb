// The long-press menu of a post-it (category in one tap, edit, link, duplicate,
// delete) and the small menu of a selected line. Ids: category.<id>, menu.edit,
// menu.link, menu.duplicate, menu.delete, line.delete (docs/replay.md).
#include <imgui.h>

#include <algorithm>

#include "app.hpp"
#include "geometry.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {

// Places a menu beside the screen rectangle of a thing, on the side with room, inside the window.
void place_beside(ImVec2 centre, float half_w, float width, float height, float k) {
    const ImGuiIO& io = ImGui::GetIO();
    float x = centre.x + half_w + 16 * k;
    if (x + width > io.DisplaySize.x - 10 * k) x = centre.x - half_w - 16 * k - width;
    x = std::clamp(x, 10 * k, std::max(10 * k, io.DisplaySize.x - width - 10 * k));
    const float y = std::clamp(centre.y - height / 2, 90 * k, std::max(90 * k, io.DisplaySize.y - height - 110 * k));
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
}
}  // namespace

void App::draw_note_menu() {
    const Partner* found = menu_partner_ ? session_->current().partner(menu_partner_) : nullptr;
    if (!found) {
        menu_partner_ = 0;
        return;
    }
    // A copy: a swatch below dispatches, which replaces the current board.
    const Partner note = *found;
    const Partner* p = &note;
    const Id id = p->id;
    const Vec2 c = view_.to_screen({p->x, p->y});
    const float sw = 64 * k_;  // a category swatch: a finger-sized square
    const ImGuiStyle& st = ImGui::GetStyle();
    const float width = 7 * sw + 6 * st.ItemSpacing.x + 2 * st.WindowPadding.x;
    place_beside(ImVec2(float(c.x), float(c.y)), float(geo::kNoteW * p->scale * view_.scale / 2), width, 300 * k_, k_);
    ImGui::Begin("##notemenu", nullptr, kAutoPanelFlags);
    ImGui::PushFont(fonts_.bold);
    ImGui::PushTextWrapPos(width - st.WindowPadding.x);
    ImGui::TextUnformatted(p->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("legend.title").c_str());
    ImGui::PopFont();
    // Seven swatches with their icons: one tap sets the kind of partner.
    for (int i = 0; i < kCategoryCount; ++i) {
        const Category cat = Category(i);
        const std::string cid = "category." + std::string(category_id(cat));
        if (i) ImGui::SameLine();
        ImGui::PushID(i);
        const bool pressed = ImGui::InvisibleButton(cid.c_str(), ImVec2(sw, sw));
        const Rect r = item_rect();
        targets_.control(cid, r);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(r.min, r.max, category_fill(cat), 10 * k_);
        if (p->category == cat) dl->AddRect(r.min, r.max, colour::kInk, 10 * k_, 0, 3.5f * k_);
        else if (ImGui::IsItemHovered()) dl->AddRect(r.min, r.max, colour::kInkSoft, 10 * k_, 0, 1.5f * k_);
        draw_category_icon(dl, cat, r.centre(), 12 * k_, category_mark(cat));
        ImGui::PopID();
        if (pressed) session_->dispatch(act::SetCategory{id, cat});
    }
    // The name of the chosen kind, so the colour is never the only cue.
    ImGui::PushFont(fonts_.small);
    ImGui::TextUnformatted(strings_.get("category." + std::string(category_id(p->category))).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    const float bw = (width - 2 * st.WindowPadding.x - st.ItemSpacing.x) / 2;
    auto button = [&](const char* cid, const std::string& label) {
        const bool pressed = ImGui::Button((label + "##" + cid).c_str(), ImVec2(bw, 64 * k_));
        targets_.control(cid, item_rect());
        return pressed;
    };
    const bool edit = button("menu.edit", strings_.get("menu.edit"));
    ImGui::SameLine();
    const bool link = button("menu.link", strings_.get("menu.link"));
    const bool dup = button("menu.duplicate", strings_.get("menu.duplicate"));
    ImGui::SameLine();
    const bool del = button("menu.delete", strings_.get("menu.delete"));
    // Phase 4 marks: a partner the school lacks, or one that is over-represented.
    bool toggle_missing = false, toggle_over = false;
    if (session_->current().phase == Phase::Terugblik) {
        toggle_missing = button("menu.missing", (p->missing ? "\xE2\x9C\x93 " : "") + strings_.get("missing.label"));
        ImGui::SameLine();
        toggle_over = button("menu.overrepresented", (p->overrepresented ? "\xE2\x9C\x93 " : "") + strings_.get("overrepresented.label"));
    }
    targets_.panel(window_rect());
    ImGui::End();
    if (toggle_missing) session_->dispatch(act::SetPartnerMarks{id, !p->missing, p->overrepresented});
    if (toggle_over) session_->dispatch(act::SetPartnerMarks{id, p->missing, !p->overrepresented});
    if (edit) {
        menu_partner_ = 0;
        start_editing(id, {p->x, p->y}, p->rotation, p->text);
    } else if (link) {
        menu_partner_ = 0;
        link_from_ = id;
    } else if (dup) {
        menu_partner_ = 0;
        session_->dispatch(act::DuplicatePartner{id});
    } else if (del) {
        menu_partner_ = 0;
        session_->dispatch(act::RemovePartner{id});  // undoable, and the undo bar names it
    }
}

void App::draw_line_menu() {
    const Link* found = selected_link_ ? session_->current().link(selected_link_) : nullptr;
    if (!found) {
        selected_link_ = 0;
        return;
    }
    const Link line = *found;
    const Link* l = &line;
    const Vec2 a = geo::link_end(session_->current(), l->from), b = geo::link_end(session_->current(), l->to);
    const Vec2 mid = view_.to_screen({(a.x + b.x) / 2, (a.y + b.y) / 2});
    ImGui::SetNextWindowPos(ImVec2(float(mid.x), float(mid.y) + 24 * k_), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin("##linemenu", nullptr, kAutoPanelFlags);
    const bool del = ImGui::Button((strings_.get("line.delete") + "##line.delete").c_str(), ImVec2(0, 64 * k_));
    targets_.control("line.delete", item_rect());
    targets_.panel(window_rect());
    ImGui::End();
    if (del) {
        session_->dispatch(act::RemoveLink{selected_link_});
        selected_link_ = 0;
    }
}

}  // namespace nk::app
