// The invoice modal's credit notes (issue 20): the "Buat nota kredit" panel — the whole rest that may
// still be credited, or an amount typed like a payment ("50rb"), with a mandatory reason — and the
// list of the invoice's credit notes with their PDFs. The server decides the figures (tax share,
// what goes to customer credit); the panel says beforehand what it will take off at most.
#include <algorithm>

#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/billing_widgets.hpp"
#include "views/view_invoice_detail.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string field_text(const FieldErrors& errors, const char* field) {
    auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

}  // namespace

Money ViewInvoiceDetail::creditable() const {
    if (!m_record || m_record->invoice.status == billing::InvoiceStatus::Void) return 0;
    return std::max<Money>(0, m_record->invoice.totals.total - m_credit.credited_amount);
}

void ViewInvoiceDetail::draw_credit_note_panel() {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("credit_note_form.hint", i18n::tr_format("credit_note.hint", {{"amount", format_rupiah(creditable())}}));
    ImGui::PopTextWrapPos();
    const std::vector<std::string> choices{tr("credit_note.full"), tr("credit_note.partial")};
    widgets::select_field("credit_note_form.choice", tr("credit_note.choice"), choices, m_credit_choice);
    if (m_credit_choice == 1) {
        widgets::mark_field("credit_note_form.amount", widgets::FieldKind::Amount);
        widgets::text_field("credit_note_form.amount", tr("credit_note.amount"), m_credit_amount, field_text(m_field_errors, "amount"),
                            ImGuiInputTextFlags_CharsDecimal);
    } else if (auto error = field_text(m_field_errors, "amount"); !error.empty()) {
        widgets::banner("credit_note_form.amount_error", error, true);
    }
    widgets::text_field("credit_note_form.reason", tr("credit_note.reason"), m_credit_reason, field_text(m_field_errors, "reason"));
}

void ViewInvoiceDetail::submit_credit_note() {
    if (m_credit_choice == 1 && m_credit_amount.empty()) {
        m_field_errors["amount"] = tr("payment.amount_invalid");
        return;
    }
    // One key per thing the user means: the same choice and amount again is the same request.
    const std::string meant = std::to_string(m_credit_choice) + ":" + m_credit_amount;
    if (m_credit_key.empty() || m_credit_key_for != meant) {
        m_credit_key = new_idempotency_key();
        m_credit_key_for = meant;
    }
    api::Json body{{"reason", m_credit_reason}, {"idempotency_key", m_credit_key}};
    if (m_credit_choice == 0) body["full"] = true;
    else body["amount"] = m_credit_amount;
    m_busy = true;
    api_client().post("/api/invoices/" + std::to_string(m_record->invoice.id) + "/credit-notes", body, [this](const ApiResponse& response) {
        const api::Json& data = response_data(response.body);
        finished(response, i18n::tr_format("credit_note.created", {{"number", json_string(data, "credit_note_no")},
                                                                    {"credit", format_rupiah(json_int(data, "credit"))}}));
    });
}

void ViewInvoiceDetail::draw_credit_notes() {
    if (m_credit.credit_notes.empty()) return;
    ImGui::Dummy(ImVec2(0, display().px(10)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "invoice.credit_notes.title", tr("credit_note.list_title"));
    ImGui::PopFont();
    for (const auto& note : m_credit.credit_notes) {
        const std::string row = "invoice.credit_note." + std::to_string(note.id);
        widgets::text("text", row + ".number", note.credit_note_no + " · " + i18n::format_date(note.issue_date));
        ImGui::SameLine();
        widgets::text("text", row + ".amount", format_rupiah(note.figures.amount));
        ImGui::PushTextWrapPos(0.f);
        widgets::muted((row + ".reason").c_str(), note.reason);
        if (note.figures.credit > 0)
            widgets::muted((row + ".credit").c_str(), i18n::tr_format("credit_note.to_credit", {{"credit", format_rupiah(note.figures.credit)}}));
        ImGui::PopTextWrapPos();
        std::string filename = note.credit_note_no;
        std::replace(filename.begin(), filename.end(), '/', '-');
        pdf_button(row + ".pdf", "/api/credit-notes/" + std::to_string(note.id) + "/pdf", filename + ".pdf", widgets::ButtonStyle::Link);
    }
}

}  // namespace kimonet
