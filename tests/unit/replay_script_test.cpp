// The replay-script parser: every command form, targets and offsets, strings, paths,
// errors with their line numbers, the text splitter, and robustness on hostile bytes.
#include "replay_script.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

using namespace nk::replay;
using Op = Command::Op;
using Kind = Target::Kind;

namespace {

Script parse_ok(std::string_view text, const std::string& base = "/scripts") {
    auto r = parse_script(text, "replay.txt", base);
    if (auto* e = std::get_if<ParseError>(&r)) {
        ADD_FAILURE() << "unexpected error: " << e->what();
        return {};
    }
    return std::get<Script>(std::move(r));
}

Command one(std::string_view text) {
    Script s = parse_ok(text);
    EXPECT_EQ(s.commands.size(), 1u) << text;
    return s.commands.empty() ? Command{} : s.commands[0];
}

ParseError parse_err(std::string_view text) {
    auto r = parse_script(text, "replay.txt", "/scripts");
    if (!std::holds_alternative<ParseError>(r)) {
        ADD_FAILURE() << "expected an error for: " << text;
        return {};
    }
    return std::get<ParseError>(r);
}

Target target(std::string_view text) {
    Command c = one("tap " + std::string(text));
    EXPECT_TRUE(c.pos.is_target) << text;
    return c.pos.target;
}

}  // namespace

// ---- commands -------------------------------------------------------------------------

TEST(ReplayScript, FingerCommands) {
    Script s = parse_ok("finger down 0 0.5 0.25\nfinger move 3 -0.1 1.5\nfinger up 12 @school\n");
    ASSERT_EQ(s.commands.size(), 3u);
    EXPECT_EQ(s.commands[0].op, Op::FingerDown);
    EXPECT_EQ(s.commands[0].finger, 0);
    EXPECT_EQ(s.commands[0].line, 1);
    EXPECT_FALSE(s.commands[0].pos.is_target);
    EXPECT_DOUBLE_EQ(s.commands[0].pos.x, 0.5);
    EXPECT_DOUBLE_EQ(s.commands[0].pos.y, 0.25);
    EXPECT_EQ(s.commands[1].op, Op::FingerMove);
    EXPECT_EQ(s.commands[1].finger, 3);
    EXPECT_DOUBLE_EQ(s.commands[1].pos.x, -0.1);  // outside 0..1 is kept
    EXPECT_DOUBLE_EQ(s.commands[1].pos.y, 1.5);
    EXPECT_EQ(s.commands[2].op, Op::FingerUp);
    EXPECT_EQ(s.commands[2].finger, 12);
    EXPECT_TRUE(s.commands[2].pos.is_target);
    EXPECT_EQ(s.commands[2].pos.target.kind, Kind::School);
    EXPECT_EQ(s.commands[2].line, 3);
    EXPECT_TRUE(s.commands[2].has_pos);
}

TEST(ReplayScript, MouseCommands) {
    Script s = parse_ok("mouse down 0.1 0.2\nmouse move 1e-1 .5\nmouse up @ui:undo");
    ASSERT_EQ(s.commands.size(), 3u);
    EXPECT_EQ(s.commands[0].op, Op::MouseDown);
    EXPECT_EQ(s.commands[0].finger, -1);
    EXPECT_EQ(s.commands[1].op, Op::MouseMove);
    EXPECT_DOUBLE_EQ(s.commands[1].pos.x, 0.1);
    EXPECT_DOUBLE_EQ(s.commands[1].pos.y, 0.5);
    EXPECT_EQ(s.commands[2].op, Op::MouseUp);
    EXPECT_EQ(s.commands[2].pos.target.a, "undo");
}

TEST(ReplayScript, Wheel) {
    Command a = one("wheel 3");
    EXPECT_EQ(a.op, Op::Wheel);
    EXPECT_EQ(a.number, 3);
    EXPECT_FALSE(a.has_pos);
    Command b = one("wheel -2 0.5 0.5");
    EXPECT_EQ(b.number, -2);
    EXPECT_TRUE(b.has_pos);
    EXPECT_DOUBLE_EQ(b.pos.x, 0.5);
    Command c = one("wheel +1 @note:\"CLB\"+0.01,0");
    EXPECT_EQ(c.number, 1);
    EXPECT_TRUE(c.pos.is_target);
    EXPECT_DOUBLE_EQ(c.pos.dx, 0.01);
}

TEST(ReplayScript, TextAndType) {
    Command t = one(R"(text "Coördinatie zorg \"CLB\"")");
    EXPECT_EQ(t.op, Op::Text);
    EXPECT_EQ(t.text, "Coördinatie zorg \"CLB\"");
    EXPECT_EQ(one("text \"\"").text, "");
    Command y = one(R"(type 2 "École # geen commentaar")");
    EXPECT_EQ(y.op, Op::Type);
    EXPECT_EQ(y.number, 2);
    EXPECT_EQ(y.text, "École # geen commentaar");
}

TEST(ReplayScript, Keys) {
    Command r = one("key Return");
    EXPECT_EQ(r.op, Op::Key);
    EXPECT_EQ(r.text, "Return");
    EXPECT_FALSE(r.ctrl || r.alt || r.shift);
    Command z = one("key ctrl+shift+z");
    EXPECT_EQ(z.text, "z");
    EXPECT_TRUE(z.ctrl);
    EXPECT_TRUE(z.shift);
    EXPECT_FALSE(z.alt);
    Command f = one("key Alt+F4");
    EXPECT_TRUE(f.alt);
    EXPECT_EQ(f.text, "F4");
    Command k = one("key \"Keypad Enter\"");
    EXPECT_EQ(k.text, "Keypad Enter");
    Command sk = one("key shift+alt+\"Keypad Enter\"");
    EXPECT_EQ(sk.text, "Keypad Enter");
    EXPECT_TRUE(sk.shift && sk.alt && !sk.ctrl);
    EXPECT_EQ(one("key ctrl++").text, "+");
    EXPECT_EQ(one("key \"#\"").text, "#");
    for (const char* name : {"Escape", "Backspace", "Tab", "Left", "a"}) EXPECT_EQ(one(std::string("key ") + name).text, name);
}

TEST(ReplayScript, WaitFramesQuit) {
    Command w = one("wait 100");
    EXPECT_EQ(w.op, Op::Wait);
    EXPECT_EQ(w.number, 100);
    EXPECT_EQ(one("wait 0").number, 0);
    Command f = one("frames 5");
    EXPECT_EQ(f.op, Op::Frames);
    EXPECT_EQ(f.number, 5);
    EXPECT_EQ(one("quit").op, Op::Quit);
}

TEST(ReplayScript, TapAndLongPress) {
    Command t = one("tap @ui:note.add");
    EXPECT_EQ(t.op, Op::Tap);
    EXPECT_EQ(t.pos.target.kind, Kind::Ui);
    EXPECT_EQ(t.pos.target.a, "note.add");
    EXPECT_EQ(t.finger, -1);
    Command p = one("longpress @note:\"CLB\" finger 4");
    EXPECT_EQ(p.op, Op::LongPress);
    EXPECT_EQ(p.finger, 4);
    EXPECT_EQ(one("tap 0.5 0.5").pos.x, 0.5);
}

TEST(ReplayScript, Drag) {
    Command d = one("drag @note:\"CLB\" @school+0.2,0.1");
    EXPECT_EQ(d.op, Op::Drag);
    EXPECT_EQ(d.number, kDefaultDragSteps);
    EXPECT_EQ(d.finger, -1);
    EXPECT_EQ(d.pos.target.a, "CLB");
    EXPECT_EQ(d.pos2.target.kind, Kind::School);
    EXPECT_DOUBLE_EQ(d.pos2.dx, 0.2);
    EXPECT_DOUBLE_EQ(d.pos2.dy, 0.1);
    Command e = one("drag 0.1 0.2 0.3 0.4 finger 2 steps 30");
    EXPECT_EQ(e.number, 30);
    EXPECT_EQ(e.finger, 2);
    EXPECT_DOUBLE_EQ(e.pos2.y, 0.4);
    EXPECT_EQ(one("drag 0 0 1 1 steps 1").number, 1);
}

TEST(ReplayScript, FilesResolveAgainstTheScriptDirectory) {
    Command s = one("snapshot out/board.png 1920x1080");
    EXPECT_EQ(s.op, Op::Snapshot);
    EXPECT_EQ(s.text, "/scripts/out/board.png");
    EXPECT_EQ(s.width, 1920);
    EXPECT_EQ(s.height, 1080);
    Command d = one("snapshot a.png");
    EXPECT_EQ(d.width, 0);
    EXPECT_EQ(d.height, 0);
    EXPECT_EQ(one("save ../boards/./x.json").text, "/boards/x.json");
    EXPECT_EQ(one("open /abs/dir/../b.json").text, "/abs/dir/../b.json");  // absolute stays
    EXPECT_EQ(one("save \"my board.json\"").text, "/scripts/my board.json");
    EXPECT_EQ(one("save \"Coördinatie.json\"").text, "/scripts/Coördinatie.json");
    EXPECT_EQ(one("save x.json").op, Op::Save);
    EXPECT_EQ(one("open x.json").op, Op::Open);
    EXPECT_EQ(one("layout l.txt").op, Op::Layout);
    EXPECT_EQ(one("layout l.txt").text, "/scripts/l.txt");
    EXPECT_EQ(one("snapshot x.png 16384x1").width, 16384);

    Script rel = parse_ok("save ./a/../b.json", "");
    EXPECT_EQ(rel.commands.at(0).text, "b.json");
    Script based = parse_ok("save b.json", "tests/scripts");
    EXPECT_EQ(based.commands.at(0).text, "tests/scripts/b.json");
}

// ---- targets and offsets --------------------------------------------------------------

TEST(ReplayScript, Targets) {
    EXPECT_EQ(target("@ui:station.1.participant.3").a, "station.1.participant.3");
    EXPECT_EQ(target("@ui:category.zorg").a, "category.zorg");
    EXPECT_EQ(target("@ui:phase.2c").a, "phase.2c");
    EXPECT_EQ(target("@ui:a_b-c").a, "a_b-c");
    EXPECT_EQ(target("@school").kind, Kind::School);

    Target n = target(R"(@note:"Coördinatie zorg")");
    EXPECT_EQ(n.kind, Kind::Note);
    EXPECT_EQ(n.a, "Coördinatie zorg");
    EXPECT_EQ(target(R"(@note:"")").a, "");

    Target l = target(R"(@link:"École")");
    EXPECT_EQ(l.kind, Kind::LinkHandle);
    EXPECT_EQ(l.a, "École");

    Target ln = target(R"(@line:"CLB":"Scholengemeenschap")");
    EXPECT_EQ(ln.kind, Kind::Line);
    EXPECT_EQ(ln.a, "CLB");
    EXPECT_EQ(ln.b, "Scholengemeenschap");
}

TEST(ReplayScript, KeyboardTargets) {
    Target a = target("@kbd:1:a");
    EXPECT_EQ(a.kind, Kind::Key);
    EXPECT_EQ(a.station, 1);
    EXPECT_EQ(a.a, "a");
    EXPECT_EQ(target("@kbd:2:é").a, "é");
    EXPECT_EQ(target("@kbd:2:,").a, ",");
    EXPECT_EQ(target("@kbd:3:\"#\"").a, "#");
    EXPECT_EQ(target("@kbd:3:#").a, "#");  // '#' inside a word is not a comment
    EXPECT_EQ(target("@kbd:3:\"\\\"\"").a, "\"");
    EXPECT_EQ(target("@kbd:3:+").a, "+");
    for (const char* name : {"shift", "space", "backspace", "enter", "accent", "layer", "more", "done"}) {
        EXPECT_EQ(target(std::string("@kbd:10:") + name).a, name);
        EXPECT_EQ(target(std::string("@kbd:10:\"") + name + "\"").a, name);
    }
    EXPECT_EQ(target("@kbd:1:Shift").a, "shift");
    // Keyboard 0 is the focused field's; 99 the last station.
    EXPECT_EQ(target("@kbd:0:done").station, 0);
    EXPECT_EQ(target("@kbd:0:done").a, "done");
    EXPECT_EQ(target("@kbd:99:\"–\"").a, "–");
    Command t0 = one("type 0 \"Hogeschool Gent – lerarenopleiding\"");
    EXPECT_EQ(t0.op, Op::Type);
    EXPECT_EQ(t0.number, 0);
    EXPECT_EQ(t0.text, "Hogeschool Gent – lerarenopleiding");
    Command o = one("tap @kbd:1:++0.01,-0.02");
    EXPECT_EQ(o.pos.target.a, "+");
    EXPECT_DOUBLE_EQ(o.pos.dx, 0.01);
    EXPECT_DOUBLE_EQ(o.pos.dy, -0.02);
    Command e = one("tap @kbd:1:enter+0,0.5");
    EXPECT_EQ(e.pos.target.a, "enter");
    EXPECT_DOUBLE_EQ(e.pos.dy, 0.5);
}

TEST(ReplayScript, OffsetsWithSigns) {
    auto offset = [](std::string_view t) {
        Command c = one("tap " + std::string(t));
        return std::pair{c.pos.dx, c.pos.dy};
    };
    EXPECT_EQ(offset("@school+0.20,-0.10"), (std::pair{0.20, -0.10}));
    EXPECT_EQ(offset("@note:\"CLB\"+-0.05,0.1"), (std::pair{-0.05, 0.1}));
    EXPECT_EQ(offset("@school++0.5,+0.25"), (std::pair{0.5, 0.25}));
    EXPECT_EQ(offset("@ui:undo+1e-2,-1E-2"), (std::pair{0.01, -0.01}));
    EXPECT_EQ(offset("@line:\"A\":\"B\"+0,0"), (std::pair{0.0, 0.0}));
    EXPECT_EQ(offset("@school"), (std::pair{0.0, 0.0}));
}

TEST(ReplayScript, StringEscapes) {
    EXPECT_EQ(target(R"(@note:"a\"b\\c\/d")").a, "a\"b\\c/d");
    EXPECT_EQ(one(R"(text "\b\f\n\r\t")").text, "\b\f\n\r\t");
    EXPECT_EQ(one(R"(text "\u00e9\u00C9\u20ac")").text, "éÉ€");
    EXPECT_EQ(one(R"(text "\ud83d\ude00")").text, "\xF0\x9F\x98\x80");  // U+1F600
    EXPECT_EQ(target(R"(@note:"\u00c9cole")").a, "École");
    EXPECT_EQ(target("@note:\"a b # c\"").a, "a b # c");  // spaces and '#' inside a string
}

TEST(ReplayScript, FormatTargetRoundTrips) {
    for (const char* t : {"@ui:note.add", "@school", "@note:\"a \\\"q\\\" \\n\"", "@link:\"École\"",
                          "@line:\"A\":\"B\"", "@kbd:1:\"é\"", "@kbd:4:shift", "@kbd:2:\"\\\"\"", "@kbd:2:\"#\""}) {
        const Target parsed = target(t);
        EXPECT_EQ(target(format_target(parsed)), parsed) << t;
    }
    EXPECT_EQ(format_target(target("@note:\"CLB\"")), "@note:\"CLB\"");
}

// ---- lines, comments, encoding ---------------------------------------------------------

TEST(ReplayScript, CommentsBlankLinesAndLineNumbers) {
    Script s = parse_ok(
        "# a replay\n"
        "\n"
        "   \t\n"
        "tap @ui:undo   # trailing comment\n"
        "\t# indented comment\n"
        "text \"# not a comment\" # but this is\r\n"
        "\twait\t16 #\n"
        "quit\n");
    ASSERT_EQ(s.commands.size(), 4u);
    EXPECT_EQ(s.commands[0].line, 4);
    EXPECT_EQ(s.commands[1].text, "# not a comment");
    EXPECT_EQ(s.commands[1].line, 6);
    EXPECT_EQ(s.commands[2].number, 16);
    EXPECT_EQ(s.commands[3].line, 8);
    EXPECT_EQ(s.file, "replay.txt");

    // A '#' glued to a word is part of the word.
    ParseError e = parse_err("# a replay\n\ntap @ui:undo # c\ntext \"#\" # c\r\nquit#x\n");
    EXPECT_EQ(e.line, 5);
    EXPECT_NE(e.message.find("unknown command 'quit#x'"), std::string::npos);
    EXPECT_NE(parse_err("tap @school #ok\nwait 16#c").message.find("got '16#c'"), std::string::npos);
    EXPECT_NE(parse_err("quit #ok\ntap @school 0#c").message.find("a comment must be separated"), std::string::npos);
}

TEST(ReplayScript, CrLfAndBomAndNoFinalNewline) {
    Script s = parse_ok("\xEF\xBB\xBFwait 16\r\nframes 2\r\nquit");
    ASSERT_EQ(s.commands.size(), 3u);
    EXPECT_EQ(s.commands[2].line, 3);
    EXPECT_TRUE(parse_ok("").commands.empty());
    EXPECT_TRUE(parse_ok("\n\n# only comments\n").commands.empty());
}

TEST(ReplayScript, ErrorsNameTheirLine) {
    struct Case {
        const char* line;
        const char* message_part;
    };
    const Case cases[] = {
        {"finger down x 0.5 0.5", "expected a whole number >= 0 for the finger id, got 'x'"},
        {"finger down -1 0.5 0.5", "finger id"},
        {"finger down 99999999999 0.5 0.5", "finger id must be between 0 and"},
        {"finger sideways 1 0 0", "expected down, move or up after 'finger', got 'sideways'"},
        {"finger down 1", "expected the position"},
        {"finger down 1 0.5", "y coordinate"},
        {"finger down 1 nan 0.5", "finite number"},
        {"finger down 1 0.5 inf", "finite number"},
        {"finger down 1 0.5 -infinity", "finite number"},
        {"finger down 1 1e999 0", "out of range"},
        {"finger down 1 0x10 0", "expected a number"},
        {"finger down 1 +-1 0", "expected a number"},
        {"mouse click 0 0", "expected down, move or up after 'mouse'"},
        {"mouse down 0.5 0.5 0.5", "unexpected '0.5' after the command"},
        {"wheel", "wheel notches"},
        {"wheel 1.5", "wheel notches"},
        {"wheel 100000", "between -1000 and 1000"},
        {"wheel 1 0.5", "y coordinate"},
        {"text hello", "in double quotes"},
        {"text \"abc", "unterminated string"},
        {"text \"a\\qb\"", "unknown escape '\\q'"},
        {"text \"\\u12\"", "four hex digits"},
        {"text \"\\ud800\"", "high surrogate"},
        {"text \"\\ud800\\u0041\"", "high surrogate"},
        {"text \"\\udc00\"", "lone low surrogate"},
        {"text \"\\u0000\"", "\\u0000 is not allowed"},
        {"text \"a\tb\"", "control character inside a string"},
        {"text \"a\"b", "unexpected 'b' right after"},
        {"text \"a\" \"b\"", "unexpected"},
        {"key", "expected a key name"},
        {"key ctrl+", "expected a key name after 'ctrl+'"},
        {"key ctrl+ctrl+a", "given twice"},
        {"key \"\"", "empty"},
        {"key a\"b\"", "quoted as a whole"},
        {"key #", "expected a key name"},
        {"wait", "for the wait"},
        {"wait -5", "whole number >= 0 for the wait"},
        {"wait 1.5", "whole number"},
        {"wait 3600001", "between 0 and 3600000 ms"},
        {"frames x", "number of frames"},
        {"frames 225001", "number of frames must be between"},
        {"tap", "expected the position"},
        {"tap @school finger", "finger id"},
        {"tap @school steps 3", "unexpected 'steps'; expected 'finger ID'"},
        {"tap @school finger 1 finger 2", "given twice"},
        {"tap @school +0.1,0.2", "glued to its target"},
        {"tap @foo:bar", "unknown target kind '@foo:'"},
        {"tap @", "expected a target"},
        {"tap @école", "expected a target"},
        {"tap @ui", "expected ':' after '@ui'"},
        {"tap @ui:", "control id"},
        {"tap @ui:a/b", "unexpected '/b' after the target"},
        {"tap @school:", "unexpected ':'"},
        {"tap @note:CLB", "in double quotes"},
        {"tap @note:\"CLB", "unterminated string"},
        {"tap @line:\"A\"", "between the two texts"},
        {"tap @line:\"A\":B", "second post-it"},
        {"tap @kbd:x:a", "keyboard number"},
        {"tap @kbd:100:a", "between 0 and 99"},
        {"tap @kbd:1", "expected ':' after the keyboard"},
        {"tap @kbd:1:", "expected a key"},
        {"tap @kbd:1:foo", "unknown keyboard key 'foo'"},
        {"tap @kbd:1:\"ab\"", "as the @kbd key"},
        {"tap @kbd:1:\" \"", "as the @kbd key"},
        {"tap @kbd:1:12", "unexpected '2'"},
        {"tap @school+0.1", "+DX,DY"},
        {"tap @school+a,0", "offset's DX"},
        {"tap @school+0,nan", "offset's DY"},
        {"tap @school+0,", "offset's DY"},
        {"drag", "start position"},
        {"drag 0 0", "end position"},
        {"drag 0 0 1", "end position"},
        {"drag @school", "end position"},
        {"drag 0 0 1 1 steps 0", "between 1 and 10000"},
        {"drag 0 0 1 1 steps", "number of steps"},
        {"drag 0 0 1 1 steps 2 steps 3", "given twice"},
        {"drag 0 0 1 1 fast", "unexpected 'fast'"},
        {"type 100 \"x\"", "keyboard number must be between 0 and 99"},
        {"type -1 \"x\"", "keyboard number"},
        {"type 1", "the text in double quotes"},
        {"snapshot", "file name"},
        {"snapshot a.png 100", "WxH"},
        {"snapshot a.png 0x100", "between 1 and 16384"},
        {"snapshot a.png 100x16385", "between 1 and 16384"},
        {"snapshot a.png 100x100 extra", "unexpected 'extra'"},
        {"save out/", "not a directory"},
        {"save ..", "not a directory"},
        {"save \"\"", "file name"},
        {"open a\"b\".json", "quoted as a whole"},
        {"quit now", "unexpected 'now' after the command"},
        {"expect note 1", "unknown command 'expect'"},
        {"Tap @school", "unknown command 'Tap'"},
        {"tap @school \x01", "control character"},
        {"tap @note:\"\xC3\x28\"", "invalid UTF-8 at column 12 (byte 0xC3)"},
        {"# \xFF in a comment is still not UTF-8", "invalid UTF-8"},
        {"text \"\xED\xA0\x80\"", "invalid UTF-8"},  // an encoded surrogate
        {"text \"\xC0\xAF\"", "invalid UTF-8"},      // overlong
        {"text \"\xF4\x90\x80\x80\"", "invalid UTF-8"},  // above U+10FFFF
    };
    for (const Case& c : cases) {
        // Put the bad line third, after good lines, so the line number is checked too.
        const std::string script = "wait 16\n# comment\n" + std::string(c.line) + "\nquit\n";
        const ParseError e = parse_err(script);
        EXPECT_EQ(e.line, 3) << c.line << " -> " << e.what();
        EXPECT_EQ(e.file, "replay.txt");
        EXPECT_NE(e.message.find(c.message_part), std::string::npos)
            << "line: " << c.line << "\nmessage: " << e.message << "\nexpected to contain: " << c.message_part;
    }
}

TEST(ReplayScript, ErrorWhatNamesFileAndLine) {
    const ParseError e = parse_err("wait 1\nfinger down x 0 0\n");
    EXPECT_EQ(e.what(), "replay.txt:2: expected a whole number >= 0 for the finger id, got 'x'");
    EXPECT_EQ((ParseError{"a.txt", 0, "cannot open the script"}).what(), "a.txt: cannot open the script");
}

TEST(ReplayScript, LongWordsAreShortenedInMessages) {
    const ParseError e = parse_err("unknown" + std::string(1000, 'x'));
    EXPECT_LT(e.message.size(), 300u);
}

TEST(ReplayScript, TooManyWordsOnALine) {
    std::string line = "quit";
    for (int i = 0; i < 100; ++i) line += " x";
    EXPECT_NE(parse_err(line).message.find("too many words"), std::string::npos);
}

// ---- load_script ----------------------------------------------------------------------

TEST(ReplayScript, LoadScriptUsesTheFilesDirectory) {
    const auto dir = std::filesystem::temp_directory_path() / ("nk_replay_test_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "demo.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << "snapshot shots/one.png\nsave ../board.json\n";
    }
    auto r = load_script(file.string());
    ASSERT_TRUE(std::holds_alternative<Script>(r)) << std::get<ParseError>(r).what();
    const Script& s = std::get<Script>(r);
    EXPECT_EQ(s.file, file.string());
    EXPECT_EQ(s.commands.at(0).text, (dir / "shots/one.png").string());
    EXPECT_EQ(s.commands.at(1).text, (dir.parent_path() / "board.json").string());

    {
        std::ofstream out(file, std::ios::binary);
        out << "wait 1\nwait x\n";
    }
    auto bad = load_script(file.string());
    ASSERT_TRUE(std::holds_alternative<ParseError>(bad));
    EXPECT_EQ(std::get<ParseError>(bad).what().rfind(file.string() + ":2: ", 0), 0u);

    auto missing = load_script((dir / "missing.txt").string());
    ASSERT_TRUE(std::holds_alternative<ParseError>(missing));
    EXPECT_EQ(std::get<ParseError>(missing).line, 0);
    auto directory = load_script(dir.string());
    ASSERT_TRUE(std::holds_alternative<ParseError>(directory));
    std::filesystem::remove_all(dir);
}

// ---- timing and text splitting --------------------------------------------------------

TEST(ReplayScript, FramesForWait) {
    EXPECT_EQ(frames_for_wait(0), 0);
    EXPECT_EQ(frames_for_wait(-5), 0);
    EXPECT_EQ(frames_for_wait(1), 1);
    EXPECT_EQ(frames_for_wait(16), 1);
    EXPECT_EQ(frames_for_wait(17), 2);
    EXPECT_EQ(frames_for_wait(800), 50);
    EXPECT_EQ(frames_for_wait(kMaxWaitMs), 225'000);
    EXPECT_EQ(frames_for_wait(INT_MAX), 134'217'728);
}

TEST(ReplayScript, SplitTextInputKeepsSequencesWhole) {
    EXPECT_TRUE(split_text_input("").empty());
    EXPECT_EQ(split_text_input("abc"), (std::vector<std::string>{"abc"}));
    EXPECT_EQ(split_text_input(std::string(31, 'a')).size(), 1u);
    EXPECT_EQ(split_text_input(std::string(32, 'a')).size(), 2u);

    // 30 ASCII bytes then a 2-byte é: it does not fit in the first piece.
    const auto p = split_text_input(std::string(30, 'a') + "é");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0], std::string(30, 'a'));
    EXPECT_EQ(p[1], "é");

    // Every mix of 1- to 4-byte characters at every alignment.
    const std::string chars[] = {"a", "é", "€", "\xF0\x9F\x98\x80"};
    std::mt19937 rng(7);
    for (int round = 0; round < 500; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 80);
        for (int k = 0; k < n; ++k) text += chars[rng() % 4];
        const auto pieces = split_text_input(text);
        std::string joined;
        for (const std::string& piece : pieces) {
            ASSERT_FALSE(piece.empty());
            ASSERT_LE(piece.size(), static_cast<std::size_t>(kMaxTextChunk));
            // A piece starts on a lead byte and ends after a complete sequence.
            ASSERT_NE(static_cast<unsigned char>(piece.front()) & 0xC0, 0x80);
            const auto again = split_text_input(piece);
            ASSERT_EQ(again.size(), 1u);
            ASSERT_EQ(again[0], piece);
            joined += piece;
        }
        ASSERT_EQ(joined, text);
        // Greedy: no piece could have taken the next character too.
        for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
            const auto next = split_text_input(pieces[k + 1]);
            const std::size_t lead = static_cast<unsigned char>(pieces[k + 1][0]);
            const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            ASSERT_GT(pieces[k].size() + len, static_cast<std::size_t>(kMaxTextChunk));
            (void)next;
        }
    }

    // Invalid bytes are kept, never dropped.
    const std::string junk = "\xFF\xC3" + std::string(40, 'x') + "\xE2\x82";
    std::string joined;
    for (const auto& piece : split_text_input(junk)) joined += piece;
    EXPECT_EQ(joined, junk);
}

// ---- robustness -----------------------------------------------------------------------

TEST(ReplayScript, NeverCrashesOnRandomOrMutatedInput) {
    const std::string seeds[] = {
        "finger down 0 0.5 0.5\nfinger move 0 @school+0.1,-0.2\nfinger up 0 @note:\"CLB\"\n",
        "drag @note:\"Coördinatie zorg\" @line:\"A\":\"B\"+-0.05,0.1 steps 5 finger 1\n",
        "tap @kbd:1:\"\\u00e9\"\nkey ctrl+shift+\"Keypad Enter\" # c\ntext \"\\ud83d\\ude00\"\n",
        "snapshot out/a.png 800x600\nsave b.json\nopen \"c d.json\"\nwait 16\nframes 2\nquit\n",
        "type 2 \"École\"\nwheel -3 0.5 0.5\nlongpress @ui:note.add\nmouse down 1e308 -1e308\n",
    };
    const std::string alphabet = "@\"\\:+-,.# \t\nexu0123456789abcdfnrtxyzé\xC3\xFF\x00";
    std::mt19937 rng(12345);
    int parsed = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string s = seeds[rng() % std::size(seeds)];
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int k = 0; k < edits && !s.empty(); ++k) {
            const std::size_t at = rng() % s.size();
            switch (rng() % 4) {
            case 0: s[at] = alphabet[rng() % alphabet.size()]; break;
            case 1: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            case 2: s.erase(at, 1); break;
            case 3: s[at] = static_cast<char>(rng()); break;
            }
        }
        if (round % 4 == 0) {  // pure noise too
            s.resize(rng() % 200);
            for (char& c : s) c = static_cast<char>(rng());
        }
        auto r = parse_script(s, "fuzz.txt", round % 2 ? "/base" : "");
        if (auto* e = std::get_if<ParseError>(&r)) {
            EXPECT_GE(e->line, 1);
            EXPECT_FALSE(e->message.empty());
        } else {
            ++parsed;
            for (const Command& c : std::get<Script>(r).commands) {
                EXPECT_GE(c.line, 1);
                EXPECT_TRUE(std::isfinite(c.pos.x) && std::isfinite(c.pos.y) && std::isfinite(c.pos.dx));
                EXPECT_EQ(c.text.find('\0'), std::string::npos);
            }
        }
    }
    EXPECT_GT(parsed, 100);  // the mutations keep some scripts valid, so both paths run
}

TEST(ReplayScript, CommandCountIsBounded) {
    std::string s;
    s.reserve(static_cast<std::size_t>(kMaxCommands + 1) * 5);
    for (int i = 0; i <= kMaxCommands; ++i) s += "quit\n";
    const ParseError e = parse_err(s);
    EXPECT_EQ(e.line, kMaxCommands + 1);
    EXPECT_NE(e.message.find("too many commands"), std::string::npos);
}
