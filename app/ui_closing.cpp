// Phase 4 — Terug- en vooruitblik: the closing questions with a place for the answers,
// facts the map already shows as prompts, missing partners as dashed post-its, and the
// action list. Ids: closing.<id> (opens the question and focuses its answer field
// closing.<id>.answer), missing.add, action.add,
// action.N.what, action.N.who, action.N.due, action.N.remove.
#include <imgui.h>

#include <map>

#include "app.hpp"
#include "geometry.hpp"
#include "method.hpp"
#include "patterns.hpp"
#include "theme.hpp"

namespace nk::app {
void App::draw_closing() {
    // A copy: a control below may dispatch, which replaces the current board.
    const Document d = session_->current();
    const float x0 = float(width_) * 0.55f, top = 150 * k_;
    ImGui::SetNextWindowPos(ImVec2(x0, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(float(width_) - x0 - 20 * k_, float(height_) - top - 150 * k_), ImGuiCond_Always);
    ImGui::Begin("##closing", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;

    // What the map already says, as prompts.
    std::vector<std::string> facts;
    std::map<Category, int> per_category;
    for (const Partner& p : d.partners)
        if (p.face_up && !p.missing) ++per_category[p.category];
    std::string empty;
    for (int c = 0; c < kCategoryCount; ++c)
        if (!per_category.count(Category(c)))
            empty += (empty.empty() ? "" : ", ") + strings_.get("category." + std::string(category_id(Category(c))));
    if (!empty.empty()) facts.push_back(strings_.format("closing.facts.empty_category", {empty}));
    const PatternsTable table = patterns(d);
    if (!d.priorities.empty() && !table.not_prioritised.empty()) {
        std::string names;
        for (size_t i = 0; i < table.not_prioritised.size() && i < 6; ++i)
            if (const Partner* p = d.partner(table.not_prioritised[i])) names += (names.empty() ? "" : ", ") + p->text;
        if (table.not_prioritised.size() > 6) names += ", \xE2\x80\xA6";
        facts.push_back(strings_.format("closing.facts.unprioritised", {names}));
    }
    for (int ring = 1; ring <= 4; ++ring) {
        int total = 0;
        std::map<Category, int> cats;
        for (const Partner& p : d.partners)
            if (p.face_up && !p.missing && p.ring == ring) ++total, ++cats[p.category];
        for (const auto& [cat, n] : cats)
            if (total >= 4 && n * 2 > total)
                facts.push_back(strings_.format("closing.facts.crowded",
                                                {std::to_string(n), std::to_string(total), strings_.get("board.ring." + std::to_string(ring)),
                                                 strings_.get("category." + std::string(category_id(cat)))}));
    }
    if (!facts.empty()) {
        ImGui::PushFont(fonts_.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        for (const std::string& f : facts) ImGui::TextColored(ImColor(colour::kAccent), "\xE2\x80\xA2 %s", f.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }

    // The seven questions as chips (a check once answered); the open one shows its text
    // and its answer field. A tap on closing.<id> opens it and puts the cursor there.
    float line_w = 0;
    int number = 0;
    for (std::string_view q : method::kClosingQuestions) {
        const std::string id = "closing." + std::string(q);
        const std::string label = std::to_string(++number) + (d.answer(q) ? " \xE2\x9C\x93" : "");
        const float bw = 86 * k_;
        if (line_w > 0 && line_w + bw < w) ImGui::SameLine();
        else line_w = 0;
        line_w += bw + ImGui::GetStyle().ItemSpacing.x;
        const bool open = closing_open_ == q;
        if (open) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(bw, 56 * k_));
        if (open) pop_primary_button();
        targets_.control(id, item_rect());
        if (pressed) {
            closing_open_ = std::string(q);
            focus_field(id + ".answer");
        }
    }
    if (method::is_closing_question(closing_open_)) {
        const std::string id = "closing." + closing_open_;
        ImGui::PushFont(fonts_.bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(strings_.get(id + ".question").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const ClosingAnswer* a = d.answer(closing_open_);
        const std::string qid = closing_open_;
        text_field(id + ".answer", a ? a->text : std::string(), w, true,
                   [qid](const std::string& t) -> Action { return act::SetClosingAnswer{qid, t}; },
                   strings_.get(id + ".hint").c_str());
        if (closing_open_ == "ontbrekend") {
            if (ImGui::Button(("+ " + strings_.get("missing.add") + "##missing.add").c_str(), ImVec2(0, 56 * k_))) {
                commit_editing();
                // A dashed "ontbrekend" post-it in the left lane, typed like any other.
                start_editing(0, geo::free_lane_slot(d, Side::Left), 0, {});
                adding_missing_ = true;
            }
            targets_.control("missing.add", item_rect());
        }
    }

    ImGui::Spacing();
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(strings_.get("actions.title").c_str());
    ImGui::PopFont();
    const float cw = (w - 2 * ImGui::GetStyle().ItemSpacing.x - 60 * k_) / 4;
    for (const ActionItem& it : d.actions) {
        const std::string n = "action." + std::to_string(it.id);
        const ActionItem copy = it;
        text_field(n + ".what", it.what, cw * 2, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, t, copy.who, copy.due}; },
                   strings_.get("actions.what").c_str());
        ImGui::SameLine();
        text_field(n + ".who", it.who, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, t, copy.due}; },
                   strings_.get("actions.who").c_str());
        ImGui::SameLine();
        text_field(n + ".due", it.due, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, copy.who, t}; },
                   strings_.get("actions.due").c_str());
        ImGui::SameLine();
        if (ImGui::Button(("\xC3\x97##" + n + ".remove").c_str(), ImVec2(50 * k_, 0)))
            session_->dispatch(act::RemoveActionItem{it.id});
        targets_.control(n + ".remove", item_rect());
    }
    if (ImGui::Button(("+ " + strings_.get("actions.add") + "##action.add").c_str(), ImVec2(0, 56 * k_))) {
        session_->dispatch(act::AddActionItem{});
        focus_field("action." + std::to_string(session_->current().actions.back().id) + ".what");
    }
    targets_.control("action.add", item_rect());
    targets_.panel(window_rect());
    ImGui::End();
}

}  // namespace nk::app
