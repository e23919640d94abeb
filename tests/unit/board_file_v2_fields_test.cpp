// The board file: the fields of format version 2 (roles, notes, closing answers, actions, ...).
// Helpers in board_file_test_support.hpp; the other parts: board_file_*_test.cpp.
#include "board_file.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "board_file_test_support.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace nk {
namespace {

using namespace board_file_test;

// ---- version-2 fields ----------------------------------------------------------------------

TEST(BoardFile, WriterUsesTheDocumentedNames) {
    const std::string text = serialize_board(rich_document());
    for (const char* s :
         {"\"plan_minutes\": 120,", "\"facilitator\": 7,", "\"notetaker\": 3,", "\"author\": 9,",
          "\"face_up\": false,", "\"face_up\": true,", "\"side\": \"bottom\",", "\"side\": \"right\",",
          "\"side\": \"top\",", "\"side\": \"left\",", "\"missing\": true,", "\"missing\": false,", "\"overrepresented\": true", "\"overrepresented\": false",
          "\"notes\": [", "\"partner\": 27,", "\"card\": \"f2.verbinding\",", "\"closing\": [",
          "\"question\": \"metafoor\",", "\"actions\": [", "\"what\": \"Bellen\",", "\"who\": \"Émile\",",
          "\"due\": \"juni 2027\""})
        EXPECT_NE(text.find(s), std::string::npos) << s;
    Document empty;
    const std::string none = serialize_board(empty);
    for (const char* s : {"\"notes\": []", "\"closing\": []", "\"actions\": []", "\"facilitator\": 0,",
                          "\"notetaker\": 0,", "\"plan_minutes\": 90,"})
        EXPECT_NE(none.find(s), std::string::npos) << s << "\n" << none;
}

// A version-1 file lacks every version-2 field and is not broken for it; nor is a
// version-2 file that leaves them out. They take their defaults without a remark.
TEST(BoardFile, Version2FieldsAreOptionalInAnyVersion) {
    for (const std::string& json : {board_json("[" + partner_json(1) + "]"), v2_json("")}) {
        const LoadedBoard b = ok(json);
        EXPECT_TRUE(b.repairs.empty()) << json << "\n" << dump(b.repairs);
        EXPECT_EQ(b.doc.facilitator, 0);
        EXPECT_EQ(b.doc.notetaker, 0);
        EXPECT_EQ(b.doc.plan_minutes, 90);
        EXPECT_TRUE(b.doc.notes.empty() && b.doc.closing.empty() && b.doc.actions.empty());
        const Partner& p = b.doc.partners.at(0);
        EXPECT_EQ(p.author, 0);
        EXPECT_TRUE(p.face_up);
        EXPECT_EQ(p.side, Side::Bottom);
        EXPECT_FALSE(p.missing);
        EXPECT_FALSE(p.overrepresented);
    }
    // Each field alone may be missing too.
    const LoadedBoard one = ok(v2_json(R"(,"plan_minutes":120,"notes":[],"actions":[])", R"(,"face_up":false)"));
    EXPECT_TRUE(one.repairs.empty()) << dump(one.repairs);
    EXPECT_EQ(one.doc.plan_minutes, 120);
    EXPECT_FALSE(one.doc.partners.at(0).face_up);
    EXPECT_EQ(one.doc.partners.at(0).side, Side::Bottom);
}

TEST(BoardFile, Version2FieldsOfTheWrongTypeGetDefaults) {
    const LoadedBoard b = ok(v2_json(
        R"(,"facilitator":"2","notetaker":1.5,"plan_minutes":"120","notes":{"partner":1},"closing":"alles goed",)"
        R"("actions":[7,{"id":"1","what":["x"],"who":"An","due":null}])",
        R"(,"author":"2","face_up":0,"side":3,"missing":"yes","overrepresented":null)"));
    const Document& d = b.doc;
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 0);
    EXPECT_EQ(d.plan_minutes, 90);
    EXPECT_TRUE(d.notes.empty());
    EXPECT_TRUE(d.closing.empty());
    ASSERT_EQ(d.actions.size(), 1u);
    EXPECT_GT(d.actions[0].id, 0);
    EXPECT_EQ(d.actions[0].what, "");
    EXPECT_EQ(d.actions[0].who, "An");
    EXPECT_EQ(d.actions[0].due, "");
    const Partner& p = d.partners.at(0);
    EXPECT_EQ(p.author, 0);
    EXPECT_TRUE(p.face_up);
    EXPECT_EQ(p.side, Side::Bottom);
    EXPECT_FALSE(p.missing);
    EXPECT_FALSE(p.overrepresented);
    for (const char* what :
         {"facilitator is not an integer", "notetaker is not an integer", "plan_minutes is not an integer",
          "\"notes\" is not a list", "\"closing\" is not a list", "actions[0] is not an object",
          "actions[1].id is not an integer", "actions[1].what is not a string", "actions[1].due is not a string",
          "partners[0].author is not an integer", "partners[0].face_up is not true or false",
          "partners[0].side is not a string", "partners[0].missing is not true or false",
          "partners[0].overrepresented is not true or false"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, UnknownSideIsBottom) {
    const LoadedBoard b = ok(v2_json("", R"(,"side":"north")"));
    EXPECT_EQ(b.doc.partners.at(0).side, Side::Bottom);
    EXPECT_TRUE(mentions(b.repairs, "partners[0].side \"north\"")) << dump(b.repairs);
    for (Side s : {Side::Bottom, Side::Right, Side::Top, Side::Left}) {
        const std::string id(side_id(s));
        const LoadedBoard r = ok(v2_json("", R"(,"side":")" + id + "\""));
        EXPECT_EQ(r.doc.partners.at(0).side, s) << id;
        EXPECT_TRUE(r.repairs.empty()) << dump(r.repairs);
    }
}

// Ids that name nothing are left to nk::repair, which clears or drops them and says so.
TEST(BoardFile, DanglingIdsInVersion2FieldsAreRepaired) {
    const LoadedBoard b = ok(v2_json(
        R"(,"facilitator":9,"notetaker":-1,"plan_minutes":60,)"
        R"("notes":[{"partner":1,"card":"f1.actoren","text":"ok"},{"partner":77,"card":"f1.actoren","text":"weg"},)"
        R"({"partner":1,"card":"f9.onbekend","text":"weg"},{"partner":1,"card":"f1.actoren","text":"dubbel"}],)"
        R"("closing":[{"question":"metafoor","text":"ok"},{"question":"weer","text":"weg"},)"
        R"({"question":"metafoor","text":"dubbel"}],)"
        R"("actions":[{"id":3,"what":"a","who":"","due":""},{"id":3,"what":"b","who":"","due":""},)"
        R"({"id":-4,"what":"c","who":"","due":""}])",
        R"(,"author":42)"));
    const Document& d = b.doc;
    EXPECT_EQ(d.facilitator, 0);
    EXPECT_EQ(d.notetaker, 0);
    EXPECT_EQ(d.plan_minutes, 90);
    EXPECT_EQ(d.partners.at(0).author, 0);
    EXPECT_EQ(d.notes, (std::vector<CardNote>{{1, "f1.actoren", "ok"}}));
    EXPECT_EQ(d.closing, (std::vector<ClosingAnswer>{{"metafoor", "ok"}}));
    ASSERT_EQ(d.actions.size(), 3u);
    EXPECT_EQ(d.actions[0].id, 3);
    EXPECT_EQ(d.actions[2].what, "c");
    for (const char* what : {"facilitator", "note-taker", "plan", "author", "card note", "closing question",
                             "action id"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, BrokenNotesAnswersAndActionsAreDroppedOrDefaulted) {
    const LoadedBoard b = ok(v2_json(
        R"(,"notes":[{"card":"f1.actoren","text":"geen partner"},{"partner":1,"text":"geen kaart"},)"
        R"({"partner":1,"card":5,"text":"kaart is geen tekst"},"los",{"partner":2,"card":"f2.tijd"}],)"
        R"("closing":[{"text":"geen vraag"},{"question":"verder"}],)"
        R"("actions":[{"what":"zonder id"},{"id":5}])"));
    const Document& d = b.doc;
    EXPECT_EQ(d.notes, (std::vector<CardNote>{{2, "f2.tijd", ""}}));
    EXPECT_EQ(d.closing, (std::vector<ClosingAnswer>{{"verder", ""}}));
    ASSERT_EQ(d.actions.size(), 2u);
    EXPECT_EQ(d.actions[0].what, "zonder id");
    EXPECT_EQ(d.actions[1].id, 5);
    EXPECT_NE(d.actions[0].id, 5);
    EXPECT_GT(d.actions[0].id, 0);
    for (const char* what : {"notes[0] dropped", "notes[1] dropped", "notes[2] dropped", "notes[3] is not an object",
                             "notes[4].text is missing", "closing[0] dropped", "closing[1].text is missing",
                             "actions[0].id is missing", "actions[1].what is missing", "action id(s) renumbered"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, InvalidUtf8InVersion2TextsIsReplaced) {
    const LoadedBoard b = ok(v2_json(
        ",\"notes\":[{\"partner\":1,\"card\":\"f1.actoren\",\"text\":\"a\xFF\"}],"
        "\"closing\":[{\"question\":\"inzichten\",\"text\":\"\xC3\"}],"
        "\"actions\":[{\"id\":1,\"what\":\"\xED\xA0\x80\",\"who\":\"W\xFE\",\"due\":\"\x80\"}]"));
    const Document& d = b.doc;
    EXPECT_EQ(d.notes.at(0).text, "a\xEF\xBF\xBD");
    EXPECT_EQ(d.closing.at(0).text, "\xEF\xBF\xBD");
    EXPECT_EQ(d.actions.at(0).who, "W\xEF\xBF\xBD");
    EXPECT_EQ(d.actions.at(0).due, "\xEF\xBF\xBD");
    for (const char* what : {"notes[0].text", "closing[0].text", "actions[0].what", "actions[0].who", "actions[0].due"})
        EXPECT_TRUE(mentions(b.repairs, what)) << what << "\n" << dump(b.repairs);
    EXPECT_TRUE(invariant_violations(d).empty());
}

TEST(BoardFile, Version2ListsPastTheCapAreTooLarge) {
    for (const char* key : {"notes", "closing", "actions"}) {
        std::string list = "[{}";
        for (size_t i = 0; i < kMaxListLength; ++i) list += ",{}";
        list += "]";
        const LoadError e = refused(v2_json(std::string(",\"") + key + "\":" + list));
        EXPECT_EQ(e.kind, LoadErrorKind::TooLarge) << key;
        EXPECT_NE(e.detail.find(key), std::string::npos) << e.detail;
    }
}

// kMaxListLength entries are still read, and quickly (repair uses sets, not searches).
TEST(BoardFile, ManyNotesLoadQuickly) {
    std::string notes = "[";
    for (size_t i = 0; i < kMaxListLength; ++i)
        notes += std::string(i ? "," : "") + R"({"partner":)" + std::to_string(i % 3) +
                 R"(,"card":"f2.tijd","text":"t"})";
    notes += "]";
    const auto start = std::chrono::steady_clock::now();
    const LoadedBoard b = ok(v2_json(",\"notes\":" + notes));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
    EXPECT_EQ(b.doc.notes.size(), 2u);  // partners 1 and 2 once each; 0 and the repeats dropped
    EXPECT_TRUE(mentions(b.repairs, "card note")) << dump(b.repairs);
}

TEST(BoardFile, EveryFieldRoundTrips) {
    Document d = v2_document();
    d.partners[0].side = Side::Right;
    d.partners[1].face_up = false;
    d.partners[2].missing = d.partners[2].overrepresented = true;
    d.notetaker = 0;
    const LoadedBoard back = ok(serialize_board(d));
    EXPECT_TRUE(back.repairs.empty()) << dump(back.repairs);
    EXPECT_EQ(back.doc, d);
}

}  // namespace
}  // namespace nk
