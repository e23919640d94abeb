// The rules every board obeys, and the repair of a board that breaks them.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"

namespace nk {

// Empty when `d` keeps every invariant; otherwise one English line per broken rule
// (for logs and tests). The rules: participant, partner and link ids are positive and
// unique in their list; links join two different existing ends (a partner or the
// school) and no two links join the same pair; every priority names an existing
// participant and partner, at most one per participant; every number is finite;
// every partner's ring equals geo::ring_at of its position; scale in [0.75, 1.5];
// every string is valid UTF-8 and within its length limit (limits.hpp).
std::vector<std::string> invariant_violations(const Document& d);

// What repair() changed, one entry per change, as facts a support person can read.
struct RepairReport {
    std::vector<std::string> changes;
    bool empty() const { return changes.empty(); }
};

// Makes `d` keep every invariant, changing as little as possible: invalid UTF-8 is
// replaced by U+FFFD, texts past their limit are cut at a character boundary, non-finite numbers become 0 (positions go to the parking lane),
// duplicate ids are renumbered, dangling links and priorities are dropped, rings are
// recomputed. Returns what it changed.
RepairReport repair(Document& d);

}  // namespace nk
