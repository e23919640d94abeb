// Gestures under abuse: 100,000 random pointer events (up to 20 fingers and the mouse,
// far outside the window, NaN, lost ups, repeated downs, time going backwards,
// cancels, focus loss), every action reduced into the board, the invariants checked
// after every event. Interleaved at random moments, a dedicated finger that no random
// event uses makes clean drags of a known post-it and checks that each one lands where
// it was dropped: a router that dropped or garbled drags would fail here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <random>

#include "gestures.hpp"
#include "handles.hpp"
#include "invariants.hpp"
#include "reducer.hpp"

using namespace nk;
using Type = PointerEvent::Type;

namespace {

// NK_FUZZ_SEED=n in the environment tries another seed.
std::uint64_t seed() {
    const char* s = std::getenv("NK_FUZZ_SEED");
    return s ? std::strtoull(s, nullptr, 10) : 20240611u;
}

struct Fuzz {
    std::mt19937_64 rng{seed()};
    Document doc;
    View fitted = fit_view(0, 0, 1920, 1080);
    View view = fitted;
    Vec2 size{1920, 1080};
    GestureRouter router;
    double t = 0;

    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
    bool chance(double p) { return uniform(0, 1) < p; }

    int move_actions = 0, link_actions = 0, view_changes = 0, requests = 0;
    bool changed = true;  // since the invariants were last checked
    void apply(const Effects& fx) {
        changed = changed || !fx.actions.empty() || !fx.requests.empty();
        for (const Action& a : fx.actions) {
            doc = reduce(doc, a);
            move_actions += std::holds_alternative<act::MovePartners>(a);
            link_actions += std::holds_alternative<act::AddLink>(a);
        }
        view_changes += fx.view.has_value();
        requests += int(fx.requests.size());
        if (fx.view) view = *fx.view;
        for (const Request& r : fx.requests)
            if (r.kind == Request::Kind::CreateNoteAt && doc.partners.size() < 40)
                doc = reduce(doc, act::AddPartner{"new", Category::Zorg, r.pos, r.rotation});
    }
    Effects send(Type type, PointerKey k, Vec2 s) { return router.handle(doc, view, fitted, size, {type, k, s, t}); }

    Vec2 random_screen() {
        const int kind = pick(100);
        if (kind < 80) return {uniform(0, size.x), uniform(0, size.y)};
        if (kind < 92) return {uniform(-1e5, 1e5), uniform(-1e5, 1e5)};
        if (kind < 96) return {std::numeric_limits<double>::quiet_NaN(), uniform(0, size.y)};
        if (kind < 98) return {std::numeric_limits<double>::infinity(), -1e300};
        return {uniform(-1e300, 1e300), uniform(0, size.y)};
    }
    // Aim at something: a post-it's body or handle, or near where this finger last was.
    std::map<PointerKey, Vec2> last;
    Vec2 aimed_screen(PointerKey k, bool is_down) {
        const int kind = pick(100);
        if (is_down && kind < 40 && !doc.partners.empty()) {
            const Partner& n = doc.partners[pick(int(doc.partners.size()))];
            const Vec2 b = kind < 25 ? Vec2{n.x, n.y} : link_handle_board(n);
            const Vec2 s = view.to_screen(b);
            return {s.x + uniform(-15, 15), s.y + uniform(-15, 15)};
        }
        if (!is_down && kind < 50 && last.count(k)) return {last[k].x + uniform(-40, 40), last[k].y + uniform(-40, 40)};
        return random_screen();
    }
    PointerKey random_key() {
        if (chance(0.05)) return kMousePointer;
        return {1 + pick(2), pick(10)};
    }
    // The board as drawn now: held notes at their live places.
    Document drawn() const {
        Document d = doc;
        for (const auto& l : router.live_placements())
            for (Partner& n : d.partners)
                if (n.id == l.partner) n.x = l.pos.x, n.y = l.pos.y, n.rotation = l.rotation, n.scale = l.scale;
        return d;
    }
};

// A clean drag of the known note by a finger of its own, spread over several moments.
struct ScriptedDrag {
    static constexpr PointerKey kKey{999, 0};
    bool running = false;
    int step = 0, steps = 0;
    Vec2 down_screen, offset, start, grabbed;
    int landed = 0;
};

TEST(GesturesRandom, HundredThousandEventsKeepTheBoardValidAndDragsLand) {
    Fuzz fz;
    for (int i = 0; i < 20; ++i)
        fz.doc = reduce(fz.doc, act::AddPartner{"p", Category::Beleid, {fz.uniform(-600, 600), fz.uniform(-450, 450)}, 0});
    fz.doc = reduce(fz.doc, act::AddPartner{"known", Category::Aanbod, {0, -300}, 0});
    const Id known = fz.doc.partners.back().id;
    ScriptedDrag sd;
    int attempts = 0;

    for (int i = 0; i < 100000; ++i) {
        if (!sd.running && fz.chance(0.01)) {
            // Start only when nobody holds the known note and it is what a finger hits.
            ++attempts;
            const Partner& k = *fz.doc.partner(known);
            const Vec2 centre{k.x, k.y};
            // (Random drags may have flung it millions of units away, beyond the +-1e7
            // pixels the router clamps fingers to: then it is out of a finger's reach.)
            const Vec2 at = fz.view.to_screen(centre);
            if (!fz.router.partner_held(known) && std::abs(at.x) < 1e6 && std::abs(at.y) < 1e6 &&
                board_hit(fz.drawn(), centre, fz.view, 48) == BoardHit{BoardHit::Kind::Note, known}) {
                sd = {true, 0, 2 + fz.pick(4), fz.view.to_screen(centre), {}, centre, centre, sd.landed};
                sd.grabbed = fz.view.to_board(sd.down_screen);
                sd.offset = {fz.uniform(100, 400) * (fz.chance(0.5) ? 1 : -1), fz.uniform(-300, 300)};
                fz.apply(fz.send(Type::Down, ScriptedDrag::kKey, sd.down_screen));
                // Move at once, so no long-press can fire on it.
                sd.step = 1;
                fz.apply(fz.send(Type::Move, ScriptedDrag::kKey,
                                 {sd.down_screen.x + sd.offset.x / sd.steps, sd.down_screen.y + sd.offset.y / sd.steps}));
                ASSERT_TRUE(fz.router.partner_held(known))
                    << i << " down " << sd.down_screen.x << "," << sd.down_screen.y << " view " << fz.view.scale << " "
                    << fz.view.origin.x << "," << fz.view.origin.y << " active " << fz.router.active_pointers()
                    << " t " << fz.t;
            }
        } else if (sd.running && fz.chance(0.1)) {
            const double f = double(++sd.step) / sd.steps;
            const Vec2 s{sd.down_screen.x + sd.offset.x * f, sd.down_screen.y + sd.offset.y * f};
            if (sd.step < sd.steps) {
                fz.apply(fz.send(Type::Move, ScriptedDrag::kKey, s));
            } else {
                const Effects fx = fz.send(Type::Up, ScriptedDrag::kKey, s);
                int moves_of_known = 0;
                for (const Action& a : fx.actions)
                    if (auto m = std::get_if<act::MovePartners>(&a))
                        for (const auto& p : m->moves) moves_of_known += p.partner == known;
                EXPECT_EQ(moves_of_known, 1);
                const Vec2 b = fz.view.to_board(s);
                const Vec2 expect{sd.start.x + (b.x - sd.grabbed.x), sd.start.y + (b.y - sd.grabbed.y)};
                fz.apply(fx);
                const Partner& k = *fz.doc.partner(known);
                const double tol = 1e-7 * (1 + std::abs(expect.x) + std::abs(expect.y));
                EXPECT_NEAR(k.x, expect.x, tol);
                EXPECT_NEAR(k.y, expect.y, tol);
                sd.running = false;
                ++sd.landed;
            }
        } else {
            const int what = fz.pick(100);
            // The clock: mostly forward, sometimes backwards, sometimes garbage.
            if (what < 3)
                fz.t -= fz.uniform(0, 2000);
            else if (what < 4)
                fz.t = std::numeric_limits<double>::quiet_NaN();
            else if (!std::isfinite(fz.t) || what < 70)
                fz.t = (std::isfinite(fz.t) ? fz.t : 0) + fz.uniform(0, 60);
            const PointerKey key = fz.random_key();
            const Vec2 s = fz.aimed_screen(key, what < 30);
            if (std::isfinite(s.x) && std::isfinite(s.y)) fz.last[key] = s;
            if (what < 30) {
                // Hands off the known note while its scripted drag runs: a Down near it
                // becomes a Move.
                Type type = Type::Down;
                if (sd.running && std::isfinite(s.x) && std::isfinite(s.y)) {
                    const Document d = fz.drawn();
                    const Partner& k = *d.partner(known);
                    const Vec2 b = fz.view.to_board(s);
                    if (std::hypot(b.x - k.x, b.y - k.y) < 250 + 40 / fz.view.scale) type = Type::Move;
                }
                fz.apply(fz.send(type, key, s));
            } else if (what < 75) {
                fz.apply(fz.send(Type::Move, key, s));
            } else if (what < 90) {
                fz.apply(fz.send(Type::Up, key, s));
            } else if (what < 94) {
                fz.apply(fz.send(Type::Cancel, key, s));
            } else if (what < 99 || sd.running) {
                fz.apply(fz.router.tick(fz.doc, fz.view, fz.t));
            } else {
                fz.apply(fz.router.end_all(fz.doc, fz.view, fz.t));
            }
        }
        if (fz.changed) {  // an unchanged board keeps its invariants
            const auto broken = invariant_violations(fz.doc);
            ASSERT_TRUE(broken.empty()) << "after event " << i << ": " << broken.front();
            fz.changed = false;
        }
        ASSERT_LE(fz.router.active_pointers(), GestureRouter::kMaxPointers);
        ASSERT_TRUE(std::isfinite(fz.view.scale) && fz.view.scale > 0);
        for (const auto& l : fz.router.live_placements())
            ASSERT_TRUE(std::isfinite(l.pos.x) && std::isfinite(l.pos.y) && std::isfinite(l.rotation));
        for (const auto& l : fz.router.link_drafts())
            ASSERT_TRUE(std::isfinite(l.to_board.x) && std::isfinite(l.to_board.y));
    }
    EXPECT_GE(sd.landed, 100) << "of " << attempts << " attempts";
    std::cout << "scripted drags landed: " << sd.landed << " of " << attempts << " attempts; partners "
              << fz.doc.partners.size() << ", links " << fz.doc.links.size() << "; actions: " << fz.move_actions << " moves, " << fz.link_actions
              << " links; " << fz.view_changes << " view changes, " << fz.requests << " requests\n";
}

}  // namespace
