// The window, the OpenGL 3.3 core context and Dear ImGui's SDL2/OpenGL3 backends.
// Everything the shell needs from SDL and GL is opened and closed here.
#pragma once

#include <SDL.h>

#include <string>

namespace nk::app {

struct WindowRequest {
    int w = 0, h = 0;       // 0: full screen at the desktop mode's size
    bool hidden = false;    // for --snapshot: a context without showing a window
};

class Platform {
public:
    Platform() = default;
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;
    ~Platform();

    // Opens the window and GL context and sets up ImGui with our style. On failure
    // returns false with a message in `error`.
    bool open(const WindowRequest& req, std::string& error);
    // Window size in pixels (the drawable size).
    int width() const;
    int height() const;
    SDL_Window* window() const { return window_; }
    // Re-uploads the font atlas after Fonts::build, then frees its pixel copy.
    void upload_fonts();
    void present();

private:
    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_ = nullptr;
    bool imgui_ = false;
    bool device_objects_ = false;
};

}  // namespace nk::app
