// Phase 2C — Prioriteiten: each participant takes the pen of their role's colour and draws
// a circle by hand around the one partner they find a priority. Then the patterns view:
// roles x partners, and the board highlighting one role's choices.
// Ids: pen.N (participant N's pen), choose.<n>, confirm.yes, confirm.no, patterns.show,
// patterns.role.<role>.
#include <imgui.h>

#include <algorithm>

#include "app.hpp"
#include "patterns.hpp"
#include "priority_stroke.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
std::string initials(const Participant& p) {
    std::string out;
    for (size_t i = 0; i < p.name.size() && out.size() < 2; ++i)
        if (i == 0 || p.name[i - 1] == ' ') out += char(std::toupper(static_cast<unsigned char>(p.name[i])));
    return out.empty() ? "#" + std::to_string(p.id) : out;
}
}  // namespace

void App::pen_stroke_end() {
    const Id who = pen_participant_;
    std::vector<Vec2> stroke = std::move(pen_stroke_);
    pen_stroke_.clear();
    pen_pointer_.reset();
    pen_participant_ = 0;  // the pen is put back when its stroke ends
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    if (!d.participant(who)) return;
    const StrokeVerdict v = recognise_priority(d, stroke);
    PendingPriority pending{who, std::move(stroke), {}, 0, false};
    const Priority* earlier = nullptr;
    for (const Priority& p : d.priorities)
        if (p.participant == who) earlier = &p;
    switch (v.kind) {
        case StrokeVerdict::Kind::One:
            if (earlier && earlier->partner != v.partner) {
                pending.chosen = v.partner;
                pending.confirm_replace = true;
                pending_priority_ = std::move(pending);
            } else {
                session_->dispatch(act::SetPriority{who, v.partner, pending.stroke});
            }
            break;
        case StrokeVerdict::Kind::Ambiguous:
            pending.candidates = v.candidates;
            pending_priority_ = std::move(pending);
            break;
        case StrokeVerdict::Kind::Nothing: show_message(strings_.get("priorities.nothing"), false); break;
    }
}

void App::draw_pens() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    // The pen tray: one pen per participant, in the role's colour with initials.
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) - 20 * k_), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 44 * k_);
    ImGui::Begin("##pens", nullptr, kAutoPanelFlags);
    const float r = 30 * k_;
    for (const Participant& p : d.participants) {
        if (&p != &d.participants.front()) ImGui::SameLine(0, 14 * k_);
        const std::string id = "pen." + std::to_string(p.id);
        ImGui::PushID(p.id);
        const ImVec2 c0 = ImGui::GetCursorScreenPos();
        const std::string name = p.name.empty() ? initials(p) : p.name;
        const float tw = fonts_.small->CalcTextSizeA(Fonts::kSmall * k_, 1e9f, 0, name.c_str()).x;
        const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(2 * r + 10 * k_ + tw, 2 * r));
        targets_.control(id, item_rect());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 c(c0.x + r, c0.y + r);
        const bool armed = pen_participant_ == p.id;
        if (armed) dl->AddCircle(c, r + 5 * k_, colour::kInk, 32, 3 * k_);
        dl->AddCircleFilled(c, r, role_colour(p.role), 32);
        const std::string ini = initials(p);
        const ImVec2 ts = fonts_.bold->CalcTextSizeA(Fonts::kBold * k_ * 0.8f, 1e9f, 0, ini.c_str());
        dl->AddText(fonts_.bold, Fonts::kBold * k_ * 0.8f, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255),
                    ini.c_str());
        dl->AddText(fonts_.small, Fonts::kSmall * k_, ImVec2(c0.x + 2 * r + 8 * k_, c.y - Fonts::kSmall * k_ / 2),
                    colour::kInk, name.c_str());
        if (pressed) pen_participant_ = armed ? 0 : p.id;
        ImGui::PopID();
    }
    if (d.participants.empty()) ImGui::TextUnformatted(strings_.get("priorities.no_team").c_str());
    ImGui::SameLine(0, 30 * k_);
    if (ImGui::Button((strings_.get("patterns.title") + "##patterns.show").c_str(), ImVec2(0, 2 * r))) {
        show_patterns_ = !show_patterns_;
        highlight_role_ = -1;
    }
    targets_.control("patterns.show", item_rect());
    // Undo and redo live in the pen tray in this phase (the tray takes the bottom edge).
    const History& hist = session_->history();
    ImGui::SameLine();
    ImGui::BeginDisabled(!hist.can_undo());
    if (ImGui::Button("\xE2\x86\xB6##undo", ImVec2(2 * r, 2 * r))) session_->undo();
    ImGui::EndDisabled();
    targets_.control("undo", item_rect());
    ImGui::SameLine();
    ImGui::BeginDisabled(!hist.can_redo());
    if (ImGui::Button("\xE2\x86\xB7##redo", ImVec2(2 * r, 2 * r))) session_->redo();
    ImGui::EndDisabled();
    targets_.control("redo", item_rect());
    targets_.panel(window_rect());
    ImGui::End();
    ImGui::PopStyleVar();

    if (pen_participant_) {
        // Say what the armed pen will do.
        ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) - 130 * k_), ImGuiCond_Always, ImVec2(0.5f, 1));
        ImGui::Begin("##penhint", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoInputs);
        ImGui::TextUnformatted(strings_.get("priorities.pen_hint").c_str());
        ImGui::End();
    }

    if (!show_patterns_) return;
    // The patterns view: roles x chosen partners, with counts; a role row highlights its choices.
    const PatternsTable t = patterns(d);
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 20 * k_, 160 * k_), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::Begin("##patterns", nullptr, kAutoPanelFlags);
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("patterns.title").c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("patterns.hint").c_str());
    if (t.partners.empty()) {
        ImGui::TextUnformatted(strings_.get("patterns.empty").c_str());
    } else if (ImGui::BeginTable("##ptable", int(t.partners.size()) + 1,
                                 ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("");
        for (Id id : t.partners) {
            const Partner* p = d.partner(id);
            ImGui::TableSetupColumn(p ? p->text.c_str() : "?");
        }
        ImGui::TableHeadersRow();
        for (int role = 0; role < kRoleCount; ++role) {
            if (t.role_totals[size_t(role)] == 0) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string rid(role_id(Role(role)));
            ImGui::PushStyleColor(ImGuiCol_Text, ImColor(role_colour(Role(role))).Value);
            if (ImGui::Selectable((strings_.get("role." + rid) + "##patterns.role." + rid).c_str(), highlight_role_ == role,
                                  0, ImVec2(0, 40 * k_)))
                highlight_role_ = highlight_role_ == role ? -1 : role;
            ImGui::PopStyleColor();
            targets_.control("patterns.role." + rid, item_rect());
            for (size_t i = 0; i < t.partners.size(); ++i) {
                ImGui::TableNextColumn();
                const int n = t.counts[size_t(role)][i];
                if (n) ImGui::Text("%d", n);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopFont();
    targets_.panel(window_rect());
    ImGui::End();
}

void App::draw_priority_dialog() {
    if (!pending_priority_) return;
    PendingPriority& pp = *pending_priority_;
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    const Participant* who = d.participant(pp.participant);
    if (!who) {
        pending_priority_.reset();
        return;
    }
    ImGui::SetNextWindowPos(ImVec2(float(width_) / 2, float(height_) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("##prioritydialog", nullptr, kAutoPanelFlags);
    auto button = [&](const std::string& id, const std::string& label, bool primary = false) {
        if (primary) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(480 * k_, 64 * k_));
        if (primary) pop_primary_button();
        targets_.control(id, item_rect());
        return pressed;
    };
    auto text_of = [&](Id id) {
        const Partner* p = d.partner(id);
        return p ? p->text : std::string("?");
    };
    if (!pp.confirm_replace) {
        ImGui::TextUnformatted(strings_.get("priorities.choose").c_str());
        int n = 0;
        for (Id id : pp.candidates) {
            if (button("choose." + std::to_string(++n), text_of(id))) {
                const Priority* earlier = nullptr;
                for (const Priority& p : d.priorities)
                    if (p.participant == pp.participant) earlier = &p;
                pp.chosen = id;
                if (earlier && earlier->partner != id) pp.confirm_replace = true;
                else {
                    session_->dispatch(act::SetPriority{pp.participant, id, pp.stroke});
                    pending_priority_.reset();
                    break;
                }
            }
        }
        if (pending_priority_ && !pp.confirm_replace && button("confirm.no", strings_.get("confirm.cancel")))
            pending_priority_.reset();
    } else {
        Id earlier_partner = 0;
        for (const Priority& p : d.priorities)
            if (p.participant == pp.participant) earlier_partner = p.partner;
        const std::string name = who->name.empty() ? initials(*who) : who->name;
        ImGui::PushTextWrapPos(480 * k_);
        ImGui::TextUnformatted(
            strings_.format("priorities.replace_confirm", {name, text_of(earlier_partner), text_of(pp.chosen)}).c_str());
        ImGui::PopTextWrapPos();
        if (button("confirm.yes", strings_.get("confirm.yes"), true)) {
            session_->dispatch(act::SetPriority{pp.participant, pp.chosen, pp.stroke});
            pending_priority_.reset();
        } else if (button("confirm.no", strings_.get("confirm.no"))) {
            pending_priority_.reset();
        }
    }
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
