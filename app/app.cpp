// Sections: start-up · frame loop · events · pointers · gestures' effects · keys · files
// (photos: app_photo.cpp)
#include "app.hpp"

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

#include "atomic_file.hpp"
#include "board_file.hpp"
#include "board_rules.hpp"
#include "export_set.hpp"
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
constexpr PointerKey kMouseKey{kMouseTouch, 0};

std::string today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool is_good_board(std::string_view bytes) { return std::holds_alternative<LoadedBoard>(parse_board(bytes)); }

// CPU time this thread has used, in ms (for the frame log).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) * 1e-6;
}

// A fingerprint of everything a frame would draw (vertices, indices, commands); never 0.
std::uint64_t draw_data_hash(const ImDrawData* dd) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* p, std::size_t n) {
        h = (h ^ std::hash<std::string_view>()(std::string_view(static_cast<const char*>(p), n))) * 1099511628211ull;
    };
    for (int i = 0; dd && i < dd->CmdListsCount; ++i) {
        const ImDrawList* l = dd->CmdLists[i];
        mix(l->VtxBuffer.Data, std::size_t(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(l->IdxBuffer.Data, std::size_t(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        mix(l->CmdBuffer.Data, std::size_t(l->CmdBuffer.Size) * sizeof(ImDrawCmd));
    }
    return h ? h : 1;
}
}  // namespace

// ---- start-up ------------------------------------------------------------------------
App::App(Options options) : opt_(std::move(options)), started_(std::chrono::steady_clock::now()) {}
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
    view_ = fitted_;
    brainstorm_.stations().set_layout(opt_.layout == "table" ? StationLayout::Table : StationLayout::Wall);
    brainstorm_.stations().set_keyboard_layout(opt_.keys == "qwerty" ? kb::Layout::Qwerty : kb::Layout::Azerty);
    return true;
}

View App::compute_fitted() const {
    // The board fills the window between the phase bar (with its hint line) and the bottom
    // controls, and leaves the right part to a phase's side panel when one is open.
    double right = width_;
    if (session_) {
        const Phase ph = session_->current().phase;
        if (version_shown()) right = width_ - version_panel_width();  // ui_versions.cpp
        else if (ph == Phase::Vooraf) right = width_ * 0.36;
        else if (ph == Phase::Terugblik || (ph == Phase::Gesprek && cards_.partner())) right = width_ * 0.55;
        else if (ph == Phase::Naverwerking) {
            // Phase 5: the keep panel stands top right (ui_keep.cpp) and, once versions are
            // saved, their list top left (ui_versions.cpp). The map keeps clear of both, with
            // the panels as large as they were last drawn (their labels may make them wider
            // than their content) and at least as wide as that content before they are.
            const double margin = 20.0 * k_, pad = 2 * 16.0 * k_, top = 150.0 * k_, bottom = height_ - 104.0 * k_;
            right = width_ - margin - std::max<double>(keep_panel_w_, 620.0 * k_ + pad) - margin;
            if (!session_->current().versions.empty()) {
                // Beside the list, or below it and beside the legend under it (a short list,
                // one or two versions, leaves the map more room there): whichever shows the
                // map larger.
                const View beside =
                    fit_view(margin + std::max<double>(versions_panel_size_.x, 420.0 * k_ + pad) + margin, top, right, bottom);
                if (versions_panel_size_.y <= 0) return beside;  // not drawn yet: its height is unknown
                const View below =
                    fit_view(margin + legend_size_.x + margin, top + versions_panel_size_.y + margin, right, bottom);
                return below.scale > beside.scale ? below : beside;
            }
        }
    }
    return fit_view(0, 150.0 * k_, right, height_ - 104.0 * k_);
}

void App::relayout() { fitted_ = compute_fitted(); }

void App::set_language(const std::string& lang) {
    opt_.lang = lang;
    ++layer_epoch_;
    strings_ = Strings::load(std::string(NK_ASSETS_DIR) + "/lang/" + lang + ".txt");
    strings_.merge(Strings::load(std::string(NK_ASSETS_DIR) + "/lang/" + lang + "-method.txt"));
    strings_.merge(Strings::load(std::string(NK_ASSETS_DIR) + "/lang/" + lang + "-report.txt"));
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
    const bool crashed = fs::exists(marker);
    auto storage = real_storage();
    cleanup_temp_files(*storage, opt_.data_dir);  // left by a write a crash interrupted
    if (!opt_.new_board) {
        if (auto rec = find_latest_good(*storage, opt_.data_dir, is_good_board)) {
            auto parsed = parse_board(rec->bytes);
            doc = std::get<LoadedBoard>(parsed).doc;
            if (crashed) {
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
    AutosaveOptions ao;
    ao.dir = opt_.data_dir;
    ao.validator = is_good_board;
    autosave_ = std::make_shared<AutosaveWriter>(ao);
    session_->set_autosave(autosave_);
    session_->save_now();
    std::ofstream(marker) << "running\n";
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
    if (photo_request_ && !photo_.busy()) start_photo(photo_request_->kind);
    photo_request_.reset();
    while (photo_render_) {
        photo_.wait_for_room();
        advance_photo();
    }
    photo_.wait();
    photo_.poll();
    if (autosave_) autosave_->flush(std::chrono::milliseconds(3000));
    std::error_code ec;
    fs::remove(opt_.data_dir + "/session.open", ec);
    log_.info("Netwerkkaart closed");
    return exit_code_;
}

// ---- frame loop ----------------------------------------------------------------------
void App::frame() {
    if (replay_ && !replay_->finished()) {
        replay_->begin_frame(*this);
        clock_ms_ += kReplayFrameMs;
    } else {
        // Nothing moving and no replay: sleep until something happens (a touch panel's
        // mini-PC runs all day); wake twice a second for the caret and messages, ten
        // times a second while a photo is kept (its progress turns, its end is told).
        // While a photo is rendered, a strip a frame, frames come at once unless the
        // encoder has no room yet (then a short nap leaves it the core).
        const bool strip_ready = photo_render_ && photo_.queued() < PhotoJob::kMaxQueued;
        const bool busy = input_.active_pointers() > 0 || panel_pointer_.active() || frame_no_ == 1 || strip_ready ||
                          redraw_soon_;
        redraw_soon_ = false;
        if (!busy)
            SDL_WaitEventTimeout(nullptr, photo_render_ ? 16 : photo_busy() ? 100 : editor_.active() || messages_.any() ? 250 : 1000);
    }
    // The app's own work this frame is timed from here to just before the buffer swap
    // (which waits for the GPU and the display, not for us).
    const auto work_start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_ms();
    SDL_Event e;
    int events = 0;
    if (focus_wait_frames_ > 0) --focus_wait_frames_;
    if (!held_keys_.empty() && (ImGui::GetIO().WantTextInput || focus_wait_frames_ == 0)) {
        // Hand the kept keys over, up to the first key release: ImGui 1.86 loses a key
        // that goes down and up within one frame.
        replaying_held_ = true;
        bool key_went_down = false;
        while (!held_keys_.empty()) {
            const SDL_Event k = held_keys_.front();
            if (k.type == SDL_KEYUP && key_went_down) break;  // its release comes next frame
            held_keys_.pop_front();
            handle_event(k);
            ++events;
            key_went_down |= k.type == SDL_KEYDOWN;
        }
        replaying_held_ = false;
    }
    while (SDL_PollEvent(&e)) handle_event(e), ++events;
    route(input_.tick(route_context(), clock_ms_));
    brainstorm_.stations().set_screen({double(width_), double(height_)}, k_);
    brainstorm_.stations().tick(clock_ms_);
    if (autosave_) {
        const AutosaveStatus st = autosave_->status();
        if (st.writes != marked_writes_) {
            // The running marker (a crash next start is told about) goes where the
            // autosave goes, also after the data folder was deleted and made again.
            marked_writes_ = st.writes;
            const std::string marker = opt_.data_dir + "/session.open";
            if (!fs::exists(marker)) std::ofstream(marker) << "running\n";
        }
        if (st.failure_epoch > warned_failure_epoch_) {
            warned_failure_epoch_ = st.failure_epoch;
            show_message(strings_.get("autosave.failing"), false);
            log_.error("autosave failing: " + st.last_error);
        }
    }
    photo_.poll();  // a photo finished on its worker: say so (photo_finished)
    messages_.tick(clock_ms_);

    if (const View f = compute_fitted(); !(f == fitted_)) {
        if (view_ == fitted_) view_ = f;  // follow the layout unless someone zoomed
        fitted_ = f;
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
    sc.live.editing = editor_.live(clock_ms_);
    sc.live.selected_link = note_menu_.selected_line();
    if (const Id drawing = input_.pen_drawing()) {
        sc.live.pen_stroke = input_.pen_stroke();
        if (const Participant* who = session_->current().participant(drawing))
            sc.live.pen_colour = role_colour(who->role);
    }
    decorate_board(sc.live);
    // The resting board comes from its texture (redrawn only when it changed); what moves
    // is drawn on top every frame.
    // The very first frame shows the app at once — its bars, the paper, the rings and the
    // school — and the post-its and lines follow in the next frame: a software renderer
    // takes a few hundred milliseconds to draw a full map, and nobody should wait for the
    // window to appear meanwhile.
    Document bare;
    std::uint64_t revision = session_->revision();
    if (frame_no_ == 0) {
        bare.school = sc.doc->school;
        sc.doc = &bare;
        revision = 0;  // no session's: the next frame redraws
    }
    const bool layered = resting_.prepare(fonts_, sc, resting_key(sc, io.DisplaySize, revision, layer_epoch_));
    if (layered) sc.layer = BoardLayer::Moving;
    draw_board(ImGui::GetBackgroundDrawList(), fonts_, sc, io.DisplaySize);
    const std::uint64_t revision_before_ui = session_->revision(), epoch_before_ui = layer_epoch_;
    const View view_before_ui = view_;
    build_ui();
    // A control changed the board, the language or the view (undo, a version shown, a
    // phase): this frame was drawn before it, so the next one comes at once.
    if (session_->revision() != revision_before_ui || layer_epoch_ != epoch_before_ui || !(view_ == view_before_ui) ||
        panel_pointer_.release_pending())
        redraw_soon_ = true;
    if (session_->current().phase == Phase::Brainstorm && !version_shown())
        draw_stations(ImGui::GetForegroundDrawList(), fonts_, brainstorm_.stations(), session_->current(), strings_, clock_ms_);

    ImGui::Render();
    const auto work_end = std::chrono::steady_clock::now();
    const double cpu_end = thread_cpu_ms();
    // A replay's quiet frames (a `wait`, a held press) carry no input: they are built like
    // any frame but not rasterised, since software GL would spend tens of ms on pixels
    // nobody sees. Frames with input, screenshots, and everything outside a replay draw.
    const bool quiet_replay_frame = replay_ && !replay_->finished() && events == 0 && screenshot_path_.empty();
    // An idle wake-up (no input, nothing held) that would show exactly what the screen
    // shows already is not drawn again: the app sleeps between events all day.
    const bool idle = events == 0 && input_.active_pointers() == 0 && !panel_pointer_.active() && screenshot_path_.empty();
    const std::uint64_t shown = idle && !resting_.redraw_pending() ? draw_data_hash(ImGui::GetDrawData()) : 0;
    const bool unchanged = shown != 0 && shown == presented_hash_ && !must_present_;
    // Only a frame that reaches the screen counts as what the screen shows.
    presented_hash_ = quiet_replay_frame ? 0 : shown;
    if (!quiet_replay_frame && !unchanged) {
        must_present_ = false;
        if (layered) {
            resting_.present();  // fills the window: no clear needed
        } else {
            glViewport(0, 0, width_, height_);
            glClearColor(0.98f, 0.965f, 0.933f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (!screenshot_path_.empty()) {
            Image img;
            read_back_buffer(width_, height_, img);
            real_storage()->write_atomic(screenshot_path_, encode_png(img));
            screenshot_path_.clear();
        }
        platform_.present();
    }
    if (frame_log_) {
        using ms = std::chrono::duration<double, std::milli>;
        // The app's work: wall clock (what a person waits, including time the thread waited
        // for a core) and the UI thread's own CPU time (what the budgets are about).
        std::fprintf(frame_log_, "%llu %.3f %.3f %d %d %.3f\n", static_cast<unsigned long long>(frame_no_),
                     ms(std::chrono::steady_clock::now() - started_).count(), ms(work_end - work_start).count(), events,
                     photo_.busy() ? 1 : 0, cpu_end - cpu_start);
    }

    ++frame_no_;
    // A control being pressed may give a text field the focus in the next frame, so keys
    // typed right after the tap wait for that field.
    if (panel_pointer_.end_frame(frame_no_)) focus_wait_frames_ = std::max(focus_wait_frames_, 2);
    // A photo asked for in an earlier frame, which has shown its progress: render it now
    // (GL, this thread), then let photo_ encode and write it while the frames go on.
    advance_photo();
    if (photo_request_ && frame_no_ >= photo_request_->frame + 2) {
        const PhotoKind kind = photo_request_->kind;
        photo_request_.reset();
        start_photo(kind);
    }
}

// ---- events --------------------------------------------------------------------------
void App::handle_event(const SDL_Event& e) {
    // Typing right after a control asked a field for the focus: the field takes the focus
    // over the next frame or two; keep the keys until it has it, so no letter is lost.
    const bool keyish = e.type == SDL_TEXTINPUT || e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
    if (keyish && !editor_.active() && (focus_wait_frames_ > 0 || !held_keys_.empty()) && !replaying_held_) {
        held_keys_.push_back(e);
        return;
    }
    const float fw = float(width_), fh = float(height_);
    switch (e.type) {
        case SDL_QUIT: ask_for_facilitator(); break;  // Alt+F4, the window's close button
        case SDL_DROPFILE: {
            // A board file or a map image dropped on the window opens it.
            std::string err;
            if (e.drop.file) {
                if (!open_board(e.drop.file, err)) show_message(err, true);
                SDL_free(e.drop.file);
            }
            break;
        }
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                route(input_.end_all(route_context(), clock_ms_));
                mouse_filter_.reset_fingers(clock_ms_);
                panel_pointer_.reset();
            }
            // The window's pixels may have been lost or hidden: draw the next frame.
            if (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SHOWN ||
                e.window.event == SDL_WINDOWEVENT_RESTORED)
                must_present_ = true;
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                width_ = platform_.width();
                height_ = platform_.height();
                relayout();
                view_ = fitted_;
            }
            break;
        case SDL_FINGERDOWN: {
            const PointerKey key{int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)};
            mouse_filter_.finger_down(key, clock_ms_);
            pointer_down(key, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            break;
        }
        case SDL_FINGERMOTION:
            pointer_move({int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)}, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            break;
        case SDL_FINGERUP: {
            const PointerKey key{int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)};
            pointer_up(key, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            mouse_filter_.finger_up(key, clock_ms_);
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!mouse_filter_.accept_mouse_button(e.button.button, true, clock_ms_)) break;
            pointer_down(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)));
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!mouse_filter_.accept_mouse_button(e.button.button, false, clock_ms_)) break;
            pointer_up(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)));
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            if (input_.owns(kMouseKey)) pointer_move(kMouseKey, ImVec2(float(e.motion.x), float(e.motion.y)));
            else if (!panel_pointer_.active() && mouse_filter_.accept_mouse_motion(clock_ms_))
                panel_pointer_.hover(ImVec2(float(e.motion.x), float(e.motion.y)));
            break;
        case SDL_MOUSEWHEEL: {
            if (e.wheel.which == SDL_TOUCH_MOUSEID) break;
            int mx = 0, my = 0;
            SDL_GetMouseState(&mx, &my);
            ImVec2 at = panel_pointer_.pos().x > -1e8f ? panel_pointer_.pos() : ImVec2(float(mx), float(my));
            if (targets_.on_panel(at)) break;
            view_ = zoom_about(view_, {at.x, at.y}, std::pow(1.15, e.wheel.preciseY != 0 ? e.wheel.preciseY : e.wheel.y), fitted_);
            break;
        }
        case SDL_TEXTINPUT:
            if (editor_.active()) {
                editor_.type(e.text.text, clock_ms_);
            } else {
                ImGui_ImplSDL2_ProcessEvent(&e);
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            if (e.type == SDL_KEYDOWN) handle_key(e.key);
            if (editor_.active() && e.type == SDL_KEYDOWN) break;
            ImGui_ImplSDL2_ProcessEvent(&e);
            // ImGui's backend reads modifiers from SDL's keyboard state; take them from the
            // event, so scripted and real keys behave the same.
            ImGuiIO& kio = ImGui::GetIO();
            const Uint16 mod = e.key.keysym.mod;
            kio.KeyCtrl = (mod & KMOD_CTRL) != 0;
            kio.KeyShift = (mod & KMOD_SHIFT) != 0;
            kio.KeyAlt = (mod & KMOD_ALT) != 0;
            break;
        }
        default: break;
    }
}

// ---- pointers ------------------------------------------------------------------------
// Every pointer goes to the input router (core/pointer_router.hpp), which gives it, once,
// to one owner; the app serves what it returns.
RouteContext App::route_context() {
    return {&session_->current(), view_, fitted_, {double(width_), double(height_)}, &brainstorm_.stations(), station_text_width(fonts_)};
}

void App::pointer_down(PointerKey key, ImVec2 p) {
    const Document& doc = session_->current();
    const bool modal = messages_.modal();
    Landing at;
    // A writer's station is drawn above everything, but not above a dialog.
    at.stations = doc.phase == Phase::Brainstorm && !version_shown() && !modal && facilitator_ == Facilitator::Closed &&
                  !brainstorm_.asking();
    at.on_panel = targets_.on_panel(p);
    // While a dialog waits for an answer, every touch goes to the dialog, never the board.
    at.dialog = modal || facilitator_ != Facilitator::Closed;
    at.board_editable = board_editable();  // phases 0, 1 and 5 show the map without changing it
    at.pen = doc.phase == Phase::Prioriteiten ? pens_.armed() : 0;
    route(input_.down(key, {p.x, p.y}, clock_ms_, at, route_context()));
}

void App::pointer_move(PointerKey key, ImVec2 p) { route(input_.move(key, {p.x, p.y}, clock_ms_, route_context())); }

void App::pointer_up(PointerKey key, ImVec2 p) { route(input_.up(key, {p.x, p.y}, clock_ms_, route_context())); }

void App::route(const Routed& r) {
    if (r.panel) {
        const ImVec2 at(float(r.panel->screen.x), float(r.panel->screen.y));
        switch (r.panel->type) {
            case PanelPointerEvent::Type::Down: panel_pointer_.press(r.panel->key, at, frame_no_); break;
            case PanelPointerEvent::Type::Move: panel_pointer_.move(at); break;
            case PanelPointerEvent::Type::Up:
                if (panel_pointer_.release(at, frame_no_)) focus_wait_frames_ = std::max(focus_wait_frames_, 2);
                break;
        }
    }
    apply(r.board);
    if (r.pen) pens_.stroke_ended(*r.pen, session_->current(), strings_, *this);
}

// ---- gestures' effects ----------------------------------------------------------------
void App::apply(const Effects& fx) {
    for (const Action& a : fx.actions) session_->dispatch(a);
    if (fx.view) view_ = *fx.view;
    for (const Request& r : fx.requests) {
        switch (r.kind) {
            case Request::Kind::CreateNoteAt: {
                commit_editing();
                // In the brainstorm a long-press near an edge opens a writer's station there.
                if (const auto at = station_for_long_press(session_->current().phase, r.screen,
                                                           {double(width_), double(height_)}, 160 * k_))
                    open_station(at->side, at->along);
                else
                    edit_note({0, r.pos, r.rotation}, {});
                break;
            }
            case Request::Kind::DoubleTapNote:
                commit_editing();
                if (const Partner* p = session_->current().partner(r.partner))
                    edit_note({p->id, {p->x, p->y}, p->rotation}, p->text);
                break;
            case Request::Kind::TapLink:
                commit_editing();
                note_menu_.select_line(r.link);
                break;
            case Request::Kind::OpenMenu:
                commit_editing();
                note_menu_.open(r.partner);
                break;
            case Request::Kind::TapNote:
                commit_editing();
                note_menu_.close();
                // A tap that ended a tap-to-connect line made the link (in the gestures).
                if (const Id deck = card_deck_for_tap(session_->current().phase, r)) cards_.open(deck);
                break;
            case Request::Kind::TapBoard:
                commit_editing();
                note_menu_.close();
                break;
        }
    }
}

// ---- keys ----------------------------------------------------------------------------
void App::handle_key(const SDL_KeyboardEvent& k) {
    const SDL_Keycode sym = k.keysym.sym;
    const bool ctrl = (k.keysym.mod & KMOD_CTRL) != 0;
    if (editor_.active()) {
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) commit_editing();
        else if (sym == SDLK_ESCAPE) editor_.cancel();
        else if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) ask_for_facilitator();
        else if (sym == SDLK_BACKSPACE) editor_.backspace(clock_ms_);
        return;
    }
    if (sym == SDLK_ESCAPE) {
        if (note_menu_.open_any() || input_.gestures().armed_link()) {
            note_menu_.close();
            input_.gestures().disarm_link();
        }
        else if (facilitator_ != Facilitator::Closed) facilitator_ = Facilitator::Closed;
        else ask_for_facilitator();
        return;
    }
    if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) return ask_for_facilitator();
    if (ImGui::GetIO().WantTextInput) return;
    // A saved version is only looked at: the keys that would change the map behind it
    // (undo, redo, delete a line) do nothing, as the hidden undo button would.
    if (version_shown()) return;
    if (ctrl && sym == SDLK_z) (k.keysym.mod & KMOD_SHIFT) ? session_->redo() : session_->undo();
    else if (ctrl && sym == SDLK_y) session_->redo();
    else if (sym == SDLK_DELETE && note_menu_.selected_line()) {
        session_->dispatch(act::RemoveLink{note_menu_.selected_line()});
        note_menu_.close();
    }
}

// ---- files ---------------------------------------------------------------------------
bool App::save_board(const std::string& path, std::string& error) {
    const WriteResult r = real_storage()->write_atomic(path, serialize_board(session_->current()));
    if (!r.ok) return error = "could not write " + path + ": " + r.error, false;
    return true;
}

bool App::write_layout(const std::string& path, std::string& error) const {
    // One thing a line, in window pixels (0,0 top left): boxes as X0 Y0 X1 Y1.
    std::string out = "# netwerkkaart layout of the last frame drawn (docs/replay.md, layout)\n";
    char buf[256];
    auto box = [&](const char* what, const std::string& name, double x0, double y0, double x1, double y1,
                   const std::string& tail = {}) {
        std::snprintf(buf, sizeof buf, "%s %s%s%.1f %.1f %.1f %.1f", what, name.c_str(), name.empty() ? "" : " ", x0, y0, x1,
                      y1);
        out += buf + (tail.empty() ? std::string() : " " + tail) + "\n";
    };
    std::snprintf(buf, sizeof buf, "window %d %d\nview %.6f %.3f %.3f\n", width_, height_, view_.scale, view_.origin.x,
                  view_.origin.y);
    out += buf;
    for (const Rect& r : targets_.panels()) box("panel", {}, r.min.x, r.min.y, r.max.x, r.max.y);
    for (const auto& [id, r] : targets_.controls()) box("control", id, r.min.x, r.min.y, r.max.x, r.max.y);
    // Every face-up post-it of the board shown, as the box round it turned and scaled.
    for (const Partner& p : shown_board().partners) {
        if (!p.face_up) continue;
        const Vec2 c = view_.to_screen({p.x, p.y});
        const double hw = geo::kNoteW * p.scale * view_.scale / 2, hh = geo::kNoteH * p.scale * view_.scale / 2;
        const double cs = std::abs(std::cos(p.rotation)), sn = std::abs(std::sin(p.rotation));
        const double ex = hw * cs + hh * sn, ey = hw * sn + hh * cs;
        replay::Target t;
        t.kind = replay::Target::Kind::Note;
        t.a = p.text;
        box("note", std::to_string(p.id), c.x - ex, c.y - ey, c.x + ex, c.y + ey, replay::format_target(t));
    }
    const WriteResult r = real_storage()->write_atomic(path, out);
    if (!r.ok) return error = "could not write " + path + ": " + r.error, false;
    return true;
}

bool App::open_board(const std::string& path, std::string& error) {
    auto parsed = load_board_file(path);
    if (auto* err = std::get_if<LoadError>(&parsed)) {
        error = load_error_text(strings_, *err, path) + "\n" + strings_.get("error.load.kept");
        return false;
    }
    LoadedBoard& lb = std::get<LoadedBoard>(parsed);
    for (const std::string& c : lb.repairs.changes) log_.info("repaired " + path + ": " + c);
    commit_editing();
    show_version(0, 0);  // the versions of the board that was open are gone with it
    session_->replace(std::move(lb.doc));
    if (!lb.repairs.empty())
        show_message(strings_.format("error.load.repaired", {fs::path(path).filename().string(),
                                                              std::to_string(lb.repairs.changes.size())}),
                     true);
    return true;
}

void App::ask_for_facilitator() { show_message(strings_.get("kiosk.how_to_exit"), false); }

void App::start_new_board(bool erase_saved) {
    commit_editing();
    if (autosave_) autosave_->flush(std::chrono::milliseconds(2000));
    if (erase_saved) {
        // For privacy: the board and every autosave of it leave this machine's disk. The
        // writer is stopped first so nothing it holds is written back afterwards.
        session_->set_autosave(nullptr);
        autosave_.reset();
        std::error_code ec;
        for (int g = -1; g <= kAutosaveGenerations; ++g) fs::remove(autosave_path(opt_.data_dir, g), ec);
        cleanup_temp_files(*real_storage(), opt_.data_dir);
        log_.info("board and autosaves erased by the facilitator");
        AutosaveOptions ao;
        ao.dir = opt_.data_dir;
        ao.validator = is_good_board;
        autosave_ = std::make_shared<AutosaveWriter>(ao);
        session_->set_autosave(autosave_);
    } else {
        log_.info("new board started by the facilitator");
    }
    Document doc;
    doc.school = strings_.get("school.default");
    doc.date = today();
    note_menu_.close();
    input_.gestures().disarm_link();
    session_->replace(doc);
    view_ = fitted_;
}


}  // namespace nk::app
