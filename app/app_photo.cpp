// The App's photos: the map image alone (the Foto button, --snapshot, the replay's
// `snapshot`) or with the report and data files (phase 5, --export), rendered a strip a
// frame (photo_render.hpp) and encoded and written on photo_'s worker (photo_job.hpp).
#include <chrono>
#include <filesystem>

#include "app.hpp"
#include "export_names.hpp"
#include "atomic_file.hpp"
#include "export_set.hpp"
#include "photo_render.hpp"

namespace nk::app {
namespace fs = std::filesystem;

// ---- photos ----------------------------------------------------------------------------
// The map image, alone (the Foto button, --snapshot, the replay's `snapshot`) or with the
// report and data files (phase 5, --export). The map is rendered here, on the GL thread;
// the rest is a PhotoTask's write step, run on photo_'s worker in the app and inline on
// the command line.
namespace {
PhotoTask::Write snapshot_writer(std::string path, Document d) {
    return [path = std::move(path), d = std::move(d)](std::string png, std::string) {
        // The map image carries its board, as the export's does, so that it reopens as
        // that board (issue #6); a plain image only if the chunk could not be added.
        if (std::string with_board = png_with_board(png, d); !with_board.empty()) png = std::move(with_board);
        PhotoOutcome out;
        const WriteResult r = real_storage()->write_atomic(path, png);
        if (!r.ok) return out.detail = "could not write " + path + ": " + r.error, out;
        out.ok = true;
        out.written.push_back(path);
        return out;
    };
}

PhotoTask::Write export_writer(Document d, Strings s, bool anonymous, std::string dir) {
    return [d = std::move(d), s = std::move(s), anonymous, dir = std::move(dir)](std::string png, std::string half_png) {
        // The report prints on A4 and carries its image inline (base64): a photo wider
        // than 4K comes with a half-size copy for it (A3 at 300 dpi gives A4 at 300 dpi,
        // 2480 x 1754), which keeps the HTML file about a quarter the size, as sharp as
        // paper shows (PhotoTask::half_copy).
        const std::string& report_png = half_png;
        const auto files = make_exports(d, s, png, anonymous, dir, [](const std::string& p) { return fs::exists(p); },
                                        report_png);
        PhotoOutcome out;
        for (const ExportFile& f : files) {
            const std::string path = dir + "/" + f.name;
            const WriteResult r = real_storage()->write_atomic(path, f.bytes);
            if (!r.ok) {
                out.message = s.format("export.failed", {dir});
                out.detail = "could not write " + path + ": " + r.error;
                return out;
            }
            out.written.push_back(path);
        }
        out.ok = true;
        return out;
    };
}
}  // namespace

bool App::export_folder_ready(const std::string& dir, std::string& error) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (fs::is_directory(dir)) return true;
    error = strings_.format("export.no_folder", {dir});
    return false;
}

// A photo made in one go, for callers that wait for the file anyway (the command line,
// the replay's `snapshot`): the strips are rendered here, one after the other, while the
// job's worker compresses them. False with `error` (for the log) when rendering failed.
bool App::photo_now(PhotoTask task, PhotoOutcome& out, std::string& error) {
    PhotoRender render;
    if (!render.begin(session_->current(), strings_, task.w, task.h, error)) return false;
    PhotoJob job;
    out = {};
    if (!job.start(std::move(task), [&out](const PhotoOutcome& o) { out = o; })) {
        error = "no thread for the photo";
        return false;
    }
    std::vector<std::uint8_t> strip;
    int y0 = 0, rows = 0;
    for (job.wait_for_room(); render.next_strip(strip, y0, rows); job.wait_for_room()) job.add_strip(std::move(strip), rows);
    job.end_strips();
    job.wait();
    job.poll();
    return true;
}

bool App::write_snapshot(const std::string& path, int w, int h, std::string& error) {
    PhotoTask task;
    task.w = w, task.h = h;
    task.write = snapshot_writer(path, session_->current());
    PhotoOutcome out;
    if (!photo_now(std::move(task), out, error)) return false;
    if (!out.ok) error = out.detail;
    return out.ok;
}

bool App::export_to(const std::string& dir, bool anonymous, std::vector<std::string>& written, std::string& error,
                    int w, int h) {
    if (!export_folder_ready(dir, error)) return false;
    PhotoTask task;
    task.w = w, task.h = h, task.half_copy = w > 3840;
    task.write = export_writer(session_->current(), strings_, anonymous, dir);
    PhotoOutcome out;
    std::string render_error;
    if (!photo_now(std::move(task), out, render_error)) {
        error = strings_.format("snapshot.failed", {render_error});
        return false;
    }
    written = out.written;
    if (!out.ok) {
        error = out.message.empty() ? strings_.format("snapshot.failed", {out.detail}) : out.message;
        log_.error("export failed: " + out.detail);
        return false;
    }
    log_.info("exported " + std::to_string(written.size()) + " files to " + dir);
    return true;
}

std::pair<int, int> App::photo_pixels() const {
    switch (photo_size_) {
        case PhotoSize::Screen: return {width_, height_};
        case PhotoSize::A3: return {4961, 3508};  // 420 x 297 mm at 300 dpi
        case PhotoSize::FourK: break;
    }
    return {3840, 2160};
}

void App::request_photo(PhotoKind kind) {
    if (photo_busy()) return;
    commit_editing();
    photo_kind_ = kind;
    photo_request_ = PhotoRequest{kind, frame_no_};
}

void App::start_photo(PhotoKind kind) {
    const auto [w, h] = photo_pixels();
    std::string where, error;
    if (kind == PhotoKind::Export) {
        where = export_dir_;
        if (!export_folder_ready(where, error)) return show_message(error, true), log_.error("export: " + error);
    } else {
        // DATA/snapshots/<date> <school> - netwerkkaart.png, never over an earlier one.
        const std::string dir = opt_.data_dir + "/snapshots";
        std::error_code ec;
        fs::create_directories(dir, ec);
        where = snapshot_path(dir, session_->current(), [](const std::string& p) { return fs::exists(p); });
    }
    using clock = std::chrono::steady_clock;
    using ms = std::chrono::duration<double, std::milli>;
    const auto t0 = clock::now();
    auto render = std::make_unique<PhotoRender>();
    if (!render->begin(session_->current(), strings_, w, h, error)) {
        show_message(strings_.format("snapshot.failed", {error}), true);
        log_.error("photo failed: " + error);
        return;
    }
    PhotoTask task;
    task.w = w, task.h = h, task.half_copy = kind == PhotoKind::Export && w > 3840;
    task.write = kind == PhotoKind::Export ? export_writer(session_->current(), strings_, export_anonymous_, where)
                                           : snapshot_writer(where, session_->current());
    auto done = [this, kind, where](const PhotoOutcome& out) { photo_finished(kind, where, out); };
    if (!photo_.start(std::move(task), done)) {
        photo_finished(kind, where, PhotoOutcome{false, {}, {}, "no thread for the photo"});
        return;
    }
    photo_render_ = std::move(render);
    photo_stats_ = {};
    photo_stats_.prepare_ms = ms(clock::now() - t0).count();
    log_.info("photo of " + std::to_string(w) + "x" + std::to_string(h) + " started");
}

// One strip of the photo being rendered (GL, this thread), handed to photo_'s worker:
// called once a frame, so the screen goes on between strips.
void App::advance_photo() {
    if (!photo_render_) return;
    if (photo_.queued() >= PhotoJob::kMaxQueued) return;  // the encoder is behind: next frame
    using clock = std::chrono::steady_clock;
    using ms = std::chrono::duration<double, std::milli>;
    const auto t0 = clock::now();
    std::vector<std::uint8_t> strip;
    int y0 = 0, rows = 0;
    if (photo_render_->next_strip(strip, y0, rows)) {
        const auto t1 = clock::now();
        photo_.add_strip(std::move(strip), rows);
        const auto t2 = clock::now();
        photo_stats_.render_ms += ms(t1 - t0).count();
        photo_stats_.longest_strip_ms = std::max(photo_stats_.longest_strip_ms, ms(t1 - t0).count());
        photo_stats_.handover_ms = std::max(photo_stats_.handover_ms, ms(t2 - t1).count());
        ++photo_stats_.strips;
    }
    if (!photo_render_->done()) return;
    photo_.end_strips();
    // What the photo cost the UI thread: preparing it (fonts, the picture), the strips'
    // GL work (one per frame), and handing each strip over (tests check that stays small:
    // the encode must not happen here).
    if (frame_log_)
        std::fprintf(frame_log_,
                     "# photo %dx%d: rendered in %.3f ms, handed over in %.3f ms; %d strips, longest %.3f ms, "
                     "prepared in %.3f ms\n",
                     photo_render_->width(), photo_render_->height(), photo_stats_.prepare_ms + photo_stats_.render_ms,
                     photo_stats_.handover_ms, photo_stats_.strips, photo_stats_.longest_strip_ms, photo_stats_.prepare_ms);
    log_.info("photo rendered in " + std::to_string(photo_stats_.strips) + " strips; writing it");
    photo_render_.reset();
}

void App::photo_finished(PhotoKind kind, const std::string& where, const PhotoOutcome& out) {
    if (!out.ok) {
        show_message(out.message.empty() ? strings_.format("snapshot.failed", {out.detail}) : out.message, true);
        log_.error("photo failed: " + out.detail);
    } else if (kind == PhotoKind::Export) {
        // It waits for an OK where the facilitator asked for it (phase 5, where the board
        // takes no touches); elsewhere people are at work on the board, so it passes.
        show_message(strings_.format("export.done", {std::to_string(out.written.size()), where}),
                     session_->current().phase == Phase::Naverwerking);
        log_.info("exported " + std::to_string(out.written.size()) + " files to " + where);
    } else {
        show_message(strings_.format("snapshot.saved", {fs::path(where).filename().string()}), false);
        log_.info("snapshot written to " + where);
    }
}

}  // namespace nk::app
