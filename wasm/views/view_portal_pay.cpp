#include "views/view_portal_pay.hpp"

#include <algorithm>

#include "api_client.hpp"
#include "app.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "platform/frame_pacing.hpp"
#include "ui_registry.hpp"
#include "views/admin_widgets.hpp"
#include "views/billing_widgets.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr double kPollMilliseconds = 2000.0;

// "BNI Virtual Account · biaya Rp 4.000" (or "· tanpa biaya"): no gateway name, the fee always said.
std::string method_label(const std::string& name, std::int64_t fee) {
    return name + " · " + (fee > 0 ? i18n::tr_format("portal.fee", {{"fee", format_rupiah(fee)}}) : std::string(tr("portal.no_fee")));
}

}  // namespace

void ViewPortalPay::enter(App&, std::int64_t invoice_id) {
    ++m_generation;
    m_invoice_id = invoice_id;
    m_method = -1;
    m_error.clear();
    m_fields.clear();
    m_has_payment = false;
    m_paid = false;
    m_resumed = false;
    m_status.clear();
    load_invoices();
    load_methods();
    load_pending();
}

ViewPortalPay::Payment ViewPortalPay::payment_from_json(const api::Json& body) {
    Payment payment{json_string(body, "order_id"),   json_string(body, "payment_code"), json_string(body, "payment_url"),
                    json_string(body, "qr_string"),  json_string(body, "expires_at"),   json_int(body, "amount"),
                    json_string(body, "expires_text"), 0, {}};
    if (auto qr = body.find("qr"); qr != body.end() && qr->is_object() && qr->contains("rows") && (*qr)["rows"].is_array()) {
        const int size = static_cast<int>(json_int(*qr, "size"));
        for (const auto& row : (*qr)["rows"])
            if (row.is_string() && static_cast<int>(row.get<std::string>().size()) == size) payment.qr_rows.push_back(row.get<std::string>());
        if (size > 0 && static_cast<int>(payment.qr_rows.size()) == size) payment.qr_size = size;
        else payment.qr_rows.clear();
    }
    return payment;
}

void ViewPortalPay::show_payment(Payment payment) {
    m_payment = std::move(payment);
    m_has_payment = true;
    m_paid = false;
    m_status = "pending";
    schedule_poll();
}

// A payment started before (this visit or an earlier one) and still open at its gateway: shown
// again, so the customer pays the VA number / QR they may already have, not a second charge.
void ViewPortalPay::load_pending() {
    const int generation = m_generation;
    api_client().get("/api/portal/payments/pending", [this, generation](const ApiResponse& response) {
        if (generation != m_generation || m_has_payment || !response.ok()) return;
        const api::Json& data = response_data(response.body);
        if (!data.is_array()) return;
        for (const api::Json& pending : data) {
            // Entered for one invoice: only that invoice's payment; else the newest of any.
            if (m_invoice_id != 0 && json_int(pending, "invoice_id") != m_invoice_id) continue;
            m_invoice_id = json_int(pending, "invoice_id");
            m_resumed = true;
            show_payment(payment_from_json(pending));
            return;
        }
    });
}

void ViewPortalPay::load_invoices() {
    m_invoices_loaded = false;
    api_client().get("/api/portal/invoices?per_page=100", [this](const ApiResponse& response) {
        m_invoices_loaded = true;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        m_invoices.clear();
        for (api::InvoiceResource& record : api::invoice_resources_from_list(response.body))
            if (record.invoice.outstanding() > 0) m_invoices.push_back(std::move(record));
        if (m_invoice_id == 0 && !m_invoices.empty()) m_invoice_id = m_invoices.front().invoice.id;
    });
}

void ViewPortalPay::load_methods() {
    m_methods.clear();
    m_methods_pending = 1;
    const int generation = m_generation;
    api_client().get("/api/payment-methods", [this, generation](const ApiResponse& response) {
        if (generation != m_generation) return;  // entered again meanwhile: that round's answer counts
        m_methods_pending = 0;
        if (!response.ok()) return;
        const api::Json& data = response_data(response.body);
        if (!data.is_array()) return;
        for (const api::Json& method : data)
            m_methods.push_back({json_string(method, "gateway"), json_string(method, "code"), json_string(method, "name"),
                                 json_string(method, "type"), json_int(method, "fee")});
    });
}

void ViewPortalPay::pay() {
    if (m_invoice_id == 0 || m_method < 0 || m_method >= static_cast<int>(m_methods.size())) return;
    const Method& method = m_methods[m_method];
    m_busy = true;
    m_error.clear();
    m_fields.clear();
    const int generation = ++m_generation;
    api_client().post("/billing/pay", api::Json{{"invoice_id", m_invoice_id}, {"gateway", method.gateway}, {"method", method.code}},
                      [this, generation](const ApiResponse& response) {
                          m_busy = false;
                          if (generation != m_generation) return;
                          if (!response.ok()) {
                              m_fields = response.fields;
                              m_error = m_fields.empty() ? i18n::api_error_text(response.error_code, response.error_message)
                                                         : all_field_errors(m_fields);
                              return;
                          }
                          m_resumed = false;
                          show_payment(payment_from_json(response.body));
                      });
}

void ViewPortalPay::schedule_poll() {
    platform::set_timeout(kPollMilliseconds, [this, generation = m_generation] { poll(generation); });
}

void ViewPortalPay::poll(int generation) {
    if (generation != m_generation || !m_has_payment || m_paid) return;
    api_client().get("/billing/status/" + url_encode(m_payment.order_id), [this, generation](const ApiResponse& response) {
        if (generation != m_generation) return;
        platform::note_activity();
        if (response.ok()) {
            m_status = json_string(response.body, "status", m_status);
            if (json_string(response.body, "invoice_status") == "paid" || m_status == "paid") {
                m_paid = true;
                load_invoices();
                return;
            }
            if (m_status == "expired" || m_status == "failed") return;
        }
        schedule_poll();
    });
}

void ViewPortalPay::draw_invoices(float width) {
    if (widgets::begin_card("portal_pay.invoices", width)) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "portal_pay.invoices.title", tr("portal.pick_invoice"));
        ImGui::PopFont();
        if (!m_invoices_loaded) widgets::muted("portal_pay.invoices.loading", tr("common.loading"));
        else if (m_invoices.empty()) widgets::muted("portal_pay.invoices.empty", tr("portal.nothing_to_pay"));
        for (const api::InvoiceResource& record : m_invoices) {
            const billing::Invoice& invoice = record.invoice;
            const bool chosen = invoice.id == m_invoice_id;
            // A phone's button has room for the period and the amount, not the invoice number too.
            const std::string label = format_period_indonesian(invoice.period) + " · " +
                                      (display().compact() ? std::string() : invoice.invoice_no + " · ") + format_rupiah(invoice.outstanding());
            const bool pressed = widgets::button(("portal_pay.invoice." + invoice.invoice_no).c_str(), label.c_str(),
                                                 chosen ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary, -FLT_MIN,
                                                 m_has_payment && !m_paid);
            ui_registry::set_pressed(chosen);  // the chosen invoice is told by more than its colour
            if (pressed && !chosen) m_invoice_id = invoice.id;
        }
    }
    widgets::end_card();
}

void ViewPortalPay::draw_methods(float width) {
    if (widgets::begin_card("portal_pay.methods", width)) {
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "portal_pay.methods.title", tr("portal.pick_method"));
        ImGui::PopFont();
        if (m_methods_pending > 0) widgets::muted("portal_pay.methods.loading", tr("common.loading"));
        else if (m_methods.empty()) widgets::muted("portal_pay.methods.empty", tr("portal.no_methods"));
        for (int index = 0; index < static_cast<int>(m_methods.size()); ++index) {
            const Method& method = m_methods[index];
            const std::string label = method_label(method.name, method.fee);
            const bool pressed = widgets::button(("portal_pay.method." + method.code).c_str(), label.c_str(),
                                                 index == m_method ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary,
                                                 -FLT_MIN, m_has_payment && !m_paid);
            ui_registry::set_pressed(index == m_method);
            if (pressed) m_method = index;
        }
        ImGui::Dummy(ImVec2(0, display().px(4)));
        const bool ready = m_invoice_id != 0 && m_method >= 0 && !m_busy && !(m_has_payment && !m_paid);
        if (widgets::button("portal_pay.submit", m_busy ? tr("common.saving") : tr("portal.pay_now"), widgets::ButtonStyle::Primary,
                            -FLT_MIN, !ready))
            pay();
    }
    widgets::end_card();
}

// The QRIS as an image: the server's modules (libqrencode) as squares on the draw list with the
// 4-module white quiet zone scanners need, as large as a phone screen allows.
void ViewPortalPay::draw_qr(const Payment& payment) {
    widgets::muted("portal_pay.qr.hint", tr("portal.qr_image"));
    const float available = ImGui::GetContentRegionAvail().x;
    const float side = std::min(available, display().px(280));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - side) * 0.5f);  // centred
    const float cell = side / static_cast<float>(payment.qr_size + 8);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    for (int y = 0; y < payment.qr_size; ++y)
        for (int x = 0; x < payment.qr_size; ++x)
            if (payment.qr_rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] == '1') {
                const ImVec2 a(origin.x + (x + 4) * cell, origin.y + (y + 4) * cell);
                draw->AddRectFilled(a, ImVec2(a.x + cell + 0.5f, a.y + cell + 0.5f), IM_COL32(0, 0, 0, 255));
            }
    ImGui::Dummy(ImVec2(side, side));
    ui_registry::record("qr", "portal_pay.qr.image", tr("portal.qr_image"), std::to_string(payment.qr_size));
}

void ViewPortalPay::draw_payment() {
    if (!m_has_payment) return;
    if (widgets::begin_card("portal_pay.payment")) {
        ImGui::PushTextWrapPos(0.f);  // a phone is narrower than the hints
        ImGui::PushFont(display().fonts().strong);
        widgets::text("text", "portal_pay.payment.title", tr("portal.payment_created"));
        ImGui::PopFont();
        if (m_paid) {
            widgets::banner("portal_pay.paid", tr("portal.paid"), false);
        } else if (m_status == "expired" || m_status == "failed") {
            widgets::banner("portal_pay.expired", tr("portal.expired"), true);
        } else {
            widgets::text("text", "portal_pay.waiting", tr("portal.waiting"), widgets::colors::kWarning);
        }
        if (m_resumed && !m_paid) widgets::muted("portal_pay.resumed", tr("portal.resumed"));
        if (m_payment.amount > 0) amount_row("portal_pay.amount", tr("portal.amount"), m_payment.amount, true);
        // Flip answers a QRIS charge with the QR string as its "payment code": that is no VA number.
        if (!m_payment.payment_code.empty() && m_payment.payment_code != m_payment.qr_string)
            copy_row("portal_pay.code", tr("portal.va_number"), m_payment.payment_code);
        if (m_payment.qr_size > 0 && !m_paid) draw_qr(m_payment);
        if (!m_payment.qr_string.empty()) copy_row("portal_pay.qr", tr("portal.qr_string"), m_payment.qr_string);
        if (!m_payment.payment_url.empty() && !m_paid) {
            if (widgets::button("portal_pay.url.open", tr("portal.open_link"), widgets::ButtonStyle::Primary,
                                display().compact() ? ImGui::GetContentRegionAvail().x : 0.f))
                platform::open_url(m_payment.payment_url);
            copy_row("portal_pay.url", tr("portal.link"), m_payment.payment_url);
        }
        // The expiry as the server words it (its time zone, its format, as the bill page shows it);
        // an answer without the words shows the moment as sent.
        const std::string& expires = m_payment.expires_text.empty() ? m_payment.expires_at : m_payment.expires_text;
        if (!expires.empty()) widgets::muted("portal_pay.expires", i18n::tr_format("portal.expires", {{"time", expires}}));
        widgets::muted("portal_pay.order", i18n::tr_format("portal.order", {{"order", m_payment.order_id}}));
        if (m_paid || m_status == "expired" || m_status == "failed") {
            if (widgets::button("portal_pay.again", tr("portal.pay_another"))) {
                m_has_payment = false;
                m_resumed = false;
                m_paid = false;
                m_method = -1;
                m_invoice_id = m_invoices.empty() ? 0 : m_invoices.front().invoice.id;
            }
        }
        ImGui::PopTextWrapPos();
    }
    widgets::end_card();
}

void ViewPortalPay::draw(App&) {
    ImGui::PushTextWrapPos(0.f);
    widgets::muted("portal_pay.hint", tr("portal.pay_hint"));
    ImGui::PopTextWrapPos();
    if (!m_error.empty()) widgets::banner("portal_pay.error", m_error, true);
    draw_payment();
    const bool compact = display().compact();
    const float half = compact ? 0.f : (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    draw_invoices(half);
    if (!compact) ImGui::SameLine();
    draw_methods(half);
}

}  // namespace kimonet
