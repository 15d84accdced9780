// The payment side of the invoice modal (view_invoice_detail.hpp): the payments list with each
// payment's receipt and, for the roles that may, void and correct; and the panels that record,
// void and correct a payment. What the cashier types is read here with the same reader the server
// uses (payments/typed_amount.hpp), so the screen says "Rp 750.000 — lunas" before anyone saves;
// the server still decides, and an amount other than what is owed comes back as a question.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "payments/payment_rules.hpp"
#include "payments/typed_amount.hpp"
#include "platform/display.hpp"
#include "views/billing_widgets.hpp"
#include "views/view_invoice_detail.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using payments::PaymentMethod;
using platform::display;

constexpr const char* kInvoicePaymentsMethods[] = {"cash", "bank_transfer"};

// What a payment of `amount` does to the invoice, in the words of the confirmation.
std::string outcome_text(const payments::PaymentPreview& preview) {
    switch (preview.fit) {
    case payments::AmountFit::Exact: return tr("payment.outcome_exact");
    case payments::AmountFit::Partial: return i18n::tr_format("payment.outcome_partial", {{"remaining", format_rupiah(preview.remaining)}});
    case payments::AmountFit::Overpayment:
        return i18n::tr_format("payment.outcome_overpayment", {{"credit", format_rupiah(preview.credit)}});
    }
    return {};
}

}  // namespace

// 128 random bits in hex (the browser's crypto through std::random_device).
std::string new_idempotency_key() {
    std::random_device random;
    std::string key = "app-";
    const char* digits = "0123456789abcdef";
    for (int index = 0; index < 8; ++index) {
        const unsigned value = random();
        for (int shift = 0; shift < 16; shift += 4) key += digits[(value >> shift) & 0xF];
    }
    return key;
}

void ViewInvoiceDetail::draw_payments(App& app) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "invoice.payments.title", tr("invoice.payments"));
    ImGui::PopFont();
    if (m_record->payments.empty()) {
        widgets::muted("invoice.payments.empty", tr("invoice.no_payments"));
        return;
    }
    for (std::size_t index = 0; index < m_record->payments.size(); ++index) {
        const api::PaymentResource& listed = m_record->payments[index];
        const std::string row = "invoice.payments." + std::to_string(index);
        ImGui::PushID(row.c_str());
        payment_row(row, listed);
        if (listed.payment.voided()) {
            ImGui::PushTextWrapPos(0.f);
            widgets::text("text", row + ".voided",
                          i18n::tr_format("payment.voided_line", {{"by", listed.payment.voided_by}, {"reason", listed.payment.void_reason}}),
                          widgets::colors::kDanger);
            ImGui::PopTextWrapPos();
        }
        draw_payment_actions(app, listed, row);
        ImGui::PopID();
        ImGui::Separator();
    }
}

// Receipt for everyone who may read payments; void and correct only where the server would allow
// it: payments.void_any for any payment, payments.void for one's own (the server also checks its
// 24 hours). A gateway payment is voided only after its refund and never corrected; a credit
// payment is not corrected either (its amount is the credit that was there).
void ViewInvoiceDetail::draw_payment_actions(App& app, const api::PaymentResource& listed, const std::string& row) {
    const payments::Payment& payment = listed.payment;
    // The receipt PDF is payment data (payments.read); a technician reads the invoice only.
    if (app.user().can("payments.read"))
        pdf_button(row + ".receipt_pdf", "/api/payments/" + std::to_string(payment.id) + "/pdf", payment.receipt_no + ".pdf",
                   widgets::ButtonStyle::Link, 0.f, tr("payment.receipt_pdf"));
    if (m_panel != Panel::None || !panel_allowed(app, Panel::VoidPayment, &listed)) return;
    ImGui::SameLine();
    if (widgets::button((row + ".void").c_str(), tr("payment.void"), widgets::ButtonStyle::Link)) choose_payment(listed, Panel::VoidPayment);
    if (panel_allowed(app, Panel::CorrectPayment, &listed)) {
        ImGui::SameLine();
        if (widgets::button((row + ".correct").c_str(), tr("payment.correct"), widgets::ButtonStyle::Link))
            choose_payment(listed, Panel::CorrectPayment);
    }
}

void ViewInvoiceDetail::choose_payment(const api::PaymentResource& listed, Panel panel) {
    open_panel(panel);
    m_payment_id = listed.payment.id;
    m_payment_receipt = listed.payment.receipt_no;
    m_payment_gateway = listed.payment.method == PaymentMethod::Gateway;
    m_payment_applied = listed.payment.applied_amount;
    m_amount = panel == Panel::CorrectPayment ? format_thousands(listed.payment.amount) : std::string();
    ImGui::SetScrollY(0.f);  // the panel is drawn under the invoice's header
}

Result<payments::PaymentPreview> ViewInvoiceDetail::local_preview() const {
    const billing::Invoice& invoice = m_record->invoice;
    Money paid = invoice.paid_amount;
    if (m_panel == Panel::CorrectPayment) paid -= std::min(paid, m_payment_applied);
    const auto status = m_panel == Panel::CorrectPayment ? billing::status_for(invoice.totals.total, paid) : invoice.status;
    const Money amount = TRY(payments::parse_typed_amount(m_amount, invoice.totals.total - paid));
    return payments::preview_payment(invoice.totals.total, paid, status, amount);
}

// The server asked (409, fields.confirm): the same outcome in the cashier's words.
std::string ViewInvoiceDetail::confirmation_question() const {
    auto preview = local_preview();
    if (!preview) return tr("error.conflict");
    return i18n::tr_format("payment.confirm_question",
                           {{"outstanding", format_rupiah(preview->outstanding)}, {"amount", format_rupiah(preview->amount)},
                            {"outcome", outcome_text(*preview)}});
}

// "Dibaca: Rp 750.000 — lunas" under the amount as it is typed, or why the text cannot be read.
void ViewInvoiceDetail::draw_amount_reading(const char* id) {
    if (m_amount.empty()) return;
    auto preview = local_preview();
    std::string reading;
    ImU32 color = widgets::colors::kMuted;
    if (!preview) {
        auto field = preview.error().fields.find("amount");
        reading = i18n::translate_message(field == preview.error().fields.end() ? preview.error().message() : field->second);
        color = widgets::colors::kWarning;
    } else {
        reading = i18n::tr_format("payment.reads_as", {{"amount", format_rupiah(preview->amount)}, {"outcome", outcome_text(*preview)}});
        if (preview->fit != payments::AmountFit::Exact) color = widgets::colors::kWarning;
    }
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", id, reading, color);
    ImGui::PopTextWrapPos();
}

void ViewInvoiceDetail::draw_payment_panel() {
    // Free text (not digits only): "750rb" and "Rp 750.000" are what cashiers type.
    widgets::mark_field("payment_form.amount", widgets::FieldKind::Amount);
    widgets::text_field("payment_form.amount", tr("payment.amount"), m_amount, i18n::field_message(m_field_errors, "amount"), 0,
                        tr("payment.amount_hint"));
    if (!m_confirm.empty() && m_amount != m_confirm_amount) m_confirm.clear();  // a changed amount asks again
    draw_amount_reading("payment_form.reading");
    std::vector<std::string> methods;
    for (const char* method : kInvoicePaymentsMethods) methods.push_back(payment_method_label(method));
    widgets::select_field("payment_form.method", tr("payment.method"), methods, m_method, i18n::field_message(m_field_errors, "method"));
    widgets::text_field("payment_form.note", tr("payment.note"), m_note, i18n::field_message(m_field_errors, "note"));
}

void ViewInvoiceDetail::draw_payment_void_panel() {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("payment_void.hint", tr("payment_void.hint"));
    ImGui::PopTextWrapPos();
    widgets::text_field("payment_void.reason", tr("payment_void.reason"), m_void_reason, i18n::field_message(m_field_errors, "reason"));
    if (m_payment_gateway)
        widgets::text_field("payment_void.refund_reference", tr("payment_void.refund_reference"), m_refund_reference,
                            i18n::field_message(m_field_errors, "gateway_refund_reference"));
}

void ViewInvoiceDetail::draw_payment_correct_panel() {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("payment_correct.hint", tr("payment_correct.hint"));
    ImGui::PopTextWrapPos();
    widgets::mark_field("payment_correct.amount", widgets::FieldKind::Amount);
    widgets::text_field("payment_correct.amount", tr("payment_correct.amount"), m_amount, i18n::field_message(m_field_errors, "amount"), 0,
                        tr("payment.amount_hint"));
    if (!m_confirm.empty() && m_amount != m_confirm_amount) m_confirm.clear();
    draw_amount_reading("payment_correct.reading");
    widgets::text_field("payment_correct.reason", tr("payment_void.reason"), m_void_reason, i18n::field_message(m_field_errors, "reason"));
}

const char* ViewInvoiceDetail::payment_submit_label() const {
    if (!m_confirm.empty()) return tr(m_confirm == "overpayment" ? "payment.confirm_overpayment" : "payment.confirm_partial");
    switch (m_panel) {
    case Panel::Payment: return tr("payment.submit");
    case Panel::Void: return tr("void.submit");
    case Panel::VoidPayment: return tr("payment_void.submit");
    case Panel::CorrectPayment: return tr("payment_correct.submit");
    case Panel::CreditNote: return tr("credit_note.submit");
    case Panel::Send: return tr("invoice_send.submit");
    case Panel::AddLine:
    case Panel::None: break;
    }
    return tr("line.submit");
}

// The typed text goes to the server as typed: it reads it with the same rules and answers 409
// (with fields.confirm) when the amount is not what is owed and not yet confirmed.
void ViewInvoiceDetail::submit_payment() {
    if (m_amount.empty()) {
        m_field_errors["amount"] = tr("payment.amount_invalid");
        return;
    }
    if (m_idempotency_key.empty() || m_idempotency_amount != m_amount) {
        m_idempotency_key = new_idempotency_key();
        m_idempotency_amount = m_amount;
    }
    api::Json body{{"invoice_id", m_record->invoice.id}, {"amount", m_amount},           {"method", kInvoicePaymentsMethods[m_method]},
                   {"note", m_note},                    {"idempotency_key", m_idempotency_key}};
    if (!m_confirm.empty()) body["confirm"] = m_confirm;
    m_busy = true;
    api_client().post("/api/payments", body, [this](const ApiResponse& response) {
        finished(response, i18n::tr_format("payment.recorded", {{"receipt", json_string(response.body, "receipt_no")}}));
    });
}

void ViewInvoiceDetail::submit_payment_change() {
    const std::string path = "/api/payments/" + std::to_string(m_payment_id);
    const std::string receipt = m_payment_receipt;
    m_busy = true;
    if (m_panel == Panel::VoidPayment) {
        api::Json body{{"reason", m_void_reason}};
        if (m_payment_gateway) body["gateway_refund_reference"] = m_refund_reference;
        api_client().post(path + "/void", body, [this, receipt](const ApiResponse& response) {
            finished(response, i18n::tr_format("payment.voided_notice", {{"receipt", receipt}}));
        });
        return;
    }
    api::Json body{{"amount", m_amount}, {"reason", m_void_reason}};
    if (!m_confirm.empty()) body["confirm"] = m_confirm;
    api_client().post(path + "/correct", body, [this, receipt](const ApiResponse& response) {
        const api::Json& data = response_data(response.body);
        const auto correction = data.find("correction");
        const std::string corrected = response.ok() && correction != data.end() ? json_string(*correction, "receipt_no") : std::string();
        finished(response, i18n::tr_format("payment.corrected_notice", {{"receipt", receipt}, {"new_receipt", corrected}}));
    });
}

}  // namespace kimonet
