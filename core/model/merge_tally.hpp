// How many groups named a partner, after other groups' maps were merged into this one
// (phase 2B's stack offer: "named by 3 groups"). The App keeps one MergeTally next to the
// session and tells it about every merge and, once a frame, what the board now is.
//
// What it promises: the counts always describe the board given to groups_naming().
// - A merge's post-its count as that group's only while they are on the board with the
//   text they were merged with (a post-it renamed afterwards is the team's own).
// - Undoing a merge takes its group away; redoing it brings it back (the post-its return
//   exactly as merged); once the undo was followed by another change (the redo is gone),
//   the group is forgotten, so a post-it that later gets the same id is never counted as
//   merged.
// - Another board (opened, new, erased, a checkpoint reopened): clear().
// Pure: no files, threads or clock (core/model).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "document.hpp"

namespace nk {

class MergeTally {
public:
    // A merge turned `before` into `after`: the post-its of `after` that `before` lacks are
    // one more group's. A merge can only follow a change, so nothing undone can come back.
    void record(const Document& before, const Document& after);
    // The board is now `d` (after an undo, a redo, any change); `can_redo` whether the
    // history still holds something to redo. Call it whenever the board may have changed.
    void follow(const Document& d, bool can_redo);
    // Another board altogether: every group is forgotten.
    void clear();
    // How many groups named the partner of a stack of post-its `group` on `d`: one for this
    // map's own post-its (if any is in the stack), plus one for each merge with one in it.
    int groups_naming(const Document& d, const std::vector<Id>& group) const;
    // Merges whose post-its are on the board now (for tests and the log).
    std::size_t groups() const { return batches_.size(); }

private:
    struct Batch {
        std::map<Id, std::string> keys;  // partner id -> its fold key when merged
        std::vector<Partner> as_merged;  // the post-its as the merge made them
    };
    static bool any_present(const Batch& b, const Document& d);
    // Whether `d` is the board a redo brings back: a post-it exactly as the merge made it.
    static bool redone(const Batch& b, const Document& d);
    std::vector<Batch> batches_;  // merges in effect, oldest first
    std::vector<Batch> undone_;   // merges undone that a redo may bring back, newest last
};

}  // namespace nk
