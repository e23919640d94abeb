// What a test's fingers caused, in order: the actions the gestures produced and the
// requests they made of the app. Shared by the tests of the gestures and of the input
// router, whose harnesses derive from it.
#pragma once

#include <variant>
#include <vector>

#include "actions.hpp"
#include "gestures.hpp"

namespace nk::test {

struct EffectsLog {
    std::vector<Action> actions;
    std::vector<Request> requests;

    // Every action of type A, in order.
    template <class A>
    std::vector<A> all() const {
        std::vector<A> out;
        for (const Action& a : actions)
            if (auto x = std::get_if<A>(&a)) out.push_back(*x);
        return out;
    }
    // Every request of kind k, in order.
    std::vector<Request> requests_of(Request::Kind k) const {
        std::vector<Request> out;
        for (const Request& r : requests)
            if (r.kind == k) out.push_back(r);
        return out;
    }
};

}  // namespace nk::test
