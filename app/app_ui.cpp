// The UI of a frame, composed of the parts (part.hpp), in the order they are drawn
// (later ones above earlier ones), and the phase's marks on the board.
#include <imgui.h>

#include <cmath>
#include <filesystem>
#include <optional>

#include "app.hpp"
#include "geometry.hpp"
#include "theme.hpp"
#include "ui_checkpoints.hpp"
#include "ui_opening.hpp"

namespace nk::app {
namespace fs = std::filesystem;

void App::decorate_board(LiveState& live) const {
    if (versions_.viewing()) return;  // a saved version is shown: these marks are the current map's
    const Document& d = session_->current();
    // Stacked duplicates carry a count on the top post-it.
    for (const auto& [group, stacked] : duplicate_stacks(d))
        if (stacked) live.stacks.push_back({group.back(), int(group.size())});
    pens_.decorate(d, live);
    if (d.phase == Phase::Gesprek || d.phase == Phase::Terugblik || d.phase == Phase::Naverwerking) {
        // Discussed partners carry a check (core/interaction/board_rules.hpp).
        live.badges = discussed_partners(d);
        if (cards_.partner()) {
            live.highlight = {cards_.partner()};
            live.highlight_colour = colour::kSelection;
        }
    }
}

void App::build_ui() {
    const Phase phase = session_->current().phase;
    with_part([this](const Frame& f) { phase_bar_.draw(f, *this); });
    // A saved version shown or compared: its banner or key, and the comparison's marks.
    VersionsPanel::Choice views_choice;
    with_part([&](const Frame& f) { versions_.draw_views(f, *this, views_choice); });
    versions_chose(views_choice);
    const bool version = version_shown();
    // Legend, bottom-left, drawn with the same code as the snapshot's, while the map is in use.
    // Where the map is sorted (2B, 3, 4) the legend is also the kind brush, with "tidy".
    const bool sorting = !version && board_editable() && phase >= Phase::Netwerkkaart && phase != Phase::Prioriteiten;
    if (sorting) with_part([this](const Frame& f) { kinds_.draw(f, *this); });
    else kinds_.put_away();
    if (phase >= Phase::Netwerkkaart && !sorting) with_part([this](const Frame& f) { tools_.draw_legend(f, *this); });
    auto part = [this](auto& p) { with_part([this, &p](const Frame& f) { p.draw(f, *this); }); };
    if (!version) switch (phase) {  // a version shown: the phase's panels step aside
        case Phase::Vooraf: {
            Setup::Choice c;
            const auto files = board_files();  // the watcher's last scan (media_watch.hpp)
            with_part([&](const Frame& f) { c = setup_.draw(f, *this, files, opt_, brainstorm_.stations()); });
            if (!c.open.empty()) open_later(c.open, BoardLoader::Purpose::Open);
            if (!c.merge.empty()) open_later(c.merge, BoardLoader::Purpose::Merge);
            if (!c.language.empty()) set_language(c.language);
            break;
        }
        case Phase::Introductie: part(intro_); break;
        case Phase::Brainstorm: part(brainstorm_); break;
        case Phase::Netwerkkaart:
            part(map_hints_);  // distance, kinds, lines: left of the map
            with_part([this](const Frame& f) {
                tools_.draw_stack_offers(f, *this, [&f, this](const std::vector<Id>& g) { return versions_.groups_naming(f.doc, g); });
            });
            break;
        case Phase::Prioriteiten: part(pens_); break;
        case Phase::Gesprek: part(cards_); break;
        case Phase::Terugblik: part(closing_); break;
        case Phase::Naverwerking:
            with_part([this](const Frame& f) { keep_.draw(f, *this, photos_, export_places()); });
        {
            VersionsPanel::Choice c;
            with_part([&](const Frame& f) { versions_.draw_panel(f, *this, c); });
            versions_chose(c);
        }
            break;
        default: break;
    }
    if (!version && phase != Phase::Introductie && phase != Phase::Prioriteiten) {
        BoardTools::Choice c;
        with_part([&](const Frame& f) { c = tools_.draw_toolbar(f, *this, board_editable(), !view_follows_, photos_.busy()); });
        if (c.reset_view) view_ = fitted_, view_follows_ = true;
        if (c.snapshot) photos_.request(Photos::Kind::Snapshot, frame_no_);
    }
    if (board_editable()) part(note_menu_);
    with_part([this](const Frame& f) { brainstorm_.draw_question(f, *this); });
    // A photo being kept: phase 5's panel shows its progress, elsewhere a small banner.
    if (photos_.busy() && (version || phase != Phase::Naverwerking))
        with_part([this](const Frame& f) { photos_.draw_banner(f); });
    // Say what the screen waits for: the end of typing, or the rest of a link.
    const char* waiting = editor_.active() ? "note.typing_hint" : input_.gestures().armed_link() ? "link.hint" : nullptr;
    with_part([this, waiting](const Frame& f) { messages_.draw(f, *this, waiting); });
    // The facilitator's Files page: other groups' maps and this map's versions.
    Facilitator::Outcome chosen = Facilitator::Outcome::None;
    VersionsPanel::Choice files_choice;
    std::optional<Checkpoint> checkpoint;
    const auto files = board_files();
    with_part([&](const Frame& f) {
        chosen = facilitator_.draw(f, *this, [&](float w) {
            versions_.draw_merge_list(f, *this, files, "merge.file.", w, files_choice);
            ImGui::Spacing();
            versions_.draw_list(f, *this, w, 3, files_choice);
            ImGui::Spacing();
            checkpoint = draw_checkpoints(f, *this, checkpoints_->list(), w, 2);
            ImGui::Spacing();
        });
    });
    if (files_choice.show || !files_choice.merge.empty() || checkpoint) facilitator_.close();
    if (checkpoint) open_checkpoint(*checkpoint);
    versions_chose(files_choice);
    switch (chosen) {
        case Facilitator::Outcome::Exit: quit_ = true; break;
        case Facilitator::Outcome::NewBoard: start_new_board(false); break;
        case Facilitator::Outcome::EraseBoard: start_new_board(true); break;
        case Facilitator::Outcome::None: break;
    }
    // A board file being read in the background: say so, above everything else.
    if (loader_.busy())
        with_part([this](const Frame& f) {
            draw_opening(f, *this, fs::path(loader_.path()).filename().string(), loader_.purpose() == BoardLoader::Purpose::Merge);
        });
}

}  // namespace nk::app
