// Sections: helpers · the marks on the board · the key
#include "compare_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "geometry.hpp"
#include "text_fit.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr ImU32 kNew = IM_COL32(34, 139, 72, 255);       // green: new partner, new line, closer
constexpr ImU32 kGone = IM_COL32(196, 40, 52, 255);      // red: partner or line gone
constexpr ImU32 kFurther = IM_COL32(222, 112, 16, 255);  // orange: moved further
constexpr ImU32 kPriority = IM_COL32(92, 62, 160, 255);  // violet: priority tag
constexpr ImU32 kGhostFill = IM_COL32(255, 255, 255, 210);
constexpr const char* kUp = "\xE2\x86\x91";     // ↑
constexpr const char* kDown = "\xE2\x86\x93";   // ↓
constexpr const char* kArrow = "\xE2\x86\x92";  // →
constexpr const char* kStar = "\xE2\x98\x85";   // ★

// ---- helpers ---------------------------------------------------------------------
ImVec2 to_im(Vec2 v) { return ImVec2(float(v.x), float(v.y)); }
ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }

// The post-it's four corners on screen (top-left, top-right, bottom-right, bottom-left).
void note_corners(const View& v, const Partner& p, ImVec2 out[4]) {
    const ImVec2 c = to_im(v.to_screen({p.x, p.y}));
    const float hw = float(geo::kNoteW / 2 * p.scale * v.scale), hh = float(geo::kNoteH / 2 * p.scale * v.scale);
    const float cs = std::cos(float(p.rotation)), sn = std::sin(float(p.rotation));
    const float xs[4] = {-hw, hw, hw, -hw}, ys[4] = {-hh, -hh, hh, hh};
    for (int i = 0; i < 4; ++i) out[i] = ImVec2(c.x + cs * xs[i] - sn * ys[i], c.y + sn * xs[i] + cs * ys[i]);
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick, float dash) {
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    const int n = std::max(1, int(len / dash));
    for (int i = 0; i < n; i += 2) dl->AddLine(lerp(a, b, float(i) / n), lerp(a, b, float(std::min(i + 1, n)) / n), col, thick);
}

// A felt-pen arrow from a to b, its head at b.
void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick) {
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    if (len < 1) return;
    const ImVec2 u((b.x - a.x) / len, (b.y - a.y) / len), n(-u.y, u.x);
    const float head = std::min(len * 0.6f, thick * 4.5f);
    const ImVec2 base(b.x - u.x * head, b.y - u.y * head);
    dl->AddLine(a, base, col, thick);
    dl->AddCircleFilled(a, thick * 1.3f, col);
    dl->AddTriangleFilled(b, ImVec2(base.x + n.x * head * 0.6f, base.y + n.y * head * 0.6f),
                          ImVec2(base.x - n.x * head * 0.6f, base.y - n.y * head * 0.6f), col);
}

// A round badge with a white glyph, e.g. "+" for a new partner.
void badge(ImDrawList* dl, const Fonts& fonts, ImVec2 c, float r, ImU32 fill, const char* glyph) {
    dl->AddCircleFilled(c, r + 2, IM_COL32(255, 255, 255, 230));
    dl->AddCircleFilled(c, r, fill);
    const float fs = r * 1.5f;
    const ImVec2 ts = fonts.bold->CalcTextSizeA(fs, 1e9f, 0, glyph);
    dl->AddText(fonts.bold, fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32_WHITE, glyph);
}

// A small rounded tag with text, centred at c.
void tag(ImDrawList* dl, const Fonts& fonts, ImVec2 c, float fs, ImU32 col, const std::string& text) {
    const ImVec2 ts = fonts.bold->CalcTextSizeA(fs, 1e9f, 0, text.c_str());
    const ImVec2 pad(fs * 0.4f, fs * 0.15f);
    const ImVec2 a(c.x - ts.x / 2 - pad.x, c.y - ts.y / 2 - pad.y), b(c.x + ts.x / 2 + pad.x, c.y + ts.y / 2 + pad.y);
    dl->AddRectFilled(a, b, IM_COL32_WHITE, fs * 0.5f);
    dl->AddRect(a, b, col, fs * 0.5f, 0, std::max(1.5f, fs * 0.1f));
    dl->AddText(fonts.bold, fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), col, text.c_str());
}

// The first face-up partner with exactly this text (the comparison names lines by text).
const Partner* by_text(const Document& d, const std::string& text) {
    for (const Partner& p : d.partners)
        if (p.face_up && p.text == text) return &p;
    return nullptr;
}

// Where a line end is drawn: the school, the partner's place on the newer board, or (a
// partner that is gone) where it stood on the older board.
std::optional<ImVec2> end_on_screen(const CompareScene& sc, const std::string& text, bool older_text) {
    if (text == kSchoolLinkText) return to_im(sc.view.to_screen({0, 0}));
    if (!older_text) {
        if (const Partner* p = by_text(*sc.newer, text)) return to_im(sc.view.to_screen({p->x, p->y}));
        return std::nullopt;
    }
    const Partner* o = by_text(*sc.older, text);
    if (!o) return std::nullopt;
    for (const auto& [old_id, new_id] : sc.changes->matched)
        if (old_id == o->id)
            if (const Partner* n = sc.newer->partner(new_id)) return to_im(sc.view.to_screen({n->x, n->y}));
    return to_im(sc.view.to_screen({o->x, o->y}));
}

void ghost(ImDrawList* dl, const Fonts& fonts, const View& v, const Partner& p, float k) {
    ImVec2 q[4];
    note_corners(v, p, q);
    dl->AddQuadFilled(q[0], q[1], q[2], q[3], kGhostFill);
    for (int i = 0; i < 4; ++i) dashed_line(dl, q[i], q[(i + 1) % 4], kGone, 3 * k, 9 * k);
    const float w = float(geo::kNoteW * p.scale * v.scale) * 0.84f, h = float(geo::kNoteH * p.scale * v.scale) * 0.8f;
    const FittedText t = fit_text(fonts.note, p.text, w, h, Fonts::kNote * float(v.scale), Fonts::kNote * float(v.scale) * 0.45f);
    draw_fitted(dl, fonts.note, t, to_im(v.to_screen({p.x, p.y})), IM_COL32(140, 60, 66, 255));
    badge(dl, fonts, q[1], 16 * k, kGone, "\xC3\x97");  // ×
}

void move_mark(ImDrawList* dl, const Fonts& fonts, const CompareScene& sc, const Comparison::Moved& m, bool closer, float k) {
    const Partner* o = sc.older->partner(m.older);
    const Partner* n = sc.newer->partner(m.newer);
    if (!o || !n) return;
    const ImU32 col = closer ? kNew : kFurther;
    const ImVec2 from = to_im(sc.view.to_screen({o->x, o->y})), to = to_im(sc.view.to_screen({n->x, n->y}));
    // The arrow ends at the post-it's edge, not under it.
    const float len = std::hypot(to.x - from.x, to.y - from.y);
    const float stop = float(geo::kNoteH / 2 * n->scale * sc.view.scale) + 4 * k;
    if (len > stop + 8 * k) arrow(dl, from, lerp(from, to, (len - stop) / len), col, 4 * k);
    ImVec2 q[4];
    note_corners(sc.view, *n, q);
    badge(dl, fonts, q[1], 16 * k, col, closer ? kUp : kDown);
}
}  // namespace

// ---- the marks on the board ------------------------------------------------------
void draw_comparison(ImDrawList* dl, const Fonts& fonts, const CompareScene& sc) {
    if (!sc.older || !sc.newer || !sc.changes) return;
    const Comparison& c = *sc.changes;
    const float k = sc.ui_scale;
    // Lines first, so the marks on post-its stay on top.
    for (const auto& [a, b] : c.links_removed) {
        const auto pa = end_on_screen(sc, a, true), pb = end_on_screen(sc, b, true);
        if (pa && pb) dashed_line(dl, *pa, *pb, kGone, 4 * k, 12 * k);
    }
    for (const auto& [a, b] : c.links_added) {
        const auto pa = end_on_screen(sc, a, false), pb = end_on_screen(sc, b, false);
        if (pa && pb) dl->AddLine(*pa, *pb, kNew, 5 * k);
    }
    for (Id id : c.removed)
        if (const Partner* p = sc.older->partner(id)) ghost(dl, fonts, sc.view, *p, k);
    for (Id id : c.added) {
        const Partner* p = sc.newer->partner(id);
        if (!p) continue;
        ImVec2 q[4];
        note_corners(sc.view, *p, q);
        const float grow = 5 * k;
        const ImVec2 centre = to_im(sc.view.to_screen({p->x, p->y}));
        for (ImVec2& v : q) {
            const float dx = v.x - centre.x, dy = v.y - centre.y, d = std::max(1.0f, std::hypot(dx, dy));
            v = ImVec2(v.x + dx / d * grow, v.y + dy / d * grow);
        }
        dl->AddPolyline(q, 4, kNew, ImDrawFlags_Closed, 4 * k);
        badge(dl, fonts, q[1], 16 * k, kNew, "+");
    }
    for (const Comparison::Moved& m : c.closer) move_mark(dl, fonts, sc, m, true, k);
    for (const Comparison::Moved& m : c.further) move_mark(dl, fonts, sc, m, false, k);
    for (const Comparison::PriorityTotal& t : c.priority_totals) {
        const Partner* p = by_text(*sc.newer, t.text);
        if (!p) continue;
        const ImVec2 centre = to_im(sc.view.to_screen({p->x, p->y}));
        const float below = float(geo::kNoteH / 2 * p->scale * sc.view.scale);
        tag(dl, fonts, ImVec2(centre.x, centre.y + below + 6 * k), Fonts::kSmall * k,
            kPriority, std::string(kStar) + " " + std::to_string(t.before) + kArrow + std::to_string(t.after));
    }
}

// ---- the key ---------------------------------------------------------------------
ImVec2 draw_compare_key(ImDrawList* dl, const Fonts& fonts, const Strings& s, const Comparison& c, ImVec2 pos,
                        float width, float k, bool measure_only) {
    struct Row { const char* key; size_t count; };
    const Row rows[] = {{"compare.added", c.added.size()},       {"compare.removed", c.removed.size()},
                        {"compare.closer", c.closer.size()},     {"compare.further", c.further.size()},
                        {"compare.link_added", c.links_added.size()}, {"compare.link_removed", c.links_removed.size()},
                        {"compare.priority", c.priority_totals.size()}};
    const float sample = 64 * k, gap = 14 * k, fs = Fonts::kUi * k;
    const float text_w = width - sample - gap;
    float y = pos.y;
    int i = 0;
    for (const Row& r : rows) {
        const std::string label = s.get(r.key) + "  (" + std::to_string(r.count) + ")";
        const ImVec2 ts = fonts.ui->CalcTextSizeA(fs, 1e9f, text_w, label.c_str());
        const float h = std::max(44 * k, ts.y + 10 * k);
        if (!measure_only) {
            const ImVec2 c0(pos.x + sample / 2, y + h / 2);  // the sample's centre
            const ImVec2 a(pos.x + 6 * k, c0.y), b(pos.x + sample - 6 * k, c0.y);
            const ImVec2 box_a(c0.x - 24 * k, c0.y - 15 * k), box_b(c0.x + 24 * k, c0.y + 15 * k);
            switch (i) {
                case 0:
                    dl->AddRectFilled(box_a, box_b, category_fill(Category::Ongesorteerd), 3 * k);
                    dl->AddRect(box_a, box_b, kNew, 3 * k, 0, 3.5f * k);
                    badge(dl, fonts, ImVec2(box_b.x - 2 * k, box_a.y + 2 * k), 9 * k, kNew, "+");
                    break;
                case 1: {
                    dl->AddRectFilled(box_a, box_b, kGhostFill);
                    const ImVec2 q[4] = {box_a, ImVec2(box_b.x, box_a.y), box_b, ImVec2(box_a.x, box_b.y)};
                    for (int e = 0; e < 4; ++e) dashed_line(dl, q[e], q[(e + 1) % 4], kGone, 2.5f * k, 6 * k);
                    break;
                }
                case 2: arrow(dl, a, b, kNew, 4 * k); break;
                case 3: arrow(dl, a, b, kFurther, 4 * k); break;
                case 4: dl->AddLine(a, b, kNew, 5 * k); break;
                case 5: dashed_line(dl, a, b, kGone, 4 * k, 9 * k); break;
                case 6: tag(dl, fonts, c0, Fonts::kSmall * k * 0.9f, kPriority, std::string(kStar) + "1" + kArrow + "3"); break;
                default: break;
            }
            dl->AddText(fonts.ui, fs, ImVec2(pos.x + sample + gap, y + (h - ts.y) / 2),
                        r.count ? colour::kInk : colour::kInkSoft, label.c_str(), nullptr, text_w);
        }
        y += h;
        ++i;
    }
    return ImVec2(width, y - pos.y);
}

}  // namespace nk::app
