// The application shell: owns the window, the session, the view and the input router,
// runs the frame loop, and composes the parts (one per panel or feature, part.hpp) that
// draw the UI. It holds no workshop rules: it asks core/. To the parts it is a Shell:
// the one door through which they change the board (their changes are queued while they
// draw and applied when they return).
//
// Frame: replay step → every pending SDL event → gesture timers → UI and board drawn
// from the document plus live state → present → deferred work (snapshots, saves).
#pragma once

#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "autosave_watch.hpp"
#include "checkpoints.hpp"
#include "board_layer.hpp"
#include "board_file.hpp"
#include "board_loader.hpp"
#include "board_renderer.hpp"
#include "event_log.hpp"
#include "field_keyboard.hpp"
#include "fonts.hpp"
#include "media_watch.hpp"
#include "mouse_filter.hpp"
#include "note_editor.hpp"
#include "options.hpp"
#include "part.hpp"
#include "panel_pointer.hpp"
#include "photos.hpp"
#include "platform.hpp"
#include "pointer_router.hpp"
#include "presenter.hpp"
#include "session.hpp"
#include "stations.hpp"
#include "ui_board_tools.hpp"
#include "ui_brainstorm.hpp"
#include "ui_cards.hpp"
#include "ui_closing.hpp"
#include "ui_facilitator.hpp"
#include "ui_fields.hpp"
#include "ui_intro.hpp"
#include "ui_keep.hpp"
#include "ui_messages.hpp"
#include "ui_note_menu.hpp"
#include "ui_kinds.hpp"
#include "ui_map_hints.hpp"
#include "ui_pens.hpp"
#include "ui_phase_bar.hpp"
#include "ui_setup.hpp"
#include "strings.hpp"
#include "ui_targets.hpp"
#include "ui_versions.hpp"
#include "view.hpp"

namespace nk::app {

class ReplayPlayer;

// The field id keyboard 0 has while it types a post-it (no control id looks like it).
inline constexpr const char* kNoteField = "@note";

class App : private Shell {
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
    const Stations& stations() const { return brainstorm_.stations(); }
    // Keyboard 0, the focused field's keyboard (closed when no field has the focus).
    const FieldKeyboard& field_keyboard() const { return field_kb_; }
    // Renders the board to a PNG file that carries the board (it reopens as this board)
    // and waits for it (the replay's `snapshot`, --snapshot); false with a message on failure.
    bool write_snapshot(const std::string& path, int w, int h, std::string& error);
    // Writes the board file; false with a message on failure.
    bool save_board(const std::string& path, std::string& error);
    // Opens a board file (or a map image carrying one) in place of the current one, read
    // on this thread (the command line at start-up, the replay's `open`); false with a
    // teacher's message. What a person opens goes through open_later.
    bool open_board(const std::string& path, std::string& error);
    // A replay's frame may take the result of a background open or merge (the replay
    // player's between_commands()): waits for it (bounded) and applies it; false (with
    // the replay's error in `error`) when it did not come in time.
    bool settle_loading(std::string& error);
    // Writes every export of the board into `dir` (never over an existing file) and waits
    // for it (--export); the written paths in `written`, or false with a teacher's message.
    bool export_to(const std::string& dir, bool anonymous, std::vector<std::string>& written, std::string& error,
                   int w = 3840, int h = 2160);
    void request_quit() { quit_ = true; }
    // Writes what this frame shows on screen to a PNG, after it is drawn: a picture of
    // the screen, not a map image, so it carries no board.
    void request_screenshot(std::string path) { presenter_.request_screenshot(std::move(path)); }
    // Writes where things were in the last frame as text (the replay's `layout`, for
    // tests of the layout): the view, every panel and named control, every post-it's box.
    bool write_layout(const std::string& path, std::string& error) const;
    // The `layout` lines of `doc` drawn with `view`: the view, each face-up post-it, the
    // priorities' marks (and the circles, when `circles`) and the rings (docs/replay.md, layout).
    std::string board_layout_lines(const Document& doc, const View& view, bool circles,
                                   const std::vector<ImVec4>& mark_avoid) const;
    // The screen boxes the priorities' marks keep out of: last frame's panels, except those
    // that pass over the map (messages, menus, questions).
    std::vector<ImVec4> mark_keep_out() const;

private:
    // ---- app.cpp: start-up and the frame loop ----------------------------------------------
    bool start(std::string& error);
    void load_initial_board();
    void frame();
    void relayout();
    void set_language(const std::string& lang);
    // Shows the message for an action a limit refused, if one was (Session::take_refusal).
    void say_refusal();
    // The view that fits the board into the part of the window this phase leaves it.
    View compute_fitted() const;
    // The screen strips the writers' stations hold now (part.hpp Frame::stations).
    Insets station_room() const;
    // ---- app_input.cpp: events; pointers go to the input router, route() serves its result
    void handle_event(const SDL_Event& e);
    void pointer_down(PointerKey key, ImVec2 p);
    void pointer_move(PointerKey key, ImVec2 p);
    void pointer_up(PointerKey key, ImVec2 p);
    RouteContext route_context();
    void route(const Routed& r);
    void apply(const Effects& fx);
    void handle_key(const SDL_KeyboardEvent& k);
    // ---- app_ui.cpp: the parts composed, and the phase's marks on the board -----------------
    void build_ui();
    void decorate_board(LiveState& live) const;
    // ---- app_keyboard.cpp: keyboard 0, the focused field's keyboard --------------------------
    // A field took the focus (TextFields): keyboard 0 opens on it, facing the last tap.
    void open_field_keyboard(const std::string& id, const Rect& r, const std::string& text, bool multiline);
    // The post-it being typed gets keyboard 0 (edit_note).
    void open_note_keyboard(const NoteEdit& at, const std::string& text);
    // The focused field was drawn at `r`: keyboard 0 steps aside if it now covers it.
    void field_drawn(const std::string& id, const Rect& r);
    // Typing ends: the text goes into the document (a post-it is committed), keyboard 0 closes.
    void close_field_keyboard();
    // A key of keyboard 0 ended the text (enter in a one-line field, done).
    void keyboard_finished(kb::Finish f);
    // A physical key while keyboard 0 is open: typed into it; true when it was taken.
    bool keyboard_key(const SDL_KeyboardEvent& k);
    // A pointer went down / lifted: a tap elsewhere than on keyboard 0 or its field closes it.
    void keyboard_pointer_down(PointerKey key, Vec2 p);
    void keyboard_pointer_up(PointerKey key, Vec2 p);
    // After the UI was built: keyboard 0 closes when its field is gone; the post-it shows its text.
    void keyboard_frame_end();
    // Draws keyboard 0 above everything but a dialog (which takes every touch meanwhile), and
    // records it as panel `keyboard.0` and keyboard 0 for the replay's `layout`.
    void keyboard_draw(ImDrawList* dl);
    // Where the focused thing is on screen (a field's rect, or the post-it being typed).
    std::optional<kb::Rect> focused_rect() const;
    // ---- app_files.cpp: files, a new board, versions -----------------------------------------
    void ask_for_facilitator();  // someone tried to close the app: say how
    void start_new_board(bool erase_saved);
    // Checkpoints (core/files/checkpoints.hpp): one when the phase changed since the last
    // frame; opening one replaces the board after the current one is autosaved.
    void checkpoint_phase_change();
    void open_checkpoint(const Checkpoint& c);
    void versions_chose(const VersionsPanel::Choice& c);
    // Opening or merging a board file a person chose or dropped: read on the loader's
    // thread (core/files/board_loader.hpp) while "opening…" shows; applied by
    // take_loaded() on this thread once it is read. A second one while one is read is
    // refused with a message (not queued: two opens would replace each other).
    void open_later(const std::string& path, BoardLoader::Purpose purpose);
    void take_loaded();  // once a frame: a file read in the background, applied
    bool apply_opened(const std::string& path, BoardLoader::Parsed parsed, std::string& error);
    bool apply_merge(const std::string& path, BoardLoader::Parsed parsed);  // false (with a message): nothing changed
    // The USB sticks and board files the watcher last found (core/files/media_watch.hpp).
    std::vector<std::filesystem::path> board_files() const;
    std::vector<std::string> export_places() const;
    void show_version(int viewing, int comparing);   // 1-based indexes into versions; 0: none
    bool version_shown() const { return versions_.shown(); }
    // The board drawn: a version being viewed (read-only), else the current one.
    const Document& shown_board() const { return versions_.shown_board(session_->current()); }
    // ---- app_shell.cpp: the Shell the parts are given (part.hpp) -------------------------------
    UiTargets& layout() override { return targets_; }
    void dispatch(const Action& a) override;
    void undo() override;
    void redo() override;
    Rect text_field(const std::string& id, const std::string& current, float width, bool multiline,
                    const std::function<Action(const std::string&)>& make, const char* hint = nullptr) override;
    void focus_field(const std::string& id) override { fields_.focus(id); }
    void show_message(std::string text, bool modal) override { messages_.show(std::move(text), modal, clock_ms_); }
    void edit_note(const NoteEdit& at, std::string text) override;
    void commit_editing() override;
    void arm_link(Id from) override { input_.gestures().arm_link(from); }
    void go_to_phase(Phase p) override;  // queued; change_phase does it
    void open_station(Side side, double along) override;
    // Runs `fn` now, or when the part drawing now returns (its document stays valid).
    void later(std::function<void()> fn);
    // Draws one part with a Frame of this moment, then applies what it queued.
    void with_part(const std::function<void(const Frame&)>& draw);
    void change_phase(Phase p);
    // Whether the board takes gestures now (2A to 4, no saved version shown).
    bool board_editable() const;

    // ---- the platform, the session, the input ------------------------------------------------
    Options opt_;
    Platform platform_;
    Presenter presenter_;        // the frame to the screen (after platform_: its texture is freed first)
    bool redraw_soon_ = false;   // the last frame changed what the board shows: no sleep
    Fonts fonts_;
    Strings strings_;
    std::unique_ptr<Session> session_;
    AutosaveWatch autosave_;  // the session's autosave writer, its running marker and failures
    std::unique_ptr<CheckpointWriter> checkpoints_;  // DATA/checkpoints: the board at each phase change
    BoardLoader loader_;                   // a board file being opened or merged in the background
    std::unique_ptr<MediaWatch> media_;    // USB sticks and board files, found off the UI thread
    Phase checkpointed_phase_ = Phase::Vooraf;  // the phase the last frame ended in
    EventLog log_;
    std::FILE* frame_log_ = nullptr;  // --frame-log
    std::chrono::steady_clock::time_point started_;
    std::unique_ptr<ReplayPlayer> replay_;
    PointerRouter input_;         // every pointer's one owner, the board's gestures
    PanelPointer panel_pointer_;  // ImGui's one pointer
    MouseFilter mouse_filter_;    // X11's emulated mouse events for touches, dropped
    TextFields fields_;           // the document's text fields, and keys held for a field's focus
    FieldKeyboard field_kb_;      // keyboard 0: the focused field's on-screen keyboard
    Vec2 last_down_{-1, -1};      // where the last pointer landed (keyboard 0 faces it)
    struct TapStart {
        Vec2 at;
        double t_ms = 0;
        std::uint64_t serial = 0;  // keyboard 0's serial then (0: closed)
    };
    std::map<PointerKey, TapStart> taps_;  // pointers down that are not keyboard 0's
    UiTargets targets_;           // panels and named controls of the last frame
    View view_, fitted_;
    bool view_follows_ = true;  // the view moves to fitted_ (animated) until fingers zoom or pan it
    // compute_fitted's last answer and what it was computed from.
    struct FitCache {
        bool valid = false;
        std::uint64_t revision = 0;
        ScreenBox area;
        std::vector<ScreenBox> panels;
        const Document* shown = nullptr;
        View view;
    };
    mutable FitCache fit_cache_;
    int width_ = 0, height_ = 0;
    float k_ = 1;  // UI scale: window height / 1080 times the setting
    double clock_ms_ = 0;
    std::uint64_t frame_no_ = 0;
    std::string drawn_board_;  // a replay's `layout` lines of the board last drawn (view, post-its)
    bool quit_ = false;
    int exit_code_ = 0;
    Deferred deferred_;  // while a part draws, its Shell changes wait

    // ---- the parts (part.hpp), each owning its own state ---------------------------------------
    NoteEditor editor_;
    PhaseBar phase_bar_;
    BoardTools tools_;
    Setup setup_;
    Intro intro_;
    Brainstorm brainstorm_;
    Pens pens_;
    Cards cards_;
    Closing closing_;
    Photos photos_;  // after log_: it logs there
    Keep keep_;
    VersionsPanel versions_;
    NoteMenu note_menu_;
    KindsPanel kinds_;
    MapHints map_hints_;
    Messages messages_;
    Facilitator facilitator_;
};

// A teacher's message for a board file that could not be read (app.cpp).
std::string load_error_text(const Strings& s, const LoadError& e, const std::string& path);

}  // namespace nk::app
