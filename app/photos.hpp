// The photos (photos.cpp): the map image alone (the Foto button, --snapshot, the replay's
// `snapshot`) or with the report and data files (phase 5, --export). A photo asked for
// is rendered from the frame after next (so its progress shows first), a strip a frame
// on this (GL) thread (photo_render.hpp), and encoded and written on a worker
// (photo_job.hpp); one at a time. Its end is told through the Shell's messages.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "event_log.hpp"
#include "part.hpp"
#include "photo_job.hpp"
#include "photo_render.hpp"

namespace nk::app {

inline constexpr std::chrono::milliseconds kPhotoStuckAfter{15000};  // writing this long: "the stick does not answer"
inline constexpr std::chrono::milliseconds kPhotoQuitWait{2000};     // closing waits this long for a photo's disk
inline constexpr std::chrono::milliseconds kPhotoNowWait{60000};     // --snapshot, --export, the replay's `snapshot`

class Photos {
public:
    enum class Kind { Snapshot, Export };
    enum class Size { Screen, FourK, A3 };
    // Where photos go and what they log: `data_dir`/snapshots for the Foto button;
    // `frame_log` (may be null) gets each photo's cost to the UI thread.
    Photos(EventLog& log, std::string data_dir) : log_(log), data_dir_(std::move(data_dir)) {}
    void set_frame_log(std::FILE* f) { frame_log_ = f; }

    // Asked for, rendering or being written.
    bool busy() const { return request_.has_value() || render_ || job_.busy(); }
    // Renders strips now (a frame may come at once).
    bool rendering() const { return render_ != nullptr; }
    bool strip_ready() const { return render_ && job_.queued() < PhotoJob::kMaxQueued; }
    Kind kind() const { return kind_; }  // the photo asked for last
    Size size() const { return size_; }
    void set_size(Size s) { size_ = s; }
    // The chosen size in pixels; Screen is the window's `screen_w` x `screen_h`.
    std::pair<int, int> pixels(int screen_w, int screen_h) const;

    // Asks for a photo in frame `frame` (nothing while one is busy). An export goes to
    // `export_dir` (made if needed), anonymised when asked.
    void request(Kind kind, std::uint64_t frame, std::string export_dir = {}, bool anonymous = false);
    // Once a frame, after it is drawn: renders the next strip, and starts a photo asked
    // for two frames ago from `doc` at the chosen size.
    void end_frame(std::uint64_t frame, const Document& doc, const Strings& strings, std::pair<int, int> px, Shell& shell);
    // During a replay the photo's worker settles before each frame, so the same script
    // gives the same frames however busy the machine: a strip waits for the encoder to
    // take the last one, and once the last strip is handed over the photo is finished
    // before the next frame polls it.
    void set_replaying(bool on) { replaying_ = on; }
    void settle() {
        if (replaying_ && !render_ && job_.busy()) job_.wait(std::chrono::seconds(30));
    }
    // A photo finished on the worker: say so (once a frame). A photo whose file has been
    // writing for kPhotoStuckAfter (a USB stick that stopped answering) is told once too.
    void poll(const Document& doc, const Strings& strings, Shell& shell);
    // Quitting: a photo asked for is made now, and every photo is finished and written,
    // waiting at most kPhotoQuitWait for the disk (then it is left behind, and logged).
    void finish_all(const Document& doc, const Strings& strings, std::pair<int, int> px, Shell& shell);

    // Made in one go, for callers that wait for the file anyway (--snapshot, --export,
    // the replay's `snapshot`); false with a message.
    bool write_snapshot(const Document& doc, const Strings& strings, const std::string& path, int w, int h,
                        std::string& error);
    bool export_to(const Document& doc, const Strings& strings, const std::string& dir, bool anonymous,
                   std::vector<std::string>& written, std::string& error, int w, int h);
    // Makes the export folder if needed; false with a teacher's message when it cannot.
    static bool export_folder_ready(const Strings& strings, const std::string& dir, std::string& error);

    // The progress (spinner and text) in a box `width` wide, and the same as a banner above
    // the toolbar (outside phase 5); the size choice of phase 5 (export.size.*).
    void draw_progress(const Frame& f, float width) const;
    void draw_banner(const Frame& f) const;
    void draw_sizes(const Frame& f, Shell& shell, float width);

private:
    void start(Kind kind, const Document& doc, const Strings& strings, std::pair<int, int> px, Shell& shell);
    void advance();
    bool replaying_ = false;
    void finished(Kind kind, const std::string& where, const PhotoOutcome& out, const Strings& strings, Phase phase,
                  Shell& shell);
    bool now(const Document& doc, const Strings& strings, PhotoTask task, PhotoOutcome& out, std::string& error);

    EventLog& log_;
    std::string data_dir_;
    std::FILE* frame_log_ = nullptr;
    Size size_ = Size::FourK;
    Kind kind_ = Kind::Snapshot;
    struct Request {
        Kind kind;
        std::uint64_t frame;  // the frame it was asked in
        std::string export_dir;
        bool anonymous = false;
    };
    std::optional<Request> request_;
    PhotoJob job_;
    std::unique_ptr<PhotoRender> render_;  // the photo being rendered, strip by strip
    struct Done {  // a photo the worker finished, told at the next poll
        Kind kind;
        std::string where;
        PhotoOutcome out;
    };
    std::optional<Done> done_;
    bool stuck_told_ = false;  // the photo being written was said to hang
    struct Stats {
        double prepare_ms = 0, render_ms = 0, longest_strip_ms = 0, handover_ms = 0;
        int strips = 0;
    } stats_;
};

}  // namespace nk::app
