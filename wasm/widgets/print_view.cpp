#include "widgets/print_view.hpp"

#include <optional>

namespace kimonet::print_view {
namespace {

PageSink g_sink;
std::optional<std::string> g_offered;  // this frame's
std::string g_shown;                   // what the page holds

const char* layout_name(Layout layout) { return layout == Layout::Thermal58 ? "thermal58" : "a4"; }

}  // namespace

api::Json to_json(const Document& document) {
    api::Json facts = api::Json::array();
    for (const auto& [label, value] : document.facts) facts.push_back({{"label", label}, {"value", value}});
    api::Json totals = api::Json::array();
    for (const auto& [label, value] : document.totals) totals.push_back({{"label", label}, {"value", value}});
    api::Json tables = api::Json::array();
    for (const Table& table : document.tables)
        tables.push_back({{"title", table.title}, {"columns", table.columns}, {"rows", table.rows}});
    return {{"layout", layout_name(document.layout)}, {"title", document.title}, {"subtitle", document.subtitle},
            {"stamp", document.stamp}, {"facts", std::move(facts)}, {"tables", std::move(tables)},
            {"totals", std::move(totals)}, {"notes", document.notes}};
}

void offer(const Document& document) { g_offered = to_json(document).dump(); }

void print_now(const Document& document) {
    if (g_sink.print) g_sink.print(to_json(document).dump());
}

void end_frame() {
    std::string offered = g_offered.value_or(std::string());
    g_offered.reset();
    if (offered == g_shown) return;
    g_shown = std::move(offered);
    if (g_sink.show) g_sink.show(g_shown);
}

void install_page_sink(PageSink sink) { g_sink = sink; }

const std::string& last_offered() { return g_shown; }

}  // namespace kimonet::print_view
