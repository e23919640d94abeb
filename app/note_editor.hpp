// The post-it being typed on the board, with the app's keyboard (note_editor.cpp): at most
// one at a time. What its text means when typing ends is a workshop rule in the core
// (finish_note_text, board_rules.hpp): trimmed, and an empty text removes the post-it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "board_renderer.hpp"
#include "board_rules.hpp"

namespace nk::app {

class NoteEditor {
public:
    // Starts typing `text` into the post-it `at` (a new one: partner 0). The caller
    // finishes the one being typed first.
    void start(const NoteEdit& at, std::string text, double now_ms);
    bool active() const { return editing_.has_value(); }
    // Typed text (repaired to valid UTF-8) and backspace; the caret shows at once.
    void type(std::string_view text, double now_ms);
    void backspace(double now_ms);
    // The whole text, as keyboard 0 has it (repaired to valid UTF-8); the caret shows.
    void set_text(std::string_view text, double now_ms);
    const std::string* text() const { return editing_ ? &editing_->text : nullptr; }
    // Typing ends: what to dispatch (nullopt: nothing), and the editor is empty again.
    std::optional<Action> finish();
    void cancel() { editing_.reset(); }
    // For drawing: the post-it being typed, with its caret blinking (600 ms on, 400 off).
    std::optional<LiveState::Editing> live(double now_ms) const;

private:
    std::optional<LiveState::Editing> editing_;
    bool missing_ = false;  // a phase-4 "ontbrekend" post-it
    double caret_epoch_ = 0;
};

}  // namespace nk::app
