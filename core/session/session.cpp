#include "session.hpp"

#include "board_file.hpp"
#include "reducer.hpp"

#include <atomic>

namespace nk {
namespace {
// One counter for all sessions: a board opened into a new Session never reuses a number.
std::atomic<std::uint64_t> g_revisions{0};
}  // namespace

Session::Session(Document initial) : history_(std::move(initial)), revision_(++g_revisions) {}

void Session::changed() {
    revision_ = ++g_revisions;
    save_now();
}

bool Session::dispatch(const Action& a) {
    std::optional<limits::Refusal> refused;
    Document next = reduce(current(), a, &refused);
    if (refused) {
        refusal_ = refused;
        return false;
    }
    if (!history_.push(std::move(next), describe(current(), a))) return false;
    changed();
    return true;
}

bool Session::dispatch_coalesced(const Action& a, const std::string& coalesce_key) {
    std::optional<limits::Refusal> refused;
    Document next = reduce(current(), a, &refused);
    if (refused) {
        refusal_ = refused;
        return false;
    }
    if (!history_.push_coalesced(std::move(next), describe(current(), a), coalesce_key)) return false;
    changed();
    return true;
}

bool Session::undo() {
    if (!history_.undo()) return false;
    changed();
    return true;
}

bool Session::redo() {
    if (!history_.redo()) return false;
    changed();
    return true;
}

void Session::replace(Document d) {
    history_.reset(std::move(d));
    changed();
}

void Session::set_autosave(std::shared_ptr<AutosaveWriter> writer) { autosave_ = std::move(writer); }

void Session::save_now() {
    if (!autosave_) return;
    // The board goes to the autosave thread, which serialises it there: a finished action
    // costs the UI thread no JSON writing and no copy (history entries never change).
    std::shared_ptr<const Document> board = history_.current_shared();
    autosave_->submit_lazy([board] { return serialize_board(*board); });
}

}  // namespace nk
