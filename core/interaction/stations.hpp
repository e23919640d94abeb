// Brainstorm stations: a keyboard per writer at the screen's edges (phase 2A).
//
// In the individual brainstorm every participant writes partners on their own post-its
// before the group talks. A station is one writer's place: a header (who writes, the
// tray count, a close button) above a Keyboard (keyboard.hpp), standing at a screen edge
// and facing the person there. Finishing a text (enter) gives an act::AddPartner that is
// face down in the writer's tray; the station stays open for the next post-it.
//
// The rules:
//  * Stations stand in fixed slots, and a station's number is its slot's number: it
//    never changes while the station is open (people say "I am at 3"). At most
//    kMaxStations are open at once.
//  * Wall layout: the slots stand on the bottom edge only, upright, numbered 1, 2, ...
//    from left to right, spread evenly along it; as many as fit side by side
//    kStationGap apart (four at 1920 x 1080 at UI scale 1, and at 3840 x 2160, where the
//    scale is 2). A request for another edge goes to the bottom.
//  * Table layout: one slot in the middle of the left and of the right edge; on the
//    bottom and the top edge as many as fit between those two (two at 1920 x 1080),
//    centred, kStationGap apart. Numbered counterclockwise round the table, each edge
//    left to right as its writers see it: bottom (1-2 at 1080p), right (3), top (4-5:
//    4 is the one further right on screen), left (6). The four corners stay free for
//    the other panels (the facilitator's corner, the toolbar).
//  * open(side, along) takes the free slot on `side` nearest to `along` (the lowest-
//    numbered free one there when `along` is NaN: "somewhere on this edge"). None free
//    there: NoRoom when another edge has a free slot, Full when none has (the caller
//    says so plainly). The layout applies to stations opened after it is set.
//  * set_screen() puts every station back on its slot for the new size and scale; a
//    station whose slot no longer exists (the UI scale grew) keeps its place, clamped to
//    its edge, and is not closed.
//  * reserved(side): while a station stands on an edge, the strip along it that deep
//    belongs to the stations; the app keeps the map and its other panels out of it.
//  * With no team list (no participants in the document) a station writes anonymously
//    (author 0) and opens on its keyboard. With a team list it first asks who writes
//    (ChoosingWriter): one button per participant (station.N.participant.<id>, at most
//    kMaxChoices of them, in document order) and station.N.anonymous. While typing, the
//    header's station.N.writer goes back to that choice (the text in progress stays).
//  * Every station has its own keyboard and text: what one person types never reaches
//    another station. Fingers are captured at down (down() returns true): a finger that
//    landed on a station belongs to it until it lifts, wherever it slides.
//  * A control (close, writer, a participant, anonymous) acts on up, when the finger
//    lifts over the same control it went down on. A key follows Keyboard's rules; the
//    text field places the cursor on down. Closing discards the text in progress.
//  * Tray count: the face-down partners in the document by the station's writer; for an
//    anonymous station, the face-down ones this station wrote (it keeps their ids).
//
// Drawing (the app): for each station, frame.to_screen() of its local rectangle turned by
// frame.rotation(); controls() in the header (or the writer choice); when Typing, the
// keyboard's keys(), text_field() with text() and a caret at cursor(), and popup(), each
// through keyboard_to_screen(). Feed every finger first to down(); tick() each frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actions.hpp"
#include "document.hpp"
#include "gestures.hpp"
#include "keyboard.hpp"

namespace nk {

enum class StationLayout { Wall, Table };

// A station's local frame: x right, y down for its writer, 1080p pixels at scale 1.
// The header is on top (y < kStationHeaderH); the keyboard's local frame starts below it.
inline constexpr double kStationHeaderH = 52;
inline constexpr double kStationButton = 44;  // the header's buttons and the writer choices
inline constexpr double kStationNumberW = 60; // the header's left end shows the station's number
inline constexpr double kStationW = kb::kWidth;                       // 452
inline constexpr double kStationH = kStationHeaderH + kb::kHeight;    // 304
inline constexpr double kStationGap = 8;     // screen pixels between stations (times scale)
inline constexpr int kMaxStations = 10;
inline constexpr int kMaxChoices = 14;       // participant buttons; anonymous is the 15th

struct Station {
    enum class State { ChoosingWriter, Typing };
    int number = 0;
    State state = State::Typing;
    Id writer = 0;                  // 0: anonymous
    kb::EdgeFrame frame;            // where it stands; local_size = (kStationW, kStationH)
    kb::Keyboard keyboard;
    std::vector<Id> anonymous_ids;  // partners this station wrote anonymously
    std::uint64_t serial = 0;       // unique per opening (a reused number is another station)
    StationLayout layout = StationLayout::Wall;  // the slots it was opened in

    Side side() const { return frame.side; }
    // Keyboard frame <-> station frame <-> screen.
    static Vec2 keyboard_to_local(Vec2 kb) { return {kb.x, kb.y + kStationHeaderH}; }
    static Vec2 local_to_keyboard(Vec2 l) { return {l.x, l.y - kStationHeaderH}; }
    Vec2 keyboard_to_screen(Vec2 kb) const { return frame.to_screen(keyboard_to_local(kb)); }
    // Face-down post-its in this writer's tray (see the rules above).
    int tray_count(const Document& doc) const;
};

// A place a station can stand (Stations::slots()).
struct StationSlot {
    int number = 0;
    Side side = Side::Bottom;
    double along = 0;   // screen x (Bottom, Top) or y (Left, Right) of its middle
    friend bool operator==(const StationSlot&, const StationSlot&) = default;
};

// A button of a station's own (not the keyboard's), in the station's local frame.
struct StationControl {
    enum class Kind { Close, Writer, Participant, Anonymous };
    Kind kind = Kind::Close;
    std::string id;         // station.N.close | station.N.writer | station.N.participant.<id> | station.N.anonymous
    kb::Rect rect;
    Id participant = 0;     // Participant: who; Writer: the current writer (0: anonymous)
};

// What is under a screen point.
struct StationHit {
    enum class Part { Body, Control, TextField, Key };
    int station = 0;
    Part part = Part::Body;
    std::optional<StationControl> control;  // Part::Control
    std::optional<kb::KeyId> key;           // Part::Key
    Vec2 local;                             // station frame
};

class Stations {
public:
    enum class OpenError { None, Full, NoRoom };
    struct Opened {
        int number = 0;  // 0 when refused
        OpenError error = OpenError::None;
    };

    explicit Stations(StationLayout layout = StationLayout::Wall, kb::Layout keys = kb::Layout::Azerty);

    // The window in pixels and the UI scale (1 at 1080p). Stations go back to their
    // slots for the new size (see the rules).
    void set_screen(Vec2 size, double scale);
    // The slots of `layout` for the current screen and scale, in number order.
    std::vector<StationSlot> slots(StationLayout layout) const;
    // How deep (screen pixels, the station and a gap) the stations standing on `side`
    // reach into the screen; 0 when none stands there.
    double reserved(Side side) const;
    // The size of each screen corner that no slot of the current layout reaches (kept for
    // the other panels): on a table, between the top and bottom slots and the side ones;
    // {0, 0} on a wall, whose slots run from corner to corner.
    Vec2 free_corner() const;
    void set_layout(StationLayout layout) { layout_ = layout; }
    StationLayout layout() const { return layout_; }
    void set_keyboard_layout(kb::Layout keys) { keys_ = keys; }  // for stations opened later

    // Opens a station in the free slot on `side` nearest to `along` (screen x for
    // Bottom/Top, y for Left/Right; NaN: the lowest-numbered free slot on `side`). `doc`
    // decides whether it asks who writes.
    Opened open(Side side, double along, const Document& doc);
    // Closes station `number`; false if there is none.
    bool close(int number);

    const std::vector<Station>& all() const { return stations_; }  // in number order
    const Station* find(int number) const;
    Station* find(int number);

    // The station's own buttons for its state (local frame).
    std::vector<StationControl> controls(const Station& s, const Document& doc) const;
    // The station and part under a screen point, or nullopt when no station is there.
    std::optional<StationHit> hit(Vec2 screen, const Document& doc) const;

    // Fingers. down() returns whether the finger landed on a station (then it is the
    // stations' until up or cancel, and must not go to the board or ImGui). `width`
    // measures text in the text field (local units); without it, 14 per character.
    bool down(PointerKey p, Vec2 screen, double t_ms, const Document& doc, const kb::TextWidth& width = {});
    void move(PointerKey p, Vec2 screen, double t_ms);
    // A finished post-it to dispatch, when this lift was enter on a non-empty text. The
    // caller MUST dispatch it before the next call into Stations (an anonymous station
    // remembers doc.next_partner_id() as its id).
    std::optional<act::AddPartner> up(PointerKey p, Vec2 screen, double t_ms, const Document& doc);
    void cancel(PointerKey p);
    void tick(double t_ms);  // once a frame: long-presses and backspace repeat
    bool owns(PointerKey p) const;

    // For replays: the screen centre of a control id, or of a key (by replay name, on
    // the station's current layer); nullopt when not on screen now.
    std::optional<Vec2> control_centre(std::string_view id, const Document& doc) const;
    std::optional<Vec2> key_centre(int station, std::string_view key_name) const;

private:
    struct Capture {
        PointerKey pointer;
        std::uint64_t serial = 0;
        StationHit hit;
        bool pressed_key = false;  // this finger pressed the station's keyboard key
    };
    kb::EdgeFrame frame_for(Side side, double along) const;
    // Whether a slot is free: no open station has its number or stands in its way.
    bool slot_free(const StationSlot& slot) const;
    Station* by_serial(std::uint64_t serial);
    void choose(Station& s, const StationControl& c);

    StationLayout layout_;
    kb::Layout keys_;
    Vec2 screen_{1920, 1080};
    double scale_ = 1;
    std::vector<Station> stations_;
    std::vector<Capture> captures_;
    std::uint64_t next_serial_ = 1;
};

std::string_view station_open_error_id(Stations::OpenError e);  // "none" "full" "no_room"

}  // namespace nk
