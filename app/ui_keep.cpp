// Phase 5 — Naverwerking: keep the result. One tap writes the map image (which reopens
// as the board), the report for the quality-care folder and the data files into the
// export folder; the folder is chosen here (the documents folder, or a USB stick) — no
// operating-system dialog. The photo's size is chosen here too (this screen, 4K, A3 for
// print); it holds for the toolbar's Foto button as well. While a photo is being written
// (photo_job.hpp) a turning circle says so, the export buttons wait, and the board stays
// in use. The map can also be kept as a version inside its own file.
// Ids: keep.export, export.folder.<n>, export.anonymous, export.size.screen,
// export.size.4k, export.size.a3, version.save.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "ui_keep.hpp"
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

// An open circle that turns once every 1.2 s: something is being done, no end promised.
void draw_spinner(ImVec2 centre, float r, float thickness, double ms) {
    constexpr float kTurn = 6.2831853f;
    const float a = float(std::fmod(ms / 1200.0, 1.0)) * kTurn;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(centre, r, IM_COL32(222, 214, 200, 255), 32, thickness);
    dl->PathArcTo(centre, r, a, a + kTurn * 0.3f, 16);
    dl->PathStroke(colour::kAccent, 0, thickness);
}
}  // namespace

void Photos::draw_progress(const Frame& f, float width) const {
    // A box as large as the button it stands in for, so nothing below it moves.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = 72 * f.k, r = 17 * f.k;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + width, at.y + h), colour::kLaneFill, ImGui::GetStyle().FrameRounding);
    draw_spinner(ImVec2(at.x + 22 * f.k + r, at.y + h / 2), r, 5 * f.k, f.now_ms);
    const float tx = at.x + 22 * f.k + 2 * r + 20 * f.k;
    const std::string& what = f.strings.get(kind_ == Kind::Export ? "export.busy" : "photo.busy");
    const std::string& hint = f.strings.get("photo.busy_hint");
    const float line = f.fonts.ui->FontSize, small = f.fonts.small->FontSize;
    const float ty = at.y + (h - line - small - 4 * f.k) / 2;
    dl->AddText(f.fonts.ui, line, ImVec2(tx, ty), colour::kInk, what.c_str());
    dl->AddText(f.fonts.small, small, ImVec2(tx, ty + line + 4 * f.k), colour::kInkSoft, hint.c_str());
    ImGui::Dummy(ImVec2(width, h));
}

void Photos::draw_banner(const Frame& f) const {
    // Above the toolbar (bottom right), where the Foto button was tapped.
    ImGui::SetNextWindowPos(ImVec2(float(f.width) - 20 * f.k, float(f.height) - 150 * f.k), ImGuiCond_Always, ImVec2(1, 1));
    ImGui::Begin("##photo", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoInputs);
    draw_progress(f, 560 * f.k);
    ImGui::End();
}

void Photos::draw_sizes(const Frame& f, Shell& shell, float w) {
    ImGui::TextUnformatted(f.strings.get("export.size").c_str());
    struct Choice {
        Size size;
        const char* id;
        std::string label;
    };
    const std::string screen = f.strings.format("export.size.screen", {std::to_string(int(f.width)), std::to_string(int(f.height))});
    const Choice choices[] = {
        {Size::Screen, "export.size.screen", screen},
        {Size::FourK, "export.size.4k", f.strings.get("export.size.4k")},
        {Size::A3, "export.size.a3", f.strings.get("export.size.a3")},
    };
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 size((w - 2 * gap) / 3, 84 * f.k);
    for (const Choice& c : choices) {
        if (c.size != Size::Screen) ImGui::SameLine();
        const bool on = size_ == c.size;
        if (on) push_primary_button();
        if (ImGui::Button((c.label + "##" + c.id).c_str(), size)) size_ = c.size;
        if (on) pop_primary_button();
        shell.layout().control(c.id, item_rect());
    }
}

void Keep::draw(const Frame& f, Shell& shell, Photos& photos) {
    const std::vector<std::string> places = export_places();
    if (export_dir_.empty() && !places.empty()) export_dir_ = places.front();
    ImGui::SetNextWindowPos(ImVec2(float(f.width) - 20 * f.k, 150 * f.k), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::Begin("##keep", nullptr, kAutoPanelFlags);
    const float w = 620 * f.k;
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("keep.title").c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::PushFont(f.fonts.small);
    ImGui::TextUnformatted(f.strings.get("keep.text").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(f.strings.get("export.where").c_str());
    int n = 0;
    for (const std::string& place : places) {
        const std::string id = "export.folder." + std::to_string(++n);
        const bool on = place == export_dir_;
        if (on) push_primary_button();
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
        if (ImGui::Button((place + "##" + id).c_str(), ImVec2(w, 52 * f.k))) export_dir_ = place;
        ImGui::PopStyleVar();
        if (on) pop_primary_button();
        shell.layout().control(id, item_rect());
    }
    // The box, and its label wrapped within the panel beside it (on one line the label made
    // the panel wider than its content, and the map beside it smaller); either toggles it.
    ImGui::Checkbox("##export.anonymous", &anonymous_);
    Rect anonymous = item_rect();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(f.strings.get("export.anonymous").c_str());
    if (ImGui::IsItemClicked()) anonymous_ = !anonymous_;
    const ImVec2 label_max = ImGui::GetItemRectMax();
    anonymous.max = ImVec2(std::max(anonymous.max.x, label_max.x), std::max(anonymous.max.y, label_max.y));
    shell.layout().control("export.anonymous", anonymous);
    ImGui::Spacing();
    photos.draw_sizes(f, shell, w);
    ImGui::Spacing();
    // One photo at a time: while one is written, its progress stands where the button
    // was (a tap there does nothing) and the board stays in use.
    if (photos.busy()) {
        photos.draw_progress(f, w);
    } else {
        ImGui::BeginDisabled(export_dir_.empty());
        push_primary_button();
        if (ImGui::Button((f.strings.get("keep.export_button") + "##keep.export").c_str(), ImVec2(w, 72 * f.k))) {
            shell.commit_editing();
            photos.request(Photos::Kind::Export, f.frame_no, export_dir_, anonymous_);
        }
        pop_primary_button();
        ImGui::EndDisabled();
    }
    shell.layout().control("keep.export", item_rect());
    ImGui::Spacing();
    if (ImGui::Button((f.strings.get("version.save") + "##version.save").c_str(), ImVec2(w, 56 * f.k))) {
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
        shell.dispatch(act::SaveVersion{date, f.strings.get("version.note")});
        shell.show_message(f.strings.format("version.saved", {long_date(f.strings, date)}), false);
    }
    shell.layout().control("version.save", item_rect());
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("keep.next_year").c_str());
    ImGui::PopTextWrapPos();
    shell.layout().panel("keep", window_rect());
    panel_w_ = ImGui::GetWindowSize().x;  // the map leaves it this column (compute_fitted)
    ImGui::End();
}

}  // namespace nk::app
