// The app's own per-frame work without SDL or OpenGL: ImGui frame, gesture routing of
// the frame's pointer events, reducing finished gestures into the session (with its
// undo history and autosave hand-over), and building the board's draw list with the
// renderer's own nk::app::draw_board. What App::frame() does between its two clock
// readings, minus the toolbar panels (build_ui) and SDL's event queue.
#pragma once

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "board_gen.hpp"
#include "board_layer.hpp"
#include "board_renderer.hpp"
#include "fonts.hpp"
#include "gestures.hpp"
#include "session.hpp"
#include "strings.hpp"

namespace nk::bench {

// An ImGui context with the app's fonts, no GL: the atlas is built on the CPU only.
class ImGuiHarness {
public:
    // keep_tex_data=false frees the atlas pixels after building them, as the app does
    // after the upload (Platform::upload_fonts -> ClearTexData).
    explicit ImGuiHarness(int w = 1920, int h = 1080, bool keep_tex_data = false);
    ~ImGuiHarness();
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    void new_frame();   // ImGui::NewFrame
    void end_frame();   // ImGui::EndFrame
    // A standalone draw list reset for this frame: clip rect = window, font texture.
    ImDrawList* fresh_draw_list();

    int w, h;
    float k;  // UI scale: h / 1080
    app::Fonts fonts;
    Strings strings;

private:
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<ImDrawList> dl_;
};

class FrameSim {
public:
    // `fingers` post-its are held (0..10); with `autosave_dir` non-empty the session
    // hands every change to an AutosaveWriter there, as the app does. With
    // `cache_resting` (the app's way) the resting board is drawn only when it changed
    // (app/board_layer.hpp) and the moving part every frame; without, everything every frame.
    FrameSim(ImGuiHarness& im, Document doc, int fingers, const std::string& autosave_dir = {}, bool cache_resting = true);
    ~FrameSim();

    // Fingers down (one frame) and first moves past the threshold (two frames).
    void press();
    // One frame of moves (or none, with 0 fingers); returns the draw list's vertices.
    int frame();
    // One frame in which every finger lifts: one MovePartners per post-it reduced into
    // the session (history + autosave hand-over). Returns vertices.
    int release();
    const Session& session() const { return *session_; }
    Session& session() { return *session_; }
    int indices() const { return last_idx_; }
    double t_ms() const { return t_; }
    const std::vector<Grip>& held() const { return grips_; }

private:
    int run_frame(int kind);  // 0 down, 1 move, 2 up, 3 nothing
    void apply(const Effects& fx);

    ImGuiHarness& im_;
    std::unique_ptr<Session> session_;
    std::shared_ptr<AutosaveWriter> autosave_;
    GestureRouter gestures_;
    View view_, fitted_;
    std::vector<Grip> grips_;
    bool cache_resting_ = true;
    std::optional<app::RestingKey> resting_key_;
    std::unique_ptr<ImDrawList> resting_dl_;
    double t_ = 0;
    int f_ = 0;
    int last_idx_ = 0;
};

}  // namespace nk::bench
