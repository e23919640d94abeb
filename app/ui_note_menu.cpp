// The long-press menu of a post-it (category in one tap, edit, link, duplicate,
// delete) and the small menu of a selected line. Ids: category.<id>, menu.edit,
// menu.link, menu.duplicate, menu.delete, line.delete (docs/replay.md).
#include <imgui.h>

#include <algorithm>

#include "ui_note_menu.hpp"
#include "geometry.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {

// Places a menu beside the screen rectangle of a thing, on the side with room, inside the
// window and clear of the writers' stations (`in`, phase 2A).
void place_beside(ImVec2 centre, float half_w, float width, float height, float k, const Insets& in) {
    const ImGuiIO& io = ImGui::GetIO();
    const float left = in.left + 10 * k, right = io.DisplaySize.x - in.right - 10 * k;
    float x = centre.x + half_w + 16 * k;
    if (x + width > right) x = centre.x - half_w - 16 * k - width;
    x = std::clamp(x, left, std::max(left, right - width));
    // Below the phase bar, which stands below the top stations when there are any.
    const float top = in.top > 0 ? in.top + 120 * k : 90 * k, bottom = io.DisplaySize.y - in.bottom - 110 * k;
    const float y = std::clamp(centre.y - height / 2, top, std::max(top, bottom - height));
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
}
}  // namespace

void NoteMenu::draw(const Frame& f, Shell& shell) {
    draw_note(f, shell);
    draw_line(f, shell);
}

void NoteMenu::draw_note(const Frame& f, Shell& shell) {
    const Partner* found = partner_ ? f.doc.partner(partner_) : nullptr;
    if (!found) {
        partner_ = 0;
        return;
    }
    const Partner* p = found;
    const Id id = p->id;
    const Vec2 c = f.view.to_screen({p->x, p->y});
    const float sw = 64 * f.k;  // a kind's button: finger-sized, in two columns, with its name
    const ImGuiStyle& st = ImGui::GetStyle();
    const float width = 7 * sw + 6 * st.ItemSpacing.x + 2 * st.WindowPadding.x;
    const float cw = (width - 2 * st.WindowPadding.x - st.ItemSpacing.x) / 2;
    // Its height: the name, four rows of kinds and two (three in phase 4) of buttons.
    const float height = (f.doc.phase == Phase::Terugblik ? 600 : 520) * f.k;
    place_beside(ImVec2(float(c.x), float(c.y)), float(geo::kNoteW * p->scale * f.view.scale / 2), width, height, f.k, f.stations);
    ImGui::Begin("##notemenu", nullptr, kAutoPanelFlags);
    ImGui::PushFont(f.fonts.bold);
    ImGui::PushTextWrapPos(width - st.WindowPadding.x);
    ImGui::TextUnformatted(p->text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("legend.title").c_str());
    ImGui::PopFont();
    // The seven named kinds, each with its colour, icon and name: one tap sets the kind.
    // ("Not sorted yet" is where a post-it starts, not a choice.)
    const float fs = Fonts::kSmall * f.k;
    for (int i = 0; i < kKindCount; ++i) {
        const Category cat = Category(i);
        const std::string cid = "category." + std::string(category_id(cat));
        if (i % 2) ImGui::SameLine();
        ImGui::PushID(i);
        const bool pressed = ImGui::InvisibleButton(cid.c_str(), ImVec2(cw, sw));
        const Rect r = item_rect();
        shell.layout().control(cid, r);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(r.min, r.max, category_fill(cat), 10 * f.k);
        if (p->category == cat) dl->AddRect(r.min, r.max, colour::kInk, 10 * f.k, 0, 3.5f * f.k);
        else if (ImGui::IsItemHovered()) dl->AddRect(r.min, r.max, colour::kInkSoft, 10 * f.k, 0, 1.5f * f.k);
        draw_category_icon(dl, cat, ImVec2(r.min.x + 24 * f.k, r.centre().y), 11 * f.k, category_mark(cat));
        const std::string& name = f.strings.get(cid);
        const float wrap = r.max.x - r.min.x - 50 * f.k;
        const float th = f.fonts.small->CalcTextSizeA(fs, 1e9f, wrap, name.c_str()).y;
        const ImVec2 text_at(r.min.x + 44 * f.k, std::max(r.min.y + 2 * f.k, r.centre().y - th / 2));
        dl->PushClipRect(r.min, r.max, true);
        dl->AddText(f.fonts.small, fs, text_at, colour::kInk, name.c_str(), nullptr, wrap);
        dl->PopClipRect();
        ImGui::PopID();
        if (pressed) shell.dispatch(act::SetCategory{id, cat});
    }
    ImGui::Spacing();
    const float bw = (width - 2 * st.WindowPadding.x - st.ItemSpacing.x) / 2;
    auto button = [&](const char* cid, const std::string& label) {
        const bool pressed = ImGui::Button((label + "##" + cid).c_str(), ImVec2(bw, 64 * f.k));
        shell.layout().control(cid, item_rect());
        return pressed;
    };
    const bool edit = button("menu.edit", f.strings.get("menu.edit"));
    ImGui::SameLine();
    const bool link = button("menu.link", f.strings.get("menu.link"));
    const bool dup = button("menu.duplicate", f.strings.get("menu.duplicate"));
    ImGui::SameLine();
    const bool del = button("menu.delete", f.strings.get("menu.delete"));
    // Phase 4 marks: a partner the school lacks, or one that is over-represented.
    bool toggle_missing = false, toggle_over = false;
    if (f.doc.phase == Phase::Terugblik) {
        toggle_missing = button("menu.missing", (p->missing ? "\xE2\x9C\x93 " : "") + f.strings.get("missing.label"));
        ImGui::SameLine();
        toggle_over = button("menu.overrepresented", (p->overrepresented ? "\xE2\x9C\x93 " : "") + f.strings.get("overrepresented.label"));
    }
    shell.layout().panel("menu", window_rect());
    ImGui::End();
    if (toggle_missing) shell.dispatch(act::SetPartnerMarks{id, !p->missing, p->overrepresented});
    if (toggle_over) shell.dispatch(act::SetPartnerMarks{id, p->missing, !p->overrepresented});
    if (edit) {
        partner_ = 0;
        shell.edit_note({id, {p->x, p->y}, p->rotation}, p->text);
    } else if (link) {
        partner_ = 0;
        shell.arm_link(id);
    } else if (dup) {
        partner_ = 0;
        shell.dispatch(act::DuplicatePartner{id});
    } else if (del) {
        partner_ = 0;
        shell.dispatch(act::RemovePartner{id});  // undoable, and the undo bar names it
    }
}

void NoteMenu::draw_line(const Frame& f, Shell& shell) {
    const Link* found = line_ ? f.doc.link(line_) : nullptr;
    if (!found) {
        line_ = 0;
        return;
    }
    const Link* l = found;
    const Vec2 a = geo::link_end(f.doc, l->from), b = geo::link_end(f.doc, l->to);
    const Vec2 mid = f.view.to_screen({(a.x + b.x) / 2, (a.y + b.y) / 2});
    ImGui::SetNextWindowPos(ImVec2(float(mid.x), float(mid.y) + 24 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin("##linemenu", nullptr, kAutoPanelFlags);
    const bool del = ImGui::Button((f.strings.get("line.delete") + "##line.delete").c_str(), ImVec2(0, 64 * f.k));
    shell.layout().control("line.delete", item_rect());
    shell.layout().panel("menu.line", window_rect());
    ImGui::End();
    if (del) {
        shell.dispatch(act::RemoveLink{line_});
        line_ = 0;
    }
}

}  // namespace nk::app
