// Cards and questions for the room (issue 15, deliverable 5), through the real binary and
// the replay's `layout` dump (its `text KEY ... px PX panel P` records: a block of text
// shown in full, docs/replay.md). The deck's grid shows all 13 cards with whole titles
// without scrolling at 1080p (wall and table) and at 4K; card.prev / card.next walk the 13
// cards by finger, each card's title and questions whole and at least 28 px at 1080p
// (scaled with the window); every closing question and its sub-questions open large and
// whole; a finger drag scrolls the closing list without pressing what it started on; a
// long note wraps and is kept exactly as typed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_runner.hpp"
#include "method.hpp"

namespace nk::test {
namespace {

const std::string kBoard25 = std::string(NK_TEST_DATA) + "/board-25.json";
const char* const kOpenDeck = "frames 3\ntap @ui:phase.3 finger 1\nframes 3\ntap @note:\"CLB Gent\" finger 1\nframes 6\n";

std::vector<std::string> args_for(int w, int h, bool table, const std::string& script) {
    std::vector<std::string> a = {kBoard25, "--windowed", std::to_string(w) + "x" + std::to_string(h), "--replay", script};
    if (table) a.insert(a.end(), {"--layout", "table"});
    return a;
}

std::string card_key(const method::Card& c) { return "card." + std::string(c.id); }

// Fails when text `key` is not readable in full or smaller than `min_px`, or lies under a keyboard.
void expect_readable(const Layout& l, const std::string& key, double min_px, const std::string& where) {
    const std::string why = l.text_hidden(key);
    EXPECT_EQ(why, "") << where;
    if (!why.empty()) return;
    const Layout::Text& t = l.texts.at(key);
    EXPECT_GE(t.px, min_px - 0.05) << where << ": " << key;
    for (const auto& [n, kb] : l.keyboards) EXPECT_FALSE(t.box.overlaps(kb.box)) << where << ": " << key << " under keyboard " << n;
}

void grid_fits(int w, int h, bool table) {
    TempDir dir;
    const std::string tag = std::to_string(w) + "x" + std::to_string(h) + (table ? " table" : " wall");
    write_file(dir.file("s.txt"), std::string(kOpenDeck) + "layout grid.txt\nquit\n");
    const RunResult r = run_app(args_for(w, h, table, dir.file("s.txt")), dir.file("data"), 120);
    ASSERT_EQ(r.exit_code, 0) << tag << ": " << r.output;
    const Layout l = read_layout(dir.file("grid.txt"));
    ASSERT_TRUE(l.ok()) << tag;
    const Layout::Box* deck = l.panel("deck");
    ASSERT_TRUE(deck) << tag << ": the deck is not open";
    const double k = h / 1080.0;
    for (const method::Card& c : method::kCards) {
        const std::string id = card_key(c);
        // On screen (a control scrolled out of its panel is not listed), reachable, whole
        // inside the deck: the grid needs no scrolling.
        EXPECT_EQ(l.covered(id), "") << tag;
        if (!l.controls.count(id)) continue;
        const Layout::Box& b = l.controls.at(id).box;
        EXPECT_TRUE(b.x0 >= deck->x0 && b.y0 >= deck->y0 && b.x1 <= deck->x1 && b.y1 <= deck->y1)
            << tag << ": " << id << " is not inside the deck";
        // Its title whole (wrapped, never cut) inside its tile, at the panels' own size.
        expect_readable(l, id + ".title", 24 * k, tag);
        if (const auto t = l.texts.find(id + ".title"); t != l.texts.end()) {
            EXPECT_TRUE(t->second.box.x0 >= b.x0 && t->second.box.y0 >= b.y0 && t->second.box.x1 <= b.x1 &&
                        t->second.box.y1 <= b.y1)
                << tag << ": the title of " << id << " leaves its tile";
        }
    }
    // The method's rule and hint for the cards are shown.
    expect_readable(l, "cards.rule", 24 * k, tag);
    expect_readable(l, "cards.hint", 24 * k, tag);
    // The deck leaves no control of another panel covered.
    for (const std::string& why : l.covered_controls()) ADD_FAILURE() << tag << ": " << why;
}

TEST(CardsForTheRoom, TheGridShowsAllThirteenCardsWholeOnAWallAt1080p) { grid_fits(1920, 1080, false); }
TEST(CardsForTheRoom, TheGridShowsAllThirteenCardsWholeOnATableAt1080p) { grid_fits(1920, 1080, true); }
TEST(CardsForTheRoom, TheGridShowsAllThirteenCardsWholeAt4K) { grid_fits(3840, 2160, false); }

void walk_cards(int w, int h) {
    TempDir dir;
    const std::string tag = std::to_string(w) + "x" + std::to_string(h);
    std::string s = kOpenDeck;
    s += "tap @ui:card.f1.actoren finger 1\nframes 2\ntap @kbd:0:done finger 2\nframes 4\nlayout c1.txt\n";
    const int n = int(method::kCards.size());
    for (int i = 2; i <= n; ++i) s += "tap @ui:card.next finger " + std::to_string(i % 3 + 1) + "\nframes 4\nlayout c" + std::to_string(i) + ".txt\n";
    s += "tap @ui:card.prev finger 1\nframes 4\nlayout back.txt\n";
    s += "tap @ui:card.all finger 1\nframes 4\nlayout grid.txt\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app(args_for(w, h, false, dir.file("s.txt")), dir.file("data"), 200);
    ASSERT_EQ(r.exit_code, 0) << tag << ": " << r.output;
    const double k = h / 1080.0;
    for (int i = 1; i <= n; ++i) {
        const Layout l = read_layout(dir.file("c" + std::to_string(i) + ".txt"));
        ASSERT_TRUE(l.ok()) << tag << " card " << i;
        const std::string id = card_key(method::kCards[size_t(i - 1)]);
        const std::string where = tag + " card " + std::to_string(i) + " (" + id + ")";
        // This card, large and whole: its title and every one of its questions.
        expect_readable(l, id + ".title", 28 * k, where);
        expect_readable(l, id + ".prompts", 28 * k, where);
        // One card at a time: no other card's title or questions are shown.
        for (const method::Card& other : method::kCards)
            if (card_key(other) != id) {
                EXPECT_FALSE(l.texts.count(card_key(other) + ".title")) << where << " also shows " << card_key(other);
                EXPECT_FALSE(l.texts.count(card_key(other) + ".prompts")) << where << " also shows " << card_key(other);
            }
        // Its note field in view too, unless the questions fill the deck (the longest card,
        // "Beweegredenen", at 1080p): then the note is a finger's drag below them.
        const Layout::Box* deck = l.panel("deck");
        const bool questions_fill = deck && l.texts.count(id + ".prompts") &&
                                    l.texts.at(id + ".prompts").box.y1 > deck->y1 - 0.3 * (deck->y1 - deck->y0);
        EXPECT_TRUE(l.controls.count(id + ".note") || questions_fill) << where << ": its note field";
        for (const std::string& why : l.covered_controls()) ADD_FAILURE() << where << ": " << why;
    }
    const Layout back = read_layout(dir.file("back.txt"));
    EXPECT_EQ(back.text_hidden(card_key(method::kCards[size_t(n - 2)]) + ".title"), "") << tag << ": card.prev goes back one";
    const Layout grid = read_layout(dir.file("grid.txt"));
    for (const method::Card& c : method::kCards) EXPECT_EQ(grid.text_hidden(card_key(c) + ".title"), "") << tag << ": card.all";
}

TEST(CardsForTheRoom, PreviousAndNextWalkTheThirteenCardsLargeAt1080p) { walk_cards(1920, 1080); }
TEST(CardsForTheRoom, PreviousAndNextWalkTheThirteenCardsLargeAt4K) { walk_cards(3840, 2160); }

TEST(CardsForTheRoom, ALongNoteWrapsAndIsKeptExactlyAsTyped) {
    TempDir dir;
    const std::string note =
        "Het team spreekt af om elke maand samen te zitten met de partner en de vragen van leerlingen en ouders "
        "samen te bekijken, zodat de collega's die er niet bij waren het ook horen op de volgende "
        "personeelsvergadering.\nTweede regel.";
    std::string escaped;  // the script writes the new line as \n
    for (char c : note) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
    std::string s = kOpenDeck;
    s += "tap @ui:card.f2.tijd finger 1\nframes 2\ntap @kbd:0:done finger 2\nframes 4\nlayout empty.txt\n";
    s += "tap @ui:card.f2.tijd.note finger 1\nframes 2\ntype 0 \"" + escaped + "\"\ntap @kbd:0:done finger 2\nframes 4\n";
    s += "layout full.txt\nsave out.json\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app(args_for(1920, 1080, false, dir.file("s.txt")), dir.file("data"), 200);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Layout empty = read_layout(dir.file("empty.txt")), full = read_layout(dir.file("full.txt"));
    ASSERT_TRUE(empty.controls.count("card.f2.tijd.note") && full.controls.count("card.f2.tijd.note"));
    const Layout::Box a = empty.controls.at("card.f2.tijd.note").box, b = full.controls.at("card.f2.tijd.note").box;
    // The field keeps its width (less a scrollbar, when the card now scrolls) and grows
    // downward to show all its lines.
    EXPECT_NEAR(b.x1 - b.x0, a.x1 - a.x0, 0.05 * (a.x1 - a.x0));
    EXPECT_GT(b.y1 - b.y0, (a.y1 - a.y0) * 1.3) << "the note field does not grow with its wrapped text";
    const Document d = load_board(dir.file("out.json"));
    const Partner* clb = nullptr;
    for (const Partner& p : d.partners)
        if (p.text == "CLB Gent") clb = &p;
    ASSERT_TRUE(clb);
    const CardNote* n = d.note(clb->id, "f2.tijd");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->text, note);  // wrapping only draws: nothing added, nothing lost
}

void closing_questions(int w, int h, bool table) {
    TempDir dir;
    const std::string tag = std::to_string(w) + "x" + std::to_string(h) + (table ? " table" : " wall");
    std::string s = "frames 3\ntap @ui:phase.4 finger 1\nframes 6\nlayout list.txt\n";
    int i = 0;
    for (std::string_view q : method::kClosingQuestions)
        s += "tap @ui:closing." + std::string(q) + " finger 1\nframes 2\ntap @kbd:0:done finger 2\nframes 4\nlayout q" +
             std::to_string(++i) + ".txt\n";
    s += "tap @ui:closing.all finger 1\nframes 4\nlayout back.txt\nquit\n";
    write_file(dir.file("s.txt"), s);
    const RunResult r = run_app(args_for(w, h, table, dir.file("s.txt")), dir.file("data"), 200);
    ASSERT_EQ(r.exit_code, 0) << tag << ": " << r.output;
    const double k = h / 1080.0;
    // The list: each question that is shown is shown whole, with its sub-questions as text.
    const Layout list = read_layout(dir.file("list.txt"));
    ASSERT_TRUE(list.ok());
    int listed = 0;
    for (std::string_view q : method::kClosingQuestions) {
        const std::string id = "closing." + std::string(q);
        if (!list.texts.count(id + ".question")) continue;
        ++listed;
        expect_readable(list, id + ".question", 24 * k, tag + " list");
        expect_readable(list, id + ".hint", 24 * k, tag + " list");
    }
    EXPECT_GE(listed, 3) << tag << ": the list shows the questions whole";
    // Each opened: large and whole.
    i = 0;
    for (std::string_view q : method::kClosingQuestions) {
        const Layout l = read_layout(dir.file("q" + std::to_string(++i) + ".txt"));
        ASSERT_TRUE(l.ok()) << tag << " question " << i;
        const std::string id = "closing." + std::string(q), where = tag + " " + id;
        expect_readable(l, id + ".question", 28 * k, where);
        expect_readable(l, id + ".hint", 28 * k, where);
        EXPECT_TRUE(l.controls.count(id + ".answer")) << where;
        for (const std::string& why : l.covered_controls()) ADD_FAILURE() << where << ": " << why;
    }
    const Layout back = read_layout(dir.file("back.txt"));
    EXPECT_FALSE(back.controls.count("closing.all")) << tag << ": closing.all goes back to the list";
    EXPECT_EQ(back.text_hidden("closing.metafoor.question"), "") << tag;
}

TEST(ClosingForTheRoom, EveryQuestionOpensLargeAndWholeOnAWallAt1080p) { closing_questions(1920, 1080, false); }
TEST(ClosingForTheRoom, EveryQuestionOpensLargeAndWholeOnATableAt4K) { closing_questions(3840, 2160, true); }

TEST(ClosingForTheRoom, AFingerDragScrollsTheListAndPressesNothing) {
    TempDir dir;
    // A finger lands on a question's tile low in the panel and drags up; then a tap opens one.
    write_file(dir.file("s.txt"),
               "frames 3\ntap @ui:phase.4 finger 1\nframes 6\nlayout before.txt\n"
               "drag @ui:closing.ontbrekend @ui:closing.ontbrekend+0,-0.3 steps 12 finger 3\nframes 4\nlayout after.txt\n"
               "tap @ui:closing.verder finger 1\nframes 4\nlayout tapped.txt\nquit\n");
    const RunResult r = run_app(args_for(1920, 1080, false, dir.file("s.txt")), dir.file("data"), 120);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const Layout before = read_layout(dir.file("before.txt")), after = read_layout(dir.file("after.txt"));
    ASSERT_TRUE(before.controls.count("closing.ontbrekend"));
    ASSERT_TRUE(after.controls.count("action.add")) << "the end of the list is not on screen after the drag";
    const double moved = before.controls.at("closing.ontbrekend").box.y0 -
                         (after.controls.count("closing.ontbrekend") ? after.controls.at("closing.ontbrekend").box.y0 : -1e9);
    EXPECT_GT(moved, 150) << "the list did not follow the finger";
    // The drag pressed nothing: no question opened.
    EXPECT_FALSE(after.controls.count("closing.all")) << "the drag opened a question";
    // A tap still presses.
    const Layout tapped = read_layout(dir.file("tapped.txt"));
    EXPECT_TRUE(tapped.controls.count("closing.all")) << "a tap after the drag did not open its question";
    EXPECT_EQ(tapped.text_hidden("closing.verder.question"), "");
}

}  // namespace
}  // namespace nk::test
