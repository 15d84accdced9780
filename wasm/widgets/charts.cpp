#include "widgets/charts.hpp"

#include <algorithm>
#include <cmath>

#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet::widgets {
namespace {

using platform::display;

// The axis' top: four grid steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k, so the lines read well.
std::int64_t nice_top(std::int64_t largest, ChartUnit unit) {
    if (largest <= 0) return 4;
    const double raw = static_cast<double>(largest) / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (double multiple : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (multiple * magnitude >= raw) {
            step = multiple * magnitude;
            break;
        }
    if (unit == ChartUnit::Count) step = std::max(1.0, std::ceil(step));
    return static_cast<std::int64_t>(std::llround(step * 4.0));
}

std::string axis_figure(std::int64_t value, ChartUnit unit) {
    return unit == ChartUnit::Rupiah ? short_rupiah(value) : format_thousands(value);
}

std::string figure(std::int64_t value, ChartUnit unit) {
    return unit == ChartUnit::Rupiah ? format_rupiah(value) : format_thousands(value);
}

std::string joined_values(const ChartData& data, std::size_t slot) {
    std::string out;
    for (const ChartSeries& series : data.series) {
        if (!out.empty()) out += "/";
        out += std::to_string(slot < series.values.size() ? series.values[slot] : 0);
    }
    return out;
}

// The frame both slot charts share: reserves the space, draws the grid with its figures and the
// slot labels (every n-th when they would collide), and reports and explains each slot.
class SlotPlot {
public:
    SlotPlot(const ChartData& data, float height) : m_data(data) {
        std::int64_t largest = 0;
        for (const ChartSeries& series : data.series)
            for (std::int64_t value : series.values) largest = std::max(largest, value);
        m_top = nice_top(largest, data.unit);
        float axis_width = 0.f;
        for (int line = 0; line <= 4; ++line)
            axis_width = std::max(axis_width, ImGui::CalcTextSize(axis_figure(m_top * line / 4, data.unit).c_str()).x);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        ImGui::Dummy(ImVec2(width, height + ImGui::GetTextLineHeightWithSpacing()));
        m_left = origin.x + axis_width + display().px(10);
        m_right = origin.x + width;
        m_top_y = origin.y + display().px(8);
        m_bottom = origin.y + height - display().px(4);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (int line = 0; line <= 4; ++line) {
            const float y = m_bottom - (m_bottom - m_top_y) * float(line) / 4.f;
            draw->AddLine(ImVec2(m_left, y), ImVec2(m_right, y), colors::kBorder, display().px(1));
            const std::string amount = axis_figure(m_top * line / 4, data.unit);
            draw->AddText(ImVec2(origin.x, y - ImGui::GetFontSize() * 0.5f), colors::kMuted, amount.c_str());
        }
    }

    int count() const { return static_cast<int>(m_data.keys.size()); }
    float slot() const { return count() > 0 ? (m_right - m_left) / float(count()) : 0.f; }
    float centre(int index) const { return m_left + slot() * (float(index) + 0.5f); }
    float bottom() const { return m_bottom; }
    float y_of(std::int64_t value) const {
        return m_bottom - (m_bottom - m_top_y) * static_cast<float>(static_cast<double>(value) / static_cast<double>(m_top));
    }

    void draw_labels() const {
        float widest = 0.f;
        for (const std::string& label : m_data.labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
        const int every = std::max(1, static_cast<int>(std::ceil((widest + display().px(6)) / std::max(slot(), 1.f))));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (int i = 0; i < count(); ++i) {
            // Counted back from the newest slot, so the latest month always has its label.
            if ((count() - 1 - i) % every != 0) continue;
            const std::string& label = m_data.labels[static_cast<std::size_t>(i)];
            const float label_width = ImGui::CalcTextSize(label.c_str()).x;
            const float x = std::clamp(centre(i) - label_width * 0.5f, m_left, m_right - label_width);
            draw->AddText(ImVec2(x, m_bottom + display().px(6)), colors::kMuted, label.c_str());
        }
    }

    // Registry entry and tooltip of every slot; returns the hovered slot or -1.
    int report_slots(const std::string& id, const char* kind) const {
        int hovered = -1;
        for (int i = 0; i < count(); ++i) {
            const auto slot_index = static_cast<std::size_t>(i);
            const ImVec2 min(centre(i) - slot() * 0.5f, m_top_y), max(centre(i) + slot() * 0.5f, m_bottom);
            ui_registry::record_rect(kind, id + "." + m_data.keys[slot_index], m_data.labels[slot_index],
                                     joined_values(m_data, slot_index), min, max);
            if (!ImGui::IsMouseHoveringRect(min, max) || !ImGui::IsWindowHovered()) continue;
            hovered = i;
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(m_data.titles[slot_index].c_str());
            for (const ChartSeries& series : m_data.series) {
                const std::int64_t value = slot_index < series.values.size() ? series.values[slot_index] : 0;
                ImGui::TextUnformatted((series.label + ": " + figure(value, m_data.unit)).c_str());
            }
            ImGui::EndTooltip();
        }
        return hovered;
    }

    float top_y() const { return m_top_y; }

private:
    const ChartData& m_data;
    std::int64_t m_top = 1;
    float m_left = 0, m_right = 0, m_top_y = 0, m_bottom = 0;
};

}  // namespace

std::string short_rupiah(std::int64_t amount) {
    char text[32];
    auto scaled = [&](double value, const char* unit) {
        // One decimal only when it says something: "Rp 4 jt", "Rp 1,5 jt".
        if (std::fabs(value - std::round(value)) < 0.05) std::snprintf(text, sizeof text, "Rp %.0f %s", value, unit);
        else std::snprintf(text, sizeof text, "Rp %.1f %s", value, unit);
    };
    if (amount >= 1'000'000'000) scaled(static_cast<double>(amount) / 1e9, "M");
    else if (amount >= 1'000'000) scaled(static_cast<double>(amount) / 1e6, "jt");
    else if (amount >= 1'000) std::snprintf(text, sizeof text, "Rp %lld rb", static_cast<long long>(amount / 1000));
    else std::snprintf(text, sizeof text, "Rp %lld", static_cast<long long>(amount));
    std::string out = text;
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

ChartData period_chart(const std::vector<std::string>& periods, ChartUnit unit) {
    ChartData data;
    data.unit = unit;
    bool several_years = false;
    for (const std::string& period : periods) several_years |= period.substr(0, 4) != periods.front().substr(0, 4);
    for (const std::string& text : periods) {
        const auto period = parse_period(text);
        data.keys.push_back(text);
        if (!period) {
            data.labels.push_back(text);
            data.titles.push_back(text);
            continue;
        }
        std::string label = i18n::month_short(period->month);
        if (several_years && (period->month == 1 || data.labels.empty())) label += " '" + text.substr(2, 2);
        data.labels.push_back(label);
        data.titles.push_back(i18n::format_period(*period));
    }
    return data;
}

void chart_legend(const std::string& id, const std::vector<ChartSeries>& series) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float swatch = ImGui::GetFontSize() * 0.7f;
    for (std::size_t index = 0; index < series.size(); ++index) {
        if (index > 0) ImGui::SameLine(0, display().px(18));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float y = at.y + (ImGui::GetTextLineHeight() - swatch) * 0.5f;
        draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch), series[index].color, display().px(2));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + swatch + display().px(6));
        muted((id + "." + std::to_string(index)).c_str(), series[index].label);
    }
}

void bar_chart(const std::string& id, const ChartData& data, float height) {
    const SlotPlot plot(data, height);
    plot.draw_labels();
    const int series_count = static_cast<int>(data.series.size());
    if (plot.count() == 0 || series_count == 0) return;
    const float gap = display().px(2);
    const float bar = std::min(plot.slot() * 0.7f / float(series_count), display().px(18)) - gap;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < plot.count(); ++i) {
        float x = plot.centre(i) - (bar + gap) * float(series_count) * 0.5f + gap * 0.5f;
        for (const ChartSeries& series : data.series) {
            const std::int64_t value = static_cast<std::size_t>(i) < series.values.size() ? series.values[static_cast<std::size_t>(i)] : 0;
            if (value > 0)
                draw->AddRectFilled(ImVec2(x, plot.y_of(value)), ImVec2(x + bar, plot.bottom()), series.color, display().px(3),
                                    ImDrawFlags_RoundCornersTop);
            x += bar + gap;
        }
    }
    plot.report_slots(id, "bar");
}

void line_chart(const std::string& id, const ChartData& data, float height) {
    const SlotPlot plot(data, height);
    plot.draw_labels();
    if (plot.count() == 0) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int hovered = plot.report_slots(id, "point");
    if (hovered >= 0)
        draw->AddLine(ImVec2(plot.centre(hovered), plot.top_y()), ImVec2(plot.centre(hovered), plot.bottom()), colors::kBorder,
                      display().px(1));
    for (const ChartSeries& series : data.series) {
        std::vector<ImVec2> points;
        for (int i = 0; i < plot.count() && static_cast<std::size_t>(i) < series.values.size(); ++i)
            points.emplace_back(plot.centre(i), plot.y_of(series.values[static_cast<std::size_t>(i)]));
        if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), series.color, 0, display().px(2));
        const float radius = display().px(plot.slot() > display().px(14) ? 3.f : 2.f);
        for (const ImVec2& point : points) {
            draw->AddCircleFilled(point, radius + display().px(1), colors::kSurface);
            draw->AddCircleFilled(point, radius, series.color);
        }
    }
}

void horizontal_bars(const std::string& id, const std::vector<HorizontalBar>& bars) {
    const float width = ImGui::GetContentRegionAvail().x;
    float label_width = 0.f, figure_width = 0.f;
    std::int64_t largest = 1;
    for (const HorizontalBar& bar : bars) {
        label_width = std::max(label_width, ImGui::CalcTextSize(bar.label.c_str()).x);
        figure_width = std::max(figure_width, ImGui::CalcTextSize(bar.figure.c_str()).x);
        largest = std::max(largest, bar.value);
    }
    label_width = std::min(label_width, width * 0.38f);
    const float gap = display().px(12);
    // Narrow screens: label and figure on a line, the bar under them across the whole width.
    const bool stacked = width - label_width - figure_width - gap * 2 < width * 0.3f;
    const float bar_left_offset = stacked ? 0.f : label_width + gap;
    const float bar_room = stacked ? width : width - bar_left_offset - figure_width - gap;
    const float text_height = ImGui::GetTextLineHeight();
    const float bar_height = stacked ? display().px(8) : text_height;
    const float row_height = stacked ? text_height + bar_height + display().px(14) : text_height + display().px(12);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const HorizontalBar& bar : bars) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, row_height));
        const float text_y = stacked ? start.y + display().px(2) : start.y + (row_height - ImGui::GetFontSize()) * 0.5f;
        const float figure_x = start.x + width - ImGui::CalcTextSize(bar.figure.c_str()).x;
        const ImVec4 clip(start.x, start.y, stacked ? figure_x - gap : start.x + label_width, start.y + row_height);
        draw->AddText(nullptr, 0.f, ImVec2(start.x, text_y), colors::kText, bar.label.c_str(), nullptr, 0.f, &clip);
        draw->AddText(ImVec2(figure_x, text_y), colors::kText, bar.figure.c_str());
        const float left = start.x + bar_left_offset;
        const float top = stacked ? start.y + text_height + display().px(6) : start.y + (row_height - bar_height) * 0.5f;
        const float length = bar_room * static_cast<float>(static_cast<double>(bar.value) / static_cast<double>(largest));
        draw->AddRectFilled(ImVec2(left, top), ImVec2(left + bar_room, top + bar_height), colors::kNeutralSoft, display().px(3));
        if (bar.value > 0)
            draw->AddRectFilled(ImVec2(left, top), ImVec2(left + std::max(length, display().px(3)), top + bar_height), bar.color,
                                display().px(3));
        ui_registry::record("hbar", id + "." + bar.key, bar.label, std::to_string(bar.value));
    }
}

}  // namespace kimonet::widgets
