// Other groups' maps and earlier versions of this one (ui_versions.cpp): the list of board
// files to merge, the saved versions (view read-only / compare), phase 5's list of them,
// and, over the board, the read-only banner or the comparison's marks and key.
// Ids: merge.file.<n>, version.open.N, version.compare.N, version.close, compare.close,
// compare.legend. What a person chose comes back as a Choice: App shows the version
// (App::show_version) or merges the file (App::open_later, read in the background).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "merge_tally.hpp"
#include "part.hpp"

namespace nk::app {

class VersionsPanel {
public:
    struct Choice {
        bool show = false;  // show (viewing, comparing); both 0: the current map again
        int viewing = 0, comparing = 0;
        std::string merge;  // a board file to merge into this map
    };

    // 1-based indexes into the document's versions; 0: none.
    int viewing() const { return viewing_; }
    int comparing() const { return comparing_; }
    bool shown() const { return viewing_ > 0 || comparing_ > 0; }
    void set_shown(int viewing, int comparing) {
        viewing_ = viewing;
        comparing_ = comparing;
    }
    // The board drawn: the version being viewed, else `current`.
    const Document& shown_board(const Document& current) const;
    // Screen width the comparison key takes at UI scale k (0 when not comparing).
    double key_width(float k) const;
    // Phase 5's list as large as it was last drawn (0: not yet).
    ImVec2 panel_size() const { return panel_size_; }

    // A merge brought the post-its of `after` that `before` lacks: remembered (with their
    // fold keys) to say how many groups named a partner (core/model/merge_tally.hpp).
    void merged(const Document& before, const Document& after) { tally_.record(before, after); }
    // The board is now `d` (once a frame): an undone merge's group goes, a redone one comes back.
    void follow(const Document& d, bool can_redo) { tally_.follow(d, can_redo); }
    // Another board (opened, new, erased): no group of the old one counts any more.
    void forget_merges() { tally_.clear(); }
    // How many groups named the partner of a stack of post-its: this map's and each merge's.
    int groups_naming(const Document& d, const std::vector<Id>& group) const { return tally_.groups_naming(d, group); }

    // The files to merge, `width` wide, ids `id_prefix`<n>.
    void draw_merge_list(const Frame& f, Shell& shell, const std::vector<std::filesystem::path>& files,
                         const std::string& id_prefix, float width, Choice& choice);
    // The saved versions, newest first, at most `max_rows`.
    void draw_list(const Frame& f, Shell& shell, float width, int max_rows, Choice& choice);
    // Phase 5: that list in a panel, top left (when versions were saved).
    void draw_panel(const Frame& f, Shell& shell, Choice& choice);
    // Over the board: the banner of a version viewed, or the comparison's marks and key.
    void draw_views(const Frame& f, Shell& shell, Choice& choice);

private:
    int viewing_ = 0, comparing_ = 0;
    MergeTally tally_;  // how many groups named a partner, for the board shown
    ImVec2 panel_size_{0, 0};
};

}  // namespace nk::app
