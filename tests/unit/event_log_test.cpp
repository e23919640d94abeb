#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace
}  // namespace nk
