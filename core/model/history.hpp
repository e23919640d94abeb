// Undo and redo: a bounded list of earlier boards and a position in it.
//
// Each entry is a whole Document (cheap at workshop sizes) plus a label saying which
// action produced it, so the undo button can name what it will undo. A new edit drops
// the redo tail. "Dirty" is a value comparison, not a flag.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "actions.hpp"
#include "document.hpp"

namespace nk {

// What an action did, for "undo: move 'CLB Gent'". `verb` is a stable id that the app
// translates (add, edit, category, move, remove, duplicate, link, unlink, participant,
// priority, phase, school, version, merge, ...); `subject` is the post-it text or name it
// concerns (may be empty). A post-it lying face down in its writer's tray is never named by
// its text: its label is "private" with the writer's name as subject ("private-anonymous"
// with no subject when the writer is not known).
struct ActionLabel {
    std::string verb;
    std::string subject;
    friend bool operator==(const ActionLabel&, const ActionLabel&) = default;
};

// The label of `a` applied to `before`.
ActionLabel describe(const Document& before, const Action& a);

// About how many bytes a board takes in memory (the objects and the text they hold):
// board_bytes, its own content, plus versions_bytes, its saved versions.
size_t approx_bytes(const Document& d);
size_t board_bytes(const Document& d);
size_t versions_bytes(const Versions& versions);

class History {
public:
    // Keeps at most `limit` boards, and drops the oldest while they take more than
    // `max_bytes` together (what each step adds: its board, and the saved versions only
    // where a step holds another list than the step before it): a 50-post-it workshop keeps 200 steps to undo,
    // a 500-post-it one about 110, a 5,000-post-it one about ten, so the app's memory stays
    // within its budget whatever the board's size.
    static constexpr size_t kMaxBytes = 10u << 20;
    explicit History(Document initial, size_t limit = 200, size_t max_bytes = kMaxBytes);

    const Document& current() const { return *entries_[pos_].doc; }
    // The current board, shared: it never changes (a later edit is a new entry), so the
    // autosave thread can hold it without a copy.
    std::shared_ptr<const Document> current_shared() const { return entries_[pos_].doc; }
    // Records `next` as the result of an edit labelled `label`; drops the redo tail.
    // Does nothing (and returns false) when `next` equals the current board.
    bool push(Document next, ActionLabel label);
    // Like push, but when the previous push carried the same non-empty `coalesce_key` and
    // nothing was undone since, the newest step is replaced instead: typing a note letter
    // by letter is saved at every letter, yet undone as one step.
    bool push_coalesced(Document next, ActionLabel label, const std::string& coalesce_key);
    bool can_undo() const { return pos_ > 0; }
    bool can_redo() const { return pos_ + 1 < entries_.size(); }
    // The label of what undo() / redo() would change; empty verb when it can't.
    ActionLabel undo_label() const;
    ActionLabel redo_label() const;
    bool undo();
    bool redo();
    // Starts over from `doc` (a board opened from a file): no undo past this point.
    void reset(Document doc);
    size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::shared_ptr<const Document> doc;  // never null
        ActionLabel label;                    // the edit that led to this entry
        size_t bytes = 0;                     // what this step adds (see make_entry)
    };
    // `before`: the step this one follows (nullptr for the first).
    static Entry make_entry(Document d, ActionLabel label, const Entry* before);
    void trim();
    std::vector<Entry> entries_;
    size_t pos_ = 0;
    std::string last_key_;  // coalesce key of the newest entry, while it is current
    size_t limit_;
    size_t max_bytes_;
    size_t bytes_ = 0;  // of all entries
};

}  // namespace nk
