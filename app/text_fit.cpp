#include "text_fit.hpp"

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace nk::app {
namespace {
// Word-wraps `text` at `size` into lines no wider than `w`.
std::vector<std::string> wrap(ImFont* font, std::string_view text, float size, float w) {
    std::vector<std::string> lines;
    const char* s = text.data();
    const char* end = s + text.size();
    const float scale = size / font->FontSize;
    while (s < end) {
        const char* nl = s;
        while (nl < end && *nl != '\n') ++nl;
        const char* line_start = s;
        while (line_start < nl) {
            const char* cut = font->CalcWordWrapPositionA(scale, line_start, nl, w);
            if (cut == line_start) {  // one glyph wider than the box: take it anyway
                cut = line_start + 1;
                while (cut < nl && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;
            }
            std::string line(line_start, cut);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            lines.push_back(std::move(line));
            line_start = cut;
            while (line_start < nl && *line_start == ' ') ++line_start;
        }
        if (nl == s) lines.emplace_back();
        s = nl < end ? nl + 1 : end;
    }
    return lines;
}

float width_of(ImFont* font, float size, std::string_view s) {
    return font->CalcTextSizeA(size, 1e9f, 0, s.data(), s.data() + s.size()).x;
}

// Whether some word of `text` is wider than `w` at `size` (it would be broken mid-word).
bool word_too_wide(ImFont* font, std::string_view text, float size, float w) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
        size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
        if (j > i && width_of(font, size, text.substr(i, j - i)) > w) return true;
        i = j;
    }
    return false;
}
}  // namespace

static FittedText fit_uncached(ImFont* font, std::string_view text, float w, float h, float max_size, float min_size) {
    FittedText out;
    if (!font || w <= 1 || h <= 1) return out;
    for (float size = max_size;; size = std::max(min_size, size * 0.92f)) {
        const float lh = size * 1.12f;
        auto lines = wrap(font, text, size, w);
        // Shrink until the lines fit and no word has to be broken; at the smallest size,
        // break and cut as needed.
        const bool fits = float(lines.size()) * lh <= h && !word_too_wide(font, text, size, w);
        if (fits || size <= min_size) {
            out.size = size;
            out.line_height = lh;
            const size_t max_lines = std::max<size_t>(1, size_t(std::floor(h / lh)));
            if (lines.size() > max_lines) {
                lines.resize(max_lines);
                std::string& last = lines.back();
                const std::string ell = "\xE2\x80\xA6";  // …
                while (!last.empty() && width_of(font, size, last + ell) > w) {
                    do last.pop_back();
                    while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80);
                }
                last += ell;
                out.truncated = true;
            }
            out.lines = std::move(lines);
            return out;
        }
    }
}

namespace {
// The last fits, by everything that decides them. Post-its keep their text and box while
// people drag and zoom steps repeat, so nearly every frame finds its fits here.
struct FitKey {
    const ImFont* font;
    float font_size, w, h, max_size, min_size;
    std::string text;
    bool operator==(const FitKey&) const = default;
};
struct FitKeyHash {
    size_t operator()(const FitKey& k) const {
        size_t h = std::hash<std::string>()(k.text) ^ std::hash<const void*>()(k.font);
        for (float f : {k.font_size, k.w, k.h, k.max_size, k.min_size}) {
            uint32_t bits;
            std::memcpy(&bits, &f, sizeof bits);
            h = h * 1000003u ^ bits;
        }
        return h;
    }
};
constexpr size_t kFitCacheMax = 8192;  // about 2,000 post-its at four zoom levels
}  // namespace

FittedText fit_text(ImFont* font, std::string_view text, float w, float h, float max_size, float min_size) {
    thread_local std::unordered_map<FitKey, FittedText, FitKeyHash> cache;
    if (!font) return {};
    FitKey key{font, font->FontSize, w, h, max_size, min_size, std::string(text)};
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() >= kFitCacheMax) cache.clear();
    FittedText t = fit_uncached(font, text, w, h, max_size, min_size);
    cache.emplace(std::move(key), t);
    return t;
}

void draw_fitted(ImDrawList* dl, ImFont* font, const FittedText& t, ImVec2 c, ImU32 col) {
    const float total = t.line_height * float(t.lines.size());
    float y = c.y - total / 2 + (t.line_height - t.size) / 2;
    for (const std::string& line : t.lines) {
        const float lw = width_of(font, t.size, line);
        dl->AddText(font, t.size, ImVec2(std::round(c.x - lw / 2), std::round(y)), col, line.data(),
                    line.data() + line.size());
        y += t.line_height;
    }
}

void rotate_vertices(ImDrawList* dl, int first_vtx, ImVec2 centre, float angle) {
    if (angle == 0) return;
    const float c = std::cos(angle), s = std::sin(angle);
    for (int i = first_vtx; i < dl->VtxBuffer.Size; ++i) {
        ImVec2& p = dl->VtxBuffer[i].pos;
        const float dx = p.x - centre.x, dy = p.y - centre.y;
        p = ImVec2(centre.x + c * dx - s * dy, centre.y + s * dx + c * dy);
    }
}

}  // namespace nk::app
