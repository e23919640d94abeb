// Sections: helpers · layout · drawing the marks · the hand-drawn circles
#include "priority_marks.hpp"

#include <algorithm>
#include <cmath>

#include "geometry.hpp"
#include "initials.hpp"
#include "patterns.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
// ---- helpers ------------------------------------------------------------------------
double linear(unsigned c8) {
    const double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
    return 0.2126 * linear((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * linear((c >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * linear((c >> IM_COL32_B_SHIFT) & 0xFF);
}
}  // namespace

ImU32 mark_text_colour(ImU32 fill) {
    const double l = luminance(fill);
    const double white = 1.05 / (l + 0.05), ink = (l + 0.05) / (luminance(colour::kInk) + 0.05);
    return white >= ink ? IM_COL32(255, 255, 255, 255) : colour::kInk;
}

namespace {

std::string initials_of(const Participant& p) { return p.name.empty() ? "#" + std::to_string(p.id) : nk::initials(p.name); }

ImVec2 to_im(Vec2 v) { return ImVec2(float(v.x), float(v.y)); }
}  // namespace

// ---- layout -------------------------------------------------------------------------
std::vector<PriorityMarks> layout_priority_marks(const Document& d, const View& v, const Fonts& fonts, float k,
                                                 const std::vector<MarkPose>& poses, const std::vector<ImVec4>& avoid) {
    std::vector<PriorityMarks> out;
    const float fs = kMarkText * k;
    // A disc wide enough for two bold capitals ("MW") with a margin.
    const float wide = fonts.bold ? fonts.bold->CalcTextSizeA(fs, 1e9f, 0, "MW").x : fs * 1.6f;
    const float r = std::max(fs * 0.85f, wide / 2 + 4 * k), gap = 5 * k;
    for (const PartnerChoices& c : choices_by_partner(d)) {
        const Partner* p = d.partner(c.partner);
        if (!p || !p->face_up) continue;
        MarkPose pose{p->id, {p->x, p->y}, p->rotation, p->scale};
        for (const MarkPose& q : poses)
            if (q.partner == p->id) pose = q;
        const Vec2 centre = v.to_screen(pose.pos);
        const float hw = float(geo::kNoteW * pose.scale * v.scale / 2), hh = float(geo::kNoteH * pose.scale * v.scale / 2);
        // As many items (the badge first) as fit across the post-it and a disc's overhang.
        const int fit = std::max(2, int((2 * hw + 2 * r + gap) / (2 * r + gap)));
        const int n = c.count();
        const int shown = 1 + n <= fit ? n : fit - 2;  // the rest as "+N"
        const int items = 1 + shown + (shown < n ? 1 : 0);
        const float row_w = items * 2 * r + (items - 1) * gap;
        // Along the post-it's bottom edge, turned with it; the text stays upright.
        const float cs = float(std::cos(pose.rotation)), sn = float(std::sin(pose.rotation));
        auto at = [&](float lx, float ly) {
            return ImVec2(float(centre.x) + cs * lx - sn * ly, float(centre.y) + sn * lx + cs * ly);
        };
        auto row_at = [&](float ly) {
            PriorityMarks m;
            m.partner = p->id;
            m.count = n;
            m.radius = r;
            m.text_px = fs;
            float lx = -row_w / 2 + r;
            m.badge = at(lx, ly);
            for (int i = 0; i < shown; ++i) {
                lx += 2 * r + gap;
                const Participant* who = d.participant(c.participants[size_t(i)]);
                m.discs.push_back({at(lx, ly), role_colour(who->role), initials_of(*who)});
            }
            if (shown < n) {
                lx += 2 * r + gap;
                m.discs.push_back({at(lx, ly), colour::kPanel, "+" + std::to_string(n - shown)});
            }
            m.min = m.max = m.badge;
            for (const auto& disc : m.discs)
                m.min = ImVec2(std::min(m.min.x, disc.centre.x), std::min(m.min.y, disc.centre.y)),
                m.max = ImVec2(std::max(m.max.x, disc.centre.x), std::max(m.max.y, disc.centre.y));
            m.min = ImVec2(m.min.x - r, m.min.y - r);
            m.max = ImVec2(m.max.x + r, m.max.y + r);
            return m;
        };
        auto clashes = [&](const PriorityMarks& m) {
            for (const PriorityMarks& o : out)
                if (m.min.x < o.max.x && o.min.x < m.max.x && m.min.y < o.max.y && o.min.y < m.max.y) return true;
            for (const ImVec4& b : avoid)
                if (m.min.x < b.z && b.x < m.max.x && m.min.y < b.w && b.y < m.max.y) return true;
            return false;
        };
        // Mostly below the post-it, so its text stays readable; on its top edge instead when
        // that row would hide a neighbour's marks (post-its that overlap) or lie under a panel.
        PriorityMarks m = row_at(hh + r * 0.6f);
        if (clashes(m))
            if (PriorityMarks above = row_at(-hh - r * 0.6f); !clashes(above)) m = std::move(above);
        out.push_back(std::move(m));
    }
    return out;
}

// ---- drawing the marks --------------------------------------------------------------
void draw_priority_marks(ImDrawList* dl, const Fonts& fonts, const std::vector<PriorityMarks>& marks) {
    ImFont* font = fonts.bold ? fonts.bold : ImGui::GetFont();
    auto centred = [&](ImVec2 c, float px, ImU32 col, const std::string& t) {
        const ImVec2 ts = font->CalcTextSizeA(px, 1e9f, 0, t.c_str());
        dl->AddText(font, px, ImVec2(std::round(c.x - ts.x / 2), std::round(c.y - ts.y / 2)), col, t.c_str());
    };
    for (const PriorityMarks& m : marks) {
        const float r = m.radius, edge = std::max(1.5f, r * 0.12f);
        // The count: a dark rounded square, so it never reads as one more person.
        const ImVec2 a(m.badge.x - r, m.badge.y - r), b(m.badge.x + r, m.badge.y + r);
        dl->AddRectFilled(ImVec2(a.x - edge, a.y - edge), ImVec2(b.x + edge, b.y + edge), IM_COL32(255, 255, 255, 255), r * 0.45f);
        dl->AddRectFilled(a, b, colour::kAccent, r * 0.4f);
        centred(m.badge, m.text_px * 1.1f, IM_COL32(255, 255, 255, 255), std::to_string(m.count));
        for (const auto& disc : m.discs) {
            dl->AddCircleFilled(disc.centre, r + edge, IM_COL32(255, 255, 255, 255), 28);
            dl->AddCircleFilled(disc.centre, r, disc.fill, 28);
            if (disc.fill == colour::kPanel) dl->AddCircle(disc.centre, r, colour::kInkSoft, 28, edge);
            centred(disc.centre, m.text_px, mark_text_colour(disc.fill), disc.text);
        }
    }
}

// ---- the hand-drawn circles -----------------------------------------------------------
void draw_priority_circles(ImDrawList* dl, const Fonts& fonts, const Document& d, const View& v, float k) {
    for (const Priority& pr : d.priorities) {
        const Participant* who = d.participant(pr.participant);
        if (!who || pr.stroke.size() < 2) continue;
        const ImU32 col = role_colour(who->role);
        std::vector<ImVec2> pts;
        pts.reserve(pr.stroke.size());
        for (const Vec2& p : pr.stroke) pts.push_back(to_im(v.to_screen(p)));
        dl->AddPolyline(pts.data(), int(pts.size()), col, ImDrawFlags_None, std::max(2.0f, float(4 * v.scale)));
        // Initials in a badge of the pen's colour where the stroke is highest: colour alone
        // cannot tell roles apart for everyone.
        auto top = std::min_element(pts.begin(), pts.end(), [](ImVec2 a, ImVec2 b) { return a.y < b.y; });
        const std::string ini = initials_of(*who);
        const float fs = std::max(11.0f * k, float(Fonts::kSmall * 0.8 * v.scale));
        const ImVec2 ts = fonts.bold->CalcTextSizeA(fs, 1e9f, 0, ini.c_str());
        const float r = std::max(ts.x, ts.y) * 0.62f + 2;
        const ImVec2 c(top->x, top->y);
        dl->AddCircleFilled(c, r + 1.5f, IM_COL32(255, 255, 255, 255), 24);
        dl->AddCircleFilled(c, r, col, 24);
        dl->AddText(fonts.bold, fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), mark_text_colour(col), ini.c_str());
    }
}

std::vector<CircleBox> priority_circle_boxes(const Document& d, const View& v) {
    std::vector<CircleBox> out;
    for (const Priority& pr : d.priorities) {
        if (!d.participant(pr.participant) || pr.stroke.size() < 2) continue;
        CircleBox b{pr.participant, pr.partner, to_im(v.to_screen(pr.stroke[0])), to_im(v.to_screen(pr.stroke[0]))};
        for (const Vec2& p : pr.stroke) {
            const ImVec2 s = to_im(v.to_screen(p));
            b.min = ImVec2(std::min(b.min.x, s.x), std::min(b.min.y, s.y));
            b.max = ImVec2(std::max(b.max.x, s.x), std::max(b.max.y, s.y));
        }
        out.push_back(b);
    }
    return out;
}

}  // namespace nk::app
