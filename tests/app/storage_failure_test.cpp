// "Never lose a workshop" when the disk misbehaves: the real binary runs with its data
// directory on a small tmpfs that fills up, on a file system that turns read-only, in a
// directory that is deleted, and in one that vanishes (a pulled USB stick) and comes back.
// Every time: the team keeps working (a later `save` shows every action), the app never
// exits non-zero, the good autosave is never replaced by a bad one, the warning shows on
// screen, and once the disk is back the autosave catches up by itself.
//
// Synchronisation without timing guesses: the replay script reaches a "gate", an `open`
// of a FIFO. The app's UI thread blocks in fopen/fread there (its autosave thread keeps
// running) until the test, having seen it arrive, has broken or repaired the disk and
// writes the board back into the FIFO (the same bytes the script saved just before, so
// the `open` leaves the board as it is; only its undo history starts afresh there).
//
// (a) and (b) mount a tmpfs in a mount namespace of the test's own (private_mounts.hpp):
// as root, or as another user through a user namespace. Where neither is permitted they
// fail and say so; they never skip.
// NK_KEEP_TEST_FILES keeps the directories (screenshots included).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app_process.hpp"
#include "app_runner.hpp"
#include "atomic_file.hpp"
#include "private_mounts.hpp"
#include "autosave.hpp"
#include "board_file.hpp"
#include "geometry.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;

bool is_good_board(std::string_view bytes) { return std::holds_alternative<LoadedBoard>(parse_board(bytes)); }

std::optional<Document> parse_doc(const std::string& bytes) {
    auto r = parse_board(bytes);
    if (auto* b = std::get_if<LoadedBoard>(&r)) return b->doc;
    return std::nullopt;
}

// ---- processes (tests/app/support/app_process.hpp) --------------------------------------

// One X server for all tests of this binary; stopped at exit.
const std::string& display() {
    static Xvfb x;
    return x.display();
}

// ---- gates ----------------------------------------------------------------------------

// Waits until the app opens the FIFO `gate` for reading (it is then blocked in the
// script's `open`); returns the write end, or -1 if the app ended or time ran out.
int wait_at_gate(AppProcess& app, const std::string& gate, std::chrono::seconds timeout) {
    const auto deadline = Steady::now() + timeout;
    while (Steady::now() < deadline) {
        const int fd = open(gate.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) return fd;
        if (errno != ENXIO || !app.running()) return -1;
        std::this_thread::sleep_for(2ms);
    }
    return -1;
}

// Lets the app through: writes the board it will `open`, then closes the FIFO.
void pass_gate(int fd, const std::string& bytes) {
    const int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += size_t(n);
    }
    close(fd);
}

// Polls until `pred` holds or `timeout` passes; returns the time it took, or nullopt.
std::optional<double> poll_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    const auto t0 = Steady::now();
    while (true) {
        if (pred()) return seconds(Steady::now() - t0);
        if (Steady::now() - t0 > timeout) return std::nullopt;
        std::this_thread::sleep_for(5ms);
    }
}

// ---- the session ----------------------------------------------------------------------

// A place on the board as an offset from the school's centre in window units.
std::string pos(double dx, double dy) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "@school+%+.4f,%+.4f", dx, dy);
    return buf;
}

std::string add_note(const std::string& text) {
    return "tap @ui:note.add finger 1\ntext \"" + text + "\"\nkey Return\nframes 1\n";
}

// Phase 0 before the failure, phase 1 during it (kept to the lower half of the board so
// the top centre, where the warning appears, shows the same board in both screenshots),
// phase 2 after it. The app starts in phase 2B (the map), where post-its are made.
std::string session_script() {
    return "# tests/app/storage_failure_test.cpp\n" + add_note("CLB") + "drag @note:\"CLB\" " + pos(-0.13, -0.2) +
           " steps 4 finger 2\n" + add_note("Ouderraad") + "drag @note:\"Ouderraad\" " + pos(0.13, -0.2) +
           " steps 4 finger 2\n" + add_note("Bibliotheek") +
           "drag @link:\"CLB\" @note:\"Ouderraad\" steps 4 finger 3\n"
           "frames 20\n"  // a non-modal message from the start has gone
           "screenshot shots/before.png\nframes 1\n"
           "save sync/p1.json\n"
           "open sync/gate1.json\n"
           // The disk is broken now. A post-it onto the board: its autosave fails.
           "drag @note:\"Bibliotheek\" " + pos(-0.215, 0.3) + " steps 4 finger 2\n"
           "frames 10\n"
           "screenshot shots/during.png\nframes 1\n"
           // The warning goes after 4 s (buttons work while it shows: see
           // ButtonsWorkWhileTheWarningShows); wait, then work on.
           "wait 4200\n" +
           add_note("Gemeente") + "drag @note:\"Gemeente\" " + pos(-0.13, 0.2) + " steps 4 finger 2\n" +
           add_note("Coördinatie zorg") + "drag @note:\"Coördinatie zorg\" " + pos(0.13, 0.2) + " steps 4 finger 2\n" +
           "drag @link:\"Gemeente\" @school steps 4 finger 3\n"
           "tap @ui:undo finger 1\n"
           "tap @ui:redo finger 1\n"
           "frames 2\n"
           "save out/p2.json\n"
           "open sync/gate2.json\n"
           // The disk is back.
           + add_note("Na herstel") +
           "save out/p3.json\n"
           "open sync/gate3.json\n"
           "frames 2\n"
           "quit\n";
}

std::string dir_listing(const std::string& dir) {
    std::string s;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) s += " " + e.path().filename().string();
    return s.empty() ? " (empty or missing)" : s;
}

// Autosave files present that do not parse, and temporary files left behind.
std::string bad_files(const std::string& dir) {
    std::string bad;
    for (int g = kAutosaveNewGeneration; g <= kAutosaveGenerations; ++g) {
        const std::string p = autosave_path(dir, g);
        if (fs::exists(p) && !is_good_board(read_file(p))) bad += " torn:" + fs::path(p).filename().string();
    }
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (is_temp_file_name(e.path().filename().string())) bad += " temp:" + e.path().filename().string();
    return bad;
}

// How many pixels of the top-centre band (where the autosave warning appears) differ.
int top_centre_difference(const Png& a, const Png& b) {
    if (!a.ok() || !b.ok() || a.w != b.w || a.h != b.h) return -1;
    int n = 0;
    for (int y = a.h * 12 / 100; y < a.h * 28 / 100; ++y)
        for (int x = a.w * 30 / 100; x < a.w * 70 / 100; ++x) n += !near(a.at(x, y), b.at(x, y), 40);
    return n;
}

struct Breakage {
    const char* name;
    std::string data_dir;
    std::function<void()> break_it;          // at gate 1, with the autosave of phase 0 on disk
    std::function<void()> check_broken;      // at gate 2, before the repair
    std::function<void()> repair;            // at gate 2
    bool warns = true;                       // whether the failure must show the warning
    // How long the disk stays broken after phase 1 (the app waiting at gate 2, its
    // autosave retrying with a growing backoff) before the repair.
    std::chrono::milliseconds hold{0};
};

// Runs the session with the data directory broken during phase 1 and repaired at its end.
void run_session(const std::string& root, Breakage& b) {
    const std::string run = root + "/run";
    for (const char* d : {"sync", "out", "shots", "restart"}) fs::create_directories(run + "/" + d);
    for (const char* g : {"gate1", "gate2", "gate3"})
        ASSERT_EQ(mkfifo((run + "/sync/" + g + ".json").c_str(), 0644), 0) << std::strerror(errno);
    write_file(run + "/script.txt", session_script());
    const std::string json = autosave_path(b.data_dir, 0);
    const std::string log = run + "/log.txt";
    auto autosave_is = [&](const std::string& bytes) { return read_file(json) == bytes; };

    AppProcess app(display(),
                   {"--new", "--phase", "2b", "--windowed", "1280x720", "--data-dir", b.data_dir, "--replay", run + "/script.txt"},
                   log);

    // Gate 1: phase 0 is autosaved (within a second); now break the disk.
    int gate = wait_at_gate(app, run + "/sync/gate1.json", 60s);
    ASSERT_GE(gate, 0) << "the app did not reach gate 1:\n" << read_file(log);
    const std::string p1 = read_file(run + "/sync/p1.json");
    ASSERT_TRUE(is_good_board(p1));
    const auto saved_in = poll_until([&] { return autosave_is(p1); }, 3000ms);
    EXPECT_TRUE(saved_in && *saved_in < 1.0) << "phase 0 was not autosaved within 1 s";
    b.break_it();
    pass_gate(gate, p1);

    // Gate 2: phase 1 happened on a broken disk.
    gate = wait_at_gate(app, run + "/sync/gate2.json", 60s);
    ASSERT_GE(gate, 0) << "the app did not get through phase 1 on a broken disk:\n" << read_file(log);
    const std::string p2 = read_file(run + "/out/p2.json");
    ASSERT_TRUE(is_good_board(p2)) << "the in-memory board could not be saved elsewhere";
    b.check_broken();
    if (b.hold.count() > 0) {
        std::this_thread::sleep_for(b.hold);
        b.check_broken();  // still broken, still the good old autosave
    }
    b.repair();
    const auto caught_up = poll_until([&] { return autosave_is(p2); }, 9000ms);  // the backoff is at most 5 s
    EXPECT_TRUE(caught_up) << b.name << ": after the repair the autosave did not catch up; " << json << ":\n"
                           << read_file(json) << "\nfiles:" << dir_listing(b.data_dir);
    std::printf("[ storage ] %s: phase 0 autosaved after %.3f s; broken for %.1f s more; after the repair the autosave "
                "caught up in %.2f s\n",
                b.name, saved_in.value_or(-1), seconds(b.hold), caught_up.value_or(-1));
    std::fflush(stdout);
    pass_gate(gate, p2);

    // Gate 3: work after the repair is autosaved as usual, within a second.
    gate = wait_at_gate(app, run + "/sync/gate3.json", 60s);
    ASSERT_GE(gate, 0) << read_file(log);
    const std::string p3 = read_file(run + "/out/p3.json");
    const auto p3_in = poll_until([&] { return autosave_is(p3); }, 3000ms);
    EXPECT_TRUE(p3_in && *p3_in < 1.0) << b.name << ": work after the repair was not autosaved within 1 s";
    pass_gate(gate, p3);

    const int code = app.wait(60s);
    EXPECT_EQ(code, 0) << b.name << ":\n" << read_file(log);
    const std::string out = read_file(log);
    EXPECT_EQ(out.find("Sanitizer"), std::string::npos) << out;
    EXPECT_EQ(out.find("runtime error"), std::string::npos) << out;
    EXPECT_EQ(read_file(json), p3) << b.name << ": the autosave after a clean exit is not the board";
    EXPECT_EQ(bad_files(b.data_dir), "");
    EXPECT_FALSE(fs::exists(b.data_dir + "/session.open"));

    // The board in memory had every action, failure or not.
    const auto d2 = parse_doc(p2);
    ASSERT_TRUE(d2);
    EXPECT_EQ(d2->partners.size(), 5u);
    for (const Partner& p : d2->partners) {
        if (p.text == "Bibliotheek") {
            EXPECT_NE(p.ring, 0) << "the drag on the broken disk did not land";
        }
    }
    EXPECT_EQ(d2->links.size(), 2u);
    const auto d3 = parse_doc(p3);
    ASSERT_TRUE(d3);
    EXPECT_EQ(d3->partners.size(), 6u);

    // The warning is on screen after the failure: the top centre changed.
    const int diff = top_centre_difference(read_png(run + "/shots/before.png"), read_png(run + "/shots/during.png"));
    std::printf("[ storage ] %s: %d pixels of the top centre changed after the failure\n", b.name, diff);
    std::fflush(stdout);
    if (b.warns) {
        EXPECT_GT(diff, 400) << b.name << ": no warning on screen (see " << run << "/shots/during.png)";
    }

    // A clean restart continues on that board, without a recovery message, and saves on.
    write_file(run + "/restart.txt",
               "frames 2\nsave restart/shown.json\n" + add_note("Daarna") + "save restart/after.json\nquit\n");
    AppProcess again(display(), {"--windowed", "1280x720", "--data-dir", b.data_dir, "--replay", run + "/restart.txt"},
                     run + "/restart-log.txt");
    EXPECT_EQ(again.wait(60s), 0) << read_file(run + "/restart-log.txt");
    EXPECT_EQ(read_file(run + "/restart/shown.json"), p3) << b.name << ": the restarted app does not show the last board";
    const auto after = parse_doc(read_file(run + "/restart/after.json"));
    ASSERT_TRUE(after) << read_file(run + "/restart-log.txt");
    EXPECT_EQ(after->partners.size(), 7u) << "a tap after the restart did not reach the board (a message in the way?)";
    EXPECT_EQ(read_file(json), read_file(run + "/restart/after.json"));
}

// ---- mounts ---------------------------------------------------------------------------

// A tmpfs of `size` at `dir`, unmounted (lazily, with anything stacked on it) at the end.
class Tmpfs {
public:
    Tmpfs(std::string dir, const char* size) : dir_(std::move(dir)), opts_(std::string("size=") + size) {
        fs::create_directories(dir_);
        namespace_error_ = test::enter_private_mount_namespace();
        if (!namespace_error_.empty()) error_ = EPERM;
        else if (mount("tmpfs", dir_.c_str(), "tmpfs", 0, opts_.c_str()) != 0) error_ = errno;
        else mounted_ = 1;
    }
    ~Tmpfs() {
        while (mounted_-- > 0) umount2(dir_.c_str(), MNT_DETACH);
    }
    Tmpfs(const Tmpfs&) = delete;
    Tmpfs& operator=(const Tmpfs&) = delete;
    int error() const { return error_; }
    const std::string& namespace_error() const { return namespace_error_; }
    const std::string& dir() const { return dir_; }

    // Read-only: a remount of the tmpfs itself, or, if that is refused (a file open for
    // writing on it), a read-only bind mount stacked on it. Returns a description.
    std::string make_read_only() {
        for (int i = 0; i < 50; ++i) {
            if (mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, opts_.c_str()) == 0) return ro_ = "remount,ro";
            if (errno != EBUSY) break;
            std::this_thread::sleep_for(10ms);
        }
        if (mount(dir_.c_str(), dir_.c_str(), nullptr, MS_BIND, nullptr) == 0) {
            ++mounted_;
            if (mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0)
                return ro_ = "read-only bind mount";
        }
        return "failed: " + std::string(std::strerror(errno));
    }
    bool make_writable() {
        if (ro_ == "remount,ro") return mount(nullptr, dir_.c_str(), nullptr, MS_REMOUNT, opts_.c_str()) == 0;
        if (ro_ == "read-only bind mount" && umount2(dir_.c_str(), MNT_DETACH) == 0) return --mounted_, true;
        return false;
    }

private:
    std::string dir_, opts_;
    int mounted_ = 0;  // mounts stacked at dir_
    int error_ = 0;
    std::string namespace_error_;
    std::string ro_;
};

// Fills the file system of `dir` with `dir/filler` until it says ENOSPC.
bool fill(const std::string& path) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    const std::string block(4096, 'x');
    bool full = false;
    for (int i = 0; i < 100000 && !full; ++i)
        if (write(fd, block.data(), block.size()) < 0) full = errno == ENOSPC;
    for (int i = 0; i < 4096 && full; ++i)  // the last partial page, too
        if (write(fd, "x", 1) < 0) break;
    close(fd);
    return full;
}

// Fails a test where the tmpfs could not be mounted, saying why (never skips).
#define NK_MOUNT_OR_FAIL(t) \
    ASSERT_EQ((t).error(), 0) << std::strerror((t).error()) << " " << (t).namespace_error()

TEST(StorageFailure, DiskFullMidSession) {
    TempDir tmp;
    Tmpfs disk(tmp.file("mnt"), "64k");
    NK_MOUNT_OR_FAIL(disk);
    Breakage b;
    b.name = "disk full";
    b.data_dir = disk.dir() + "/netwerkkaart";
    std::string p1;
    b.break_it = [&] {
        p1 = read_file(autosave_path(b.data_dir, 0));
        ASSERT_TRUE(fill(disk.dir() + "/filler")) << "could not fill the tmpfs";
    };
    b.check_broken = [&] {
        // The autosave is a whole, good board: the one from before the disk filled up, or
        // a newer one written after older versions made way for it; nothing torn, no
        // temp files.
        const std::string now = read_file(autosave_path(b.data_dir, 0));
        EXPECT_TRUE(now == p1 || std::holds_alternative<LoadedBoard>(parse_board(now)))
            << "the good autosave was replaced by a broken one on a full disk";
        EXPECT_EQ(bad_files(b.data_dir), "");
    };
    b.repair = [&] { fs::remove(disk.dir() + "/filler"); };
    b.hold = 8s;  // long enough for the retries to back off to their longest interval
    run_session(tmp.path(), b);
}

TEST(StorageFailure, ReadOnlyMidSession) {
    TempDir tmp;
    Tmpfs disk(tmp.file("mnt"), "1m");
    NK_MOUNT_OR_FAIL(disk);
    Breakage b;
    b.name = "read-only";
    b.data_dir = disk.dir() + "/netwerkkaart";
    std::string p1, how;
    b.break_it = [&] {
        p1 = read_file(autosave_path(b.data_dir, 0));
        how = disk.make_read_only();
        ASSERT_EQ(how.rfind("failed", 0), std::string::npos) << how;
        std::printf("[ storage ] read-only by %s\n", how.c_str());
    };
    b.check_broken = [&] {
        EXPECT_EQ(read_file(autosave_path(b.data_dir, 0)), p1) << "the good autosave was replaced";
        EXPECT_EQ(bad_files(b.data_dir), "");
    };
    b.repair = [&] { ASSERT_TRUE(disk.make_writable()) << std::strerror(errno); };
    run_session(tmp.path(), b);
}

TEST(StorageFailure, DataDirDeletedMidSession) {
    // Someone cleans up the folder while the workshop runs: the app makes it again and
    // saves the whole board there at the next action; nothing to warn about.
    TempDir tmp;
    Breakage b;
    b.name = "deleted";
    b.data_dir = tmp.file("data/netwerkkaart");
    b.warns = false;
    b.break_it = [&] { fs::remove_all(b.data_dir); };
    b.check_broken = [&] {
        EXPECT_TRUE(fs::is_directory(b.data_dir)) << "the data directory was not made again";
    };
    b.repair = [] {};
    run_session(tmp.path(), b);
}

TEST(StorageFailure, DataDirVanishesAndComesBack) {
    // A USB stick is pulled (the directory and its parent disappear; a file now stands
    // where the parent was, so it cannot simply be made again) and later put back.
    TempDir tmp;
    Breakage b;
    b.name = "vanished";
    const std::string stick = tmp.file("stick"), away = tmp.file("stick-away");
    b.data_dir = stick + "/netwerkkaart";
    std::string p1;
    b.break_it = [&] {
        p1 = read_file(autosave_path(b.data_dir, 0));
        fs::rename(stick, away);
        write_file(stick, "not a directory");
    };
    b.check_broken = [&] {
        EXPECT_EQ(read_file(autosave_path(away + "/netwerkkaart", 0)), p1);
        EXPECT_EQ(bad_files(away + "/netwerkkaart"), "");
    };
    b.repair = [&] {
        fs::remove(stick);
        fs::rename(away, stick);
    };
    run_session(tmp.path(), b);
}

// Regression test for a bug this test found (fixed): while a non-modal message showed
// (the autosave warning, "Foto bewaard", 4 s each), every tap on a button was lost,
// because the message window took ImGui's focus every frame, which clears the active
// item, so a pressed button never saw its release. Here the disk fails from the start,
// the warning shows, and "+ Post-it" is tapped.
TEST(StorageFailure, ButtonsWorkWhileTheWarningShows) {
    TempDir tmp;
    write_file(tmp.file("stick"), "not a directory");  // the data directory cannot be made
    const std::string run = tmp.file("run");
    fs::create_directories(run);
    write_file(run + "/script.txt", "frames 3\n" + add_note("Tijdens de waarschuwing") + "frames 2\nsave board.json\nquit\n");
    AppProcess app(display(),
                   {"--new", "--phase", "2b", "--windowed", "1280x720", "--data-dir", tmp.file("stick/netwerkkaart"),
                    "--replay", run + "/script.txt"},
                   run + "/log.txt");
    EXPECT_EQ(app.wait(60s), 0) << read_file(run + "/log.txt");
    const auto d = parse_doc(read_file(run + "/board.json"));
    ASSERT_TRUE(d) << read_file(run + "/log.txt");
    EXPECT_EQ(d->partners.size(), 1u) << "the tap on + Post-it while the warning showed was lost";
}

// Regression test for a bug this test found (fixed): on a nearly full disk the autosave's
// own older versions (autosave.1.json ... autosave.3.json) took the room the newest board
// needs, so writing it failed with ENOSPC for ever. Now, when writing the newest board
// fails with ENOSPC or EDQUOT, the oldest autosave.N.json (never autosave.json) is
// removed and the write retried, until it fits or no older version is left.
TEST(StorageFailure, OlderVersionsMakeWayForTheNewestBoard) {
    TempDir tmp;
    Tmpfs disk(tmp.file("mnt"), "64k");
    NK_MOUNT_OR_FAIL(disk);
    const std::string data = disk.dir() + "/netwerkkaart", run = tmp.file("run");
    fs::create_directories(run + "/out");
    fs::create_directories(run + "/sync");
    ASSERT_EQ(mkfifo((run + "/sync/gate.json").c_str(), 0644), 0);
    // A big board (about 18 KB, 5 pages of the 16): the current autosave and one more
    // version fit; the current, two versions and the new one do not.
    Document big;
    big.date = "2026-03-12";
    big.phase = Phase::Netwerkkaart;  // 2B, where post-its are made
    for (int i = 0; i < 42; ++i) {  // about 18 KB in format 2
        const double x = -600 + (i % 10) * 130.0, y = -400 + (i / 10) * 120.0;
        big.partners.push_back(
            {i + 1, "Partner met een wat langere naam " + std::to_string(i + 1), Category::Andere, x, y, 0, 0, 1});
        big.partners.back().ring = geo::ring_at({x, y});
    }
    write_file(run + "/big.json", serialize_board(big));
    // Four moves, made with gestures.
    std::string script = "open big.json\nframes 2\n";
    for (int i = 1; i <= 4; ++i)
        script += "drag @note:\"" + big.partners[size_t(i - 1)].text + "\" " + pos(-0.15 + 0.1 * i, 0.3) +
                  " steps 4 finger 2\nframes 1\n";
    write_file(run + "/script.txt", script + "save out/final.json\nopen sync/gate.json\nquit\n");
    AppProcess app(display(),
                   {"--new", "--phase", "2b", "--windowed", "1280x720", "--data-dir", data, "--replay", run + "/script.txt"},
                   run + "/log.txt");
    const int gate = wait_at_gate(app, run + "/sync/gate.json", 60s);
    ASSERT_GE(gate, 0) << read_file(run + "/log.txt");
    const std::string final_board = read_file(run + "/out/final.json");
    const auto caught_up = poll_until([&] { return read_file(autosave_path(data, 0)) == final_board; }, 8000ms);
    // How many of the four moves the autosave has.
    auto moves_saved = [&] {
        const auto saved = parse_doc(read_file(autosave_path(data, 0)));
        const auto board = parse_doc(final_board);
        int n = 0;
        for (size_t i = 0; saved && board && i < 4 && i < saved->partners.size(); ++i)
            n += saved->partners[i].x == board->partners[i].x && saved->partners[i].y == board->partners[i].y;
        return n;
    };
    EXPECT_TRUE(caught_up) << "the autosave has " << moves_saved() << " of the 4 moves; files:" << dir_listing(data);
    pass_gate(gate, final_board);
    EXPECT_EQ(app.wait(60s), 0);
    EXPECT_TRUE(read_file(autosave_path(data, 0)) == final_board)
        << "the last actions are lost after a clean exit: the autosave has " << moves_saved() << " of the 4 moves";
}

}  // namespace
}  // namespace nk::test
