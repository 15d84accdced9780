#pragma once
// Charts drawn with the window's draw list: grouped vertical bars per slot (billed vs collected
// per month), lines per slot (customers per month) and labelled horizontal bars (receivable
// aging). Every slot reports itself to the registry — kind "bar", "point" or "hbar", id
// "<id>.<key>", value = the series' raw values joined by "/" — so tests compare them with the API.
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"

namespace kimonet::widgets {

enum class ChartUnit { Rupiah, Count };

struct ChartSeries {
    std::string label;  // legend and tooltip
    ImU32 color;
    std::vector<std::int64_t> values;  // one per slot
};

struct ChartData {
    std::vector<std::string> keys;    // one per slot, the registry id suffix ("2026-01")
    std::vector<std::string> labels;  // under the axis ("Jan")
    std::vector<std::string> titles;  // tooltip heading ("Januari 2026")
    std::vector<ChartSeries> series;
    ChartUnit unit = ChartUnit::Rupiah;
};

// Slots for months "YYYY-MM": short labels ("Jan", "Jan '26" where a year starts) and full titles.
ChartData period_chart(const std::vector<std::string>& periods, ChartUnit unit);

// Colour swatch + label per series, on one line. Registry ids "<id>.<index>".
void chart_legend(const std::string& id, const std::vector<ChartSeries>& series);
// `height` is the plot's; the month labels go underneath. Hovering a slot shows its figures.
void bar_chart(const std::string& id, const ChartData& data, float height);
void line_chart(const std::string& id, const ChartData& data, float height);

struct HorizontalBar {
    std::string key;     // registry id suffix
    std::string label;   // left of the bar
    std::int64_t value;  // the bar's length (against the largest)
    std::string figure;  // right of the bar
    ImU32 color;
};
void horizontal_bars(const std::string& id, const std::vector<HorizontalBar>& bars);

// "Rp 1,2 jt", "Rp 350 rb": compact amounts for axes.
std::string short_rupiah(std::int64_t amount);

}  // namespace kimonet::widgets
