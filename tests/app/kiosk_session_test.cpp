// The kiosk session (packaging/kiosk-session, installed as the "Netwerkkaart kiosk" login
// session and run by scripts/kiosk-session): a crash restarts the app, the facilitator's
// close (exit code 0) ends the session, the settings file reaches the app, and an app that
// crashes again and again is not restarted forever. A stand-in
// app records each start, so no X server is needed.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "app_runner.hpp"

namespace nk::test {
namespace {
namespace fs = std::filesystem;
const std::string kSession = std::string(NK_TEST_DATA) + "/../../packaging/kiosk-session";

// A stand-in for netwerkkaart that appends its arguments to `runs` and exits with 3
// ("crashed") until it has run `runs_until_close` times, then with 0.
std::string fake_app(const TempDir& dir, int runs_until_close) {
    const std::string path = dir.file("fake-app");
    write_file(path, "#!/bin/sh\necho \"$*\" >> '" + dir.file("runs") + "'\n[ $(wc -l < '" + dir.file("runs") +
                         "') -ge " + std::to_string(runs_until_close) + " ] && exit 0\nexit 3\n");
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add);
    return path;
}

// Runs the session with a clean environment plus `env`; its exit code, -1 on a timeout.
// Its output goes to `out` if given.
int run_session(const std::string& env, const std::string& out = "/dev/null") {
    const std::string cmd = "env -i PATH=/usr/bin:/bin " + env + " timeout 30 sh '" + kSession + "' >'" + out + "' 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) && WEXITSTATUS(status) != 124 ? WEXITSTATUS(status) : -1;
}

TEST(KioskSession, RestartsTheAppAfterEachCrashAndEndsWhenTheFacilitatorClosesIt) {
    TempDir dir;
    const std::string app = fake_app(dir, 3);
    EXPECT_EQ(run_session("NK_KIOSK_CONFIG=/dev/null NK_BIN='" + app + "' NK_ARGS='--lang en --ui-scale 1.2'"), 0);
    // Two crashes, two restarts, each with the same arguments.
    EXPECT_EQ(read_file(dir.file("runs")), "--lang en --ui-scale 1.2\n--lang en --ui-scale 1.2\n--lang en --ui-scale 1.2\n");
}

TEST(KioskSession, StopsRestartingAfterFiveQuickCrashesAndSaysSo) {
    TempDir dir;
    const std::string app = fake_app(dir, 1000);  // crashes every time
    EXPECT_EQ(run_session("NK_KIOSK_CONFIG=/dev/null NK_BIN='" + app + "'", dir.file("out")), 1);
    // Five starts, no sixth: the session ended instead of looping until the timeout.
    EXPECT_EQ(read_file(dir.file("runs")), "\n\n\n\n\n");
    const std::string out = read_file(dir.file("out"));
    EXPECT_NE(out.find("niet meer opnieuw gestart"), std::string::npos) << out;
    EXPECT_NE(out.find("not restarted again"), std::string::npos) << out;
}

TEST(KioskSession, CrashesFurtherApartThanTheWindowKeepRestarting) {
    TempDir dir;
    const std::string app = fake_app(dir, 4);
    // A window of 1 s with a second between restarts: never two crashes inside it.
    EXPECT_EQ(run_session("NK_KIOSK_CONFIG=/dev/null NK_CRASH_LIMIT=2 NK_CRASH_WINDOW=1 NK_BIN='" + app + "'"), 0);
    EXPECT_EQ(read_file(dir.file("runs")), "\n\n\n\n");
}

TEST(KioskSession, TheSettingsFileChoosesTheAppAndItsArguments) {
    TempDir dir;
    const std::string app = fake_app(dir, 1);
    write_file(dir.file("netwerkkaart-kiosk"), "NK_BIN='" + app + "'\nNK_ARGS='--layout table'\n");
    EXPECT_EQ(run_session("NK_KIOSK_CONFIG='" + dir.file("netwerkkaart-kiosk") + "' NK_BIN=/nonexistent"), 0);
    EXPECT_EQ(read_file(dir.file("runs")), "--layout table\n");
}

TEST(KioskSession, InstalledItRunsTheAppInTheBinDirectoryBesideItsLibexec) {
    TempDir dir;
    // <prefix>/libexec/netwerkkaart/kiosk-session and <prefix>/bin/netwerkkaart, as installed.
    fs::create_directories(dir.file("prefix/libexec/netwerkkaart"));
    fs::create_directories(dir.file("prefix/bin"));
    fs::copy_file(kSession, dir.file("prefix/libexec/netwerkkaart/kiosk-session"));
    fs::copy_file(fake_app(dir, 1), dir.file("prefix/bin/netwerkkaart"));
    const std::string cmd = "cd / && env -i PATH=/usr/bin:/bin NK_KIOSK_CONFIG=/dev/null NK_ARGS=--new timeout 30 sh '" +
                            dir.file("prefix/libexec/netwerkkaart/kiosk-session") + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_EQ(read_file(dir.file("runs")), "--new\n");
}

}  // namespace
}  // namespace nk::test
