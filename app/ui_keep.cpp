// Phase 5 — Naverwerking: keep the result. One tap writes the map image (which reopens
// as the board), the report for the quality-care folder and the data files into the
// export folder; the folder is chosen here (the documents folder, or a USB stick) — no
// operating-system dialog. The map can also be kept as a version inside its own file.
// Ids: keep.export, keep.snapshot, export.folder.<n>, export.anonymous, version.save.
#include <imgui.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "app.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
namespace fs = std::filesystem;

// The places exports may go: the user's documents folder (subfolder Netwerkkaart) and
// every mounted USB stick, which is how maps travel to the school's own files.
std::vector<std::string> export_places() {
    std::vector<std::string> out;
    const char* docs = std::getenv("XDG_DOCUMENTS_DIR");
    const char* home = std::getenv("HOME");
    if (docs && *docs) out.push_back(std::string(docs) + "/Netwerkkaart");
    else if (home && *home) out.push_back(std::string(home) + "/Documents/Netwerkkaart");
    std::error_code ec;
    for (const char* media : {"/media", "/run/media"})
        for (fs::directory_iterator user(media, ec), end; !ec && user != end; user.increment(ec))
            for (fs::directory_iterator stick(user->path(), ec), e2; !ec && stick != e2; stick.increment(ec))
                if (stick->is_directory(ec)) out.push_back((stick->path() / "Netwerkkaart").string());
    return out;
}
}  // namespace

void App::draw_keep() {
    const std::vector<std::string> places = export_places();
    if (export_dir_.empty() && !places.empty()) export_dir_ = places.front();
    ImGui::SetNextWindowPos(ImVec2(float(width_) - 20 * k_, 150 * k_), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::Begin("##keep", nullptr, kAutoPanelFlags);
    const float w = 620 * k_;
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("keep.title").c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushFont(fonts_.small);
    ImGui::TextUnformatted(strings_.get("keep.text").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(strings_.get("export.where").c_str());
    int n = 0;
    for (const std::string& place : places) {
        const std::string id = "export.folder." + std::to_string(++n);
        const bool on = place == export_dir_;
        if (on) push_primary_button();
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
        if (ImGui::Button((place + "##" + id).c_str(), ImVec2(w, 52 * k_))) export_dir_ = place;
        ImGui::PopStyleVar();
        if (on) pop_primary_button();
        targets_.control(id, item_rect());
    }
    if (ImGui::Checkbox((strings_.get("export.anonymous") + "##export.anonymous").c_str(), &export_anonymous_)) {}
    targets_.control("export.anonymous", item_rect());
    ImGui::Spacing();
    push_primary_button();
    const bool go = ImGui::Button((strings_.get("keep.export_button") + "##keep.export").c_str(), ImVec2(w, 72 * k_));
    pop_primary_button();
    targets_.control("keep.export", item_rect());
    if (go && !export_dir_.empty()) {
        commit_editing();
        std::vector<std::string> written;
        std::string error;
        if (export_to(export_dir_, export_anonymous_, written, error))
            show_message(strings_.format("export.done", {std::to_string(written.size()), export_dir_}), true);
        else
            show_message(error, true);
    }
    ImGui::Spacing();
    if (ImGui::Button((strings_.get("version.save") + "##version.save").c_str(), ImVec2(w, 56 * k_))) {
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
        session_->dispatch(act::SaveVersion{date, strings_.get("version.note")});
        show_message(strings_.format("version.saved", {date}), false);
    }
    targets_.control("version.save", item_rect());
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("keep.next_year").c_str());
    ImGui::PopTextWrapPos();
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
