#include "field_keyboard_renderer.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include "text_fit.hpp"
#include "theme.hpp"

namespace nk::app {
namespace {
constexpr float kTextPx = Fonts::kUi;  // text line and key labels, local units

void centred_text(ImDrawList* dl, ImFont* font, float px, ImVec2 c, ImU32 col, const std::string& s) {
    const ImVec2 ts = font->CalcTextSizeA(px, 1e9f, 0, s.c_str());
    dl->AddText(font, px, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), col, s.c_str());
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The part of the cursor's line that fits in `room` (local units) with the cursor in it:
// [begin, end) as byte offsets into `text`.
std::pair<std::size_t, std::size_t> visible_part(const std::string& text, std::size_t cursor, ImFont* font, float px,
                                                 float room) {
    const auto width = [&](std::size_t a, std::size_t b) {
        return font->CalcTextSizeA(px, 1e9f, 0, text.data() + a, text.data() + b).x;
    };
    const std::size_t nl = cursor == 0 ? std::string::npos : text.rfind('\n', cursor - 1);
    const std::size_t line = nl == std::string::npos ? 0 : nl + 1;
    std::size_t line_end = text.find('\n', cursor);
    if (line_end == std::string::npos) line_end = text.size();
    std::size_t begin = line;
    while (begin < cursor && width(begin, cursor) > room) {
        ++begin;
        while (begin < cursor && continuation(text[begin])) ++begin;
    }
    std::size_t end = cursor;
    while (end < line_end) {
        std::size_t next = end + 1;
        while (next < line_end && continuation(text[next])) ++next;
        if (width(begin, next) > room) break;
        end = next;
    }
    return {begin, end};
}
}  // namespace

void draw_field_keyboard(ImDrawList* dl, const Fonts& fonts, const FieldKeyboard& fk, const Strings& strings, double t_ms) {
    if (!fk.is_open()) return;
    const kb::EdgeFrame& fr = fk.frame();
    const kb::Keyboard& kbd = fk.keyboard();
    const float k = float(fr.scale);
    const double W = kb::kWidth, H = kb::kHeight;
    // Drawn upright with local (0,0) where it lands before turning about the anchor.
    const Vec2 anchor = fr.to_screen({W / 2, H});
    const ImVec2 origin(float(anchor.x - W / 2 * k), float(anchor.y - H * k));
    const auto at = [&](double x, double y) { return ImVec2(origin.x + float(x) * k, origin.y + float(y) * k); };
    const int first = dl->VtxBuffer.Size;
    dl->PushClipRect(ImVec2(-1e5f, -1e5f), ImVec2(1e5f, 1e5f), false);

    dl->AddRectFilled(at(3, 6), at(W + 3, H + 6), colour::kShadow, 16 * k);
    dl->AddRectFilled(at(0, 0), at(W, H), IM_COL32(252, 250, 246, 255), 16 * k);
    dl->AddRect(at(0, 0), at(W, H), colour::kAccent, 16 * k, 0, 3 * k);

    // The text line: the field's text where the cursor is, with the cursor blinking.
    const kb::Rect tf = kb::Keyboard::text_field();
    dl->AddRectFilled(at(tf.x, tf.y), at(tf.x + tf.w, tf.y + tf.h), IM_COL32(255, 255, 255, 255), 6 * k);
    dl->AddRect(at(tf.x, tf.y), at(tf.x + tf.w, tf.y + tf.h), colour::kPanelEdge, 6 * k, 0, 1.5f * k);
    const std::string& text = kbd.text();
    const float room = float(tf.w - 2 * kb::kTextPad) * k;
    const auto [b, e] = visible_part(text, kbd.cursor(), fonts.ui, kTextPx * k, room);
    const ImVec2 tp = at(tf.x + kb::kTextPad, tf.y + (tf.h - kTextPx) / 2);
    dl->AddText(fonts.ui, kTextPx * k, tp, colour::kInk, text.data() + b, text.data() + e);
    if (std::fmod(t_ms, 1000.0) < 600) {
        const float cx = tp.x + fonts.ui->CalcTextSizeA(kTextPx * k, 1e9f, 0, text.data() + b, text.data() + kbd.cursor()).x;
        dl->AddRectFilled(ImVec2(cx, tp.y), ImVec2(cx + 2.5f * k, tp.y + kTextPx * k), colour::kSelection);
    }

    for (const kb::Key& key : kbd.keys()) {
        const ImVec2 a = at(key.rect.x, key.rect.y), c = at(key.rect.x + key.rect.w, key.rect.y + key.rect.h);
        const bool special = key.kind != kb::KeyKind::Char;
        const bool done = key.kind == kb::KeyKind::Done;
        ImU32 fill = special ? IM_COL32(226, 221, 210, 255) : IM_COL32(255, 255, 255, 255);
        if (key.lit) fill = IM_COL32(200, 220, 236, 255);
        if (key.pressed) fill = IM_COL32(180, 200, 216, 255);
        if (done) fill = key.pressed ? IM_COL32(20, 40, 52, 255) : colour::kAccent;
        dl->AddRectFilled(ImVec2(a.x, a.y + 2 * k), ImVec2(c.x, c.y + 2 * k), IM_COL32(0, 0, 0, 28), 8 * k);
        dl->AddRectFilled(a, c, fill, 8 * k);
        const std::string label = done ? strings.get("keyboard.done") : key.label;
        centred_text(dl, fonts.ui, kTextPx * k * (special ? 0.8f : 1.0f), ImVec2((a.x + c.x) / 2, (a.y + c.y) / 2),
                     done ? IM_COL32(255, 255, 255, 255) : colour::kInk, label);
    }
    if (const auto& pop = kbd.popup()) {
        for (size_t i = 0; i < pop->choices.size(); ++i) {
            const kb::Rect& r = pop->rects[i];
            const ImVec2 a = at(r.x, r.y), c = at(r.x + r.w, r.y + r.h);
            const bool sel = int(i) == pop->selected;
            dl->AddRectFilled(a, c, sel ? colour::kAccent : IM_COL32(255, 255, 255, 255), 8 * k);
            dl->AddRect(a, c, colour::kPanelEdge, 8 * k, 0, 1.5f * k);
            centred_text(dl, fonts.ui, kTextPx * k, ImVec2((a.x + c.x) / 2, (a.y + c.y) / 2),
                         sel ? IM_COL32(255, 255, 255, 255) : colour::kInk, pop->choices[i]);
        }
    }
    dl->PopClipRect();
    rotate_vertices(dl, first, ImVec2(float(anchor.x), float(anchor.y)), float(fr.rotation()));
}

}  // namespace nk::app
