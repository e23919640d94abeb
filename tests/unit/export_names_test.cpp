// Export file names: safe on FAT32/exFAT sticks and Windows, short, never overwriting.
#include "export_names.hpp"

#include <gtest/gtest.h>

#include <set>

#include "utf8.hpp"

namespace nk {
namespace {

Document named(std::string school, std::string date = "2026-11-29") {
    Document d;
    d.school = std::move(school);
    d.date = std::move(date);
    return d;
}

TEST(ExportNames, DateSchoolAndSuffix) {
    EXPECT_EQ(export_base_name(named("Basisschool De Linde")), "2026-11-29 Basisschool De Linde - netwerkkaart");
    EXPECT_EQ(export_base_name(named("Gemeentelijke Basisschool ’t Zonneke – Oostakker")),
              "2026-11-29 Gemeentelijke Basisschool ’t Zonneke – Oostakker - netwerkkaart");
}

TEST(ExportNames, UnsafeCharactersAreReplaced) {
    EXPECT_EQ(export_base_name(named("A/B\\C:D*E?F\"G<H>I|J")), "2026-11-29 A-B-C-D-E-F-G-H-I-J - netwerkkaart");
    EXPECT_EQ(export_base_name(named("Twee\nregels\tmet\x7F" "ctrl")), "2026-11-29 Twee regels met ctrl - netwerkkaart");
    EXPECT_EQ(export_base_name(named("  ..De Linde.  ")), "2026-11-29 De Linde - netwerkkaart");
    EXPECT_EQ(export_base_name(named("bad \xC3 byte")), "2026-11-29 bad byte - netwerkkaart");
    const std::string name = export_base_name(named(std::string("x\0y", 3)));
    EXPECT_EQ(name.find('\0'), std::string::npos);
}

TEST(ExportNames, EmptyOrReservedSchoolIsNetwerkkaart) {
    EXPECT_EQ(export_base_name(named("")), "2026-11-29 Netwerkkaart - netwerkkaart");
    EXPECT_EQ(export_base_name(named(" \n\t ")), "2026-11-29 Netwerkkaart - netwerkkaart");
    EXPECT_EQ(export_base_name(named("...")), "2026-11-29 Netwerkkaart - netwerkkaart");
    EXPECT_EQ(export_base_name(named("con")), "2026-11-29 Netwerkkaart - netwerkkaart");
    EXPECT_EQ(export_base_name(named("LPT1")), "2026-11-29 Netwerkkaart - netwerkkaart");
    EXPECT_EQ(export_base_name(named("COM")), "2026-11-29 COM - netwerkkaart");
}

TEST(ExportNames, BadDateIsLeftOut) {
    EXPECT_EQ(export_base_name(named("S", "")), "S - netwerkkaart");
    EXPECT_EQ(export_base_name(named("S", "29/11/2026")), "S - netwerkkaart");
}

TEST(ExportNames, LongNamesAreCutOnACodePoint) {
    std::string school;
    for (int i = 0; i < 60; ++i) school += "é";  // 2 bytes each
    school = "a" + school;                      // odd offset: 80 lands inside an é
    const std::string part = safe_file_name_part(school, kMaxSchoolNameBytes);
    EXPECT_LE(part.size(), kMaxSchoolNameBytes);
    EXPECT_GE(part.size(), kMaxSchoolNameBytes - 3);
    EXPECT_TRUE(utf8::valid(part));
    std::string emoji;
    for (int i = 0; i < 30; ++i) emoji += "🌳";  // 4 bytes each
    for (size_t max = 0; max < 20; ++max) {
        const std::string p = safe_file_name_part("x" + emoji, max);
        EXPECT_TRUE(utf8::valid(p)) << max;
        EXPECT_LE(p.size(), max);
    }
    // A cut that leaves a trailing space or dot is trimmed again.
    EXPECT_EQ(safe_file_name_part("abc. def", 5), "abc");
    const std::string base = export_base_name(named(std::string(500, 'x')));
    EXPECT_EQ(base, "2026-11-29 " + std::string(kMaxSchoolNameBytes, 'x') + " - netwerkkaart");
}

TEST(ExportNames, UniquePathCountsUp) {
    std::set<std::string> taken;
    auto exists = [&](const std::string& p) { return taken.count(p) != 0; };
    EXPECT_EQ(unique_path("/media/usb", "kaart", "png", exists), "/media/usb/kaart.png");
    taken.insert("/media/usb/kaart.png");
    EXPECT_EQ(unique_path("/media/usb/", "kaart", "png", exists), "/media/usb/kaart (2).png");
    taken.insert("/media/usb/kaart (2).png");
    taken.insert("/media/usb/kaart (3).png");
    EXPECT_EQ(unique_path("/media/usb", "kaart", "png", exists), "/media/usb/kaart (4).png");
    // Another extension is free.
    EXPECT_EQ(unique_path("/media/usb", "kaart", "csv", exists), "/media/usb/kaart.csv");
    EXPECT_EQ(unique_path("", "kaart", "", exists), "kaart");
    // Never an existing one: a stick where everything "exists" gives up with "".
    EXPECT_EQ(unique_path("/x", "kaart", "png", [](const std::string&) { return true; }), "");
}

// The Foto button's snapshot took the school's name whole: a 300-letter name gave a file
// name past the 255 bytes a file system allows, and the snapshot failed.
TEST(ExportNames, SnapshotNamesHaveALengthLimit) {
    Document d;
    d.date = "2026-12-07";
    d.school = std::string(300, 'x');
    for (int i = 0; i < 200; ++i) d.school += "é";
    auto none = [](const std::string&) { return false; };
    const std::string p = snapshot_path("/data/snapshots", d, none);
    ASSERT_TRUE(p.starts_with("/data/snapshots/2026-12-07 xxx")) << p;
    const std::string name = p.substr(std::string("/data/snapshots/").size());
    EXPECT_LE(name.size(), kMaxSchoolNameBytes + 40);
    EXPECT_TRUE(name.ends_with(" - netwerkkaart.png")) << name;
    EXPECT_TRUE(utf8::valid(name));
    // Cut at a character boundary inside the accented part, too.
    d.school = "Sint-" + std::string(50, 'a');
    for (int i = 0; i < 100; ++i) d.school += "é";
    const std::string q = snapshot_path("/s", d, none);
    EXPECT_TRUE(utf8::valid(q)) << q;
    EXPECT_LE(q.size(), 3 + kMaxSchoolNameBytes + 40);
    // Never over an earlier snapshot.
    std::set<std::string> taken{p};
    d.school = std::string(300, 'x');
    for (int i = 0; i < 200; ++i) d.school += "é";
    const std::string second = snapshot_path("/data/snapshots", d, [&](const std::string& f) { return taken.count(f) > 0; });
    EXPECT_TRUE(second.ends_with(" - netwerkkaart (2).png")) << second;
}

}  // namespace
}  // namespace nk
