#include "frame_sim.hpp"

#include <stdexcept>

#include "board_file.hpp"

namespace nk::bench {

ImGuiHarness::ImGuiHarness(int w_, int h_, bool keep_tex_data) : w(w_), h(h_), k(float(h_) / 1080.0f) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60.0f;
    // As the app's OpenGL3 backend declares: draw lists may pass 65,536 vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    fonts.build(k);
    // What the OpenGL backend asks for before its upload (it converts to RGBA32).
    unsigned char* px = nullptr;
    int tw = 0, th = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
    if (!keep_tex_data) io.Fonts->ClearTexData();
    strings = Strings::load(std::string(NK_ASSETS_DIR) + "/lang/nl.txt");
    dl_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
}

ImGuiHarness::~ImGuiHarness() {
    dl_.reset();
    ImGui::DestroyContext(ctx_);
}

void ImGuiHarness::new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
}

void ImGuiHarness::end_frame() { ImGui::EndFrame(); }

ImDrawList* ImGuiHarness::fresh_draw_list() {
    ImDrawList* dl = dl_.get();
    dl->_ResetForNewFrame();
    dl->PushClipRect(ImVec2(0, 0), ImVec2(float(w), float(h)));
    dl->PushTextureID(ImGui::GetIO().Fonts->TexID);
    return dl;
}

FrameSim::FrameSim(ImGuiHarness& im, Document doc, int fingers, const std::string& autosave_dir, bool cache_resting)
    : im_(im), cache_resting_(cache_resting) {
    view_ = fitted_ = app_view(im.w, im.h);
    session_ = std::make_unique<Session>(std::move(doc));
    if (!autosave_dir.empty()) {
        AutosaveOptions ao;
        ao.dir = autosave_dir;
        ao.validator = [](std::string_view b) { return std::holds_alternative<LoadedBoard>(parse_board(b)); };
        autosave_ = std::make_shared<AutosaveWriter>(ao);
        session_->set_autosave(autosave_);
    }
    if (fingers > 0) {
        grips_ = grips(session_->current(), view_, im.w, im.h, fingers);
        if (int(grips_.size()) != fingers) throw std::runtime_error("not enough post-its to hold");
    }
}

FrameSim::~FrameSim() {
    if (autosave_) autosave_->flush(std::chrono::milliseconds(5000));
}

void FrameSim::apply(const Effects& fx) {
    for (const Action& a : fx.actions) session_->dispatch(a);
    if (fx.view) view_ = *fx.view;
}

void FrameSim::press() {
    f_ = 0;
    run_frame(0);
    run_frame(1);
    run_frame(1);
}

int FrameSim::frame() { return run_frame(grips_.empty() ? 3 : 1); }
int FrameSim::release() { return run_frame(2); }

int FrameSim::run_frame(int kind) {
    t_ += 16;
    im_.new_frame();
    const Vec2 size{double(im_.w), double(im_.h)};
    if (kind != 3) {
        for (std::size_t i = 0; i < grips_.size(); ++i) {
            PointerEvent e;
            e.type = kind == 0 ? PointerEvent::Type::Down : kind == 1 ? PointerEvent::Type::Move : PointerEvent::Type::Up;
            e.key = {1, std::int64_t(i)};
            e.screen = kind == 0 ? grips_[i].screen : finger_at(grips_[i].screen, int(i), f_, im_.k);
            e.t_ms = t_;
            apply(gestures_.handle(session_->current(), view_, fitted_, size, e));
        }
    }
    apply(gestures_.tick(session_->current(), view_, t_));
    ++f_;

    app::BoardScene sc;
    sc.doc = &session_->current();
    sc.view = view_;
    sc.strings = &im_.strings;
    sc.ui_scale = im_.k;
    for (const auto& p : gestures_.live_placements()) sc.live.placements.push_back({p.partner, p.pos, p.rotation, p.scale});
    for (const auto& d : gestures_.link_drafts()) sc.live.link_drafts.push_back({d.from, d.to_board, d.hover_target});
    const ImVec2 size_px(float(im_.w), float(im_.h));
    int vertices = 0, indices = 0;
    if (cache_resting_) {
        // As App::frame with its RestingLayer: the resting board is drawn into its own list
        // only when its key changed (the texture upload is GL's, not timed here); the
        // moving part is drawn every frame.
        const app::RestingKey key = app::resting_key(sc, size_px, session_->revision(), 0);
        if (!resting_key_ || !(*resting_key_ == key)) {
            if (!resting_dl_) resting_dl_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
            resting_dl_->_ResetForNewFrame();
            resting_dl_->PushClipRect(ImVec2(0, 0), size_px);
            resting_dl_->PushTextureID(ImGui::GetIO().Fonts->TexID);
            app::BoardScene rest = sc;
            rest.layer = app::BoardLayer::Resting;
            app::draw_board(resting_dl_.get(), im_.fonts, rest, size_px);
            resting_key_ = key;
            vertices += resting_dl_->VtxBuffer.Size, indices += resting_dl_->IdxBuffer.Size;
        }
        sc.layer = app::BoardLayer::Moving;
    }
    ImDrawList* dl = im_.fresh_draw_list();
    app::draw_board(dl, im_.fonts, sc, size_px);
    im_.end_frame();
    last_idx_ = indices + dl->IdxBuffer.Size;
    return vertices + dl->VtxBuffer.Size;
}

}  // namespace nk::bench
