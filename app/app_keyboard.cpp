// Keyboard 0 (core/interaction/field_keyboard.hpp) in the App: it opens when a text field
// takes the focus (TextFields tells us) or a post-it is typed, faces the person who
// tapped, types into the document, and closes with its done key, enter in a one-line
// field, a tap elsewhere, or when its field is gone.
// Sections: opening · while it is open · closing · physical keys and taps
#include <imgui.h>

#include <cmath>

#include "app.hpp"
#include "field_keyboard_renderer.hpp"
#include "geometry.hpp"
#include "limits.hpp"
#include "station_renderer.hpp"

namespace nk::app {
namespace {
kb::Rect to_kb(const Rect& r) { return {r.min.x, r.min.y, r.max.x - r.min.x, r.max.y - r.min.y}; }

bool overlaps(const kb::Rect& a, const kb::Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

kb::Layout keys_of(const Options& o) { return o.keys == "qwerty" ? kb::Layout::Qwerty : kb::Layout::Azerty; }

// The panels of the last frame, for keyboard 0 to keep clear of where it can (not itself).
std::vector<kb::Rect> panels_to_avoid(const UiTargets& t) {
    std::vector<kb::Rect> out;
    for (const UiTargets::Panel& p : t.panels())
        if (p.id != "keyboard.0") out.push_back(to_kb(p.rect));
    return out;
}
}  // namespace

// ---- opening -------------------------------------------------------------------------
void App::open_field_keyboard(const std::string& id, const Rect& r, const std::string& text, bool multiline) {
    if (editor_.active()) commit_editing();  // the post-it being typed is finished first
    else if (field_kb_.is_open() && field_kb_.field() != id) fields_.sync_focused();
    const kb::EdgeFrame f = place_field_keyboard(to_kb(r), last_down_, {double(width_), double(height_)}, k_,
                                                 brainstorm_.stations().layout(), panels_to_avoid(targets_));
    field_kb_.open(id, text, multiline, limits::kNoteText, keys_of(opt_), f);
}

void App::open_note_keyboard(const NoteEdit& at, const std::string& text) {
    if (field_kb_.is_open() && field_kb_.field() != kNoteField) fields_.sync_focused();
    const Vec2 c = view_.to_screen(at.pos);
    const double half = std::max(geo::kNoteW, geo::kNoteH) / 2 * view_.scale;
    const kb::Rect note{c.x - half, c.y - half, 2 * half, 2 * half};
    const kb::EdgeFrame f = place_field_keyboard(note, last_down_, {double(width_), double(height_)}, k_,
                                                 brainstorm_.stations().layout(), panels_to_avoid(targets_));
    field_kb_.open(kNoteField, text, false, kb::kMaxChars, keys_of(opt_), f);  // as a station's
}

// ---- while it is open ----------------------------------------------------------------
std::optional<kb::Rect> App::focused_rect() const {
    if (!field_kb_.is_open()) return std::nullopt;
    if (field_kb_.field() == kNoteField) {
        const auto e = editor_.live(clock_ms_);
        if (!e) return std::nullopt;
        const Vec2 c = view_.to_screen(e->pos);
        const double half = std::max(geo::kNoteW, geo::kNoteH) / 2 * view_.scale;
        return kb::Rect{c.x - half, c.y - half, 2 * half, 2 * half};
    }
    if (const Rect* r = targets_.find(field_kb_.field())) return to_kb(*r);
    return std::nullopt;
}

void App::field_drawn(const std::string& id, const Rect& r) {
    if (!field_kb_.is_open() || field_kb_.field() != id || field_kb_.touched()) return;
    // The field moved under the keyboard (its panel grew), or the window changed: step aside.
    const kb::EdgeFrame& now = field_kb_.frame();
    const bool resized = now.screen_size.x != width_ || now.screen_size.y != height_;
    if (!resized && !overlaps(field_kb_.bounds(), to_kb(r))) return;
    field_kb_.set_frame(place_field_keyboard(to_kb(r), now.to_screen({kb::kWidth / 2, kb::kHeight}),
                                             {double(width_), double(height_)}, k_, brainstorm_.stations().layout(),
                                             panels_to_avoid(targets_)));
}

void App::keyboard_frame_end() {
    if (!field_kb_.is_open()) return;
    if (field_kb_.field() == kNoteField) {
        if (!editor_.active()) field_kb_.close();
        return;
    }
    // Its field was not drawn this frame (its panel closed, the phase changed): typing ends.
    if (!targets_.built_drawn(field_kb_.field())) close_field_keyboard();
}

void App::keyboard_draw(ImDrawList* dl) {
    if (!field_kb_.is_open() || messages_.modal() || facilitator_.open()) return;
    draw_field_keyboard(dl, fonts_, field_kb_, strings_, clock_ms_);
    const kb::Rect b = field_kb_.bounds();
    const Rect box{ImVec2(float(b.x), float(b.y)), ImVec2(float(b.x + b.w), float(b.y + b.h))};
    targets_.panel("keyboard.0", box, PanelLayer::Front);
    double narrowest = 1e9;  // the narrowest letter key, along the keyboard's own rows
    for (const kb::Key& k : field_kb_.keyboard().keys())
        if (k.kind == kb::KeyKind::Char) narrowest = std::min(narrowest, k.rect.w);
    targets_.keyboard(0, box, float(narrowest * field_kb_.frame().scale));
}

// ---- closing -------------------------------------------------------------------------
void App::close_field_keyboard() {
    if (!field_kb_.is_open()) return;
    if (field_kb_.field() == kNoteField) {
        commit_editing();  // takes keyboard 0's text and closes it
        return;
    }
    fields_.sync_focused();
    field_kb_.close();
}

void App::keyboard_finished(kb::Finish f) {
    if (f != kb::Finish::None) close_field_keyboard();
}

// ---- physical keys and taps ------------------------------------------------------------
bool App::keyboard_key(const SDL_KeyboardEvent& k) {
    if (!field_kb_.is_open()) return false;
    const SDL_Keycode sym = k.keysym.sym;
    kb::Keyboard& kbd = field_kb_.keyboard();
    if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) {
        if (kbd.multiline()) kbd.insert_text("\n");
        else keyboard_finished(kb::Finish::Enter);
    } else if (sym == SDLK_ESCAPE) {
        if (field_kb_.field() == kNoteField) editor_.cancel(), field_kb_.close();
        else close_field_keyboard();
    } else if (sym == SDLK_BACKSPACE) {
        kbd.erase_back();
    } else if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) {
        ask_for_facilitator();
    }
    return true;  // while typing, no other key acts (no undo under the fingers' text)
}

void App::keyboard_pointer_down(PointerKey key, Vec2 p) {
    if (input_.owner(key) == PointerOwner::Keyboard) return;
    last_down_ = p;
    taps_[key] = {p, clock_ms_, field_kb_.is_open() ? field_kb_.serial() : 0};
}

void App::keyboard_pointer_up(PointerKey key, Vec2 p) {
    const auto it = taps_.find(key);
    if (it == taps_.end()) return;
    const TapStart start = it->second;
    taps_.erase(it);
    // A tap (short, still) that began while this keyboard was open, not on its field.
    if (!field_kb_.is_open() || start.serial != field_kb_.serial()) return;
    const double moved = std::hypot(p.x - start.at.x, p.y - start.at.y);
    if (!std::isfinite(moved) || moved > 24 * k_ || clock_ms_ - start.t_ms > 600) return;
    if (const auto r = focused_rect(); r && r->contains(start.at)) return;
    close_field_keyboard();
}

}  // namespace nk::app
