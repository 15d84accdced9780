#include "views/view_collect.hpp"

#include <cstdio>

#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "field/technician_job.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "payments/typed_amount.hpp"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

// A key no other request of this user has: user, what it is for, and the time in milliseconds.
std::string new_key(const App& app, const std::string& what) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "hp-%lld-%s-%.0f", static_cast<long long>(app.user().id), what.c_str(),
                  platform::now_unix_seconds() * 1000.0);
    return buffer;
}

std::string stop_id(const api::CashStop& stop, const char* part) { return "collect.stop." + std::to_string(stop.invoice_id) + "." + part; }

}  // namespace

void ViewCollect::enter(App&) {
    m_paying = 0;
    m_remitting = false;
    reload();
}

void ViewCollect::reload() {
    api_client().get("/api/cash/route", [this](const ApiResponse& response) {
        m_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_error.clear();
        m_route = api::cash_route_from_json(response_data(response.body));
    });
    api_client().get("/api/cash/day", [this](const ApiResponse& response) {
        if (response.ok()) m_day = api::cash_day_from_json(response_data(response.body));
    });
}

void ViewCollect::collect(App& app, const api::CashStop& stop) {
    auto amount = payments::parse_typed_amount(m_amount);
    if (!amount || *amount <= 0) {
        m_amount_error = tr("collect.amount_invalid");
        return;
    }
    api::Json body{{"invoice_id", stop.invoice_id}, {"amount", *amount}, {"idempotency_key", m_key}};
    if (*amount != stop.outstanding) {
        if (!m_confirm_difference) {
            m_amount_error = tr("collect.confirm_needed");
            return;
        }
        body["confirm"] = *amount < stop.outstanding ? "partial" : "overpayment";
    }
    m_busy = true;
    api_client().post("/api/cash/collections", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_amount_error = response.error_message;  // the key stays: sending again cannot pay twice
            return;
        }
        app.toast_ok(tr("collect.paid_toast"));
        m_paying = 0;
        reload();
    });
}

void ViewCollect::remit(App& app) {
    api::Json body{{"idempotency_key", m_remit_key}, {"note", m_remit_note}};
    if (!m_remit_amount.empty()) {
        auto amount = payments::parse_typed_amount(m_remit_amount);
        if (!amount) {
            m_remit_error = tr("collect.amount_invalid");
            return;
        }
        body["amount"] = *amount;
    }
    m_busy = true;
    api_client().post("/api/cash/remittances", body, [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (!response.ok()) {
            m_remit_error = response.error_message;
            return;
        }
        app.toast_ok(tr("collect.remitted_toast"));
        m_remitting = false;
        reload();
    });
}

void ViewCollect::draw_day(App& app) {
    if (widgets::begin_card("collect.day")) {
        const auto date = parse_date(m_day.date);
        widgets::muted("collect.day.label", std::string(tr("collect.today")) + " · " + (date ? i18n::format_date(*date) : m_day.date));
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "collect.total", format_rupiah(m_day.collected));
        ImGui::PopFont();
        widgets::muted("collect.count", i18n::tr_format("collect.count", {{"count", std::to_string(m_day.collections)}}));
        widgets::text("text", "collect.unremitted", std::string(tr("collect.unremitted")) + ": " + format_rupiah(m_day.unremitted));
        if (m_day.remitted > 0) widgets::muted("collect.remitted", std::string(tr("collect.remitted")) + ": " + format_rupiah(m_day.remitted));
        for (const auto& remittance : m_day.remittances) {
            const std::string id = "collect.remittance." + std::to_string(remittance.seq);
            widgets::muted(id.c_str(), format_rupiah(remittance.declared) + " · " +
                                           (remittance.confirmed ? std::string(tr("collect.confirmed")) + " " + format_rupiah(remittance.received)
                                                                 : std::string(tr("collect.waiting"))));
        }
        if (!m_remitting) {
            if (m_day.unremitted > 0 && widgets::button("collect.remit", tr("collect.remit"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy)) {
                m_remitting = true;
                m_remit_amount = std::to_string(m_day.unremitted);
                m_remit_note.clear();
                m_remit_error.clear();
                m_remit_key = new_key(app, "setor");
            }
        } else {
            widgets::text_field("collect.remit.amount", tr("collect.remit_amount"), m_remit_amount, m_remit_error);
            widgets::text_field("collect.remit.note", tr("collect.note"), m_remit_note);
            if (widgets::button("collect.remit.save", tr("collect.remit_send"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy)) remit(app);
            if (widgets::button("collect.remit.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, -FLT_MIN)) m_remitting = false;
        }
    }
    widgets::end_card();
}

void ViewCollect::draw_stop(App& app, const api::CashStop& stop) {
    ImGui::PushID(static_cast<int>(stop.invoice_id));
    if (widgets::begin_card("collect.stop")) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("cell", stop_id(stop, "name"), stop.customer_name);
        ImGui::PopFont();
        widgets::muted(stop_id(stop, "number").c_str(), stop.service_number + " · " + stop.invoice_no + " · " + stop.period);
        if (!stop.address.empty()) widgets::text("cell", stop_id(stop, "address"), stop.address, widgets::colors::kMuted);
        widgets::text("cell", stop_id(stop, "outstanding"), std::string(tr("collect.owed")) + ": " + format_rupiah(stop.outstanding));
        // As on the technician's card: the way to the door, and a call when nobody opens it.
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.f;
        const std::string navigation = field::navigation_url(std::nullopt, std::nullopt, stop.address);
        const std::string call = field::tel_url(stop.phone);
        if (widgets::button(stop_id(stop, "navigate").c_str(), tr("field.navigate"), widgets::ButtonStyle::Secondary, half, navigation.empty()))
            platform::open_url(navigation);
        ImGui::SameLine();
        if (widgets::button(stop_id(stop, "call").c_str(), tr("field.call"), widgets::ButtonStyle::Secondary, half, call.empty()))
            platform::open_url(call);
        if (m_paying != stop.invoice_id) {
            if (widgets::button(stop_id(stop, "pay").c_str(), tr("collect.take_cash"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy)) {
                m_paying = stop.invoice_id;
                m_amount = std::to_string(stop.outstanding);
                m_amount_error.clear();
                m_confirm_difference = false;
                m_key = new_key(app, std::to_string(stop.invoice_id));
            }
        } else {
            widgets::text_field("collect.pay.amount", tr("collect.amount"), m_amount, m_amount_error);
            widgets::checkbox("collect.pay.confirm", tr("collect.confirm_difference"), m_confirm_difference);
            if (widgets::button("collect.pay.save", tr("collect.save"), widgets::ButtonStyle::Primary, -FLT_MIN, m_busy)) collect(app, stop);
            if (widgets::button("collect.pay.cancel", tr("common.cancel"), widgets::ButtonStyle::Secondary, -FLT_MIN)) m_paying = 0;
        }
    }
    widgets::end_card();
    ImGui::PopID();
}

void ViewCollect::draw(App& app) {
    if (!m_error.empty()) widgets::banner("collect.error", m_error, true);
    draw_day(app);
    std::string areas;
    for (const auto& area : m_route.areas) areas += (areas.empty() ? "" : ", ") + area;
    widgets::muted("collect.areas", std::string(tr("collect.areas")) + ": " + (areas.empty() ? std::string(tr("collect.no_areas")) : areas));
    if (m_loaded && m_route.stops.empty()) widgets::muted("collect.empty", tr("collect.empty"));
    std::string area;
    for (const auto& stop : m_route.stops) {
        if (stop.area != area) {
            area = stop.area;
            widgets::title(("collect.area." + area).c_str(), area);
        }
        draw_stop(app, stop);
    }
}

}  // namespace kimonet
