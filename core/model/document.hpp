// The board as a value: everything the team puts on the flip chart.
//
// A Document is plain data. It is copied freely (undo keeps earlier copies), compared
// with ==, changed only by reduce() (reducer.hpp) and read by everything else.
// Coordinates are board units: the school node sits at (0,0), x grows to the right and
// y grows downward, as on screen. See geometry.hpp for the ring radii and note size.
#pragma once

#include <optional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nk {

// The method's phases, in order. Ids in files and replays: "0" "1" "2a" "2b" "2c" "3" "4" "5".
enum class Phase { Vooraf, Introductie, Brainstorm, Netwerkkaart, Prioriteiten, Gesprek, Terugblik, Naverwerking };
inline constexpr int kPhaseCount = 8;

// Roles of the participants; each role has a pen colour. Ids: leraar directie
// beleidsondersteuner zorgcoordinator extern.
enum class Role { Leraar, Directie, Beleidsondersteuner, Zorgcoordinator, Extern };
inline constexpr int kRoleCount = 5;

// A post-it's kind: one of the seven partner types, or not sorted yet. Ids: zorg
// professionalisering aanbod stages projecten beleid andere ongesorteerd. A new post-it
// starts as Ongesorteerd until someone sorts it ("andere" is a choice, not a default);
// the first kKindCount values are the named kinds, Ongesorteerd comes last.
enum class Category { Zorg, Professionalisering, Aanbod, Stages, Projecten, Beleid, Andere, Ongesorteerd };
inline constexpr int kCategoryCount = 8;  // every value, Ongesorteerd included
inline constexpr int kKindCount = 7;      // the named kinds (a team's choice)
constexpr bool is_sorted(Category c) { return c != Category::Ongesorteerd; }

// Stable ids as used in files, replay scripts and control ids.
std::string_view phase_id(Phase p);
std::string_view role_id(Role r);
std::string_view category_id(Category c);
// Parse an id; std::nullopt if it is not one of the ids above.
std::optional<Phase> phase_from_id(std::string_view id);
std::optional<Role> role_from_id(std::string_view id);
std::optional<Category> category_from_id(std::string_view id);

// A screen edge, where a person stands at a table or a wall.
enum class Side { Bottom, Right, Top, Left };
std::string_view side_id(Side s);                    // "bottom" "right" "top" "left"
std::optional<Side> side_from_id(std::string_view id);

struct Vec2 {
    double x = 0, y = 0;
    friend bool operator==(const Vec2&, const Vec2&) = default;
};

// An id of 0 never names a participant, partner or link. As a link end, 0 is the school.
using Id = int;
inline constexpr Id kSchool = 0;

struct Participant {
    Id id = 0;
    std::string name;  // first name or initials; may be empty
    Role role = Role::Leraar;
    friend bool operator==(const Participant&, const Participant&) = default;
};

// A post-it. `ring` follows from the position (geometry.hpp, ring_at) whenever the
// reducer moves it: 0 = parking lane (not placed yet), 1 = close/frequent, 2 = further,
// 3 = far/sporadic, 4 = outside (absent).
struct Partner {
    Id id = 0;
    std::string text;
    Category category = Category::Ongesorteerd;
    double x = 0, y = 0;      // centre, board units
    int ring = 0;
    double rotation = 0;      // radians, clockwise; a note faces the side it was written from
    double scale = 1;         // 0.75 .. 1.5
    Id author = 0;            // the participant who wrote it in the brainstorm; 0 = not known
    bool face_up = true;      // false: still private in its writer's tray (brainstorm, phase 2A)
    Side side = Side::Bottom; // the screen edge its writer stood at: where the reveal puts it
    bool missing = false;     // "ontbrekend": a partner the school lacks (phase 4), drawn dashed
    bool overrepresented = false;  // marked over-represented in phase 4
    friend bool operator==(const Partner&, const Partner&) = default;
};

// A felt-pen line between two partners, or a partner and the school (end == kSchool).
struct Link {
    Id id = 0;
    Id from = 0;
    Id to = 0;
    friend bool operator==(const Link&, const Link&) = default;
};

// One participant's priority: the circle they drew (board units) around one partner.
struct Priority {
    Id participant = 0;
    Id partner = 0;
    std::vector<Vec2> stroke;
    friend bool operator==(const Priority&, const Priority&) = default;
};

// The note-taker's notes on one reflection card for one partner (phase 3). `card` is one
// of method.hpp's card ids.
struct CardNote {
    Id partner = 0;
    std::string card;
    std::string text;
    friend bool operator==(const CardNote&, const CardNote&) = default;
};

// The answer to one closing question (phase 4); `question` is one of method.hpp's ids.
struct ClosingAnswer {
    std::string question;
    std::string text;
    friend bool operator==(const ClosingAnswer&, const ClosingAnswer&) = default;
};

// A next step agreed in phase 4: what, who, by when (free text, e.g. "juni 2027").
struct ActionItem {
    Id id = 0;
    std::string what, who, due;
    friend bool operator==(const ActionItem&, const ActionItem&) = default;
};

struct Version;

// The saved versions of a map ("save as new version"), oldest first: shared and immutable.
// Copying a Document copies one pointer, and == compares that pointer before any content,
// so a reduce, an undo step, a gesture overlay or an equality test never copies or walks
// them. A change (push_back, clear, edit) makes a new list: other copies keep theirs.
class Versions {
public:
    Versions() = default;
    Versions(std::initializer_list<Version> list);
    explicit Versions(std::vector<Version> list);

    const std::vector<Version>& list() const;  // an empty list when there are none
    std::size_t size() const { return list_ ? list_->size() : 0; }
    bool empty() const { return size() == 0; }
    const Version& operator[](std::size_t i) const;
    const Version& at(std::size_t i) const;  // throws std::out_of_range past the end
    const Version& front() const;
    const Version& back() const;
    std::vector<Version>::const_iterator begin() const;
    std::vector<Version>::const_iterator end() const;

    void push_back(Version v);
    void clear() { list_.reset(); }
    // Calls f(std::vector<Version>&) on a copy of the list, which then replaces it.
    template <class F>
    void edit(F&& f);

    // Whether two lists are the same object (then they are equal without a look inside).
    bool shares(const Versions& other) const { return list_ == other.list_; }
    friend bool operator==(const Versions& a, const Versions& b);

private:
    // Null: no versions. Never changed while another Versions shares it (only edit()
    // changes it, and only when this is its one holder).
    std::shared_ptr<std::vector<Version>> list_;
};

struct Document {
    std::string school = "School";
    std::string goal;  // phase 1: what the team wants to get out of the conversation
    std::string date;  // the session's date, YYYY-MM-DD; set when the board is created
    Phase phase = Phase::Vooraf;
    std::vector<Participant> participants;
    std::vector<Partner> partners;
    std::vector<Link> links;
    std::vector<Priority> priorities;
    Id facilitator = 0;   // the participant who leads the conversation (0: not chosen)
    Id notetaker = 0;     // the participant who writes the notes (0: not chosen)
    int plan_minutes = 90;  // the session's plan: 90 or 120 minutes
    std::vector<CardNote> notes;        // at most one per (partner, card)
    std::vector<ClosingAnswer> closing; // at most one per question
    std::vector<ActionItem> actions;
    // Earlier versions of this map kept inside the file ("save as new version"), oldest
    // first. Their own `versions` are always empty.
    Versions versions;
    friend bool operator==(const Document&, const Document&) = default;

    const Partner* partner(Id id) const;
    const Participant* participant(Id id) const;
    const Link* link(Id id) const;
    // The next free id for a new partner, participant or link (max existing + 1).
    Id next_partner_id() const;
    Id next_participant_id() const;
    Id next_link_id() const;
    Id next_action_id() const;
    // The note on `card` for `partner`, or nullptr.
    const CardNote* note(Id partner, std::string_view card) const;
    // The answer to closing question `question`, or nullptr.
    const ClosingAnswer* answer(std::string_view question) const;
};

// A saved version of the map: when, a note, and the board as it was then.
struct Version {
    std::string date;  // YYYY-MM-DD
    std::string note;
    Document board;
    friend bool operator==(const Version&, const Version&) = default;
};

template <class F>
void Versions::edit(F&& f) {
    if (!list_) list_ = std::make_shared<std::vector<Version>>();
    // Copy on write: a list nobody else holds is changed in place (a file being read and
    // repaired), a shared one is copied first.
    if (list_.use_count() > 1) list_ = std::make_shared<std::vector<Version>>(*list_);
    f(*list_);
    if (list_->empty()) list_.reset();
}

}  // namespace nk
