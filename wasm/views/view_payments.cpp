#include "views/view_payments.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/billing_widgets.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPicker = "payment_picker";
enum Column { kReceipt, kPaidAt, kInvoice, kCustomer, kMethod, kAmount, kRecordedBy, kColumnCount };

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string row_id(const api::PaymentResource& listed, const char* column) { return "payments." + listed.payment.receipt_no + "." + column; }

std::string invoice_label(const api::PaymentResource& listed) {
    return listed.invoice_no.empty() ? "#" + std::to_string(listed.payment.invoice_id) : listed.invoice_no;
}
std::string customer_label(const api::PaymentResource& listed) {
    return listed.customer_name.empty() ? std::string(tr("common.none")) : listed.customer_name;
}

}  // namespace

void ViewPayments::enter(App&) {
    m_notice.clear();
    reload();
    if (m_tab == 1) m_gateway.enter();
}

void ViewPayments::reload() {
    m_list.load({}, [this](const ApiResponse& response) { m_payments = api::payment_resources_from_list(response.body); });
}

void ViewPayments::load_open_invoices() {
    // There is no text search on /api/invoices: the open (unpaid + partial) invoices are fetched and
    // filtered here by number, customer name or nomor layanan.
    m_open_invoices.clear();
    m_open_loading = true;
    auto pending = std::make_shared<int>(2);
    for (const char* status : {"unpaid", "partial"}) {
        api_client().get(std::string("/api/invoices?per_page=500&status=") + status, [this, pending](const ApiResponse& response) {
            if (response.ok())
                for (api::InvoiceResource& record : api::invoice_resources_from_list(response.body)) m_open_invoices.push_back(std::move(record));
            if (--*pending == 0) {
                m_open_loading = false;
                std::sort(m_open_invoices.begin(), m_open_invoices.end(), [](const api::InvoiceResource& a, const api::InvoiceResource& b) {
                    return a.invoice.invoice_no > b.invoice.invoice_no;
                });
            }
        });
    }
}

void ViewPayments::draw_table() {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float pager_height = widgets::pager_height();
    if (!widgets::begin_table("payments.table",
                              {{tr("payments.col.receipt"), 1.5f}, {tr("payments.col.paid_at"), 1.6f}, {tr("payments.col.invoice"), 1.5f},
                               {tr("payments.col.customer"), 1.6f}, {tr("payments.col.method"), 1.1f}, {tr("payments.col.amount"), 1.1f},
                               {tr("payments.col.recorded_by"), 1.0f}},
                              flags, -pager_height))
        return;
    for (const api::PaymentResource& listed : m_payments) {
        const payments::Payment& payment = listed.payment;
        ImGui::PushID(static_cast<int>(payment.id));
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        auto cell = [](int column) {
            ImGui::TableSetColumnIndex(column);
            ImGui::AlignTextToFramePadding();
        };
        cell(kReceipt);
        widgets::text("cell", row_id(listed, "receipt"), payment.receipt_no, widgets::colors::kAccent);
        cell(kPaidAt);
        widgets::text("cell", row_id(listed, "paid_at"), format_paid_at(listed));
        cell(kInvoice);
        widgets::text("cell", row_id(listed, "invoice"), invoice_label(listed));
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsItemClicked()) m_detail.open(payment.invoice_id, [this] { reload(); });
        cell(kCustomer);
        widgets::text("cell", row_id(listed, "customer"), customer_label(listed));
        cell(kMethod);
        widgets::text("cell", row_id(listed, "method"), payment_method_label(payment.method));
        cell(kAmount);
        widgets::text("cell", row_id(listed, "amount"), format_rupiah(payment.amount));
        cell(kRecordedBy);
        widgets::text("cell", row_id(listed, "recorded_by"), payment.recorded_by.empty() ? tr("common.none") : payment.recorded_by,
                      widgets::colors::kMuted);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ViewPayments::draw_cards() {
    const float pager_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() +
                               ImGui::GetStyle().ItemSpacing.y + display().px(8);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, widgets::colors::kBackground);
    ImGui::BeginChild("payments.cards", ImVec2(0, -pager_height), false);
    ImGui::PopStyleColor();
    for (const api::PaymentResource& listed : m_payments) {
        const payments::Payment& payment = listed.payment;
        ImGui::PushID(static_cast<int>(payment.id));
        if (widgets::begin_card("card")) {
            widgets::text("cell", row_id(listed, "receipt"), payment.receipt_no, widgets::colors::kAccent);
            const std::string amount = format_rupiah(payment.amount);
            ImGui::PushFont(display().fonts().strong);
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(amount.c_str()).x);
            widgets::text("cell", row_id(listed, "amount"), amount);
            ImGui::PopFont();
            widgets::text("cell", row_id(listed, "customer"), customer_label(listed));
            widgets::muted(row_id(listed, "invoice").c_str(),
                           (invoice_label(listed)) + " · " +
                               payment_method_label(payment.method));
            widgets::muted(row_id(listed, "paid_at").c_str(), format_paid_at(listed));
        }
        widgets::end_card();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void ViewPayments::draw_pager() {
    if (m_list.pager("payments")) reload();
}

void ViewPayments::open_picker() {
    m_picker_search.clear();
    m_picker_requested = true;
    m_picker_close = false;
    load_open_invoices();
}

void ViewPayments::draw_picker() {
    if (m_picker_requested) {
        ImGui::OpenPopup(kPicker);
        m_picker_requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool compact = display().compact();
    if (compact) {
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(viewport->Size);
    } else {
        ImGui::SetNextWindowSize(ImVec2(std::min(display().px(620), viewport->Size.x - display().px(48)),
                                        std::min(display().px(560), viewport->Size.y - display().px(48))));
        ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(display().px(24), display().px(20)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, compact ? 0.f : display().px(10));
    const bool open = ImGui::BeginPopupModal(kPicker, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar(2);
    m_picker_visible = open;
    if (!open) return;
    if (std::exchange(m_picker_close, false)) {
        m_picker_visible = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    widgets::title("payment_picker.title", tr("picker.title"));
    widgets::text_field("payment_picker.search", "", m_picker_search, {}, 0, tr("picker.search_hint"));
    const float footer = ImGui::GetFrameHeightWithSpacing() + display().px(8);
    ImGui::BeginChild("payment_picker.list", ImVec2(0, -footer), true);
    const std::string needle = lowercase(m_picker_search);
    int shown = 0;
    for (const api::InvoiceResource& record : m_open_invoices) {
        const std::string haystack = lowercase(record.invoice.invoice_no + " " + record.customer_name + " " + record.service_number);
        if (!needle.empty() && haystack.find(needle) == std::string::npos) continue;
        if (++shown > 100) break;  // the search narrows it further
        ImGui::PushID(static_cast<int>(record.invoice.id));
        const std::string label = record.invoice.invoice_no + "  ·  " + record.customer_name + " (" + record.service_number + ")";
        const std::string amount = format_rupiah(record.invoice.outstanding());
        const ImVec2 start = ImGui::GetCursorPos();
        if (ImGui::Selectable("##pick", false, 0, ImVec2(0, ImGui::GetFrameHeight()))) {
            m_pay_invoice_id = record.invoice.id;
            m_picker_visible = false;
            ImGui::CloseCurrentPopup();
        }
        ui_registry::record("button", "payment_picker." + record.invoice.invoice_no, label);
        ImGui::SetCursorPos(ImVec2(start.x, start.y + ImGui::GetStyle().FramePadding.y));
        widgets::text("text", "payment_picker." + record.invoice.invoice_no + ".label", label);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(amount.c_str()).x);
        widgets::text("text", "payment_picker." + record.invoice.invoice_no + ".outstanding", amount, widgets::colors::kMuted);
        ImGui::PopID();
    }
    if (m_open_loading) widgets::muted("payment_picker.loading", tr("common.loading"));
    else if (shown == 0) widgets::muted("payment_picker.empty", tr("picker.empty"));
    ImGui::EndChild();
    const float width = compact ? ImGui::GetContentRegionAvail().x : display().px(120);
    if (!compact) ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
    if (widgets::button("payment_picker.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, width) ||
        widgets::dialog_escape()) {
        m_picker_visible = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

std::string ViewPayments::route() const {
    if (m_tab == 1) {
        const std::string status = m_gateway.status_route();
        return status.empty() ? std::string("payments/gateway") : "payments/gateway/" + status;
    }
    return m_picker_requested || (m_picker_visible && !m_picker_close) ? "payments/record" : "payments";
}

RouteOutcome ViewPayments::open_subroute(App& app, const std::vector<std::string>& rest) {
    int tab = 0;
    const bool record = rest.size() == 1 && rest[0] == "record";
    // #/payments/gateway/pending: the online payments tab with its status filter.
    const bool gateway = !rest.empty() && rest.size() <= 2 && rest[0] == "gateway";
    if (gateway && !m_gateway.choose_status(rest.size() == 2 ? rest[1] : std::string(), m_tab == 1)) return RouteOutcome::Unknown;
    if (gateway) tab = 1;
    else if (record && !app.user().can("payments.create")) return RouteOutcome::Forbidden;
    else if (!rest.empty() && !record) return RouteOutcome::Unknown;
    if (record && route() != "payments/record") open_picker();
    if (!record && (m_picker_requested || m_picker_visible)) {
        m_picker_requested = false;
        m_picker_close = m_picker_visible;
    }
    if (tab == m_tab) return RouteOutcome::Opened;
    m_tab = tab;
    if (m_tab == 1) m_gateway.enter();
    else reload();
    return RouteOutcome::Opened;
}

void ViewPayments::draw(App& app) {
    int tab = m_tab;
    if (tab_row("payments.tabs", {tr("payments.tab.payments"), tr("payments.tab.gateway")}, tab) && tab != m_tab) {
        m_tab = tab;
        if (m_tab == 1) m_gateway.enter();
        else reload();
    }
    if (m_tab == 1) m_gateway.draw(app);
    else draw_payments(app);
}

void ViewPayments::draw_payments(App& app) {
    if (m_pay_invoice_id > 0) {
        // Opened outside the picker's Begin/End so the invoice modal replaces it instead of nesting.
        m_detail.open(m_pay_invoice_id, [this] { reload(); }, ViewInvoiceDetail::Panel::Payment);
        m_pay_invoice_id = 0;
    }
    if (app.user().can("payments.create")) {
        const char* label = tr("payments.record");
        const bool compact = display().compact();
        const float width = compact ? ImGui::GetContentRegionAvail().x : ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
        if (!compact) {
            ImGui::AlignTextToFramePadding();
            widgets::muted("payments.hint", tr("payments.hint"));
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
        }
        if (widgets::button("payments.record", label, widgets::ButtonStyle::Primary, compact ? width : 0.f)) open_picker();
    }
    if (!m_notice.empty()) widgets::banner("payments.notice", m_notice, false);
    if (!m_list.error().empty()) widgets::banner("payments.error", m_list.error(), true);
    if (m_list.loaded() && m_payments.empty() && !m_list.loading()) widgets::muted("payments.empty", tr("payments.empty"));
    else if (!m_list.loaded()) widgets::muted("payments.loading", tr("common.loading"));
    if (display().compact()) draw_cards();
    else draw_table();
    draw_pager();
    draw_picker();
    m_detail.draw(app);
}

}  // namespace kimonet
