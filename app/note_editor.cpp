#include "note_editor.hpp"

#include <cmath>

#include "utf8.hpp"

namespace nk::app {

void NoteEditor::start(const NoteEdit& at, std::string text, double now_ms) {
    editing_ = LiveState::Editing{at.partner, at.pos, at.rotation, std::move(text), true};
    missing_ = at.missing;
    caret_epoch_ = now_ms;
}

void NoteEditor::type(std::string_view text, double now_ms) {
    if (!editing_) return;
    editing_->text += utf8::repaired(text);
    caret_epoch_ = now_ms;
}

void NoteEditor::set_text(std::string_view text, double now_ms) {
    if (!editing_ || editing_->text == text) return;
    editing_->text = utf8::repaired(text);
    caret_epoch_ = now_ms;
}

void NoteEditor::backspace(double now_ms) {
    if (!editing_) return;
    utf8::pop_back(editing_->text);
    caret_epoch_ = now_ms;
}

std::optional<Action> NoteEditor::finish() {
    if (!editing_) return std::nullopt;
    const LiveState::Editing e = std::move(*editing_);
    editing_.reset();
    const bool missing = missing_;
    missing_ = false;
    return finish_note_text({e.partner, e.pos, e.rotation, missing}, e.text);
}

std::optional<LiveState::Editing> NoteEditor::live(double now_ms) const {
    if (!editing_) return std::nullopt;
    LiveState::Editing e = *editing_;
    e.caret_on = std::fmod(now_ms - caret_epoch_, 1000.0) < 600;
    return e;
}

}  // namespace nk::app
