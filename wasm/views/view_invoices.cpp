#include "views/view_invoices.hpp"

#include <algorithm>

#include "addresses.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/billing_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using billing::InvoiceStatus;
using i18n::tr;
using platform::display;

constexpr double kDebounceSeconds = 0.4;
constexpr InvoiceStatus kInvoicesStatuses[] = {InvoiceStatus::Unpaid, InvoiceStatus::Partial, InvoiceStatus::Paid, InvoiceStatus::Void};
enum Column { kNumber, kCustomer, kPeriod, kDueDate, kTotal, kOutstanding, kStatus, kColumnCount };

std::string row_id(const api::InvoiceResource& record, const char* column) { return "invoices." + record.invoice.invoice_no + "." + column; }

std::string this_period() {
    return to_string(period_of(local_from_unix(static_cast<std::int64_t>(platform::now_unix_seconds()), i18n::time_zone()).date));
}

// A cell that opens the invoice: the number in the accent colour, clickable like a link (and in the
// page a link to the invoice's address, which opens in a new tab too).
bool link_cell(const std::string& id, const api::InvoiceResource& record) {
    widgets::text("cell", id, record.invoice.invoice_no, widgets::colors::kAccent);
    ui_registry::set_href(invoice_address(record.invoice.id));
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return ImGui::IsItemClicked();
}

}  // namespace

void ViewInvoices::enter(App& app) {
    m_notice.clear();
    reload();
    if (app.user().can("invoices.create")) load_open_run();
}

void ViewInvoices::load_open_run() {
    api_client().get("/api/invoice-runs", [this](const ApiResponse& response) {
        m_open_run = {};
        if (!response.ok()) return;
        const auto data = response.body.find("data");
        if (data == response.body.end() || !data->is_array()) return;
        for (const auto& row : *data) {
            auto run = api::invoice_run_from_json(row);
            if (run.status == "prepared" || run.status == "approving") {
                m_open_run = std::move(run);
                return;
            }
        }
    });
}

void ViewInvoices::open_run(std::int64_t run_id) {
    m_generate.close();
    m_run.open(run_id, [this] {
        m_list.first_page();
        reload();
        load_open_run();
    });
}

void ViewInvoices::reload() {
    std::string filters;
    if (parse_period(m_period)) filters += "&period=" + m_period;
    if (m_status_filter > 0) filters += "&status=" + std::string(billing::to_string(kInvoicesStatuses[m_status_filter - 1]));
    if (m_overdue_only) filters += "&overdue=true";
    m_list.load(filters, [this](const ApiResponse& response) { m_invoices = api::invoice_resources_from_list(response.body); });
}

void ViewInvoices::open_invoice(const api::InvoiceResource& record) {
    m_detail.open(record.invoice.id, [this] { reload(); });
}

void ViewInvoices::open_by_id(std::int64_t invoice_id) {
    m_detail.open(invoice_id, [this] { reload(); });
}

std::string ViewInvoices::route() const {
    if (m_generate.is_open()) return "invoices/generate";
    if (m_run.is_open()) return "invoices/runs/" + std::to_string(m_run.run_id());
    const std::string detail = m_detail.route();
    return detail.empty() ? std::string("invoices") : "invoices/" + detail;
}

bool ViewInvoices::open_route(const std::vector<std::string>& parts) {
    if (parts.empty()) {
        m_detail.close();
        m_generate.close();
        m_run.close();
        return true;
    }
    return m_detail.open_route(parts, [this] { reload(); });
}

void ViewInvoices::open_generate() {
    const std::string period = parse_period(m_period) ? m_period : this_period();
    m_generate.open(period, [this](const std::string& generated) {
        m_period = generated;
        m_list.first_page();
        m_notice = i18n::tr_format("invoices.generated", {{"period", format_period_indonesian(*parse_period(generated))}});
        reload();
    }, [this](std::int64_t run_id) {
        load_open_run();
        open_run(run_id);
    });
}

void ViewInvoices::draw_toolbar(App& app) {
    const bool compact = display().compact();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float full = ImGui::GetContentRegionAvail().x;
    std::vector<std::string> statuses{tr("invoices.status_all")};
    for (InvoiceStatus status : kInvoicesStatuses) statuses.push_back(invoice_status_label(status));

    const float half = (full - spacing) * 0.5f;
    if (widgets::text_field("invoices.period", "", m_period, {}, 0, tr("invoices.period_hint"), compact ? half : display().px(170)))
        m_period_changed_at = ImGui::GetTime();
    ImGui::SameLine();
    if (widgets::select_field("invoices.status_filter", "", statuses, m_status_filter, {}, compact ? half : display().px(180),
                              tr("invoices.col.status"))) {
        m_list.first_page();
        reload();
    }
    if (!compact) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (widgets::checkbox("invoices.overdue", tr("invoices.overdue_only"), m_overdue_only)) {
        m_list.first_page();
        reload();
    }
    if (app.user().can("invoices.create")) {
        const char* label = tr("invoices.generate");
        const float width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        if (widgets::button("invoices.generate", label, widgets::ButtonStyle::Primary, compact ? full : 0.f)) open_generate();
    }
}

void ViewInvoices::draw_table() {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float pager_height = widgets::pager_height();
    if (!widgets::begin_table("invoices.table",
                              {{tr("invoices.col.number"), 1.5f}, {tr("invoices.col.customer"), 2.0f}, {tr("invoices.col.period"), 1.1f},
                               {tr("invoices.col.due_date"), 1.3f}, {tr("invoices.col.total"), 1.1f},
                               {tr("invoices.col.outstanding"), 1.1f}, {tr("invoices.col.status"), 1.45f}},
                              flags, -pager_height))
        return;
    const api::InvoiceResource* clicked = nullptr;
    for (const api::InvoiceResource& record : m_invoices) {
        const billing::Invoice& invoice = record.invoice;
        ImGui::PushID(static_cast<int>(invoice.id));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableSetColumnIndex(kNumber);
        ImGui::AlignTextToFramePadding();
        if (link_cell(row_id(record, "number"), record)) clicked = &record;
        ImGui::TableSetColumnIndex(kCustomer);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row_id(record, "customer"), record.customer_name);
        ImGui::SameLine();
        widgets::muted(row_id(record, "service_number").c_str(), record.service_number);
        ImGui::TableSetColumnIndex(kPeriod);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row_id(record, "period"), to_string(invoice.period));
        ImGui::TableSetColumnIndex(kDueDate);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row_id(record, "due_date"), i18n::format_date(invoice.due_date),
                      record.overdue ? widgets::colors::kDanger : 0);
        ImGui::TableSetColumnIndex(kTotal);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row_id(record, "total"), format_rupiah(invoice.totals.total));
        ImGui::TableSetColumnIndex(kOutstanding);
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row_id(record, "outstanding"), format_rupiah(invoice.outstanding()));
        ImGui::TableSetColumnIndex(kStatus);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.5f);
        invoice_status_badge(row_id(record, "status"), invoice.status, record.overdue);
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (clicked) open_invoice(*clicked);
}

void ViewInvoices::draw_cards() {
    const float pager_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() +
                               ImGui::GetStyle().ItemSpacing.y + display().px(8);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("invoices.cards", ImVec2(0, -pager_height), false);
    ImGui::PopStyleColor();
    const api::InvoiceResource* clicked = nullptr;
    for (const api::InvoiceResource& record : m_invoices) {
        const billing::Invoice& invoice = record.invoice;
        ImGui::PushID(static_cast<int>(invoice.id));
        if (widgets::begin_card("card")) {
            if (link_cell(row_id(record, "number"), record)) clicked = &record;
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display().px(110));
            invoice_status_badge(row_id(record, "status"), invoice.status, record.overdue);
            ImGui::PushFont(display().fonts().strong);
            widgets::text("cell", row_id(record, "customer"), record.customer_name);
            ImGui::PopFont();
            widgets::muted(row_id(record, "due_date").c_str(),
                           i18n::tr_format("invoices.due_on", {{"date", i18n::format_date(invoice.due_date)}}));
            const std::string total = format_rupiah(invoice.totals.total);
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(total.c_str()).x);
            widgets::text("cell", row_id(record, "total"), total);
            if (widgets::button(row_id(record, "open").c_str(), tr("invoices.open"), widgets::ButtonStyle::Secondary,
                                ImGui::GetContentRegionAvail().x))
                clicked = &record;
            ui_registry::name_with(row_id(record, "open"), invoice.invoice_no);
        }
        widgets::end_card();
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (clicked) open_invoice(*clicked);
}

void ViewInvoices::draw_pager() {
    if (m_list.pager("invoices")) reload();
}

void ViewInvoices::draw(App& app) {
    if (m_period_changed_at > 0 && ImGui::GetTime() - m_period_changed_at >= kDebounceSeconds) {
        m_period_changed_at = 0;
        // Only a complete period (or none) filters; half-typed text waits.
        if (m_period.empty() || parse_period(m_period)) {
            m_list.first_page();
            reload();
        }
    }
    draw_toolbar(app);
    if (!m_notice.empty()) widgets::banner("invoices.notice", m_notice, false);
    if (m_open_run.id > 0 && !m_run.is_open()) {
        const auto period = parse_period(m_open_run.period);
        widgets::banner("invoices.open_run",
                        i18n::tr_format("invoice_run.waiting", {{"period", period ? i18n::format_period(*period) : m_open_run.period},
                                                                {"count", std::to_string(m_open_run.invoice_count)}}),
                        false);
        if (widgets::button("invoices.open_run.open", tr("invoice_run.open"), widgets::ButtonStyle::Primary)) open_run(m_open_run.id);
    }
    if (!m_list.error().empty()) widgets::banner("invoices.error", m_list.error(), true);
    if (m_list.loaded() && m_invoices.empty() && !m_list.loading()) widgets::muted("invoices.empty", tr("invoices.empty"));
    else if (!m_list.loaded()) widgets::muted("invoices.loading", tr("common.loading"));
    if (display().compact()) draw_cards();
    else draw_table();
    draw_pager();
    m_generate.draw();
    m_run.draw(app);
    m_detail.draw(app);
}

}  // namespace kimonet
