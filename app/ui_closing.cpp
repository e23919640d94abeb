// Phase 4 — Terug- en vooruitblik: the closing questions with a place for the answers,
// facts the map already shows as prompts, missing partners as dashed post-its, and the
// action list. Ids: closing.<id> (opens the question and focuses its answer field
// closing.<id>.answer), missing.add, action.add,
// action.N.what, action.N.who, action.N.due, action.N.remove.
#include <imgui.h>

#include <map>

#include "ui_closing.hpp"
#include "geometry.hpp"
#include "method.hpp"
#include "patterns.hpp"
#include "side_panel.hpp"
#include "theme.hpp"

namespace nk::app {
void Closing::draw(const Frame& f, Shell& shell) {
        const Document& d = f.doc;
    const float x0 = float(f.width) * 0.55f, top = 150 * f.k;
    place_side_panel(f, x0, top, 150 * f.k);
    ImGui::Begin("##closing", nullptr, kFixedPanelFlags);
    const float w = ImGui::GetContentRegionAvail().x;

    // What the map already says, as prompts.
    std::vector<std::string> facts;
    std::map<Category, int> per_category;
    for (const Partner& p : d.partners)
        if (p.face_up && !p.missing) ++per_category[p.category];
    std::string empty;
    for (int c = 0; c < kKindCount; ++c)  // the named kinds: "not sorted yet" is none
        if (!per_category.count(Category(c)))
            empty += (empty.empty() ? "" : ", ") + f.strings.get("category." + std::string(category_id(Category(c))));
    if (!empty.empty()) facts.push_back(f.strings.format("closing.facts.empty_category", {empty}));
    if (const auto it = per_category.find(Category::Ongesorteerd); it != per_category.end())
        facts.push_back(f.strings.format("closing.facts.unsorted", {std::to_string(it->second)}));
    const PatternsTable table = patterns(d);
    if (!d.priorities.empty() && !table.not_prioritised.empty()) {
        std::string names;
        for (size_t i = 0; i < table.not_prioritised.size() && i < 6; ++i)
            if (const Partner* p = d.partner(table.not_prioritised[i])) names += (names.empty() ? "" : ", ") + p->text;
        if (table.not_prioritised.size() > 6) names += ", \xE2\x80\xA6";
        facts.push_back(f.strings.format("closing.facts.unprioritised", {names}));
    }
    for (int ring = 1; ring <= 4; ++ring) {
        int total = 0;
        std::map<Category, int> cats;
        for (const Partner& p : d.partners)
            if (p.face_up && !p.missing && p.ring == ring) ++total, ++cats[p.category];
        for (const auto& [cat, n] : cats)
            if (total >= 4 && n * 2 > total && is_sorted(cat))
                facts.push_back(f.strings.format("closing.facts.crowded",
                                                {std::to_string(n), std::to_string(total), f.strings.get("board.ring." + std::to_string(ring)),
                                                 f.strings.get("category." + std::string(category_id(cat)))}));
    }
    if (!facts.empty()) {
        ImGui::PushFont(f.fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        for (const std::string& fact : facts) ImGui::TextColored(ImColor(colour::kAccent), "\xE2\x80\xA2 %s", fact.c_str());
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
        const float bw = 86 * f.k;
        if (line_w > 0 && line_w + bw < w) ImGui::SameLine();
        else line_w = 0;
        line_w += bw + ImGui::GetStyle().ItemSpacing.x;
        const bool open = open_ == q;
        if (open) push_primary_button();
        const bool pressed = ImGui::Button((label + "##" + id).c_str(), ImVec2(bw, 56 * f.k));
        if (open) pop_primary_button();
        shell.layout().control(id, item_rect());
        if (pressed) {
            open_ = std::string(q);
            shell.focus_field(id + ".answer");
        }
    }
    if (method::is_closing_question(open_)) {
        const std::string id = "closing." + open_;
        ImGui::PushFont(f.fonts.bold);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(f.strings.get(id + ".question").c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const ClosingAnswer* a = d.answer(open_);
        const std::string qid = open_;
        shell.text_field(id + ".answer", a ? a->text : std::string(), w, true,
                   [qid](const std::string& t) -> Action { return act::SetClosingAnswer{qid, t}; },
                   f.strings.get(id + ".hint").c_str());
        if (open_ == "ontbrekend") {
            if (ImGui::Button(("+ " + f.strings.get("missing.add") + "##missing.add").c_str(), ImVec2(0, 56 * f.k))) {
                // A dashed "ontbrekend" post-it in the left lane, typed like any other.
                shell.edit_note({0, geo::free_lane_slot(d, Side::Left), 0, true}, {});
            }
            shell.layout().control("missing.add", item_rect());
        }
    }

    ImGui::Spacing();
    ImGui::PushFont(f.fonts.bold);
    ImGui::TextUnformatted(f.strings.get("actions.title").c_str());
    ImGui::PopFont();
    const float cw = (w - 2 * ImGui::GetStyle().ItemSpacing.x - 60 * f.k) / 4;
    for (const ActionItem& it : d.actions) {
        const std::string n = "action." + std::to_string(it.id);
        const ActionItem copy = it;
        shell.text_field(n + ".what", it.what, cw * 2, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, t, copy.who, copy.due}; },
                   f.strings.get("actions.what").c_str());
        ImGui::SameLine();
        shell.text_field(n + ".who", it.who, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, t, copy.due}; },
                   f.strings.get("actions.who").c_str());
        ImGui::SameLine();
        shell.text_field(n + ".due", it.due, cw, false,
                   [copy](const std::string& t) -> Action { return act::SetActionItem{copy.id, copy.what, copy.who, t}; },
                   f.strings.get("actions.due").c_str());
        ImGui::SameLine();
        if (ImGui::Button(("\xC3\x97##" + n + ".remove").c_str(), ImVec2(50 * f.k, 0)))
            shell.dispatch(act::RemoveActionItem{it.id});
        shell.layout().control(n + ".remove", item_rect());
    }
    if (ImGui::Button(("+ " + f.strings.get("actions.add") + "##action.add").c_str(), ImVec2(0, 56 * f.k))) {
        // The new item's id is the next one now: its first field takes the focus.
        shell.focus_field("action." + std::to_string(d.next_action_id()) + ".what");
        shell.dispatch(act::AddActionItem{});
    }
    shell.layout().control("action.add", item_rect());
    shell.layout().panel("closing", window_rect());
    ImGui::End();
}

}  // namespace nk::app
