// The App's files and versions: saving, opening and merging board files, a new board,
// showing a saved version, the layout text, the photos asked for by the command line.
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "app.hpp"
#include "atomic_file.hpp"
#include "board_file.hpp"
#include "board_files.hpp"
#include "geometry.hpp"
#include "merge.hpp"
#include "priority_marks.hpp"
#include "replay_script.hpp"
#include "ui_checkpoints.hpp"

namespace nk::app {
namespace fs = std::filesystem;

// ---- files ---------------------------------------------------------------------------
bool App::write_snapshot(const std::string& path, int w, int h, std::string& error) {
    return photos_.write_snapshot(session_->current(), strings_, path, w, h, error);
}

bool App::export_to(const std::string& dir, bool anonymous, std::vector<std::string>& written, std::string& error, int w,
                    int h) {
    return photos_.export_to(session_->current(), strings_, dir, anonymous, written, error, w, h);
}

bool App::save_board(const std::string& path, std::string& error) {
    const WriteResult r = real_storage()->write_atomic(path, serialize_board(session_->current()));
    if (!r.ok) return error = "could not write " + path + ": " + r.error, false;
    return true;
}

namespace {
// One `layout` line: KIND [NAME] X0 Y0 X1 Y1 [TAIL], pixels with one decimal.
void layout_box(std::string& out, const char* what, const std::string& name, double x0, double y0, double x1, double y1,
                const std::string& tail = {}) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s %s%s%.1f %.1f %.1f %.1f", what, name.c_str(), name.empty() ? "" : " ", x0, y0, x1, y1);
    out += buf + (tail.empty() ? std::string() : " " + tail) + "\n";
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
}  // namespace

std::string App::board_layout_lines(const Document& doc, const View& view, bool circles,
                                    const std::vector<ImVec4>& mark_avoid) const {
    char buf[128];
    std::snprintf(buf, sizeof buf, "view %.4f %.1f %.1f\n", view.scale, view.origin.x, view.origin.y);
    std::string out = buf;
    // Every face-up post-it of the board drawn, as the box round it turned and scaled, with
    // the font size of its text as drawn.
    for (const Partner& p : doc.partners) {
        if (!p.face_up) continue;
        const Vec2 c = view.to_screen({p.x, p.y});
        const double hw = geo::kNoteW * p.scale * view.scale / 2, hh = geo::kNoteH * p.scale * view.scale / 2;
        const double cs = std::abs(std::cos(p.rotation)), sn = std::abs(std::sin(p.rotation));
        const double ex = hw * cs + hh * sn, ey = hw * sn + hh * cs;
        replay::Target t;
        t.kind = replay::Target::Kind::Note;
        t.a = p.text;
        const FittedText fit = fit_note_text(fonts_, p.text, view, p.scale);
        layout_box(out, "note", std::to_string(p.id), c.x - ex, c.y - ey, c.x + ex, c.y + ey,
                   replay::format_target(t) + " text " + one_decimal(fit.size));
    }
    // The priorities' marks on their post-its, and the hand-drawn circles when shown.
    for (const PriorityMarks& m : layout_priority_marks(doc, view, fonts_, k_, {}, mark_avoid))
        layout_box(out, "mark", std::to_string(m.partner), m.min.x, m.min.y, m.max.x, m.max.y,
                   "count " + std::to_string(m.count) + " discs " + std::to_string(m.discs.size()) + " text " +
                       one_decimal(m.text_px));
    if (circles)
        for (const CircleBox& c : priority_circle_boxes(doc, view))
            layout_box(out, "circle", std::to_string(c.participant), c.min.x, c.min.y, c.max.x, c.max.y,
                       "partner " + std::to_string(c.partner));
    const Vec2 school = view.to_screen({0, 0});
    int n = 1;
    for (double r : {geo::kRing1, geo::kRing2, geo::kRing3}) {
        std::snprintf(buf, sizeof buf, "ring %d %.1f %.1f %.1f\n", n++, school.x, school.y, r * view.scale);
        out += buf;
    }
    for (const RingLabel& l : place_ring_labels(doc, view, fonts_, strings_, k_))
        layout_box(out, "ringlabel", std::to_string(l.ring), l.min.x, l.min.y, l.max.x, l.max.y, "px " + one_decimal(l.px));
    return out;
}

bool App::write_layout(const std::string& path, std::string& error) const {
    // The last frame drawn (the one a `screenshot` at this line shows), one thing a line,
    // in window pixels (0,0 top left): boxes as X0 Y0 X1 Y1 (docs/replay.md, layout).
    std::string out = "# netwerkkaart layout of the last frame drawn (docs/replay.md, layout)\n";
    out += "window " + std::to_string(width_) + " " + std::to_string(height_) + "\n";
    const std::string board = drawn_board_.empty() ? board_layout_lines(shown_board(), view_, pens_.circles_shown(shown_board()), mark_keep_out()) : drawn_board_;
    const size_t view_end = board.find('\n') + 1;
    out += board.substr(0, view_end);
    for (const auto& p : targets_.built_panels())
        layout_box(out, "panel", p.id, p.rect.min.x, p.rect.min.y, p.rect.max.x, p.rect.max.y);
    for (const auto& [id, c] : targets_.built_controls())
        layout_box(out, "control", id, c.rect.min.x, c.rect.min.y, c.rect.max.x, c.rect.max.y,
                   "panel " + (c.panel.empty() ? std::string("-") : c.panel));
    for (const auto& [n, k] : targets_.built_keyboards())
        layout_box(out, "keyboard", std::to_string(n), k.box.min.x, k.box.min.y, k.box.max.x, k.box.max.y,
                   "key " + one_decimal(k.key_px));
    for (const auto& [key, t] : targets_.built_texts())
        layout_box(out, "text", key, t.rect.min.x, t.rect.min.y, t.rect.max.x, t.rect.max.y,
                   "px " + one_decimal(t.px) + " panel " + (t.panel.empty() ? std::string("-") : t.panel));
    out += board.substr(view_end);
    const WriteResult r = real_storage()->write_atomic(path, out);
    if (!r.ok) return error = "could not write " + path + ": " + r.error, false;
    return true;
}

bool App::open_board(const std::string& path, std::string& error) {
    return apply_opened(path, load_board_file(path), error);
}

bool App::apply_opened(const std::string& path, BoardLoader::Parsed parsed, std::string& error) {
    if (auto* err = std::get_if<LoadError>(&parsed)) {
        error = load_error_text(strings_, *err, path) + "\n" + strings_.get("error.load.kept");
        return false;
    }
    LoadedBoard& lb = std::get<LoadedBoard>(parsed);
    for (const std::string& c : lb.repairs.changes) log_.info("repaired " + path + ": " + c);
    commit_editing();
    show_version(0, 0);  // the versions of the board that was open are gone with it
    session_->replace(std::move(lb.doc));
    versions_.forget_merges();  // "named by N groups" was about the board that was open
    if (!lb.repairs.empty())
        show_message(strings_.format("error.load.repaired", {fs::path(path).filename().string(),
                                                              std::to_string(lb.repairs.changes.size())}),
                     true);
    return true;
}

// ---- opening in the background -------------------------------------------------------
void App::open_later(const std::string& path, BoardLoader::Purpose purpose) {
    const std::string name = fs::path(path).filename().string();
    if (loader_.busy()) {
        show_message(strings_.format("open.busy", {fs::path(loader_.path()).filename().string(), name}), true);
        return;
    }
    if (!loader_.start(path, purpose)) {
        show_message(strings_.format("open.failed", {name}), true);
        log_.error("no thread to read " + path);
        return;
    }
    log_.info((purpose == BoardLoader::Purpose::Merge ? "merging " : "opening ") + path);
}

void App::take_loaded() {
    auto r = loader_.take();
    if (!r) return;
    if (r->purpose == BoardLoader::Purpose::Merge) {
        apply_merge(r->path, std::move(r->parsed));
        return;
    }
    std::string err;
    if (!apply_opened(r->path, std::move(r->parsed), err)) {
        show_message(err, true);
        log_.error("could not open " + r->path);
        return;
    }
    log_.info("opened " + r->path);
}

bool App::settle_loading(std::string& error) {
    if (!loader_.settle(std::chrono::seconds(30))) {
        error = "the file " + loader_.path() + " was still being read after 30 s";
        return false;
    }
    take_loaded();
    return true;
}

std::vector<fs::path> App::board_files() const {
    if (!media_) return {};
    return media_->snapshot()->files;
}

std::vector<std::string> App::export_places() const {
    // The user's documents folder (subfolder Netwerkkaart) and every mounted USB stick,
    // which is how maps travel to the school's own files.
    std::vector<std::string> out;
    const char* docs = std::getenv("XDG_DOCUMENTS_DIR");
    const char* home = std::getenv("HOME");
    if (docs && *docs) out.push_back(std::string(docs) + "/Netwerkkaart");
    else if (home && *home) out.push_back(std::string(home) + "/Documents/Netwerkkaart");
    if (media_)
        for (const fs::path& stick : media_->snapshot()->sticks) out.push_back((stick / "Netwerkkaart").string());
    return out;
}

void App::ask_for_facilitator() { show_message(strings_.get("kiosk.how_to_exit"), false); }

void App::start_new_board(bool erase_saved) {
    commit_editing();
    autosave_.flush(std::chrono::milliseconds(2000));
    if (erase_saved) {
        // For privacy: the board and every autosave of it leave this machine's disk. The
        // writer is stopped first so nothing it holds is written back afterwards.
        autosave_.erase_all(opt_.data_dir, *session_);
        log_.info("board and autosaves erased by the facilitator");
    } else {
        log_.info("new board started by the facilitator");
    }
    checkpoints_->clear();  // they belong to the map that is gone
    Document doc;
    doc.school = strings_.get("school.default");
    doc.date = today();
    note_menu_.close();
    input_.gestures().disarm_link();
    session_->replace(doc);
    versions_.forget_merges();
    view_ = fitted_, view_follows_ = true;
}

// ---- checkpoints ---------------------------------------------------------------------
void App::checkpoint_phase_change() {
    const Document& d = session_->current();
    if (d.phase == checkpointed_phase_) return;
    // The board as it is when the phase changes, made into bytes on the writer's thread.
    checkpoints_->add(std::string(phase_id(checkpointed_phase_)), wall_clock_ms(),
                      [doc = d] { return serialize_board(doc); });
    checkpointed_phase_ = d.phase;
}

void App::open_checkpoint(const Checkpoint& c) {
    commit_editing();
    // The current board is on disk first (the autosave keeps it as the one before).
    autosave_.flush(std::chrono::milliseconds(2000));
    if (!checkpoints_->flush(std::chrono::milliseconds(2000))) log_.error("checkpoint still being written");
    std::string err;
    const std::string path = checkpoints_->path(c);
    if (!open_board(path, err)) {
        show_message(err, true);
        log_.error("could not open checkpoint " + path);
        return;
    }
    checkpointed_phase_ = session_->current().phase;  // opening one makes no new one
    note_menu_.close();
    input_.gestures().disarm_link();
    view_ = fitted_, view_follows_ = true;
    log_.info("opened checkpoint " + path);
    show_message(strings_.format("checkpoint.opened", {checkpoint_label(strings_, c)}), false);
}

// ---- versions ------------------------------------------------------------------------
void App::versions_chose(const VersionsPanel::Choice& c) {
    if (c.show) show_version(c.viewing, c.comparing);
    if (!c.merge.empty()) open_later(c.merge, BoardLoader::Purpose::Merge);
}

void App::show_version(int viewing, int comparing) {
    const int n = int(session_->current().versions.size());
    if (viewing < 0 || viewing > n) viewing = 0;
    if (comparing < 0 || comparing > n) comparing = 0;
    if (session_->current().phase == Phase::Brainstorm) viewing = comparing = 0;  // see draw_versions_list
    if (viewing == versions_.viewing() && comparing == versions_.comparing()) return;
    commit_editing();
    note_menu_.close();
    input_.gestures().disarm_link();
    pens_.put_back();
    versions_.set_shown(viewing, comparing);
    presenter_.texts_changed();  // the board's cached picture shows another board now
    relayout();
    view_ = fitted_, view_follows_ = true;
}

bool App::apply_merge(const std::string& path, BoardLoader::Parsed parsed) {
    const std::string name = fs::path(path).filename().string();
    if (auto* err = std::get_if<LoadError>(&parsed)) {
        show_message(load_error_text(strings_, *err, path) + "\n" + strings_.get("merge.kept"), true);
        log_.error("could not merge " + path + ": " + err->detail);
        return false;
    }
    LoadedBoard& lb = std::get<LoadedBoard>(parsed);
    for (const std::string& c : lb.repairs.changes) log_.info("repaired " + path + " (merged): " + c);
    commit_editing();
    const Document before = session_->current();
    MergeReport report;
    (void)merge_boards(before, lb.doc, &report);  // the reducer does the same; this is for the message
    if (!session_->dispatch(act::MergeBoard{std::move(lb.doc), name})) {
        if (session_->has_refusal()) say_refusal();  // a limit, not "nothing new"
        else show_message(strings_.format("merge.empty", {name}), true);
        return false;
    }
    versions_.merged(before, session_->current());
    log_.info("merged " + path + ": " + std::to_string(report.partners_added) + " post-its");
    // Which partners both groups named, by name: those are what the team stacks next.
    std::string shared;
    for (size_t i = 0; i < report.same_partner.size(); ++i) {
        if (i == 4) {
            shared += ", \xE2\x80\xA6";  // …
            break;
        }
        if (const Partner* p = before.partner(report.same_partner[i].first)) shared += (i ? ", '" : "'") + p->text + "'";
    }
    const std::string added = std::to_string(report.partners_added);
    show_message(shared.empty() ? strings_.format("merge.done", {name, added})
                                : strings_.format("merge.done_shared", {name, added, shared}),
                 true);
    return true;
}

}  // namespace nk::app
