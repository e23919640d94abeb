// The App's input: SDL events translated, pointers handed to the input router
// (core/interaction/pointer_router.hpp) and what it returns served, keys.
// Sections: events · pointers · gestures' effects · keys
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>

#include "app.hpp"
#include "station_renderer.hpp"

namespace nk::app {
namespace {
constexpr PointerKey kMouseKey{kMouseTouch, 0};
}  // namespace

// ---- events --------------------------------------------------------------------------
void App::handle_event(const SDL_Event& e) {
    // Typing right after a control asked a field for the focus: the field takes the focus
    // over the next frame or two; keep the keys until it has it, so no letter is lost.
    if (!editor_.active() && !field_kb_.is_open() && fields_.hold(e)) return;
    const float fw = float(width_), fh = float(height_);
    switch (e.type) {
        case SDL_QUIT: ask_for_facilitator(); break;  // Alt+F4, the window's close button
        case SDL_DROPFILE: {
            // A board file or a map image dropped on the window opens it (read in the
            // background while "opening…" shows).
            if (e.drop.file) {
                open_later(e.drop.file, BoardLoader::Purpose::Open);
                SDL_free(e.drop.file);
            }
            break;
        }
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                route(input_.end_all(route_context(), clock_ms_));
                mouse_filter_.reset_fingers(clock_ms_);
                panel_pointer_.reset();
            }
            // The window's pixels may have been lost or hidden: draw the next frame.
            if (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SHOWN ||
                e.window.event == SDL_WINDOWEVENT_RESTORED)
                presenter_.expose();
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                width_ = platform_.width();
                height_ = platform_.height();
                relayout();
                view_ = fitted_, view_follows_ = true;
            }
            break;
        case SDL_FINGERDOWN: {
            const PointerKey key{int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)};
            mouse_filter_.finger_down(key, clock_ms_);
            pointer_down(key, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            break;
        }
        case SDL_FINGERMOTION:
            pointer_move({int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)}, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            break;
        case SDL_FINGERUP: {
            const PointerKey key{int64_t(e.tfinger.touchId), int64_t(e.tfinger.fingerId)};
            pointer_up(key, ImVec2(e.tfinger.x * fw, e.tfinger.y * fh));
            mouse_filter_.finger_up(key, clock_ms_);
            break;
        }
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!mouse_filter_.accept_mouse_button(e.button.button, true, clock_ms_)) break;
            pointer_down(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)));
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
            if (!mouse_filter_.accept_mouse_button(e.button.button, false, clock_ms_)) break;
            pointer_up(kMouseKey, ImVec2(float(e.button.x), float(e.button.y)));
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) break;
            if (input_.owns(kMouseKey)) pointer_move(kMouseKey, ImVec2(float(e.motion.x), float(e.motion.y)));
            else if (!panel_pointer_.active() && mouse_filter_.accept_mouse_motion(clock_ms_))
                panel_pointer_.hover(ImVec2(float(e.motion.x), float(e.motion.y)));
            break;
        case SDL_MOUSEWHEEL: {
            if (e.wheel.which == SDL_TOUCH_MOUSEID) break;
            int mx = 0, my = 0;
            SDL_GetMouseState(&mx, &my);
            ImVec2 at = panel_pointer_.pos().x > -1e8f ? panel_pointer_.pos() : ImVec2(float(mx), float(my));
            if (targets_.on_panel(at)) break;
            view_follows_ = false;
            view_ = zoom_about(view_, {at.x, at.y}, std::pow(1.15, e.wheel.preciseY != 0 ? e.wheel.preciseY : e.wheel.y), fitted_);
            break;
        }
        case SDL_TEXTINPUT:
            if (field_kb_.is_open()) {
                field_kb_.keyboard().insert_text(e.text.text);  // a physical keyboard types into keyboard 0
            } else if (editor_.active()) {
                editor_.type(e.text.text, clock_ms_);
            } else {
                ImGui_ImplSDL2_ProcessEvent(&e);
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            if (e.type == SDL_KEYDOWN && keyboard_key(e.key)) break;
            if (e.type == SDL_KEYDOWN) handle_key(e.key);
            if (editor_.active() && e.type == SDL_KEYDOWN) break;
            ImGui_ImplSDL2_ProcessEvent(&e);
            // ImGui's backend reads modifiers from SDL's keyboard state; take them from the
            // event, so scripted and real keys behave the same.
            ImGuiIO& kio = ImGui::GetIO();
            const Uint16 mod = e.key.keysym.mod;
            kio.KeyCtrl = (mod & KMOD_CTRL) != 0;
            kio.KeyShift = (mod & KMOD_SHIFT) != 0;
            kio.KeyAlt = (mod & KMOD_ALT) != 0;
            break;
        }
        default: break;
    }
}

// ---- pointers ------------------------------------------------------------------------
// Every pointer goes to the input router (core/interaction/pointer_router.hpp), which gives it, once,
// to one owner; the app serves what it returns.
RouteContext App::route_context() {
    return {&session_->current(), view_,      fitted_, {double(width_), double(height_)}, &brainstorm_.stations(),
            station_text_width(fonts_), &field_kb_};
}

void App::pointer_down(PointerKey key, ImVec2 p) {
    const Document& doc = session_->current();
    const bool modal = messages_.modal();
    Landing at;
    // A writer's station is drawn above everything, but not above a dialog.
    at.stations = doc.phase == Phase::Brainstorm && !version_shown() && !modal && !facilitator_.open() &&
                  !brainstorm_.asking();
    at.on_panel = targets_.on_panel(p);
    // While a dialog waits for an answer, every touch goes to the dialog, never the board.
    at.dialog = modal || facilitator_.open();
    at.board_editable = board_editable();  // phases 0, 1 and 5 show the map without changing it
    at.pen = doc.phase == Phase::Prioriteiten ? pens_.armed() : 0;
    at.field_keyboard = field_kb_.is_open();  // drawn above all but a dialog (at.dialog)
    route(input_.down(key, {p.x, p.y}, clock_ms_, at, route_context()));
    keyboard_pointer_down(key, {p.x, p.y});
}

void App::pointer_move(PointerKey key, ImVec2 p) { route(input_.move(key, {p.x, p.y}, clock_ms_, route_context())); }

void App::pointer_up(PointerKey key, ImVec2 p) {
    keyboard_pointer_up(key, {p.x, p.y});  // a tap elsewhere closes keyboard 0
    route(input_.up(key, {p.x, p.y}, clock_ms_, route_context()));
}

void App::route(const Routed& r) {
    if (r.panel) {
        const ImVec2 at(float(r.panel->screen.x), float(r.panel->screen.y));
        switch (r.panel->type) {
            case PanelPointerEvent::Type::Down: panel_pointer_.press(r.panel->key, at, frame_no_); break;
            case PanelPointerEvent::Type::Move: panel_pointer_.move(at); break;
            case PanelPointerEvent::Type::Up:
                if (panel_pointer_.release(at, frame_no_)) fields_.hold_keys_for(2);
                break;
        }
    }
    apply(r.board);
    if (r.pen) pens_.stroke_ended(*r.pen, session_->current(), strings_, *this);
    keyboard_finished(r.keyboard);  // enter or done on keyboard 0
}

// ---- gestures' effects ----------------------------------------------------------------
void App::apply(const Effects& fx) {
    for (const Action& a : fx.actions) session_->dispatch(a);
    if (fx.view && !(*fx.view == view_)) view_ = *fx.view, view_follows_ = false;  // fingers zoomed or panned
    for (const Request& r : fx.requests) {
        switch (r.kind) {
            case Request::Kind::CreateNoteAt: {
                commit_editing();
                // In the brainstorm a long-press near an edge opens a writer's station there.
                if (const auto at = station_for_long_press(session_->current().phase, r.screen,
                                                           {double(width_), double(height_)}, 160 * k_))
                    open_station(at->side, at->along);
                else  // on a wall everything faces the bottom edge; on a table, the finger's edge
                    edit_note({0, r.pos, brainstorm_.stations().layout() == StationLayout::Wall ? 0.0 : r.rotation}, {});
                break;
            }
            case Request::Kind::DoubleTapNote:
                commit_editing();
                // The brush on: every tap sorts, a quick second one too (no text editing).
                if (const auto kind = kinds_.brush()) {
                    session_->dispatch(act::SetCategory{r.partner, *kind});
                    break;
                }
                if (const Partner* p = session_->current().partner(r.partner))
                    edit_note({p->id, {p->x, p->y}, p->rotation}, p->text);
                break;
            case Request::Kind::TapLink:
                commit_editing();
                note_menu_.select_line(r.link);
                break;
            case Request::Kind::OpenMenu:
                commit_editing();
                note_menu_.open(r.partner);
                break;
            case Request::Kind::TapNote:
                commit_editing();
                note_menu_.close();
                if (const auto kind = kinds_.brush(); kind && !r.linked) {
                    session_->dispatch(act::SetCategory{r.partner, *kind});  // one undo step per tap
                    break;
                }
                // A tap that ended a tap-to-connect line made the link (in the gestures).
                if (const Id deck = card_deck_for_tap(session_->current().phase, r)) cards_.open(deck);
                break;
            case Request::Kind::TapBoard:
                commit_editing();
                note_menu_.close();
                break;
        }
    }
}

// ---- keys ----------------------------------------------------------------------------
void App::handle_key(const SDL_KeyboardEvent& k) {
    const SDL_Keycode sym = k.keysym.sym;
    const bool ctrl = (k.keysym.mod & KMOD_CTRL) != 0;
    if (editor_.active()) {
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) commit_editing();
        else if (sym == SDLK_ESCAPE) editor_.cancel();
        else if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) ask_for_facilitator();
        else if (sym == SDLK_BACKSPACE) editor_.backspace(clock_ms_);
        return;
    }
    if (sym == SDLK_ESCAPE) {
        if (note_menu_.open_any() || input_.gestures().armed_link()) {
            note_menu_.close();
            input_.gestures().disarm_link();
        }
        else if (facilitator_.open()) facilitator_.close();
        else ask_for_facilitator();
        return;
    }
    if (sym == SDLK_F4 && (k.keysym.mod & KMOD_ALT)) return ask_for_facilitator();
    if (ImGui::GetIO().WantTextInput) return;
    // A saved version is only looked at: the keys that would change the map behind it
    // (undo, redo, delete a line) do nothing, as the hidden undo button would.
    if (version_shown()) return;
    if (ctrl && sym == SDLK_z) (k.keysym.mod & KMOD_SHIFT) ? session_->redo() : session_->undo();
    else if (ctrl && sym == SDLK_y) session_->redo();
    else if (sym == SDLK_DELETE && note_menu_.selected_line()) {
        session_->dispatch(act::RemoveLink{note_menu_.selected_line()});
        note_menu_.close();
    }
}

}  // namespace nk::app
