#include "views/view_cash_desk.hpp"

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "payments/typed_amount.hpp"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

std::string signed_rupiah(Money amount) { return (amount > 0 ? "+" : "") + format_rupiah(amount); }

ImU32 difference_color(Money amount) { return amount < 0 ? widgets::colors::kDanger : widgets::colors::kMuted; }

}  // namespace

void ViewCashDesk::enter(App&) { reload(); }

void ViewCashDesk::reload() {
    // Every remittance still waiting, whatever its day (from the first possible date to today).
    api_client().get("/api/cash/remittances?status=declared&from=2000-01-01", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_pending = api::remittances_from_list(response.body);
        for (const auto& remittance : m_pending)
            if (!m_received.contains(remittance.seq)) m_received[remittance.seq] = std::to_string(remittance.declared);
    });
    api_client().get("/api/cash/report", [this](const ApiResponse& response) {
        if (response.ok()) m_report = api::cash_report_from_list(response.body);
    });
}

void ViewCashDesk::confirm(App& app, const api::RemittanceResource& remittance) {
    const std::int64_t seq = remittance.seq;
    auto amount = payments::parse_typed_amount(m_received[seq]);
    if (!amount) {
        m_errors[seq] = tr("collect.amount_invalid");
        return;
    }
    m_busy = true;
    api_client().post("/api/cash/remittances/" + std::to_string(seq) + "/confirm", api::Json{{"received_amount", *amount}},
                      [this, &app, seq](const ApiResponse& response) {
                          m_busy = false;
                          if (!response.ok()) {
                              m_errors[seq] = response.error_message;
                              return;
                          }
                          m_errors.erase(seq);
                          app.toast_ok(tr("cash_desk.confirmed_toast"));
                          reload();
                      });
}

void ViewCashDesk::draw(App& app) {
    if (!m_error.empty()) widgets::banner("cash_desk.error", m_error, true);
    widgets::title("cash_desk.pending_title", tr("cash_desk.pending"));
    if (m_loaded && m_pending.empty()) widgets::muted("cash_desk.none", tr("cash_desk.none"));
    for (const auto& remittance : m_pending) {
        const std::string prefix = "cash_desk." + std::to_string(remittance.seq) + ".";
        ImGui::PushID(static_cast<int>(remittance.seq));
        if (widgets::begin_card("cash_desk.remittance")) {
            ImGui::PushFont(display().fonts().strong);
            widgets::text("cell", prefix + "collector", remittance.collector + " · " + remittance.business_date);
            ImGui::PopFont();
            widgets::text("cell", prefix + "expected", std::string(tr("cash_desk.expected")) + ": " + format_rupiah(remittance.expected));
            widgets::text("cell", prefix + "declared", std::string(tr("cash_desk.declared")) + ": " + format_rupiah(remittance.declared));
            const Money difference = remittance.declared - remittance.expected;
            if (difference != 0)
                widgets::text("cell", prefix + "difference", std::string(tr("cash_desk.difference")) + ": " + signed_rupiah(difference),
                              difference_color(difference));
            if (app.user().can("cash.confirm")) {
                widgets::text_field((prefix + "received").c_str(), tr("cash_desk.received"), m_received[remittance.seq], m_errors[remittance.seq]);
                if (widgets::button((prefix + "confirm").c_str(), tr("cash_desk.confirm"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy))
                    confirm(app, remittance);
            }
        }
        widgets::end_card();
        ImGui::PopID();
    }
    widgets::title("cash_desk.report_title", tr("cash_desk.report"));
    if (m_report.empty()) widgets::muted("cash_desk.report_empty", tr("cash_desk.report_empty"));
    for (const auto& row : m_report) {
        const std::string prefix = "cash_desk.report." + std::to_string(row.collector_id) + "." + row.date + ".";
        if (widgets::begin_card(("cash_desk.report." + std::to_string(row.collector_id)).c_str())) {
            ImGui::PushFont(display().fonts().strong);
            widgets::text("cell", prefix + "collector", row.collector + " · " + row.date);
            ImGui::PopFont();
            widgets::text("cell", prefix + "collected", std::string(tr("cash_desk.collected")) + ": " + format_rupiah(row.collected));
            widgets::text("cell", prefix + "remitted", std::string(tr("cash_desk.remitted")) + ": " + format_rupiah(row.remitted) + " (" +
                                                            signed_rupiah(row.remitted - row.collected) + ")",
                          difference_color(row.remitted - row.collected));
            widgets::text("cell", prefix + "confirmed", std::string(tr("cash_desk.confirmed")) + ": " + format_rupiah(row.confirmed) + " (" +
                                                             signed_rupiah(row.confirmed - row.remitted) + ")",
                          difference_color(row.confirmed - row.remitted));
            if (row.unconfirmed_remittances > 0)
                widgets::muted((prefix + "waiting").c_str(),
                               i18n::tr_format("cash_desk.waiting", {{"count", std::to_string(row.unconfirmed_remittances)}}));
        }
        widgets::end_card();
    }
}

}  // namespace kimonet
