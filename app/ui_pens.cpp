// Phase 2C — Prioriteiten: each participant takes the pen of their role's colour and draws
// a circle by hand around the one partner they find a priority; the tray says what makes a
// partner a priority (the method's criteria). The circle settles into a mark on its post-it
// (priority_marks.hpp); the circles can be shown again. The patterns chart is ui_patterns.cpp.
// Ids: pen.N (participant N's pen), choose.<n>, confirm.yes, confirm.no, patterns.show,
// priorities.circles.
#include <imgui.h>

#include <algorithm>

#include "ui_pens.hpp"
#include "initials.hpp"
#include "patterns.hpp"
#include "priority_stroke.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
// The pen's initials, as on the board's badges (core/text/initials.hpp); "#id" without a name.
std::string initials(const Participant& p) { return p.name.empty() ? "#" + std::to_string(p.id) : nk::initials(p.name); }
}  // namespace

void Pens::stroke_ended(const PenStroke& drawn, const Document& d, const Strings& strings, Shell& shell) {
    const Id who = drawn.participant;
    std::vector<Vec2> stroke = drawn.points;
    armed_ = 0;  // the pen is put back when its stroke ends
    if (!d.participant(who)) return;
    const StrokeVerdict v = recognise_priority(d, stroke);
    Pending pending{who, std::move(stroke), {}, 0, false};
    const Priority* earlier = nullptr;
    for (const Priority& p : d.priorities)
        if (p.participant == who) earlier = &p;
    switch (v.kind) {
        case StrokeVerdict::Kind::One:
            if (earlier && earlier->partner != v.partner) {
                pending.chosen = v.partner;
                pending.confirm_replace = true;
                pending_ = std::move(pending);
            } else {
                shell.dispatch(act::SetPriority{who, v.partner, pending.stroke});
            }
            break;
        case StrokeVerdict::Kind::Ambiguous:
            pending.candidates = v.candidates;
            pending_ = std::move(pending);
            break;
        case StrokeVerdict::Kind::Nothing: shell.show_message(strings.get("priorities.nothing"), false); break;
    }
}

void Pens::decorate(const Document& d, LiveState& live) const {
    live.priority_circles = circles_shown(d);
    if (d.phase == Phase::Prioriteiten && show_patterns_ && highlight_role_ >= 0) {
        live.highlight = chosen_by_role(d, Role(highlight_role_));
        live.highlight_colour = role_colour(Role(highlight_role_));
    }
}

void Pens::draw(const Frame& f, Shell& shell) {
    draw_tray(f, shell);
    draw_question(f, shell);
}

void Pens::draw_tray(const Frame& f, Shell& shell) {
        const Document& d = f.doc;
    // The pen tray: one pen per participant, in the role's colour with initials.
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) - 20 * f.k), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 44 * f.k);
    ImGui::Begin("##pens", nullptr, kAutoPanelFlags);
    const float r = 30 * f.k;
    // What makes a partner a priority (the method's criteria), where every pen is taken.
    ImGui::PushFont(f.fonts.ui);
    ImGui::SetWindowFontScale(0.92f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(1500 * f.k, f.width - 120 * f.k));
    ImGui::TextUnformatted(f.strings.get("priorities.question").c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetWindowFontScale(1);
    ImGui::PopFont();
    shell.layout().control("priorities.criteria", item_rect());
    ImGui::Dummy(ImVec2(0, 4 * f.k));
    for (const Participant& p : d.participants) {
        if (&p != &d.participants.front()) ImGui::SameLine(0, 14 * f.k);
        const std::string id = "pen." + std::to_string(p.id);
        ImGui::PushID(p.id);
        const ImVec2 c0 = ImGui::GetCursorScreenPos();
        const std::string name = p.name.empty() ? initials(p) : p.name;
        const float tw = f.fonts.small->CalcTextSizeA(Fonts::kSmall * f.k, 1e9f, 0, name.c_str()).x;
        const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(2 * r + 10 * f.k + tw, 2 * r));
        shell.layout().control(id, item_rect());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 c(c0.x + r, c0.y + r);
        const bool armed = armed_ == p.id;
        if (armed) dl->AddCircle(c, r + 5 * f.k, colour::kInk, 32, 3 * f.k);
        dl->AddCircleFilled(c, r, role_colour(p.role), 32);
        const std::string ini = initials(p);
        const ImVec2 ts = f.fonts.bold->CalcTextSizeA(Fonts::kBold * f.k * 0.8f, 1e9f, 0, ini.c_str());
        dl->AddText(f.fonts.bold, Fonts::kBold * f.k * 0.8f, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255),
                    ini.c_str());
        dl->AddText(f.fonts.small, Fonts::kSmall * f.k, ImVec2(c0.x + 2 * r + 8 * f.k, c.y - Fonts::kSmall * f.k / 2),
                    colour::kInk, name.c_str());
        if (pressed) armed_ = armed ? 0 : p.id;
        ImGui::PopID();
    }
    if (d.participants.empty()) ImGui::TextUnformatted(f.strings.get("priorities.no_team").c_str());
    ImGui::SameLine(0, 30 * f.k);
    // A button whose view is open looks pressed (dark), so the room sees it can be closed.
    const bool chart_open = show_patterns_;
    if (chart_open) push_primary_button();
    const bool chart_tapped = ImGui::Button((f.strings.get("patterns.title") + "##patterns.show").c_str(), ImVec2(0, 2 * r));
    if (chart_open) pop_primary_button();
    if (chart_tapped) {
        show_patterns_ = !show_patterns_;
        highlight_role_ = -1;
    }
    shell.layout().control("patterns.show", item_rect());
    ImGui::SameLine();
    const std::string circles = f.strings.get(show_circles_ ? "priorities.circles.hide" : "priorities.circles.show");
    const bool circles_open = show_circles_;
    if (circles_open) push_primary_button();
    if (ImGui::Button((circles + "##priorities.circles").c_str(), ImVec2(0, 2 * r))) show_circles_ = !show_circles_;
    if (circles_open) pop_primary_button();
    shell.layout().control("priorities.circles", item_rect());
    // Undo and redo live in the pen tray in this phase (the tray takes the bottom edge).
    const History& hist = f.history;
    ImGui::SameLine();
    ImGui::BeginDisabled(!hist.can_undo());
    if (ImGui::Button("\xE2\x86\xB6##undo", ImVec2(2 * r, 2 * r))) shell.undo();
    ImGui::EndDisabled();
    shell.layout().control("undo", item_rect());
    ImGui::SameLine();
    ImGui::BeginDisabled(!hist.can_redo());
    if (ImGui::Button("\xE2\x86\xB7##redo", ImVec2(2 * r, 2 * r))) shell.redo();
    ImGui::EndDisabled();
    shell.layout().control("redo", item_rect());
    shell.layout().panel("pens", window_rect());
    const float tray_top = ImGui::GetWindowPos().y;
    ImGui::End();
    ImGui::PopStyleVar();

    if (armed_) {
        // Say what the armed pen will do, just above the tray.
        ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, tray_top - 12 * f.k), ImGuiCond_Always, ImVec2(0.5f, 1));
        ImGui::Begin("##penhint", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(f.strings.get("priorities.pen_hint").c_str());
        ImGui::End();
    }
    if (show_patterns_) draw_patterns(f, shell, tray_top - 16 * f.k);
}

void Pens::draw_question(const Frame& f, Shell& shell) {
    if (!pending_) return;
    Pending& pp = *pending_;
        const Document& d = f.doc;
    const Participant* who = d.participant(pp.participant);
    if (!who) {
        pending_.reset();
        return;
    }
    ImGui::SetNextWindowPos(ImVec2(float(f.width) / 2, float(f.height) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##prioritydialog", nullptr, kAutoPanelFlags);
    auto button = [&](const std::string& id, const std::string& label, bool primary = false) {
        if (primary) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(480 * f.k, 64 * f.k));
        if (primary) pop_primary_button();
        shell.layout().control(id, item_rect());
        return pressed;
    };
    auto text_of = [&](Id id) {
        const Partner* p = d.partner(id);
        return p ? p->text : std::string("?");
    };
    if (!pp.confirm_replace) {
        ImGui::TextUnformatted(f.strings.get("priorities.choose").c_str());
        int n = 0;
        for (Id id : pp.candidates) {
            if (button("choose." + std::to_string(++n), text_of(id))) {
                const Priority* earlier = nullptr;
                for (const Priority& p : d.priorities)
                    if (p.participant == pp.participant) earlier = &p;
                pp.chosen = id;
                if (earlier && earlier->partner != id) pp.confirm_replace = true;
                else {
                    shell.dispatch(act::SetPriority{pp.participant, id, pp.stroke});
                    pending_.reset();
                    break;
                }
            }
        }
        if (pending_ && !pp.confirm_replace && button("confirm.no", f.strings.get("confirm.cancel")))
            pending_.reset();
    } else {
        Id earlier_partner = 0;
        for (const Priority& p : d.priorities)
            if (p.participant == pp.participant) earlier_partner = p.partner;
        const std::string name = who->name.empty() ? initials(*who) : who->name;
        ImGui::PushTextWrapPos(480 * f.k);
        ImGui::TextUnformatted(
            f.strings.format("priorities.replace_confirm", {name, text_of(earlier_partner), text_of(pp.chosen)}).c_str());
        ImGui::PopTextWrapPos();
        if (button("confirm.yes", f.strings.get("confirm.yes"), true)) {
            shell.dispatch(act::SetPriority{pp.participant, pp.chosen, pp.stroke});
            pending_.reset();
        } else if (button("confirm.no", f.strings.get("confirm.no"))) {
            pending_.reset();
        }
    }
    shell.layout().panel("priority.dialog", window_rect());
    ImGui::End();
}

}  // namespace nk::app
