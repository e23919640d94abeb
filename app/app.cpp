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

#include "asset_dir.hpp"
#include "atomic_file.hpp"
#include "board_file.hpp"
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
    stations_.set_layout(opt_.layout == "table" ? StationLayout::Table : StationLayout::Wall);
    stations_.set_keyboard_layout(opt_.keys == "qwerty" ? kb::Layout::Qwerty : kb::Layout::Azerty);
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
        else if (ph == Phase::Terugblik || (ph == Phase::Gesprek && deck_partner_)) right = width_ * 0.55;
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
        const bool busy = gestures_.active_pointers() > 0 || ui_pointer_.active || frame_no_ == 1 || strip_ready ||
                          redraw_soon_;
        redraw_soon_ = false;
        if (!busy)
            SDL_WaitEventTimeout(nullptr, photo_render_ ? 16 : photo_busy() ? 100 : editing_ || message_ ? 250 : 1000);
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
    apply(gestures_.tick(session_->current(), view_, clock_ms_));
    stations_.set_screen({double(width_), double(height_)}, k_);
    stations_.tick(clock_ms_);
    // An action a limit refused (limits.hpp): say so now, while the person is still there.
    if (auto r = session_->take_refusal())
        show_message(strings_.format("limit." + std::string(limits::limit_id(r->limit)), {std::to_string(r->max)}), true);
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
    if (message_ && !message_->modal && clock_ms_ > message_->until_ms) message_.reset();

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
    io.MousePos = ui_pointer_.pos;
    io.MouseDown[0] = ui_pointer_.down;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
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
    for (const auto& p : gestures_.live_placements())
        sc.live.placements.push_back({p.partner, p.pos, p.rotation, p.scale});
    for (const auto& d : gestures_.link_drafts()) sc.live.link_drafts.push_back({d.from, d.to_board, d.hover_target});
    if (editing_) {
        sc.live.editing = *editing_;
        sc.live.editing->caret_on = std::fmod(clock_ms_ - caret_epoch_, 1000.0) < 600;
    }
    sc.live.selected_link = selected_link_;
    if (pen_pointer_) {
        sc.live.pen_stroke = pen_stroke_;
        if (const Participant* who = session_->current().participant(pen_participant_))
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
        ui_pointer_.release_next_frame)
        redraw_soon_ = true;
    if (session_->current().phase == Phase::Brainstorm && !version_shown())
        draw_stations(ImGui::GetForegroundDrawList(), fonts_, stations_, session_->current(), strings_, clock_ms_);

    ImGui::Render();
    const auto work_end = std::chrono::steady_clock::now();
    const double cpu_end = thread_cpu_ms();
    // A replay's quiet frames (a `wait`, a held press) carry no input: they are built like
    // any frame but not rasterised, since software GL would spend tens of ms on pixels
    // nobody sees. Frames with input, screenshots, and everything outside a replay draw.
    const bool quiet_replay_frame = replay_ && !replay_->finished() && events == 0 && screenshot_path_.empty();
    // An idle wake-up (no input, nothing held) that would show exactly what the screen
    // shows already is not drawn again: the app sleeps between events all day.
    const bool idle = events == 0 && gestures_.active_pointers() == 0 && !ui_pointer_.active && screenshot_path_.empty();
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
    if (ui_pointer_.release_next_frame || (ui_pointer_.active && !ui_pointer_.down)) {
        // A control is being pressed: it may give a text field the focus in the next
        // frame, so keys typed right after the tap wait for that field.
        focus_wait_frames_ = std::max(focus_wait_frames_, 2);
    }
    if (ui_pointer_.press_next_frame) {
        ui_pointer_.press_next_frame = false;
        ui_pointer_.down = true;
        ui_pointer_.down_frame = frame_no_;
    } else if (ui_pointer_.release_next_frame) {
        ui_pointer_.down = false;
        ui_pointer_.release_next_frame = false;
        ui_pointer_.active = false;
    }
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
    if (keyish && !editing_ && (focus_wait_frames_ > 0 || !held_keys_.empty()) && !replaying_held_) {
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
                apply(gestures_.end_all(session_->current(), view_, clock_ms_));
                mouse_filter_.reset_fingers(clock_ms_);
                owners_.clear();
                ui_pointer_ = {};
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
            pointer_down(key, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh), false);
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
            pointer_down(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)), true);
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!mouse_filter_.accept_mouse_button(e.button.button, false, clock_ms_)) break;
            pointer_up(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)));
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            if (owners_.count(kMouseKey)) pointer_move(kMouseKey, ImVec2(float(e.motion.x), float(e.motion.y)));
            else if (!ui_pointer_.active && mouse_filter_.accept_mouse_motion(clock_ms_))
                ui_pointer_.pos = ImVec2(float(e.motion.x), float(e.motion.y));  // hover
            break;
        case SDL_MOUSEWHEEL: {
            if (e.wheel.which == SDL_TOUCH_MOUSEID) break;
            int mx = 0, my = 0;
            SDL_GetMouseState(&mx, &my);
            ImVec2 at = ui_pointer_.pos.x > -1e8f ? ui_pointer_.pos : ImVec2(float(mx), float(my));
            if (targets_.on_panel(at)) break;
            view_ = zoom_about(view_, {at.x, at.y}, std::pow(1.15, e.wheel.preciseY != 0 ? e.wheel.preciseY : e.wheel.y), fitted_);
            break;
        }
        case SDL_TEXTINPUT:
            if (editing_) {
                editing_->text += utf8::repaired(e.text.text);
                caret_epoch_ = clock_ms_;
            } else {
                ImGui_ImplSDL2_ProcessEvent(&e);
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            if (e.type == SDL_KEYDOWN) handle_key(e.key);
            if (editing_ && e.type == SDL_KEYDOWN) break;
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
void App::pointer_down(PointerKey key, ImVec2 p, bool is_mouse) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
    if (auto it = owners_.find(key); it != owners_.end()) pointer_up(key, p);  // its up never came
    // Decided once, at the touch: a finger on a panel belongs to the UI until it lifts.
    // A writer's station is drawn above everything else, so it is touched first: a finger
    // on it is that writer's until it lifts.
    if (session_->current().phase == Phase::Brainstorm && !version_shown() && !(message_ && message_->modal) &&
        facilitator_ == Facilitator::Closed && !leave_brainstorm_to_ &&
        stations_.down(key, {p.x, p.y}, clock_ms_, session_->current(), station_text_width(fonts_))) {
        owners_[key] = Owner::Station;
        return;
    }
    // While a dialog waits for an answer, every touch goes to the dialog, never the board.
    const bool dialog = (message_ && message_->modal) || facilitator_ != Facilitator::Closed;
    if (targets_.on_panel(p) || dialog) {
        if (ui_pointer_.active) {
            owners_[key] = Owner::Ignored;  // ImGui has one pointer; it is taken
            return;
        }
        owners_[key] = Owner::Ui;
        ui_pointer_ = {true, key, p, true, false, frame_no_};
        // A text field being edited would swallow this touch (ImGui blocks other items
        // while one is active): the editing ends now, and the press reaches ImGui in the
        // next frame. The field's text is already in the document.
        if (ImGui::GetActiveID() != 0) {
            ImGui::ClearActiveID();
            ui_pointer_.down = false;
            ui_pointer_.press_next_frame = true;
        }
        return;
    }
    (void)is_mouse;
    if (!board_editable()) {
        owners_[key] = Owner::Ignored;  // phases 0, 1 and 5 show the map without changing it
        return;
    }
    if (pen_participant_ && !pen_pointer_ && session_->current().phase == Phase::Prioriteiten) {
        // An armed pen draws, even when the stroke starts on a post-it.
        owners_[key] = Owner::Pen;
        pen_pointer_ = key;
        pen_stroke_ = {view_.to_board({p.x, p.y})};
        return;
    }
    owners_[key] = Owner::Board;
    apply(gestures_.handle(session_->current(), view_, fitted_, {double(width_), double(height_)},
                           {PointerEvent::Type::Down, key, {p.x, p.y}, clock_ms_}));
}

void App::pointer_move(PointerKey key, ImVec2 p) {
    auto it = owners_.find(key);
    if (it == owners_.end()) return;
    if (it->second == Owner::Station) {
        stations_.move(key, {p.x, p.y}, clock_ms_);
    } else if (it->second == Owner::Pen) {
        if (std::isfinite(p.x) && std::isfinite(p.y) && pen_stroke_.size() < 5000) pen_stroke_.push_back(view_.to_board({p.x, p.y}));
    } else if (it->second == Owner::Ui) {
        if (ui_pointer_.active && ui_pointer_.key == key) ui_pointer_.pos = p;
    } else if (it->second == Owner::Board) {
        apply(gestures_.handle(session_->current(), view_, fitted_, {double(width_), double(height_)},
                               {PointerEvent::Type::Move, key, {p.x, p.y}, clock_ms_}));
    }
}

void App::pointer_up(PointerKey key, ImVec2 p) {
    auto it = owners_.find(key);
    if (it == owners_.end()) return;
    const Owner owner = it->second;
    owners_.erase(it);
    if (owner == Owner::Station) {
        // Enter on a station: the post-it goes face down into its writer's tray.
        if (auto a = stations_.up(key, {p.x, p.y}, clock_ms_, session_->current())) session_->dispatch(*a);
    } else if (owner == Owner::Pen) {
        if (std::isfinite(p.x) && std::isfinite(p.y)) pen_stroke_.push_back(view_.to_board({p.x, p.y}));
        pen_stroke_end();
    } else if (owner == Owner::Ui) {
        if (ui_pointer_.active && ui_pointer_.key == key) {
            if (std::isfinite(p.x) && std::isfinite(p.y)) ui_pointer_.pos = p;
            // ImGui 1.86 misses a press that starts and ends in one frame: such a release
            // waits for the next frame; a longer press ends now.
            if (ui_pointer_.down_frame == frame_no_ || ui_pointer_.press_next_frame) ui_pointer_.release_next_frame = true;
            else ui_pointer_.down = false, ui_pointer_.active = false, focus_wait_frames_ = std::max(focus_wait_frames_, 2);
        }
    } else if (owner == Owner::Board) {
        apply(gestures_.handle(session_->current(), view_, fitted_, {double(width_), double(height_)},
                               {PointerEvent::Type::Up, key, {p.x, p.y}, clock_ms_}));
    }
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
                const double edge = 160 * k_;
                if (session_->current().phase == Phase::Brainstorm) {
                    const double dl = r.screen.x, dr = width_ - r.screen.x, dt = r.screen.y, db = height_ - r.screen.y;
                    const double m = std::min({dl, dr, dt, db});
                    if (m < edge) {
                        const Side side = m == db ? Side::Bottom : m == dt ? Side::Top : m == dl ? Side::Left : Side::Right;
                        open_station(side, side == Side::Bottom || side == Side::Top ? r.screen.x : r.screen.y);
                        break;
                    }
                }
                start_editing(0, r.pos, r.rotation, {});
                break;
            }
            case Request::Kind::DoubleTapNote:
                commit_editing();
                if (const Partner* p = session_->current().partner(r.partner))
                    start_editing(p->id, {p->x, p->y}, p->rotation, p->text);
                break;
            case Request::Kind::TapLink:
                commit_editing();
                menu_partner_ = 0;
                link_from_ = 0;
                selected_link_ = r.link;
                break;
            case Request::Kind::OpenMenu:
                commit_editing();
                selected_link_ = 0;
                link_from_ = 0;
                menu_partner_ = r.partner;
                menu_at_ = r.screen;
                break;
            case Request::Kind::TapNote:
                commit_editing();
                selected_link_ = 0;
                menu_partner_ = 0;
                if (session_->current().phase == Phase::Gesprek && !link_from_) {
                    deck_partner_ = r.partner;
                    deck_card_.clear();
                }
                if (link_from_) {
                    session_->dispatch(act::AddLink{link_from_, r.partner});
                    link_from_ = 0;
                }
                break;
            case Request::Kind::TapBoard:
                commit_editing();
                selected_link_ = 0;
                menu_partner_ = 0;
                if (link_from_ && geo::school_contains(r.pos)) session_->dispatch(act::AddLink{link_from_, kSchool});
                link_from_ = 0;
                break;
        }
    }
}

void App::open_station(Side side, double along) {
    const Stations::Opened o = stations_.open(side, along, session_->current());
    if (o.number == 0) show_message(strings_.get(o.error == Stations::OpenError::Full ? "brainstorm.full" : "brainstorm.no_room"), false);
}

void App::start_editing(Id partner, Vec2 pos, double rotation, std::string text) {
    editing_ = LiveState::Editing{partner, pos, rotation, std::move(text), true};
    caret_epoch_ = clock_ms_;
}

void App::commit_editing() {
    if (!editing_) return;
    LiveState::Editing e = std::move(*editing_);
    editing_.reset();
    // Trim spaces around the text; empty text means no post-it.
    const auto b = e.text.find_first_not_of(" \t\n");
    const auto t = e.text.find_last_not_of(" \t\n");
    const std::string text = b == std::string::npos ? std::string() : e.text.substr(b, t - b + 1);
    const bool missing = adding_missing_;
    adding_missing_ = false;
    if (e.partner == 0) {
        if (!text.empty()) {
            act::AddPartner a{text, Category::Andere, e.pos, e.rotation};
            a.missing = missing;
            session_->dispatch(a);
        }
    } else if (text.empty()) {
        session_->dispatch(act::RemovePartner{e.partner});
    } else {
        session_->dispatch(act::SetPartnerText{e.partner, text});
    }
}

void App::cancel_editing() { editing_.reset(); }

// ---- keys ----------------------------------------------------------------------------
void App::handle_key(const SDL_KeyboardEvent& k) {
    const SDL_Keycode sym = k.keysym.sym;
    const bool ctrl = (k.keysym.mod & KMOD_CTRL) != 0;
    if (editing_) {
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) commit_editing();
        else if (sym == SDLK_ESCAPE) cancel_editing();
        else if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) ask_for_facilitator();
        else if (sym == SDLK_BACKSPACE) utf8::pop_back(editing_->text), caret_epoch_ = clock_ms_;
        return;
    }
    if (sym == SDLK_ESCAPE) {
        if (menu_partner_ || selected_link_ || link_from_) menu_partner_ = selected_link_ = link_from_ = 0;
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
    else if (sym == SDLK_DELETE && selected_link_) {
        session_->dispatch(act::RemoveLink{selected_link_});
        selected_link_ = 0;
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
    menu_partner_ = selected_link_ = link_from_ = 0;
    session_->replace(doc);
    view_ = fitted_;
}

void App::show_message(std::string text, bool modal) { message_ = Message{std::move(text), modal, clock_ms_ + 4000}; }

}  // namespace nk::app
