#include "views/view_portal_invoices.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/billing_widgets.hpp"
#include "views/dialog_routes.hpp"
#include "views/form_modal.hpp"
#include "views/transfer_note.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kPortalInvoicesStatuses[] = {"", "unpaid", "partial", "paid"};
constexpr const char* kPortalInvoicesPopup = "portal_invoice";

std::string pdf_path(std::int64_t id) { return "/api/portal/invoices/" + std::to_string(id) + "/pdf"; }

}  // namespace

void ViewPortalInvoices::enter(App&) {
    m_open.reset();
    m_open_id = 0;
    reload();
}

std::string ViewPortalInvoices::route() const {
    return m_open_id > 0 ? "bills/" + std::to_string(m_open_id) : std::string("bills");
}

RouteOutcome ViewPortalInvoices::open_subroute(App&, const std::vector<std::string>& rest) {
    if (rest.empty()) {
        m_open_id = 0;
        m_close_requested = m_open.has_value();
        return RouteOutcome::Opened;
    }
    const std::int64_t id = rest.size() == 1 ? route_id(rest[0]) : 0;
    if (id == 0) return RouteOutcome::Unknown;
    if (id != m_open_id) open(id);
    return RouteOutcome::Opened;
}

void ViewPortalInvoices::reload() {
    std::string path = "/api/portal/invoices?per_page=100";
    if (m_status > 0) path += std::string("&status=") + kPortalInvoicesStatuses[m_status];
    api_client().get(path, [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_invoices = api::invoice_resources_from_list(response.body);
    });
}

void ViewPortalInvoices::open(std::int64_t invoice_id) {
    m_open_id = invoice_id;
    m_close_requested = false;
    api_client().get("/api/portal/invoices/" + std::to_string(invoice_id), [this, invoice_id](const ApiResponse& response) {
        if (invoice_id != m_open_id) return;  // another one was asked for since (or it was closed)
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            m_open_id = 0;
            m_missing = true;
            return;
        }
        auto read = api::invoice_resource_from_json(response_data(response.body));
        if (read) m_open = std::move(read).value();
        else m_open.reset();
        m_open_credit = api::invoice_credit_from_json(response_data(response.body));
        m_open_requested = m_open.has_value();
        if (!m_open) m_open_id = 0;
    });
}

void ViewPortalInvoices::draw_detail(App& app) {
    if (m_open_requested) {
        ImGui::OpenPopup(kPortalInvoicesPopup);
        m_open_requested = false;
    }
    if (!m_open) return;
    const billing::Invoice& invoice = m_open->invoice;
    if (!begin_form_modal(kPortalInvoicesPopup, "portal_invoice.title", tr("portal.invoice") + std::string(" ") + invoice.invoice_no,
                          display().px(640))) {
        m_open.reset();  // closed by ImGui itself
        m_open_id = 0;
        return;
    }
    if (std::exchange(m_close_requested, false)) {
        ImGui::CloseCurrentPopup();
        m_open.reset();
        end_form_modal();
        return;
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() + display().px(12);
    ImGui::BeginChild("portal_invoice.body", ImVec2(0, -footer), false);
    widgets::muted("portal_invoice.period", format_period_indonesian(invoice.period) + " · " + tr("invoice.due_date") + " " +
                                                i18n::format_date(invoice.due_date));
    invoice_status_badge("portal_invoice.status", invoice.status, m_open->overdue);
    ImGui::Dummy(ImVec2(0, display().px(6)));
    invoice_lines_table("portal_invoice.lines", invoice.lines);
    ImGui::Dummy(ImVec2(0, display().px(6)));
    amount_row("portal_invoice.total", tr("invoice.total"), invoice.totals.total, true);
    if (m_open_credit.credited_amount > 0) {
        // Credit notes (issue 20): what they took off, what payments paid, and each note's PDF.
        amount_row("portal_invoice.credited", tr("credit_note.credited"), m_open_credit.credited_amount);
        if (m_open_credit.paid_by_payments > 0) amount_row("portal_invoice.paid", tr("invoice.paid_amount"), m_open_credit.paid_by_payments);
    } else if (invoice.paid_amount > 0) {
        amount_row("portal_invoice.paid", tr("invoice.paid_amount"), invoice.paid_amount);
    }
    if (invoice.outstanding() > 0) amount_row("portal_invoice.outstanding", tr("invoice.outstanding"), invoice.outstanding(), true);
    transfer_note("portal_invoice.transfer_amount", *m_open);
    for (const api::PaymentResource& listed : m_open->payments)
        widgets::muted(("portal_invoice.payment." + listed.payment.receipt_no).c_str(),
                       listed.payment.receipt_no + " · " + format_paid_at(listed) + " · " + format_rupiah(listed.payment.amount));
    for (const auto& note : m_open_credit.credit_notes) {
        const std::string row = "portal_invoice.credit_note." + std::to_string(note.id);
        widgets::muted(row.c_str(), note.credit_note_no + " · " + i18n::format_date(note.issue_date) + " · " + format_rupiah(note.figures.amount) +
                                        " · " + note.reason);
        std::string filename = note.credit_note_no;
        std::replace(filename.begin(), filename.end(), '/', '-');
        pdf_button(row + ".pdf", "/api/portal/credit-notes/" + std::to_string(note.id) + "/pdf", filename + ".pdf",
                   widgets::ButtonStyle::Link);
    }
    ImGui::EndChild();
    const bool compact = display().compact();
    const float width = compact ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.f : 0.f;
    if (widgets::button("portal_invoice.close", tr("common.close"), widgets::ButtonStyle::Secondary, width) || widgets::dialog_escape()) {
        ImGui::CloseCurrentPopup();
        m_open.reset();
        m_open_id = 0;
    }
    if (m_open) {
        ImGui::SameLine();
        pdf_button("portal_invoice.pdf", pdf_path(invoice.id), invoice.invoice_no + ".pdf", widgets::ButtonStyle::Secondary, width);
        if (invoice.outstanding() > 0) {
            ImGui::SameLine();
            if (widgets::button("portal_invoice.pay", tr("portal.pay_now"), widgets::ButtonStyle::Primary, width)) {
                const std::int64_t id = invoice.id;
                ImGui::CloseCurrentPopup();
                m_open.reset();
                m_open_id = 0;
                app.pay_invoice(id);
            }
        }
    }
    end_form_modal();
}

void ViewPortalInvoices::draw(App& app) {
    const std::vector<std::string> statuses = {tr("portal.status_all"), invoice_status_label(billing::InvoiceStatus::Unpaid),
                                               invoice_status_label(billing::InvoiceStatus::Partial),
                                               invoice_status_label(billing::InvoiceStatus::Paid)};
    const bool compact = display().compact();
    if (widgets::select_field("portal_invoices.status", tr("portal.status_filter"), statuses, m_status, {},
                              compact ? -FLT_MIN : display().px(260)))
        reload();
    if (!m_error.empty()) widgets::banner("portal_invoices.error", m_error, true);
    if (!m_loaded) widgets::muted("portal_invoices.loading", tr("common.loading"));
    else if (m_invoices.empty()) widgets::muted("portal_invoices.empty", tr("invoices.empty"));
    for (const api::InvoiceResource& record : m_invoices) {
        const billing::Invoice& invoice = record.invoice;
        const std::string row = "portal_invoices." + invoice.invoice_no;
        ImGui::PushID(static_cast<int>(invoice.id));
        if (widgets::begin_card("row")) {
            ImGui::PushFont(display().fonts().strong);
            widgets::text("cell", row + ".period", format_period_indonesian(invoice.period));
            ImGui::PopFont();
            ImGui::SameLine();
            invoice_status_badge(row + ".status", invoice.status, record.overdue);
            // A partly paid invoice shows what is still open; "sisa dari Rp …" names the total below.
            const bool partly_paid = invoice.paid_amount > 0 && invoice.outstanding() > 0;
            const std::string total = format_rupiah(partly_paid ? invoice.outstanding() : invoice.totals.total);
            ImGui::PushFont(display().fonts().strong);
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(total.c_str()).x);
            widgets::text("cell", row + ".total", total);
            ImGui::PopFont();
            widgets::muted((row + ".number").c_str(), invoice.invoice_no + " · " + tr("invoice.due_date") + " " + i18n::format_date(invoice.due_date));
            if (partly_paid)
                widgets::muted((row + ".of_total").c_str(), i18n::tr_format("portal.of_total", {{"total", format_rupiah(invoice.totals.total)}}));
            const float width = compact ? (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3.f : display().px(130);
            if (widgets::button((row + ".open").c_str(), tr("portal.open"), widgets::ButtonStyle::Secondary, width)) open(invoice.id);
            ImGui::SameLine();
            pdf_button(row + ".pdf", pdf_path(invoice.id), invoice.invoice_no + ".pdf", widgets::ButtonStyle::Secondary, width);
            if (invoice.outstanding() > 0) {
                ImGui::SameLine();
                if (widgets::button((row + ".pay").c_str(), tr("portal.pay_now"), widgets::ButtonStyle::Primary, width))
                    app.pay_invoice(invoice.id);
            }
            // One card per invoice, each with these three: each says which invoice it is for.
            for (const char* action : {".open", ".pdf", ".pay"}) ui_registry::name_with(row + action, invoice.invoice_no);
        }
        widgets::end_card();
        ImGui::PopID();
    }
    if (std::exchange(m_missing, false)) app.route_corrected();  // the address becomes #/bills again
    draw_detail(app);
}

}  // namespace kimonet
