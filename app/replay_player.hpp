// Plays a replay script (docs/replay.md) through the same path as real input: each
// frame it pushes SDL events into SDL's queue, which the app then reads like any other.
//
// Timing: the app's clock advances kReplayFrameMs per frame while a replay runs, never
// by the wall clock, so a slow machine replays exactly what a fast one does.
#pragma once

#include <SDL.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"
#include "replay_script.hpp"

namespace nk::app {

inline constexpr double kReplayFrameMs = 16;

class App;

class ReplayPlayer {
public:
    explicit ReplayPlayer(replay::Script script);
    // Called once at the start of every frame, before the app reads its events.
    void begin_frame(App& app);
    bool finished() const { return finished_; }
    // No event of a command is waiting for the coming frame (the script is about to read
    // its next line, or waits): a background open or merge is finished and applied before
    // such a frame (App::settle_loading), so the frame that started it shows "opening…"
    // and the next line sees the board it brought.
    bool between_commands() const { return !finished_ && warmup_ == 0 && queued_.empty(); }
    // Stops the replay with `message` (a wait for the app that did not end in time).
    void stop(const std::string& message) {
        if (error_.empty()) error_ = script_.file + ": " + message;
        finished_ = true;
    }
    bool failed() const { return !error_.empty(); }
    // The files of `screenshot` lines that the next begin_frame reaches before anything
    // takes a frame: asked at the end of a frame (before it is presented), so that each
    // shows that frame, the last one drawn before the line.
    std::vector<std::string> screenshots_due() const;
    // "FILE:LINE: message" of the first error.
    const std::string& error() const { return error_; }

private:
    using Frame = std::vector<SDL_Event>;
    // Events of a coming frame, or a function that makes them when that frame comes
    // (for positions known only then, like an accent popup's choices).
    struct Queued {
        Frame events;
        std::function<bool(App&, Frame&)> make;
    };
    // Where a target is on screen now, in pixels; nullopt (and `why`) when it is not.
    std::optional<Vec2> locate(App& app, const replay::Target& t, std::string* why) const;
    // Where a position is on screen now, in pixels; false (and an error) if its target
    // was not on screen in the last frame.
    bool resolve(App& app, const replay::Command& c, const replay::Pos& p, float& x, float& y);
    // Queues events of a command starting this frame; false on error.
    bool expand(App& app, const replay::Command& c, Frame& now);
    void fail(const replay::Command& c, const std::string& message);
    void step(App& app);
    // The end of the batch starting at command i: the run of low-level lines, or i + 1.
    size_t batch_end(size_t i) const;
    // Where the targets of the batch at i are now (nullopt: not on screen).
    std::vector<std::optional<Vec2>> batch_positions(App& app, size_t i) const;
    // Whether every target of the batch at i stood still over the last two frames.
    bool batch_settled(App& app, size_t i) const;
    // Notes where the targets of the next batch are after this frame's start.
    void record_next(App& app);

    replay::Script script_;
    size_t next_ = 0;
    std::deque<Queued> queued_;  // events for the coming frames, front = next frame
    // `type N "text"`: the taps a person would make on station N's keyboard.
    bool expand_type(App& app, const replay::Command& c, Frame& now);
    int idle_frames_ = 0;
    bool finished_ = false;
    std::string error_;
    bool mouse_down_ = false;
    int warmup_ = 3;
    int settle_waits_ = 0;  // frames waited for the next batch's targets to settle
    size_t recorded_for_ = size_t(-1);             // the batch whose targets' places are in recorded_
    std::vector<std::optional<Vec2>> recorded_;    // ... as they were at the last frame's start
};

}  // namespace nk::app
