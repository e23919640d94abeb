#include "merge.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "geometry.hpp"
#include "utf8.hpp"

namespace nk {
namespace {

using namespace std::string_view_literals;

// Base letters of U+00C0..U+00FF ('\0': not a letter with a base, kept as is; '*': a
// two-letter base, see two_letter()).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiii"   // C0-CF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "dnooooo\0ouuuuy**"  // D0-DF: Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "aaaaaa*ceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuy*y"sv;  // F0-FF: ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
static_assert(kLatin1.size() == 64);

// Base letters of U+0100..U+017F (Latin Extended-A).
constexpr std::string_view kExtendedA =
    "aaaaaaccccccccdd"   // 0100-010F
    "ddeeeeeeeeeegggg"   // 0110-011F
    "gggghhhhiiiiiiii"   // 0120-012F
    "ii**jjkkklllllll"   // 0130-013F: İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "lllnnnnnnnnnoooo"   // 0140-014F: ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "oo**rrrrrrssssss"   // 0150-015F: Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "ssttttttuuuuuuuu"   // 0160-016F
    "uuuuwwyyyzzzzzzs"sv;  // 0170-017F
static_assert(kExtendedA.size() == 128);

std::string_view two_letter(char32_t cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDE: case 0xFE: return "th";
        case 0xDF: return "ss";
        case 0x132: case 0x133: return "ij";
        case 0x152: case 0x153: return "oe";
        default: return {};
    }
}

// Decodes one code point of valid UTF-8 at s[i]; advances i.
char32_t next_cp(std::string_view s, size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3Fu); };
    char32_t cp;
    size_t n;
    if (b0 < 0x80) cp = b0, n = 1;
    else if (b0 < 0xE0) cp = ((b0 & 0x1Fu) << 6) | cont(1), n = 2;
    else if (b0 < 0xF0) cp = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2), n = 3;
    else cp = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), n = 4;
    i += n;
    return cp;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0; }

// New ids for one list: after the largest id in use, counting up; once INT_MAX is
// reached (only a hostile file has such ids), the smallest unused positive ids. Never
// computes past INT_MAX.
class IdAllocator {
public:
    template <class T>
    explicit IdAllocator(const std::vector<T>& v) {
        for (const T& t : v) {
            used_.insert(t.id);
            top_ = std::max(top_, t.id);
        }
    }
    Id next() {
        if (top_ < std::numeric_limits<Id>::max()) {
            used_.insert(++top_);
            return top_;
        }
        while (used_.contains(low_)) ++low_;
        used_.insert(low_);
        return low_;
    }

private:
    std::set<Id> used_;
    Id top_ = 0;
    Id low_ = 1;
};

}  // namespace

std::string fold_key(std::string_view raw) {
    const std::string s = utf8::valid(raw) ? std::string(raw) : utf8::repaired(raw);
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (size_t i = 0; i < s.size();) {
        const char32_t cp = next_cp(s, i);
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ', pending_space = false;
        if (cp < 0x80) {
            out += (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
            continue;
        }
        char base = 0;
        if (cp >= 0xC0 && cp <= 0xFF) base = kLatin1[cp - 0xC0];
        else if (cp >= 0x100 && cp <= 0x17F) base = kExtendedA[cp - 0x100];
        else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B) base = '\'';
        else if (cp == 0x201C || cp == 0x201D || cp == 0x201E) base = '"';
        else if (cp >= 0x2010 && cp <= 0x2014) base = '-';
        if (base == '*') {
            out += two_letter(cp);
        } else if (base != 0) {
            out += base;
        } else {
            utf8::append(out, cp);
        }
    }
    return out;
}

Document merge_boards(const Document& into, const Document& other, MergeReport* report) {
    MergeReport local;
    MergeReport& r = report ? *report : local;
    r = MergeReport{};
    Document d = into;

    // Participants.
    std::map<Id, Id> person;  // other's id -> id in d
    IdAllocator participant_ids(d.participants);
    for (const Participant& p : other.participants) {
        Id same = 0;
        if (!fold_key(p.name).empty())
            for (const Participant& q : into.participants)
                if (q.role == p.role && fold_key(q.name) == fold_key(p.name)) {
                    same = q.id;
                    break;
                }
        if (same != 0) {
            person[p.id] = same;
            r.same_participant.emplace_back(same, p.id);
            continue;
        }
        Participant n = p;
        n.id = participant_ids.next();
        person[p.id] = n.id;
        d.participants.push_back(std::move(n));
        ++r.participants_added;
    }
    auto map_person = [&](Id id) {
        auto it = person.find(id);
        return it == person.end() ? Id{0} : it->second;
    };

    // Partners, into free lane slots.
    std::map<std::string, Id> into_keys;  // fold_key -> first face-up partner of `into`
    for (const Partner& p : into.partners)
        if (p.face_up) {
            std::string k = fold_key(p.text);
            if (!k.empty()) into_keys.emplace(std::move(k), p.id);
        }
    std::map<Id, Id> partner;  // other's id -> id in d
    std::map<Id, Vec2> moved;  // other's id -> how far it moved, for its priority circles
    IdAllocator partner_ids(d.partners);
    for (const Partner& p : other.partners) {
        Partner n = p;
        n.id = partner_ids.next();
        n.author = map_person(p.author);
        const Vec2 slot = geo::free_lane_slot(d, p.side);
        moved[p.id] = {slot.x - p.x, slot.y - p.y};
        n.x = slot.x, n.y = slot.y;
        n.ring = geo::ring_at(slot);
        partner[p.id] = n.id;
        if (n.face_up) {
            auto it = into_keys.find(fold_key(n.text));
            if (it != into_keys.end()) r.same_partner.emplace_back(it->second, n.id);
        }
        d.partners.push_back(std::move(n));
        ++r.partners_added;
    }
    auto map_end = [&](Id end) -> Id {
        if (end == kSchool) return kSchool;
        auto it = partner.find(end);
        return it == partner.end() ? -1 : it->second;
    };

    // Links: the other group's, remapped (their ends are all new, so none repeats ours).
    IdAllocator link_ids(d.links);
    for (const Link& l : other.links) {
        const Id from = map_end(l.from), to = map_end(l.to);
        if (from < 0 || to < 0 || from == to) continue;
        d.links.push_back({link_ids.next(), from, to});
    }

    // Priorities: one per person.
    std::set<Id> with_priority;
    for (const Priority& p : d.priorities) with_priority.insert(p.participant);
    for (const Priority& p : other.priorities) {
        const Id who = map_person(p.participant);
        const Id what = map_end(p.partner);
        if (who == 0 || what <= 0) continue;
        if (!with_priority.insert(who).second) {
            ++r.priorities_dropped;
            continue;
        }
        // The circle goes where its post-it went, as when a post-it is dragged.
        std::vector<Vec2> stroke = p.stroke;
        if (auto it = moved.find(p.partner); it != moved.end())
            for (Vec2& v : stroke) v = {v.x + it->second.x, v.y + it->second.y};
        d.priorities.push_back({who, what, std::move(stroke)});
    }

    // Card notes follow their partner.
    for (const CardNote& n : other.notes) {
        const Id what = map_end(n.partner);
        if (what > 0) d.notes.push_back({what, n.card, n.text});
    }

    // Closing answers: ours, then theirs.
    for (const ClosingAnswer& theirs : other.closing) {
        if (theirs.text.empty()) continue;
        auto ours = std::find_if(d.closing.begin(), d.closing.end(),
                                 [&](const ClosingAnswer& a) { return a.question == theirs.question; });
        if (ours == d.closing.end())
            d.closing.push_back(theirs);
        else if (ours->text.empty())
            ours->text = theirs.text;
        else
            ours->text += std::string(kMergeSeparator) + theirs.text;
    }

    // Actions, appended.
    IdAllocator action_ids(d.actions);
    for (const ActionItem& a : other.actions) {
        ActionItem n = a;
        n.id = action_ids.next();
        d.actions.push_back(std::move(n));
    }
    return d;
}

std::vector<std::vector<Id>> duplicate_groups(const Document& d) {
    std::map<std::string, size_t> group_of;
    std::vector<std::vector<Id>> groups;
    for (const Partner& p : d.partners) {
        if (!p.face_up) continue;
        std::string k = fold_key(p.text);
        if (k.empty()) continue;
        auto [it, fresh] = group_of.emplace(std::move(k), groups.size());
        if (fresh) groups.emplace_back();
        groups[it->second].push_back(p.id);
    }
    std::erase_if(groups, [](const std::vector<Id>& g) { return g.size() < 2; });
    return groups;
}

}  // namespace nk
