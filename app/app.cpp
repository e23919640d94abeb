// Sections: start-up · frame loop. Elsewhere: events, pointers and keys (app_input.cpp),
// files and versions (app_files.cpp), the parts' Shell (app_shell.cpp), the parts
// (ui_*.cpp, composed in app_ui.cpp), the photos (photos.cpp).
#include "app.hpp"

#include <set>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

#include "asset_dir.hpp"
#include "atomic_file.hpp"
#include "board_files.hpp"
#include "board_file.hpp"
#include "board_rules.hpp"
#include "crash_loop.hpp"
#include "export_set.hpp"
#include "field_keyboard_renderer.hpp"
#include "geometry.hpp"
#include "photo_render.hpp"
#include "replay_player.hpp"
#include "snapshot.hpp"
#include "station_renderer.hpp"
#include "theme.hpp"
#include "utf8.hpp"

namespace nk::app {
namespace fs = std::filesystem;

namespace {

// CPU time this thread has used, in ms (for the frame log).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) * 1e-6;
}

}  // namespace

// ---- start-up ------------------------------------------------------------------------
App::App(Options options)
    : opt_(std::move(options)), started_(std::chrono::steady_clock::now()), photos_(log_, opt_.data_dir) {}
App::~App() {
    if (frame_log_) std::fclose(frame_log_);
}

std::string load_error_text(const Strings& s, const LoadError& e, const std::string& path) {
    if (e.kind == LoadErrorKind::NotABoard && e.detail == kImageWithoutMap)
        return s.format("error.load.ImageWithoutMap", {fs::path(path).filename().string()});
    static const char* names[] = {"Unreadable", "Empty", "TooLarge", "NotJson", "TooDeep", "NewerVersion", "NotABoard"};
    const std::string file = fs::path(path).filename().string();
    return s.format(std::string("error.load.") + names[static_cast<int>(e.kind)], {file});
}

bool App::start(std::string& error) {
    set_language(opt_.lang);
    WindowRequest req;
    req.w = opt_.windowed_w;
    req.h = opt_.windowed_h;
    if (!platform_.open(req, error)) return false;
    width_ = platform_.width();
    height_ = platform_.height();
    k_ = float(height_) / 1080.0f * float(opt_.ui_scale);
    fonts_.build(k_);
    platform_.upload_fonts();
    apply_style(k_);
    relayout();
    view_ = fitted_, view_follows_ = true;
    brainstorm_.stations().set_layout(opt_.layout == "table" ? StationLayout::Table : StationLayout::Wall);
    brainstorm_.stations().set_keyboard_layout(opt_.keys == "qwerty" ? kb::Layout::Qwerty : kb::Layout::Azerty);
    fields_.attach(
        &field_kb_,
        [this](const std::string& id, const Rect& r, const std::string& text, bool multiline) {
            open_field_keyboard(id, r, text, multiline);
        },
        [this](const std::string& id, const Rect& r) { field_drawn(id, r); });
    return true;
}

View App::compute_fitted() const {
    // The map, as large as it can be, in the window below the phase bar's hint line and
    // clear of every panel drawn last frame (the phase's side panel, the toolbar, the
    // legend, the stations, a keyboard, ...), so that no post-it lies under one. Notices,
    // menus and questions come and go over the map without moving it.
    // (Phase 1's reading pages stand over a map without post-its: App::frame.)
    static const std::set<std::string> kOverMap = {"message", "menu", "menu.line", "priority.dialog", "brainstorm.leave",
                                                   "facilitator.hold", "intro"};
    std::vector<ScreenBox> panels;
    for (const UiTargets::Panel& p : targets_.panels())
        if (!kOverMap.count(p.id)) panels.push_back({p.rect.min.x, p.rect.min.y, p.rect.max.x, p.rect.max.y});
    // The writers' stations (phase 2A) and keyboard 0 hold strips along the edges (the
    // phase bar moves below a top one): the map stays inside the rest (station_room).
    const Insets in = session_ ? station_room() : Insets{};
    const ScreenBox area{in.left, in.top + 150.0 * k_, width_ - in.right, height_ - in.bottom};  // notice band: ui_messages.cpp
    if (!session_) return fit_view(area.x0, area.y0, area.x1, area.y1);
    const std::uint64_t revision = session_->revision();
    if (fit_cache_.valid && fit_cache_.revision == revision && fit_cache_.area == area && fit_cache_.panels == panels &&
        fit_cache_.shown == &shown_board())
        return fit_cache_.view;
    fit_cache_ = {true, revision, area, panels, &shown_board(), fit_clear_of(shown_board(), area, panels)};
    return fit_cache_.view;
}

void App::relayout() { fitted_ = compute_fitted(); }

std::vector<ImVec4> App::mark_keep_out() const {
    // The panels drawn last frame that stay put (the pen tray, the chart, the bars): a
    // priority mark moves to its post-it's top edge rather than lie under one. Notices,
    // menus and questions that come and go over the map do not move the marks.
    static const std::set<std::string> kPassing = {"message", "menu", "menu.line", "priority.dialog", "brainstorm.leave",
                                                   "facilitator.hold", "intro"};
    std::vector<ImVec4> out;
    for (const UiTargets::Panel& p : targets_.panels())
        if (!kPassing.count(p.id)) out.emplace_back(p.rect.min.x, p.rect.min.y, p.rect.max.x, p.rect.max.y);
    return out;
}

void App::set_language(const std::string& lang) {
    opt_.lang = lang;
    presenter_.texts_changed();
    strings_ = Strings::load(asset_dir() + "/lang/" + lang + ".txt");
    strings_.merge(Strings::load(asset_dir() + "/lang/" + lang + "-method.txt"));
    strings_.merge(Strings::load(asset_dir() + "/lang/" + lang + "-report.txt"));
}

void App::load_initial_board() {
    std::error_code dir_ec;
    fs::create_directories(opt_.data_dir, dir_ec);
    log_.open(opt_.data_dir + "/netwerkkaart.log");
    log_.info("Netwerkkaart started");
    Document doc;
    doc.school = strings_.get("school.default");
    doc.date = today();
    const std::string marker = opt_.data_dir + "/session.open";
    std::optional<std::string> marker_text;
    if (fs::exists(marker)) {
        std::ifstream in(marker);
        marker_text = std::string(std::istreambuf_iterator<char>(in), {});
    }
    const std::int64_t now_ms = wall_clock_ms();
    RunMarker run;
    run.started_ms = now_ms;
    auto storage = real_storage();
    cleanup_temp_files(*storage, opt_.data_dir);  // left by a write a crash interrupted
    if (!opt_.new_board) {
        if (auto rec = find_latest_good(*storage, opt_.data_dir, is_good_board)) {
            const StartVerdict verdict = assess_start(marker_text, board_fingerprint(rec->bytes));
            bool fell_back = false;
            if (verdict.fall_back) {
                // Two quick crashes in a row on this board: open the autosave before it.
                std::vector<Recovered> good;
                std::vector<std::string> prints;
                for (int g = kAutosaveNewGeneration; g <= kAutosaveGenerations; ++g) {
                    auto bytes = storage->read(autosave_path(opt_.data_dir, g), kAutosaveMaxBytes);
                    if (!bytes || !is_good_board(*bytes)) continue;
                    prints.push_back(board_fingerprint(*bytes));
                    good.push_back({std::move(*bytes), autosave_path(opt_.data_dir, g), g});
                }
                if (auto i = pick_fallback(prints, verdict.avoid)) rec = std::move(good[*i]), fell_back = true;
            }
            auto parsed = parse_board(rec->bytes);
            doc = std::get<LoadedBoard>(parsed).doc;
            run.from = board_fingerprint(rec->bytes);
            run.streak = fell_back ? 0 : verdict.streak;
            if (fell_back) {
                show_message(strings_.get("recovery.crash_loop"), true);
                log_.error("stopped " + std::to_string(verdict.streak) +
                           " times in a row just after starting: opened the older autosave " + rec->path);
            } else if (verdict.crashed) {
                show_message(strings_.get("recovery.crashed"), true);
                log_.info("recovered after an unexpected stop from " + rec->path);
            }
        }
    }
    session_ = std::make_unique<Session>(doc);
    if (!opt_.board_file.empty()) {
        std::string err;
        if (!open_board(opt_.board_file, err)) show_message(err, true), log_.error("could not open " + opt_.board_file);
    }
    if (!opt_.phase.empty())
        if (auto ph = phase_from_id(opt_.phase)) {
            Document d = session_->current();
            d.phase = *ph;
            session_->replace(d);
        }
    // USB sticks and the board files on them and in DATA/kaarten, found off the UI thread.
    MediaWatch::Options watch;
    watch.list = [data_dir = opt_.data_dir](const std::vector<fs::path>& sticks) { return find_board_files(data_dir, sticks); };
    media_ = std::make_unique<MediaWatch>(std::move(watch));
    autosave_.start(opt_.data_dir, *session_);
    session_->save_now();
    autosave_.mark_running(opt_.data_dir, run);
    checkpoints_ = std::make_unique<CheckpointWriter>(opt_.data_dir + "/checkpoints");
    checkpointed_phase_ = session_->current().phase;
}

namespace {
volatile std::sig_atomic_t g_terminate = 0;
extern "C" void on_terminate(int) { g_terminate = 1; }
}  // namespace

int App::run() {
    // SIGTERM/SIGINT (a shutdown, an administrator) end the app cleanly with a last
    // autosave; SDL's own handlers would turn them into a window-close, which the kiosk
    // refuses.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, on_terminate);
    std::signal(SIGINT, on_terminate);
    if (auto ph = opt_.phase; !ph.empty() && !phase_from_id(ph)) {
        std::fprintf(stderr, "netwerkkaart: unknown phase '%s' (use 0 1 2a 2b 2c 3 4 5)\n", ph.c_str());
        return 2;
    }
    // --snapshot: render the board file (or the autosave) to a PNG and exit.
    if (!opt_.snapshot_out.empty() || !opt_.export_dir.empty()) {
        Document doc;
        if (!opt_.board_file.empty()) {
            auto parsed = load_board_file(opt_.board_file);
            if (auto* err = std::get_if<LoadError>(&parsed)) {
                set_language(opt_.lang);
                std::fprintf(stderr, "netwerkkaart: %s\n", load_error_text(strings_, *err, opt_.board_file).c_str());
                return 1;
            }
            doc = std::get<LoadedBoard>(parsed).doc;
        } else if (auto rec = find_latest_good(*real_storage(), opt_.data_dir, is_good_board)) {
            doc = std::get<LoadedBoard>(parse_board(rec->bytes)).doc;
        }
        if (auto ph = phase_from_id(opt_.phase)) doc.phase = *ph;
        set_language(opt_.lang);
        WindowRequest req;
        req.w = 64, req.h = 64, req.hidden = true;
        std::string error;
        if (!platform_.open(req, error)) {
            std::fprintf(stderr, "netwerkkaart: %s\n", error.c_str());
            return 1;
        }
        const float k = float(opt_.export_dir.empty() ? opt_.snapshot_h : 2160) / 1080.0f;
        fonts_.build(k);
        platform_.upload_fonts();
        session_ = std::make_unique<Session>(doc);
        if (!opt_.export_dir.empty()) {
            std::vector<std::string> written;
            if (!export_to(opt_.export_dir, opt_.anonymous, written, error)) {
                std::fprintf(stderr, "netwerkkaart: %s\n", error.c_str());
                return 1;
            }
            for (const std::string& w : written) std::printf("%s\n", w.c_str());
            return 0;
        }
        if (!write_snapshot(opt_.snapshot_out, opt_.snapshot_w, opt_.snapshot_h, error)) {
            std::fprintf(stderr, "netwerkkaart: %s\n", error.c_str());
            return 1;
        }
        return 0;
    }

    if (!opt_.frame_log.empty()) {
        frame_log_ = std::fopen(opt_.frame_log.c_str(), "w");
        if (frame_log_)
            std::fprintf(frame_log_, "# frame ms_since_start app_work_ms events photo_running app_thread_cpu_ms\n");
        photos_.set_frame_log(frame_log_);
    }
    std::string error;
    if (!start(error)) {
        std::fprintf(stderr, "netwerkkaart: %s\n", error.c_str());
        return 1;
    }
    load_initial_board();
    if (!opt_.replay.empty()) {
        auto script = replay::load_script(opt_.replay);
        if (auto* err = std::get_if<replay::ParseError>(&script)) {
            std::fprintf(stderr, "netwerkkaart: %s\n", err->what().c_str());
            return 2;
        }
        replay_ = std::make_unique<ReplayPlayer>(std::get<replay::Script>(std::move(script)));
    }
    const auto t0 = std::chrono::steady_clock::now();
    while (!quit_) {
        if (!replay_ || replay_->finished())
            clock_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        frame();
        if (g_terminate) quit_ = true;
        if (replay_ && replay_->failed()) {
            std::fprintf(stderr, "netwerkkaart: %s\n", replay_->error().c_str());
            exit_code_ = 2;
            quit_ = true;
        }
    }
    commit_editing();
    // A photo being written is finished first (a half-written file helps nobody), also
    // after SIGTERM; one asked for but not yet rendered is made now.
    photos_.finish_all(session_->current(), strings_, photos_.pixels(width_, height_), *this);
    autosave_.flush(std::chrono::milliseconds(3000));
    std::error_code ec;
    fs::remove(opt_.data_dir + "/session.open", ec);
    log_.info("Netwerkkaart closed");
    return exit_code_;
}

// ---- frame loop ----------------------------------------------------------------------
void App::say_refusal() {
    // An action a limit refused (limits.hpp): say so now, while the person is still there.
    if (auto r = session_->take_refusal())
        show_message(strings_.format("limit." + std::string(limits::limit_id(r->limit)), {std::to_string(r->max)}), true);
}

void App::frame() {
    const bool replaying = replay_ && !replay_->finished();
    photos_.set_replaying(replaying);
    if (replaying) {
        // Nothing read in the background changes what a replay's frame sees by chance: a
        // file being opened or merged is applied at the first frame between commands, and
        // the USB sticks and board files are looked for again then (bounded waits).
        if (replay_->between_commands()) {
            std::string err;
            if (!settle_loading(err)) replay_->stop(err);
            if (media_ && !media_->refresh(std::chrono::seconds(10))) replay_->stop("the USB sticks were still being listed after 10 s");
        }
        replay_->begin_frame(*this);
        clock_ms_ += kReplayFrameMs;
    } else {
        // Nothing moving and no replay: sleep until something happens (a touch panel's
        // mini-PC runs all day); wake twice a second for the caret and messages, ten
        // times a second while a photo is kept (its progress turns, its end is told).
        // While a photo is rendered, a strip a frame, frames come at once unless the
        // encoder has no room yet (then a short nap leaves it the core).
        const bool strip_ready = photos_.strip_ready();
        const bool busy = input_.active_pointers() > 0 || panel_pointer_.active() || frame_no_ == 1 || strip_ready ||
                          redraw_soon_;
        redraw_soon_ = false;
        if (!busy)
            SDL_WaitEventTimeout(nullptr, photos_.rendering() ? 16 : photos_.busy() || loader_.busy() ? 100 : editor_.active() || messages_.any() ? 250 : 1000);
    }
    if (!replaying) take_loaded();  // a file read in the background: its board, or its message
    // The app's own work this frame is timed from here to just before the buffer swap
    // (which waits for the GPU and the display, not for us).
    const auto work_start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_ms();
    SDL_Event e;
    int events = 0;
    // Keys typed while a field took the focus, now that it has it (ui_fields.hpp).
    events += fields_.release(ImGui::GetIO().WantTextInput || field_kb_.is_open(),
                              [this](const SDL_Event& k) { handle_event(k); });
    while (SDL_PollEvent(&e)) handle_event(e), ++events;
    route(input_.tick(route_context(), clock_ms_));
    brainstorm_.stations().set_screen({double(width_), double(height_)}, k_);
    brainstorm_.stations().tick(clock_ms_);
    field_kb_.tick(clock_ms_);
    if (replaying) {
        // Nothing a worker does may change what a replay's frame sees: what it was handed
        // is done (written, refused or failed) before this frame reads its outcome.
        autosave_.settle();
        photos_.settle();
    }
    if (const auto failure = autosave_.check(opt_.data_dir)) {
        show_message(strings_.get("autosave.failing"), false);
        log_.error("autosave failing: " + *failure);
    }
    checkpoint_phase_change();
    versions_.follow(session_->current(), session_->history().can_redo());  // an undone merge's counts go
    say_refusal();  // a gesture's action that a limit refused
    photos_.poll(session_->current(), strings_, *this);  // a photo finished on its worker: say so
    messages_.tick(clock_ms_);

    fitted_ = compute_fitted();
    // The view follows the layout (a panel opened or closed) unless someone zoomed or
    // panned: over a few frames, and only while no finger is on the map, so that a post-it
    // held by a finger never jumps away from it.
    // A replay (the tests) takes the refit at once: its frames are not a film.
    if (view_follows_ && input_.gestures().active_pointers() == 0) {
        view_ = replaying ? fitted_ : approach(view_, fitted_);
        if (!(view_ == fitted_)) redraw_soon_ = true;  // the next step of the animation
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // ImGui 1.86 polls SDL's mouse; the pointer we decided belongs to the UI wins.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(width_), float(height_));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    panel_pointer_.feed(io);
    io.MouseWheel = 0;
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    panel_pointer_.after_new_frame();  // a finger dragging a panel area scrolls it
    targets_.begin_frame();

    BoardScene sc;
    sc.doc = &shown_board();  // a saved version, while one is viewed (ui_versions.cpp)
    sc.view = view_;
    sc.strings = &strings_;
    sc.ui_scale = k_;
    // Link knobs only where the board takes gestures (2A to 4, not while a saved version
    // is shown): elsewhere they would promise a line that cannot be drawn.
    sc.show_handles = board_editable();
    for (const auto& p : input_.gestures().live_placements())
        sc.live.placements.push_back({p.partner, p.pos, p.rotation, p.scale});
    for (const auto& d : input_.gestures().link_drafts()) sc.live.link_drafts.push_back({d.from, d.to_board, d.hover_target});
    if (field_kb_.is_open() && editor_.active()) editor_.set_text(field_kb_.keyboard().text(), clock_ms_);
    sc.live.editing = editor_.live(clock_ms_);
    sc.live.selected_link = note_menu_.selected_line();
    if (const Id drawing = input_.pen_drawing()) {
        sc.live.pen_stroke = input_.pen_stroke();
        if (const Participant* who = session_->current().participant(drawing))
            sc.live.pen_colour = role_colour(who->role);
    }
    decorate_board(sc.live);
    sc.live.mark_avoid = mark_keep_out();
    // The resting board comes from its texture (redrawn only when it changed); what moves
    // is drawn on top every frame.
    // The very first frame shows the app at once — its bars, the paper, the rings and the
    // school — and the post-its and lines follow in the next frame: a software renderer
    // takes a few hundred milliseconds to draw a full map, and nobody should wait for the
    // window to appear meanwhile.
    // In phase 1 the reading pages take the screen: the map behind them shows only its
    // rings and school, so no post-it lies hidden under the pages.
    Document bare;
    std::uint64_t revision = session_->revision();
    if (frame_no_ == 0 || (session_->current().phase == Phase::Introductie && !version_shown())) {
        bare.school = sc.doc->school;
        sc.doc = &bare;
        if (frame_no_ == 0) revision = 0;  // no session's: the next frame redraws
    }
    const bool layered = presenter_.prepare(fonts_, sc, io.DisplaySize, revision);
    if (layered) sc.layer = BoardLayer::Moving;
    draw_board(ImGui::GetBackgroundDrawList(), fonts_, sc, io.DisplaySize);
    if (replay_) drawn_board_ = board_layout_lines(*sc.doc, sc.view, sc.live.priority_circles, sc.live.mark_avoid);  // for `layout`
    const std::uint64_t revision_before_ui = session_->revision(), epoch_before_ui = presenter_.epoch();
    const View view_before_ui = view_;
    build_ui();
    // A control changed the board, the language or the view (undo, a version shown, a
    // phase): this frame was drawn before it, so the next one comes at once.
    if (session_->revision() != revision_before_ui || presenter_.epoch() != epoch_before_ui || !(view_ == view_before_ui) ||
        panel_pointer_.release_pending())
        redraw_soon_ = true;
    if (session_->current().phase == Phase::Brainstorm && !version_shown()) {
        draw_stations(ImGui::GetForegroundDrawList(), fonts_, brainstorm_.stations(), session_->current(), strings_, clock_ms_);
        record_stations(targets_, brainstorm_.stations(), session_->current());
    }
    keyboard_frame_end();
    keyboard_draw(ImGui::GetForegroundDrawList());

    ImGui::Render();
    // A replay's `screenshot` shows the last frame drawn before its line: this one, when
    // the script reaches the line before the next frame takes any input.
    if (replay_ && !replay_->finished())
        for (std::string& path : replay_->screenshots_due()) presenter_.request_screenshot(std::move(path));
    const auto work_end = std::chrono::steady_clock::now();
    const double cpu_end = thread_cpu_ms();
    // A replay's quiet frames (a `wait`, a held press) carry no input: they are built like
    // any frame but not rasterised, since software GL would spend tens of ms on pixels
    // nobody sees. Frames with input, screenshots, and everything outside a replay draw.
    const bool quiet_replay_frame = replay_ && !replay_->finished() && events == 0 && !presenter_.screenshot_asked();
    // An idle wake-up (no input, nothing held) that would show exactly what the screen
    // shows already is not drawn again.
    const bool idle =
        events == 0 && input_.active_pointers() == 0 && !panel_pointer_.active() && !presenter_.screenshot_asked();
    presenter_.present(platform_, width_, height_, quiet_replay_frame, idle, layered);
    if (frame_log_) {
        using ms = std::chrono::duration<double, std::milli>;
        // The app's work: wall clock (what a person waits, including time the thread waited
        // for a core) and the UI thread's own CPU time (what the budgets are about).
        std::fprintf(frame_log_, "%llu %.3f %.3f %d %d %.3f\n", static_cast<unsigned long long>(frame_no_),
                     ms(std::chrono::steady_clock::now() - started_).count(), ms(work_end - work_start).count(), events,
                     photos_.busy() ? 1 : 0, cpu_end - cpu_start);
    }

    ++frame_no_;
    // A control being pressed may give a text field the focus in the next frame, so keys
    // typed right after the tap wait for that field.
    if (panel_pointer_.end_frame(frame_no_)) fields_.hold_keys_for(2);
    photos_.end_frame(frame_no_, session_->current(), strings_, photos_.pixels(width_, height_), *this);
}

}  // namespace nk::app
