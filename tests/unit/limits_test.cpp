// The limits (limits.hpp), kept by the reducer, the session with its autosave, and the
// file reader: an action past a limit changes nothing and says why; a text past its limit
// is cut at a character boundary; a file past a limit still opens, repaired.
#include "limits.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <variant>

#include <unistd.h>

#include "autosave.hpp"
#include "board_file.hpp"
#include "invariants.hpp"
#include "reducer.hpp"
#include "session.hpp"
#include "utf8.hpp"

namespace nk {
namespace {
using limits::Limit;
using limits::Refusal;
namespace fs = std::filesystem;

std::string repeat(std::string_view s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

bool is_good_board(std::string_view bytes) { return std::holds_alternative<LoadedBoard>(parse_board(bytes)); }

LoadedBoard loaded(std::string_view bytes) {
    auto r = parse_board(bytes);
    if (auto* e = std::get_if<LoadError>(&r)) ADD_FAILURE() << "refused: " << e->detail;
    return std::holds_alternative<LoadedBoard>(r) ? std::get<LoadedBoard>(std::move(r)) : LoadedBoard{};
}

bool mentions(const RepairReport& r, std::string_view s) {
    for (const std::string& c : r.changes)
        if (c.find(s) != std::string::npos) return true;
    return false;
}

class TempDir {
public:
    TempDir() {
        std::string t = (fs::temp_directory_path() / "nk-limits-XXXXXX").string();
        if (::mkdtemp(t.data())) path = t;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string path;
};

// The bug this guards: "save as new version" had no limit, the reader refuses a file with
// more than 50, and the autosave checks every board with the reader, so from the 51st
// version on every autosave was rejected and a restart lost all later work.
TEST(Limits, TheFiftyFirstVersionIsRefusedAndAutosaveKeepsWorking) {
    TempDir dir;
    ASSERT_FALSE(dir.path.empty());
    Session s(reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}}));
    AutosaveOptions o;
    o.dir = dir.path;
    o.validator = is_good_board;
    s.set_autosave(std::make_shared<AutosaveWriter>(o));
    for (size_t i = 0; i < limits::kVersions; ++i)
        ASSERT_TRUE(s.dispatch(act::SaveVersion{"2026-12-07", "versie " + std::to_string(i + 1)})) << i;
    EXPECT_EQ(s.take_refusal(), std::nullopt);

    const Document before = s.current();
    EXPECT_FALSE(s.dispatch(act::SaveVersion{"2026-12-07", "versie 51"}));
    EXPECT_EQ(s.current(), before);
    EXPECT_EQ(s.take_refusal(), (Refusal{Limit::Versions, 50}));
    EXPECT_EQ(s.take_refusal(), std::nullopt) << "a refusal is told once";
    EXPECT_EQ(s.history().undo_label().subject, "versie 50") << "a refusal is no undo step";

    // Work after the refusal is saved, and a restart finds it.
    ASSERT_TRUE(s.dispatch(act::AddPartner{"Bibliotheek", Category::Aanbod, {300, 100}}));
    ASSERT_TRUE(s.autosave()->flush(std::chrono::seconds(10)));
    const AutosaveStatus st = s.autosave()->status();
    EXPECT_TRUE(st.ok) << st.last_error;
    EXPECT_EQ(st.rejected, 0u);
    const auto found = find_latest_good(*real_storage(), dir.path, is_good_board);
    ASSERT_TRUE(found.has_value());
    const LoadedBoard back = loaded(found->bytes);
    EXPECT_EQ(back.doc.versions.size(), 50u);
    EXPECT_EQ(back.doc, s.current());
}

TEST(Limits, ASixtyMegabytePostItTextIsCutAtACharacterBoundary) {
    const std::string huge = "x" + repeat(repeat("é", 1u << 19), 60);  // 60 MiB + 1 byte; "é" is two bytes
    Document d = reduce(Document{}, act::AddPartner{huge, Category::Zorg, {250, 0}});
    ASSERT_EQ(d.partners.size(), 1u);
    const std::string& t = d.partners[0].text;
    EXPECT_LE(t.size(), limits::kPartnerText);
    EXPECT_GE(t.size(), limits::kPartnerText - 1);
    EXPECT_TRUE(utf8::valid(t));
    EXPECT_TRUE(huge.starts_with(t));
    d = reduce(d, act::SetPartnerText{d.partners[0].id, huge});
    EXPECT_LE(d.partners[0].text.size(), limits::kPartnerText);
    EXPECT_TRUE(utf8::valid(d.partners[0].text));
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(Limits, EveryKindOfTextIsCutToItsOwnLimit) {
    const std::string long_text = repeat("ë", 10'000);
    Document d = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    d = reduce(d, act::SetSchoolName{long_text});
    d = reduce(d, act::AddParticipant{long_text, Role::Leraar});
    d = reduce(d, act::SetCardNote{1, "f1.actoren", long_text});
    d = reduce(d, act::SetClosingAnswer{"metafoor", long_text});
    d = reduce(d, act::AddActionItem{long_text, long_text, long_text});
    d = reduce(d, act::SaveVersion{long_text, long_text});
    EXPECT_EQ(d.school.size(), limits::kSchoolName);
    EXPECT_EQ(d.participants.at(0).name.size(), limits::kParticipantName);
    EXPECT_EQ(d.notes.at(0).text.size(), limits::kNoteText);
    EXPECT_EQ(d.closing.at(0).text.size(), limits::kNoteText);
    EXPECT_EQ(d.actions.at(0).what.size(), limits::kActionText);
    EXPECT_EQ(d.actions.at(0).who.size(), limits::kActionText);
    EXPECT_EQ(d.versions.at(0).note.size(), limits::kVersionNote);
    EXPECT_EQ(d.versions.at(0).date, "") << "not YYYY-MM-DD: left out, as the reader would";
    EXPECT_TRUE(invariant_violations(d).empty()) << invariant_violations(d).front();
}

TEST(Limits, EachCountIsRefusedOnePastItsLimit) {
    Document d;
    std::optional<Refusal> why;
    for (size_t i = 0; i < limits::kPartners; ++i) d.partners.push_back({Id(i + 1), "p", Category::Andere, 0, 0});
    Document same = reduce(d, act::AddPartner{"one too many", Category::Zorg, {250, 0}}, &why);
    EXPECT_EQ(same, d);
    EXPECT_EQ(why, (Refusal{Limit::Partners, limits::kPartners}));
    reduce(d, act::DuplicatePartner{1}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Partners, limits::kPartners}));
    // Other actions go on; `why` is reset by each reduce.
    Document moved = reduce(d, act::MovePartners{{{1, {250, 0}, 0, 1}}}, &why);
    EXPECT_EQ(why, std::nullopt);
    EXPECT_NE(moved, d);
    // One fewer, and there is room again.
    d = reduce(d, act::RemovePartner{1});
    d = reduce(d, act::AddPartner{"fits", Category::Zorg, {250, 0}}, &why);
    EXPECT_EQ(why, std::nullopt);
    EXPECT_EQ(d.partners.size(), limits::kPartners);

    for (size_t i = 0; i < limits::kLinks; ++i) d.links.push_back({Id(i + 1), Id(i % 999 + 2), Id(i / 999 + 1000)});
    reduce(d, act::AddLink{kSchool, 2}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Links, limits::kLinks}));

    Document people;
    for (size_t i = 0; i < limits::kParticipants; ++i) people = reduce(people, act::AddParticipant{"x", Role::Leraar}, &why);
    EXPECT_EQ(why, std::nullopt);
    reduce(people, act::AddParticipant{"y", Role::Leraar}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Participants, limits::kParticipants}));

    Document acts;
    for (size_t i = 0; i < limits::kActions; ++i) acts = reduce(acts, act::AddActionItem{"a", "b", "c"});
    reduce(acts, act::AddActionItem{"a", "b", "c"}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Actions, limits::kActions}));

    Document notes = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    for (size_t i = 0; i < limits::kNotes; ++i) notes.notes.push_back({1, "card" + std::to_string(i), "n"});
    reduce(notes, act::SetCardNote{1, "f1.actoren", "one more"}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Notes, limits::kNotes}));
    notes.notes.back().card = "f1.actoren";
    reduce(notes, act::SetCardNote{1, "f1.actoren", "an edit of an existing note"}, &why);
    EXPECT_EQ(why, std::nullopt);
}

TEST(Limits, AMergeThatWouldPassALimitChangesNothing) {
    Document a, b;
    for (size_t i = 0; i < limits::kPartners / 2 + 1; ++i) {
        a.partners.push_back({Id(i + 1), "a", Category::Andere, 0, 0});
        b.partners.push_back({Id(i + 1), "b", Category::Andere, 0, 0});
    }
    std::optional<Refusal> why;
    EXPECT_EQ(reduce(a, act::MergeBoard{b, "b.json"}, &why), a);
    EXPECT_EQ(why, (Refusal{Limit::Partners, limits::kPartners}));
}

TEST(Limits, AVersionThatWouldMakeTheFileTooLargeIsRefused) {
    Document big;
    for (size_t i = 0; i < limits::kPartners; ++i)
        big.partners.push_back({Id(i + 1), std::string(limits::kPartnerText, 'x'), Category::Andere, 0, 0});
    Document d = big;
    std::optional<Refusal> why;
    d.versions = Versions(std::vector<Version>(5, Version{"2026-12-07", "v", big}));  // about 11 MB of file
    EXPECT_EQ(reduce(d, act::SaveVersion{"2026-12-07", "v"}, &why).versions.size(), 6u);
    EXPECT_EQ(why, std::nullopt);
    d.versions = Versions(std::vector<Version>(20, Version{"2026-12-07", "v", big}));  // about 44 MB: past half of 64 MiB
    EXPECT_EQ(reduce(d, act::SaveVersion{"2026-12-07", "v"}, &why), d);
    EXPECT_EQ(why, (Refusal{Limit::FileSize, 0}));
}

// A merge keeps the board one the reader accepts and that can still grow: another group's
// long circles are thinned as ours are, and a merge that would take the room a board keeps
// for growing (found in review: merging a large map beside many versions) is refused.
TEST(Limits, AMergeKeepsTheBoardReadableAndRoomToGrow) {
    Document other;
    other.participants = {{1, "Ann", Role::Leraar}};
    other.partners = {{1, "CLB", Category::Zorg, 150, 0}};
    Priority circle{1, 1, {}};
    for (int i = 0; i < 5000; ++i) circle.stroke.push_back({150.0 + i % 40, double(i % 30)});
    other.priorities = {circle};
    std::optional<Refusal> why;
    const Document merged = reduce(Document{}, act::MergeBoard{other, "b.json"}, &why);
    EXPECT_EQ(why, std::nullopt);
    ASSERT_EQ(merged.priorities.size(), 1u);
    EXPECT_EQ(merged.priorities[0].stroke.size(), limits::kStrokePoints);

    Document big;
    for (size_t i = 0; i < limits::kPartners; ++i)
        big.partners.push_back({Id(i + 1), std::string(limits::kPartnerText, 'x'), Category::Andere, 0, 0});
    Document d;  // as many versions of it as leave room to grow (about 15: 33 MB)
    for (std::size_t n = 1; limits::leaves_room_to_grow(d); ++n)
        d.versions = Versions(std::vector<Version>(n, Version{"2026-12-07", "v", big}));
    d.versions = Versions(std::vector<Version>(d.versions.size() - 1, Version{"2026-12-07", "v", big}));
    ASSERT_TRUE(limits::leaves_room_to_grow(d));
    EXPECT_EQ(reduce(d, act::MergeBoard{big, "groot.json"}, &why), d);
    EXPECT_EQ(why, (Refusal{Limit::MergeSize, 0}));
    d.versions = Versions(std::vector<Version>(5, Version{"2026-12-07", "v", big}));
    EXPECT_EQ(reduce(d, act::MergeBoard{big, "groot.json"}, &why).partners.size(), limits::kPartners);
    EXPECT_EQ(why, std::nullopt);
}

// file_bytes_bound is an upper bound of the real file, versions included.
TEST(Limits, TheFileSizeBoundIsAnUpperBound) {
    Document d = reduce(Document{}, act::AddParticipant{"Ann \"de\" \\ Smet\t\x01", Role::Directie});
    d = reduce(d, act::AddPartner{"CLB \x02\n\"Gent\"", Category::Zorg, {250.123456789, -33.3333333333}});
    d = reduce(d, act::AddLink{kSchool, 1});
    d = reduce(d, act::SetPriority{1, 1, {{1.0 / 3, 2.0 / 3}, {-1e300, 7.123456789e-300}}});
    d = reduce(d, act::SetCardNote{1, "f1.actoren", "lang\nverhaal"});
    d = reduce(d, act::AddActionItem{"wat", "wie", "juni"});
    d = reduce(d, act::SaveVersion{"2026-12-07", "eerste"});
    d = reduce(d, act::SaveVersion{"2026-12-08", "tweede"});
    EXPECT_GE(limits::file_bytes_bound(d), serialize_board(d).size());
    EXPECT_GE(limits::file_bytes_bound(Document{}), serialize_board(Document{}).size());
}

TEST(Limits, PriorityStrokesAreThinnedEvenly) {
    Document d = reduce(Document{}, act::AddParticipant{"Ann", Role::Leraar});
    d = reduce(d, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    std::vector<Vec2> stroke;
    for (int i = 0; i < 5000; ++i) stroke.push_back({double(i), 0});
    d = reduce(d, act::SetPriority{1, 1, stroke});
    ASSERT_EQ(d.priorities.at(0).stroke.size(), limits::kStrokePoints);
    EXPECT_EQ(d.priorities[0].stroke.front(), stroke.front());
    EXPECT_EQ(d.priorities[0].stroke.back(), stroke.back());
}

// ---- The reader -------------------------------------------------------------------------

TEST(Limits, AFileWithAnOverLongTextOpensRepaired) {
    Document d = reduce(Document{}, act::AddPartner{"CLB", Category::Zorg, {250, 0}});
    std::string bytes = serialize_board(d);
    const std::string long_text = "a" + repeat("€", 1000);  // 3001 bytes; "€" is three
    const size_t at = bytes.find("\"CLB\"");
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 5, "\"" + long_text + "\"");
    const LoadedBoard b = loaded(bytes);
    ASSERT_EQ(b.doc.partners.size(), 1u);
    const std::string& t = b.doc.partners[0].text;
    EXPECT_EQ(t.size(), 1 + 333 * 3u) << "cut at the last whole character under 1000 bytes";
    EXPECT_TRUE(long_text.starts_with(t));
    EXPECT_TRUE(mentions(b.repairs, "partner 1 text: 3001 bytes cut to at most 1000")) << b.repairs.changes.size();
    EXPECT_TRUE(invariant_violations(b.doc).empty());
}

TEST(Limits, AFileWithMoreThanFiftyVersionsOpensWithTheNewest) {
    Document d;
    for (int i = 0; i < 50; ++i) d = reduce(std::move(d), act::SaveVersion{"2026-12-07", "v" + std::to_string(i + 1)});
    std::string bytes = serialize_board(d);
    // Ten more, written by hand (the reducer would refuse them): the file has 60.
    d.versions.edit([](std::vector<Version>& v) {
        v.insert(v.begin(), v.begin(), v.begin() + 10);
        for (int i = 0; i < 10; ++i) v[size_t(i)].note = "old" + std::to_string(i);
    });
    bytes = serialize_board(d);
    const LoadedBoard b = loaded(bytes);
    ASSERT_EQ(b.doc.versions.size(), 50u);
    EXPECT_EQ(b.doc.versions.front().note, "v1");
    EXPECT_EQ(b.doc.versions.back().note, "v50");
    EXPECT_TRUE(mentions(b.repairs, "10 oldest version(s) dropped")) << (b.repairs.empty() ? "" : b.repairs.changes[0]);
}

// A board past a count limit (from a file) still opens and can be changed, only not grown.
TEST(Limits, ABoardFromAFilePastALimitOpensAndOnlyItsGrowthIsRefused) {
    Document d;
    for (size_t i = 0; i < limits::kPartners + 10; ++i) d.partners.push_back({Id(i + 1), "p", Category::Andere, 0, 0});
    const LoadedBoard b = loaded(serialize_board(d));
    EXPECT_EQ(b.doc.partners.size(), limits::kPartners + 10);
    std::optional<Refusal> why;
    Document less = reduce(b.doc, act::RemovePartner{1}, &why);
    EXPECT_EQ(why, std::nullopt);
    EXPECT_EQ(less.partners.size(), limits::kPartners + 9);
    reduce(less, act::AddPartner{"more", Category::Zorg, {250, 0}}, &why);
    EXPECT_EQ(why, (Refusal{Limit::Partners, limits::kPartners}));
}

TEST(Limits, EveryLimitHasAMessage) {
    for (Limit l : {Limit::Participants, Limit::Partners, Limit::Links, Limit::Notes, Limit::Actions, Limit::Versions,
                    Limit::FileSize, Limit::MergeSize}) {
        for (const char* lang : {"nl.txt", "en.txt"}) {
            const fs::path file = fs::path(NK_TEST_DATA) / ".." / ".." / "assets" / "lang" / lang;
            std::ifstream in(file);
            ASSERT_TRUE(in) << file;
            const std::string key = "limit." + std::string(limits::limit_id(l)) + " = ";
            bool found = false;
            for (std::string line; std::getline(in, line);) found = found || line.starts_with(key);
            EXPECT_TRUE(found) << key << " in " << lang;
        }
    }
}

}  // namespace
}  // namespace nk
