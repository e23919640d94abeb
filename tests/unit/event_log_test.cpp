#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "event_log.hpp"

namespace nk {
namespace {
std::string slurp(const std::string& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(EventLog, AppendsOneLinePerEventAndRotates) {
    const auto dir = std::filesystem::temp_directory_path() / "nk-log-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "netwerkkaart.log").string();
    EventLog log(path, 200);
    log.info("started");
    log.error("autosave failed:\nNo space left");
    const std::string text = slurp(path);
    EXPECT_NE(text.find(" INFO started\n"), std::string::npos);
    EXPECT_NE(text.find(" ERROR autosave failed: No space left\n"), std::string::npos);
    for (int i = 0; i < 20; ++i) log.info("line " + std::to_string(i));
    EXPECT_TRUE(std::filesystem::exists(path + ".1"));
    EXPECT_LT(std::filesystem::file_size(path), 400u);
    std::filesystem::remove_all(dir);
}

TEST(EventLog, AnUnwritablePlaceIsIgnored) {
    EventLog log("/nonexistent-dir/x.log");
    log.error("nothing happens");  // no throw, no crash
    EventLog none;
    none.info("nothing");
    SUCCEED();
}

// open() and write() from different threads: write reads the path under the lock that
// open() changes it under (found by the ThreadSanitizer build, scripts/test).
TEST(EventLog, OpenAndWriteFromTwoThreads) {
    const auto dir = std::filesystem::temp_directory_path() / "nk-log-threads";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string a = (dir / "a.log").string(), b = (dir / "b.log").string();
    EventLog log(a);
    std::thread writer([&] {
        for (int i = 0; i < 200; ++i) log.info("regel " + std::to_string(i));
    });
    for (int i = 0; i < 200; ++i) log.open(i % 2 ? a : b);
    writer.join();
    log.open(b);
    log.info("laatste");
    EXPECT_NE(slurp(b).find("INFO laatste"), std::string::npos);
    EXPECT_EQ(log.path(), b);
    size_t lines = 0;
    for (const std::string& p : {a, b})
        for (char c : slurp(p)) lines += c == '\n';
    EXPECT_EQ(lines, 201u) << "every line went to one of the two files";
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nk
