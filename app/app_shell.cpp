// App as the parts' Shell (part.hpp): the one door through which a part changes the
// board, and the phase changes that touch several parts.
#include "app.hpp"

namespace nk::app {

void App::later(std::function<void()> fn) { deferred_.run(std::move(fn)); }

void App::with_part(const std::function<void(const Frame&)>& draw) {
    deferred_.enter();
    draw(Frame{session_->current(), session_->history(), strings_, fonts_, k_, float(width_), float(height_), view_,
               clock_ms_, frame_no_, station_room()});
    deferred_.leave();  // what it queued runs now, in order
}

Insets App::station_room() const {
    Insets in;
    if (session_->current().phase == Phase::Brainstorm && !version_shown()) {
        const Stations& st = brainstorm_.stations();
        const Vec2 corner = st.free_corner();
        in = {float(st.reserved(Side::Top)),  float(st.reserved(Side::Bottom)), float(st.reserved(Side::Left)),
              float(st.reserved(Side::Right)), float(corner.x),                  float(corner.y)};
    }
    // Keyboard 0 holds the strip along its edge too, while it shows (app_keyboard.cpp):
    // the phase bar, the toolbar, the side panels and the map make room for it.
    if (field_kb_.is_open() && !messages_.modal() && !facilitator_.open()) {
        const kb::Rect b = field_kb_.bounds();
        switch (field_kb_.frame().side) {
            case Side::Bottom: in.bottom = std::max(in.bottom, float(height_ - b.y)); break;
            case Side::Top: in.top = std::max(in.top, float(b.y + b.h)); break;
            case Side::Left: in.left = std::max(in.left, float(b.x + b.w)); break;
            case Side::Right: in.right = std::max(in.right, float(width_ - b.x)); break;
        }
    }
    return in;
}

Rect App::text_field(const std::string& id, const std::string& current, float width, bool multiline,
                     const std::function<Action(const std::string&)>& make, const char* hint) {
    return fields_.field(targets_, id, current, width, multiline, make, hint, [this](const Action& a, const std::string& key) {
        later([this, a, key] {
            session_->dispatch_coalesced(a, key);
            say_refusal();
        });
    });
}

void App::dispatch(const Action& a) {
    later([this, a] {
        session_->dispatch(a);
        say_refusal();  // after any message the part showed for it: this one stays
    });
}

void App::undo() {
    later([this] { session_->undo(); });
}

void App::redo() {
    later([this] { session_->redo(); });
}

void App::commit_editing() {
    later([this] {
        // Keyboard 0 typed it: its text is the post-it's, and it closes with it.
        if (editor_.active() && field_kb_.is_open() && field_kb_.field() == kNoteField) {
            editor_.set_text(field_kb_.keyboard().text(), clock_ms_);
            field_kb_.close();
        }
        // Trimmed; an empty text removes the post-it (core/interaction/board_rules.hpp).
        if (auto a = editor_.finish()) session_->dispatch(*a);
    });
}

void App::edit_note(const NoteEdit& at, std::string text) {
    commit_editing();
    later([this, at, text = std::move(text)] {
        editor_.start(at, text, clock_ms_);
        open_note_keyboard(at, text);  // typed on keyboard 0, like every field
    });
}

void App::open_station(Side side, double along) {
    later([this, side, along] {
        const Stations::Opened o = brainstorm_.stations().open(side, along, session_->current());
        if (o.number == 0)
            show_message(strings_.get(o.error == Stations::OpenError::Full ? "brainstorm.full" : "brainstorm.no_room"), false);
    });
}

bool App::board_editable() const {
    if (version_shown()) return false;  // a saved version is only looked at
    const Phase p = session_->current().phase;
    return p >= Phase::Brainstorm && p <= Phase::Terugblik;
}

void App::go_to_phase(Phase p) {
    later([this, p] { change_phase(p); });
}

void App::change_phase(Phase p) {
    if (p == session_->current().phase) return;
    // Leaving the brainstorm with post-its still hidden in trays: ask, then reveal them.
    if (!brainstorm_.may_leave(session_->current(), p)) return;
    brainstorm_.forget_question();
    show_version(0, 0);
    commit_editing();
    note_menu_.close();
    input_.gestures().disarm_link();
    pens_.reset();
    cards_.close();
    session_->dispatch(act::SetPhase{p});
    phase_bar_.restart_timer(clock_ms_);
    relayout();
    view_follows_ = true;  // the map glides to the new phase's room (App::frame)
}

}  // namespace nk::app
