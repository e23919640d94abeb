#include "board_gen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <set>
#include <utility>

#include "geometry.hpp"
#include "handles.hpp"

namespace nk::bench {
namespace {
// splitmix64: small, fast, the same everywhere.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) / double(1ull << 53); }  // [0, 1)
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

// What school teams write on their post-its: organisations, people, projects.
const char* const kWho[] = {
    "CLB",
    "CLB Gent",
    "Pedagogische begeleidingsdienst",
    "Ondersteuningsnetwerk Oost-Vlaanderen",
    "Ouderraad",
    "Schoolbestuur",
    "Scholengemeenschap Brugge-Oost",
    "Hogeschool VIVES, lerarenopleiding",
    "Stagebegeleider Arteveldehogeschool",
    "Logopediste mevrouw Claes",
    "Bibliotheek",
    "Buurtsportwerking",
    "Jeugdwerking Chiro",
    "OCMW",
    "Welzijnsschakel",
    "Coördinatie zorg",
    "Kinderopvang 't Kabouterke",
    "Academie voor muziek, woord en dans",
    "Vrije Basisschool Sint-Jozef",
    "Lokaal bestuur, dienst onderwijs",
    "Politie (wijkagent)",
    "Huis van het Kind",
    "Kind & Gezin",
    "Mobiel team",
    "Centrum voor Volwassenenonderwijs",
    "Zwembad",
    "Erasmus+ partnerschool in Tampere",
    "Fruit op school",
    "MOS-begeleider",
    "Leerlingenraad",
    "Vakgroep wiskunde",
    "Kinesitherapeut",
    "Brandweer",
    "Cultuurcentrum De Schakel",
    "Nascholing Eekhout Academy",
    "Stuurgroep Taalbeleid",
    "Ergotherapeut",
    "Bouwfirma Vandenberghe (nieuwbouw)",
    "Parochie",
    "Groene Speelplaats vzw",
};
const char* const kWhat[] = {
    "", "", "", "",
    " — overleg elke maand",
    " (zorgoverleg)",
    ": nascholing rond begrijpend lezen",
    " en de werkgroep schoolrijpheid",
    " – samenwerking rond anderstalige nieuwkomers",
    " (projectweek)",
    ": ondersteuning bij leerlingen met een verslag en een gemotiveerd verslag",
    " — uitstap",
    " (via de directie)",
    ": coaching beginnende leraren",
    " … nog te bevragen",
};
const char* const kNames[] = {"An Peeters", "Bert", "Charlotte V.", "Dries", "Els De Smet",
                              "Fatima", "Geert", "Hanne", "Ilse", "Jonas"};
}  // namespace

Document make_board(int n) {
    Rng rng{0x4E4B0000u + std::uint64_t(n)};
    Document d;
    d.school = "Basisschool De Regenboog";
    d.date = "2024-03-14";
    d.phase = Phase::Prioriteiten;
    for (int i = 0; i < 10; ++i)
        d.participants.push_back({i + 1, kNames[i], Role(i % kRoleCount)});
    d.partners.reserve(std::size_t(n));
    constexpr int kWhoN = int(std::size(kWho)), kWhatN = int(std::size(kWhat));
    for (int i = 0; i < n; ++i) {
        Partner p;
        p.id = i + 1;
        p.text = std::string(kWho[rng.below(kWhoN)]) + kWhat[rng.below(kWhatN)];
        p.category = Category(rng.below(kCategoryCount));
        // 15% still in a parking lane (left or right), the rest over rings 1..4.
        if (rng.unit() < 0.15) {
            const double side = rng.unit() < 0.5 ? -1 : 1;
            p.x = side * (geo::kLaneX + geo::kNoteW / 2 + 20 + geo::kLaneSlotDx * rng.below(2));
            p.y = -3 * geo::kLaneSlotDy + geo::kLaneSlotDy * rng.below(7) + rng.unit() * 8;
        } else {
            const double rmin[4] = {geo::kSchoolRx + 40, geo::kRing1 + 10, geo::kRing2 + 10, geo::kRing3 + 10};
            const double rmax[4] = {geo::kRing1 - 10, geo::kRing2 - 10, geo::kRing3 - 10, geo::kRing3 + 160};
            const int ring = rng.below(4);
            const double r = rmin[ring] + rng.unit() * (rmax[ring] - rmin[ring]);
            const double a = rng.unit() * 2 * std::numbers::pi;
            p.x = std::clamp(r * std::cos(a), -geo::kLaneX + 1, geo::kLaneX - 1);
            p.y = r * std::sin(a) * 0.8;
        }
        p.ring = geo::ring_at({p.x, p.y});
        // Most face the bottom edge; a table has people on every side.
        const double facing[6] = {0, 0, 0, std::numbers::pi, std::numbers::pi / 2, -std::numbers::pi / 2};
        p.rotation = facing[rng.below(6)] + (rng.unit() - 0.5) * 0.2;
        p.scale = rng.unit() < 0.8 ? 1.0 : 0.75 + rng.unit() * 0.75;
        d.partners.push_back(std::move(p));
    }
    // Two links per post-it: distinct pairs, some to the school.
    std::set<std::pair<Id, Id>> seen;
    Id link_id = 1;
    for (int i = 0; i < n && n > 1; ++i) {
        for (int k = 0; k < 2; ++k) {
            for (int attempt = 0; attempt < 20; ++attempt) {
                const Id from = i + 1;
                const Id to = rng.unit() < 0.1 ? kSchool : Id(rng.below(n) + 1);
                if (to == from) continue;
                const auto key = std::minmax(from, to);
                if (!seen.insert(key).second) continue;
                d.links.push_back({link_id++, from, to});
                break;
            }
        }
    }
    // Each participant circled one post-it: a hand-drawn ellipse of 48 points.
    for (int i = 0; i < 10 && n > 0; ++i) {
        const Partner& p = d.partners[std::size_t(rng.below(n))];
        Priority pr;
        pr.participant = i + 1;
        pr.partner = p.id;
        for (int k = 0; k < 48; ++k) {
            const double a = 2 * std::numbers::pi * k / 48;
            const double wob = 1 + (rng.unit() - 0.5) * 0.06;
            pr.stroke.push_back({p.x + std::cos(a) * geo::kNoteW * 0.62 * wob, p.y + std::sin(a) * geo::kNoteH * 0.75 * wob});
        }
        d.priorities.push_back(std::move(pr));
    }
    return d;
}

View app_view(int w, int h) {
    const double k = h / 1080.0;
    return fit_view(0, 96.0 * k, w, h - 104.0 * k);
}

std::vector<Grip> grips(const Document& d, const View& v, int w, int h, int count) {
    std::vector<Grip> out;
    std::set<Id> used;
    // Scan the partners in a fixed order, trying points a little off each centre.
    const GestureConfig cfg;
    for (std::size_t i = 0; i < d.partners.size() && int(out.size()) < count; ++i) {
        const Partner& p = d.partners[(i * 7919) % d.partners.size()];
        for (const Vec2 off : {Vec2{0, 0}, Vec2{-30, 10}, Vec2{-50, -20}, Vec2{20, 25}}) {
            const Vec2 b{p.x + off.x, p.y + off.y};
            const Vec2 s = v.to_screen(b);
            if (s.x < 0.08 * w || s.x > 0.92 * w || s.y < 0.2 * h || s.y > 0.8 * h) continue;
            const BoardHit hit = board_hit(d, b, v, cfg.min_target_px);
            if (hit.kind != BoardHit::Kind::Note || used.count(hit.id)) continue;
            // Keep fingers apart, as hands are.
            bool close = false;
            for (const Grip& g : out) close |= std::hypot(g.screen.x - s.x, g.screen.y - s.y) < 40.0 * h / 1080;
            if (close) continue;
            used.insert(hit.id);
            out.push_back({hit.id, s});
            break;
        }
    }
    return out;
}

Vec2 finger_at(Vec2 start, int i, int f, double scale_px) {
    // A circle of radius 40 px around a point 60 px from the start: always past the
    // 14 px threshold, and a different position every frame.
    const double a = 0.15 * f + i;
    return {start.x + scale_px * (60 + 40 * std::cos(a)), start.y + scale_px * (40 * std::sin(a))};
}

}  // namespace nk::bench
