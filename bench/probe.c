/* nk_bench_probe.so: an LD_PRELOAD probe for scripts/bench's runs of the real binary.
 * It changes nothing the app does; it only notes wall-clock times (CLOCK_REALTIME, ns)
 * to the file named by $NK_PROBE_OUT, one "event ns" per line:
 *   start         the probe's constructor ran (the process is loaded)
 *   gl_context    SDL_GL_CreateContext returned (window and GL context exist)
 *   first_poll    the first SDL_PollEvent: the first frame's own work begins
 *   swap_begin    the first SDL_GL_SwapWindow was entered (the frame is submitted)
 *   renderer X    GL_RENDERER of the app's context (at the first buffer swap)
 *   first_swap    the first SDL_GL_SwapWindow returned: the first presented frame
 *   second_swap   the second returned: the app draws the post-its from its second frame
 *   finish_begin / finish_end / readback_end
 *                 around each glReadPixels (snapshots): glFinish first, so the
 *                 rasterising and the copy are timed apart
 *   sdl_quit      SDL_Quit was entered (the app is shutting down)
 *   exit          the probe's destructor ran
 * glReadPixels is reached through glad's loader, which asks SDL_GL_GetProcAddress;
 * the probe answers that one name with its own wrapper. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct SDL_Window SDL_Window;
typedef union SDL_Event SDL_Event;
typedef unsigned int GLenum;
typedef int GLint;
typedef int GLsizei;

static FILE* out;
static int swaps;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void note(const char* what) {
    if (out) {
        fprintf(out, "%s %lld\n", what, now_ns());
        fflush(out);
    }
}

__attribute__((constructor)) static void probe_start(void) {
    const char* path = getenv("NK_PROBE_OUT");
    if (path && *path) out = fopen(path, "a");
    note("start");
}

__attribute__((destructor)) static void probe_exit(void) {
    note("exit");
    if (out) fclose(out);
    out = NULL;
}

static void* (*real_get_proc(void))(const char*) {
    static void* (*fn)(const char*);
    if (!fn) fn = (void* (*)(const char*))dlsym(RTLD_NEXT, "SDL_GL_GetProcAddress");
    return fn;
}

void* SDL_GL_CreateContext(SDL_Window* w) {
    static void* (*real)(SDL_Window*);
    if (!real) real = (void* (*)(SDL_Window*))dlsym(RTLD_NEXT, "SDL_GL_CreateContext");
    void* ctx = real(w);
    note("gl_context");
    return ctx;
}

int SDL_PollEvent(SDL_Event* e) {
    static int (*real)(SDL_Event*);
    static int polled;
    if (!real) real = (int (*)(SDL_Event*))dlsym(RTLD_NEXT, "SDL_PollEvent");
    if (!polled) {
        polled = 1;
        note("first_poll");
    }
    return real(e);
}

void SDL_GL_SwapWindow(SDL_Window* w) {
    static void (*real)(SDL_Window*);
    if (!real) real = (void (*)(SDL_Window*))dlsym(RTLD_NEXT, "SDL_GL_SwapWindow");
    if (swaps == 0) note("swap_begin");
    if (swaps == 0 && out) {
        const unsigned char* (*get_string)(GLenum) = (const unsigned char* (*)(GLenum))real_get_proc()("glGetString");
        const unsigned char* r = get_string ? get_string(0x1F01 /* GL_RENDERER */) : NULL;
        fprintf(out, "renderer %s\n", r ? (const char*)r : "unknown");
    }
    real(w);
    if (swaps == 0) note("first_swap");
    if (swaps == 1) note("second_swap");  /* the app's second frame: the full map (app.cpp) */
    ++swaps;
}

void SDL_Quit(void) {
    static void (*real)(void);
    if (!real) real = (void (*)(void))dlsym(RTLD_NEXT, "SDL_Quit");
    note("sdl_quit");
    real();
}

typedef void (*ReadPixelsFn)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, void*);
static ReadPixelsFn real_read_pixels;

static void probe_read_pixels(GLint x, GLint y, GLsizei w, GLsizei h, GLenum f, GLenum t, void* px) {
    void (*finish)(void) = (void (*)(void))real_get_proc()("glFinish");
    note("finish_begin");
    if (finish) finish();
    note("finish_end");
    real_read_pixels(x, y, w, h, f, t, px);
    note("readback_end");
}

void* SDL_GL_GetProcAddress(const char* name) {
    void* p = real_get_proc()(name);
    if (p && strcmp(name, "glReadPixels") == 0) {
        real_read_pixels = (ReadPixelsFn)p;
        return (void*)probe_read_pixels;
    }
    return p;
}
