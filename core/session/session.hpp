// The running board: the current document with its undo history and its autosave.
//
// Session::dispatch is the one door through which every change enters: it reduces,
// records one undo step, and hands the whole board to the autosave (which writes it off
// this thread). The UI reads current() and never changes the document itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

#include "actions.hpp"
#include "autosave.hpp"
#include "document.hpp"
#include "history.hpp"
#include "limits.hpp"

namespace nk {

class Session {
public:
    explicit Session(Document initial);

    const Document& current() const { return history_.current(); }
    const History& history() const { return history_; }
    // A number that changes with every change of current() (dispatch, undo, redo,
    // replace) and is never the same for two different boards, also across sessions:
    // what a view caches the board's picture by.
    std::uint64_t revision() const { return revision_; }

    // Applies `a`; returns true when the board changed (then it is one undo step and
    // is autosaved). When a limit refused it (limits.hpp) the board stays as it was and
    // the refusal waits in take_refusal() for the app to tell the user.
    bool dispatch(const Action& a);
    // Applies `a`, merging it into the previous step when that carried the same key
    // (History::push_coalesced): for text typed into a field, saved at every change.
    bool dispatch_coalesced(const Action& a, const std::string& coalesce_key);
    // The newest refusal of an action since the last call, and forgets it: the frame loop
    // asks once a frame and shows the message "limit.<id>" (limits::limit_id).
    std::optional<limits::Refusal> take_refusal() { return std::exchange(refusal_, std::nullopt); }
    // Whether a refusal waits for take_refusal().
    bool has_refusal() const { return refusal_.has_value(); }
    bool undo();
    bool redo();
    // Replaces the board (opened from a file, recovered): a fresh history; autosaved.
    void replace(Document d);

    // Every change from now on is submitted to `writer` (which may be null: no autosave).
    void set_autosave(std::shared_ptr<AutosaveWriter> writer);
    AutosaveWriter* autosave() const { return autosave_.get(); }
    // Submits the current board to the autosave now.
    void save_now();

private:
    void changed();  // a new revision, autosaved

    History history_;
    std::uint64_t revision_ = 0;
    std::shared_ptr<AutosaveWriter> autosave_;
    std::optional<limits::Refusal> refusal_;
};

}  // namespace nk
