// Other groups' maps and earlier versions of this one: merging another group's board file
// into this map (one undo step), showing a saved version read-only, and comparing a saved
// version with the current map on the board, with a key to the marks.
//
// Where: phase 0 lists the board files next to "open" (setup.merge.<n>); the facilitator's
// panel (any phase) has both the files (merge.file.<n>) and the versions; phase 5 lists
// the versions under "save as new version". While a version is shown the phase's own
// panels and the button bar step aside and the board takes no gestures (board_editable).
// Ids: setup.merge.<n>, merge.file.<n>, version.open.N, version.compare.N (N counts the
// saved versions from 1, oldest first, as in the file), version.close, compare.close,
// compare.legend (the key; not a button).
#include <imgui.h>

#include <algorithm>

#include "ui_versions.hpp"
#include "board_files.hpp"
#include "compare.hpp"
#include "compare_renderer.hpp"
#include "merge.hpp"
#include "theme.hpp"

namespace nk::app {
namespace fs = std::filesystem;
namespace {
constexpr double kRescanMs = 1000;   // how often the file list looks at the disk again
constexpr float kKeyWidth = 440;     // the comparison key's panel, at 1080 px high
constexpr int kVersionsShown = 4;    // the newest ones; older ones stay in the file
constexpr float kVersionsPanelWidth = 420;  // phase 5's list, at 1080 px high
constexpr ImU32 kReadOnlyFrame = IM_COL32(214, 150, 40, 255);

// A version's date as the report writes it ("27 november 2025"); "?" when it has none.
std::string version_date(const Strings& s, const Version& v) { return v.date.empty() ? "?" : long_date(s, v.date); }
}  // namespace

const std::vector<fs::path>& VersionsPanel::board_files(const std::string& data_dir, double now_ms) {
    if (now_ms - board_files_at_ >= kRescanMs || now_ms < board_files_at_) {
        board_files_ = find_board_files(data_dir);
        board_files_at_ = now_ms;
    }
    return board_files_;
}

const Document& VersionsPanel::shown_board(const Document& d) const {
    if (viewing_ > 0 && viewing_ <= int(d.versions.size())) return d.versions[size_t(viewing_) - 1].board;
    return d;
}

double VersionsPanel::key_width(float k) const { return comparing_ > 0 ? double((kKeyWidth + 40) * k) : 0.0; }

int VersionsPanel::groups_naming(const Document& d, const std::vector<Id>& group) const {
    std::vector<bool> batch_hit(merged_batches_.size(), false);
    bool ours = false;
    for (Id id : group) {
        const Partner* p = d.partner(id);
        if (!p) continue;
        const std::string key = fold(p->text);
        bool merged = false;
        for (size_t b = 0; b < merged_batches_.size(); ++b)
            if (auto it = merged_batches_[b].find(id); it != merged_batches_[b].end() && it->second == key)
                batch_hit[b] = merged = true;
        ours |= !merged;
    }
    return int(ours) + int(std::count(batch_hit.begin(), batch_hit.end(), true));
}

void VersionsPanel::merged(const Document& before, const Document& after) {
    std::map<Id, std::string> batch;
    for (const Partner& p : after.partners)
        if (!before.partner(p.id)) batch[p.id] = fold(p.text);
    merged_batches_.push_back(std::move(batch));
}

void VersionsPanel::draw_merge_list(const Frame& f, Shell& shell, const std::vector<fs::path>& files,
                               const std::string& id_prefix, float width, Choice& choice) {
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("merge.title").c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("merge.hint").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (files.empty()) {
        ImGui::PushFont(f.fonts.small);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("merge.none").c_str());
        ImGui::PopFont();
    }
    int n = 0;
    for (const fs::path& file : files) {
        const std::string id = id_prefix + std::to_string(++n);
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
        const bool pressed = ImGui::Button(("+  " + file.filename().string() + "##" + id).c_str(), ImVec2(width, 60 * f.k));
        ImGui::PopStyleVar();
        shell.layout().control(id, item_rect());
        if (pressed) choice.merge = file.string();
    }
}

void VersionsPanel::draw_list(const Frame& f, Shell& shell, float width, int max_rows, Choice& choice) {
    const Document& d = f.doc;
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("versions.title").c_str());
    ImGui::PopFont();
    if (d.versions.empty()) {
        ImGui::PushFont(f.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("versions.none").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        return;
    }
    // Not during the brainstorm: the writers' stations stay open and at work then, and a
    // board shown read-only under them would only confuse (show_version refuses too).
    const bool offered = d.phase != Phase::Brainstorm;
    if (!offered) {
        ImGui::PushFont(f.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("versions.not_in_brainstorm").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    // Newest first: each version its date and note, then two big buttons.
    const float h = 56 * f.k, half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    int to_open = 0, to_compare = 0;
    const int count = int(d.versions.size());
    for (int i = count; i >= 1 && i > count - max_rows; --i) {
        const Version& v = d.versions[size_t(i) - 1];
        const std::string n = std::to_string(i);
        ImGui::Spacing();
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const std::string date = version_date(f.strings, v);
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextUnformatted(date.c_str());
        const float date_w = ImGui::GetItemRectSize().x;
        ImGui::PopFont();
        if (!v.note.empty()) {
            // The note beside the date, cut to the room there is.
            ImGui::SameLine();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->PushClipRect(at, ImVec2(p0.x + width, at.y + ImGui::GetFontSize() * 1.4f), true);
            const float fs = Fonts::kSmall * f.k;
            dl->AddText(f.fonts.small, fs, ImVec2(at.x, at.y + (ImGui::GetFontSize() - fs) * 0.6f), colour::kInkSoft,
                        v.note.c_str());
            dl->PopClipRect();
            ImGui::Dummy(ImVec2(std::max(1.0f, width - date_w - ImGui::GetStyle().ItemSpacing.x), 1));
        }
        ImGui::BeginDisabled(!offered);
        if (ImGui::Button((f.strings.get("version.view") + "##version.open." + n).c_str(), ImVec2(half, h))) to_open = i;
        shell.layout().control("version.open." + n, item_rect());
        ImGui::SameLine();
        if (ImGui::Button((f.strings.get("version.compare") + "##version.compare." + n).c_str(), ImVec2(half, h)))
            to_compare = i;
        shell.layout().control("version.compare." + n, item_rect());
        ImGui::EndDisabled();
    }
    if (count > max_rows) {
        ImGui::PushFont(f.fonts.small);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                           f.strings.format("versions.more", {std::to_string(count - max_rows)}).c_str());
        ImGui::PopFont();
    }
    if (to_open || to_compare) choice = {true, to_open, to_compare, {}};
}

void VersionsPanel::draw_panel(const Frame& f, Shell& shell, Choice& choice) {
    if (f.doc.versions.empty()) return;
    // Top left, beside or above the map (compute_fitted keeps the map clear of it); the keep
    // panel is right.
    ImGui::SetNextWindowPos(ImVec2(20 * f.k, 150 * f.k), ImGuiCond_Always);
    ImGui::Begin("##versions", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    draw_list(f, shell, kVersionsPanelWidth * f.k, kVersionsShown, choice);
    shell.layout().panel("versions", window_rect());
    panel_size_ = ImGui::GetWindowSize();  // the map keeps clear of it (compute_fitted)
    ImGui::End();
}

void VersionsPanel::draw_views(const Frame& f, Shell& shell, Choice& choice) {
    const Document& d = f.doc;
    // A version that is no longer there (its saving was undone) is no longer shown.
    if (viewing_ > int(d.versions.size()) || comparing_ > int(d.versions.size())) {
        choice = {true, 0, 0, {}};
        return;
    }
    if (!shown()) return;
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const float w = float(f.width), h = float(f.height);

    if (viewing_) {
        // Read-only: a warm frame round the whole screen, and a banner that says so.
        bg->AddRect(ImVec2(5 * f.k, 5 * f.k), ImVec2(w - 5 * f.k, h - 5 * f.k), kReadOnlyFrame, 0, 0, 10 * f.k);
        const Version& v = d.versions[size_t(viewing_) - 1];
        // One row over the phase's hint line, above the board's outer ring.
        ImGui::SetNextWindowPos(ImVec2(w / 2, 92 * f.k), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_Border, ImColor(kReadOnlyFrame).Value);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3 * f.k);
        ImGui::Begin("##versionview", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::BeginGroup();
        ImGui::PushFont(f.fonts.bold);
        ImGui::TextUnformatted(f.strings.format("version.banner", {version_date(f.strings, v)}).c_str());
        ImGui::PopFont();
        if (!v.note.empty()) {
            ImGui::PushFont(f.fonts.small);
            ImGui::TextColored(ImColor(colour::kInkSoft), "%s", v.note.c_str());
            ImGui::PopFont();
        }
        ImGui::EndGroup();
        ImGui::SameLine(0, 28 * f.k);
        const int viewed = viewing_;
        push_primary_button();
        const bool back = ImGui::Button((f.strings.get("version.close") + "##version.close").c_str(), ImVec2(0, 64 * f.k));
        pop_primary_button();
        shell.layout().control("version.close", item_rect());
        ImGui::SameLine();
        const std::string cid = "version.compare." + std::to_string(viewed);
        const bool cmp = ImGui::Button((f.strings.get("version.compare_now") + "##" + cid).c_str(), ImVec2(0, 64 * f.k));
        shell.layout().control(cid, item_rect());
        shell.layout().panel("versions.view", window_rect());
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        if (back) choice = {true, 0, 0, {}};
        else if (cmp) choice = {true, 0, viewed, {}};
        return;
    }

    // Comparing: the marks on the current board, and the key beside it.
    const Version& v = d.versions[size_t(comparing_) - 1];
    const Comparison changes = compare_boards(v.board, d);
    CompareScene sc;
    sc.older = &v.board;
    sc.newer = &d;
    sc.changes = &changes;
    sc.view = f.view;
    sc.ui_scale = f.k;
    draw_comparison(bg, f.fonts, sc);

    const float kw = kKeyWidth * f.k;
    ImGui::SetNextWindowPos(ImVec2(w - 20 * f.k, 92 * f.k), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(kw + 60 * f.k, h - 110 * f.k));
    ImGui::Begin("##compare", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kw);
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.format("compare.title", {version_date(f.strings, v)}).c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.fonts.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", f.strings.get("compare.subtitle").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    if (changes.empty()) {
        ImGui::TextUnformatted(f.strings.get("compare.nothing").c_str());
    } else {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size = draw_compare_key(ImGui::GetWindowDrawList(), f.fonts, f.strings, changes, at, kw, f.k);
        ImGui::Dummy(size);
        shell.layout().control("compare.legend", {at, ImVec2(at.x + size.x, at.y + size.y)});
        // Who chose differently, by name: what a team talks about first.
        if (!changes.priorities_changed.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(f.fonts.small);
            const std::string none = f.strings.get("compare.no_choice");
            int lines = 0;
            for (const Comparison::PriorityChange& pc : changes.priorities_changed) {
                if (++lines > 5) break;
                ImGui::TextUnformatted(f.strings.format("compare.person", {pc.name, pc.from.empty() ? none : pc.from,
                                                                          pc.to.empty() ? none : pc.to})
                                           .c_str());
            }
            ImGui::PopFont();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    push_primary_button();
    const bool close = ImGui::Button((f.strings.get("compare.close") + "##compare.close").c_str(), ImVec2(kw, 64 * f.k));
    pop_primary_button();
    shell.layout().control("compare.close", item_rect());
    shell.layout().panel("compare", window_rect());
    ImGui::End();
    if (close) choice = {true, 0, 0, {}};
}

}  // namespace nk::app
