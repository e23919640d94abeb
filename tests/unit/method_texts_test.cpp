// The method's texts (assets/lang/<lang>-method.txt, after <lang>.txt and <lang>-report.txt):
// Dutch and English hold the same keys, every key the program reads is there in both, and
// the phases' minutes add up to the plan. A missing key would show on screen as the key
// itself ("card.f2.tijd.prompts"), which a teacher must never see.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "document.hpp"
#include "method.hpp"
#include "strings.hpp"

namespace nk {
namespace {
namespace fs = std::filesystem;
const fs::path kRepo = fs::path(NK_TEST_DATA) / ".." / "..";
const fs::path kLang = kRepo / "assets" / "lang";

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The keys of one file, as written (a `key = text` line each).
std::set<std::string> keys_of(const fs::path& p) {
    std::set<std::string> keys;
    std::istringstream in(read(p));
    const std::regex line(R"(^([A-Za-z0-9_.\-]+) = )");
    std::smatch m;
    for (std::string l; std::getline(in, l);)
        if (std::regex_search(l, m, line)) keys.insert(m[1]);
    return keys;
}

// Everything the app loads for `lang`, in its order (App::set_language).
Strings texts(const std::string& lang) {
    Strings s = Strings::load((kLang / (lang + ".txt")).string());
    s.merge(Strings::load((kLang / (lang + "-method.txt")).string()));
    s.merge(Strings::load((kLang / (lang + "-report.txt")).string()));
    return s;
}

// The keys the method's structure makes the program read: per phase, role, card and
// closing question, and the pages and hints of phases 1 and 2B.
std::vector<std::string> method_keys() {
    std::vector<std::string> k;
    for (int p = 0; p < kPhaseCount; ++p)
        for (const char* part : {".title", ".hint", ".minutes90", ".minutes120", ".short", ""})
            k.push_back("phase." + std::string(phase_id(Phase(p))) + part);
    for (int r = 0; r < kRoleCount; ++r)
        for (const char* part : {"", ".short"}) k.push_back("role." + std::string(role_id(Role(r))) + part);
    for (int g = 1; g <= method::kCardPhases; ++g) k.push_back("cards.phase" + std::to_string(g) + ".title");
    for (const method::Card& c : method::kCards)
        for (const char* part : {".title", ".prompts"}) k.push_back("card." + std::string(c.id) + part);
    for (std::string_view q : method::kClosingQuestions)
        for (const char* part : {".question", ".hint"}) k.push_back("closing." + std::string(q) + part);
    for (const char* page : {"intro.goals", "intro.partners", "intro.learning", "intro.case"})
        for (const char* part : {".title", ".text"}) k.push_back(page + std::string(part));
    for (const char* key : {"intro.goal.label", "intro.goal.hint", "map.hints.title", "map.hint_distance",
                            "map.hint_categories", "map.hint_lines", "cards.hint", "priorities.question"})
        k.push_back(key);
    return k;
}

TEST(MethodTexts, DutchAndEnglishHoldTheSameKeys) {
    for (const char* file : {"-method.txt", ".txt", "-report.txt"}) {
        const auto nl = keys_of(kLang / ("nl" + std::string(file))), en = keys_of(kLang / ("en" + std::string(file)));
        EXPECT_FALSE(nl.empty()) << file;
        for (const std::string& k : nl) EXPECT_TRUE(en.count(k)) << "en" << file << " lacks " << k;
        for (const std::string& k : en) EXPECT_TRUE(nl.count(k)) << "nl" << file << " lacks " << k;
        EXPECT_EQ(Strings::load((kLang / ("nl" + std::string(file))).string()).skipped_lines(), 0) << file;
        EXPECT_EQ(Strings::load((kLang / ("en" + std::string(file))).string()).skipped_lines(), 0) << file;
    }
}

TEST(MethodTexts, EveryKeyOfTheMethodIsThereAndSaysSomething) {
    for (const char* lang : {"nl", "en"}) {
        const Strings s = texts(lang);
        for (const std::string& k : method_keys()) {
            EXPECT_TRUE(s.has(k)) << lang << ": " << k;
            if (s.has(k)) {
                EXPECT_FALSE(s.get(k).empty()) << lang << ": " << k;
            }
        }
    }
}

// Every key written out whole in the program's source (`get("…")`, `format("…", …)`) is
// in both languages: a key built from parts is covered by method_keys above.
TEST(MethodTexts, EveryKeyTheProgramReadsByNameExists) {
    const std::regex call(R"re((?:get|format)\("([a-z0-9_.\-]+)"\s*[,)])re");
    std::set<std::string> used;
    for (const char* dir : {"app", "core"})
        for (const auto& e : fs::recursive_directory_iterator(kRepo / dir)) {
            const auto ext = e.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            const std::string src = read(e.path());
            for (std::sregex_iterator it(src.begin(), src.end(), call), end; it != end; ++it) used.insert((*it)[1]);
        }
    ASSERT_GT(used.size(), 100u) << "the program's sources were not found under " << kRepo;
    for (const char* lang : {"nl", "en"}) {
        const Strings s = texts(lang);
        for (const std::string& k : used) EXPECT_TRUE(s.has(k)) << lang << ": " << k;
    }
}

TEST(MethodTexts, ThePhasesMinutesAddUpToThePlan) {
    for (const char* lang : {"nl", "en"}) {
        const Strings s = texts(lang);
        for (const char* plan : {"minutes90", "minutes120"}) {
            int sum = 0;
            for (int p = 0; p < kPhaseCount; ++p)
                sum += std::stoi(s.get("phase." + std::string(phase_id(Phase(p))) + "." + plan));
            EXPECT_EQ(sum, std::string(plan) == "minutes90" ? 90 : 120) << lang;
        }
    }
}

// The nuances of the seed (seed/reflectietool.txt) that once got lost, in both languages.
TEST(MethodTexts, TheSeedsNuancesAreKept) {
    struct Nuance { const char* key; const char* nl; const char* en; };
    const Nuance kept[] = {
        {"card.f1.samenwerking.prompts", "fusie", "merger"},
        {"card.f2.verbinding.prompts", "attitudes staan centraal", "attitudes are central"},
        {"card.f2.inbreng.prompts", "aanvullen", "complement"},
        {"card.f2.doelgerichtheid.prompts", "zoeken, vorm geven, realiseren, of overgaan naar iets anders",
         "searching, shaping, realising, or moving on to something else"},
        {"card.f1.beweegredenen.prompts", "stages of werkplekleren", "internships or workplace learning"},
        {"card.f1.beweegredenen.prompts", "(onderzoeks)projecten", "(research) projects"},
        {"card.f1.beweegredenen.prompts", "moetivatie", "must-ivation"},
        {"card.f1.beweegredenen.prompts", "regio", "region"},
        {"card.f2.tijd.title", "binnen het eigen schoolteam", "within our own school team"},
        {"card.f3.leraren.prompts", "concrete resultaten die je kan zien", "concrete results you can see"},
        {"intro.case.text", "grensoverschrijdend gedrag", "transgressive behaviour"},
        {"closing.metafoor.hint", "parachute", "parachute"},
    };
    const Strings nl = texts("nl"), en = texts("en");
    for (const Nuance& n : kept) {
        EXPECT_NE(nl.get(n.key).find(n.nl), std::string::npos) << n.key << ": " << nl.get(n.key);
        EXPECT_NE(en.get(n.key).find(n.en), std::string::npos) << n.key << ": " << en.get(n.key);
    }
}

}  // namespace
}  // namespace nk
