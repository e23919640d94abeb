// The app's own peak heap, without GL: every malloc/calloc/realloc/memalign/free of the
// process (operator new, ImGui's allocator, stb_truetype, cereal, the autosave thread)
// is counted here by replacing glibc's allocation entry points in this binary.
//
//   nk_heap_bench [NOTES=500] [FRAMES=300]
//
// It walks through what the app holds: the ImGui context and the font atlas (with the
// atlas pixels, then after ClearTexData as the app does after the upload), the board,
// a session whose undo history is full (200 boards, or 10 MB of them), the autosave writer, and FRAMES
// frames of 10 fingers dragging post-its (drops included), and prints one JSON object.
// Budget (docs/performance.md): <= 40 MB at 500 post-its.
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "board_file.hpp"
#include "photo_job.hpp"
#include "photo_render.hpp"
#include "snapshot.hpp"

// ---- counting allocator ------------------------------------------------------------------
extern "C" {
void* __libc_malloc(size_t);
void __libc_free(void*);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
}

namespace {
std::atomic<long long> g_current{0}, g_peak{0}, g_allocs{0};

inline void grew(long long n) {
    const long long now = g_current.fetch_add(n, std::memory_order_relaxed) + n;
    long long peak = g_peak.load(std::memory_order_relaxed);
    while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
    g_allocs.fetch_add(1, std::memory_order_relaxed);
}
inline void shrank(void* p) {
    if (p) g_current.fetch_sub((long long)malloc_usable_size(p), std::memory_order_relaxed);
}
inline void* counted(void* p) {
    if (p) grew((long long)malloc_usable_size(p));
    return p;
}
}  // namespace

extern "C" {
void* malloc(size_t n) { return counted(__libc_malloc(n)); }
void free(void* p) {
    shrank(p);
    __libc_free(p);
}
void* calloc(size_t a, size_t b) { return counted(__libc_calloc(a, b)); }
void* realloc(void* p, size_t n) {
    const long long before = p ? (long long)malloc_usable_size(p) : 0;
    void* q = __libc_realloc(p, n);
    if (q) {
        g_current.fetch_sub(before, std::memory_order_relaxed);
        grew((long long)malloc_usable_size(q));
    } else if (n == 0 && p) {
        g_current.fetch_sub(before, std::memory_order_relaxed);  // realloc(p, 0) freed p
    }
    return q;
}
void* memalign(size_t al, size_t n) { return counted(__libc_memalign(al, n)); }
void* aligned_alloc(size_t al, size_t n) { return counted(__libc_memalign(al, n)); }
int posix_memalign(void** out, size_t al, size_t n) {
    void* p = __libc_memalign(al, n);
    if (!p) return ENOMEM;
    *out = counted(p);
    return 0;
}
void* valloc(size_t n) { return counted(__libc_memalign(4096, n)); }
}

// ---- the walk ----------------------------------------------------------------------------
namespace {
double mb(long long b) { return double(b) / (1024.0 * 1024.0); }

// What the Foto button does to the heap, minus GL (app/photo_render.hpp, photo_job.hpp):
// fonts baked at the photo's scale in an atlas of its own (one-channel pixels, freed after
// the upload), the photo's draw list, then strip after strip (w x 128 rows) handed to a
// PhotoJob whose worker compresses them as they come (and a half-size copy for the
// report when the photo is wider than 4K), and the PNG bytes given to the write step.
void snapshot_like(nk::bench::ImGuiHarness& im, const nk::Document& doc, int w, int h) {
    const float k = float(h) / 1080.0f;
    auto atlas = std::make_unique<ImFontAtlas>();
    nk::app::Fonts fonts;
    fonts.build(k, atlas.get(), true);
    unsigned char* px = nullptr;
    int tw = 0, th = 0;
    atlas->GetTexDataAsAlpha8(&px, &tw, &th);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(2)));
    atlas->ClearTexData();
    ImDrawListSharedData shared;
    shared.TexUvWhitePixel = atlas->TexUvWhitePixel;
    shared.TexUvLines = atlas->TexUvLines;
    shared.Font = fonts.ui;
    shared.FontSize = fonts.ui->FontSize;
    shared.SetCircleTessellationMaxError(ImGui::GetStyle().CircleTessellationMaxError);
    shared.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AllowVtxOffset;
    auto list = std::make_unique<ImDrawList>(&shared);
    list->_ResetForNewFrame();
    list->PushClipRect(ImVec2(0, 0), ImVec2(float(w), float(h)));
    list->PushTextureID(atlas->TexID);
    nk::app::draw_photo(list.get(), fonts, doc, im.strings, w, h);
    if (std::getenv("NK_HEAP_DEBUG"))  // where a photo's heap goes, for profiling
        std::fprintf(stderr, "photo %dx%d: atlas+list current %.1f MB peak %.1f MB (list %d vtx)\n", w, h,
                     double(g_current.load()) / 1048576.0, double(g_peak.load()) / 1048576.0, list->VtxBuffer.Size);

    nk::PhotoJob job;
    std::size_t bytes = 0;
    nk::PhotoTask task;
    task.w = w, task.h = h, task.half_copy = w > 3840;
    task.write = [&bytes](std::string png, std::string half) {
        bytes = png.size() + half.size();
        return nk::PhotoOutcome{true, {}, {}, {}};
    };
    job.start(std::move(task), nullptr);
    const int strip_rows = nk::app::PhotoRender::kStripRows;
    for (int y0 = 0; y0 < h; y0 += strip_rows) {
        const int rows = std::min(strip_rows, h - y0);
        std::vector<std::uint8_t> strip(std::size_t(w) * std::size_t(rows) * 4);
        for (std::size_t i = 0; i < strip.size(); i += 4)
            strip[i] = std::uint8_t((i / 4) % 251), strip[i + 1] = 246, strip[i + 2] = 238, strip[i + 3] = 255;
        job.wait_for_room();  // as the app: a new strip only when the encoder has room
        job.add_strip(std::move(strip), rows);
    }
    job.end_strips();
    job.wait(std::chrono::minutes(1));
    job.poll();
    if (bytes == 0) std::fprintf(stderr, "encode failed\n");
}

struct Phase {
    std::string name;
    long long current, peak;
};
std::vector<Phase>* g_phases;
void mark(const char* name) { g_phases->push_back({name, g_current.load(), g_peak.load()}); }
}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 500;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 300;
    std::vector<Phase> phases;
    phases.reserve(32);
    g_phases = &phases;
    using namespace nk;
    using namespace nk::bench;
    const long long base = g_current.load();
    mark("start");

    long long peak_with_atlas = 0, atlas_pixels = 0, after_atlas_free_peak = 0, peak_snap_4k = 0, peak_snap_a3 = 0;
    std::size_t history = 0;
    {
        ImGuiHarness im(1920, 1080, /*keep_tex_data=*/true);
        mark("imgui context + fonts built (atlas pixels held)");
        const long long before_clear = g_current.load();
        ImGui::GetIO().Fonts->ClearTexData();
        atlas_pixels = before_clear - g_current.load();
        mark("atlas pixels freed (Platform::upload_fonts)");
        peak_with_atlas = g_peak.load();
        g_peak.store(g_current.load());  // from here on: the app as it runs

        Document doc = make_board(n);
        mark("board generated");
        {
            FrameSim sim(im, std::move(doc), 10, scratch_dir("heap"));
            mark("session + autosave writer");
            // A morning's work: more finished actions than the undo history keeps.
            const Document& cur = sim.session().current();
            const std::size_t np = cur.partners.size();
            for (int i = 0; i < 250; ++i) {
                const Partner p = sim.session().current().partners[(std::size_t(i) * 37) % np];
                sim.session().dispatch(act::MovePartners{{{p.id, {p.x + 3, p.y - 2}, p.rotation, p.scale}}});
            }
            history = sim.session().history().size();
            mark("250 actions (undo history full)");
            for (int f = 0; f < frames;) {
                sim.press();
                f += 3;
                for (int k = 0; k < 57 && f < frames; ++k, ++f) sim.frame();
                sim.release();
                ++f;
            }
            history = sim.session().history().size();
            mark("frames of 10 fingers dragging (with drops)");
            after_atlas_free_peak = g_peak.load();
            for (const auto& [w, h] : {std::pair{3840, 2160}, std::pair{4961, 3508}}) {
                g_peak.store(g_current.load());
                snapshot_like(im, sim.session().current(), w, h);
                (w == 3840 ? peak_snap_4k : peak_snap_a3) = g_peak.load();
                mark(w == 3840 ? "after a 3840x2160 snapshot (no GL)" : "after a 4961x3508 snapshot (no GL)");
            }
        }
        mark("session closed");
    }
    mark("imgui destroyed");

    std::printf("{\n  \"notes\": %d,\n  \"frames\": %d,\n  \"history_entries\": %zu,\n", n, frames, history);
    std::printf("  \"atlas_pixels_mb\": %.2f,\n", mb(atlas_pixels));
    std::printf("  \"peak_with_atlas_mb\": %.2f,\n", mb(peak_with_atlas - base));
    std::printf("  \"peak_running_mb\": %.2f,\n", mb(after_atlas_free_peak - base));
    std::printf("  \"peak_mb\": %.2f,\n", mb(std::max(peak_with_atlas, after_atlas_free_peak) - base));
    std::printf("  \"peak_snapshot_4k_mb\": %.2f,\n", mb(peak_snap_4k - base));
    std::printf("  \"peak_snapshot_a3_mb\": %.2f,\n", mb(peak_snap_a3 - base));
    std::printf("  \"allocations\": %lld,\n  \"phases\": [\n", g_allocs.load());
    for (std::size_t i = 0; i < phases.size(); ++i)
        std::printf("    {\"phase\": \"%s\", \"current_mb\": %.2f, \"peak_mb\": %.2f}%s\n", phases[i].name.c_str(),
                    mb(phases[i].current - base), mb(phases[i].peak - base), i + 1 < phases.size() ? "," : "");
    std::printf("  ]\n}\n");
    return 0;
}
