// Phase 0 — Vooraf: the school's name, the team (a first name or initials, and a role),
// who leads and who writes, the 90- or 120-minute plan, the language, and an earlier map
// to start from. Ids: setup.school, participant.add, participant.N.name,
// participant.N.role.<role>, participant.N.remove, setup.facilitator.N, setup.notetaker.N,
// plan.90, plan.120, lang.nl, lang.en, setup.open.<n>, setup.merge.<n> (ui_versions.cpp).
#include <imgui.h>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {

void App::draw_setup() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    const float x0 = float(width_) * 0.36f, top = 136 * k_;
    ImGui::SetNextWindowPos(ImVec2(x0, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(float(width_) - x0 - 20 * k_, float(height_) - top - 130 * k_), ImGuiCond_Always);
    ImGui::Begin("##setup", nullptr, kFixedPanelFlags);
    const float total = ImGui::GetContentRegionAvail().x;
    const float gap = 28 * k_;
    const float wa = total * 0.64f - gap / 2, wb = total - wa - gap;  // team | the rest
    auto heading = [&](const char* key) {
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(strings_.get(key).c_str());
        ImGui::PopFont();
    };
    auto chip = [&](const std::string& id, const std::string& label, bool on, ImU32 colour = 0) {
        if (on) push_primary_button();
        if (colour && !on) ImGui::PushStyleColor(ImGuiCol_Text, ImColor(colour).Value);
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(0, 52 * k_));
        if (colour && !on) ImGui::PopStyleColor();
        if (on) pop_primary_button();
        targets_.control(id, item_rect());
        return pressed;
    };
    // A row of chips that wraps within `width`.
    auto chips = [&](float width, auto&& each) {
        float line = 0;
        each([&](float w) {
            if (line > 0 && line + w <= width) ImGui::SameLine();
            else line = 0;
            line += w + ImGui::GetStyle().ItemSpacing.x;
        });
    };

    // ---- left: an earlier map first (opening one brings its team along), then the team ----
    ImGui::BeginChild("##team", ImVec2(wa, 0), false, ImGuiWindowFlags_NoNav);
    heading("setup.existing_title");
    ImGui::PushFont(fonts_.small);
    ImGui::PushTextWrapPos(wa);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("setup.existing_map").c_str());
    ImGui::PopTextWrapPos();
    // Each file: open it instead of this map, or add it to this map (another group's map,
    // ui_versions.cpp).
    int file_no = 0;
    const auto files = board_files();  // a copy: opening or merging may rescan
    for (const std::filesystem::path& f : files) {
        const std::string num = std::to_string(++file_no);
        const bool open = chip("setup.open." + num, f.filename().string(), false);
        ImGui::SameLine();
        const bool merge = chip("setup.merge." + num, "+ " + strings_.get("merge.button"), false);
        std::string err;
        if (open && !open_board(f.string(), err)) show_message(err, true);
        if (merge) merge_board_file(f.string());
    }
    if (files.empty()) ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("merge.none").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();
    heading("setup.participants_title");
    ImGui::PushFont(fonts_.small);
    ImGui::PushTextWrapPos(wa);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("setup.participant_hint").c_str());
    ImGui::PopTextWrapPos();
    for (const Participant& p : d.participants) {
        const std::string n = std::to_string(p.id);
        ImGui::PushID(p.id);
        const Id pid = p.id;
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + 10 * k_, c.y + 26 * k_), 9 * k_, role_colour(p.role));
        ImGui::Dummy(ImVec2(22 * k_, 52 * k_));
        ImGui::SameLine();
        ImGui::PopFont();
        text_field("participant." + n + ".name", p.name, wa * 0.26f, false,
                   [pid](const std::string& t) -> Action { return act::SetParticipantName{pid, t}; },
                   strings_.get("setup.name_hint").c_str());
        ImGui::PushFont(fonts_.small);
        for (int r = 0; r < kRoleCount; ++r) {
            ImGui::SameLine();
            const std::string rid(role_id(Role(r)));
            if (chip("participant." + n + ".role." + rid, strings_.get("role." + rid + ".short"), p.role == Role(r),
                     role_colour(Role(r))))
                session_->dispatch(act::SetParticipantRole{pid, Role(r)});
        }
        ImGui::SameLine();
        if (chip("participant." + n + ".remove", "\xC3\x97", false)) session_->dispatch(act::RemoveParticipant{pid});
        ImGui::PopID();
    }
    ImGui::PopFont();
    if (chip("participant.add", "+ " + strings_.get("setup.add_participant"), false)) {
        session_->dispatch(act::AddParticipant{"", Role::Leraar});
        focus_field("participant." + std::to_string(session_->current().participants.back().id) + ".name");
    }
    ImGui::EndChild();

    // ---- right: school, who leads and writes, plan, screen, language ----
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("##session", ImVec2(wb, 0), false, ImGuiWindowFlags_NoNav);
    heading("setup.school_label");
    text_field("setup.school", d.school, wb, false, [](const std::string& t) -> Action { return act::SetSchoolName{t}; });
    auto who = [&](const char* key, const char* prefix, Id current, auto make) {
        ImGui::Spacing();
        heading(key);
        ImGui::PushFont(fonts_.small);
        chips(wb, [&](auto&& place) {
            for (const Participant& p : d.participants) {
                const std::string label = p.name.empty() ? "#" + std::to_string(p.id) : p.name;
                place(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x);
                if (chip(std::string(prefix) + std::to_string(p.id), label, current == p.id))
                    session_->dispatch(make(current == p.id ? 0 : p.id));
            }
        });
        ImGui::PopFont();
    };
    who("setup.facilitator", "setup.facilitator.", d.facilitator, [](Id id) -> Action { return act::SetFacilitator{id}; });
    who("setup.notetaker", "setup.notetaker.", d.notetaker, [](Id id) -> Action { return act::SetNotetaker{id}; });
    ImGui::Spacing();
    heading("setup.plan");
    if (chip("plan.90", "90 min", d.plan_minutes == 90)) session_->dispatch(act::SetPlan{90});
    ImGui::SameLine();
    if (chip("plan.120", "120 min", d.plan_minutes == 120)) session_->dispatch(act::SetPlan{120});
    ImGui::Spacing();
    heading("setup.layout");
    if (chip("layout.wall", strings_.get("setup.layout.wall"), brainstorm_.stations().layout() == StationLayout::Wall)) {
        brainstorm_.stations().set_layout(StationLayout::Wall);
        opt_.layout = "wall";
    }
    ImGui::SameLine();
    if (chip("layout.table", strings_.get("setup.layout.table"), brainstorm_.stations().layout() == StationLayout::Table)) {
        brainstorm_.stations().set_layout(StationLayout::Table);
        opt_.layout = "table";
    }
    if (chip("keys.azerty", "AZERTY", opt_.keys == "azerty")) {
        opt_.keys = "azerty";
        brainstorm_.stations().set_keyboard_layout(kb::Layout::Azerty);
    }
    ImGui::SameLine();
    if (chip("keys.qwerty", "QWERTY", opt_.keys == "qwerty")) {
        opt_.keys = "qwerty";
        brainstorm_.stations().set_keyboard_layout(kb::Layout::Qwerty);
    }
    ImGui::Spacing();
    heading("setup.lang");
    if (chip("lang.nl", "Nederlands", opt_.lang == "nl")) set_language("nl");
    ImGui::SameLine();
    if (chip("lang.en", "English", opt_.lang == "en")) set_language("en");
    ImGui::EndChild();
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
