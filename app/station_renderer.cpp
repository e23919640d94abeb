#include "station_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "text_fit.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr float kTextPx = Fonts::kUi;  // text field and key labels, local units

// Draws a station upright with its local (0,0) at `origin` scaled by `k`; the caller
// turns the vertices afterwards.
struct Upright {
    ImVec2 origin;
    float k;
    ImVec2 at(double x, double y) const { return ImVec2(origin.x + float(x) * k, origin.y + float(y) * k); }
};

void centred_text(ImDrawList* dl, ImFont* font, float px, ImVec2 c, ImU32 col, const std::string& s) {
    const ImVec2 ts = font->CalcTextSizeA(px, 1e9f, 0, s.c_str());
    dl->AddText(font, px, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), col, s.c_str());
}

std::string writer_name(const Document& d, Id writer, const Strings& s) {
    if (const Participant* p = d.participant(writer)) return p->name.empty() ? "#" + std::to_string(p->id) : p->name;
    return s.get("brainstorm.anonymous");
}
}  // namespace

kb::TextWidth station_text_width(const Fonts& fonts) {
    ImFont* f = fonts.ui;
    return [f](std::string_view t) -> double {
        return f->CalcTextSizeA(kTextPx, 1e9f, 0, t.data(), t.data() + t.size()).x;
    };
}

void draw_stations(ImDrawList* dl, const Fonts& fonts, const Stations& stations, const Document& doc,
                   const Strings& strings, double t_ms) {
    for (const Station& st : stations.all()) {
        const kb::EdgeFrame& fr = st.frame;
        const float k = float(fr.scale);
        // The station's local (0,0) where it lands before turning: anchor - (w/2, h) * k.
        const Vec2 anchor = fr.to_screen({kStationW / 2, kStationH});
        const Upright u{ImVec2(float(anchor.x - kStationW / 2 * k), float(anchor.y - kStationH * k)), k};
        const int first = dl->VtxBuffer.Size;
        // Drawn upright first, possibly off-screen, then turned into place: ImGui culls text
        // against the clip rectangle before the turn, so lift the clip while drawing.
        dl->PushClipRect(ImVec2(-1e5f, -1e5f), ImVec2(1e5f, 1e5f), false);

        dl->AddRectFilled(u.at(3, 6), u.at(kStationW + 3, kStationH + 6), colour::kShadow, 16 * k);
        dl->AddRectFilled(u.at(0, 0), u.at(kStationW, kStationH), IM_COL32(252, 250, 246, 255), 16 * k);
        dl->AddRect(u.at(0, 0), u.at(kStationW, kStationH), colour::kPanelEdge, 16 * k, 0, 2 * k);

        // Header: the station's number, who writes, the tray, and its own buttons.
        const std::string tray = strings.format("brainstorm.tray", {std::to_string(st.tray_count(doc))});
        for (const StationControl& c : stations.controls(st, doc)) {
            const ImVec2 a = u.at(c.rect.x, c.rect.y), b = u.at(c.rect.x + c.rect.w, c.rect.y + c.rect.h);
            const bool primary = c.kind == StationControl::Kind::Participant || c.kind == StationControl::Kind::Anonymous;
            dl->AddRectFilled(a, b, primary ? IM_COL32(243, 239, 231, 255) : IM_COL32(255, 255, 255, 0), 10 * k);
            dl->AddRect(a, b, colour::kPanelEdge, 10 * k, 0, 1.5f * k);
            std::string label;
            ImU32 col = colour::kInk;
            switch (c.kind) {
                case StationControl::Kind::Close: label = "\xC3\x97"; break;
                case StationControl::Kind::Writer: label = writer_name(doc, c.participant, strings); break;
                case StationControl::Kind::Participant:
                    label = writer_name(doc, c.participant, strings);
                    if (const Participant* p = doc.participant(c.participant)) col = role_colour(p->role);
                    break;
                case StationControl::Kind::Anonymous: label = strings.get("brainstorm.anonymous"); break;
            }
            centred_text(dl, fonts.ui, kTextPx * k * 0.9f, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), col, label);
        }
        // The number, large and filled: "I am at 3" is how writers and the facilitator say it.
        const float nr = float(kStationButton / 2 * k);
        const ImVec2 nc = u.at(kb::kPad + kStationButton / 2, kStationHeaderH / 2);
        dl->AddCircleFilled(nc, nr, colour::kAccent);
        centred_text(dl, fonts.ui, kTextPx * k, nc, IM_COL32(255, 255, 255, 255), std::to_string(st.number));
        if (st.state == Station::State::Typing) {
            const ImVec2 ts = fonts.small->CalcTextSizeA(Fonts::kSmall * k, 1e9f, 0, tray.c_str());
            dl->AddText(fonts.small, Fonts::kSmall * k, ImVec2(u.at(kStationW - 64, 0).x - ts.x, u.at(0, (kStationHeaderH - Fonts::kSmall) / 2).y), colour::kInkSoft,
                        tray.c_str());
        } else {
            dl->AddText(fonts.ui, kTextPx * k * 0.9f, u.at(kStationNumberW, (kStationHeaderH - kTextPx * 0.9) / 2), colour::kInk,
                        strings.get("brainstorm.who").c_str());
        }

        if (st.state == Station::State::Typing) {
            const kb::Keyboard& kbd = st.keyboard;
            const auto to = [&](double x, double y) {
                const Vec2 l = Station::keyboard_to_local({x, y});
                return u.at(l.x, l.y);
            };
            // The post-it in progress: a note-coloured field with the text and a caret.
            const kb::Rect tf = kb::Keyboard::text_field();
            dl->AddRectFilled(to(tf.x, tf.y), to(tf.x + tf.w, tf.y + tf.h), IM_COL32(224, 224, 220, 255), 6 * k);
            const std::string& text = kbd.text();
            const ImVec2 tp = to(tf.x + kb::kTextPad, tf.y + (tf.h - kTextPx) / 2);
            dl->AddText(fonts.ui, kTextPx * k, tp, colour::kInk, text.c_str());
            if (std::fmod(t_ms, 1000.0) < 600) {
                const float cx = tp.x + fonts.ui->CalcTextSizeA(kTextPx * k, 1e9f, 0, text.c_str(), text.c_str() + kbd.cursor()).x;
                dl->AddRectFilled(ImVec2(cx, tp.y), ImVec2(cx + 2.5f * k, tp.y + kTextPx * k), colour::kSelection);
            }
            for (const kb::Key& key : kbd.keys()) {
                const ImVec2 a = to(key.rect.x, key.rect.y), b = to(key.rect.x + key.rect.w, key.rect.y + key.rect.h);
                const bool special = key.kind != kb::KeyKind::Char;
                ImU32 fill = special ? IM_COL32(226, 221, 210, 255) : IM_COL32(255, 255, 255, 255);
                if (key.lit) fill = IM_COL32(200, 220, 236, 255);
                if (key.pressed) fill = IM_COL32(180, 200, 216, 255);
                if (key.kind == kb::KeyKind::Enter) fill = key.pressed ? IM_COL32(20, 40, 52, 255) : colour::kAccent;
                dl->AddRectFilled(ImVec2(a.x, a.y + 2 * k), ImVec2(b.x, b.y + 2 * k), IM_COL32(0, 0, 0, 28), 8 * k);
                dl->AddRectFilled(a, b, fill, 8 * k);
                std::string label = key.label;
                if (key.kind == kb::KeyKind::Enter) label = strings.get("brainstorm.done");
                centred_text(dl, fonts.ui, kTextPx * k * (special ? 0.8f : 1.0f), ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2),
                             key.kind == kb::KeyKind::Enter ? IM_COL32(255, 255, 255, 255) : colour::kInk, label);
            }
            if (const auto& pop = kbd.popup()) {
                for (size_t i = 0; i < pop->choices.size(); ++i) {
                    const kb::Rect& r = pop->rects[i];
                    const ImVec2 a = to(r.x, r.y), b = to(r.x + r.w, r.y + r.h);
                    const bool sel = int(i) == pop->selected;
                    dl->AddRectFilled(a, b, sel ? colour::kAccent : IM_COL32(255, 255, 255, 255), 8 * k);
                    dl->AddRect(a, b, colour::kPanelEdge, 8 * k, 0, 1.5f * k);
                    centred_text(dl, fonts.ui, kTextPx * k, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2),
                                 sel ? IM_COL32(255, 255, 255, 255) : colour::kInk, pop->choices[i]);
                }
            }
        }
        dl->PopClipRect();
        rotate_vertices(dl, first, ImVec2(float(anchor.x), float(anchor.y)), float(fr.rotation()));
    }
}

namespace {
// The screen box round a rectangle of a station's local frame.
Rect screen_box(const Station& st, const kb::Rect& local) {
    ImVec2 lo(1e30f, 1e30f), hi(-1e30f, -1e30f);
    for (const Vec2 c : {Vec2{local.x, local.y}, Vec2{local.x + local.w, local.y}, Vec2{local.x, local.y + local.h},
                         Vec2{local.x + local.w, local.y + local.h}}) {
        const Vec2 p = st.frame.to_screen(c);
        lo = ImVec2(std::min(lo.x, float(p.x)), std::min(lo.y, float(p.y)));
        hi = ImVec2(std::max(hi.x, float(p.x)), std::max(hi.y, float(p.y)));
    }
    return {lo, hi};
}
}  // namespace

void record_stations(UiTargets& targets, const Stations& stations, const Document& doc) {
    for (const Station& st : stations.all()) {
        const std::string id = "station." + std::to_string(st.number);
        targets.panel(id, screen_box(st, {0, 0, kStationW, kStationH}), PanelLayer::Front);
        for (const StationControl& c : stations.controls(st, doc)) targets.control(c.id, screen_box(st, c.rect), id);
        if (st.state != Station::State::Typing) continue;
        double narrowest = 0;
        for (const kb::Key& k : st.keyboard.keys())
            if (k.kind == kb::KeyKind::Char && (narrowest == 0 || k.rect.w < narrowest)) narrowest = k.rect.w;
        targets.keyboard(st.number, screen_box(st, {0, kStationHeaderH, kStationW, kb::kHeight}),
                         float(narrowest * st.frame.scale));
    }
}

}  // namespace nk::app
