#include "replay_player.hpp"

#include <cmath>
#include <cstring>

#include "app.hpp"
#include "handles.hpp"
#include "keyboard.hpp"
#include "stations.hpp"

namespace nk::app {
namespace {
constexpr SDL_TouchID kReplayTouch = 1;  // the replay's own touch device
using Op = replay::Command::Op;

bool low_level(Op op) {
    return op == Op::FingerDown || op == Op::FingerMove || op == Op::FingerUp || op == Op::MouseDown ||
           op == Op::MouseMove || op == Op::MouseUp || op == Op::Text || op == Op::Wheel;
}

SDL_Event finger(Uint32 type, int id, float x, float y, Uint32 window, float w, float h) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = kReplayTouch;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / w;
    e.tfinger.y = y / h;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    e.tfinger.windowID = window;
    return e;
}

SDL_Event mouse_button(Uint32 type, float x, float y, Uint32 window) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = int(std::lround(x));
    e.button.y = int(std::lround(y));
    e.button.windowID = window;
    return e;
}

SDL_Event mouse_motion(float x, float y, bool down, Uint32 window) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = int(std::lround(x));
    e.motion.y = int(std::lround(y));
    e.motion.state = down ? SDL_BUTTON_LMASK : 0;
    e.motion.windowID = window;
    return e;
}

// A target is on screen when its point lies inside the window.
bool on_screen(Vec2 s, const App& app) { return s.x >= 0 && s.y >= 0 && s.x < app.width() && s.y < app.height(); }
}  // namespace

ReplayPlayer::ReplayPlayer(replay::Script script) : script_(std::move(script)) {
    finished_ = script_.commands.empty();
}

void ReplayPlayer::fail(const replay::Command& c, const std::string& message) {
    if (error_.empty()) error_ = script_.file + ":" + std::to_string(c.line) + ": " + message;
    finished_ = true;
}

std::optional<Vec2> ReplayPlayer::locate(App& app, const replay::Target& t, std::string* why) const {
    const Document& d = app.document();
    auto note_by_text = [&](const std::string& text) -> const Partner* {
        const Partner* best = nullptr;
        for (const Partner& n : d.partners)
            if (n.face_up && n.text == text && (!best || n.id < best->id)) best = &n;
        return best;
    };
    auto missing = [&](const std::string& message) -> std::optional<Vec2> {
        if (why) *why = message;
        return std::nullopt;
    };
    Vec2 s{-1, -1};
    switch (t.kind) {
        case replay::Target::Kind::Ui: {
            if (const Rect* r = app.targets().find(t.a)) {
                s = {r->centre().x, r->centre().y};
            } else if (auto sc = app.stations().control_centre(t.a, d)) {
                s = *sc;  // a station's own button (station.N.close, station.N.participant.<id>, ...)
            } else {
                return missing(replay::format_target(t) + " is not on screen");
            }
            break;
        }
        case replay::Target::Kind::School: s = app.view().to_screen({0, 0}); break;
        case replay::Target::Kind::Note: {
            const Partner* n = note_by_text(t.a);
            if (!n) return missing("there is no post-it " + replay::format_target(t));
            s = app.view().to_screen({n->x, n->y});
            break;
        }
        case replay::Target::Kind::LinkHandle: {
            const Partner* n = note_by_text(t.a);
            if (!n) return missing("there is no post-it for " + replay::format_target(t));
            s = app.view().to_screen(link_handle_board(*n));
            break;
        }
        case replay::Target::Kind::Line: {
            const Partner* a = note_by_text(t.a);
            const Partner* b = note_by_text(t.b);
            if (!a || !b) return missing("there is no post-it for " + replay::format_target(t));
            s = app.view().to_screen({(a->x + b->x) / 2, (a->y + b->y) / 2});
            break;
        }
        case replay::Target::Kind::Key: {
            if (t.station == 0 && !app.field_keyboard().is_open())
                return missing(replay::format_target(t) + " is not on screen: no text field has the focus");
            auto kc = t.station == 0 ? app.field_keyboard().key_centre(t.a) : app.stations().key_centre(t.station, t.a);
            if (!kc) return missing(replay::format_target(t) + " is not on screen");
            s = *kc;
            break;
        }
    }
    if (!on_screen(s, app)) return missing(replay::format_target(t) + " is not on screen");
    return s;
}

bool ReplayPlayer::resolve(App& app, const replay::Command& c, const replay::Pos& p, float& x, float& y) {
    const float w = float(app.width()), h = float(app.height());
    if (!p.is_target) {
        x = float(p.x) * w;
        y = float(p.y) * h;
        return true;
    }
    std::string why;
    const std::optional<Vec2> s = locate(app, p.target, &why);
    if (!s) return fail(c, why), false;
    x = float(s->x + p.dx * w);
    y = float(s->y + p.dy * h);
    return true;
}

bool ReplayPlayer::expand(App& app, const replay::Command& c, Frame& now) {
    const Uint32 win = SDL_GetWindowID(app.window());
    const float w = float(app.width()), h = float(app.height());
    float x = 0, y = 0, x2 = 0, y2 = 0;
    switch (c.op) {
        case Op::FingerDown:
        case Op::FingerMove:
        case Op::FingerUp: {
            if (!resolve(app, c, c.pos, x, y)) return false;
            const Uint32 type = c.op == Op::FingerDown ? SDL_FINGERDOWN : c.op == Op::FingerMove ? SDL_FINGERMOTION : SDL_FINGERUP;
            now.push_back(finger(type, c.finger, x, y, win, w, h));
            return true;
        }
        case Op::MouseDown:
        case Op::MouseMove:
        case Op::MouseUp:
            if (!resolve(app, c, c.pos, x, y)) return false;
            if (c.op == Op::MouseDown) {
                now.push_back(mouse_motion(x, y, false, win));
                now.push_back(mouse_button(SDL_MOUSEBUTTONDOWN, x, y, win));
                mouse_down_ = true;
            } else if (c.op == Op::MouseUp) {
                now.push_back(mouse_button(SDL_MOUSEBUTTONUP, x, y, win));
                mouse_down_ = false;
            } else {
                now.push_back(mouse_motion(x, y, mouse_down_, win));
            }
            return true;
        case Op::Wheel: {
            if (c.has_pos) {
                if (!resolve(app, c, c.pos, x, y)) return false;
                now.push_back(mouse_motion(x, y, mouse_down_, win));
            }
            SDL_Event e{};
            e.type = SDL_MOUSEWHEEL;
            e.wheel.y = c.number;
            e.wheel.preciseY = float(c.number);
            e.wheel.windowID = win;
            now.push_back(e);
            return true;
        }
        case Op::Text:
            for (const std::string& chunk : replay::split_text_input(c.text)) {
                SDL_Event e{};
                e.type = SDL_TEXTINPUT;
                e.text.windowID = win;
                std::memcpy(e.text.text, chunk.data(), chunk.size());
                now.push_back(e);
            }
            return true;
        case Op::Key: {
            const SDL_Keycode key = SDL_GetKeyFromName(c.text.c_str());
            if (key == SDLK_UNKNOWN) return fail(c, "unknown key name '" + c.text + "'"), false;
            SDL_Event e{};
            e.type = SDL_KEYDOWN;
            e.key.windowID = win;
            e.key.state = SDL_PRESSED;
            e.key.keysym.sym = key;
            e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
            e.key.keysym.mod = Uint16((c.ctrl ? KMOD_LCTRL : 0) | (c.alt ? KMOD_LALT : 0) | (c.shift ? KMOD_LSHIFT : 0));
            now.push_back(e);
            e.type = SDL_KEYUP;
            e.key.state = SDL_RELEASED;
            e.key.keysym.mod = KMOD_NONE;  // the whole chord is let go
            queued_.push_back({{e}, {}});
            return true;
        }
        case Op::Tap:
        case Op::LongPress: {
            if (!resolve(app, c, c.pos, x, y)) return false;
            const int hold = c.op == Op::LongPress ? replay::frames_for_wait(800) : 0;
            Frame up;
            if (c.finger < 0) {
                now.push_back(mouse_motion(x, y, false, win));
                now.push_back(mouse_button(SDL_MOUSEBUTTONDOWN, x, y, win));
                up.push_back(mouse_button(SDL_MOUSEBUTTONUP, x, y, win));
            } else {
                now.push_back(finger(SDL_FINGERDOWN, c.finger, x, y, win, w, h));
                up.push_back(finger(SDL_FINGERUP, c.finger, x, y, win, w, h));
            }
            for (int i = 0; i < hold; ++i) queued_.emplace_back();
            queued_.push_back({std::move(up), {}});
            // A control acts on release; give it a frame to do so (focus a field, open a
            // panel) before the next line types or taps, as a person's pause would. So does
            // keyboard 0 (done and enter close it, and what it covered is reachable again).
            if (c.pos.is_target && (c.pos.target.kind == replay::Target::Kind::Ui ||
                                    (c.pos.target.kind == replay::Target::Kind::Key && c.pos.target.station == 0)))
                queued_.emplace_back();
            return true;
        }
        case Op::Drag: {
            if (!resolve(app, c, c.pos, x, y) || !resolve(app, c, c.pos2, x2, y2)) return false;
            const int steps = std::max(1, c.number);
            const bool m = c.finger < 0;
            if (m) {
                now.push_back(mouse_motion(x, y, false, win));
                now.push_back(mouse_button(SDL_MOUSEBUTTONDOWN, x, y, win));
            } else {
                now.push_back(finger(SDL_FINGERDOWN, c.finger, x, y, win, w, h));
            }
            for (int i = 1; i <= steps; ++i) {
                const float t = float(i) / float(steps);
                const float px = x + (x2 - x) * t, py = y + (y2 - y) * t;
                queued_.push_back({{m ? mouse_motion(px, py, true, win) : finger(SDL_FINGERMOTION, c.finger, px, py, win, w, h)}, {}});
            }
            queued_.push_back({{m ? mouse_button(SDL_MOUSEBUTTONUP, x2, y2, win) : finger(SDL_FINGERUP, c.finger, x2, y2, win, w, h)}, {}});
            return true;
        }
        case Op::Type: return expand_type(app, c, now);
        default: return true;
    }
}

namespace {
// Keyboard N's keys and accent choices on screen now: 0 is the focused field's keyboard,
// 1..99 the writers' stations.
std::optional<Vec2> keyboard_key_centre(const App& a, int n, const std::string& name) {
    return n == 0 ? a.field_keyboard().key_centre(name) : a.stations().key_centre(n, name);
}
std::optional<Vec2> keyboard_choice_centre(const App& a, int n, int choice) {
    const kb::Keyboard* k = nullptr;
    if (n == 0) k = a.field_keyboard().is_open() ? &a.field_keyboard().keyboard() : nullptr;
    else if (const Station* s = a.stations().find(n)) k = &s->keyboard;
    if (!k || !k->popup() || choice >= int(k->popup()->rects.size())) return std::nullopt;
    const Vec2 local = k->popup()->rects[size_t(choice)].centre();
    if (n == 0) return a.field_keyboard().to_screen(local);
    return a.stations().find(n)->keyboard_to_screen(local);
}
}  // namespace

bool ReplayPlayer::expand_type(App& app, const replay::Command& c, Frame& now) {
    const kb::Keyboard* keys = nullptr;
    if (c.number == 0) {
        if (!app.field_keyboard().is_open())
            return fail(c, "keyboard 0 is not open: no text field has the focus (tap one first)"), false;
        keys = &app.field_keyboard().keyboard();
    } else {
        const Station* st = app.stations().find(c.number);
        if (!st || st->state != Station::State::Typing)
            return fail(c, "there is no open keyboard at station " + std::to_string(c.number)), false;
        keys = &st->keyboard;
    }
    std::string missing;
    const auto plan = keys->plan_typing(c.text, &missing);
    const std::string whose = c.number == 0 ? "keyboard 0" : "station " + std::to_string(c.number) + "'s keyboard";
    if (!plan) return fail(c, whose + " has no key for '" + missing + "'"), false;
    const int station = c.number;
    const int finger_id = 900 + station;  // the writer's own finger, separate from any in the script
    const int line = c.line;
    // Each stroke: down on the key, (for an accent: hold, slide to the choice,) up.
    bool first = true;
    for (const kb::KeyStroke& ks : *plan) {
        const std::string name = ks.name;
        const int choice = ks.choice;
        auto key_pos = [this, station, name, line](App& a, float& x, float& y) {
            auto kc = keyboard_key_centre(a, station, name);
            if (!kc) {
                replay::Command at;
                at.line = line;
                fail(at, "key '" + name + "' of " + (station == 0 ? std::string("keyboard 0") : "station " + std::to_string(station)) +
                             " is not on screen");
                return false;
            }
            x = float(kc->x), y = float(kc->y);
            return true;
        };
        Queued down{{}, [key_pos, finger_id](App& a, Frame& f) {
                        float x, y;
                        if (!key_pos(a, x, y)) return false;
                        f.push_back(finger(SDL_FINGERDOWN, finger_id, x, y, SDL_GetWindowID(a.window()), float(a.width()),
                                           float(a.height())));
                        return true;
                    }};
        if (first) {
            // The first press goes down in this frame.
            if (!down.make(app, now)) return false;
            first = false;
        } else {
            queued_.push_back(std::move(down));
        }
        if (choice >= 0) {
            for (int i = 0; i < replay::frames_for_wait(int(kb::kLongPressMs)) + 1; ++i) queued_.emplace_back();
            // Slide to the chosen accent, known only once its popup is open.
            auto choice_pos = [this, station, choice, line](App& a, float& x, float& y) {
                const auto p = keyboard_choice_centre(a, station, choice);
                if (!p) {
                    replay::Command at;
                    at.line = line;
                    fail(at, "the accent choices of keyboard " + std::to_string(station) + " did not open");
                    return false;
                }
                x = float(p->x), y = float(p->y);
                return true;
            };
            queued_.push_back({{}, [choice_pos, finger_id](App& a, Frame& f) {
                                   float x, y;
                                   if (!choice_pos(a, x, y)) return false;
                                   f.push_back(finger(SDL_FINGERMOTION, finger_id, x, y, SDL_GetWindowID(a.window()),
                                                      float(a.width()), float(a.height())));
                                   return true;
                               }});
            queued_.push_back({{}, [choice_pos, finger_id](App& a, Frame& f) {
                                   float x, y;
                                   if (!choice_pos(a, x, y)) return false;
                                   f.push_back(finger(SDL_FINGERUP, finger_id, x, y, SDL_GetWindowID(a.window()),
                                                      float(a.width()), float(a.height())));
                                   return true;
                               }});
        } else {
            queued_.push_back({{}, [key_pos, finger_id](App& a, Frame& f) {
                                   float x, y;
                                   if (!key_pos(a, x, y)) return false;
                                   f.push_back(finger(SDL_FINGERUP, finger_id, x, y, SDL_GetWindowID(a.window()),
                                                      float(a.width()), float(a.height())));
                                   return true;
                               }});
        }
    }
    return true;
}

namespace {
// Commands that take no frame of their own: they act on the last frame drawn.
bool frameless(Op op) {
    return op == Op::Snapshot || op == Op::Save || op == Op::Open || op == Op::Screenshot || op == Op::Layout;
}
}  // namespace

size_t ReplayPlayer::batch_end(size_t i) const {
    const auto& cs = script_.commands;
    if (i >= cs.size() || !low_level(cs[i].op)) return std::min(i + 1, cs.size());
    while (i < cs.size() && low_level(cs[i].op)) ++i;
    return i;
}

std::vector<std::optional<Vec2>> ReplayPlayer::batch_positions(App& app, size_t i) const {
    std::vector<std::optional<Vec2>> out;
    const auto& cs = script_.commands;
    for (size_t k = i, end = batch_end(i); k < end; ++k) {
        for (const replay::Pos* p : {&cs[k].pos, &cs[k].pos2})
            if (p->is_target) out.push_back(locate(app, p->target, nullptr));
    }
    return out;
}

bool ReplayPlayer::batch_settled(App& app, size_t i) const {
    const auto& cs = script_.commands;
    // A control: on screen, and drawn in the same place in the last two frames
    // (UiTargets::settled). One not on screen yet is waited for too (within the same
    // frames): what a background open or merge brings (its message) comes a frame after
    // the tap that asked for it.
    for (size_t k = i, end = batch_end(i); k < end; ++k)
        for (const replay::Pos* p : {&cs[k].pos, &cs[k].pos2})
            if (p->is_target && p->target.kind == replay::Target::Kind::Ui &&
                (!locate(app, p->target, nullptr) || (app.targets().find(p->target.a) && !app.targets().settled(p->target.a))))
                return false;
    // Every target (the map may still be moving after a panel closed): where it is now,
    // after the last frame, is where it was after the frame before.
    return recorded_for_ != i || recorded_ == batch_positions(app, i);
}

void ReplayPlayer::record_next(App& app) {
    size_t i = next_;
    while (i < script_.commands.size() && frameless(script_.commands[i].op)) ++i;
    recorded_for_ = i;
    recorded_ = i < script_.commands.size() ? batch_positions(app, i) : std::vector<std::optional<Vec2>>{};
}

std::vector<std::string> ReplayPlayer::screenshots_due() const {
    // Exactly when the next begin_frame will run commands from next_: the screenshots
    // among the frameless commands there show the frame being finished now.
    std::vector<std::string> out;
    if (finished_ || warmup_ > 0 || !queued_.empty() || idle_frames_ > 0) return out;
    for (size_t i = next_; i < script_.commands.size() && frameless(script_.commands[i].op); ++i)
        if (script_.commands[i].op == Op::Screenshot) out.push_back(script_.commands[i].text);
    return out;
}

void ReplayPlayer::begin_frame(App& app) {
    if (finished_) return;
    step(app);
    if (!finished_) record_next(app);
}

void ReplayPlayer::step(App& app) {
    // ImGui lays out auto-sized panels over their first frames; a script starts once
    // the screen has settled, as a person would.
    if (warmup_ > 0) {
        --warmup_;
        return;
    }
    auto push_all = [](Frame& f) {
        for (SDL_Event& e : f) SDL_PushEvent(&e);
    };
    if (!queued_.empty()) {
        Queued q = std::move(queued_.front());
        queued_.pop_front();
        if (q.make && !q.make(app, q.events)) return;
        push_all(q.events);
        return;
    }
    if (idle_frames_ > 0) {
        --idle_frames_;
        return;
    }
    Frame now;
    bool batch_started = false;
    while (next_ < script_.commands.size()) {
        const replay::Command& c = script_.commands[next_];
        if (!low_level(c.op) && !now.empty()) break;  // a batch of low-level lines ends here
        // Before a batch (or a command) that aims at targets: a few frames for them to
        // settle, all of them at once, never inside a batch.
        if (!batch_started && !frameless(c.op)) {
            if (settle_waits_ < 10 && !batch_settled(app, next_)) {
                ++settle_waits_;
                return;
            }
            settle_waits_ = 0;
        }
        ++next_;
        std::string err;
        switch (c.op) {
            case Op::Frames: idle_frames_ = std::max(0, c.number - 1); break;
            case Op::Wait: idle_frames_ = std::max(0, replay::frames_for_wait(c.number) - 1); break;
            case Op::Snapshot:
                if (!app.write_snapshot(c.text, c.width ? c.width : app.width(), c.height ? c.height : app.height(), err))
                    return fail(c, err);
                continue;
            case Op::Save:
                if (!app.save_board(c.text, err)) return fail(c, err);
                continue;
            case Op::Open:
                if (!app.open_board(c.text, err)) return fail(c, err);
                continue;
            case Op::Screenshot: continue;  // taken at the end of the last frame (screenshots_due)
            case Op::Layout:
                if (!app.write_layout(c.text, err)) return fail(c, err);
                continue;
            case Op::Quit: app.request_quit(); finished_ = true; return;
            default:
                if (!expand(app, c, now)) return;
                if (low_level(c.op)) {
                    batch_started = true;
                    continue;
                }
                break;
        }
        break;  // one higher-level command (or a pause) per frame
    }
    push_all(now);
    if (next_ >= script_.commands.size() && queued_.empty() && idle_frames_ == 0 && now.empty()) finished_ = true;
}

}  // namespace nk::app
