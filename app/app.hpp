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
#include <deque>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "board_layer.hpp"
#include "board_file.hpp"
#include "board_renderer.hpp"
#include "event_log.hpp"
#include "fonts.hpp"
#include "mouse_filter.hpp"
#include "note_editor.hpp"
#include "options.hpp"
#include "part.hpp"
#include "panel_pointer.hpp"
#include "photo_job.hpp"
#include "photo_render.hpp"
#include "platform.hpp"
#include "pointer_router.hpp"
#include "session.hpp"
#include "stations.hpp"
#include "ui_brainstorm.hpp"
#include "ui_cards.hpp"
#include "ui_closing.hpp"
#include "ui_intro.hpp"
#include "ui_messages.hpp"
#include "ui_note_menu.hpp"
#include "ui_pens.hpp"
#include "ui_phase_bar.hpp"
#include "strings.hpp"
#include "ui_targets.hpp"
#include "view.hpp"

namespace nk::app {

class ReplayPlayer;

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
    bool start(std::string& error);
    void load_initial_board();
    void frame();
    void handle_event(const SDL_Event& e);
    // Pointers go to the input router (core/pointer_router.hpp); route() serves its result.
    void pointer_down(PointerKey key, ImVec2 p);
    void pointer_move(PointerKey key, ImVec2 p);
    void pointer_up(PointerKey key, ImVec2 p);
    RouteContext route_context();
    void route(const Routed& r);
    void apply(const Effects& fx);
    void handle_key(const SDL_KeyboardEvent& k);
    void relayout();
    void build_ui();
    void draw_toolbar();
    void draw_facilitator();    // ui_facilitator.cpp
    void draw_setup();          // ui_setup.cpp: phase 0, the team
    void draw_keep();           // ui_keep.cpp: phase 5
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
    // ---- Shell: what the parts may ask (part.hpp) ---------------------------------------
    UiTargets& layout() override { return targets_; }
    void dispatch(const Action& a) override;
    void undo() override;
    void redo() override;
    void open_station(Side side, double along) override;
    void go_to_phase(Phase p) override;  // queued; change_phase does it
    void edit_note(const NoteEdit& at, std::string text) override;
    void arm_link(Id from) override { input_.gestures().arm_link(from); }
    // Runs `fn` now, or when the part drawing now returns (its document stays valid).
    void later(std::function<void()> fn);
    // Draws one part with a Frame of this moment, then applies what it queued.
    void with_part(const std::function<void(const Frame&)>& draw);
    void change_phase(Phase p);
    // Phase-specific marks on the board: discussed partners, a role's choices (app_ui.cpp).
    void decorate_board(LiveState& live) const;
    void set_language(const std::string& lang);
    // The view that fits the board into the part of the window this phase leaves it.
    View compute_fitted() const;
    // Whether the board takes gestures in this phase (2A to 4).
    bool board_editable() const;
    Rect text_field(const std::string& id, const std::string& current, float width, bool multiline,
                    const std::function<Action(const std::string&)>& make, const char* hint = nullptr) override;
    void focus_field(const std::string& id) override {
        focus_request_ = id;
        focus_wait_frames_ = 3;
    }
    void commit_editing() override;
    void show_message(std::string text, bool modal) override { messages_.show(std::move(text), modal, clock_ms_); }
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
    PointerRouter input_;  // every pointer's one owner, the board's gestures
    PanelPointer panel_pointer_;  // ImGui's one pointer
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

    // The parts (part.hpp), each owning its own state.
    NoteEditor editor_;
    PhaseBar phase_bar_;
    Intro intro_;
    Brainstorm brainstorm_;
    Pens pens_;
    Cards cards_;
    Closing closing_;
    NoteMenu note_menu_;
    Messages messages_;
    int in_part_ = 0;                            // a part is drawing: Shell changes wait
    std::vector<std::function<void()>> deferred_;  // what it queued, in order
    std::map<std::string, std::string> field_buffers_;  // text of fields being edited
    std::string focus_request_;
    int focus_wait_frames_ = 0;        // frames keys are held back for a field taking the focus
    std::deque<SDL_Event> held_keys_;  // those keys, in order
    bool replaying_held_ = false;
    // 5: where exports go, and whether the anonymised variant is asked.
    std::string export_dir_;
    bool export_anonymous_ = false;
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
    // Post-its each merge brought in (id -> fold_key then), to say how many groups named
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
