// "Never lose a workshop": the real binary is killed (SIGKILL, as a crash or a pulled
// plug would end it) at random moments of a realistic workshop, and the autosave in its
// data directory must hold every action finished at least one second before the kill.
//
// How: a generated replay script plays a workshop of 64 finished actions (add a post-it
// and type its name, drag it onto the rings, move it, draw lines, rename, undo, redo, two
// people dragging at once). After every finished action the script saves the board to
// steps/NNN.json (the replay's own save), so a run takes several seconds. One
// uninterrupted reference run gives every state of the workshop. Then each kill run
// starts the same script on a fresh data directory and is SIGKILLed a random 0..1.5 s
// after it saved a random step. The check, with S = the newest steps/NNN.json of that run
// whose mtime is at least 1 s before the kill: the board find_latest_good recovers from
// the data directory equals state S or a later state the run could have reached; if no
// step file is that old, any state of the run (or no board) is accepted. Every autosave
// file present must parse (no torn file). After a few kills the app is started again on
// the crashed data directory and killed during the recovery, then started once more: it
// must show the recovery message, continue on exactly the recovered board, and autosave.
//
// The app runs directly under Xvfb servers started by the test (on free displays,
// -displayfd; tests/app/support/app_process.hpp), so the test kills the app process
// itself, not a wrapper. Two lanes of kill runs go side by side, each with its own X
// server.
//
// Environment: NK_KILL_COUNT (default 30) kill runs; NK_KILL_SEED the seed of the kill
// moments (printed; default random); NK_KILL_LANES (default 2) runs side by side;
// NK_KILL_BUDGET_S (default 240) starts no new kill run after that many seconds, under
// ctest's 300 s timeout, and says so; NK_KEEP_TEST_FILES keeps the run directories.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app_process.hpp"
#include "app_runner.hpp"
#include "atomic_file.hpp"
#include "autosave.hpp"
#include "board_file.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;
using FileClock = fs::file_time_type::clock;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return end && *end == '\0' ? int(n) : fallback;
}

bool is_good_board(std::string_view bytes) { return std::holds_alternative<LoadedBoard>(parse_board(bytes)); }

std::optional<Document> parse_doc(const std::string& bytes) {
    auto r = parse_board(bytes);
    if (auto* b = std::get_if<LoadedBoard>(&r)) return b->doc;
    return std::nullopt;
}

// The same board, ignoring the date (a run may cross midnight).
bool same_board(Document a, Document b) {
    a.date.clear();
    b.date.clear();
    return a == b;
}

std::string describe(const Document& d) {
    std::ostringstream s;
    s << d.partners.size() << " post-its, " << d.links.size() << " lines:";
    for (const Partner& p : d.partners) s << " [" << p.text << " r" << p.ring << "]";
    return s.str();
}

// ---- the workshop script ------------------------------------------------------------

// A place on the board as an offset from the school's centre in window units (the
// replay's `@school+DX,DY`), so the script does not depend on the app's layout or zoom.
std::string pos(Vec2 offset) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "@school+%+.4f,%+.4f", offset.x, offset.y);
    return buf;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// "steps/007.json": the board after step 7, saved by the replay itself.
std::string step_name(int i) {
    char name[32];
    std::snprintf(name, sizeof name, "steps/%03d.json", i);
    return name;
}

// The workshop, generated from a fixed seed with a model of the board that is exactly as
// detailed as needed to keep every target on screen: which post-its exist under which
// name, in the parking lane or on which board slot, and which lines exist. Every action
// changes the board (one undo step each), so undo/redo in the model follow the app's.
struct Workshop {
    std::string script;  // without a final quit
    int steps = 0;       // steps/000.json (the new board) .. steps/NNN.json
    int actions = 0;
};

Workshop make_workshop(int target_actions) {
    static const char* kNames[] = {
        "CLB",          "Pedagogische begeleiding", "Scholengemeenschap", "Ouderraad",   "Gemeente",
        "OCMW",         "Bibliotheek",              "Academie",           "Sportdienst", "Jeugdwerk",
        "Hogeschool",   "Coördinatie zorg",         "Kinderopvang",       "Buurtwerk",   "Muziekacademie",
        "Politie",      "Huis van het Kind",        "VDAB",               "Museum",      "Natuurpunt",
        "Rode Kruis",   "Jeugdhuis",                "Vrijetijdsdienst",   "Welzijnsschakel",
        "Ondersteuningsnetwerk", "Bedrijven",       "Cultuurcentrum",     "Logopedist",  "Zwembad",
        "Bosklassen",   "Theater",                  "Leerlingenraad"};
    // Board slots, as offsets from the school in window units: a grid on and around the
    // rings, clear of the school, far enough apart that no two post-its overlap (a note is
    // about 0.065 x 0.075 of a 1280x720 window at the fitted zoom).
    std::vector<Vec2> slots;
    for (double y : {-0.3, -0.2, -0.1, 0.1, 0.2, 0.3})
        for (double x : {-0.215, -0.13, -0.045, 0.045, 0.13, 0.215}) slots.push_back({x, y});

    struct Note {
        std::string name;
        int slot = -1;  // -1: parking lane
    };
    struct State {
        std::map<int, Note> notes;           // by creation number
        std::set<std::pair<int, int>> lines;  // (a, b) with a < b; b = -1: the school
    };
    std::vector<State> history{State{}};
    size_t at = 0;  // index of the current state in history
    int created = 0;
    std::set<int> renamed;  // never twice: two renames of one note could make a double tap of their taps

    std::mt19937 rng(20240917);
    auto pick = [&](int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    std::ostringstream out;
    Workshop w;
    out << "# Generated by tests/app/kill_test.cpp: a workshop, saving after every finished action.\n"
           "save steps/000.json   # the new board\n";
    auto save_step = [&](const char* what) {
        ++w.steps;
        out << "save " << step_name(w.steps) << "   # " << what << "\n";
    };
    auto push = [&](State s) {
        history.resize(at + 1);
        history.push_back(std::move(s));
        at = history.size() - 1;
        ++w.actions;
    };
    auto free_slots = [&](const State& s) {
        std::vector<int> free;
        for (int i = 0; i < int(slots.size()); ++i) {
            bool used = false;
            for (const auto& [id, n] : s.notes) used |= n.slot == i;
            if (!used) free.push_back(i);
        }
        return free;
    };

    while (w.actions < target_actions) {
        const State cur = history[at];
        std::vector<int> lane, placed;
        for (const auto& [id, n] : cur.notes) (n.slot < 0 ? lane : placed).push_back(id);
        const std::vector<int> free = free_slots(cur);
        const int r = pick(100);
        int wait_ms = 16;
        if (r < 30 && lane.size() < 4 && created < int(std::size(kNames))) {
            // A new post-it, typed and finished with Return.
            State s = cur;
            const int id = ++created;
            s.notes[id] = Note{kNames[id - 1]};
            out << "tap @ui:note.add finger 1\ntext " << quoted(kNames[id - 1]) << "\nkey Return\n";
            push(s);
            save_step("add");
        } else if (r < 55 && !lane.empty() && !free.empty()) {
            // Onto the board.
            State s = cur;
            const int id = lane[size_t(pick(int(lane.size())))];
            const int slot = free[size_t(pick(int(free.size())))];
            s.notes[id].slot = slot;
            out << "drag @note:" << quoted(cur.notes.at(id).name) << " " << pos(slots[size_t(slot)])
                << " steps 3 finger " << 2 + pick(3) << "\n";
            push(s);
            save_step("place");
        } else if (r < 65 && !placed.empty() && !free.empty()) {
            // Closer or further away.
            State s = cur;
            const int id = placed[size_t(pick(int(placed.size())))];
            const int slot = free[size_t(pick(int(free.size())))];
            s.notes[id].slot = slot;
            out << "drag @note:" << quoted(cur.notes.at(id).name) << " " << pos(slots[size_t(slot)])
                << " steps 2 finger " << 2 + pick(3) << "\n";
            push(s);
            save_step("move");
        } else if (r < 78 && !placed.empty()) {
            // A line to another post-it on the board or to the school.
            const int a = placed[size_t(pick(int(placed.size())))];
            const int b = pick(4) == 0 ? -1 : placed[size_t(pick(int(placed.size())))];
            if (a == b) continue;
            const std::pair<int, int> key = b < 0 ? std::pair{a, -1} : std::pair{std::min(a, b), std::max(a, b)};
            if (cur.lines.count(key) || (b >= 0 && cur.lines.count({std::max(a, b), std::min(a, b)}))) continue;
            State s = cur;
            s.lines.insert(key);
            out << "drag @link:" << quoted(cur.notes.at(a).name) << " "
                << (b < 0 ? std::string("@school") : "@note:" + quoted(cur.notes.at(b).name)) << " steps 3 finger "
                << 2 + pick(3) << "\n";
            push(s);
            save_step("line");
        } else if (r < 83 && !cur.notes.empty()) {
            // Rename: double tap, type more, Return.
            std::vector<int> can;
            for (const auto& [id, n] : cur.notes)
                if (!renamed.count(id)) can.push_back(id);
            if (can.empty()) continue;
            State s = cur;
            const int id = can[size_t(pick(int(can.size())))];
            const std::string old = s.notes[id].name;
            s.notes[id].name = old + " (nieuw)";
            renamed.insert(id);
            out << "tap @note:" << quoted(old) << " finger 6\ntap @note:" << quoted(old) << " finger 6\n"
                << "text \" (nieuw)\"\nkey Return\n";
            push(s);
            save_step("rename");
        } else if (r < 88 && placed.size() >= 2 && free.size() >= 2) {
            // Two people at once: two fingers drag two post-its; each lift is one action.
            const int a = placed[size_t(pick(int(placed.size())))];
            const int b = placed[size_t(pick(int(placed.size())))];
            if (a == b) continue;
            const int sa = free[0], sb = free[1];
            const Vec2 from_a = slots[size_t(cur.notes.at(a).slot)], from_b = slots[size_t(cur.notes.at(b).slot)];
            out << "finger down 7 @note:" << quoted(cur.notes.at(a).name) << "\n"
                << "finger down 8 @note:" << quoted(cur.notes.at(b).name) << "\nframes 1\n";
            for (int i = 1; i <= 2; ++i) {
                const double t = i / 2.0;
                const Vec2 pa{from_a.x + (slots[size_t(sa)].x - from_a.x) * t, from_a.y + (slots[size_t(sa)].y - from_a.y) * t};
                const Vec2 pb{from_b.x + (slots[size_t(sb)].x - from_b.x) * t, from_b.y + (slots[size_t(sb)].y - from_b.y) * t};
                out << "finger move 7 " << pos(pa) << "\nfinger move 8 " << pos(pb) << "\nframes 1\n";
            }
            State s1 = cur;
            s1.notes[a].slot = sa;
            out << "finger up 7 " << pos(slots[size_t(sa)]) << "\nframes 1\n";
            push(s1);
            save_step("two hands, first lift");
            State s2 = s1;
            s2.notes[b].slot = sb;
            out << "finger up 8 " << pos(slots[size_t(sb)]) << "\nframes 1\n";
            push(s2);
            save_step("two hands, second lift");
        } else if (r < 95 && at > 0) {
            out << "tap @ui:undo finger 1\n";
            --at;
            ++w.actions;
            save_step("undo");
        } else if (r < 100 && at + 1 < history.size()) {
            out << "tap @ui:redo finger 1\n";
            ++at;
            ++w.actions;
            save_step("redo");
        } else {
            continue;
        }
        out << "wait " << wait_ms << "\n";
    }
    w.script = out.str();
    return w;
}

// ---- checking one kill ----------------------------------------------------------------

struct Step {
    int index = 0;
    FileClock::time_point mtime;
};

std::vector<Step> list_steps(const std::string& dir) {
    std::vector<Step> steps;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.size() != 8 || name.substr(3) != ".json") continue;  // NNN.json, not temp files
        steps.push_back({std::atoi(name.substr(0, 3).c_str()), fs::last_write_time(e.path(), ec)});
    }
    std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.index < b.index; });
    return steps;
}

struct KillVerdict {
    bool ok = true;
    std::string message;
    int newest_step = 0;     // L: newest step file written before the kill
    int required_step = -1;  // S: newest step at least 1 s old at the kill (-1: none)
    int recovered_step = -1; // the newest state <= L+1 the recovered board equals; -1: no board
    int lost_steps = 0;      // steps written before the kill that the recovered board lacks
    double lost_age_s = 0;   // age at the kill of the oldest lost step
};

// states[j] = the board after step j (states[0]: the empty board of --new).
// The recovered board must equal a state the run could have reached (<= L+1: the action
// after the newest step file may have finished), and, when there is an S, one at least as
// new as S.
KillVerdict judge(const std::vector<Document>& states, const std::vector<Step>& steps,
                  FileClock::time_point kill_time, const std::optional<Document>& recovered) {
    KillVerdict v;
    for (const Step& s : steps) {
        v.newest_step = std::max(v.newest_step, s.index);
        if (s.mtime <= kill_time - 1s) v.required_step = std::max(v.required_step, s.index);
    }
    const int reachable = std::min(v.newest_step + 1, int(states.size()) - 1);
    if (recovered) {
        for (int j = reachable; j >= 0; --j)
            if (same_board(*recovered, states[size_t(j)])) {
                v.recovered_step = j;
                break;
            }
        if (v.recovered_step < 0) {
            v.ok = false;
            v.message = "the recovered board is no state of this workshop up to step " + std::to_string(reachable) +
                        ": " + describe(*recovered);
            return v;
        }
    }
    if (v.recovered_step < v.newest_step) {
        v.lost_steps = v.newest_step - std::max(v.recovered_step, 0);
        for (const Step& s : steps)
            if (s.index == std::max(v.recovered_step, 0) + 1) v.lost_age_s = seconds(kill_time - s.mtime);
    }
    if (v.required_step >= 0 && v.recovered_step < v.required_step) {
        v.ok = false;
        v.message = "step " + std::to_string(v.required_step) + " was finished >= 1 s before the kill, but the autosave " +
                    (recovered ? "holds only step " + std::to_string(v.recovered_step) : std::string("holds no board")) +
                    " (lost " + std::to_string(v.lost_steps) + " steps, the oldest " + std::to_string(v.lost_age_s) +
                    " s before the kill)";
    }
    return v;
}

// ---- the checker itself ---------------------------------------------------------------

// A board with n post-its, a distinct state per n.
Document board_with(int n) {
    Document d;
    for (int i = 1; i <= n; ++i) d.partners.push_back({i, "P" + std::to_string(i), Category::Andere, 10.0 * i, 0, 1, 0, 1});
    return d;
}

TEST(KillCheck, AnAutosaveThatOnlyRunsNowAndThenFails) {
    // Ten steps, one every 200 ms, killed 100 ms after the last.
    std::vector<Document> states;
    for (int i = 0; i <= 10; ++i) states.push_back(board_with(i));
    const auto t0 = FileClock::now();
    std::vector<Step> steps;
    for (int i = 1; i <= 10; ++i) steps.push_back({i, t0 + i * 200ms});
    const auto kill = t0 + 2100ms;  // steps 1..5 are >= 1 s old: S = 5
    EXPECT_EQ(judge(states, steps, kill, states[10]).ok, true);
    EXPECT_EQ(judge(states, steps, kill, states[5]).ok, true);
    EXPECT_EQ(judge(states, steps, kill, states[5]).required_step, 5);
    // An autosave every 2 s would hold step 0 or 1 (or nothing) here: that must fail.
    EXPECT_FALSE(judge(states, steps, kill, states[4]).ok);
    EXPECT_FALSE(judge(states, steps, kill, states[1]).ok);
    EXPECT_FALSE(judge(states, steps, kill, std::nullopt).ok);
    // A board that the run never had fails too, and so does one from the future (> L+1).
    EXPECT_FALSE(judge(states, steps, kill, board_with(42)).ok);
    steps.resize(6);
    EXPECT_TRUE(judge(states, steps, kill, states[7]).ok);  // L+1: finished, not yet saved
    EXPECT_FALSE(judge(states, steps, kill, states[8]).ok);
    // Killed early: nothing 1 s old, so any state of the run or no board is fine.
    EXPECT_TRUE(judge(states, steps, t0 + 900ms, std::nullopt).ok);
    EXPECT_TRUE(judge(states, steps, t0 + 900ms, states[0]).ok);
    // Only the new board (step 0) is a second old: that board, at least, must be there.
    const std::vector<Step> only_new{{0, t0}};
    EXPECT_FALSE(judge(states, only_new, t0 + 1500ms, std::nullopt).ok);
    EXPECT_TRUE(judge(states, only_new, t0 + 1500ms, states[0]).ok);
}

// ---- the test ---------------------------------------------------------------------------

// Every autosave file present (the new one, the current one, the generations) must be a
// complete board: a kill must never leave a torn one under those names.
std::string torn_autosave_files(const std::string& dir) {
    std::string torn;
    for (int g = kAutosaveNewGeneration; g <= kAutosaveGenerations; ++g) {
        const std::string path = autosave_path(dir, g);
        if (!fs::exists(path)) continue;
        if (!is_good_board(read_file(path))) torn += " " + fs::path(path).filename().string();
    }
    return torn;
}

TEST(Kill, EveryActionFinishedASecondBeforeAKillIsInTheAutosave) {
    const int kills = std::max(1, env_int("NK_KILL_COUNT", 30));
    const int budget_s = env_int("NK_KILL_BUDGET_S", 240);
    const unsigned seed = unsigned(env_int("NK_KILL_SEED", int(std::random_device{}() & 0x7fffffff)));
    std::printf("[ kill    ] %d kills, seed %u (rerun with NK_KILL_SEED=%u)\n", kills, seed, seed);
    std::fflush(stdout);
    const auto test_start = Steady::now();

    // NK_KILL_LANES apps (default 2) run side by side, each on its own X server: two
    // windows on one server would take the focus from each other, and a window that
    // loses the focus ends the gestures in progress (as it should), so the runs would
    // differ from the reference.
    const int lanes = std::clamp(env_int("NK_KILL_LANES", 2), 1, 8);
    std::vector<std::unique_ptr<Xvfb>> servers;
    for (int l = 0; l < lanes; ++l) {
        servers.push_back(std::make_unique<Xvfb>());
        ASSERT_FALSE(servers.back()->display().empty()) << "Xvfb did not start";
    }
    const Xvfb& x = *servers[0];

    TempDir tmp;
    const Workshop w = make_workshop(64);
    ASSERT_GE(w.actions, 60);

    // The reference run: the whole workshop, uninterrupted, then quit.
    const std::string ref_dir = tmp.file("reference");
    fs::create_directories(ref_dir + "/steps");
    write_file(ref_dir + "/script.txt", w.script + "quit\n");
    double ref_seconds = 0;
    {
        AppProcess app(x.display(), {"--new", "--phase", "2b", "--windowed", "1280x720", "--data-dir", ref_dir + "/data", "--replay",
                                     ref_dir + "/script.txt"},
                       ref_dir + "/log.txt");
        ASSERT_TRUE(app.started());
        const int code = app.wait(120s);
        ref_seconds = seconds(Steady::now() - app.start_time());
        ASSERT_EQ(code, 0) << read_file(ref_dir + "/log.txt");
    }
    std::vector<Document> states;  // states[i]: the board after step i; states[0] the new board
    for (int i = 0; i <= w.steps; ++i) {
        const auto d = parse_doc(read_file(ref_dir + "/" + step_name(i)));
        ASSERT_TRUE(d) << "reference step " << i << " missing or unreadable";
        states.push_back(*d);
    }
    // Each step is a distinct action: consecutive states differ.
    for (int i = 1; i <= w.steps; ++i)
        EXPECT_FALSE(same_board(states[size_t(i)], states[size_t(i - 1)])) << "step " << i << " changed nothing";
    // A clean exit leaves the last state in the autosave, and no session marker.
    EXPECT_EQ(read_file(autosave_path(ref_dir + "/data", 0)), read_file(ref_dir + "/" + step_name(w.steps)));
    EXPECT_FALSE(fs::exists(ref_dir + "/data/session.open"));
    std::printf("[ kill    ] workshop: %d actions, %d steps, %zu post-its at the end, reference run %.2f s\n", w.actions,
                w.steps, states.back().partners.size(), ref_seconds);
    std::fflush(stdout);

    // Kill moments: uniform over the reference run (the kill runs take about as long).
    // Every random moment is drawn now from the seed, whatever the timing later. A kill
    // comes a random 0..1.5 s after the run saved a random step (0..last): spread over the
    // whole workshop however fast or loaded the machine is, never far past its end, and
    // anywhere between and just after actions.
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick_step(0, w.steps);
    std::uniform_real_distribution<double> pick_delay(0.0, 1.5), moment_again(0.05, 0.8);
    std::vector<int> kill_after(static_cast<size_t>(kills));
    std::vector<double> kill_delay(static_cast<size_t>(kills)), again_at(static_cast<size_t>(kills));
    for (size_t k = 0; k < size_t(kills); ++k) {
        kill_after[k] = pick_step(rng);
        kill_delay[k] = pick_delay(rng);
        again_at[k] = moment_again(rng);
    }
    // Restarts follow the kills in the middle of each third of the list.
    const int third = std::max(1, kills / 3);
    auto restart_after = [&](int k) { return k % third == third / 2; };

    std::mutex mu;  // guards the totals and the output
    int failures = 0, restarts = 0, recovered_any = 0, done = 0, worst_lost_steps = 0;
    double worst_loss_s = 0;

    auto one_kill = [&](int k, const Xvfb& server) {
        const int after_step = kill_after[size_t(k)];
        const double delay_s = kill_delay[size_t(k)];
        double at_s = 0;  // the kill, in seconds after the start
        const std::string run = tmp.file("run" + std::to_string(k));
        const std::string data = run + "/data";
        fs::create_directories(run + "/steps");
        write_file(run + "/script.txt", w.script);
        FileClock::time_point kill_time;
        bool exited_early = false;
        {
            AppProcess app(server.display(),
                           {"--new", "--phase", "2b", "--windowed", "1280x720", "--data-dir", data, "--replay", run + "/script.txt"},
                           run + "/log.txt");
            ASSERT_TRUE(app.started());
            const std::string trigger = run + "/" + step_name(after_step);
            const auto give_up = Steady::now() + 120s;
            while (!fs::exists(trigger) && app.running() && Steady::now() < give_up) std::this_thread::sleep_for(1ms);
            const auto when = Steady::now() + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(delay_s));
            while (Steady::now() < when && app.running()) std::this_thread::sleep_for(1ms);
            exited_early = !app.running();
            kill_time = FileClock::now();
            at_s = seconds(Steady::now() - app.start_time());
            app.kill_now();
        }
        EXPECT_FALSE(exited_early) << "kill " << k << ": the app ended by itself before the kill:\n" << read_file(run + "/log.txt");

        const std::vector<Step> steps = list_steps(run + "/steps");
        // The run did what the reference did, step by step.
        for (const Step& s : steps) {
            const auto d = parse_doc(read_file(run + "/" + step_name(s.index)));
            EXPECT_TRUE(d && s.index <= w.steps && same_board(*d, states[size_t(s.index)]))
                << "kill " << k << ": step " << s.index << " differs from the reference run";
        }
        const std::string torn = torn_autosave_files(data);
        EXPECT_TRUE(torn.empty()) << "kill " << k << ": torn autosave files:" << torn;

        std::optional<Document> recovered;
        std::optional<Recovered> rec = find_latest_good(*real_storage(), data, is_good_board);
        if (rec) recovered = parse_doc(rec->bytes);
        const KillVerdict v = judge(states, steps, kill_time, recovered);
        EXPECT_TRUE(v.ok) << "kill " << k << " at " << at_s << " s: " << v.message;
        {
            std::lock_guard lock(mu);
            std::printf("[ kill    ] %2d at %5.2f s (step %2d + %.2f s): steps written %3d, required %3d, recovered %3d (%s), "
                        "lost %d%s\n",
                        k, at_s, after_step, delay_s, v.newest_step, v.required_step, v.recovered_step,
                        rec ? fs::path(rec->path).filename().string().c_str() : "no board", v.lost_steps,
                        v.lost_steps ? (" (" + std::to_string(int(v.lost_age_s * 1000)) + " ms)").c_str() : "");
            std::fflush(stdout);
            failures += !v.ok;
            if (v.lost_steps > 0) {
                worst_loss_s = std::max(worst_loss_s, v.lost_age_s);
                worst_lost_steps = std::max(worst_lost_steps, v.lost_steps);
            }
            recovered_any += v.recovered_step > 0;
        }
        if (!rec || !restart_after(k)) return;

        // Start the app again on the crashed data directory, as the team would. First a
        // second crash, during the recovery itself (start-up, loading, the first
        // autosave of the recovered board): it must lose nothing either.
        const double again_s = again_at[size_t(k)];
        {
            write_file(run + "/idle.txt", "wait 600000\n");
            AppProcess app(server.display(), {"--windowed", "1280x720", "--data-dir", data, "--replay", run + "/idle.txt"},
                           run + "/crash-again-log.txt");
            std::this_thread::sleep_until(app.start_time() +
                                          std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(again_s)));
            app.kill_now();
        }
        const auto rec2 = find_latest_good(*real_storage(), data, is_good_board);
        ASSERT_TRUE(rec2) << "a crash during the recovery lost the board (killed after " << again_s << " s)";
        EXPECT_EQ(parse_doc(rec2->bytes), recovered) << "a crash during the recovery changed the board";
        EXPECT_TRUE(torn_autosave_files(data).empty());
        // Then a clean start: it must say it recovered, show exactly the recovered
        // board, and carry on autosaving.
        const bool marker = fs::exists(data + "/session.open");
        std::string script = "frames 2\nscreenshot restart.png\n";
        if (marker) script += "tap @ui:message.ok finger 1\nframes 2\n";
        script += "save recovered.json\n"
                  "tap @ui:note.add finger 1\ntext \"Na de crash\"\nkey Return\nframes 2\n"
                  "save after.json\nquit\n";
        write_file(run + "/restart.txt", script);
        AppProcess app(server.display(), {"--windowed", "1280x720", "--data-dir", data, "--replay", run + "/restart.txt"},
                       run + "/restart-log.txt");
        const int code = app.wait(60s);
        EXPECT_EQ(code, 0) << "restart after kill " << k << (marker ? " (recovery message expected)" : "") << ":\n"
                           << read_file(run + "/restart-log.txt");
        const auto shown = parse_doc(read_file(run + "/recovered.json"));
        ASSERT_TRUE(shown) << "restart after kill " << k << " saved no board";
        EXPECT_EQ(*shown, *recovered) << "restart after kill " << k << " does not continue on the newest good autosave ("
                                      << rec->path << ")";
        const auto after = parse_doc(read_file(run + "/after.json"));
        ASSERT_TRUE(after);
        EXPECT_EQ(after->partners.size(), recovered->partners.size() + 1);
        EXPECT_EQ(read_file(autosave_path(data, 0)), read_file(run + "/after.json"))
            << "after the restart the autosave did not follow";
        EXPECT_FALSE(fs::exists(data + "/session.open"));
        std::lock_guard lock(mu);
        ++restarts;
        std::printf("[ kill    ]    after kill %d: killed again %.2f s into the recovery, board intact; restarted: %s, "
                    "continued on step %d, autosave follows\n",
                    k, again_s, marker ? "recovery message shown" : "no marker, no message", v.recovered_step);
        std::fflush(stdout);
    };

    // The lanes take the kills in order. A loaded machine (or a sanitizer build) makes
    // every run slower: no new kill starts once the budget would be passed, under
    // ctest's 300 s timeout; the summary says so.
    std::atomic<int> next{0};
    std::atomic<bool> out_of_time{false};
    std::vector<std::thread> threads;
    for (int l = 0; l < lanes; ++l)
        threads.emplace_back([&, l] {
            for (int k; (k = next++) < kills;) {
                if (seconds(Steady::now() - test_start) + ref_seconds + 5 > budget_s) {
                    out_of_time = true;
                    return;
                }
                {
                    std::lock_guard lock(mu);
                    ++done;
                }
                one_kill(k, *servers[size_t(l)]);
            }
        });
    for (auto& t : threads) t.join();
    if (out_of_time)
        std::printf("[ kill    ] time budget of %d s (NK_KILL_BUDGET_S) reached: %d of %d kills done\n", budget_s, done, kills);
    std::printf("[ kill    ] %d kills (%d lanes), %d failed, %d recovered a board with work on it, %d restarts; worst loss "
                "%d steps (%.0f ms before the kill); wall time %.1f s\n",
                done, lanes, failures, recovered_any, restarts, worst_lost_steps, worst_loss_s * 1000,
                seconds(Steady::now() - test_start));
    EXPECT_GE(restarts, 1);
    EXPECT_GE(done, std::min(kills, 10)) << "too few kills in the time budget";
}

}  // namespace
}  // namespace nk::test
