#include "views/view_customer_home.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "core/money.hpp"
#include "customers/typed_lookup.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/customer_promise.hpp"
#include "views/billing_widgets.hpp"
#include "views/status_badge.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/theme.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

void detail_row(const char* id, const char* label, const std::string& value) {
    widgets::muted((std::string(id) + ".label").c_str(), label);
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, value);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, display().px(4)));
}

void card_title(const char* id, const char* text) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, text);
    ImGui::PopFont();
}

Period current_period() {
    return period_of(local_from_unix(static_cast<std::int64_t>(platform::now_unix_seconds()), i18n::time_zone()).date);
}

std::string pdf_path(const api::InvoiceResource& record) { return "/api/portal/invoices/" + std::to_string(record.invoice.id) + "/pdf"; }

}  // namespace

void ViewCustomerHome::enter(App&) {
    m_customer.reset();
    m_package.reset();
    m_invoices.clear();
    m_invoices_loaded = false;
    m_error_code.clear();
    m_profile_notice.clear();
    m_password_notice.clear();
    m_profile_errors.clear();
    m_password_errors.clear();
    m_current_password.clear();
    m_new_password.clear();
    m_repeat_password.clear();
    load_profile();
    load_invoices();
    load_isolation_date();
    m_visits = api::Json::array();
    api_client().get("/api/portal/jobs", [this](const ApiResponse& response) {
        if (response.ok() && response_data(response.body).is_array()) m_visits = response_data(response.body);
    });
}

void ViewCustomerHome::load_isolation_date() {
    m_isolation_date.clear();
    api_client().get("/api/portal/dunning", [this](const ApiResponse& response) {
        if (!response.ok()) return;
        m_isolation_date = json_string(response_data(response.body), "isolation_date");
        m_promise = response_data(response.body).contains("promise") ? response_data(response.body)["promise"] : api::Json();
    });
}

void ViewCustomerHome::make_promise(std::int64_t invoice_id) {
    m_promise_error.clear();
    api_client().post("/api/portal/invoices/" + std::to_string(invoice_id) + "/promise", api::Json::object(), [this](const ApiResponse& response) {
        if (!response.ok()) m_promise_error = i18n::api_error_text(response.error_code, response.error_message);
        load_isolation_date();
    });
}

void ViewCustomerHome::load_profile() {
    m_loading = true;
    load_channel_preference();
    api_client().get("/api/portal/me", [this](const ApiResponse& response) {
        m_loading = false;
        if (!response.ok()) {
            m_error_code = response.error_code;
            return;
        }
        const api::Json& customer = response.body.contains("customer") ? response.body["customer"] : api::Json();
        Customer base;
        base.id = json_int(customer, "id");
        if (auto parsed = api::customer_from_json(customer, base)) {
            m_customer = std::move(parsed).value();
            m_phone = customers::format_phone(m_customer->phone);  // as Indonesians write it: 0812-1002-3757
            m_email = m_customer->email;
        } else {
            m_error_code = "bad_response";
        }
        const api::Json& package = response.body.contains("package") ? response.body["package"] : api::Json();
        Package package_base;
        package_base.id = json_int(package, "id");
        if (auto parsed = api::package_from_json(package, package_base)) m_package = std::move(parsed).value();
    });
}

void ViewCustomerHome::load_invoices() {
    api_client().get("/api/portal/invoices?per_page=24", [this](const ApiResponse& response) {
        m_invoices_loaded = true;
        if (!response.ok()) {
            m_error_code = response.error_code;
            return;
        }
        m_invoices = api::invoice_resources_from_list(response.body);
    });
}

const api::InvoiceResource* ViewCustomerHome::current_bill() const {
    // This month's invoice (an open one first, when there are several); else the newest one that is
    // still open; else the newest.
    const Period now = current_period();
    for (const api::InvoiceResource& record : m_invoices)
        if (record.invoice.period == now && record.invoice.outstanding() > 0 && record.invoice.status != billing::InvoiceStatus::Void)
            return &record;
    for (const api::InvoiceResource& record : m_invoices)
        if (record.invoice.period == now && record.invoice.status != billing::InvoiceStatus::Void) return &record;
    for (const api::InvoiceResource& record : m_invoices)
        if (record.invoice.outstanding() > 0) return &record;
    return m_invoices.empty() ? nullptr : &m_invoices.front();
}

// The next bill after the one shown: the open invoice (not late) due first, other than `shown`.
const api::InvoiceResource* ViewCustomerHome::next_bill(const api::InvoiceResource& shown) const {
    const api::InvoiceResource* next = nullptr;
    for (const api::InvoiceResource& record : m_invoices)
        if (record.invoice.id != shown.invoice.id && record.invoice.outstanding() > 0 && !record.overdue &&
            record.invoice.status != billing::InvoiceStatus::Void && (!next || record.invoice.due_date < next->invoice.due_date))
            next = &record;
    return next;
}

void ViewCustomerHome::draw_service_card(App& app, float width) {
    if (widgets::begin_card("home.card", width)) {
        card_title("home.service.title", tr("home.service"));
        // Facts in two columns: short values, and the card stays as tall as the bill beside it.
        if (ImGui::BeginTable("home.facts", 2, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextColumn();
            detail_row("home.service_number", tr("home.service_number"), m_customer ? m_customer->service_number : app.user().username);
            ImGui::TableNextColumn();
            detail_row("home.package", tr("home.package"),
                       m_package ? m_package->name : (m_loading ? tr("common.loading") : tr("common.none")));
            if (m_package) {
                ImGui::TableNextColumn();
                detail_row("home.speed", tr("home.speed"),
                           format_speed(m_package->download_kbps) + " / " + format_speed(m_package->upload_kbps));
                ImGui::TableNextColumn();
                detail_row("home.price", tr("home.price"), format_rupiah(m_package->price));
            }
            if (m_customer) {
                ImGui::TableNextColumn();
                widgets::muted("home.status.label", tr("home.status"));
                status_badge("home.status", m_customer->status);
                ImGui::TableNextColumn();
                detail_row("home.since", tr("home.since"), i18n::format_date(m_customer->join_date));
            }
            ImGui::EndTable();
        }
        // The technician's next visit (an installation's time, issue 21).
        if (!m_visits.empty()) {
            const api::Json& visit = m_visits.front();
            const auto day = parse_date(json_string(visit, "scheduled_date"));
            ImGui::PushTextWrapPos(0.f);
            widgets::text("text", "home.visit",
                          i18n::tr_format("home.visit", {{"kind", i18n::tr("field.kind." + json_string(visit, "kind"))},
                                                         {"date", day ? i18n::format_date(*day) : json_string(visit, "scheduled_date")},
                                                         {"start", json_string(visit, "window_start")},
                                                         {"end", json_string(visit, "window_end")}}));
            ImGui::PopTextWrapPos();
        }
    }
    widgets::end_card();
}

void ViewCustomerHome::draw_bill_card(App& app, float width) {
    if (widgets::begin_card("home.bill", width)) {
        ImGui::PushTextWrapPos(0.f);  // the next bill's line is longer than a phone is wide
        card_title("home.bill.title", tr("home.bill"));
        const api::InvoiceResource* bill = current_bill();
        if (!bill) {
            widgets::muted("home.bill.empty", m_invoices_loaded ? tr("home.no_bill") : tr("common.loading"));
        } else {
            const billing::Invoice& invoice = bill->invoice;
            widgets::muted("home.bill.period", format_period_indonesian(invoice.period) + " · " + invoice.invoice_no);
            ImGui::PushFont(display().fonts().title);
            widgets::text("text", "home.bill.total", format_rupiah(invoice.totals.total));
            ImGui::PopFont();
            invoice_status_badge("home.bill.status", invoice.status, bill->overdue);
            ImGui::Dummy(ImVec2(0, display().px(4)));
            detail_row("home.bill.due_date", tr("invoice.due_date"), i18n::format_date(invoice.due_date));
            if (invoice.status == billing::InvoiceStatus::Paid) widgets::text("text", "home.bill.paid", tr("home.bill_paid"), widgets::colors::kSuccess);
            // The isolation date is a red warning only when a bill is late; for a bill not yet due it
            // is information, and after paying (the next bill not due yet) it is not shown at all.
            const bool late = std::any_of(m_invoices.begin(), m_invoices.end(), [](const api::InvoiceResource& record) {
                return record.invoice.outstanding() > 0 && record.overdue;
            });
            if (auto isolation = parse_date(m_isolation_date); isolation && (late || invoice.outstanding() > 0)) {
                const std::string text = i18n::tr_format("home.isolation_date", {{"date", i18n::format_date(*isolation)}});
                if (late) widgets::text("text", "home.bill.isolation", text, widgets::colors::kDanger);
                else widgets::muted("home.bill.isolation", text);
            }
            if (const std::int64_t promised = draw_portal_promise(m_promise, m_promise_error)) make_promise(promised);
            if (const api::InvoiceResource* next = next_bill(*bill))
                widgets::muted("home.bill.next", i18n::tr_format("home.next_bill", {{"period", format_period_indonesian(next->invoice.period)},
                                                                                   {"amount", format_rupiah(next->invoice.outstanding())},
                                                                                   {"date", i18n::format_date(next->invoice.due_date)}}));
            if (invoice.outstanding() > 0 && invoice.paid_amount > 0)
                detail_row("home.bill.outstanding", tr("invoice.outstanding"), format_rupiah(invoice.outstanding()));
            // The bill the customer came for is paid from here: "Bayar sekarang" opens the pay screen
            // with this bill chosen (it was only under the menu's "Bayar online"); the PDF is secondary then.
            const bool open = invoice.outstanding() > 0;
            const float full = display().compact() ? ImGui::GetContentRegionAvail().x : 0.f;
            if (open && widgets::button("home.bill.pay", tr("portal.pay_now"), widgets::ButtonStyle::Primary, full)) app.pay_invoice(invoice.id);
            if (open && !display().compact()) ImGui::SameLine();
            pdf_button("home.bill.pdf", pdf_path(*bill), invoice.invoice_no + ".pdf", open ? widgets::ButtonStyle::Secondary : widgets::ButtonStyle::Primary,
                       full);
        }
        ImGui::PopTextWrapPos();
    }
    widgets::end_card();
}

void ViewCustomerHome::draw_invoices() {
    if (!widgets::begin_card("home.invoices")) {
        widgets::end_card();
        return;
    }
    card_title("home.invoices.title", tr("home.invoices"));
    if (m_invoices_loaded && m_invoices.empty()) widgets::muted("home.invoices.empty", tr("invoices.empty"));
    const bool compact = display().compact();
    for (const api::InvoiceResource& record : m_invoices) {
        const billing::Invoice& invoice = record.invoice;
        const std::string row = "home.invoice." + invoice.invoice_no;
        ImGui::PushID(static_cast<int>(invoice.id));
        ImGui::Separator();
        const float start = ImGui::GetCursorPosX();
        const float full = ImGui::GetContentRegionAvail().x;
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row + ".period", format_period_indonesian(invoice.period));
        if (!compact) {
            ImGui::SameLine(start + full * 0.22f);
            widgets::text("cell", row + ".number", invoice.invoice_no, widgets::colors::kMuted);
            ImGui::SameLine(start + full * 0.45f);
            widgets::text("cell", row + ".total", format_rupiah(invoice.totals.total));
            ImGui::SameLine(start + full * 0.62f);
            invoice_status_badge(row + ".status", invoice.status, record.overdue);
            ImGui::SameLine(start + full - display().px(110));
            pdf_button(row + ".pdf", pdf_path(record), invoice.invoice_no + ".pdf", widgets::ButtonStyle::Secondary, display().px(110));
        } else {
            ImGui::SameLine();
            invoice_status_badge(row + ".status", invoice.status, record.overdue);
            widgets::text("cell", row + ".total", format_rupiah(invoice.totals.total));
            ImGui::SameLine(start + full - display().px(130));
            pdf_button(row + ".pdf", pdf_path(record), invoice.invoice_no + ".pdf", widgets::ButtonStyle::Secondary, display().px(130));
        }
        // The bill card above has its own "Unduh PDF": each of these says which invoice it is.
        ui_registry::name_with(row + ".pdf", invoice.invoice_no);
        ImGui::PopID();
    }
    widgets::end_card();
}

void ViewCustomerHome::save_profile() {
    m_profile_busy = true;
    m_profile_notice.clear();
    m_profile_errors.clear();
    api_client().put("/api/portal/profile", api::Json{{"phone", m_phone}, {"email", m_email}}, [this](const ApiResponse& response) {
        m_profile_busy = false;
        if (!response.ok()) {
            m_profile_errors = response.fields;
            if (m_profile_errors.empty()) m_profile_errors["form"] = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        if (auto customer = response.body.find("customer"); customer != response.body.end() && m_customer) {
            if (auto parsed = api::customer_from_json(*customer, *m_customer)) m_customer = std::move(parsed).value();
            m_phone = customers::format_phone(m_customer->phone);
            m_email = m_customer->email;
        }
        m_profile_notice = tr("profile.saved");
        save_channel_preference();
    });
}

void ViewCustomerHome::change_password() {
    m_password_errors.clear();
    m_password_notice.clear();
    if (m_new_password != m_repeat_password) {
        m_password_errors["repeat_password"] = tr("password.mismatch");
        return;
    }
    m_password_busy = true;
    api_client().post("/api/portal/password", api::Json{{"current_password", m_current_password}, {"new_password", m_new_password}},
                      [this](const ApiResponse& response) {
                          m_password_busy = false;
                          if (!response.ok()) {
                              m_password_errors = response.fields;
                              if (m_password_errors.empty())
                                  m_password_errors["form"] = i18n::api_error_text(response.error_code, response.error_message);
                              return;
                          }
                          m_current_password.clear();
                          m_new_password.clear();
                          m_repeat_password.clear();
                          m_password_notice = tr("password.changed");
                      });
}

void ViewCustomerHome::draw_profile_card(float width) {
    if (widgets::begin_card("home.profile", width)) {
        card_title("profile.title", tr("profile.title"));
        widgets::mark_field("profile.phone", widgets::FieldKind::Phone);
        widgets::mark_field("profile.email", widgets::FieldKind::Email);
        widgets::text_field("profile.phone", tr("field.phone"), m_phone, i18n::field_message(m_profile_errors, "phone"), 0, "0812…");
        widgets::text_field("profile.email", tr("field.email"), m_email, i18n::field_message(m_profile_errors, "email"));
        draw_channel_preference();
        if (auto form = m_profile_errors.find("form"); form != m_profile_errors.end()) widgets::banner("profile.error", form->second, true);
        if (!m_profile_notice.empty()) widgets::banner("profile.notice", m_profile_notice, false);
        if (widgets::button("profile.save", m_profile_busy ? tr("common.saving") : tr("profile.save"), widgets::ButtonStyle::Primary,
                            display().compact() ? ImGui::GetContentRegionAvail().x : 0.f, m_profile_busy))
            save_profile();
    }
    widgets::end_card();
}

void ViewCustomerHome::draw_password_card(float width) {
    if (widgets::begin_card("home.password", width)) {
        card_title("password.title", tr("password.title"));
        // A real password-change form on the page (as the sign-in's): password managers fill the
        // current password, offer a new one and save it; Enter in a field saves.
        widgets::mark_field("password.current", widgets::FieldKind::CurrentPassword);
        widgets::mark_field("password.new", widgets::FieldKind::NewPassword);
        widgets::mark_field("password.repeat", widgets::FieldKind::NewPassword);
        widgets::mark_field("password.save", widgets::FieldKind::Submit);
        bool enter = widgets::password_field("password.current", tr("password.current"), m_current_password,
                                             i18n::field_message(m_password_errors, "current_password"));
        enter = widgets::password_field("password.new", tr("password.new"), m_new_password,
                                        i18n::field_message(m_password_errors, "new_password")) || enter;
        enter = widgets::password_field("password.repeat", tr("password.repeat"), m_repeat_password,
                                        i18n::field_message(m_password_errors, "repeat_password")) || enter;
        if (auto form = m_password_errors.find("form"); form != m_password_errors.end())
            widgets::banner("password.error", form->second, true);
        if (!m_password_notice.empty()) widgets::banner("password.notice", m_password_notice, false);
        const bool unready = m_password_busy || m_current_password.empty() || m_new_password.empty();
        if (widgets::button("password.save", m_password_busy ? tr("common.saving") : tr("password.save"), widgets::ButtonStyle::Primary,
                            display().compact() ? ImGui::GetContentRegionAvail().x : 0.f, unready) ||
            (enter && !unready && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
            change_password();
    }
    widgets::end_card();
}

void ViewCustomerHome::draw(App& app) {
    const std::string name = m_customer ? m_customer->name : app.user().name;
    widgets::title("home.greeting", i18n::tr_format("home.greeting", {{"name", name}}));
    widgets::muted("home.subtitle", tr("home.subtitle"));
    ImGui::Dummy(ImVec2(0, display().px(6)));
    if (!m_error_code.empty() && m_error_code != "forbidden")
        widgets::banner("home.error", i18n::api_error_text(m_error_code, {}), true);

    const bool compact = display().compact();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = compact ? 0.f : (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
    draw_bill_card(app, half);
    if (!compact) ImGui::SameLine();
    draw_service_card(app, half);
    draw_invoices();
    draw_profile_card(half);
    if (!compact) ImGui::SameLine();
    draw_password_card(half);
}

}  // namespace kimonet
