#include "fonts.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace nk::app {
namespace {
const char* first_existing(std::initializer_list<const char*> paths) {
    for (const char* p : paths)
        if (std::filesystem::exists(p)) return p;
    return nullptr;
}

// Latin-1 (Dutch and French letters), general punctuation (– — ‘ ’ “ ” „ …), €, arrows,
// and U+FFFD, which stands in for any glyph the font lacks.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0xFFFD, 0xFFFD, 0};
// The symbols the app draws that Noto Sans lacks, merged in from DejaVu Sans: arrows
// (↑ → ↓, undo ↶ and redo ↷, the keyboard's ↵ ⇧ ⌫), ○ ● ★ ✓ ✗. Only these: every glyph
// is baked for each of the six fonts at start-up, and again at a photo's scale — whole
// Unicode blocks made start-up 40 % slower and a photo's atlas several times larger.
const ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x21B5, 0x21B7, 0x21E7, 0x21E7, 0x232B, 0x232B, 0x25CB, 0x25CB,
                                 0x25CF, 0x25CF, 0x2605, 0x2605, 0x2713, 0x2713, 0x2717, 0x2717, 0};

// Each font file is read once and shared by every font and atlas made from it (the
// screen's, each photo's): ImGui would otherwise keep its own copy per font added, six
// fonts and six symbol merges, about 7 MB. Kept for the program's life.
std::vector<char>* font_file(const char* path) {
    static std::map<std::string, std::vector<char>> files;
    auto it = files.find(path);
    if (it == files.end()) {
        std::ifstream in(path, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        it = files.emplace(path, std::move(bytes)).first;
    }
    return it->second.empty() ? nullptr : &it->second;
}

ImFont* add_font(ImFontAtlas* atlas, const char* path, float px, ImFontConfig cfg, const ImWchar* ranges) {
    std::vector<char>* data = font_file(path);
    if (!data) return nullptr;
    cfg.FontDataOwnedByAtlas = false;
    return atlas->AddFontFromMemoryTTF(data->data(), int(data->size()), px, &cfg, ranges);
}
}  // namespace

bool Fonts::build(float new_scale) { return build(new_scale, ImGui::GetIO().Fonts, false); }

bool Fonts::build(float new_scale, ImFontAtlas* atlas, bool for_photo) {
    scale = new_scale;
    atlas->Clear();
    const char* regular = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                          "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    const char* boldf = first_existing({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
    if (!regular) {
        ui = bold = small = note = title = read = atlas->AddFontDefault();
        return false;
    }
    if (!boldf) boldf = regular;
    ImFontConfig cfg;
    cfg.OversampleH = for_photo ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    // A photo shows the map and its legend: no arrows, checks or keyboard symbols.
    const char* symbols = for_photo ? nullptr : first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    auto add = [&](const char* file, float px) {
        // ImGui picks U+FFFD as the fallback glyph when the font has it (Noto does).
        ImFont* f = add_font(atlas, file, px * scale, cfg, kRanges);
        if (f && symbols) {
            ImFontConfig merge = cfg;
            merge.MergeMode = true;
            add_font(atlas, symbols, px * scale, merge, kSymbolRanges);
        }
        return f;
    };
    ui = add(regular, kUi);
    bold = add(boldf, kBold);
    small = add(regular, kSmall);
    note = add(regular, kNote);
    title = add(boldf, kTitle);
    read = for_photo ? ui : add(regular, kRead);
    if (!ui || !bold || !small || !note || !title || !read) {
        atlas->Clear();
        ui = bold = small = note = title = read = atlas->AddFontDefault();
        return false;
    }
    return atlas->Build();
}

}  // namespace nk::app
