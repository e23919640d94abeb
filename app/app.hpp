// The application shell: owns the window, the session, the view and the live input
// state, runs the frame loop, and draws. It holds no workshop rules: it asks core/.
//
// Frame: replay step → every pending SDL event → gesture timers → UI and board drawn
// from the document plus live state → present → deferred work (snapshots, saves).
#pragma once

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "board_renderer.hpp"
#include "event_log.hpp"
#include "fonts.hpp"
#include "gestures.hpp"
#include "mouse_filter.hpp"
#include "options.hpp"
#include "platform.hpp"
#include "session.hpp"
#include "strings.hpp"
#include "ui_targets.hpp"
#include "view.hpp"

namespace nk::app {

class ReplayPlayer;

class App {
public:
    explicit App(Options options);
    ~App();
    // Runs until quit; returns the process exit code.
    int run();

    // ---- used by the replay player -----------------------------------------------
    double now_ms() const { return clock_ms_; }
    int width() const { return width_; }
    int height() const { return height_; }
    const UiTargets& targets() const { return targets_; }
    const Document& document() const { return session_->current(); }
    const View& view() const { return view_; }
    SDL_Window* window() const { return platform_.window(); }
    // Renders the board to a PNG file; false with a message on failure.
    bool write_snapshot(const std::string& path, int w, int h, std::string& error);
    // Writes the board file; false with a message on failure.
    bool save_board(const std::string& path, std::string& error);
    // Opens a board file in place of the current one; false with a teacher's message.
    bool open_board(const std::string& path, std::string& error);
    void request_quit() { quit_ = true; }
    // Writes what this frame shows on screen to a PNG, after it is drawn.
    void request_screenshot(std::string path) { screenshot_path_ = std::move(path); }

private:
    enum class Owner { Ui, Board, Ignored };
    struct UiPointer {
        bool active = false;
        PointerKey key{};
        ImVec2 pos{-1e9f, -1e9f};
        bool down = false;
        bool release_next_frame = false;
        std::uint64_t down_frame = 0;  // the frame its press went down in
    };

    bool start(std::string& error);
    void load_initial_board();
    void frame();
    void handle_event(const SDL_Event& e);
    void pointer_down(PointerKey key, ImVec2 p, bool is_mouse);
    void pointer_move(PointerKey key, ImVec2 p);
    void pointer_up(PointerKey key, ImVec2 p);
    void apply(const Effects& fx);
    void handle_key(const SDL_KeyboardEvent& k);
    void relayout();
    void build_ui();
    void draw_toolbar();
    void draw_messages();
    void draw_note_menu();      // ui_note_menu.cpp
    void draw_line_menu();      // ui_note_menu.cpp
    void draw_facilitator();    // ui_facilitator.cpp
    void start_editing(Id partner, Vec2 pos, double rotation, std::string text);
    void commit_editing();
    void cancel_editing();
    void show_message(std::string text, bool modal);
    std::string label_text(const ActionLabel& l) const;
    void take_app_snapshot();

    Options opt_;
    Platform platform_;
    Fonts fonts_;
    Strings strings_;
    std::unique_ptr<Session> session_;
    std::shared_ptr<AutosaveWriter> autosave_;
    GestureRouter gestures_;
    MouseFilter mouse_filter_;
    UiTargets targets_;
    std::unique_ptr<ReplayPlayer> replay_;

    View view_, fitted_;
    int width_ = 0, height_ = 0;
    float k_ = 1;  // UI scale: window height / 1080 times the setting
    double clock_ms_ = 0;
    std::uint64_t frame_no_ = 0;
    bool quit_ = false;
    int exit_code_ = 0;

    std::map<PointerKey, Owner> owners_;
    UiPointer ui_pointer_;
    std::optional<LiveState::Editing> editing_;
    Id selected_link_ = 0;
    Id menu_partner_ = 0;       // the post-it whose long-press menu is open
    Vec2 menu_at_{};            // where the finger was (screen), to place the menu
    Id link_from_ = 0;          // "Verbinden" chosen: the next tap on a post-it or the school links it
    double caret_epoch_ = 0;
    bool snapshot_requested_ = false;
    std::string screenshot_path_;
    struct Message {
        std::string text;
        bool modal = false;
        double until_ms = 0;
    };
    std::optional<Message> message_;
    std::uint64_t warned_failure_epoch_ = 0;
    std::FILE* frame_log_ = nullptr;  // --frame-log
    EventLog log_;
    // Kiosk: leaving the app is the facilitator's, behind a 3-second hold.
    double hold_start_ms_ = -1;       // when the hold on the corner control began
    enum class Facilitator { Closed, Open, ConfirmExit, ConfirmNew, ConfirmErase };
    Facilitator facilitator_ = Facilitator::Closed;
    void ask_for_facilitator();       // someone tried to close the app: say how
    void start_new_board(bool erase_saved);
    std::chrono::steady_clock::time_point started_;
};

}  // namespace nk::app
