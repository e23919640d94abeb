// The app's own CPU work per frame (see frame_sim.hpp), and its two parts alone:
// gesture routing and building the board's draw list.
//
//   nk_frame_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Budgets (docs/performance.md): a frame with 10 moving fingers on 500 post-its <= 2 ms;
// gesture routing of those 10 moves < 0.2 ms; draw_board at 500 < 2 ms.
#include <benchmark/benchmark.h>

#include <time.h>

#include <chrono>

#include "bench_common.hpp"

namespace nk::bench {
namespace {

// A whole frame: 0 fingers (the board at rest) or 10 fingers each dragging a post-it.
// BM_Frame is the app's way (the resting board drawn only when it changed, see
// app/board_layer.hpp); BM_FrameFullRedraw draws the whole board every frame, as a
// frame does in which the board itself changed (a drop, an undo, a zoom step).
void frame_bench(benchmark::State& state, bool cache_resting) {
    const int n = int(state.range(0)), fingers = int(state.range(1));
    ImGuiHarness& im = harness();
    FrameSim sim(im, board(n), fingers, {}, cache_resting);
    sim.press();
    int verts = 0;
    for (auto _ : state) verts = sim.frame();
    state.counters["vertices"] = verts;
    state.counters["indices"] = sim.indices();
}
void BM_Frame(benchmark::State& state) { frame_bench(state, true); }
void BM_FrameFullRedraw(benchmark::State& state) { frame_bench(state, false); }
BENCHMARK(BM_Frame)->ArgNames({"notes", "fingers"})
    ->Args({50, 0})->Args({50, 10})->Args({500, 0})->Args({500, 10})->Args({5000, 0})->Args({5000, 10})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameFullRedraw)->ArgNames({"notes", "fingers"})
    ->Args({50, 10})->Args({500, 10})->Args({5000, 10})->Unit(benchmark::kMillisecond);

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// The frame in which 10 fingers lift: 10 MovePartners reduced into the session, each
// one an undo step and an autosave hand-over (serialize_board on this thread). Timed in
// this thread's CPU time (the autosave thread's writing is not counted; a busy shared
// machine does not inflate it).
void BM_DropFrame(benchmark::State& state) {
    const int n = int(state.range(0));
    ImGuiHarness& im = harness();
    FrameSim sim(im, board(n), 10, scratch_dir("drop-" + std::to_string(n)));
    for (auto _ : state) {
        sim.press();
        const double t0 = thread_cpu_s();
        const int verts = sim.release();
        state.SetIterationTime(thread_cpu_s() - t0);
        state.counters["vertices"] = verts;
    }
    state.counters["history"] = double(sim.session().history().size());
}
BENCHMARK(BM_DropFrame)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Gesture routing alone: 10 finger moves in one frame on 500 post-its and 1,000 links,
// plus the frame's tick and the live placements the renderer asks for.
void BM_Gestures10(benchmark::State& state) {
    const int n = int(state.range(0));
    const Document& doc = board(n);
    const View view = app_view(1920, 1080);
    const auto held = grips(doc, view, 1920, 1080, 10);
    GestureRouter router;
    double t = 0;
    for (std::size_t i = 0; i < held.size(); ++i)
        router.handle(doc, view, view, {1920, 1080}, {PointerEvent::Type::Down, {1, std::int64_t(i)}, held[i].screen, t});
    int f = 0;
    std::size_t live = 0;
    for (auto _ : state) {
        t += 16;
        for (std::size_t i = 0; i < held.size(); ++i) {
            auto fx = router.handle(doc, view, view, {1920, 1080},
                                    {PointerEvent::Type::Move, {1, std::int64_t(i)}, finger_at(held[i].screen, int(i), f, 1), t});
            benchmark::DoNotOptimize(fx);
        }
        auto fx = router.tick(doc, view, t);
        benchmark::DoNotOptimize(fx);
        live = router.live_placements().size();
        ++f;
    }
    state.counters["links"] = double(doc.links.size());
    state.counters["held"] = double(live);
}
BENCHMARK(BM_Gestures10)->ArgName("notes")->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

// One finger landing on a post-it while 9 others are held (hit test on the drawn board).
void BM_FingerDownWhileHolding(benchmark::State& state) {
    const int n = int(state.range(0));
    const Document& doc = board(n);
    const View view = app_view(1920, 1080);
    const auto held = grips(doc, view, 1920, 1080, 10);
    GestureRouter router;
    for (std::size_t i = 0; i + 1 < held.size(); ++i) {
        router.handle(doc, view, view, {1920, 1080}, {PointerEvent::Type::Down, {1, std::int64_t(i)}, held[i].screen, 0});
        router.handle(doc, view, view, {1920, 1080},
                      {PointerEvent::Type::Move, {1, std::int64_t(i)}, finger_at(held[i].screen, int(i), 0, 1), 1});
    }
    const PointerKey last{1, 9};
    double t = 2;
    for (auto _ : state) {
        auto fx = router.handle(doc, view, view, {1920, 1080}, {PointerEvent::Type::Down, last, held[9].screen, t});
        benchmark::DoNotOptimize(fx);
        state.PauseTiming();
        router.handle(doc, view, view, {1920, 1080}, {PointerEvent::Type::Cancel, last, held[9].screen, t});
        t += 1;
        state.ResumeTiming();
    }
}
BENCHMARK(BM_FingerDownWhileHolding)->ArgName("notes")->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

// Building the board's draw list alone (no gestures), at rest.
void BM_DrawBoard(benchmark::State& state) {
    const int n = int(state.range(0));
    ImGuiHarness& im = harness();
    const Document& doc = board(n);
    app::BoardScene sc;
    sc.doc = &doc;
    sc.view = app_view(im.w, im.h);
    sc.strings = &im.strings;
    sc.ui_scale = im.k;
    int verts = 0;
    for (auto _ : state) {
        im.new_frame();
        ImDrawList* dl = im.fresh_draw_list();
        app::draw_board(dl, im.fonts, sc, ImVec2(float(im.w), float(im.h)));
        verts = dl->VtxBuffer.Size;
        im.end_frame();
    }
    state.counters["vertices"] = verts;
}
BENCHMARK(BM_DrawBoard)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nk::bench

BENCHMARK_MAIN();
