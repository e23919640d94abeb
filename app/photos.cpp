// The photos (photos.hpp): the map image alone or with the report and data files,
// rendered a strip a frame (photo_render.hpp) and encoded and written on a worker
// (photo_job.hpp). Sections: writers · in one go · a strip a frame · the end.
// (The progress and the size choice are drawn in ui_keep.cpp.)
#include "photos.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "export_names.hpp"
#include "atomic_file.hpp"
#include "export_set.hpp"
#include "photo_render.hpp"

namespace nk::app {
namespace fs = std::filesystem;

// ---- photos ----------------------------------------------------------------------------
// The map image, alone (the Foto button, --snapshot, the replay's `snapshot`) or with the
// report and data files (phase 5, --export). The map is rendered here, on the GL thread;
// the rest is a PhotoTask's write step, run on the job's worker in the app and inline on
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

bool Photos::export_folder_ready(const Strings& strings, const std::string& dir, std::string& error) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (fs::is_directory(dir)) return true;
    error = strings.format("export.no_folder", {dir});
    return false;
}

// A photo made in one go, for callers that wait for the file anyway (the command line,
// the replay's `snapshot`): the strips are rendered here, one after the other, while the
// job's worker compresses them. False with `error` (for the log) when rendering failed.
bool Photos::now(const Document& doc, const Strings& strings, PhotoTask task, PhotoOutcome& out, std::string& error) {
    PhotoRender render;
    if (!render.begin(doc, strings, task.w, task.h, error)) return false;
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
    if (!job.wait(kPhotoNowWait)) {
        error = "the photo was still being written after " + std::to_string(kPhotoNowWait.count() / 1000) +
                " s (a disk that does not answer?)";
        return false;
    }
    job.poll();
    return true;
}

bool Photos::write_snapshot(const Document& doc, const Strings& strings, const std::string& path, int w, int h,
                            std::string& error) {
    PhotoTask task;
    task.w = w, task.h = h;
    task.write = snapshot_writer(path, doc);
    PhotoOutcome out;
    if (!now(doc, strings, std::move(task), out, error)) return false;
    if (!out.ok) error = out.detail;
    return out.ok;
}

bool Photos::export_to(const Document& doc, const Strings& strings, const std::string& dir, bool anonymous,
                       std::vector<std::string>& written, std::string& error, int w, int h) {
    if (!export_folder_ready(strings, dir, error)) return false;
    PhotoTask task;
    task.w = w, task.h = h, task.half_copy = w > 3840;
    task.write = export_writer(doc, strings, anonymous, dir);
    PhotoOutcome out;
    std::string render_error;
    if (!now(doc, strings, std::move(task), out, render_error)) {
        error = strings.format("snapshot.failed", {render_error});
        return false;
    }
    written = out.written;
    if (!out.ok) {
        error = out.message.empty() ? strings.format("snapshot.failed", {out.detail}) : out.message;
        log_.error("export failed: " + out.detail);
        return false;
    }
    log_.info("exported " + std::to_string(written.size()) + " files to " + dir);
    return true;
}

// ---- a strip a frame ---------------------------------------------------------------------
std::pair<int, int> Photos::pixels(int screen_w, int screen_h) const {
    switch (size_) {
        case Size::Screen: return {screen_w, screen_h};
        case Size::A3: return {4961, 3508};  // 420 x 297 mm at 300 dpi
        case Size::FourK: break;
    }
    return {3840, 2160};
}

void Photos::request(Kind kind, std::uint64_t frame, std::string export_dir, bool anonymous) {
    if (busy()) return;
    kind_ = kind;
    request_ = Request{kind, frame, std::move(export_dir), anonymous};
}

void Photos::end_frame(std::uint64_t frame, const Document& doc, const Strings& strings, std::pair<int, int> px,
                       Shell& shell) {
    // A photo asked for in an earlier frame, which has shown its progress: render it now
    // (GL, this thread), then let the job encode and write it while the frames go on.
    advance();
    if (request_ && frame >= request_->frame + 2) start(request_->kind, doc, strings, px, shell);
}

void Photos::finish_all(const Document& doc, const Strings& strings, std::pair<int, int> px, Shell& shell) {
    // A photo being written is finished first (a half-written file helps nobody), also
    // after SIGTERM; one asked for but not yet rendered is made now.
    if (request_ && !job_.busy()) start(request_->kind, doc, strings, px, shell);
    request_.reset();
    while (render_) {
        job_.wait_for_room();
        advance();
    }
    // Bounded: a write that hangs (a USB stick that stopped answering) is left behind
    // (PhotoJob detaches it) so the app still closes; the board is in the autosave anyway.
    if (!job_.wait(kPhotoQuitWait))
        log_.error("a photo was still being written when the app closed (a disk that does not answer?): left unfinished");
    poll(doc, strings, shell);
}

void Photos::start(Kind kind, const Document& doc, const Strings& strings, std::pair<int, int> px, Shell& shell) {
    const auto [w, h] = px;
    const Request asked = request_.value_or(Request{kind, 0, {}, false});
    request_.reset();
    std::string where, error;
    if (kind == Kind::Export) {
        where = asked.export_dir;
        if (!export_folder_ready(strings, where, error)) return shell.show_message(error, true), log_.error("export: " + error);
    } else {
        // DATA/snapshots/<date> <school> - netwerkkaart.png, never over an earlier one.
        const std::string dir = data_dir_ + "/snapshots";
        std::error_code ec;
        fs::create_directories(dir, ec);
        where = snapshot_path(dir, doc, [](const std::string& p) { return fs::exists(p); });
    }
    using clock = std::chrono::steady_clock;
    using ms = std::chrono::duration<double, std::milli>;
    const auto t0 = clock::now();
    auto render = std::make_unique<PhotoRender>();
    if (!render->begin(doc, strings, w, h, error)) {
        shell.show_message(strings.format("snapshot.failed", {error}), true);
        log_.error("photo failed: " + error);
        return;
    }
    PhotoTask task;
    task.w = w, task.h = h, task.half_copy = kind == Kind::Export && w > 3840;
    task.write = kind == Kind::Export ? export_writer(doc, strings, asked.anonymous, where) : snapshot_writer(where, doc);
    auto done = [this, kind, where](const PhotoOutcome& out) { done_ = Done{kind, where, out}; };
    if (!job_.start(std::move(task), done)) {
        finished(kind, where, PhotoOutcome{false, {}, {}, "no thread for the photo"}, strings, doc.phase, shell);
        return;
    }
    render_ = std::move(render);
    stats_ = {};
    stats_.prepare_ms = ms(clock::now() - t0).count();
    log_.info("photo of " + std::to_string(w) + "x" + std::to_string(h) + " started");
}

void Photos::poll(const Document& doc, const Strings& strings, Shell& shell) {
    if (job_.poll()) stuck_told_ = false;
    // A write that hangs: the teacher hears it once, while the rest of the app goes on.
    if (!stuck_told_ && job_.writing_for() >= kPhotoStuckAfter) {
        stuck_told_ = true;
        shell.show_message(strings.get("photo.stuck"), true);
        log_.error("a photo has been writing for " + std::to_string(job_.writing_for().count() / 1000) + " s: the disk does not answer");
    }
    if (!done_) return;
    const Done d = std::move(*done_);
    done_.reset();
    finished(d.kind, d.where, d.out, strings, doc.phase, shell);
}

// One strip of the photo being rendered (GL, this thread), handed to photo_'s worker:
// called once a frame, so the screen goes on between strips.
void Photos::advance() {
    if (!render_) return;
    if (replaying_) job_.wait_for_room();                // a replay: the same strip each frame
    if (job_.queued() >= PhotoJob::kMaxQueued) return;  // the encoder is behind: next frame
    using clock = std::chrono::steady_clock;
    using ms = std::chrono::duration<double, std::milli>;
    const auto t0 = clock::now();
    std::vector<std::uint8_t> strip;
    int y0 = 0, rows = 0;
    if (render_->next_strip(strip, y0, rows)) {
        const auto t1 = clock::now();
        job_.add_strip(std::move(strip), rows);
        const auto t2 = clock::now();
        stats_.render_ms += ms(t1 - t0).count();
        stats_.longest_strip_ms = std::max(stats_.longest_strip_ms, ms(t1 - t0).count());
        stats_.handover_ms = std::max(stats_.handover_ms, ms(t2 - t1).count());
        ++stats_.strips;
    }
    if (!render_->done()) return;
    job_.end_strips();
    // What the photo cost the UI thread: preparing it (fonts, the picture), the strips'
    // GL work (one per frame), and handing each strip over (tests check that stays small:
    // the encode must not happen here).
    if (frame_log_)
        std::fprintf(frame_log_,
                     "# photo %dx%d: rendered in %.3f ms, handed over in %.3f ms; %d strips, longest %.3f ms, "
                     "prepared in %.3f ms\n",
                     render_->width(), render_->height(), stats_.prepare_ms + stats_.render_ms,
                     stats_.handover_ms, stats_.strips, stats_.longest_strip_ms, stats_.prepare_ms);
    log_.info("photo rendered in " + std::to_string(stats_.strips) + " strips; writing it");
    render_.reset();
}

// ---- the end ----------------------------------------------------------------------------
void Photos::finished(Kind kind, const std::string& where, const PhotoOutcome& out, const Strings& strings, Phase phase,
                      Shell& shell) {
    if (!out.ok) {
        shell.show_message(out.message.empty() ? strings.format("snapshot.failed", {out.detail}) : out.message, true);
        log_.error("photo failed: " + out.detail);
    } else if (kind == Kind::Export) {
        // It waits for an OK where the facilitator asked for it (phase 5, where the board
        // takes no touches); elsewhere people are at work on the board, so it passes.
        shell.show_message(strings.format("export.done", {std::to_string(out.written.size()), where}),
                     phase == Phase::Naverwerking);
        log_.info("exported " + std::to_string(out.written.size()) + " files to " + where);
    } else {
        shell.show_message(strings.format("snapshot.saved", {fs::path(where).filename().string()}), false);
        log_.info("snapshot written to " + where);
    }
}

}  // namespace nk::app
