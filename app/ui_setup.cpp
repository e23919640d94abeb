// Phase 0 — Vooraf: the school's name, the team (a first name or initials, and a role),
// who leads and who writes, the 90- or 120-minute plan, the language, and an earlier map
// to start from. Ids: setup.school, participant.add, participant.N.name,
// participant.N.role.<role>, participant.N.remove, setup.facilitator.N, setup.notetaker.N,
// plan.90, plan.120, lang.nl, lang.en, setup.open.<n>, setup.merge.<n> (ui_versions.cpp).
#include <imgui.h>

#include "ui_setup.hpp"
#include "side_panel.hpp"
#include "theme.hpp"

namespace nk::app {

Setup::Choice Setup::draw(const Frame& f, Shell& shell, const std::vector<std::filesystem::path>& files, Options& opt,
                          Stations& stations) {
    Choice choice;
        const Document& d = f.doc;
    const float x0 = float(f.width) * 0.36f, top = 136 * f.k;
    place_side_panel(f, x0, top, 150 * f.k);
    ImGui::Begin("##setup", nullptr, kFixedPanelFlags);
    const float total = ImGui::GetContentRegionAvail().x;
    const float gap = 28 * f.k;
    const float wa = total * 0.64f - gap / 2, wb = total - wa - gap;  // team | the rest
    auto heading = [&](const char* key) {
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextUnformatted(f.strings.get(key).c_str());
        ImGui::PopFont();
    };
    auto chip = [&](const std::string& id, const std::string& label, bool on, ImU32 colour = 0) {
        if (on) push_primary_button();
        if (colour && !on) ImGui::PushStyleColor(ImGuiCol_Text, ImColor(colour).Value);
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(0, 52 * f.k));
        if (colour && !on) ImGui::PopStyleColor();
        if (on) pop_primary_button();
        shell.layout().control(id, item_rect());
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
    ImGui::PushFont(f.fonts.small);
    ImGui::PushTextWrapPos(wa);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("setup.existing_map").c_str());
    ImGui::PopTextWrapPos();
    // Each file: open it instead of this map, or add it to this map (another group's map,
    // ui_versions.cpp).
    int file_no = 0;
    for (const std::filesystem::path& file : files) {
        const std::string num = std::to_string(++file_no);
        const bool open = chip("setup.open." + num, file.filename().string(), false);
        ImGui::SameLine();
        const bool merge = chip("setup.merge." + num, "+ " + f.strings.get("merge.button"), false);
        if (open) choice.open = file.string();
        if (merge) choice.merge = file.string();
    }
    if (files.empty()) ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("merge.none").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::Spacing();
    heading("setup.participants_title");
    ImGui::PushFont(f.fonts.small);
    ImGui::PushTextWrapPos(wa);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("setup.participant_hint").c_str());
    ImGui::PopTextWrapPos();
    for (const Participant& p : d.participants) {
        const std::string n = std::to_string(p.id);
        ImGui::PushID(p.id);
        const Id pid = p.id;
        const ImVec2 c = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + 10 * f.k, c.y + 26 * f.k), 9 * f.k, role_colour(p.role));
        ImGui::Dummy(ImVec2(22 * f.k, 52 * f.k));
        ImGui::SameLine();
        ImGui::PopFont();
        shell.text_field("participant." + n + ".name", p.name, wa * 0.26f, false,
                   [pid](const std::string& t) -> Action { return act::SetParticipantName{pid, t}; },
                   f.strings.get("setup.name_hint").c_str());
        ImGui::PushFont(f.fonts.small);
        for (int r = 0; r < kRoleCount; ++r) {
            ImGui::SameLine();
            const std::string rid(role_id(Role(r)));
            if (chip("participant." + n + ".role." + rid, f.strings.get("role." + rid + ".short"), p.role == Role(r),
                     role_colour(Role(r))))
                shell.dispatch(act::SetParticipantRole{pid, Role(r)});
        }
        ImGui::SameLine();
        if (chip("participant." + n + ".remove", "\xC3\x97", false)) shell.dispatch(act::RemoveParticipant{pid});
        ImGui::PopID();
    }
    ImGui::PopFont();
    if (chip("participant.add", "+ " + f.strings.get("setup.add_participant"), false)) {
        // The new participant's id is the next one now: its name field takes the focus.
        shell.focus_field("participant." + std::to_string(d.next_participant_id()) + ".name");
        shell.dispatch(act::AddParticipant{"", Role::Leraar});
    }
    ImGui::EndChild();

    // ---- right: school, who leads and writes, plan, screen, language ----
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("##session", ImVec2(wb, 0), false, ImGuiWindowFlags_NoNav);
    heading("setup.school_label");
    shell.text_field("setup.school", d.school, wb, false, [](const std::string& t) -> Action { return act::SetSchoolName{t}; });
    auto who = [&](const char* key, const char* prefix, Id current, auto make) {
        ImGui::Spacing();
        heading(key);
        ImGui::PushFont(f.fonts.small);
        chips(wb, [&](auto&& place) {
            for (const Participant& p : d.participants) {
                const std::string label = p.name.empty() ? "#" + std::to_string(p.id) : p.name;
                place(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x);
                if (chip(std::string(prefix) + std::to_string(p.id), label, current == p.id))
                    shell.dispatch(make(current == p.id ? 0 : p.id));
            }
        });
        ImGui::PopFont();
    };
    who("setup.facilitator", "setup.facilitator.", d.facilitator, [](Id id) -> Action { return act::SetFacilitator{id}; });
    who("setup.notetaker", "setup.notetaker.", d.notetaker, [](Id id) -> Action { return act::SetNotetaker{id}; });
    ImGui::Spacing();
    heading("setup.plan");
    if (chip("plan.90", "90 min", d.plan_minutes == 90)) shell.dispatch(act::SetPlan{90});
    ImGui::SameLine();
    if (chip("plan.120", "120 min", d.plan_minutes == 120)) shell.dispatch(act::SetPlan{120});
    ImGui::Spacing();
    heading("setup.layout");
    if (chip("layout.wall", f.strings.get("setup.layout.wall"), stations.layout() == StationLayout::Wall)) {
        stations.set_layout(StationLayout::Wall);
        opt.layout = "wall";
    }
    ImGui::SameLine();
    if (chip("layout.table", f.strings.get("setup.layout.table"), stations.layout() == StationLayout::Table)) {
        stations.set_layout(StationLayout::Table);
        opt.layout = "table";
    }
    if (chip("keys.azerty", "AZERTY", opt.keys == "azerty")) {
        opt.keys = "azerty";
        stations.set_keyboard_layout(kb::Layout::Azerty);
    }
    ImGui::SameLine();
    if (chip("keys.qwerty", "QWERTY", opt.keys == "qwerty")) {
        opt.keys = "qwerty";
        stations.set_keyboard_layout(kb::Layout::Qwerty);
    }
    ImGui::Spacing();
    heading("setup.lang");
    if (chip("lang.nl", "Nederlands", opt.lang == "nl")) choice.language = "nl";
    ImGui::SameLine();
    if (chip("lang.en", "English", opt.lang == "en")) choice.language = "en";
    ImGui::EndChild();
    shell.layout().panel("setup", window_rect());
    ImGui::End();
    return choice;
}

}  // namespace nk::app
