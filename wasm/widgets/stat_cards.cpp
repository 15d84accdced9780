#include "widgets/stat_cards.hpp"

#include <algorithm>

#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet::widgets {

namespace {

using platform::display;

void stat_card(const std::string& prefix, const StatCard& card, float width) {
    ImGui::PushID(card.id.c_str());
    if (begin_card("stat", width)) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 min = ImGui::GetWindowPos();
        draw->AddRectFilled(min, ImVec2(min.x + display().px(4), min.y + ImGui::GetWindowHeight()), card.accent, display().px(8),
                            ImDrawFlags_RoundCornersLeft);
        ImGui::PushTextWrapPos(0.f);  // narrow cards wrap their words (the card grows to fit)
        muted((prefix + ".label." + card.id).c_str(), card.label);
        ImGui::PushFont(display().fonts().title);
        text("stat", prefix + ".stat." + card.id, card.figure);
        ImGui::PopFont();
        if (!card.note.empty()) muted((prefix + ".note." + card.id).c_str(), card.note);
        ImGui::PopTextWrapPos();
    }
    end_card();
    ImGui::PopID();
}

}  // namespace

void stat_cards(const char* prefix, const std::vector<StatCard>& cards, int per_row) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float available = ImGui::GetContentRegionAvail().x;
    auto card_width = [&](int count) { return (available - spacing * float(count - 1)) / float(count); };
    ImGui::PushFont(display().fonts().title);
    std::vector<float> figures;
    for (const StatCard& card : cards) figures.push_back(ImGui::CalcTextSize(card.figure.c_str()).x + display().px(48));
    ImGui::PopFont();
    // Row by row: fewer cards to a row when a figure would not fit its card (phones, large amounts).
    for (std::size_t first = 0; first < cards.size();) {
        int count = std::min<int>(per_row, static_cast<int>(cards.size() - first));
        auto fits = [&](int n) {
            for (std::size_t i = first; i < first + static_cast<std::size_t>(n); ++i)
                if (figures[i] > card_width(n)) return false;
            return true;
        };
        while (count > 1 && !fits(count)) --count;
        for (int i = 0; i < count; ++i) {
            if (i > 0) ImGui::SameLine();
            stat_card(prefix, cards[first + static_cast<std::size_t>(i)], card_width(count));
        }
        first += static_cast<std::size_t>(count);
    }
}

}  // namespace kimonet::widgets
