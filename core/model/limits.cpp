#include "limits.hpp"

namespace nk::limits {
namespace {
// Generous per-entry costs of the pretty-printed file: every field is one line of at most
// this many bytes (indentation at the deepest level, key, a 25-digit number, punctuation).
constexpr std::size_t kLine = 80;

// Bytes of `s` as a JSON string: control characters may take six (\u001F), quotes and
// backslashes two, plus the quotes around it.
std::size_t json_text(const std::string& s) {
    std::size_t n = 2;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        n += b < 0x20 ? 6 : (c == '"' || c == '\\') ? 2 : 1;
    }
    return n;
}

std::size_t board_bytes(const Document& d) {
    std::size_t n = 21 * kLine + json_text(d.school) + json_text(d.goal) + json_text(d.date);
    for (const Participant& p : d.participants) n += 5 * kLine + json_text(p.name);
    for (const Partner& p : d.partners) n += 15 * kLine + json_text(p.text);
    n += d.links.size() * 5 * kLine;
    for (const Priority& p : d.priorities) n += 6 * kLine + p.stroke.size() * 4 * kLine;
    for (const CardNote& c : d.notes) n += 5 * kLine + json_text(c.card) + json_text(c.text);
    for (const ClosingAnswer& c : d.closing) n += 4 * kLine + json_text(c.question) + json_text(c.text);
    for (const ActionItem& a : d.actions) n += 6 * kLine + json_text(a.what) + json_text(a.who) + json_text(a.due);
    return n;
}

// Keys count as values for the reader (board_file.cpp, LimitedHandler).
std::size_t board_values(const Document& d) {
    return 42 + d.participants.size() * 7 + d.partners.size() * 27 + d.links.size() * 7 +
           d.priorities.size() * 7 + [&] {
               std::size_t points = 0;
               for (const Priority& p : d.priorities) points += p.stroke.size() * 3;
               return points;
           }() + d.notes.size() * 7 + d.closing.size() * 5 + d.actions.size() * 9;
}
}  // namespace

std::string_view limit_id(Limit l) {
    switch (l) {
        case Limit::Participants: return "participants";
        case Limit::Partners: return "partners";
        case Limit::Links: return "links";
        case Limit::Notes: return "notes";
        case Limit::Actions: return "actions";
        case Limit::Versions: return "versions";
        case Limit::FileSize: return "file-size";
        case Limit::MergeSize: return "merge-size";
    }
    return "partners";
}

std::optional<Refusal> grows_past(Limit l, std::size_t before, std::size_t after, std::size_t max) {
    if (after > max && after > before) return Refusal{l, max};
    return std::nullopt;
}

std::optional<Refusal> counts_grown_past(const Document& b, const Document& a) {
    if (auto r = grows_past(Limit::Participants, b.participants.size(), a.participants.size(), kParticipants)) return r;
    if (auto r = grows_past(Limit::Partners, b.partners.size(), a.partners.size(), kPartners)) return r;
    if (auto r = grows_past(Limit::Links, b.links.size(), a.links.size(), kLinks)) return r;
    if (auto r = grows_past(Limit::Notes, b.notes.size(), a.notes.size(), kNotes)) return r;
    if (auto r = grows_past(Limit::Actions, b.actions.size(), a.actions.size(), kActions)) return r;
    return grows_past(Limit::Versions, b.versions.size(), a.versions.size(), kVersions);
}

std::size_t file_bytes_bound(const Document& d) {
    std::size_t n = board_bytes(d) + 4 * kLine;
    for (const Version& v : d.versions) n += 6 * kLine + json_text(v.date) + json_text(v.note) + board_bytes(v.board);
    return n;
}

std::size_t json_values_bound(const Document& d) {
    std::size_t n = board_values(d) + 2;
    for (const Version& v : d.versions) n += 7 + board_values(v.board);
    return n;
}

bool leaves_room_to_grow(const Document& d) {
    return file_bytes_bound(d) <= kFileBytes / 2 && json_values_bound(d) <= kJsonValues / 2;
}

}  // namespace nk::limits
