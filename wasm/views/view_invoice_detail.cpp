#include "views/view_invoice_detail.hpp"

#include <algorithm>
#include <utility>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/billing_widgets.hpp"
#include "views/form_modal.hpp"
#include "views/print_documents.hpp"
#include "views/transfer_note.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/dialog_keys.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using billing::InvoiceStatus;
using i18n::tr;
using platform::display;

constexpr const char* kInvoiceDetailPopup = "invoice_detail";
constexpr const char* kLineKinds[] = {"charge", "discount", "late_fee"};

// A muted label over a strong value: the invoice's facts.
void fact(const char* id, const char* label, const std::string& value) {
    ImGui::BeginGroup();
    widgets::muted((std::string(id) + ".label").c_str(), label);
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, value);
    ImGui::PopFont();
    ImGui::EndGroup();
}

}  // namespace

void ViewInvoiceDetail::open(std::int64_t invoice_id, std::function<void()> changed, Panel panel, std::int64_t payment_id) {
    m_invoice_id = invoice_id;
    m_initial_payment_id = payment_id;
    m_changed = std::move(changed);
    m_record.reset();
    m_error.clear();
    m_notice.clear();
    m_panel = Panel::None;
    m_initial_panel = panel;
    m_close_requested = false;
    m_open_requested = true;
    load();
}

void ViewInvoiceDetail::load() {
    m_loading = true;
    const std::int64_t requested = m_invoice_id;
    api_client().get("/api/invoices/" + std::to_string(requested), [this, requested](const ApiResponse& response) {
        if (requested != m_invoice_id) return;
        m_loading = false;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        auto read = api::invoice_resource_from_json(response_data(response.body));
        if (read) m_record = std::move(read).value();
        else m_record.reset();
        m_credit = api::invoice_credit_from_json(response_data(response.body));
        if (!m_record) m_error = i18n::api_error_text("bad_response", {});
    });
    load_sends();
}

void ViewInvoiceDetail::open_panel(Panel panel) {
    m_panel = panel;
    m_field_errors.clear();
    m_error.clear();
    m_notice.clear();
    m_confirm.clear();
    m_confirm_amount.clear();
    m_idempotency_key.clear();
    if (panel == Panel::Payment && m_record) {
        m_amount = format_thousands(m_record->invoice.outstanding());
        m_method = 0;
        m_note.clear();
    } else if (panel == Panel::AddLine) {
        m_line_kind = 0;
        m_line_description.clear();
        m_line_quantity = "1";
        m_line_price.clear();
    } else if (panel == Panel::CreditNote) {
        m_credit_choice = 0;
        m_credit_amount.clear();
        m_credit_reason.clear();
        m_credit_key.clear();
    } else if (panel == Panel::Send) {
        m_send_channel = 0;
        m_send_to.clear();
        m_send_key.clear();
    } else if (panel == Panel::Void || panel == Panel::VoidPayment || panel == Panel::CorrectPayment) {
        m_void_reason.clear();
        m_refund_reference.clear();
    }
}

void ViewInvoiceDetail::finished(const ApiResponse& response, std::string notice) {
    m_busy = false;
    if (!response.ok()) {
        m_field_errors = response.fields;
        m_error = i18n::api_error_text(response.error_code, response.error_message);
        // An amount other than what is owed: the message says what will happen; submitting again
        // (the button now says so) confirms exactly that outcome.
        if (auto confirm = m_field_errors.find("confirm"); confirm != m_field_errors.end() && response.error_code == "conflict") {
            m_confirm = confirm->second;
            m_confirm_amount = m_amount;
            m_field_errors.erase(confirm);
            m_error = confirmation_question();
        }
        return;
    }
    m_panel = Panel::None;
    m_notice = std::move(notice);
    load();
    if (m_changed) m_changed();
}

void ViewInvoiceDetail::submit_panel() {
    if (!m_record) return;
    m_field_errors.clear();
    m_error.clear();
    const std::string path = "/api/invoices/" + std::to_string(m_record->invoice.id);
    if (m_panel == Panel::Payment) {
        submit_payment();
    } else if (m_panel == Panel::AddLine) {
        auto price = parse_rupiah(m_line_price);
        if (!price) m_field_errors["unit_price"] = tr("field.not_a_number");
        char* end = nullptr;
        const long long quantity = std::strtoll(m_line_quantity.c_str(), &end, 10);
        if (m_line_quantity.empty() || *end != '\0') m_field_errors["quantity"] = tr("field.not_a_number");
        if (!m_field_errors.empty()) return;
        const api::Json body{{"kind", kLineKinds[m_line_kind]}, {"description", m_line_description}, {"quantity", quantity},
                             {"unit_price", *price}};
        m_busy = true;
        api_client().post(path + "/lines", body, [this](const ApiResponse& response) { finished(response, tr("invoice.line_added")); });
    } else if (m_panel == Panel::Void) {
        m_busy = true;
        api_client().post(path + "/void", api::Json{{"reason", m_void_reason}},
                          [this](const ApiResponse& response) { finished(response, tr("invoice.voided")); });
    } else if (m_panel == Panel::VoidPayment || m_panel == Panel::CorrectPayment) {
        submit_payment_change();
    } else if (m_panel == Panel::CreditNote) {
        submit_credit_note();
    } else if (m_panel == Panel::Send) {
        submit_send();
    }
}

void ViewInvoiceDetail::draw_header(App&) {
    const billing::Invoice& invoice = m_record->invoice;
    widgets::text("text", "invoice.customer", m_record->customer_name + " · " + m_record->service_number, widgets::colors::kMuted);
    ImGui::SameLine();
    invoice_status_badge("invoice.status", invoice.status, m_record->overdue);
    ImGui::Dummy(ImVec2(0, display().px(4)));
    // Four facts in a row; two per row on phones.
    const int per_row = display().compact() ? 2 : 4;
    const float column = ImGui::GetContentRegionAvail().x / float(per_row);
    const float start = ImGui::GetCursorPosX();
    const std::pair<const char*, std::string> facts[] = {
        {"invoice.period", format_period_indonesian(invoice.period)},
        {"invoice.issue_date", i18n::format_date(invoice.issue_date)},
        {"invoice.due_date", i18n::format_date(invoice.due_date)},
        {"invoice.total_fact", format_rupiah(invoice.totals.total)},
    };
    const char* labels[] = {"invoice.period", "invoice.issue_date", "invoice.due_date", "invoice.total"};
    for (int index = 0; index < 4; ++index) {
        if (index % per_row != 0) ImGui::SameLine(start + column * float(index % per_row));
        fact(facts[index].first, tr(labels[index]), facts[index].second);
    }
    if (invoice.status == InvoiceStatus::Void && !invoice.void_reason.empty())
        widgets::banner("invoice.void_reason", i18n::tr_format("invoice.void_reason", {{"reason", invoice.void_reason}}), true);
}

void ViewInvoiceDetail::draw_actions(App& app) {
    const billing::Invoice& invoice = m_record->invoice;
    const bool compact = display().compact();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    int drawn = 0;
    // Phones: two buttons per row; wide screens: one row.
    auto next = [&] {
        if (drawn++ % (compact ? 2 : 8) != 0) ImGui::SameLine();
    };
    const float width = compact ? half : 0.f;
    if (panel_allowed(app, Panel::Payment, nullptr)) {
        next();
        if (widgets::button("invoice.pay", tr("invoice.pay"), widgets::ButtonStyle::Primary, width)) open_panel(Panel::Payment);
    }
    next();
    pdf_button("invoice.pdf", "/api/invoices/" + std::to_string(invoice.id) + "/pdf", invoice.invoice_no + ".pdf",
               widgets::ButtonStyle::Secondary, width);
    if (const api::PaymentResource* payment = latest_payment(*m_record)) {
        next();
        if (widgets::button("invoice.print_receipt", tr("print.receipt_button"), widgets::ButtonStyle::Secondary, width))
            print_view::print_now(receipt_document(*payment, *m_record, app.user()));
    }
    if (panel_allowed(app, Panel::Send, nullptr)) {
        next();
        if (widgets::button("invoice.send", tr("invoice_send.action"), widgets::ButtonStyle::Secondary, width)) open_panel(Panel::Send);
    }
    if (panel_allowed(app, Panel::AddLine, nullptr)) {
        next();
        if (widgets::button("invoice.add_line", tr("invoice.add_line"), widgets::ButtonStyle::Secondary, width))
            open_panel(Panel::AddLine);
    }
    if (panel_allowed(app, Panel::CreditNote, nullptr)) {
        next();
        if (widgets::button("invoice.credit_note", tr("credit_note.action"), widgets::ButtonStyle::Secondary, width))
            open_panel(Panel::CreditNote);
    }
    if (panel_allowed(app, Panel::Void, nullptr)) {
        next();
        if (widgets::button("invoice.void", tr("invoice.void"), widgets::ButtonStyle::Danger, width)) open_panel(Panel::Void);
    }
}

void ViewInvoiceDetail::draw_totals() {
    const billing::Invoice& invoice = m_record->invoice;
    const float width = display().compact() ? 0.f : std::min(ImGui::GetContentRegionAvail().x, display().px(340));
    if (!display().compact()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
    ImGui::BeginGroup();
    amount_row("invoice.subtotal", tr("invoice.subtotal"), invoice.totals.subtotal, false, width);
    if (invoice.tax.rate_basis_points > 0 && invoice.tax.pkp && invoice.tax.dpp_numerator != invoice.tax.dpp_denominator) {
        const std::string label = i18n::tr_format("invoice.dpp", {{"fraction", std::to_string(invoice.tax.dpp_numerator) + "/" +
                                                                                  std::to_string(invoice.tax.dpp_denominator)}});
        amount_row("invoice.dpp", label.c_str(), invoice.totals.tax_base, false, width);
    }
    if (invoice.tax.rate_basis_points > 0) {
        const std::string rate = std::to_string(invoice.tax.rate_basis_points / 100) +
                                 (invoice.tax.rate_basis_points % 100 ? "," + std::to_string(invoice.tax.rate_basis_points % 100) : "");
        const std::string label = i18n::tr_format(invoice.tax.mode == billing::TaxMode::Inclusive ? "invoice.tax_inclusive"
                                                                                                   : "invoice.tax_exclusive",
                                                  {{"rate", rate}});
        amount_row("invoice.tax", label.c_str(), invoice.totals.tax, false, width);
    }
    amount_row("invoice.total", tr("invoice.total"), invoice.totals.total, true, width);
    if (m_credit.credited_amount > 0) {
        // Credit notes (issue 20): what they took off, and what payments paid of the rest.
        amount_row("invoice.credited_amount", tr("credit_note.credited"), m_credit.credited_amount, false, width);
        amount_row("invoice.paid_amount", tr("invoice.paid_amount"), m_credit.paid_by_payments, false, width);
    } else {
        amount_row("invoice.paid_amount", tr("invoice.paid_amount"), invoice.paid_amount, false, width);
    }
    amount_row("invoice.outstanding", tr("invoice.outstanding"), invoice.outstanding(), true, width);
    transfer_note("invoice.transfer_amount", *m_record);
    ImGui::EndGroup();
}

void ViewInvoiceDetail::draw_line_panel() {
    std::vector<std::string> kinds;
    for (const char* kind : kLineKinds) kinds.push_back(tr(std::string("line_kind.") + kind));
    widgets::select_field("line_form.kind", tr("line.kind"), kinds, m_line_kind, i18n::field_message(m_field_errors, "kind"));
    widgets::text_field("line_form.description", tr("line.description"), m_line_description,
                        i18n::field_message(m_field_errors, "description"));
    widgets::text_field("line_form.quantity", tr("line.quantity"), m_line_quantity, i18n::field_message(m_field_errors, "quantity"),
                        ImGuiInputTextFlags_CharsDecimal);
    widgets::mark_field("line_form.unit_price", widgets::FieldKind::Amount);
    widgets::text_field("line_form.unit_price", tr("line.unit_price"), m_line_price, i18n::field_message(m_field_errors, "unit_price"),
                        ImGuiInputTextFlags_CharsDecimal);
}

void ViewInvoiceDetail::draw_void_panel() {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("void_form.hint", tr("void.hint"));
    ImGui::PopTextWrapPos();
    widgets::text_field("void_form.reason", tr("void.reason"), m_void_reason, i18n::field_message(m_field_errors, "reason"));
}

void ViewInvoiceDetail::draw_panel(App&) {
    const char* titles[] = {"", "invoice.pay", "invoice.add_line", "invoice.void", "payment_void.title", "payment_correct.title",
                            "credit_note.title", "invoice_send.title"};
    if (widgets::begin_card("invoice.panel")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "invoice.panel.title", i18n::tr_format(titles[static_cast<int>(m_panel)], {{"receipt", m_payment_receipt}}));
        ImGui::PopFont();
        switch (m_panel) {
        case Panel::Payment: draw_payment_panel(); break;
        case Panel::AddLine: draw_line_panel(); break;
        case Panel::Void: draw_void_panel(); break;
        case Panel::VoidPayment: draw_payment_void_panel(); break;
        case Panel::CorrectPayment: draw_payment_correct_panel(); break;
        case Panel::CreditNote: draw_credit_note_panel(); break;
        case Panel::Send: draw_send_panel(); break;
        case Panel::None: break;
        }
        const char* submit = m_busy ? tr("common.saving") : payment_submit_label();
        // Enter in one of the panel's fields submits it as its button does: a cashier types the
        // amount and presses Enter (an amount other than what is owed asks its confirmation first,
        // the same way). Enter on a focused button or drop-down is that control's (the page keeps it).
        const bool enter = !m_busy && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                           (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        const float width = display().compact() ? half : 0.f;
        if (widgets::button("invoice.panel.submit", submit,
                            m_panel == Panel::Void || m_panel == Panel::VoidPayment ? widgets::ButtonStyle::Danger
                                                                                    : widgets::ButtonStyle::Primary,
                            width, m_busy) ||
            enter)
            submit_panel();
        ImGui::SameLine();
        if (widgets::button("invoice.panel.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, width)) {
            m_panel = Panel::None;
            m_error.clear();
        }
    }
    widgets::end_card();
}

void ViewInvoiceDetail::draw(App& app) {
    if (m_open_requested) {
        ImGui::OpenPopup(kInvoiceDetailPopup);
        m_open_requested = false;
    }
    const std::string title = m_record ? i18n::tr_format("invoice.title", {{"number", m_record->invoice.invoice_no}})
                                       : std::string(tr("common.loading"));
    m_visible = begin_form_modal(kInvoiceDetailPopup, "invoice.title", title, display().px(820));
    if (!m_visible) return;
    if (m_close_requested) {
        m_close_requested = false;
        m_visible = false;
        m_invoice_id = 0;
        ImGui::CloseCurrentPopup();
        end_form_modal();
        return;
    }
    if (m_record && m_initial_panel != Panel::None) open_initial_panel(app);
    const float footer = ImGui::GetFrameHeightWithSpacing() + display().px(8);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("invoice.body", ImVec2(0, -footer), false);
    ImGui::PopStyleColor();
    if (!m_notice.empty()) widgets::banner("invoice.notice", m_notice, false);
    if (!m_error.empty()) widgets::banner("invoice.error", m_error, true);
    if (m_record) {
        print_view::offer(invoice_document(*m_record, app.user()));  // Ctrl+P prints this invoice
        draw_header(app);
        ImGui::Dummy(ImVec2(0, display().px(4)));
        if (m_panel == Panel::None) draw_actions(app);
        else draw_panel(app);
        ImGui::Dummy(ImVec2(0, display().px(6)));
        invoice_lines_table("invoice.lines", m_record->invoice.lines);
        ImGui::Dummy(ImVec2(0, display().px(4)));
        draw_totals();
        ImGui::Dummy(ImVec2(0, display().px(10)));
        draw_payments(app);
        draw_credit_notes();
        draw_send_log();
    } else if (m_loading) {
        widgets::muted("invoice.loading", tr("common.loading"));
    }
    ImGui::EndChild();
    const float width = display().compact() ? ImGui::GetContentRegionAvail().x : display().px(120);
    if (!display().compact()) ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
    const bool close = widgets::button("invoice.close", tr("common.close"), widgets::ButtonStyle::Secondary, width);
    const bool escape = widgets::dialog_escape();
    if (escape && m_panel != Panel::None) {
        // Esc leaves the open panel first, as its Cancel does; the next one closes the invoice.
        m_panel = Panel::None;
        m_error.clear();
    } else if (close || escape) {
        m_invoice_id = 0;
        ImGui::CloseCurrentPopup();
    }
    end_form_modal();
}

}  // namespace kimonet
