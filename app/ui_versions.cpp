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

#include "app.hpp"
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

const std::vector<fs::path>& App::board_files() {
    if (clock_ms_ - board_files_at_ >= kRescanMs || clock_ms_ < board_files_at_) {
        board_files_ = find_board_files(opt_.data_dir);
        board_files_at_ = clock_ms_;
    }
    return board_files_;
}

const Document& App::shown_board() const {
    const Document& d = session_->current();
    if (viewing_version_ > 0 && viewing_version_ <= int(d.versions.size())) return d.versions[size_t(viewing_version_) - 1].board;
    return d;
}

double App::version_panel_width() const { return compare_version_ > 0 ? double((kKeyWidth + 40) * k_) : 0.0; }

void App::show_version(int viewing, int comparing) {
    const int n = int(session_->current().versions.size());
    if (viewing < 0 || viewing > n) viewing = 0;
    if (comparing < 0 || comparing > n) comparing = 0;
    if (session_->current().phase == Phase::Brainstorm) viewing = comparing = 0;  // see draw_versions_list
    if (viewing == viewing_version_ && comparing == compare_version_) return;
    commit_editing();
    note_menu_.close();
    input_.gestures().disarm_link();
    pens_.put_back();
    viewing_version_ = viewing;
    compare_version_ = comparing;
    ++layer_epoch_;  // the board's cached picture shows another board now
    relayout();
    view_ = fitted_;
}

int App::groups_naming(const std::vector<Id>& group) const {
    const Document& d = session_->current();
    std::vector<bool> batch_hit(merged_batches_.size(), false);
    bool ours = false;
    for (Id id : group) {
        const Partner* p = d.partner(id);
        if (!p) continue;
        const std::string key = fold_key(p->text);
        bool merged = false;
        for (size_t b = 0; b < merged_batches_.size(); ++b)
            if (auto it = merged_batches_[b].find(id); it != merged_batches_[b].end() && it->second == key)
                batch_hit[b] = merged = true;
        ours |= !merged;
    }
    return int(ours) + int(std::count(batch_hit.begin(), batch_hit.end(), true));
}

bool App::merge_board_file(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    auto parsed = load_board_file(path);
    if (auto* err = std::get_if<LoadError>(&parsed)) {
        show_message(load_error_text(strings_, *err, path) + "\n" + strings_.get("merge.kept"), true);
        log_.error("could not merge " + path + ": " + err->detail);
        return false;
    }
    LoadedBoard& lb = std::get<LoadedBoard>(parsed);
    for (const std::string& c : lb.repairs.changes) log_.info("repaired " + path + " (merged): " + c);
    commit_editing();
    const Document before = session_->current();
    MergeReport report;
    (void)merge_boards(before, lb.doc, &report);  // the reducer does the same; this is for the message
    if (!session_->dispatch(act::MergeBoard{std::move(lb.doc), name})) {
        show_message(strings_.format("merge.empty", {name}), true);
        return false;
    }
    std::map<Id, std::string> batch;
    for (const Partner& p : session_->current().partners)
        if (!before.partner(p.id)) batch[p.id] = fold_key(p.text);
    merged_batches_.push_back(std::move(batch));
    log_.info("merged " + path + ": " + std::to_string(report.partners_added) + " post-its");
    // Which partners both groups named, by name: those are what the team stacks next.
    std::string shared;
    for (size_t i = 0; i < report.same_partner.size(); ++i) {
        if (i == 4) {
            shared += ", \xE2\x80\xA6";  // …
            break;
        }
        if (const Partner* p = before.partner(report.same_partner[i].first)) shared += (i ? ", '" : "'") + p->text + "'";
    }
    const std::string added = std::to_string(report.partners_added);
    show_message(shared.empty() ? strings_.format("merge.done", {name, added})
                                : strings_.format("merge.done_shared", {name, added, shared}),
                 true);
    return true;
}

void App::draw_merge_list(const std::string& id_prefix, float width) {
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("merge.title").c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts_.small);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("merge.hint").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const std::vector<fs::path> files = board_files();  // a copy: merging may rescan
    if (files.empty()) {
        ImGui::PushFont(fonts_.small);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("merge.none").c_str());
        ImGui::PopFont();
    }
    int n = 0;
    for (const fs::path& f : files) {
        const std::string id = id_prefix + std::to_string(++n);
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
        const bool pressed = ImGui::Button(("+  " + f.filename().string() + "##" + id).c_str(), ImVec2(width, 60 * k_));
        ImGui::PopStyleVar();
        targets_.control(id, item_rect());
        if (pressed) {
            facilitator_ = Facilitator::Closed;
            merge_board_file(f.string());
        }
    }
}

void App::draw_versions_list(float width, int max_rows) {
    const Document& d = session_->current();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("versions.title").c_str());
    ImGui::PopFont();
    if (d.versions.empty()) {
        ImGui::PushFont(fonts_.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("versions.none").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        return;
    }
    // Not during the brainstorm: the writers' stations stay open and at work then, and a
    // board shown read-only under them would only confuse (show_version refuses too).
    const bool offered = d.phase != Phase::Brainstorm;
    if (!offered) {
        ImGui::PushFont(fonts_.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("versions.not_in_brainstorm").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    // Newest first: each version its date and note, then two big buttons.
    const float h = 56 * k_, half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    int to_open = 0, to_compare = 0;
    const int count = int(d.versions.size());
    for (int i = count; i >= 1 && i > count - max_rows; --i) {
        const Version& v = d.versions[size_t(i) - 1];
        const std::string n = std::to_string(i);
        ImGui::Spacing();
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        const std::string date = version_date(strings_, v);
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(date.c_str());
        const float date_w = ImGui::GetItemRectSize().x;
        ImGui::PopFont();
        if (!v.note.empty()) {
            // The note beside the date, cut to the room there is.
            ImGui::SameLine();
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->PushClipRect(at, ImVec2(p0.x + width, at.y + ImGui::GetFontSize() * 1.4f), true);
            const float fs = Fonts::kSmall * k_;
            dl->AddText(fonts_.small, fs, ImVec2(at.x, at.y + (ImGui::GetFontSize() - fs) * 0.6f), colour::kInkSoft,
                        v.note.c_str());
            dl->PopClipRect();
            ImGui::Dummy(ImVec2(std::max(1.0f, width - date_w - ImGui::GetStyle().ItemSpacing.x), 1));
        }
        ImGui::BeginDisabled(!offered);
        if (ImGui::Button((strings_.get("version.view") + "##version.open." + n).c_str(), ImVec2(half, h))) to_open = i;
        targets_.control("version.open." + n, item_rect());
        ImGui::SameLine();
        if (ImGui::Button((strings_.get("version.compare") + "##version.compare." + n).c_str(), ImVec2(half, h)))
            to_compare = i;
        targets_.control("version.compare." + n, item_rect());
        ImGui::EndDisabled();
    }
    if (count > max_rows) {
        ImGui::PushFont(fonts_.small);
        ImGui::TextColored(ImColor(colour::kInkSoft), "%s",
                           strings_.format("versions.more", {std::to_string(count - max_rows)}).c_str());
        ImGui::PopFont();
    }
    if (to_open || to_compare) {
        facilitator_ = Facilitator::Closed;
        show_version(to_open, to_compare);
    }
}

void App::draw_versions_panel() {
    if (session_->current().versions.empty()) return;
    // Top left, beside or above the map (compute_fitted keeps the map clear of it); the keep
    // panel is right.
    ImGui::SetNextWindowPos(ImVec2(20 * k_, 150 * k_), ImGuiCond_Always);
    ImGui::Begin("##versions", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    draw_versions_list(kVersionsPanelWidth * k_, kVersionsShown);
    targets_.panel(window_rect());
    versions_panel_size_ = ImGui::GetWindowSize();  // the map keeps clear of it (compute_fitted)
    ImGui::End();
}

void App::draw_version_views() {
    const Document& d = session_->current();
    // A version that is no longer there (its saving was undone) is no longer shown.
    if (viewing_version_ > int(d.versions.size()) || compare_version_ > int(d.versions.size())) show_version(0, 0);
    if (!version_shown()) return;
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    const float w = float(width_), h = float(height_);

    if (viewing_version_) {
        // Read-only: a warm frame round the whole screen, and a banner that says so.
        bg->AddRect(ImVec2(5 * k_, 5 * k_), ImVec2(w - 5 * k_, h - 5 * k_), kReadOnlyFrame, 0, 0, 10 * k_);
        const Version& v = d.versions[size_t(viewing_version_) - 1];
        // One row over the phase's hint line, above the board's outer ring.
        ImGui::SetNextWindowPos(ImVec2(w / 2, 92 * k_), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::PushStyleColor(ImGuiCol_Border, ImColor(kReadOnlyFrame).Value);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 3 * k_);
        ImGui::Begin("##versionview", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::BeginGroup();
        ImGui::PushFont(fonts_.bold);
        ImGui::TextUnformatted(strings_.format("version.banner", {version_date(strings_, v)}).c_str());
        ImGui::PopFont();
        if (!v.note.empty()) {
            ImGui::PushFont(fonts_.small);
            ImGui::TextColored(ImColor(colour::kInkSoft), "%s", v.note.c_str());
            ImGui::PopFont();
        }
        ImGui::EndGroup();
        ImGui::SameLine(0, 28 * k_);
        const int shown = viewing_version_;
        push_primary_button();
        const bool back = ImGui::Button((strings_.get("version.close") + "##version.close").c_str(), ImVec2(0, 64 * k_));
        pop_primary_button();
        targets_.control("version.close", item_rect());
        ImGui::SameLine();
        const std::string cid = "version.compare." + std::to_string(shown);
        const bool cmp = ImGui::Button((strings_.get("version.compare_now") + "##" + cid).c_str(), ImVec2(0, 64 * k_));
        targets_.control(cid, item_rect());
        targets_.panel(window_rect());
        ImGui::End();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        if (back) show_version(0, 0);
        else if (cmp) show_version(0, shown);
        return;
    }

    // Comparing: the marks on the current board, and the key beside it.
    const Version& v = d.versions[size_t(compare_version_) - 1];
    const Comparison changes = compare_boards(v.board, d);
    CompareScene sc;
    sc.older = &v.board;
    sc.newer = &d;
    sc.changes = &changes;
    sc.view = view_;
    sc.ui_scale = k_;
    draw_comparison(bg, fonts_, sc);

    const float kw = kKeyWidth * k_;
    ImGui::SetNextWindowPos(ImVec2(w - 20 * k_, 92 * k_), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(kw + 60 * k_, h - 110 * k_));
    ImGui::Begin("##compare", nullptr, kAutoPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kw);
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.format("compare.title", {version_date(strings_, v)}).c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts_.small);
    ImGui::TextColored(ImColor(colour::kInkSoft), "%s", strings_.get("compare.subtitle").c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    if (changes.empty()) {
        ImGui::TextUnformatted(strings_.get("compare.nothing").c_str());
    } else {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 size = draw_compare_key(ImGui::GetWindowDrawList(), fonts_, strings_, changes, at, kw, k_);
        ImGui::Dummy(size);
        targets_.control("compare.legend", {at, ImVec2(at.x + size.x, at.y + size.y)});
        // Who chose differently, by name: what a team talks about first.
        if (!changes.priorities_changed.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(fonts_.small);
            const std::string none = strings_.get("compare.no_choice");
            int lines = 0;
            for (const Comparison::PriorityChange& pc : changes.priorities_changed) {
                if (++lines > 5) break;
                ImGui::TextUnformatted(strings_.format("compare.person", {pc.name, pc.from.empty() ? none : pc.from,
                                                                          pc.to.empty() ? none : pc.to})
                                           .c_str());
            }
            ImGui::PopFont();
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    push_primary_button();
    const bool close = ImGui::Button((strings_.get("compare.close") + "##compare.close").c_str(), ImVec2(kw, 64 * k_));
    pop_primary_button();
    targets_.control("compare.close", item_rect());
    targets_.panel(window_rect());
    ImGui::End();
    if (close) show_version(0, 0);
}

}  // namespace nk::app
