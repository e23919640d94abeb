// Messages to the people at the screen (ui_messages.cpp): one at a time, either a short
// notice that goes by itself after 4 seconds or a dialog (modal) that waits for OK; and a
// line saying what the screen waits for (the rest of a link, the end of typing).
// Id: message.ok.
#pragma once

#include <optional>
#include <string>

#include "part.hpp"

namespace nk::app {

class Messages {
public:
    void show(std::string text, bool modal, double now_ms) { message_ = Message{std::move(text), modal, now_ms + 4000}; }
    // Once a frame: a notice whose time is up goes.
    void tick(double now_ms) {
        if (message_ && !message_->modal && now_ms > message_->until_ms) message_.reset();
    }
    bool any() const { return message_.has_value(); }
    // A dialog waits for an answer: every touch goes to it.
    bool modal() const { return message_ && message_->modal; }
    // `waiting`: the strings id of what the screen waits for (nullptr: nothing).
    void draw(const Frame& f, Shell& shell, const char* waiting);

private:
    struct Message {
        std::string text;
        bool modal = false;
        double until_ms = 0;
        bool raised = false;
    };
    std::optional<Message> message_;
};

}  // namespace nk::app
