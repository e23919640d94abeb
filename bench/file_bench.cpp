// Saving and loading boards, the UI-thread cost of one finished action (reduce, undo
// step, autosave hand-over), PNG encoding of snapshot-sized images, and the report.
//
//   nk_file_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Budgets (docs/performance.md): save or load of 500 post-its <= 20 ms; no stall of more
// than 2 ms on the UI thread for an autosave or an encode.
#include <benchmark/benchmark.h>

#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "atomic_file.hpp"
#include "bench_common.hpp"
#include "board_file.hpp"
#include "invariants.hpp"
#include "png_stream.hpp"
#include "method.hpp"
#include "reducer.hpp"
#include "report.hpp"
#include "png_stream.hpp"
#include "snapshot.hpp"

namespace nk::bench {
namespace {

void BM_Serialize(benchmark::State& state) {
    const Document& doc = board(int(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string s = serialize_board(doc);
        bytes = s.size();
        benchmark::DoNotOptimize(s);
    }
    state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_Serialize)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

// What "save" does: serialize, then write atomically (temp file, fsync, rename, fsync dir).
void BM_Save(benchmark::State& state) {
    const int n = int(state.range(0));
    const Document& doc = board(n);
    const std::string path = scratch_dir("save-" + std::to_string(n)) + "/board.json";
    auto storage = real_storage();
    for (auto _ : state) {
        const WriteResult r = storage->write_atomic(path, serialize_board(doc));
        if (!r.ok) state.SkipWithError(r.error.c_str());
    }
}
BENCHMARK(BM_Save)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
    const std::string bytes = serialize_board(board(int(state.range(0))));
    for (auto _ : state) {
        auto r = parse_board(bytes);
        if (!std::holds_alternative<LoadedBoard>(r)) state.SkipWithError("parse failed");
        benchmark::DoNotOptimize(r);
    }
    state.counters["bytes"] = double(bytes.size());
}
BENCHMARK(BM_Parse)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

// What "open" does: read the file and parse it.
void BM_Load(benchmark::State& state) {
    const int n = int(state.range(0));
    const std::string path = scratch_dir("load-" + std::to_string(n)) + "/board.json";
    std::ofstream(path, std::ios::binary) << serialize_board(board(n));
    for (auto _ : state) {
        auto r = load_board_file(path);
        if (!std::holds_alternative<LoadedBoard>(r)) state.SkipWithError("load failed");
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_Load)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

// Session::dispatch of one drag's MovePartners with the autosave attached: what the UI
// thread does when a finger lifts (reduce, describe, history push with its equality
// check, serialize_board for the autosave hand-over).
void BM_Dispatch(benchmark::State& state) {
    const int n = int(state.range(0));
    AutosaveOptions ao;
    ao.dir = scratch_dir("dispatch-" + std::to_string(n));
    auto writer = std::make_shared<AutosaveWriter>(ao);
    Session session(board(n));
    session.set_autosave(writer);
    const Partner first = session.current().partners.front();
    double dx = 0;
    for (auto _ : state) {
        dx = dx > 100 ? 0 : dx + 1;  // every move really moves: one undo step each
        session.dispatch(act::MovePartners{{{first.id, {first.x + dx, first.y}, first.rotation, first.scale}}});
    }
    state.counters["history"] = double(session.history().size());
    writer->flush(std::chrono::milliseconds(5000));
}
BENCHMARK(BM_Dispatch)->ArgName("notes")->Arg(50)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond);

// The parts of dispatch alone, to see which one dominates.
void BM_Reduce(benchmark::State& state) {
    const Document& doc = board(int(state.range(0)));
    const Partner& first = doc.partners.front();
    for (auto _ : state) {
        Document d = reduce(doc, act::MovePartners{{{first.id, {first.x + 5, first.y}, first.rotation, first.scale}}});
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_Reduce)->ArgName("notes")->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

void BM_DocumentCompare(benchmark::State& state) {
    const Document& doc = board(int(state.range(0)));
    Document other = doc;
    other.partners.back().x += 1;  // differs at the end: a full walk, as History::push does
    for (auto _ : state) benchmark::DoNotOptimize(doc == other);
}
BENCHMARK(BM_DocumentCompare)->ArgName("notes")->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

// A board-like test card when no real snapshot is given: paper, rings, coloured notes
// with dark "text" strokes and soft shadows, so zlib sees what it sees in a real map.
app::Image synthetic(int w, int h) {
    app::Image img;
    img.w = w, img.h = h;
    img.rgba.assign(std::size_t(w) * h * 4, 0);
    auto put = [&](int x, int y, unsigned r, unsigned g, unsigned b) {
        if (x < 0 || y < 0 || x >= w || y >= h) return;
        std::uint8_t* p = &img.rgba[(std::size_t(y) * w + x) * 4];
        p[0] = std::uint8_t(r), p[1] = std::uint8_t(g), p[2] = std::uint8_t(b), p[3] = 255;
    };
    const double cx = w / 2.0, cy = h / 2.0, s = h / 1080.0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double r = std::hypot(x - cx, y - cy) / s;
            const unsigned shade = r < 190 ? 214 : r < 330 ? 224 : r < 470 ? 232 : 238;
            put(x, y, 250, 246, shade);
        }
    const Document& doc = board(500);
    const unsigned fills[7][3] = {{255, 214, 214}, {214, 232, 255}, {220, 245, 214}, {255, 240, 200},
                                  {235, 220, 250}, {210, 240, 240}, {240, 240, 235}};
    for (const Partner& p : doc.partners) {
        const int x0 = int(cx + p.x * s * 0.8 - 78 * s), y0 = int(cy + p.y * s * 0.8 - 50 * s);
        const auto& f = fills[int(p.category)];
        for (int y = 0; y < int(100 * s); ++y)
            for (int x = 0; x < int(156 * s); ++x) {
                // glyph-like strokes on three text lines
                const bool ink = (y > 30 * s && y < 80 * s) && (int(y / (16 * s)) % 2 == 0) &&
                                 ((x * 7 + y * 3 + p.id * 11) % 23 < 9) && x > 14 * s && x < 142 * s;
                if (ink) put(x0 + x, y0 + y, 38, 50, 56);
                else put(x0 + x, y0 + y, f[0], f[1], f[2]);
            }
    }
    return img;
}

// A snapshot-sized image: the file NK_BENCH_PNG_<W>x<H> names when it is a real snapshot of
// that size (scripts/bench makes one with --snapshot), otherwise a synthetic board-like image.
// `png` gets the file's bytes when it was real.
app::Image snapshot_image(int w, int h, bool& real, std::string* png = nullptr) {
    app::Image img;
    const std::string var = "NK_BENCH_PNG_" + std::to_string(w) + "x" + std::to_string(h);
    real = false;
    if (const char* path = std::getenv(var.c_str()); path && *path) {
        std::ifstream in(path, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        int iw = 0, ih = 0, ch = 0;
        unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()),
                                                  &iw, &ih, &ch, 4);
        if (px && iw == w && ih == h) {
            img.w = w, img.h = h;
            img.rgba.assign(px, px + std::size_t(w) * h * 4);
            real = true;
            if (png) *png = bytes;
        }
        if (px) stbi_image_free(px);
    }
    if (!real) img = synthetic(w, h);
    return img;
}

// PNG encoding of a snapshot (real or synthetic, see snapshot_image) as the photo's
// worker does it: strip by strip (128 rows) into a PngStream (core/files/png_stream.hpp).
void BM_EncodePng(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    bool real = false;
    const app::Image img = snapshot_image(w, h, real);
    std::size_t bytes = 0;
    for (auto _ : state) {
        PngStream stream(w, h);
        for (int y = 0; y < h; y += 128)
            stream.add_rows(img.rgba.data() + std::size_t(y) * std::size_t(w) * 4, std::min(128, h - y), std::ptrdiff_t(w) * 4);
        const std::string png = stream.finish();
        bytes = png.size();
        benchmark::DoNotOptimize(png);
    }
    state.counters["png_bytes"] = double(bytes);
    state.counters["real_snapshot"] = real ? 1 : 0;
}
BENCHMARK(BM_EncodePng)->ArgNames({"w", "h"})->Args({3840, 2160})->Args({4961, 3508})
    ->Unit(benchmark::kMillisecond)->Iterations(2);

// The report of a 50-partner map as the export writes it: HTML (the 4K map inline as
// base64) and Markdown, from a board at the end of a workshop (notes on 30 cards, every
// closing answer, next steps) with last year's version, so "what changed" is computed too.
// The PNG is encoded once, outside the timing.
void BM_Report(benchmark::State& state) {
    const int n = int(state.range(0));
    Document d = board(n);
    Document older = d;
    for (size_t i = 0; i < d.partners.size() && i < 10; ++i)
        for (size_t k = 0; k < 3; ++k)
            d.notes.push_back({d.partners[i].id, std::string(method::kCards[(i + 4 * k) % method::kCards.size()].id),
                               "Wat het team hierover zei: een paar zinnen, zoals een verslagnemer ze noteert, "
                               "met een voorbeeld uit de klas en een vraag voor volgend jaar."});
    for (std::string_view q : method::kClosingQuestions)
        d.closing.push_back({std::string(q), "Een antwoord van twee zinnen op de slotvraag. Met wat het team "
                                             "besloot en waarom."});
    for (Id i = 1; i <= 5; ++i) d.actions.push_back({i, "Een volgende stap voor het team", "Naam", "juni 2027"});
    older.date = "2023-03-16";
    older.partners.resize(older.partners.size() - 5);
    for (size_t i = 0; i < older.partners.size(); i += 4) older.partners[i].x *= 1.6, older.partners[i].y *= 1.6;
    repair(older);
    d.versions.push_back({older.date, "Vorige kaart", older});
    repair(d);

    const std::string lang = std::string(NK_ASSETS_DIR) + "/lang/";
    Strings strings = Strings::load(lang + "nl.txt");
    strings.merge(Strings::load(lang + "nl-method.txt"));
    strings.merge(Strings::load(lang + "nl-report.txt"));
    bool real = false;
    std::string png;
    const app::Image img = snapshot_image(3840, 2160, real, &png);
    if (!real) png = app::encode_png(img);

    ReportInput in;
    in.doc = &d;
    in.s = &strings;
    in.png = png;
    in.compare_with = &d.versions.back().board;
    in.compare_label = d.versions.back().date;
    in.png_file_name = "2024-03-14 Basisschool De Regenboog - netwerkkaart.png";
    std::size_t html_bytes = 0, md_bytes = 0;
    for (auto _ : state) {
        const std::string html = report_html(in);
        const std::string md = report_markdown(in);
        html_bytes = html.size(), md_bytes = md.size();
        benchmark::DoNotOptimize(html);
        benchmark::DoNotOptimize(md);
    }
    state.counters["html_bytes"] = double(html_bytes);
    state.counters["md_bytes"] = double(md_bytes);
    state.counters["png_bytes"] = double(png.size());
    state.counters["real_snapshot"] = real ? 1 : 0;
}
BENCHMARK(BM_Report)->ArgName("notes")->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nk::bench

BENCHMARK_MAIN();
