#include "views/view_customer_form.hpp"

#include <algorithm>

#include "api/dto.hpp"
#include "api_client.hpp"
#include "app.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "platform/browser_glue.hpp"
#include "platform/display.hpp"
#include "views/connection_methods.hpp"
#include "views/form_modal.hpp"
#include "views/invoice_preview.hpp"
#include "widgets/field_kind.hpp"
#include "widgets/form_widgets.hpp"

namespace kimonet {
namespace {

using i18n::tr;
using platform::display;

constexpr const char* kCustomerFormPopup = "customer_form";
// Lets shared/'s validation run on a create form whose nomor layanan the server will assign.
constexpr const char* kServiceNumberPlaceholder = "AUTO-000";
constexpr CustomerStatus kCustomerFormStatuses[] = {CustomerStatus::Active, CustomerStatus::Isolated, CustomerStatus::Inactive,
                                        CustomerStatus::Terminated};

std::optional<int> parse_small_number(const std::string& text, bool& valid) {
    valid = true;
    if (text.empty()) return std::nullopt;
    if (text.size() > 2 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        valid = false;
        return std::nullopt;
    }
    return std::stoi(text);
}

Date today() {
    return local_from_unix(static_cast<std::int64_t>(platform::now_unix_seconds()), i18n::time_zone()).date;
}

}  // namespace

void ViewCustomerForm::open(App& app, std::function<void(const Customer&)> saved) {
    m_saved = std::move(saved);
    m_service_number = m_base.service_number;
    m_name = m_base.name;
    m_phone = m_base.phone;
    m_email = m_base.email;
    m_address = m_base.address;
    m_pppoe_username = m_base.pppoe_username;
    m_pppoe_password.clear();
    m_method_index = connection_method_index(m_base.connection_method);
    m_ip_address = m_base.ip_address;
    m_mac_address = m_base.mac_address;
    m_npwp = m_base.tax.npwp;
    m_nik = m_base.tax.nik;
    m_nitku = m_base.tax.nitku;
    m_needs_faktur = m_base.tax.needs_faktur;
    load_location(app);
    load_channel(app);
    m_join_date = to_string(m_base.join_date);
    m_due_day = m_base.due_day ? std::to_string(*m_base.due_day) : "";
    const auto& packages = app.catalog().packages;
    m_package_index = -1;
    for (std::size_t index = 0; index < packages.size(); ++index)
        if (packages[index].id == m_base.package_id) m_package_index = static_cast<int>(index);
    m_router_index = 0;
    const auto& routers = app.catalog().routers;
    for (std::size_t index = 0; index < routers.size(); ++index)
        if (m_base.router_id && routers[index].id == *m_base.router_id) m_router_index = static_cast<int>(index) + 1;
    m_status_index = static_cast<int>(m_base.status);
    m_server_errors.clear();
    m_banner.clear();
    m_submitted = false;
    m_busy = false;
    m_open_requested = true;
}

void ViewCustomerForm::open_create(App& app, std::function<void(const Customer&)> saved) {
    m_editing = false;
    m_base = Customer{};
    m_base.join_date = today();
    open(app, std::move(saved));
}

void ViewCustomerForm::open_edit(App& app, const Customer& customer, std::function<void(const Customer&)> saved) {
    m_editing = true;
    m_base = customer;
    open(app, std::move(saved));
}

api::Json ViewCustomerForm::request_json(App& app, FieldErrors& local_errors) const {
    api::Json json{{"name", m_name},       {"phone", m_phone},     {"email", m_email},
                   {"address", m_address}, {"pppoe_username", m_pppoe_username}, {"join_date", m_join_date}};
    const auto& packages = app.catalog().packages;
    json["package_id"] = m_package_index >= 0 && m_package_index < static_cast<int>(packages.size())
                             ? packages[m_package_index].id
                             : std::int64_t{0};
    const auto& routers = app.catalog().routers;
    json["router_id"] = m_router_index > 0 && m_router_index <= static_cast<int>(routers.size())
                            ? api::Json(routers[m_router_index - 1].id)
                            : api::Json(nullptr);
    // Fields the chosen method does not use are sent empty: a customer moved from static IP to
    // PPPoE gives its address back (addresses are unique per router).
    const ConnectionMethodChoice& method = connection_method_choices()[m_method_index];
    json["connection_method"] = to_string(method.method);
    json["ip_address"] = method.uses_ip ? m_ip_address : std::string();
    json["mac_address"] = method.uses_mac ? m_mac_address : std::string();
    json["npwp"] = m_npwp;
    json["nik"] = m_nik;
    json["nitku"] = m_nitku;
    json["needs_faktur"] = m_needs_faktur;
    bool due_day_valid = true;
    const auto due_day = parse_small_number(m_due_day, due_day_valid);
    json["due_day"] = due_day ? api::Json(*due_day) : api::Json(nullptr);
    if (!due_day_valid) local_errors["due_day"] = tr("field.not_a_number");
    if (m_editing) json["status"] = to_string(kCustomerFormStatuses[m_status_index]);
    if (m_editing || !m_service_number.empty()) json["service_number"] = m_service_number;
    if (!m_pppoe_password.empty()) {
        json["pppoe_password"] = m_pppoe_password;
        if (auto problem = pppoe_password_problem(m_pppoe_password)) local_errors["pppoe_password"] = *problem;
    }
    return json;
}

FieldErrors ViewCustomerForm::validate(App& app) const {
    FieldErrors errors;
    api::Json json = request_json(app, errors);
    if (!json.contains("service_number")) json["service_number"] = kServiceNumberPlaceholder;
    if (auto validated = api::customer_from_json(json, m_base); !validated)
        for (const auto& [field, message] : validated.error().fields) errors.emplace(field, message);
    location_json(errors);
    return errors;
}

std::string ViewCustomerForm::field_error(const FieldErrors& live, const char* field, bool has_value) const {
    if (auto server = m_server_errors.find(field); server != m_server_errors.end()) return i18n::translate_message(server->second);
    auto local = live.find(field);
    if (local == live.end() || !(m_submitted || has_value)) return {};
    return i18n::translate_message(local->second);
}

void ViewCustomerForm::submit(App& app) {
    FieldErrors errors = validate(app);
    m_submitted = true;
    if (!errors.empty()) {
        m_banner = "form.fix_errors";
        return;
    }
    FieldErrors ignored;
    const api::Json body = request_json(app, ignored);
    m_busy = true;
    m_banner.clear();
    auto done = [this, &app](const ApiResponse& response) {
        m_busy = false;
        if (response.ok()) {
            const api::Json& data = response.body.contains("data") ? response.body["data"] : response.body;
            Customer stored = m_base;
            stored.id = json_int(data, "id", m_base.id);
            if (auto parsed = api::customer_from_json(data, stored)) stored = std::move(parsed).value();
            save_channel(app, stored);  // then the coordinates
            return;
        }
        m_server_errors = response.fields;
        m_banner = response.error_code == "validation_failed" ? "form.fix_errors" : "error." + response.error_code;
        m_banner_detail = response.error_message;
    };
    if (m_editing) api_client().put("/api/customers/" + std::to_string(m_base.id), body, done);
    else api_client().post("/api/customers", body, done);
}

void ViewCustomerForm::draw_fields(App& app, const FieldErrors& live) {
    const bool compact = display().compact();
    const bool grid = !compact && ImGui::BeginTable("customer_form.grid", 2, ImGuiTableFlags_SizingStretchSame);
    auto cell = [grid] {
        if (grid) ImGui::TableNextColumn();
    };
    // Editing a field withdraws the server's complaint about it; live validation takes over.
    auto edited = [this](const char* field) { m_server_errors.erase(field); };

    cell();
    if (widgets::text_field("customer_form.service_number", tr("field.service_number"), m_service_number,
                            field_error(live, "service_number", !m_service_number.empty()), ImGuiInputTextFlags_CharsUppercase,
                            m_editing ? nullptr : tr("field.service_number_hint")))
        edited("service_number");
    cell();
    if (widgets::text_field("customer_form.name", tr("field.name"), m_name, field_error(live, "name", !m_name.empty())))
        edited("name");
    cell();
    widgets::mark_field("customer_form.phone", widgets::FieldKind::Phone);
    widgets::mark_field("customer_form.email", widgets::FieldKind::Email);
    if (widgets::text_field("customer_form.phone", tr("field.phone"), m_phone, field_error(live, "phone", !m_phone.empty()), 0,
                            "0812…"))
        edited("phone");
    cell();
    if (widgets::text_field("customer_form.email", tr("field.email"), m_email, field_error(live, "email", !m_email.empty())))
        edited("email");

    std::vector<std::string> packages;
    for (const Package& package : app.catalog().packages)
        packages.push_back(package.name + "  ·  " + format_rupiah(package.price));
    cell();
    if (widgets::select_field("customer_form.package", tr("field.package"), packages, m_package_index,
                              field_error(live, "package_id", m_package_index >= 0)))
        edited("package_id");
    std::vector<std::string> routers{tr("field.router_none")};
    for (const RouterOption& router : app.catalog().routers) routers.push_back(router.name);
    cell();
    if (widgets::select_field("customer_form.router", tr("field.router"), routers, m_router_index,
                              field_error(live, "router_id", true)))
        edited("router_id");
    draw_connection_fields(live, cell);
    cell();
    if (widgets::text_field("customer_form.join_date", tr("field.join_date"), m_join_date,
                            field_error(live, "join_date", !m_join_date.empty())))
        edited("join_date");
    cell();
    if (widgets::text_field("customer_form.due_day", tr("field.due_day"), m_due_day, field_error(live, "due_day", true),
                            ImGuiInputTextFlags_CharsDecimal))
        edited("due_day");
    if (m_editing) {
        std::vector<std::string> statuses;
        for (CustomerStatus status : kCustomerFormStatuses) statuses.push_back(i18n::status_label(status));
        cell();
        if (widgets::select_field("customer_form.status", tr("field.status"), statuses, m_status_index,
                                  field_error(live, "status", true)))
            edited("status");
    }
    // Where the customer is (issue 21), beside the other fields every customer has: the technician
    // fills it in at the door.
    if (app.user().can("inventory.place")) draw_location_fields(live, cell);
    if (grid) ImGui::EndTable();
    if (widgets::text_field("customer_form.address", tr("field.address"), m_address, field_error(live, "address", !m_address.empty())))
        edited("address");
    // The tax identities after everything every customer has: most customers have none, and they
    // must not push the address below the fold.
    const bool tax_grid = !compact && ImGui::BeginTable("customer_form.tax_grid", 2, ImGuiTableFlags_SizingStretchSame);
    draw_tax_fields(live, [tax_grid] {
        if (tax_grid) ImGui::TableNextColumn();
    });

    if (tax_grid) ImGui::EndTable();
    // How invoices and receipts reach the customer (issue 22): last, so it moves no other field.
    draw_channel_field([] {});
    if (!m_editing && compact) {
        ImGui::Dummy(ImVec2(0, display().px(6)));
        draw_preview(app);
    }
}

void ViewCustomerForm::draw_connection_fields(const FieldErrors& live, const std::function<void()>& cell) {
    auto edited = [this](const char* field) { m_server_errors.erase(field); };
    std::vector<std::string> methods;
    for (const ConnectionMethodChoice& choice : connection_method_choices()) methods.push_back(tr(choice.label_key));
    cell();
    if (widgets::select_field("customer_form.connection_method", tr("field.connection_method"), methods, m_method_index,
                              field_error(live, "connection_method", true)))
        edited("connection_method");
    const ConnectionMethodChoice& method = connection_method_choices()[m_method_index];
    if (method.uses_pppoe) {
        cell();
        if (widgets::text_field("customer_form.pppoe_username", tr("field.pppoe_username"), m_pppoe_username,
                                field_error(live, "pppoe_username", !m_pppoe_username.empty())))
            edited("pppoe_username");
        cell();
        if (widgets::password_field("customer_form.pppoe_password",
                                    m_editing ? tr("field.pppoe_password_keep") : tr("field.pppoe_password"), m_pppoe_password,
                                    field_error(live, "pppoe_password", !m_pppoe_password.empty())))
            edited("pppoe_password");
    }
    if (method.uses_ip) {
        cell();
        if (widgets::text_field("customer_form.ip_address", tr("field.ip_address"), m_ip_address,
                                field_error(live, "ip_address", !m_ip_address.empty()), 0, "10.10.10.5"))
            edited("ip_address");
    }
    if (method.uses_mac) {
        cell();
        if (widgets::text_field("customer_form.mac_address", tr(method.mac_required ? "field.mac_address" : "field.mac_address_optional"),
                                m_mac_address, field_error(live, "mac_address", !m_mac_address.empty()), 0, "AA:BB:CC:DD:EE:FF"))
            edited("mac_address");
    }
}

void ViewCustomerForm::draw_preview(App& app) {
    InvoicePreviewInput input;
    const auto& packages = app.catalog().packages;
    if (m_package_index >= 0 && m_package_index < static_cast<int>(packages.size())) input.package = &packages[m_package_index];
    input.join_date = m_join_date;
    bool due_day_valid = true;
    input.due_day = parse_small_number(m_due_day, due_day_valid);
    draw_invoice_preview(input, app.catalog());
}

void ViewCustomerForm::draw(App& app) {
    if (m_open_requested) {
        ImGui::OpenPopup(kCustomerFormPopup);
        m_open_requested = false;
        m_close_requested = false;
    }
    const std::string title = m_editing ? i18n::tr_format("customer_form.edit_title", {{"number", m_base.service_number}})
                                        : std::string(tr("customer_form.create_title"));
    // Creating on a wide screen: the first-invoice preview sits beside the fields.
    const bool side_preview = !m_editing && !display().compact();
    m_visible = begin_form_modal(kCustomerFormPopup, "customer_form.title", title, display().px(side_preview ? 1040 : 680));
    if (!m_visible) return;
    if (m_close_requested) {
        m_close_requested = false;
        ImGui::CloseCurrentPopup();
    }
    const FieldErrors live = validate(app);
    const std::string banner = m_banner.starts_with("error.") ? i18n::api_error_text(m_banner.substr(6), m_banner_detail)
                                                              : (m_banner.empty() ? "" : tr(m_banner));
    if (begin_form_body("customer_form.body", banner)) {
        if (side_preview) {
            const float preview_width = display().px(330);
            ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
            ImGui::BeginChild("customer_form.fields", ImVec2(ImGui::GetContentRegionAvail().x - preview_width - display().px(16), 0));
            draw_fields(app, live);
            ImGui::EndChild();
            ImGui::SameLine(0, display().px(16));
            ImGui::BeginChild("customer_form.preview", ImVec2(0, 0));
            draw_preview(app);
            ImGui::EndChild();
            ImGui::PopStyleColor();
        } else {
            draw_fields(app, live);
        }
    }
    end_form_body();
    switch (draw_form_footer("customer_form", banner, m_busy)) {
    case FormAction::Save: submit(app); break;
    case FormAction::Cancel: ImGui::CloseCurrentPopup(); break;
    case FormAction::None: break;
    }
    end_form_modal();
}

}  // namespace kimonet
