// atomic_file: the real POSIX storage on a temporary directory, and FaultyStorage.
#include "atomic_file.hpp"
#include "faulty_storage.hpp"
#include "private_mounts.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace nk;

namespace {

class AtomicFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "nk-atomic-XXXXXX").string();
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir, fs::perms::owner_all, ec);
        fs::remove_all(dir, ec);
    }
    std::string path(const std::string& name) const { return dir + "/" + name; }
    std::vector<std::string> names() const {
        auto v = real_storage()->list(dir);
        std::sort(v.begin(), v.end());
        return v;
    }
    std::string dir;
};

}  // namespace

TEST_F(AtomicFileTest, WriteCreatesThenReplacesAndLeavesNoTempFiles) {
    auto s = real_storage();
    ASSERT_TRUE(s->write_atomic(path("board.json"), "first"));
    EXPECT_EQ(s->read(path("board.json"), 1000), "first");
    WriteResult r = s->write_atomic(path("board.json"), "second, longer");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.err_no, 0);
    EXPECT_EQ(s->read(path("board.json"), 1000), "second, longer");
    ASSERT_TRUE(s->write_atomic(path("board.json"), ""));
    EXPECT_EQ(s->read(path("board.json"), 1000), "");
    EXPECT_EQ(names(), std::vector<std::string>{"board.json"});

    struct stat st {};
    ASSERT_EQ(::stat(path("board.json").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(AtomicFileTest, LargeWriteRoundTrips) {
    std::string big(5u << 20, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
    ASSERT_TRUE(real_storage()->write_atomic(path("big"), big));
    EXPECT_EQ(real_storage()->read(path("big"), big.size()), big);
    EXPECT_EQ(real_storage()->read(path("big"), big.size() - 1), std::nullopt);  // over the limit
}

TEST_F(AtomicFileTest, WriteIntoMissingDirectoryFailsWithReadableError) {
    WriteResult r = real_storage()->write_atomic(path("gone/board.json"), "x");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.err_no, ENOENT);
    EXPECT_NE(r.error.find("No such file or directory"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find(dir), std::string::npos) << r.error;
}

// A real torn write: the file-size limit makes write() stop part-way with EFBIG.
TEST_F(AtomicFileTest, RealWriteFailingMidwayLeavesOldFileAndNoTemp) {
    auto s = real_storage();
    ASSERT_TRUE(s->write_atomic(path("board.json"), "old board"));
    rlimit old_limit{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old_limit;
    small.rlim_cur = 4096;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    WriteResult r = s->write_atomic(path("board.json"), std::string(100000, 'n'));
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);

    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.err_no, EFBIG) << r.error;
    EXPECT_EQ(s->read(path("board.json"), 1000), "old board");
    EXPECT_EQ(names(), std::vector<std::string>{"board.json"});
}

TEST_F(AtomicFileTest, InjectedEnospcLeavesOldFileByteIdentical) {
    auto faulty = std::make_shared<FaultyStorage>(real_storage());
    const std::string old_bytes("{\"v\":1}\n\0binary\xff", 17);
    ASSERT_TRUE(faulty->write_atomic(path("board.json"), old_bytes));
    faulty->fail_writes(ENOSPC, 2);
    for (int i = 0; i < 2; ++i) {
        WriteResult r = faulty->write_atomic(path("board.json"), "new");
        EXPECT_FALSE(r.ok);
        EXPECT_EQ(r.err_no, ENOSPC);
        EXPECT_NE(r.error.find("No space left on device"), std::string::npos) << r.error;
    }
    EXPECT_EQ(faulty->read(path("board.json"), 1000), old_bytes);
    EXPECT_EQ(names(), std::vector<std::string>{"board.json"});
    EXPECT_TRUE(faulty->write_atomic(path("board.json"), "new"));  // the count ran out
    EXPECT_EQ(faulty->read(path("board.json"), 1000), "new");
    EXPECT_EQ(faulty->write_calls(), 4u);
    EXPECT_EQ(faulty->failed_write_calls(), 2u);
}

TEST_F(AtomicFileTest, InjectedReadOnlyUntilCleared) {
    FaultyStorage faulty(real_storage());
    faulty.fail_writes(EROFS);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(faulty.write_atomic(path("a"), "x").err_no, EROFS);
    faulty.clear();
    EXPECT_TRUE(faulty.write_atomic(path("a"), "x"));
}

TEST_F(AtomicFileTest, TornWriteIsNeverVisibleAndItsTempIsCleanedUp) {
    FaultyStorage faulty(real_storage());
    ASSERT_TRUE(faulty.write_atomic(path("board.json"), "good"));
    faulty.tear_writes(1);
    WriteResult r = faulty.write_atomic(path("board.json"), "a much longer new board");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.err_no, EIO);
    EXPECT_EQ(faulty.read(path("board.json"), 1000), "good");

    auto left = names();
    ASSERT_EQ(left.size(), 2u);  // the torn temp file, as a crash would leave it
    const std::string& tmp = left[0] == "board.json" ? left[1] : left[0];
    EXPECT_TRUE(is_temp_file_name(tmp)) << tmp;
    EXPECT_FALSE(is_temp_file_name("board.json"));
    EXPECT_FALSE(is_temp_file_name(".nk-tmp"));

    EXPECT_EQ(cleanup_temp_files(faulty, dir), 1);
    EXPECT_EQ(names(), std::vector<std::string>{"board.json"});
    EXPECT_EQ(faulty.read(path("board.json"), 1000), "good");
}

TEST_F(AtomicFileTest, RenameListRemove) {
    auto s = real_storage();
    ASSERT_TRUE(s->write_atomic(path("a"), "A"));
    ASSERT_TRUE(s->write_atomic(path("b"), "B"));
    ASSERT_TRUE(s->rename(path("a"), path("b")));
    ASSERT_TRUE(s->sync_dir(dir));
    EXPECT_EQ(s->read(path("b"), 10), "A");
    EXPECT_EQ(s->rename(path("a"), path("c")).err_no, ENOENT);
    EXPECT_EQ(names(), std::vector<std::string>{"b"});
    EXPECT_TRUE(s->remove(path("b")));
    EXPECT_TRUE(s->remove(path("b")));  // already gone counts as gone
    EXPECT_TRUE(names().empty());
    EXPECT_TRUE(s->list(path("nope")).empty());
    EXPECT_EQ(s->read(path("nope"), 10), std::nullopt);

    FaultyStorage faulty(s);
    ASSERT_TRUE(faulty.write_atomic(path("x"), "X"));
    faulty.fail_renames(EIO, 1);
    EXPECT_EQ(faulty.rename(path("x"), path("y")).err_no, EIO);
    EXPECT_TRUE(faulty.rename(path("x"), path("y")));
}

TEST_F(AtomicFileTest, MakeDirsCreatesNestedAndAcceptsExisting) {
    auto s = real_storage();
    const std::string deep = path("a/b/c");
    ASSERT_TRUE(s->make_dirs(deep));
    EXPECT_TRUE(fs::is_directory(deep));
    EXPECT_TRUE(s->make_dirs(deep));
    EXPECT_TRUE(s->make_dirs(deep + "/"));
    ASSERT_TRUE(s->write_atomic(path("file"), "x"));
    EXPECT_EQ(s->make_dirs(path("file")).err_no, ENOTDIR);
    EXPECT_FALSE(s->make_dirs(path("file/sub")).ok);
}

TEST_F(AtomicFileTest, ParentDir) {
    EXPECT_EQ(parent_dir("a/b/c.json"), "a/b");
    EXPECT_EQ(parent_dir("c.json"), ".");
    EXPECT_EQ(parent_dir("/c.json"), "/");
    EXPECT_EQ(parent_dir("/x/y/"), "/x");
    EXPECT_EQ(parent_dir("/"), "/");
}

TEST_F(AtomicFileTest, TempPathsAreUniqueAndBesideTheTarget) {
    std::string a = make_temp_path(path("board.json"));
    std::string b = make_temp_path(path("board.json"));
    EXPECT_NE(a, b);
    EXPECT_EQ(parent_dir(a), dir);
    EXPECT_TRUE(is_temp_file_name(fs::path(a).filename().string()));
}

// A directory the app may not write into. As another user a chmod makes it so (EACCES);
// root ignores permissions, so as root (CI) the directory becomes a read-only bind mount
// in a private mount namespace (EROFS). Never skipped: if neither can be arranged, the
// test fails and says why.
TEST_F(AtomicFileTest, RealReadOnlyDirectoryKeepsOldFile) {
    auto s = real_storage();
    ASSERT_TRUE(s->write_atomic(path("board.json"), "old"));
    int expected = EACCES;
    if (::geteuid() == 0) {
        const std::string ns = test::enter_private_mount_namespace();
        ASSERT_EQ(ns, "") << "cannot make a read-only directory as root";
        ASSERT_EQ(test::bind_read_only(dir), "");
        expected = EROFS;
    } else {
        ASSERT_EQ(::chmod(dir.c_str(), 0555), 0);
    }
    WriteResult r = s->write_atomic(path("board.json"), "new");
    if (expected == EROFS)
        ::umount2(dir.c_str(), MNT_DETACH);
    else
        ::chmod(dir.c_str(), 0755);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.err_no, expected) << r.error;
    EXPECT_EQ(s->read(path("board.json"), 100), "old");
    EXPECT_EQ(names(), std::vector<std::string>{"board.json"}) << "no temp file left behind";
}

// A full disk: a 64 KiB tmpfs in a private mount namespace (as root, or as another user
// through a user namespace). The write fails with ENOSPC, the old file stays whole, no
// temp file is left, and once there is room again the write succeeds.
TEST_F(AtomicFileTest, RealFullDiskKeepsOldFile) {
    const std::string ns = test::enter_private_mount_namespace();
    ASSERT_EQ(ns, "") << "cannot mount a small tmpfs here";
    const std::string disk = path("disk");
    ASSERT_TRUE(fs::create_directory(disk));
    ASSERT_EQ(test::mount_tmpfs(disk, "64k"), "");
    auto s = real_storage();
    const std::string board = disk + "/board.json";
    ASSERT_TRUE(s->write_atomic(board, std::string(20'000, 'o')));
    WriteResult r = s->write_atomic(board, std::string(60'000, 'n'));  // the old one and this do not fit
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.err_no, ENOSPC) << r.error;
    EXPECT_EQ(s->read(board, 100'000), std::string(20'000, 'o'));
    EXPECT_EQ(s->list(disk), std::vector<std::string>{"board.json"}) << "no temp file left behind";
    ASSERT_TRUE(s->write_atomic(board, std::string(30'000, 'n'))) << "room enough again";
    EXPECT_EQ(s->read(board, 100'000), std::string(30'000, 'n'));
    ::umount2(disk.c_str(), MNT_DETACH);
}
