#include "document.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace nk {
namespace {
constexpr std::array<std::string_view, kPhaseCount> kPhaseIds{"0", "1", "2a", "2b", "2c", "3", "4", "5"};
constexpr std::array<std::string_view, kRoleCount> kRoleIds{"leraar", "directie", "beleidsondersteuner",
                                                            "zorgcoordinator", "extern"};
constexpr std::array<std::string_view, 4> kSideIds{"bottom", "right", "top", "left"};
constexpr std::array<std::string_view, kCategoryCount> kCategoryIds{
    "zorg", "professionalisering", "aanbod", "stages", "projecten", "beleid", "andere", "ongesorteerd"};

template <typename E, size_t N>
std::optional<E> from_id(const std::array<std::string_view, N>& ids, std::string_view id) {
    for (size_t i = 0; i < N; ++i)
        if (ids[i] == id) return static_cast<E>(i);
    return std::nullopt;
}

template <typename T>
const T* find_by_id(const std::vector<T>& v, Id id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const T& t) { return t.id == id; });
    return it == v.end() ? nullptr : &*it;
}

// max + 1; when the largest id is already INT_MAX (a hostile file), the smallest free
// positive id instead, so an id never overflows.
template <typename T>
Id next_id(const std::vector<T>& v) {
    Id m = 0;
    for (const T& t : v) m = std::max(m, t.id);
    if (m < std::numeric_limits<Id>::max()) return m + 1;
    std::vector<Id> ids;
    ids.reserve(v.size());
    for (const T& t : v) ids.push_back(t.id);
    std::sort(ids.begin(), ids.end());
    Id want = 1;
    for (Id id : ids) {
        if (id == want) ++want;
        else if (id > want) break;
    }
    return want;
}
}  // namespace

std::string_view phase_id(Phase p) { return kPhaseIds[static_cast<size_t>(p)]; }
std::string_view role_id(Role r) { return kRoleIds[static_cast<size_t>(r)]; }
std::string_view category_id(Category c) { return kCategoryIds[static_cast<size_t>(c)]; }
std::string_view side_id(Side s) { return kSideIds[static_cast<size_t>(s)]; }
std::optional<Side> side_from_id(std::string_view id) { return from_id<Side>(kSideIds, id); }
std::optional<Phase> phase_from_id(std::string_view id) { return from_id<Phase>(kPhaseIds, id); }
std::optional<Role> role_from_id(std::string_view id) { return from_id<Role>(kRoleIds, id); }
std::optional<Category> category_from_id(std::string_view id) { return from_id<Category>(kCategoryIds, id); }

const Partner* Document::partner(Id id) const { return find_by_id(partners, id); }
const Participant* Document::participant(Id id) const { return find_by_id(participants, id); }
const Link* Document::link(Id id) const { return find_by_id(links, id); }
Id Document::next_partner_id() const { return next_id(partners); }
Id Document::next_participant_id() const { return next_id(participants); }
Id Document::next_link_id() const { return next_id(links); }
Id Document::next_action_id() const { return next_id(actions); }

const CardNote* Document::note(Id partner_id, std::string_view card) const {
    for (const CardNote& n : notes)
        if (n.partner == partner_id && n.card == card) return &n;
    return nullptr;
}

const ClosingAnswer* Document::answer(std::string_view question) const {
    for (const ClosingAnswer& a : closing)
        if (a.question == question) return &a;
    return nullptr;
}

// ---- Versions ---------------------------------------------------------------------------

Versions::Versions(std::initializer_list<Version> list) : Versions(std::vector<Version>(list)) {}

Versions::Versions(std::vector<Version> list) {
    if (!list.empty()) list_ = std::make_shared<std::vector<Version>>(std::move(list));
}

const std::vector<Version>& Versions::list() const {
    static const std::vector<Version> kNone;
    return list_ ? *list_ : kNone;
}

const Version& Versions::operator[](std::size_t i) const { return (*list_)[i]; }
const Version& Versions::at(std::size_t i) const { return list().at(i); }
const Version& Versions::front() const { return list_->front(); }
const Version& Versions::back() const { return list_->back(); }
std::vector<Version>::const_iterator Versions::begin() const { return list().begin(); }
std::vector<Version>::const_iterator Versions::end() const { return list().end(); }

void Versions::push_back(Version v) {
    std::vector<Version> next = list();
    next.push_back(std::move(v));
    list_ = std::make_shared<std::vector<Version>>(std::move(next));
}

bool operator==(const Versions& a, const Versions& b) { return a.list_ == b.list_ || a.list() == b.list(); }

}  // namespace nk
