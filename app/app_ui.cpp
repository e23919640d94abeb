// The on-screen controls of the app: top bar, legend, the button bar, messages.
// Buttons are big (at least 48 px at 1080 high), few, in the team's language, and each
// has a stable id that replay scripts and tests use (docs/replay.md).
#include <imgui.h>

#include <cmath>

#include "app.hpp"
#include "geometry.hpp"
#include "merge.hpp"
#include "method.hpp"
#include "patterns.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImGuiWindowFlags kPanelFlags = kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing;

}  // namespace

std::string App::label_text(const ActionLabel& l) const {
    if (l.verb.empty()) return {};
    return strings_.format("verb." + l.verb, {l.subject});
}

void App::decorate_board(LiveState& live) const {
    if (viewing_version_) return;  // a saved version is shown: these marks are the current map's
    const Document& d = session_->current();
    // Stacked duplicates carry a count on the top post-it.
    for (const auto& [group, stacked] : duplicate_stacks())
        if (stacked) live.stacks.push_back({group.back(), int(group.size())});
    pens_.decorate(d, live);
    if (d.phase == Phase::Gesprek || d.phase == Phase::Terugblik || d.phase == Phase::Naverwerking) {
        // Discussed partners carry a check once a card of each of the three groups has a note.
        for (const Partner& p : d.partners) {
            bool group[method::kCardPhases + 1] = {};
            for (const CardNote& n : d.notes)
                if (n.partner == p.id)
                    if (const method::Card* c = method::card(n.card)) group[c->phase] = true;
            if (group[1] && group[2] && group[3]) live.badges.push_back(p.id);
        }
        if (cards_.partner()) {
            live.highlight = {cards_.partner()};
            live.highlight_colour = colour::kSelection;
        }
    }
}

// Post-its that carry the same partner (ignoring case and accents): the groups, and
// whether each is stacked already (every member within a few units of the first).
std::vector<std::pair<std::vector<Id>, bool>> App::duplicate_stacks() const {
    std::vector<std::pair<std::vector<Id>, bool>> out;
    const Document& d = session_->current();
    for (const std::vector<Id>& g : duplicate_groups(d)) {
        const Partner* first = d.partner(g.front());
        bool stacked = first != nullptr;
        for (Id id : g)
            if (const Partner* p = d.partner(id); !p || !first || std::hypot(p->x - first->x, p->y - first->y) > 40) stacked = false;
        out.push_back({g, stacked});
    }
    return out;
}

// Brainstorming makes duplicates on purpose: offer to stack them, showing how many people
// named that partner. Ids: stack.<n> (the n-th group).
void App::draw_stack_offers() {
    const Document d = session_->current();
    int n = 0, shown = 0;
    for (const auto& [group, stacked] : duplicate_stacks()) {
        ++n;
        if (stacked || shown >= 3) continue;
        const Partner* first = d.partner(group.front());
        if (!first) continue;
        if (shown++ == 0) {
            ImGui::SetNextWindowPos(ImVec2(20 * k_, 140 * k_), ImGuiCond_Always);
            ImGui::Begin("##stacks", nullptr, kPanelFlags);
        }
        // After a merge: how many groups named it, besides how many post-its carry it.
        const int groups = groups_naming(group);
        const std::string count = std::to_string(group.size());
        ImGui::TextUnformatted((groups >= 2 ? strings_.format("stack.offer_groups", {first->text, count, std::to_string(groups)})
                                            : strings_.format("stack.offer", {first->text, count}))
                                   .c_str());
        ImGui::SameLine();
        const std::string id = "stack." + std::to_string(n);
        if (ImGui::Button((strings_.get("stack.button") + "##" + id).c_str(), ImVec2(0, 52 * k_))) {
            act::MovePartners m;
            for (size_t i = 1; i < group.size(); ++i)
                if (const Partner* p = d.partner(group[i]))
                    m.moves.push_back({p->id, {first->x + 6.0 * double(i), first->y + 6.0 * double(i)}, first->rotation, p->scale});
            session_->dispatch(m);
        }
        targets_.control(id, item_rect());
    }
    if (shown) {
        targets_.panel(window_rect());
        ImGui::End();
    }
}

void App::build_ui() {
    const Phase phase = session_->current().phase;
    with_part([this](const Frame& f) { phase_bar_.draw(f, *this); });
    // A saved version shown or compared: its banner or key, and the comparison's marks.
    draw_version_views();
    const bool version = version_shown();
    // Legend, bottom-left, drawn with the same code as the snapshot's, while the map is in use.
    if (phase >= Phase::Netwerkkaart) {
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        const ImVec2 size = draw_legend(dl, fonts_, strings_, ImVec2(0, 0), k_, true);
        legend_size_ = size;
        const ImVec2 pos(20 * k_, float(height_) - size.y - 20 * k_);
        draw_legend(dl, fonts_, strings_, pos, k_);
        targets_.panel({pos, ImVec2(pos.x + size.x, pos.y + size.y)});
    }
    auto part = [this](auto& p) { with_part([this, &p](const Frame& f) { p.draw(f, *this); }); };
    if (!version) switch (phase) {  // a version shown: the phase's panels step aside
        case Phase::Vooraf: draw_setup(); break;
        case Phase::Introductie: part(intro_); break;
        case Phase::Brainstorm: part(brainstorm_); break;
        case Phase::Netwerkkaart: draw_stack_offers(); break;
        case Phase::Prioriteiten: part(pens_); break;
        case Phase::Gesprek: part(cards_); break;
        case Phase::Terugblik: part(closing_); break;
        case Phase::Naverwerking:
            draw_keep();
            draw_versions_panel();  // ui_versions.cpp
            break;
        default: break;
    }
    if (!version && phase != Phase::Introductie && phase != Phase::Prioriteiten) draw_toolbar();
    if (board_editable()) part(note_menu_);
    with_part([this](const Frame& f) { brainstorm_.draw_question(f, *this); });
    // A photo being kept: phase 5's panel shows its progress, elsewhere a small banner.
    if (photo_busy() && (version || phase != Phase::Naverwerking)) draw_photo_banner();
    // Say what the screen waits for: the end of typing, or the rest of a link.
    const char* waiting = editor_.active() ? "note.typing_hint" : input_.gestures().armed_link() ? "link.hint" : nullptr;
    with_part([this, waiting](const Frame& f) { messages_.draw(f, *this, waiting); });
    draw_facilitator();
}

void App::draw_toolbar() {
    const float h = 72 * k_;
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 20 * k_, float(height_) - 20 * k_), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::Begin("##toolbar", nullptr, kPanelFlags);
    const History& hist = session_->history();
    auto button = [&](const char* id, const std::string& label, bool enabled, float w = 0) {
        ImGui::BeginDisabled(!enabled);
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(w, h));
        ImGui::EndDisabled();
        targets_.control(id, item_rect());
        return pressed && enabled;
    };
    // The undo button names what it will undo: with ten people at the screen, the last
    // action may be someone else's.
    const std::string undo_what = label_text(hist.undo_label());
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                       undo_what.empty() ? strings_.get("undo.nothing").c_str()
                                         : strings_.format("undo.label", {undo_what}).c_str());
    ImGui::PopFont();
    bool add = false;
    if (board_editable()) {
        push_primary_button();
        add = button("note.add", strings_.get("button.note_add"), true);
        pop_primary_button();
        ImGui::SameLine();
    }
    if (add) edit_note({0, geo::free_lane_slot(session_->current()), 0}, {});
    if (button("undo", "\xE2\x86\xB6  " + strings_.get("button.undo"), hist.can_undo())) {
        commit_editing();
        session_->undo();
    }
    ImGui::SameLine();
    if (button("redo", "\xE2\x86\xB7  " + strings_.get("button.redo"), hist.can_redo())) session_->redo();
    ImGui::SameLine();
    if (button("view.reset", strings_.get("button.view_reset"), !(view_ == fitted_))) view_ = fitted_;
    ImGui::SameLine();
    if (button("snapshot", strings_.get("button.snapshot"), !photo_busy())) request_photo(PhotoKind::Snapshot);
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
