// Sections: helpers · background (paper, lanes, rings) · school · links · post-its ·
// priorities · live overlays · legend · draw_board (by layer)
#include "board_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "geometry.hpp"
#include "handles.hpp"
#include "priority_marks.hpp"
#include "theme.hpp"
#include "text_fit.hpp"

namespace nk::app {
namespace {
ImVec2 to_im(Vec2 v) { return ImVec2(float(v.x), float(v.y)); }
ImVec2 screen(const View& v, Vec2 b) { return to_im(v.to_screen(b)); }

// The four corners of a rotated rectangle centred at c with half-extents hw, hh.
void corners(ImVec2 c, float hw, float hh, float angle, ImVec2 out[4]) {
    const float cs = std::cos(angle), sn = std::sin(angle);
    const float xs[4] = {-hw, hw, hw, -hw}, ys[4] = {-hh, -hh, hh, hh};
    for (int i = 0; i < 4; ++i) out[i] = ImVec2(c.x + cs * xs[i] - sn * ys[i], c.y + sn * xs[i] + cs * ys[i]);
}

void dashed_circle(ImDrawList* dl, ImVec2 c, float r, ImU32 col, float thickness, float dash) {
    const int n = std::max(24, int(2 * M_PI * r / dash));
    for (int i = 0; i < n; i += 2) {
        const float a0 = float(2 * M_PI * i / n), a1 = float(2 * M_PI * (i + 1) / n);
        dl->PathArcTo(c, r, a0, a1, 4);
        dl->PathStroke(col, 0, thickness);
    }
}

// ---- background ------------------------------------------------------------------
void draw_background(ImDrawList* dl, const Fonts& fonts, const BoardScene& sc, ImVec2 size) {
    const View& v = sc.view;
    const float k = sc.ui_scale;
    dl->AddRectFilled(ImVec2(0, 0), size, colour::kPaper);
    // Parking lanes left and right: a tinted strip beyond |x| = kLaneX.
    const float lx_r = screen(v, {geo::kLaneX, 0}).x, lx_l = screen(v, {-geo::kLaneX, 0}).x;
    if (lx_r < size.x) {
        dl->AddRectFilled(ImVec2(lx_r, 0), ImVec2(size.x, size.y), colour::kLaneFill);
        dl->AddLine(ImVec2(lx_r, 0), ImVec2(lx_r, size.y), colour::kLaneEdge, 2 * k);
    }
    if (lx_l > 0) {
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(lx_l, size.y), colour::kLaneFill);
        dl->AddLine(ImVec2(lx_l, 0), ImVec2(lx_l, size.y), colour::kLaneEdge, 2 * k);
    }
    if (sc.strings) {
        const std::string& lane = sc.strings->get("board.lane");
        const float fs = Fonts::kSmall * k;
        const ImVec2 ts = fonts.small->CalcTextSizeA(fs, 1e9f, 0, lane.c_str());
        const float y = screen(v, {0, -geo::kRing3 - 10}).y;
        dl->AddText(fonts.small, fs, ImVec2((lx_r + std::min(size.x, lx_r + float(geo::kLaneSlotDx * 2 * v.scale))) / 2 - ts.x / 2, y),
                    colour::kInkSoft, lane.c_str());
    }
    // Rings: a faint fill for the close ring, dashed guides for each edge.
    const ImVec2 c = screen(v, {0, 0});
    const float s = float(v.scale);
    dl->AddCircleFilled(c, float(geo::kRing3) * s, IM_COL32(247, 242, 232, 255), 128);
    dl->AddCircleFilled(c, float(geo::kRing2) * s, IM_COL32(244, 237, 224, 255), 128);
    dl->AddCircleFilled(c, float(geo::kRing1) * s, IM_COL32(240, 231, 214, 255), 128);
    for (double r : {geo::kRing1, geo::kRing2, geo::kRing3})
        dashed_circle(dl, c, float(r) * s, colour::kRing, 1.6f * k, 9 * k);
    if (sc.strings && sc.doc)
        for (const RingLabel& l : place_ring_labels(*sc.doc, v, fonts, *sc.strings, k)) {
            dl->AddRectFilled(l.min, l.max, IM_COL32(252, 249, 242, 235), (l.max.y - l.min.y) / 2);
            const float pad = (l.max.x - l.min.x - fonts.small->CalcTextSizeA(l.px, 1e9f, 0, l.text.c_str()).x) / 2;
            dl->AddText(fonts.small, l.px, ImVec2(l.min.x + pad, l.min.y + (l.max.y - l.min.y - l.px) / 2), colour::kRingLabel,
                        l.text.c_str());
        }
}

// ---- school ----------------------------------------------------------------------
void ellipse_path(ImDrawList* dl, ImVec2 c, float rx, float ry) {
    const int n = 64;
    for (int i = 0; i < n; ++i) {
        const float a = float(2 * M_PI * i / n);
        dl->PathLineTo(ImVec2(c.x + rx * std::cos(a), c.y + ry * std::sin(a)));
    }
}

void draw_school(ImDrawList* dl, const Fonts& fonts, const BoardScene& sc) {
    const View& v = sc.view;
    const ImVec2 c = screen(v, {0, 0});
    const float rx = float(geo::kSchoolRx * v.scale), ry = float(geo::kSchoolRy * v.scale);
    ellipse_path(dl, ImVec2(c.x + 2, c.y + 5), rx, ry);
    dl->PathFillConvex(colour::kShadow);
    ellipse_path(dl, c, rx, ry);
    dl->PathFillConvex(colour::kSchool);
    const std::string& name = sc.doc->school;
    const FittedText t = fit_text(fonts.bold, name, rx * 1.55f, ry * 1.5f, Fonts::kBold * float(v.scale) * 1.15f,
                                  Fonts::kBold * float(v.scale) * 0.55f);
    draw_fitted(dl, fonts.bold, t, c, colour::kSchoolText);
}

// ---- links -----------------------------------------------------------------------
// Partners by id for one draw: the document's own lookup is a linear search, and every
// line needs two.
class PartnerIndex {
public:
    explicit PartnerIndex(const Document& d) {
        by_id_.reserve(d.partners.size());
        for (const Partner& p : d.partners) by_id_.push_back({p.id, &p});
        std::sort(by_id_.begin(), by_id_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    const Partner* find(Id id) const {
        auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id, [](const auto& e, Id v) { return e.first < v; });
        return it != by_id_.end() && it->first == id ? it->second : nullptr;
    }

private:
    std::vector<std::pair<Id, const Partner*>> by_id_;
};

const LiveState::Placement* placement_of(const BoardScene& sc, Id id) {
    for (const auto& l : sc.live.placements)
        if (l.partner == id) return &l;
    return nullptr;
}

Vec2 placed_pos(const BoardScene& sc, const Partner& p) {
    if (const auto* l = placement_of(sc, p.id)) return l->pos;
    return {p.x, p.y};
}

// How far along the segment from `a` to the centre of a resting end the line enters that
// end's shape (0: `a` is inside it already; 1: never). For the moving layer, which is drawn
// over the resting picture: a line must stop where the post-it or school it runs under
// begins, or it would be drawn across it.
float entry_into_note(const View& v, ImVec2 a, const Partner& p) {
    const ImVec2 c = screen(v, {p.x, p.y});
    const float hw = float(geo::kNoteW * p.scale * v.scale / 2), hh = float(geo::kNoteH * p.scale * v.scale / 2);
    // `a` in the note's own frame, centred on it.
    const float cs = std::cos(float(p.rotation)), sn = std::sin(float(p.rotation));
    const float dx = a.x - c.x, dy = a.y - c.y;
    const float lx = std::abs(cs * dx + sn * dy), ly = std::abs(-sn * dx + cs * dy);
    const float tx = lx > hw ? (lx - hw) / lx : 0, ty = ly > hh ? (ly - hh) / ly : 0;
    return std::max(tx, ty);
}

float entry_into_school(const View& v, ImVec2 a) {
    const ImVec2 c = screen(v, {0, 0});
    const float rx = float(geo::kSchoolRx * v.scale), ry = float(geo::kSchoolRy * v.scale);
    const float k = ((a.x - c.x) / rx) * ((a.x - c.x) / rx) + ((a.y - c.y) / ry) * ((a.y - c.y) / ry);
    return k > 1 ? 1 - 1 / std::sqrt(k) : 0;
}

// A felt-pen line between two centres. Both ends lie under a post-it or the school, so
// it needs no round caps (which cost more vertices than the line itself). In the moving
// layer a line from a held post-it to a resting one (or the school) stops at the edge of
// the resting end, which the resting picture shows underneath.
void draw_links(ImDrawList* dl, const BoardScene& sc, const PartnerIndex& index) {
    const Document& d = *sc.doc;
    const float w = std::max(2.0f, float(4.5 * sc.view.scale));
    for (const Link& l : d.links) {
        const bool from_moves = placement_of(sc, l.from) != nullptr, to_moves = placement_of(sc, l.to) != nullptr;
        const bool moving = from_moves || to_moves;
        if ((sc.layer == BoardLayer::Resting && moving) || (sc.layer == BoardLayer::Moving && !moving)) continue;
        auto end = [&](Id id) -> Vec2 {
            if (id == kSchool) return {0, 0};
            const Partner* p = index.find(id);
            return p ? placed_pos(sc, *p) : Vec2{0, 0};
        };
        ImVec2 a = screen(sc.view, end(l.from)), b = screen(sc.view, end(l.to));
        if (sc.layer == BoardLayer::Moving && from_moves != to_moves) {
            // Draw from the held end towards the resting one, up to where that one begins.
            const Id rest = from_moves ? l.to : l.from;
            if (!from_moves) std::swap(a, b);
            float t = 1;
            if (rest == kSchool) t = entry_into_school(sc.view, a);
            else if (const Partner* p = index.find(rest)) t = entry_into_note(sc.view, a, *p);
            if (t <= 0) continue;  // the held post-it lies over the resting end
            b = ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        }
        const bool selected = l.id == sc.live.selected_link;
        dl->AddLine(a, b, selected ? colour::kSelection : colour::kLine, selected ? w * 1.6f : w);
    }
}

// ---- post-its --------------------------------------------------------------------
void draw_note(ImDrawList* dl, const Fonts& fonts, const BoardScene& sc, const Partner& p, Vec2 pos, double rotation,
               double scale, bool lifted, const std::string* editing_text, bool caret) {
    const View& v = sc.view;
    const ImVec2 c = screen(v, pos);
    const float hw = float(geo::kNoteW * scale * v.scale / 2), hh = float(geo::kNoteH * scale * v.scale / 2);
    const float angle = float(rotation);
    ImVec2 q[4];
    // Shadow: larger and softer while lifted by a finger.
    const float off = float((lifted ? 9 : 3.5) * v.scale);
    corners(ImVec2(c.x + off * 0.4f, c.y + off), hw, hh, angle, q);
    dl->AddConvexPolyFilled(q, 4, lifted ? IM_COL32(60, 48, 30, 55) : colour::kShadow);
    corners(c, hw, hh, angle, q);
    if (p.missing) {
        // "Ontbrekend": a partner the school lacks — a pale note with a dashed edge.
        const ImU32 fill = category_fill(p.category);
        dl->AddConvexPolyFilled(q, 4, (fill & 0x00FFFFFF) | (0x70u << 24));
        for (int e = 0; e < 4; ++e) {
            const ImVec2 a = q[e], b = q[(e + 1) % 4];
            const int dashes = 9;
            for (int i = 0; i < dashes; i += 1) {
                if (i % 2) continue;
                const float t0 = float(i) / dashes, t1 = float(i + 1) / dashes;
                dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1),
                            category_mark(p.category), float(2.5 * v.scale));
            }
        }
    } else {
        dl->AddConvexPolyFilled(q, 4, category_fill(p.category));
        // Not sorted yet: plain grey paper with a thin darker edge, apart from the flip chart.
        if (!is_sorted(p.category))
            dl->AddPolyline(q, 4, category_mark(p.category), ImDrawFlags_Closed, float(1.5 * v.scale));
    }
    if (p.overrepresented) {
        // Over-represented: a second, darker edge around the note.
        ImVec2 o[4];
        corners(c, hw + float(5 * v.scale), hh + float(5 * v.scale), angle, o);
        dl->AddPolyline(o, 4, IM_COL32(176, 96, 40, 255), ImDrawFlags_Closed, float(3 * v.scale));
    }
    if (editing_text) dl->AddPolyline(q, 4, colour::kSelection, ImDrawFlags_Closed, float(3 * v.scale));

    const int first = dl->VtxBuffer.Size;
    // Category icon in the top-right corner, drawn unrotated then turned with the text.
    const float ir = float(7 * v.scale);
    draw_category_icon(dl, p.category, ImVec2(c.x + hw - ir * 1.9f, c.y - hh + ir * 1.9f), ir,
                       category_mark(p.category));
    const std::string& text = editing_text ? *editing_text : p.text;
    const float max_px = float(Fonts::kNote * 0.8 * v.scale * scale);
    const FittedText t = fit_note_text(fonts, text, v, scale);
    draw_fitted(dl, fonts.note, t, ImVec2(c.x, c.y + float(3 * v.scale)), colour::kInk);
    if ((p.missing || p.overrepresented) && sc.strings) {
        const std::string& tag = sc.strings->get(p.missing ? "missing.label" : "overrepresented.label");
        const float fs = float(Fonts::kSmall * 0.75 * v.scale);
        dl->AddText(fonts.small, fs, ImVec2(c.x - hw + float(6 * v.scale), c.y - hh + float(4 * v.scale)), colour::kInkSoft, tag.c_str());
    }
    if (editing_text && caret) {
        // Caret after the last line.
        float x = c.x, y = c.y;
        if (!t.lines.empty()) {
            const std::string& last = t.lines.back();
            const float lw = fonts.note->CalcTextSizeA(t.size, 1e9f, 0, last.c_str()).x;
            x = c.x + lw / 2 + 2;
            y = c.y + float(3 * v.scale) + t.line_height * (float(t.lines.size()) / 2 - 1) + (t.line_height - t.size) / 2;
        } else {
            y = c.y - max_px / 2;
        }
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(2.0f, float(2.5 * v.scale)), y + (t.size > 0 ? t.size : max_px)),
                          colour::kSelection);
    }
    rotate_vertices(dl, first, c, angle);
}

// The link handle: a small knob on the note's right edge, shown so people find it.
void draw_handle(ImDrawList* dl, const BoardScene& sc, Vec2 pos, double rotation, double scale) {
    const View& v = sc.view;
    Partner at;
    at.x = pos.x, at.y = pos.y, at.rotation = rotation, at.scale = scale;
    const ImVec2 c = screen(v, link_handle_board(at));
    const float r = std::max(7.0f * sc.ui_scale, float(kHandleRadius * v.scale));
    // Few segments: 500 knobs are drawn at once, and at this size 12 look round.
    dl->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 235), 12);
    dl->AddCircle(c, r, colour::kLine, 12, 2.0f * sc.ui_scale);
    dl->AddCircleFilled(c, r * 0.35f, colour::kLine, 8);
}

// ---- priorities ------------------------------------------------------------------
// Marks on the chosen post-its (priority_marks.hpp); the hand-drawn circles only when asked.
// The resting layer draws the marks of post-its nobody holds, the moving layer those of
// post-its under a finger, where the finger has them.
void draw_priorities(ImDrawList* dl, const Fonts& fonts, const BoardScene& sc, bool resting, bool moving) {
    const Document& d = *sc.doc;
    if (d.priorities.empty()) return;
    if (resting && sc.live.priority_circles) draw_priority_circles(dl, fonts, d, sc.view, sc.ui_scale);
    std::vector<MarkPose> poses;
    for (const auto& l : sc.live.placements) poses.push_back({l.partner, l.pos, l.rotation, l.scale});
    std::vector<PriorityMarks> marks = layout_priority_marks(d, sc.view, fonts, sc.ui_scale, poses, sc.live.mark_avoid);
    std::erase_if(marks, [&](const PriorityMarks& m) {
        const bool live = placement_of(sc, m.partner) != nullptr;
        return live ? !moving : !resting;
    });
    draw_priority_marks(dl, fonts, marks);
}

// ---- live overlays -----------------------------------------------------------------
void draw_highlights(ImDrawList* dl, const BoardScene& sc, const PartnerIndex& index) {
    for (Id id : sc.live.highlight) {
        const Partner* p = index.find(id);
        if (!p || !p->face_up) continue;
        ImVec2 q[4];
        const ImVec2 c = screen(sc.view, {p->x, p->y});
        const float pad = float(8 * sc.view.scale);
        corners(c, float(geo::kNoteW * p->scale * sc.view.scale / 2) + pad,
                float(geo::kNoteH * p->scale * sc.view.scale / 2) + pad, float(p->rotation), q);
        dl->AddPolyline(q, 4, sc.live.highlight_colour, ImDrawFlags_Closed, std::max(3.0f, float(5 * sc.view.scale)));
    }
    for (Id id : sc.live.badges) {
        const Partner* p = index.find(id);
        if (!p || !p->face_up) continue;
        // A green check in a white disc at the top-left corner: "discussed".
        const ImVec2 c = screen(sc.view, {p->x - geo::kNoteW * p->scale / 2 + 4, p->y - geo::kNoteH * p->scale / 2 + 4});
        const float r = std::max(9.0f * sc.ui_scale, float(12 * sc.view.scale));
        dl->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 255), 20);
        dl->AddCircleFilled(c, r * 0.82f, IM_COL32(46, 140, 80, 255), 20);
        const ImVec2 a(c.x - r * 0.4f, c.y), b(c.x - r * 0.1f, c.y + r * 0.35f), e(c.x + r * 0.45f, c.y - r * 0.35f);
        dl->AddLine(a, b, IM_COL32(255, 255, 255, 255), r * 0.22f);
        dl->AddLine(b, e, IM_COL32(255, 255, 255, 255), r * 0.22f);
    }
    for (const auto& [id, count] : sc.live.stacks) {
        const Partner* p = index.find(id);
        if (!p || !p->face_up) continue;
        // "×3" in a dark disc at the top-right corner: three people named this partner.
        const ImVec2 c = screen(sc.view, {p->x + geo::kNoteW * p->scale / 2 - 2, p->y - geo::kNoteH * p->scale / 2 + 2});
        const std::string t = "\xC3\x97" + std::to_string(count);
        const float fs = std::max(12.0f * sc.ui_scale, float(Fonts::kSmall * sc.view.scale));
        const float r = fs * 0.95f;
        dl->AddCircleFilled(c, r + 2, IM_COL32(255, 255, 255, 255), 24);
        dl->AddCircleFilled(c, r, colour::kAccent, 24);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, t.c_str());
        dl->AddText(ImGui::GetFont(), fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255), t.c_str());
    }
}

void draw_pen_stroke(ImDrawList* dl, const BoardScene& sc) {
    if (sc.live.pen_stroke.size() >= 2) {
        std::vector<ImVec2> pts;
        for (const Vec2& v : sc.live.pen_stroke) pts.push_back(screen(sc.view, v));
        dl->AddPolyline(pts.data(), int(pts.size()), sc.live.pen_colour, ImDrawFlags_None,
                        std::max(2.0f, float(4 * sc.view.scale)));
    }
}

// A line being drawn from a handle: its free end, under the finger, gets a round cap.
void draw_link_drafts(ImDrawList* dl, const BoardScene& sc, const PartnerIndex& index) {
    const float w = std::max(2.0f, float(4.5 * sc.view.scale));
    for (const auto& draft : sc.live.link_drafts) {
        const Partner* p = index.find(draft.from);
        if (!p) continue;
        const ImVec2 to = screen(sc.view, draft.to_board);
        dl->AddLine(screen(sc.view, placed_pos(sc, *p)), to, colour::kSelection, w);
        dl->AddCircleFilled(to, w / 2, colour::kSelection, 12);
    }
}
}  // namespace

FittedText fit_note_text(const Fonts& fonts, const std::string& text, const View& v, double scale) {
    const float hw = float(geo::kNoteW * scale * v.scale / 2), hh = float(geo::kNoteH * scale * v.scale / 2);
    const float max_px = float(Fonts::kNote * 0.8 * v.scale * scale);
    return fit_text(fonts.note, text, hw * 2 - float(14 * v.scale), hh * 2 - float(18 * v.scale), max_px, max_px * 0.55f);
}

std::vector<RingLabel> place_ring_labels(const Document& doc, const View& v, const Fonts& fonts, const Strings& strings,
                                         float ui_scale) {
    std::vector<RingLabel> out;
    const float px = 22 * ui_scale, s = float(v.scale);
    const Vec2 c = v.to_screen({0, 0});
    // The post-its as screen boxes (unturned, a little grown), and the school.
    std::vector<std::pair<ImVec2, ImVec2>> taken;
    for (const Partner& p : doc.partners) {
        if (!p.face_up) continue;
        const Vec2 m = v.to_screen({p.x, p.y});
        const float hw = float(geo::kNoteW * p.scale * v.scale * 0.55), hh = float(geo::kNoteH * p.scale * v.scale * 0.55);
        taken.push_back({ImVec2(float(m.x) - hw, float(m.y) - hh), ImVec2(float(m.x) + hw, float(m.y) + hh)});
    }
    taken.push_back({ImVec2(float(c.x - geo::kSchoolRx * s), float(c.y - geo::kSchoolRy * s)),
                     ImVec2(float(c.x + geo::kSchoolRx * s), float(c.y + geo::kSchoolRy * s))});
    auto free = [&taken](ImVec2 a, ImVec2 b) {
        for (const auto& [p, q] : taken)
            if (a.x < q.x && p.x < b.x && a.y < q.y && p.y < b.y) return false;
        return true;
    };
    // Up-left first (where the flip chart has them), then round the school.
    constexpr float kDegrees[] = {-114, -66, -140, -40, 140, 40, -90, 90, 180, 0};
    const double edges[4] = {geo::kRing1, geo::kRing2, geo::kRing3, geo::kRing3};
    for (int ring = 1; ring <= 4; ++ring) {
        RingLabel l;
        l.ring = ring;
        l.text = strings.get("board.ring." + std::to_string(ring));
        l.px = px;
        const ImVec2 ts = fonts.small->CalcTextSizeA(px, 1e9f, 0, l.text.c_str());
        const float w = ts.x + px, h = px * 1.4f;
        // Inside the ring's edge; the zone's label just outside the outer ring.
        const float r = ring <= 3 ? float(edges[ring - 1]) * s - h * 0.8f : float(edges[3]) * s + h * 0.8f;
        for (size_t i = 0; i < std::size(kDegrees); ++i) {
            const float a = kDegrees[i] * float(M_PI) / 180;
            const ImVec2 mid(float(c.x) + r * std::cos(a), float(c.y) + r * std::sin(a));
            const ImVec2 a0(mid.x - w / 2, mid.y - h / 2), a1(mid.x + w / 2, mid.y + h / 2);
            const bool clear = free(a0, a1);
            if (i == 0 || clear) l.min = a0, l.max = a1;  // the first place, unless a free one follows
            if (clear) break;
        }
        taken.push_back({l.min, l.max});
        out.push_back(std::move(l));
    }
    return out;
}

// ---- legend ------------------------------------------------------------------------
ImVec2 draw_legend(ImDrawList* dl, const Fonts& fonts, const Strings& s, ImVec2 pos, float k, bool measure_only,
                   bool with_pens) {
    const float pad = 16 * k, row = kLegendRow * k, sw = 30 * k, fs = Fonts::kSmall * k, hs = Fonts::kBold * k * 0.8f;
    float w = 0;
    for (int i = 0; i < kCategoryCount; ++i) {
        const std::string& name = s.get("category." + std::string(category_id(Category(i))));
        w = std::max(w, fonts.small->CalcTextSizeA(fs, 1e9f, 0, name.c_str()).x);
    }
    if (with_pens)
        for (int i = 0; i < kRoleCount; ++i)
            w = std::max(w, fonts.small->CalcTextSizeA(fs, 1e9f, 0, s.get("role." + std::string(role_id(Role(i)))).c_str()).x);
    const std::string& title = s.get("legend.title");
    w = std::max(w + sw + 12 * k, fonts.bold->CalcTextSizeA(hs, 1e9f, 0, title.c_str()).x);
    const float pens_h = with_pens ? hs + 12 * k + row * float(kRoleCount) : 0;
    const ImVec2 size(w + 2 * pad, pad * 2 + hs + 8 * k + row * kCategoryCount + pens_h);
    if (measure_only) return size;
    dl->AddRectFilled(ImVec2(pos.x + 2 * k, pos.y + 4 * k), ImVec2(pos.x + size.x + 2 * k, pos.y + size.y + 4 * k), colour::kShadow,
                      14 * k);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colour::kPanel, 14 * k);
    dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), colour::kPanelEdge, 14 * k, 0, 1.5f * k);
    dl->AddText(fonts.bold, hs, ImVec2(pos.x + pad, pos.y + pad), colour::kInk, title.c_str());
    float y = pos.y + pad + hs + 8 * k;
    for (int i = 0; i < kCategoryCount; ++i) {
        const Category c = Category(i);
        const ImVec2 a(pos.x + pad, y + (row - sw * 0.72f) / 2), b(a.x + sw, a.y + sw * 0.72f);
        dl->AddRectFilled(a, b, category_fill(c), 4 * k);
        draw_category_icon(dl, c, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), 6.5f * k, category_mark(c));
        const std::string& name = s.get("category." + std::string(category_id(c)));
        dl->AddText(fonts.small, fs, ImVec2(b.x + 12 * k, y + (row - fs) / 2), colour::kInk, name.c_str());
        y += row;
    }
    if (with_pens) {
        // The pens of the roles, for the priority circles.
        y += 12 * k;
        dl->AddText(fonts.bold, hs, ImVec2(pos.x + pad, y), colour::kInk, s.get("legend.pens").c_str());
        y += hs + 4 * k;
        for (int i = 0; i < kRoleCount; ++i) {
            const Role r = Role(i);
            const float cy = y + row / 2;
            dl->AddLine(ImVec2(pos.x + pad, cy), ImVec2(pos.x + pad + sw, cy), role_colour(r), 4 * k);
            dl->AddText(fonts.small, fs, ImVec2(pos.x + pad + sw + 12 * k, y + (row - fs) / 2), colour::kInk,
                        s.get("role." + std::string(role_id(r))).c_str());
            y += row;
        }
    }
    return size;
}

ImVec2 note_screen_centre(const View& v, const Partner& p) { return screen(v, {p.x, p.y}); }

void draw_board(ImDrawList* dl, const Fonts& fonts, const BoardScene& sc, ImVec2 size) {
    if (!sc.doc) return;
    const Document& d = *sc.doc;
    const PartnerIndex index(d);
    const LiveState& live = sc.live;
    const bool resting = sc.layer != BoardLayer::Moving, moving = sc.layer != BoardLayer::Resting;
    const Id editing = live.editing ? live.editing->partner : -1;
    auto is_live = [&](const Partner& p) { return placement_of(sc, p.id) || p.id == editing; };
    if (resting) draw_background(dl, fonts, sc, size);
    draw_links(dl, sc, index);  // each layer draws its own lines
    if (resting) {
        draw_school(dl, fonts, sc);
        for (const Partner& p : d.partners)
            if (p.face_up && !is_live(p)) draw_note(dl, fonts, sc, p, {p.x, p.y}, p.rotation, p.scale, false, nullptr, false);
        // Handles above every note body: a handle wins the touch over a note it overlaps,
        // so it must also be seen on top.
        if (sc.show_handles)
            for (const Partner& p : d.partners)
                if (p.face_up && !is_live(p)) draw_handle(dl, sc, {p.x, p.y}, p.rotation, p.scale);
        draw_priorities(dl, fonts, sc, true, false);
        draw_highlights(dl, sc, index);
    }
    if (!moving) return;
    draw_pen_stroke(dl, sc);
    draw_link_drafts(dl, sc, index);
    for (const auto& l : live.placements)
        if (const Partner* p = index.find(l.partner)) draw_note(dl, fonts, sc, *p, l.pos, l.rotation, l.scale, true, nullptr, false);
    if (live.editing) {
        Partner shown;
        if (const Partner* p = index.find(live.editing->partner)) shown = *p;
        else shown.category = Category::Ongesorteerd, shown.x = live.editing->pos.x, shown.y = live.editing->pos.y,
             shown.rotation = live.editing->rotation;
        draw_note(dl, fonts, sc, shown, {shown.x, shown.y}, shown.rotation, shown.scale, true, &live.editing->text,
                  live.editing->caret_on);
    }
    if (!live.placements.empty()) draw_priorities(dl, fonts, sc, false, true);
}

}  // namespace nk::app
