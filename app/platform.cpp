#include "platform.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

namespace nk::app {

Platform::~Platform() {
    if (imgui_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

bool Platform::open(const WindowRequest& req, std::string& error) {
    // One touch must never be seen twice: no mouse events synthesised from touches, and
    // no touch events synthesised from the mouse.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL could not start: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    int w = req.w, h = req.h;
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (req.hidden) flags |= SDL_WINDOW_HIDDEN;
    if (w == 0 || h == 0) {
        // Created at the desktop's size: without a window manager (a kiosk X session)
        // FULLSCREEN_DESKTOP alone would leave the window at its created size.
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) w = mode.w, h = mode.h;
        else w = 1920, h = 1080;
        if (!req.hidden) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    window_ = SDL_CreateWindow("Netwerkkaart", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!window_) {
        error = std::string("the window could not be opened: ") + SDL_GetError();
        return false;
    }
    gl_ = SDL_GL_CreateContext(window_);
    if (!gl_) {
        error = std::string("OpenGL 3.3 is not available: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(SDL_GL_GetProcAddress))) {
        error = "the OpenGL functions could not be loaded";
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: the kiosk writes only where it must
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ = true;
    // The screen must not blank during a session.
    SDL_DisableScreenSaver();
    SDL_StartTextInput();
    return true;
}

int Platform::width() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return w;
}

int Platform::height() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return h;
}

void Platform::upload_fonts() {
    // The first time, create the backend's device objects here (not lazily in NewFrame)
    // so the atlas's pixels can be freed right after the upload. Later (the fonts rebaked
    // for another scale) only the font texture is replaced: recreating the device objects would
    // leave ImGui 1.86's backend with empty buffers it believes are large, and nothing
    // would draw until a frame needed more vertices than any before.
    if (!device_objects_) {
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        device_objects_ = true;
    } else {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    // The atlas's pixel copy is not needed once the GPU has it.
    ImGui::GetIO().Fonts->ClearTexData();
}

void Platform::present() { SDL_GL_SwapWindow(window_); }

}  // namespace nk::app
