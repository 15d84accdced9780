#include "views/view_reports.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "reports/report_rows.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/report_tabs.hpp"
#include "views/report_widgets.hpp"
#include "widgets/download_button.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

struct TabInfo {
    const char* label;      // catalogue key
    const char* api;        // /api/reports/<api>, /api/exports/reports/<api>.<format>
    const char* file_stem;  // saved as <stem>-<from>_<to>.<format>
};
constexpr TabInfo kTabs[] = {
    {"reports.tab.revenue", "revenue", "laporan-pendapatan"},
    {"reports.tab.customers", "customers", "laporan-pelanggan"},
    {"reports.tab.billing", "billing", "laporan-penagihan"},
    {"reports.tab.bhp_uso", "bhp-uso", "laporan-bhp-uso"},
};
constexpr int kTabCount = static_cast<int>(std::size(kTabs));

struct DataExport {
    const char* id;
    const char* label;       // catalogue key
    const char* permission;  // the export route's
    bool ranged;             // follows the range (invoices by billing month, payments by day paid)
    const char* file_stem;
};
constexpr DataExport kDataExports[] = {
    {"customers", "reports.export.customers", "customers.read", false, "pelanggan"},
    {"invoices", "reports.export.invoices", "invoices.read", true, "tagihan"},
    {"payments", "reports.export.payments", "payments.read", true, "pembayaran"},
};

Period months_before(Period period, int months) {
    while (months-- > 0) period = previous_period(period);
    return period;
}

int months_between(const Period& from, const Period& to) { return (to.year - from.year) * 12 + (to.month - from.month); }

// "XLSX" button of a fixed width, so "Mengunduh…" does not shift its neighbours.
float download_width() {
    return std::max(ImGui::CalcTextSize("XLSX").x, ImGui::CalcTextSize(tr("pdf.downloading")).x) + ImGui::GetStyle().FramePadding.x * 2;
}

// The print view of tab `tab` over `from`..`to`; report_table fills in its tables as they are drawn.
print_view::Document report_print_document(int tab, const Period& from, const Period& to) {
    print_view::Document document;
    document.title = std::string(tr("reports.title")) + " " + tr(kTabs[tab].label);
    document.subtitle = tr("print.issuer");
    document.facts = {{tr("print.report_range"), i18n::format_period(from) + " – " + i18n::format_period(to)}};
    return document;
}

}  // namespace

void ViewReports::enter(App&) {
    // Coming back shows fresh figures: every tab asks again.
    for (Slot& slot : m_slots) {
        ++slot.serial;  // answers still on their way are for the old figures
        slot.range.clear();
        slot.loading = slot.loaded = false;
        slot.error.clear();
    }
    load(m_tab);
}

std::string ViewReports::range_key() const { return m_current_month ? to_string(m_from) + "/" + to_string(m_to) : std::string(); }

std::string ViewReports::range_query() const {
    return m_current_month ? "?from=" + to_string(m_from) + "&to=" + to_string(m_to) : std::string();
}

void ViewReports::load(int tab) {
    Slot& slot = m_slots[static_cast<std::size_t>(tab)];
    // The BHP tab's figures also depend on the grouping (?per).
    const std::string per = tab == kBhpUso && m_current_month ? std::string("&per=") + m_bhp_panel.per() : std::string();
    const std::string key = range_key() + per;
    if (slot.range == key && (slot.loading || slot.loaded || !slot.error.empty())) return;
    slot.range = key;
    slot.loading = true;
    slot.error.clear();
    const int serial = ++slot.serial;
    api_client().get(std::string("/api/reports/") + kTabs[tab].api + range_query() + per, [this, tab, serial, key](const ApiResponse& response) {
        Slot& answered = m_slots[static_cast<std::size_t>(tab)];
        if (serial != answered.serial) return;  // the range changed since
        answered.loading = false;
        if (!response.ok()) {
            answered.error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        static const api::Json kNoData = api::Json::object();
        const auto data = response.body.find("data");
        const api::Json& report = data != response.body.end() ? *data : kNoData;
        reports::MonthRange range;
        if (tab == kRevenue) {
            m_revenue = api::revenue_report_from_json(report);
            range = m_revenue.range;
        } else if (tab == kCustomers) {
            m_customers = api::customer_report_from_json(report);
            range = m_customers.range;
        } else if (tab == kBilling) {
            m_billing = api::billing_report_from_json(report);
            range = m_billing.range;
        } else {
            m_bhp_uso = api::bhp_uso_report_from_json(report);
            range = m_bhp_uso.range;
        }
        const bool has_range = report.is_object() && report.contains("range");
        if (!m_current_month && has_range) {
            m_current_month = range.to;  // the server's default range ends with its current month
            if (!m_range_chosen) {
                m_from = range.from;
                m_to = range.to;
            }
        }
        answered.range = to_string(range.from) + "/" + to_string(range.to);
        if (tab == kBhpUso) answered.range = key.empty() ? answered.range + "&per=" + m_bhp_panel.per() : key;
        answered.loaded = true;
    });
}

std::string ViewReports::route() const {
    if (m_import.is_open()) return "reports/import";
    // The first tab over the server's default range is just the screen: #/reports.
    if (m_tab == kRevenue && !m_range_chosen) return "reports";
    std::string route = std::string("reports/") + kTabs[m_tab].api;
    if (m_range_chosen) route += "/" + to_string(m_from) + "/" + to_string(m_to);
    return route;
}

RouteOutcome ViewReports::open_subroute(App&, const std::vector<std::string>& rest) {
    m_import.close();
    return rest.empty() ? RouteOutcome::Opened : RouteOutcome::Unknown;
}

void ViewReports::open_import(App& app) {
    if (m_import.is_open()) return;
    m_import.open([this, &app](std::int64_t count) {
        app.toast_ok(i18n::tr_format("import.done", {{"count", std::to_string(count)}}));
        enter(app);  // every figure may have moved (customers, MRR, ARPU)
    });
}

bool ViewReports::open_route(const std::vector<std::string>& parts) {
    m_import.close();
    if (parts.empty()) return true;
    int tab = -1;
    for (int index = 0; index < kTabCount; ++index)
        if (parts[0] == kTabs[index].api) tab = index;
    if (tab < 0 || (parts.size() != 1 && parts.size() != 3)) return false;
    if (parts.size() == 3) {
        const auto from = parse_period(parts[1]), to = parse_period(parts[2]);
        if (!from || !to || *to < *from) return false;
        m_from = *from;
        m_to = *to;
        m_range_chosen = true;
    }
    m_tab = tab;
    load(m_tab);
    return true;
}

void ViewReports::set_range(Period from, Period to) {
    m_range_chosen = true;
    m_from = from;
    m_to = to;
}

void ViewReports::draw_range() {
    const bool compact = display().compact();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    std::vector<std::string> options;
    for (int back = 0; back < reports::kMaxReportMonths; ++back) {
        const Period period = months_before(*m_current_month, back);
        options.push_back(std::string(i18n::month_short(period.month)) + " " + std::to_string(period.year));
    }
    int from_index = months_between(m_from, *m_current_month), to_index = months_between(m_to, *m_current_month);
    bool changed = false;
    if (compact) {
        // Phones: both labels on one line, both pickers on the next, half the width each.
        const float half = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
        const float start = ImGui::GetCursorPosX();
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "reports.range.from.label", tr("reports.range.from"));
        ImGui::SameLine(start + half + spacing);
        widgets::text("text", "reports.range.to.label", tr("reports.range.to"));
        ImGui::PopFont();
        changed |= widgets::select_field("reports.range.from", "", options, from_index, {}, half, tr("reports.range.from"));
        ImGui::SameLine();
        changed |= widgets::select_field("reports.range.to", "", options, to_index, {}, half, tr("reports.range.to"));
    } else {
        ImGui::AlignTextToFramePadding();
        widgets::muted("reports.range.from.label", tr("reports.range.from"));
        ImGui::SameLine();
        changed |= widgets::select_field("reports.range.from", "", options, from_index, {}, display().px(120), tr("reports.range.from"));
        ImGui::SameLine();
        widgets::muted("reports.range.to.label", tr("reports.range.to"));
        ImGui::SameLine();
        changed |= widgets::select_field("reports.range.to", "", options, to_index, {}, display().px(120), tr("reports.range.to"));
        ImGui::SameLine(0, spacing * 2);
    }
    if (changed) set_range(months_before(*m_current_month, from_index), months_before(*m_current_month, to_index));

    const Period current = *m_current_month;
    struct Preset {
        const char* id;
        Period from, to;
    };
    const Preset presets[] = {
        {"reports.preset.last3", months_before(current, 2), current},
        {"reports.preset.last12", months_before(current, 11), current},
        {"reports.preset.this_year", Period{current.year, 1}, current},
        {"reports.preset.last_year", Period{current.year - 1, 1}, Period{current.year - 1, 12}},
    };
    const float half = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
    for (std::size_t index = 0; index < std::size(presets); ++index) {
        const Preset& preset = presets[index];
        if (index > 0 && (!compact || index % 2 == 1)) ImGui::SameLine();
        const bool chosen = m_from == preset.from && m_to == preset.to;
        const bool pressed = widgets::button(preset.id, tr(preset.id),
                                             chosen ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary, compact ? half : 0.f);
        ui_registry::set_pressed(chosen);  // the chosen range is told by more than its colour
        if (pressed) set_range(preset.from, preset.to);
    }
    const std::string summary = i18n::format_period(m_from) + " – " + i18n::format_period(m_to);
    if (!compact) {
        // Beside the presets when it fits, else on its own line.
        ImGui::SameLine(0, spacing * 2);
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(summary.c_str()).x) ImGui::NewLine();
        ImGui::AlignTextToFramePadding();
    }
    widgets::muted("reports.range.summary", summary);
}

void ViewReports::draw_downloads(App& app) {
    const bool compact = display().compact();
    const float width = compact ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.f : download_width();
    const std::string stem = std::string(kTabs[m_tab].file_stem) + "-" + to_string(m_from) + "_" + to_string(m_to);
    for (const char* format : {"xlsx", "csv", "pdf"}) {
        if (std::string_view(format) != "xlsx") ImGui::SameLine();
        std::string label = format;
        std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const std::string per = m_tab == kBhpUso ? std::string("&per=") + m_bhp_panel.per() : std::string();
        const std::string path = std::string("/api/exports/reports/") + kTabs[m_tab].api + "." + format + range_query() + per;
        if (widgets::download_button(std::string("reports.download.") + format, label.c_str(), path, stem + "." + format,
                                     widgets::ButtonStyle::Secondary, width)
                .failed_now)
            app.toast_error(tr("reports.download_failed"));
        ui_registry::name_with(std::string("reports.download.") + format, std::string(tr("reports.title")) + " " + tr(kTabs[m_tab].label));  // "XLSX Laporan Pendapatan"
    }
}

void ViewReports::draw_toolbar(App& app) {
    const bool compact = display().compact();
    std::vector<std::string> labels;
    for (const TabInfo& tab : kTabs) labels.push_back(tr(tab.label));
    tab_row("reports.tab", labels, m_tab);
    if (!m_current_month) return;  // the range and downloads wait for the server's current month
    if (!compact) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float downloads = download_width() * 3 + style.ItemSpacing.x * 3 + ImGui::CalcTextSize(tr("reports.download")).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - downloads));
        ImGui::AlignTextToFramePadding();
        widgets::muted("reports.download.label", tr("reports.download"));
        ImGui::SameLine();
        draw_downloads(app);
    }
    ImGui::Dummy(ImVec2(0, display().px(2)));
    draw_range();
    if (compact) {
        widgets::muted("reports.download.label", tr("reports.download"));
        draw_downloads(app);
    }
    ImGui::Dummy(ImVec2(0, display().px(4)));
}

void ViewReports::draw_exports(App& app) {
    if (widgets::begin_card("reports.exports")) {
        const bool compact = display().compact();
        ImGui::PushFont(display().fonts().strong);
        widgets::text("title", "reports.exports.title", tr("reports.exports"));
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0.f);
        widgets::muted("reports.exports.hint", tr("reports.exports_hint"));
        ImGui::PopTextWrapPos();
        const std::string range = range_query();
        const std::string suffix = "-" + to_string(m_from) + "_" + to_string(m_to);
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        for (const DataExport& data : kDataExports) {
            if (!app.user().can(data.permission)) continue;
            ImGui::AlignTextToFramePadding();
            widgets::text("text", std::string("reports.export.") + data.id + ".label", tr(data.label));
            if (!compact) ImGui::SameLine(display().px(170));
            for (const char* format : {"xlsx", "csv"}) {
                if (std::string_view(format) == "csv") ImGui::SameLine();
                const std::string id = std::string("reports.export.") + data.id + "." + format;
                const std::string path = std::string("/api/exports/") + data.id + "." + format + (data.ranged ? range : "");
                const std::string filename = std::string(data.file_stem) + (data.ranged ? suffix : "") + "." + format;
                std::string label = format;
                std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
                if (widgets::download_button(id, label.c_str(), path, filename, widgets::ButtonStyle::Secondary,
                                             compact ? half : download_width())
                        .failed_now)
                    app.toast_error(tr("reports.download_failed"));
                ui_registry::name_with(id, tr(data.label));  // "XLSX Pelanggan"
            }
        }
        if (app.user().can("customers.create")) {
            // A rule within the card's padding (ImGui's separator runs to the card's edges).
            ImGui::Dummy(ImVec2(0, display().px(4)));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y), widgets::colors::kBorder,
                                                display().px(1));
            ImGui::Dummy(ImVec2(0, display().px(6)));
            ImGui::PushTextWrapPos(0.f);
            widgets::muted("reports.import.hint", tr("reports.import_hint"));
            ImGui::PopTextWrapPos();
            if (widgets::button("reports.import", tr("reports.import"), widgets::ButtonStyle::Primary,
                                compact ? ImGui::GetContentRegionAvail().x : 0.f))
                open_import(app);
        }
    }
    widgets::end_card();
}

void ViewReports::draw(App& app) {
    draw_toolbar(app);
    const Slot& slot = m_slots[static_cast<std::size_t>(m_tab)];
    if (m_current_month && m_from > m_to) {
        widgets::banner("reports.range.error", tr("reports.range_order"), true);
    } else {
        if (m_tab == kBhpUso && m_current_month) {
            // A new grouping, or a deduction or rate saved: the figures are asked for again.
            if (m_bhp_panel.draw_grouping() || m_bhp_panel.take_changed()) {
                Slot& bhp = m_slots[kBhpUso];
                ++bhp.serial;
                bhp.range.clear();
                bhp.loaded = bhp.loading = false;
                bhp.error.clear();
            }
        }
        load(m_tab);
        if (!slot.error.empty()) widgets::banner("reports.error", slot.error, true);
        if (!slot.loaded) {
            if (slot.loading) widgets::muted("reports.loading", tr("common.loading"));
        } else {
            // The tab as drawn is also the print view (Ctrl+P prints the report's tables).
            print_view::Document printed = report_print_document(m_tab, m_from, m_to);
            collect_report_tables(&printed);
            if (m_tab == kRevenue) draw_revenue_report(m_revenue);
            else if (m_tab == kCustomers) draw_customers_report(m_customers);
            else if (m_tab == kBilling) draw_billing_report(app, m_billing);
            else m_bhp_panel.draw(app, m_bhp_uso);
            collect_report_tables(nullptr);
            if (!printed.tables.empty()) print_view::offer(printed);
        }
    }
    if (m_current_month) draw_exports(app);
    if (m_current_month) m_coretax.draw(app, *m_current_month);
    m_import.draw(app);
}

}  // namespace kimonet
