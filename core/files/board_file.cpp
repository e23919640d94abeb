// Board file, format version 3 (docs/file-format.md); reads versions 1, 2 and 3.
//
// Sections (writing is in board_file_write.cpp; the bytes are parsed into a DOM with hard
// limits in board_json.cpp, which also says how rapidjson is configured):
//   1. Reading the DOM into a Document, repairing and reporting as it goes.
//   2. parse_board / load_board_file.
#include "board_file.hpp"

#include "board_json.hpp"  // first of the rapidjson users: cereal's configuration

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>

#include "geometry.hpp"
#include "png_chunk.hpp"
#include "utf8.hpp"

namespace nk {
namespace {

// ---- 1. Reading the DOM into a Document -----------------------------------------------

using Value = rapidjson::Value;

// What a missing field means. Version 1 fields are in every file a writer wrote, so their
// absence is damage and is reported. Fields added later (version 2: authors, trays, phase-4
// marks, roles, plan, notes, closing answers, actions; version 3: goal) are absent from every older file,
// which is not broken for it: they take their defaults quietly, in a file of any version.
enum class Missing { Report, Quiet };

// Past this many entries the reader's own report only counts (the document is still
// repaired in full), so a file with 100,000 broken notes cannot flood the report.
constexpr size_t kMaxNotes = 100;

// What the reader of the top level shares with the readers of its versions: the report
// (so that the whole file's report stays short) and the entries read so far per list
// name, so that each list's cap holds for the board and all its versions together. That
// keeps the work of reading and repairing a file with versions (the lane searches scan
// every partner of a board) within what one board at the caps costs.
struct ReportSink {
    std::vector<std::string> lines;
    size_t left_out = 0;
    std::map<std::string, size_t, std::less<>> entries;
    // Lane searches left for partners without a position, for the whole file (see
    // read_partners).
    size_t lane_searches = 16;
    void add(std::string s) {
        if (lines.size() < kMaxNotes)
            lines.push_back(std::move(s));
        else
            ++left_out;
    }
    // The lines, followed by a count of those left out.
    std::vector<std::string> report() const {
        std::vector<std::string> out = lines;
        if (left_out > 0) out.push_back("and " + std::to_string(left_out) + " more changes of the kinds above");
        return out;
    }
};

class BoardReader {
public:
    Document doc;
    std::optional<LoadError> error;

    // `prefix` starts every report line and error detail (empty for the top level,
    // "versions[3].board: " for a version's board).
    BoardReader(ReportSink& sink, std::string prefix = "", double version = kFormatVersion)
        : sink_(sink), prefix_(std::move(prefix)), version_(version) {}

    // Reads the top-level board, with its versions.
    void read(const Value& root) {
        if (!root.IsObject()) {
            error = LoadError{LoadErrorKind::NotABoard, "the top-level JSON value is not an object"};
            return;
        }
        const Value* version = root.HasMember("format_version") ? &root["format_version"] : nullptr;
        if (!version && !root.HasMember("partners")) {
            error = LoadError{LoadErrorKind::NotABoard, "no \"format_version\" and no \"partners\" field"};
            return;
        }
        if (!read_version(version)) return;
        // More versions than a map keeps: the newest kMaxVersions are read (read_versions).
        const Value* versions = list(root, "versions", Missing::Quiet, std::numeric_limits<size_t>::max());
        if (error) return;
        read_board(root);
        if (error) return;
        if (versions) read_versions(*versions);
    }

    // Reads a version's board (an object): the fields of a top-level board except
    // `format_version` (the file's own decides) and `versions` (one level only: any
    // versions inside it are dropped and reported, never read).
    void read_nested(const Value& root) {
        auto it = root.FindMember("versions");
        if (it != root.MemberEnd() && !(it->value.IsArray() && it->value.Empty()))
            note("\"versions\" inside a version is not read; dropped");
        read_board(root);
    }

private:
    void read_board(const Value& root) {
        const Value* participants = list(root, "participants");
        const Value* partners = list(root, "partners");
        const Value* links = list(root, "links");
        const Value* priorities = list(root, "priorities");
        const Value* notes = list(root, "notes", Missing::Quiet);
        const Value* closing = list(root, "closing", Missing::Quiet);
        const Value* actions = list(root, "actions", Missing::Quiet);
        if (error) return;

        doc.school = text(root, "", "school", doc.school);
        doc.goal = text(root, "", "goal", "", Missing::Quiet);  // version 3; cut by repair()
        doc.date = text(root, "", "date", "");
        if (!doc.date.empty() && !is_date(doc.date)) {
            note("date \"" + doc.date + "\" is not YYYY-MM-DD; cleared");
            doc.date.clear();
        }
        const std::string phase = text(root, "", "phase", "0");
        if (auto p = phase_from_id(phase)) {
            doc.phase = *p;
        } else {
            note("phase \"" + phase + "\" is unknown; set to \"0\"");
        }
        if (participants) read_participants(*participants);
        if (partners) read_partners(*partners);
        if (links) read_links(*links);
        if (priorities) read_priorities(*priorities);
        // Participant ids that name no one (and plans other than 90/120) are cleared by
        // repair(), which reports them.
        doc.facilitator = integer(root, "", "facilitator", Missing::Quiet).value_or(0);
        doc.notetaker = integer(root, "", "notetaker", Missing::Quiet).value_or(0);
        doc.plan_minutes = integer(root, "", "plan_minutes", Missing::Quiet).value_or(Document{}.plan_minutes);
        if (notes) read_notes(*notes);
        if (closing) read_closing(*closing);
        if (actions) read_actions(*actions);
    }

    void note(std::string s) { sink_.add(prefix_ + std::move(s)); }
    // Like note(where(path, key) + what), without making the text once the report only
    // counts (a hostile file can have millions of such lines).
    void note_at(std::string_view path, const char* key, const char* what) {
        if (sink_.lines.size() < kMaxNotes) note(where(path, key) + what);
        else ++sink_.left_out;
    }

    void fail(LoadErrorKind kind, std::string detail) { error = LoadError{kind, prefix_ + std::move(detail)}; }

    static std::string where(std::string_view path, const char* key) {
        return path.empty() ? std::string(key) : std::string(path) + "." + key;
    }

    bool read_version(const Value* v) {
        version_ = 1;
        if (!v) {
            note("no format_version; read as version 1");
            return true;
        }
        if (!v->IsNumber()) {
            note("format_version is not a number; read as version 1");
            return true;
        }
        const double n = v->GetDouble();
        version_ = n;
        if (n > kFormatVersion) {
            const int shown = n < 1e9 ? static_cast<int>(std::ceil(n)) : 1'000'000'000;
            error = LoadError{LoadErrorKind::NewerVersion,
                              "format_version " + std::to_string(shown) + " is newer than " +
                                  std::to_string(kFormatVersion),
                              shown};
            return false;
        }
        // Every version up to this one reads the same way (later fields are optional).
        if (n < 1 || n != std::floor(n))
            note("format_version " + std::to_string(n) + " is not a known version; read like versions 1 to " +
                 std::to_string(kFormatVersion));
        return true;
    }

    const Value* list(const Value& root, const char* key, Missing missing = Missing::Report,
                      size_t cap = kMaxListLength) {
        auto it = root.FindMember(key);
        if (it == root.MemberEnd()) {
            if (missing == Missing::Report) note(std::string("no \"") + key + "\" list; empty");
            return nullptr;
        }
        if (!it->value.IsArray()) {
            note(std::string("\"") + key + "\" is not a list; empty");
            return nullptr;
        }
        if (it->value.Size() > cap) {
            fail(LoadErrorKind::TooLarge, std::string("\"") + key + "\" has " + std::to_string(it->value.Size()) +
                                              " entries; at most " + std::to_string(cap) + " are read");
            return nullptr;
        }
        size_t& total = sink_.entries[key];
        total += it->value.Size();
        if (total > cap) {
            fail(LoadErrorKind::TooLarge, std::string("\"") + key + "\" lists in the board and its versions have " +
                                              std::to_string(total) + " entries together; at most " +
                                              std::to_string(cap) + " are read");
            return nullptr;
        }
        return &it->value;
    }

    // A field of `obj`, or nullptr when it is missing (reported unless Missing::Quiet).
    const Value* field(const Value& obj, std::string_view path, const char* key, Missing missing = Missing::Report) {
        auto it = obj.FindMember(key);
        if (it != obj.MemberEnd()) return &it->value;
        if (missing == Missing::Report) note_at(path, key, " is missing; default used");
        return nullptr;
    }

    std::string text(const Value& obj, std::string_view path, const char* key, std::string def,
                     Missing missing = Missing::Report) {
        const Value* v = field(obj, path, key, missing);
        if (!v) return def;
        if (!v->IsString()) {
            note_at(path, key, " is not a string; default used");
            return def;
        }
        std::string s(v->GetString(), v->GetStringLength());
        if (!utf8::valid(s)) {
            note_at(path, key, ": invalid UTF-8 replaced by U+FFFD");
            s = utf8::repaired(s);
        }
        return s;
    }

    std::optional<double> number(const Value& obj, std::string_view path, const char* key) {
        const Value* v = field(obj, path, key);
        if (!v) return std::nullopt;
        if (!v->IsNumber()) {
            note_at(path, key, " is not a number; default used");
            return std::nullopt;
        }
        return v->GetDouble();  // may be infinite (see LimitedHandler); repair() fixes it
    }

    // An integer in int range; 3.0 counts, 3.5 and "3" do not.
    static std::optional<int> as_int(const Value& v) {
        if (v.IsInt()) return v.GetInt();
        if (v.IsNumber()) {
            const double d = v.GetDouble();
            if (d == std::floor(d) && d >= std::numeric_limits<int>::min() && d <= std::numeric_limits<int>::max())
                return static_cast<int>(d);
        }
        return std::nullopt;
    }

    std::optional<int> integer(const Value& obj, std::string_view path, const char* key,
                               Missing missing = Missing::Report) {
        const Value* v = field(obj, path, key, missing);
        if (!v) return std::nullopt;
        auto i = as_int(*v);
        if (!i) note_at(path, key, " is not an integer; default used");
        return i;
    }

    // true or false; every boolean field is a version-2 field, so a missing one is quiet.
    bool boolean(const Value& obj, std::string_view path, const char* key, bool def) {
        const Value* v = field(obj, path, key, Missing::Quiet);
        if (!v) return def;
        if (!v->IsBool()) {
            note_at(path, key, " is not true or false; default used");
            return def;
        }
        return v->GetBool();
    }

    static bool is_date(std::string_view s) {
        if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
        for (size_t i = 0; i < s.size(); ++i)
            if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
        return true;
    }

    // The objects of a list; anything else in it is skipped and reported.
    template <class F>
    void each_object(const Value& list, const char* name, F&& read_one, rapidjson::SizeType first = 0) {
        for (rapidjson::SizeType i = first; i < list.Size(); ++i) {
            const std::string path = std::string(name) + "[" + std::to_string(i) + "]";
            if (list[i].IsObject())
                read_one(list[i], path);
            else
                note(path + " is not an object; skipped");
        }
    }

    void read_participants(const Value& list) {
        each_object(list, "participants", [&](const Value& o, const std::string& path) {
            Participant p;
            p.id = integer(o, path, "id").value_or(0);  // 0: repair() gives a fresh id
            p.name = text(o, path, "name", "");
            const std::string role = text(o, path, "role", "leraar");
            if (auto r = role_from_id(role))
                p.role = *r;
            else
                note(path + ".role \"" + role + "\" is unknown; set to leraar");
            doc.participants.push_back(std::move(p));
        });
    }

    void read_partners(const Value& list) {
        std::vector<size_t> unplaced;  // partners without a usable position
        each_object(list, "partners", [&](const Value& o, const std::string& path) {
            Partner p;
            p.id = integer(o, path, "id").value_or(0);
            p.text = text(o, path, "text", "");
            // Before version 3 every post-it had one of the seven kinds ("andere" by
            // default), so a missing or unknown one stays "andere" there; from version 3
            // on it is not sorted yet.
            const Category fallback = version_ < 3 ? Category::Andere : Category::Ongesorteerd;
            const std::string category = text(o, path, "category", std::string(category_id(fallback)));
            if (auto c = category_from_id(category)) {
                p.category = *c;
            } else {
                p.category = fallback;
                note(path + ".category \"" + category + "\" is unknown; set to " + std::string(category_id(fallback)));
            }
            const auto x = number(o, path, "x"), y = number(o, path, "y");
            if (x && y) {
                p.x = *x, p.y = *y;
                p.ring = integer(o, path, "ring").value_or(geo::ring_at({p.x, p.y}));
            } else {
                unplaced.push_back(doc.partners.size());
            }
            p.rotation = number(o, path, "rotation").value_or(0.0);
            p.scale = number(o, path, "scale").value_or(1.0);
            p.author = integer(o, path, "author", Missing::Quiet).value_or(0);  // unknown ones: repair()
            p.face_up = boolean(o, path, "face_up", true);
            const std::string side = text(o, path, "side", "bottom", Missing::Quiet);
            if (auto sd = side_from_id(side))
                p.side = *sd;
            else
                note(path + ".side \"" + side + "\" is unknown; set to bottom");
            p.missing = boolean(o, path, "missing", false);
            p.overrepresented = boolean(o, path, "overrepresented", false);
            doc.partners.push_back(std::move(p));
        });
        // Without a position a note goes to the parking lane, like a new note: placed
        // after all others are known so it lands on a free slot. free_lane_slot scans
        // every partner per slot, so only the first few get a search of their own; the
        // rest (only a broken or hostile file has them) share the last slot found. The
        // searches are counted over the whole file, versions included.
        Vec2 slot{geo::kLaneX + geo::kNoteW, 0};
        for (size_t k = 0; k < unplaced.size(); ++k) {
            Partner& p = doc.partners[unplaced[k]];
            p.x = 0, p.y = 0;  // off the lane while the search runs
            if (sink_.lane_searches > 0) {
                --sink_.lane_searches;
                slot = geo::free_lane_slot(doc);
            }
            p.x = slot.x, p.y = slot.y;
            p.ring = geo::ring_at(slot);
        }
        if (!unplaced.empty())
            note(std::to_string(unplaced.size()) + " partner(s) without a position placed in the parking lane");
    }

    // A link end: a partner id, or "school" (an id of 0 is read as the school too).
    std::optional<Id> end(const Value& o, const std::string& path, const char* key) {
        const Value* v = field(o, path, key);
        if (!v) return std::nullopt;
        if (v->IsString() && std::string_view(v->GetString(), v->GetStringLength()) == "school") return kSchool;
        auto i = as_int(*v);
        if (!i) note(where(path, key) + " is neither a partner id nor \"school\"");
        return i;
    }

    void read_links(const Value& list) {
        each_object(list, "links", [&](const Value& o, const std::string& path) {
            Link l;
            l.id = integer(o, path, "id").value_or(0);
            const auto from = end(o, path, "from"), to = end(o, path, "to");
            if (!from || !to) {
                note(path + " dropped: it lacks a usable end");
                return;
            }
            l.from = *from, l.to = *to;
            doc.links.push_back(l);
        });
    }

    void read_priorities(const Value& list) {
        each_object(list, "priorities", [&](const Value& o, const std::string& path) {
            if (error) return;
            Priority p;
            const auto participant = integer(o, path, "participant"), partner = integer(o, path, "partner");
            if (!participant || !partner) {
                note(path + " dropped: it lacks a participant or partner id");
                return;
            }
            p.participant = *participant, p.partner = *partner;
            if (const Value* stroke = field(o, path, "stroke")) {
                if (!stroke->IsArray()) {
                    note(path + ".stroke is not a list; empty");
                } else if (stroke->Size() > kMaxStrokePoints) {
                    fail(LoadErrorKind::TooLarge, path + ".stroke has " + std::to_string(stroke->Size()) +
                                                      " points; at most " + std::to_string(kMaxStrokePoints) +
                                                      " are read");
                    return;
                } else {
                    read_stroke(*stroke, path, p.stroke);
                }
            }
            doc.priorities.push_back(std::move(p));
        });
    }

    // Card ids, closing-question ids and partner ids are checked by repair(), which drops
    // and reports what names nothing. Inside a notes/closing/actions entry every field is
    // expected: a version-2 writer always writes them all.
    void read_notes(const Value& list) {
        each_object(list, "notes", [&](const Value& o, const std::string& path) {
            const auto partner = integer(o, path, "partner");
            const Value* card = field(o, path, "card");
            if (!partner || !card || !card->IsString()) {
                note(path + " dropped: it lacks a partner id or card id");
                return;
            }
            CardNote n;
            n.partner = *partner;
            n.card = text(o, path, "card", "");
            n.text = text(o, path, "text", "");
            doc.notes.push_back(std::move(n));
        });
    }

    void read_closing(const Value& list) {
        each_object(list, "closing", [&](const Value& o, const std::string& path) {
            const Value* question = field(o, path, "question");
            if (!question || !question->IsString()) {
                note(path + " dropped: it lacks a question id");
                return;
            }
            ClosingAnswer a;
            a.question = text(o, path, "question", "");
            a.text = text(o, path, "text", "");
            doc.closing.push_back(std::move(a));
        });
    }

    void read_actions(const Value& list) {
        each_object(list, "actions", [&](const Value& o, const std::string& path) {
            ActionItem a;
            a.id = integer(o, path, "id").value_or(0);  // 0: repair() gives a fresh id
            a.what = text(o, path, "what", "");
            a.who = text(o, path, "who", "");
            a.due = text(o, path, "due", "");
            doc.actions.push_back(std::move(a));
        });
    }

    // Each version: a date, a note and a board. A version without a usable board is
    // dropped (reported); the board is read by a reader of its own, into the same report.
    // Past kMaxVersions only the newest are read (the list is oldest first); the older
    // ones are dropped and reported, so the file still opens and can be saved again.
    void read_versions(const Value& list) {
        std::vector<Version> versions;
        rapidjson::SizeType first = 0;
        if (list.Size() > kMaxVersions) {
            first = static_cast<rapidjson::SizeType>(list.Size() - kMaxVersions);
            note(std::to_string(first) + " oldest version(s) dropped: a map keeps at most " +
                 std::to_string(kMaxVersions));
        }
        each_object(list, "versions", [&](const Value& o, const std::string& path) {
            if (error) return;
            const Value* board = field(o, path, "board");
            if (!board || !board->IsObject()) {
                note(path + " dropped: it has no board object");
                return;
            }
            Version v;
            v.date = text(o, path, "date", "");
            if (!v.date.empty() && !is_date(v.date)) {
                note(path + ".date \"" + v.date + "\" is not YYYY-MM-DD; cleared");
                v.date.clear();
            }
            v.note = text(o, path, "note", "");
            BoardReader nested(sink_, prefix_ + path + ".board: ", version_);
            nested.read_nested(*board);
            if (nested.error) {
                error = std::move(nested.error);
                return;
            }
            v.board = std::move(nested.doc);
            versions.push_back(std::move(v));
        }, first);
        doc.versions = Versions(std::move(versions));
    }

    void read_stroke(const Value& stroke, const std::string& path, std::vector<Vec2>& out) {
        size_t skipped = 0;
        out.reserve(stroke.Size());
        for (const Value& pt : stroke.GetArray()) {
            if (pt.IsArray() && pt.Size() == 2 && pt[0].IsNumber() && pt[1].IsNumber())
                out.push_back({pt[0].GetDouble(), pt[1].GetDouble()});
            else
                ++skipped;
        }
        if (skipped) note(path + ".stroke: " + std::to_string(skipped) + " point(s) not [x, y]; skipped");
    }

    ReportSink& sink_;
    std::string prefix_;
    double version_ = kFormatVersion;  // the file's format_version: what a missing field means
};

std::string_view skip_bom(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    return s;
}

bool only_whitespace(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::variant<LoadedBoard, LoadError> parse_unguarded(std::string_view bytes) {
    if (bytes.size() > kMaxFileBytes)
        return LoadError{LoadErrorKind::TooLarge,
                         std::to_string(bytes.size()) + " bytes; at most " + std::to_string(kMaxFileBytes) + " are read"};
    const std::string_view text = skip_bom(bytes);
    if (only_whitespace(text)) return LoadError{LoadErrorKind::Empty, "no JSON text"};

    rapidjson::Document dom;
    if (auto err = detail::parse_json(text, bytes.size() - text.size(), dom)) return *err;

    ReportSink sink;
    BoardReader reader(sink);
    reader.read(dom);
    if (reader.error) return *reader.error;
    LoadedBoard out{std::move(reader.doc), {}};
    out.repairs.changes = sink.report();
    RepairReport fixed = repair(out.doc);
    for (std::string& s : fixed.changes) out.repairs.changes.push_back(std::move(s));
    return out;
}

}  // namespace

// ---- 2. Public entry points ------------------------------------------------------------


std::variant<LoadedBoard, LoadError> parse_board(std::string_view bytes) {
    try {
        return parse_unguarded(bytes);
    } catch (const std::bad_alloc&) {
        return LoadError{LoadErrorKind::TooLarge, "out of memory while reading"};
    } catch (const std::exception& e) {
        return LoadError{LoadErrorKind::NotJson, std::string("internal error while reading: ") + e.what()};
    } catch (...) {
        return LoadError{LoadErrorKind::NotJson, "internal error while reading"};
    }
}

std::variant<LoadedBoard, LoadError> parse_board_or_png(std::string_view bytes) {
    static constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.substr(0, 8) != kPngSignature) return parse_board(bytes);
    auto text = read_itxt(bytes, "netwerkkaart");
    if (auto* e = std::get_if<PngChunkError>(&text)) {
        if (e->kind == PngChunkErrorKind::NoChunk) return LoadError{LoadErrorKind::NotABoard, kImageWithoutMap};
        if (e->kind == PngChunkErrorKind::TooLarge) return LoadError{LoadErrorKind::TooLarge, e->detail};
        return LoadError{LoadErrorKind::NotJson, "image: " + e->detail};
    }
    return parse_board(std::get<std::string>(text));
}

std::variant<LoadedBoard, LoadError> load_board_file(const std::string& path) {
    try {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
        if (!f) {
            const int err = errno;
            return LoadError{LoadErrorKind::Unreadable, path + ": " + std::generic_category().message(err)};
        }
        // Read in chunks up to one byte past the cap: a device or a growing file cannot
        // make us allocate more than that, whatever its reported size.
        std::string bytes;
        char chunk[1 << 16];
        while (bytes.size() <= kMaxFileBytes) {
            const size_t n = std::fread(chunk, 1, sizeof chunk, f.get());
            bytes.append(chunk, n);
            if (n < sizeof chunk) break;
        }
        if (std::ferror(f.get())) {
            const int err = errno;
            return LoadError{LoadErrorKind::Unreadable, path + ": " + std::generic_category().message(err)};
        }
        if (bytes.size() > kMaxFileBytes)
            return LoadError{LoadErrorKind::TooLarge,
                             path + ": larger than " + std::to_string(kMaxFileBytes) + " bytes"};
        return parse_board_or_png(bytes);
    } catch (const std::bad_alloc&) {
        return LoadError{LoadErrorKind::TooLarge, path + ": out of memory while reading"};
    } catch (...) {
        return LoadError{LoadErrorKind::Unreadable, path + ": could not be read"};
    }
}

}  // namespace nk
