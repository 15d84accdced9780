#include "views/view_customer_detail.hpp"
#include "addresses.hpp"
#include "views/view_customer_form.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/display.hpp"
#include "ui_registry.hpp"
#include "views/billing_widgets.hpp"
#include "views/connection_methods.hpp"
#include "views/status_badge.hpp"
#include "widgets/form_widgets.hpp"
#include "widgets/list_widgets.hpp"
#include "widgets/theme.hpp"
#include "customers/typed_lookup.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

void profile_row(const char* id, const char* label, const std::string& value) {
    widgets::muted((std::string(id) + ".label").c_str(), label);
    ImGui::PushFont(display().fonts().strong);
    ImGui::PushTextWrapPos(0.f);
    widgets::text("text", id, value.empty() ? std::string(tr("common.none")) : value);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, display().px(2)));
}

void section_title(const char* id, const char* text) {
    ImGui::PushFont(display().fonts().strong);
    widgets::text("text", id, text);
    ImGui::PopFont();
}

}  // namespace

void ViewCustomerDetail::open(App& app, std::int64_t customer_id) {
    m_app = &app;
    m_customer_id = customer_id;
    m_customer.reset();
    m_invoices.clear();
    m_payments.clear();
    m_credit_balance = 0;
    m_coordinates.clear();
    m_odp_port.clear();
    m_credit.read_history(customer_id, api::Json::object());
    m_history_loaded = false;
    m_error.clear();
    m_edit_pending = false;
    // Another customer (or the same one again from the list): nothing of the last visit stays open.
    m_detail.close();
    if (m_form.is_open()) m_form.close();
    load();
    m_network.open(app, customer_id);
    m_dunning.open(app, customer_id);
}

void ViewCustomerDetail::reload_all() {
    load();
    if (!m_app) return;
    m_network.refresh(*m_app);
    m_dunning.open(*m_app, m_customer_id);
}

std::string ViewCustomerDetail::title() const {
    return m_customer ? m_customer->name + " · " + m_customer->service_number : std::string(tr("customer_detail.title"));
}

void ViewCustomerDetail::load() {
    const std::int64_t requested = m_customer_id;
    api_client().get("/api/customers/" + std::to_string(requested), [this, requested](const ApiResponse& response) {
        if (requested != m_customer_id) return;
        if (!response.ok()) {
            m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response_data(response.body);
        Customer base;
        base.id = json_int(data, "id");
        if (auto parsed = api::customer_from_json(data, base)) m_customer = std::move(parsed).value();
        m_whatsapp_opt_out.clear();
        if (const auto opt_out = data.find("whatsapp_opt_out"); data.is_object() && opt_out != data.end() && opt_out->is_object())
            m_whatsapp_opt_out = i18n::tr_format("customer_detail.whatsapp_opted_out",
                                                 {{"date", i18n::format_date_time(json_int(*opt_out, "opted_out_at"))},
                                                  {"keyword", json_string(*opt_out, "keyword")}});
        if (m_customer && m_app) m_radius.open(*m_app, m_customer->id, m_customer->connection_method == ConnectionMethod::Radius);
    });
    if (m_app && m_app->user().can("inventory.read"))
        api_client().get("/api/inventory/customers/" + std::to_string(requested), [this, requested](const ApiResponse& response) {
            if (requested != m_customer_id || !response.ok()) return;
            const api::Json& data = response_data(response.body);
            if (data.is_object() && data.contains("latitude") && data["latitude"].is_number() && data["longitude"].is_number())
                m_coordinates = customer_coordinate_text(data["latitude"].get<double>()) + ", " +
                                customer_coordinate_text(data["longitude"].get<double>());
            if (const auto port = data.find("port"); data.is_object() && port != data.end() && port->is_object())
                m_odp_port = i18n::tr_format("customer.odp_port", {{"odp", json_string(*port, "odp_name")},
                                                                  {"port", std::to_string(json_int(*port, "port_number"))}});
        });
    api_client().get("/api/customers/" + std::to_string(requested) + "/history", [this, requested](const ApiResponse& response) {
        if (requested != m_customer_id) return;
        m_history_loaded = true;
        if (!response.ok()) {
            if (response.error_code != "forbidden") m_error = i18n::api_error_text(response.error_code, response.error_message);
            return;
        }
        const api::Json& data = response_data(response.body);
        m_invoices.clear();
        if (auto invoices = data.find("invoices"); invoices != data.end()) m_invoices = api::invoice_resources_from_list(*invoices);
        if (auto payments = data.find("payments"); payments != data.end()) m_payments = api::payment_resources_from_list(*payments);
        m_credit_balance = json_int(data, "credit_balance");
        m_credit.read_history(requested, data);
        // Newest first, like the invoices screen.
        std::sort(m_invoices.begin(), m_invoices.end(),
                  [](const api::InvoiceResource& a, const api::InvoiceResource& b) { return a.invoice.period > b.invoice.period; });
    });
}

void ViewCustomerDetail::draw_profile(App& app, float width) {
    if (!widgets::begin_card("customer_detail.profile", width)) {
        widgets::end_card();
        return;
    }
    if (m_customer) {
        ImGui::PushFont(display().fonts().title);
        widgets::text("text", "customer_detail.name", m_customer->name);
        ImGui::PopFont();
        widgets::text("text", "customer_detail.service_number", m_customer->service_number, widgets::colors::kAccent);
        ImGui::SameLine();
        status_badge("customer_detail.status", m_customer->status);
        ImGui::Dummy(ImVec2(0, display().px(2)));
        draw_actions(app);
        ImGui::Dummy(ImVec2(0, display().px(4)));
        const Package* package = app.catalog().package(m_customer->package_id);
        profile_row("customer_detail.package", tr("field.package"),
                    package ? package->name + " · " + format_rupiah(package->price) : std::string(tr("common.none")));
        profile_row("customer_detail.phone", tr("field.phone"), customers::format_phone(m_customer->phone));
        if (!m_whatsapp_opt_out.empty()) profile_row("customer_detail.whatsapp_opt_out", tr("customer_detail.whatsapp_opt_out"), m_whatsapp_opt_out);
        profile_row("customer_detail.email", tr("field.email"), m_customer->email);
        profile_row("customer_detail.address", tr("field.address"), m_customer->address);
        const ConnectionMethodChoice& method = connection_method_choice(m_customer->connection_method);
        profile_row("customer_detail.connection_method", tr("field.connection_method"), tr(method.label_key));
        if (method.uses_pppoe) profile_row("customer_detail.pppoe", tr("field.pppoe_username"), m_customer->pppoe_username);
        if (method.uses_ip) profile_row("customer_detail.ip_address", tr("field.ip_address"), m_customer->ip_address);
        if (method.uses_mac && !m_customer->mac_address.empty())
            profile_row("customer_detail.mac_address", tr("field.mac_address"), m_customer->mac_address);
        if (!m_customer->tax.npwp.empty()) profile_row("customer_detail.npwp", tr("customer_tax.npwp_label"), m_customer->tax.npwp);
        if (!m_customer->tax.nik.empty()) profile_row("customer_detail.nik", tr("customer_tax.nik_label"), m_customer->tax.nik);
        if (!m_customer->tax.nitku.empty()) profile_row("customer_detail.nitku", tr("customer_tax.nitku_label"), m_customer->tax.nitku);
        if (m_customer->tax.needs_faktur) profile_row("customer_detail.faktur", tr("customer_tax.section"), tr("customer_tax.faktur_yes"));
        if (!m_coordinates.empty()) profile_row("customer_detail.coordinates", tr("customer.coordinates"), m_coordinates);
        if (!m_odp_port.empty()) profile_row("customer_detail.odp_port", tr("customer.odp"), m_odp_port);
        profile_row("customer_detail.join_date", tr("customers.col.join_date"), i18n::format_date(m_customer->join_date));
        profile_row("customer_detail.credit", tr("customer_detail.credit"), format_rupiah(m_credit_balance));
    } else {
        widgets::muted("customer_detail.loading", tr("common.loading"));
    }
    widgets::end_card();
}

void ViewCustomerDetail::draw_invoices(App&) {
    section_title("customer_detail.invoices.title", tr("customer_detail.invoices"));
    if (m_history_loaded && m_invoices.empty()) {
        widgets::muted("customer_detail.invoices.empty", tr("invoices.empty"));
        return;
    }
    const std::int64_t* clicked = nullptr;
    const bool compact = display().compact();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    // A phone has room for two columns: the number with its total under it, and the status (three
    // cut "INV-202601-0007", "Rp 166.500" and "Belum dibayar" at 360 px).
    if (!ImGui::BeginTable("customer_detail.invoices", compact ? 2 : 5, flags)) return;
    ImGui::TableSetupColumn(compact ? (std::string(tr("invoices.col.number")) + " / " + tr("invoices.col.total")).c_str()
                                    : tr("invoices.col.number"),
                            0, compact ? 1.2f : 1.5f);
    if (!compact) ImGui::TableSetupColumn(tr("invoices.col.period"), 0, 1.0f);
    if (!compact) ImGui::TableSetupColumn(tr("invoices.col.due_date"), 0, 1.5f);
    if (!compact) ImGui::TableSetupColumn(tr("invoices.col.total"), 0, 1.1f);
    ImGui::TableSetupColumn(tr("invoices.col.status"), 0, compact ? 1.0f : 1.5f);
    widgets::strong_headers_row();
    for (const api::InvoiceResource& record : m_invoices) {
        const std::string row = "customer_detail.invoice." + record.invoice.invoice_no;
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        widgets::text("cell", row + ".number", record.invoice.invoice_no, widgets::colors::kAccent);
        ui_registry::set_href(customer_address(m_customer_id) + "/" + invoice_address(record.invoice.id));
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsItemClicked()) clicked = &record.invoice.id;
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", row + ".period", to_string(record.invoice.period));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            widgets::text("cell", row + ".due_date", i18n::format_date(record.invoice.due_date));
        }
        if (!compact) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
        }
        widgets::text("cell", row + ".total", format_rupiah(record.invoice.totals.total));
        ImGui::TableNextColumn();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.5f);
        invoice_status_badge(row + ".status", record.invoice.status, record.overdue);
    }
    ImGui::EndTable();
    if (clicked) {
        const std::int64_t id = *clicked;
        m_detail.open(id, [this] { reload_all(); });
    }
}

void ViewCustomerDetail::draw_payments() {
    section_title("customer_detail.payments.title", tr("customer_detail.payments"));
    if (m_history_loaded && m_payments.empty()) {
        widgets::muted("customer_detail.payments.empty", tr("payments.empty"));
        return;
    }
    for (const api::PaymentResource& listed : m_payments) payment_row("customer_detail.payment." + listed.payment.receipt_no, listed);
}

void ViewCustomerDetail::draw(App& app) {
    if (widgets::button("customer_detail.back", tr("customer_detail.back"), widgets::ButtonStyle::Link)) {
        app.navigate(Screen::Customers);
        return;
    }
    if (!m_error.empty()) widgets::banner("customer_detail.error", m_error, true);
    const bool compact = display().compact();
    const float profile_width = compact ? 0.f : std::min(display().px(340), ImGui::GetContentRegionAvail().x * 0.36f);
    draw_profile(app, profile_width);
    if (!compact) ImGui::SameLine();
    ImGui::BeginGroup();
    if (widgets::begin_card("customer_detail.billing")) {
        draw_invoices(app);
        ImGui::Dummy(ImVec2(0, display().px(10)));
        draw_payments();
        m_credit.draw_lists();
    }
    widgets::end_card();
    if (m_customer && (app.user().can("network.read") || app.user().can("network.control"))) {
        if (widgets::begin_card("customer_detail.network")) {
            m_network.draw(app, m_customer->status, [this] { reload_all(); });
            m_radius.draw();
        }
        widgets::end_card();
    }
    if (m_customer && app.user().can("dunning.read")) {
        if (widgets::begin_card("customer_detail.dunning")) m_dunning.draw(app);
        widgets::end_card();
    }
    if (m_customer && app.user().can("tickets.read")) {
        if (widgets::begin_card("customer_detail.tickets")) m_tickets.draw(m_customer_id);
        widgets::end_card();
    }
    ImGui::EndGroup();
    if (m_edit_pending && m_customer) {
        m_edit_pending = false;
        edit(app);
    }
    m_detail.draw(app);
    m_form.draw(app);
    m_credit.draw_dialog(app);
}

}  // namespace kimonet
