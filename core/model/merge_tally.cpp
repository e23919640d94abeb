#include "merge_tally.hpp"

#include <algorithm>

#include "fold.hpp"

namespace nk {

void MergeTally::record(const Document& before, const Document& after) {
    Batch batch;
    for (const Partner& p : after.partners)
        if (!before.partner(p.id)) {
            batch.keys[p.id] = fold(p.text);
            batch.as_merged.push_back(p);
        }
    undone_.clear();  // a merge is a change: the redo tail is gone
    // A merge undone earlier whose ids are gone from `before` cannot come back any more.
    std::erase_if(batches_, [&](const Batch& b) { return !any_present(b, before); });
    if (!batch.keys.empty()) batches_.push_back(std::move(batch));
}

bool MergeTally::any_present(const Batch& b, const Document& d) {
    return std::any_of(b.keys.begin(), b.keys.end(), [&](const auto& e) { return d.partner(e.first) != nullptr; });
}

bool MergeTally::redone(const Batch& b, const Document& d) {
    return std::any_of(b.as_merged.begin(), b.as_merged.end(), [&](const Partner& p) {
        const Partner* now = d.partner(p.id);
        return now && *now == p;
    });
}

void MergeTally::follow(const Document& d, bool can_redo) {
    // Redone: the newest undone merge whose post-its are back.
    while (!undone_.empty() && redone(undone_.back(), d)) {
        batches_.push_back(std::move(undone_.back()));
        undone_.pop_back();
    }
    // Undone: a merge none of whose post-its is on the board (newest first, so the last
    // undone is redone first).
    for (size_t i = batches_.size(); i-- > 0;)
        if (!any_present(batches_[i], d)) {
            undone_.push_back(std::move(batches_[i]));
            batches_.erase(batches_.begin() + std::ptrdiff_t(i));
        }
    if (!can_redo) undone_.clear();
}

void MergeTally::clear() {
    batches_.clear();
    undone_.clear();
}

int MergeTally::groups_naming(const Document& d, const std::vector<Id>& group) const {
    std::vector<bool> batch_hit(batches_.size(), false);
    bool ours = false;
    for (Id id : group) {
        const Partner* p = d.partner(id);
        if (!p) continue;
        const std::string key = fold(p->text);
        bool merged = false;
        for (size_t b = 0; b < batches_.size(); ++b)
            if (auto it = batches_[b].keys.find(id); it != batches_[b].keys.end() && it->second == key)
                batch_hit[b] = merged = true;
        ours |= !merged;
    }
    return int(ours) + int(std::count(batch_hit.begin(), batch_hit.end(), true));
}

}  // namespace nk
