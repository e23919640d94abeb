// Board file, writing (format in docs/file-format.md): cereal's JSONOutputArchive, through
// small "Out" views of the document. Reading is in board_file.cpp.
#include "board_file.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>

#include <cmath>
#include <sstream>

namespace nk {
namespace {

// ---- 1. Writing ----------------------------------------------------------------------

double finite_or_0(double v) { return std::isfinite(v) ? v : 0.0; }

struct PointOut {
    const Vec2& v;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_size_tag(cereal::size_type{2}));
        ar(finite_or_0(v.x), finite_or_0(v.y));
    }
};

struct ParticipantOut {
    const Participant& p;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name),
           cereal::make_nvp("role", std::string(role_id(p.role))));
    }
};

struct PartnerOut {
    const Partner& p;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("id", p.id), cereal::make_nvp("text", p.text),
           cereal::make_nvp("category", std::string(category_id(p.category))),
           cereal::make_nvp("x", finite_or_0(p.x)), cereal::make_nvp("y", finite_or_0(p.y)),
           cereal::make_nvp("ring", p.ring), cereal::make_nvp("rotation", finite_or_0(p.rotation)),
           cereal::make_nvp("scale", finite_or_0(p.scale)), cereal::make_nvp("author", p.author),
           cereal::make_nvp("face_up", p.face_up), cereal::make_nvp("side", std::string(side_id(p.side))),
           cereal::make_nvp("missing", p.missing), cereal::make_nvp("overrepresented", p.overrepresented));
    }
};

// A link end is a partner id, or the string "school" for kSchool.
template <class A>
void save_end(A& ar, const char* name, Id end) {
    if (end == kSchool)
        ar(cereal::make_nvp(name, std::string("school")));
    else
        ar(cereal::make_nvp(name, end));
}

struct LinkOut {
    const Link& l;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("id", l.id));
        save_end(ar, "from", l.from);
        save_end(ar, "to", l.to);
    }
};

// A JSON array of Out views (the size tag is what makes cereal write [] not {}).
template <class T, class Out>
struct ListOut {
    const std::vector<T>& v;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_size_tag(static_cast<cereal::size_type>(v.size())));
        for (const T& t : v) ar(Out{t});
    }
};

struct PriorityOut {
    const Priority& p;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("participant", p.participant), cereal::make_nvp("partner", p.partner),
           cereal::make_nvp("stroke", ListOut<Vec2, PointOut>{p.stroke}));
    }
};

struct CardNoteOut {
    const CardNote& n;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("partner", n.partner), cereal::make_nvp("card", n.card), cereal::make_nvp("text", n.text));
    }
};

struct ClosingAnswerOut {
    const ClosingAnswer& a;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("question", a.question), cereal::make_nvp("text", a.text));
    }
};

struct ActionItemOut {
    const ActionItem& a;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("id", a.id), cereal::make_nvp("what", a.what), cereal::make_nvp("who", a.who),
           cereal::make_nvp("due", a.due));
    }
};

// The fields of a board, in file order. A version's board is written with the same
// fields as the top level, except `versions` (a version holds no versions).
template <class A>
void save_board_fields(A& ar, const Document& d) {
    ar(cereal::make_nvp("format_version", kFormatVersion), cereal::make_nvp("app", std::string("netwerkkaart")),
       cereal::make_nvp("school", d.school), cereal::make_nvp("goal", d.goal), cereal::make_nvp("date", d.date),
       cereal::make_nvp("phase", std::string(phase_id(d.phase))), cereal::make_nvp("plan_minutes", d.plan_minutes),
       cereal::make_nvp("facilitator", d.facilitator), cereal::make_nvp("notetaker", d.notetaker),
       cereal::make_nvp("participants", ListOut<Participant, ParticipantOut>{d.participants}),
       cereal::make_nvp("partners", ListOut<Partner, PartnerOut>{d.partners}),
       cereal::make_nvp("links", ListOut<Link, LinkOut>{d.links}),
       cereal::make_nvp("priorities", ListOut<Priority, PriorityOut>{d.priorities}),
       cereal::make_nvp("notes", ListOut<CardNote, CardNoteOut>{d.notes}),
       cereal::make_nvp("closing", ListOut<ClosingAnswer, ClosingAnswerOut>{d.closing}),
       cereal::make_nvp("actions", ListOut<ActionItem, ActionItemOut>{d.actions}));
}

struct NestedBoardOut {
    const Document& d;
    template <class A>
    void save(A& ar) const {
        save_board_fields(ar, d);
    }
};

struct VersionOut {
    const Version& v;
    template <class A>
    void save(A& ar) const {
        ar(cereal::make_nvp("date", v.date), cereal::make_nvp("note", v.note),
           cereal::make_nvp("board", NestedBoardOut{v.board}));
    }
};

}  // namespace

std::string serialize_board(const Document& d) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os);  // closes the top-level object when destroyed
        save_board_fields(ar, d);
        ar(cereal::make_nvp("versions", ListOut<Version, VersionOut>{d.versions.list()}));
    }
    os << '\n';
    return std::move(os).str();
}

}  // namespace nk
