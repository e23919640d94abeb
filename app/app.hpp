// The application shell: owns the window, the session, the view and the live input
// state, runs the frame loop, and draws. It holds no workshop rules: it asks core/.
//
// Frame: replay step → every pending SDL event → gesture timers → UI and board drawn
// from the document plus live state → present → deferred work (snapshots, saves).
#pragma once

#include <SDL.h>

#include <chrono>
#include <deque>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "board_layer.hpp"
#include "board_file.hpp"
#include "board_renderer.hpp"
#include "event_log.hpp"
#include "fonts.hpp"
#include "gestures.hpp"
#include "mouse_filter.hpp"
#include "options.hpp"
#include "photo_job.hpp"
#include "photo_render.hpp"
#include "platform.hpp"
#include "session.hpp"
#include "stations.hpp"
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
    const Stations& stations() const { return stations_; }
    // Renders the board to a PNG file that carries the board (it reopens as this board)
    // and waits for it (the replay's `snapshot`, --snapshot); false with a message on failure.
    bool write_snapshot(const std::string& path, int w, int h, std::string& error);
    // Writes the board file; false with a message on failure.
    bool save_board(const std::string& path, std::string& error);
    // Opens a board file (or a map image carrying one) in place of the current one;
    // false with a teacher's message.
    bool open_board(const std::string& path, std::string& error);
    // Writes every export of the board into `dir` (never over an existing file) and waits
    // for it (--export); the written paths in `written`, or false with a teacher's message.
    bool export_to(const std::string& dir, bool anonymous, std::vector<std::string>& written, std::string& error,
                   int w = 3840, int h = 2160);
    void request_quit() { quit_ = true; }
    // Writes what this frame shows on screen to a PNG, after it is drawn: a picture of
    // the screen, not a map image, so it carries no board.
    void request_screenshot(std::string path) { screenshot_path_ = std::move(path); }
    // Writes where things were in the last frame as text (the replay's `layout`, for
    // tests of the layout): the view, every panel and named control, every post-it's box.
    bool write_layout(const std::string& path, std::string& error) const;

private:
    enum class Owner { Ui, Board, Pen, Station, Ignored };
    struct UiPointer {
        bool active = false;
        PointerKey key{};
        ImVec2 pos{-1e9f, -1e9f};
        bool down = false;
        bool release_next_frame = false;
        std::uint64_t down_frame = 0;  // the frame its press went down in
        bool press_next_frame = false; // held back a frame (a text field was being edited)
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
    void draw_phase_bar();      // ui_phase_bar.cpp: phase buttons, hint, timer
    void draw_setup();          // ui_setup.cpp: phase 0, the team
    void draw_intro();          // ui_intro.cpp: phase 1, pages to read together
    void draw_pens();           // ui_pens.cpp: phase 2C, pens and patterns
    void draw_priority_dialog();// ui_pens.cpp: which partner, replace?
    void draw_cards();          // ui_cards.cpp: phase 3, the card deck
    void draw_closing();        // ui_closing.cpp: phase 4
    void draw_keep();           // ui_keep.cpp: phase 5
    void draw_brainstorm();     // ui_brainstorm.cpp: phase 2A controls
    void draw_leave_brainstorm();  // ui_brainstorm.cpp: leaving 2A with hidden post-its
    void draw_stack_offers();   // app_ui.cpp: 2B, stack post-its naming the same partner
    // ---- ui_versions.cpp: other groups' maps, earlier versions, the comparison ----
    void draw_versions_list(float width, int max_rows);  // saved versions, newest first: view / compare
    void draw_versions_panel();                  // phase 5: that list, top left
    void draw_merge_list(const std::string& id_prefix, float width);  // files to merge
    void draw_version_views();                   // banner or comparison key, over the board
    bool merge_board_file(const std::string& path);  // false (with a message): nothing changed
    void show_version(int viewing, int comparing);   // 1-based indexes into versions; 0: none
    // The board drawn: a version being viewed (read-only), else the current one.
    const Document& shown_board() const;
    bool version_shown() const { return viewing_version_ > 0 || compare_version_ > 0; }
    double version_panel_width() const;          // screen width the comparison key takes
    int groups_naming(const std::vector<Id>& group) const;  // how many merged groups named it
    const std::vector<std::filesystem::path>& board_files();  // find_board_files, once a second
    std::vector<std::pair<std::vector<Id>, bool>> duplicate_stacks() const;
    void open_station(Side side, double along);
    void go_to_phase(Phase p);
    // Phase-specific marks on the board: discussed partners, a role's choices (app_ui.cpp).
    void decorate_board(LiveState& live) const;
    void set_language(const std::string& lang);
    // The view that fits the board into the part of the window this phase leaves it.
    View compute_fitted() const;
    // Whether the board takes gestures in this phase (2A to 4).
    bool board_editable() const;
    // A text field bound to a document string (ui_fields.cpp). Shows `current`; while the
    // field is being edited every change is dispatched through `make` with `key` as the
    // coalesce key (saved at every letter, one undo step). Returns its rect.
    Rect text_field(const std::string& id, const std::string& current, float width, bool multiline,
                    const std::function<Action(const std::string&)>& make, const char* hint = nullptr);
    // Asks the field with `id` to take the keyboard focus in the next frame.
    void focus_field(const std::string& id) {
        focus_request_ = id;
        focus_wait_frames_ = 3;
    }
    // Pen strokes of phase 2C (ui_pens.cpp).
    void pen_stroke_end();
    void start_editing(Id partner, Vec2 pos, double rotation, std::string text);
    void commit_editing();
    void cancel_editing();
    void show_message(std::string text, bool modal);
    std::string label_text(const ActionLabel& l) const;
    // ---- photos (app.cpp "photos"; the choice and progress in ui_keep.cpp) ----------
    // The Foto button and phase 5's export: rendered at the end of the frame after the
    // request (so the progress shows first), then finished on photo_'s worker.
    enum class PhotoKind { Snapshot, Export };
    enum class PhotoSize { Screen, FourK, A3 };
    void request_photo(PhotoKind kind);
    void start_photo(PhotoKind kind);
    void photo_finished(PhotoKind kind, const std::string& where, const PhotoOutcome& out);
    bool photo_busy() const { return photo_request_.has_value() || photo_render_ || photo_.busy(); }
    void advance_photo();  // renders the next strip of the photo being made (one a frame)
    bool photo_now(PhotoTask task, PhotoOutcome& out, std::string& error);  // all strips at once
    std::pair<int, int> photo_pixels() const;  // photo_size_ in pixels
    // Makes the export folder if needed; false with a teacher's message when it cannot.
    bool export_folder_ready(const std::string& dir, std::string& error);
    void draw_photo_progress(float width);  // spinner and text while a photo is kept
    void draw_photo_banner();               // the same, outside phase 5
    void draw_photo_sizes(float width);     // phase 5: screen, 4K, A3

    Options opt_;
    Platform platform_;
    RestingLayer resting_;           // the board that does not move, as one texture (after platform_: freed first)
    std::uint64_t layer_epoch_ = 0;  // bumped when what the board's texts say changes (language)
    std::uint64_t presented_hash_ = 0;  // the idle frame last drawn (0: none, or not idle)
    bool must_present_ = true;          // the window asked to be drawn (exposed, shown)
    bool redraw_soon_ = false;          // the last frame changed what the board shows: no sleep
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
    // Phases: live state around the document's phase.
    double phase_started_ms_ = 0;
    std::map<std::string, std::string> field_buffers_;  // text of fields being edited
    std::string focus_request_;
    int focus_wait_frames_ = 0;        // frames keys are held back for a field taking the focus
    std::deque<SDL_Event> held_keys_;  // those keys, in order
    bool replaying_held_ = false;
    int intro_page_ = 0;
    // 2C: the armed pen (a participant), the stroke it draws, and what it asks after.
    Id pen_participant_ = 0;
    std::optional<PointerKey> pen_pointer_;
    std::vector<Vec2> pen_stroke_;
    struct PendingPriority {
        Id participant = 0;
        std::vector<Vec2> stroke;
        std::vector<Id> candidates;  // more than one: ask which; one: it replaces an earlier choice
        Id chosen = 0;
        bool confirm_replace = false;
    };
    std::optional<PendingPriority> pending_priority_;
    int highlight_role_ = -1;   // patterns view: the role whose choices the board highlights
    bool show_patterns_ = false;
    bool adding_missing_ = false;
    // 2A: the writers' stations, and leaving the phase with post-its still hidden.
    Stations stations_;
    std::optional<Phase> leave_brainstorm_to_;
    // 5: where exports go, and whether the anonymised variant is asked.
    std::string export_dir_;
    bool export_anonymous_ = false;  // the post-it being typed is a phase-4 "ontbrekend" one
    // 3: the deck of reflection cards of one partner.
    Id deck_partner_ = 0;
    std::string deck_card_;
    // 4: the closing question that is open.
    std::string closing_open_;
    double caret_epoch_ = 0;
    PhotoSize photo_size_ = PhotoSize::FourK;
    PhotoKind photo_kind_ = PhotoKind::Snapshot;  // the photo asked for last
    struct PhotoRequest {
        PhotoKind kind;
        std::uint64_t frame;  // frame_no_ when asked
    };
    std::optional<PhotoRequest> photo_request_;
    PhotoJob photo_;
    std::unique_ptr<PhotoRender> photo_render_;  // the photo being rendered, strip by strip
    struct PhotoStats {
        double prepare_ms = 0, render_ms = 0, longest_strip_ms = 0, handover_ms = 0;
        int strips = 0;
    } photo_stats_;
    std::string screenshot_path_;
    struct Message {
        std::string text;
        bool modal = false;
        double until_ms = 0;
        bool raised = false;
    };
    std::optional<Message> message_;
    std::uint64_t warned_failure_epoch_ = 0;
    std::uint64_t marked_writes_ = 0;
    std::FILE* frame_log_ = nullptr;  // --frame-log
    EventLog log_;
    // Kiosk: leaving the app is the facilitator's, behind a 3-second hold.
    double hold_start_ms_ = -1;       // when the hold on the corner control began
    enum class Facilitator { Closed, Open, ConfirmExit, ConfirmNew, ConfirmErase, Files };
    Facilitator facilitator_ = Facilitator::Closed;
    void ask_for_facilitator();       // someone tried to close the app: say how
    void start_new_board(bool erase_saved);
    std::chrono::steady_clock::time_point started_;
    // Versions and merging (ui_versions.cpp). A version shown read-only, or compared with
    // the current map (1-based into versions; 0: none): the board takes no gestures then.
    int viewing_version_ = 0;
    int compare_version_ = 0;
    // Post-its each merge brought in (id -> its nk::fold then), to say how many groups named
    // a partner; live state, like the stack offers it feeds.
    std::vector<std::map<Id, std::string>> merged_batches_;
    std::vector<std::filesystem::path> board_files_;
    double board_files_at_ = -1e18;
    // Phase 5's panels as large as they were last drawn (0: not yet): the fitted view keeps
    // the map clear of them (compute_fitted).
    float keep_panel_w_ = 0;            // ui_keep.cpp, top right
    ImVec2 versions_panel_size_{0, 0};  // ui_versions.cpp, top left, when versions were saved
    ImVec2 legend_size_{0, 0};          // app_ui.cpp, bottom left, from phase 2B on
};

// A teacher's message for a board file that could not be read (app.cpp).
std::string load_error_text(const Strings& s, const LoadError& e, const std::string& path);

}  // namespace nk::app
