#include "views/customer_credit.hpp"

#include <algorithm>

#include "api/credit_note_dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
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

constexpr const char* kPopup = "refund_dialog";
constexpr const char* kMethods[] = {"cash", "bank_transfer"};

}  // namespace

void CustomerCreditPanel::read_history(std::int64_t customer_id, const api::Json& history) {
    m_customer_id = customer_id;
    m_balance = json_int(history, "credit_balance");
    m_credit_notes = api::credit_notes_from_list(history);
    m_refunds = api::refunds_from_list(history);
}

bool CustomerCreditPanel::offered(App& app) const { return app.user().can("refunds.create") && m_balance > 0; }

void CustomerCreditPanel::open(std::function<void()> changed) {
    m_changed = std::move(changed);
    m_form.request_open();
    m_amount = format_thousands(m_balance);
    m_method = 0;
    m_reference.clear();
    m_reason.clear();
    m_key.clear();
}

void CustomerCreditPanel::draw_lists() {
    if (m_credit_notes.empty() && m_refunds.empty()) return;
    ImGui::Dummy(ImVec2(0, display().px(10)));
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", "customer_detail.credit_notes.title", tr("credit_note.history_title"));
    ImGui::PopFont();
    for (const auto& note : m_credit_notes) {
        const std::string row = "customer_detail.credit_note." + std::to_string(note.id);
        widgets::text("text", row + ".number", note.credit_note_no + " · " + note.invoice_no + " · " + i18n::format_date(note.issue_date));
        ImGui::SameLine();
        widgets::text("text", row + ".amount", "-" + format_rupiah(note.figures.amount));
        ImGui::PushTextWrapPos(0.f);
        widgets::muted((row + ".reason").c_str(), note.reason);
        ImGui::PopTextWrapPos();
    }
    for (const auto& refund : m_refunds) {
        const std::string row = "customer_detail.refund." + std::to_string(refund.id);
        const std::string how = refund.method == "cash" ? tr("refund.method_cash") : tr("refund.method_transfer") + (" " + refund.reference);
        widgets::text("text", row + ".what", i18n::tr_format("refund.row", {{"method", how}}));
        ImGui::SameLine();
        widgets::text("text", row + ".amount", format_rupiah(refund.amount));
        ImGui::PushTextWrapPos(0.f);
        widgets::muted((row + ".reason").c_str(), refund.reason);
        ImGui::PopTextWrapPos();
    }
}

void CustomerCreditPanel::submit() {
    FieldErrors live;
    if (m_amount.empty()) live["amount"] = tr("payment.amount_invalid");
    if (m_method == 1 && m_reference.empty()) live["reference"] = tr("refund.reference_required");
    m_form.server_errors = live;
    if (!m_form.accept_submit(live)) return;
    const std::string meant = m_amount + ":" + kMethods[m_method];
    if (m_key.empty() || m_key_for != meant) {
        m_key = new_idempotency_key();
        m_key_for = meant;
    }
    const api::Json body{{"amount", m_amount}, {"method", kMethods[m_method]}, {"reference", m_reference}, {"reason", m_reason},
                         {"idempotency_key", m_key}};
    m_form.busy = true;
    api_client().post("/api/customers/" + std::to_string(m_customer_id) + "/refunds", body, [this](const ApiResponse& response) {
        if (!response.ok()) return m_form.refused(response);
        m_form.saved();
        if (m_changed) m_changed();
    });
}

void CustomerCreditPanel::draw_dialog(App&) {
    if (!m_form.begin(kPopup, "refund.title", tr("refund.title"), display().px(520))) return;
    const std::string banner = m_form.banner_text();
    auto error = [&](const char* field) { return m_form.field_error({}, field, true); };
    if (begin_form_body("refund.body", banner)) {
        widgets::text("text", "refund.balance", i18n::tr_format("refund.balance", {{"amount", format_rupiah(m_balance)}}));
        widgets::mark_field("refund.amount", widgets::FieldKind::Amount);
        if (widgets::text_field("refund.amount", tr("refund.amount"), m_amount, error("amount"), ImGuiInputTextFlags_CharsDecimal))
            m_form.server_errors.erase("amount");
        const std::vector<std::string> methods{tr("refund.method_cash"), tr("refund.method_transfer")};
        widgets::select_field("refund.method", tr("refund.method"), methods, m_method, error("method"));
        if (m_method == 1 && widgets::text_field("refund.reference", tr("refund.reference"), m_reference, error("reference")))
            m_form.server_errors.erase("reference");
        if (widgets::text_field("refund.reason", tr("refund.reason"), m_reason, error("reason"))) m_form.server_errors.erase("reason");
    }
    end_form_body();
    if (m_form.end("refund", banner)) submit();
}

}  // namespace kimonet
