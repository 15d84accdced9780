// The invoice modal's "Kirim" panel (issue 22, docs/email.md): WhatsApp (the pay link, or the PDF
// where the gateway takes documents) or email (the PDF attached), to the customer's own number or
// address or to one typed in; the server validates it (one recipient, no line breaks) and bounds
// how often. One idempotency key per thing the user means, so a send whose answer was lost is not
// sent twice. Below the invoice: its send log (who, when, how, to whom, the outcome).
#include "api_client.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "views/view_invoice_detail.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kSendChannels[] = {"whatsapp", "email"};

std::string send_field_error(const FieldErrors& errors, const char* field) {
    auto found = errors.find(field);
    return found == errors.end() ? std::string() : i18n::translate_message(found->second);
}

}  // namespace

void ViewInvoiceDetail::draw_send_panel() {
    const std::vector<std::string> channels{tr("invoice_send.channel_whatsapp"), tr("invoice_send.channel_email")};
    widgets::select_field("invoice_send_form.channel", tr("invoice_send.channel"), channels, m_send_channel,
                          send_field_error(m_field_errors, "channel"));
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("invoice_send_form.hint", tr(m_send_channel == 1 ? "invoice_send.hint_email" : "invoice_send.hint_whatsapp"));
    ImGui::PopTextWrapPos();
    widgets::text_field("invoice_send_form.to", tr("invoice_send.to"), m_send_to, send_field_error(m_field_errors, "to"));
}

void ViewInvoiceDetail::submit_send() {
    const std::string meant = std::to_string(m_send_channel) + ":" + m_send_to;
    if (m_send_key.empty() || m_send_key_for != meant) {
        m_send_key = new_idempotency_key();
        m_send_key_for = meant;
    }
    api::Json body{{"channel", kSendChannels[m_send_channel]}, {"idempotency_key", m_send_key}};
    if (!m_send_to.empty()) body["to"] = m_send_to;
    m_busy = true;
    api_client().post("/api/invoices/" + std::to_string(m_record->invoice.id) + "/send", body, [this](const ApiResponse& response) {
        finished(response, i18n::tr_format("invoice_send.queued", {{"to", json_string(response_data(response.body), "to")}}));
    });
}

void ViewInvoiceDetail::load_sends() {
    const std::int64_t requested = m_invoice_id;
    api_client().get("/api/invoices/" + std::to_string(requested) + "/sends", [this, requested](const ApiResponse& response) {
        if (requested != m_invoice_id) return;
        m_sends.clear();
        if (!response.ok()) return;  // the log is a detail: the invoice shows without it
        const api::Json& rows = response_data(response.body);
        if (rows.is_array())
            for (const auto& row : rows) m_sends.push_back(row);
    });
}

void ViewInvoiceDetail::draw_send_log() {
    if (m_sends.empty()) return;
    ImGui::Dummy(ImVec2(0, display().px(10)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "invoice.sends.title", tr("invoice_send.log_title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.f);
    for (const auto& row : m_sends) {
        const std::string id = "invoice.send." + std::to_string(json_int(row, "id"));
        widgets::text("text", id, i18n::tr_format("invoice_send.log_row", {{"at", i18n::format_date_time(json_int(row, "at"))},
                                                                            {"by", json_string(row, "by")},
                                                                            {"channel", json_string(row, "channel")},
                                                                            {"to", json_string(row, "to")},
                                                                            {"outcome", json_string(row, "outcome")}}));
    }
    ImGui::PopTextWrapPos();
}

}  // namespace kimonet
