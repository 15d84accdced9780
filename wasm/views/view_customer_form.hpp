#pragma once
// Create/edit a customer in a modal (full screen on phones). Validates live with shared/'s
// customer_from_json, so the browser shows the server's own rules before anything is sent;
// the server's 422 field messages are shown per field as well. Creating shows the customer's first
// invoice as it will be billed, computed offline (views/invoice_preview).
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"
#include "customers/customer.hpp"

namespace kimonet {

class App;

// A coordinate as the form shows it ("-6.914744"; "" for none).
std::string customer_coordinate_text(const std::optional<double>& value);

class ViewCustomerForm {
public:
    // `saved` runs with the stored customer after a successful save.
    void open_create(App& app, std::function<void(const Customer&)> saved);
    void open_edit(App& app, const Customer& customer, std::function<void(const Customer&)> saved);
    void draw(App& app);
    // Open or about to open (the customer screen's address says "/edit" then).
    bool is_open() const { return m_open_requested || (m_visible && !m_close_requested); }
    bool is_editing() const { return m_editing; }
    // Back from #/customers/42/edit: closes without saving.
    void close() { m_close_requested = true; }

private:
    void open(App& app, std::function<void(const Customer&)> saved);
    void draw_fields(App& app, const FieldErrors& errors);
    // The connection method and the fields it uses (PPPoE account, or IP and MAC).
    void draw_connection_fields(const FieldErrors& errors, const std::function<void()>& cell);
    // NPWP, NIK, NITKU and "needs faktur" (view_customer_form_tax.cpp), checked by shared/customers/tax_identity.
    void draw_tax_fields(const FieldErrors& errors, const std::function<void()>& cell);
    // Latitude and longitude (view_customer_form_location.cpp, issue 21), checked like the server does.
    // They live in the inventory (PUT /api/inventory/customers/{id}/location, inventory.place), not in the
    // customer record: loaded when an existing customer is opened, saved after the customer is.
    void draw_location_fields(const FieldErrors& errors, const std::function<void()>& cell);
    void load_location(App& app);
    // {latitude, longitude} of the fields (null when empty); field errors (range, both or neither) to `errors`.
    api::Json location_json(FieldErrors& errors) const;
    // After the customer is stored: its coordinates if they changed, then the form closes (or shows why not).
    void save_location(App& app, const Customer& stored);
    // The channel preference (view_customer_form_channel.cpp, issue 22): its own endpoint, loaded on
    // open and saved after the customer (then the coordinates), only when changed.
    void load_channel(App& app);
    void draw_channel_field(const std::function<void()>& cell);
    void save_channel(App& app, const Customer& stored);
    int m_channel_index = 0;
    int m_channel_loaded = 0;
    // The offline first-invoice preview (create only): beside the fields, below them on phones.
    void draw_preview(App& app);
    // The body sent to the server; problems only the form can see (a non-numeric due day) go to local_errors.
    api::Json request_json(App& app, FieldErrors& local_errors) const;
    FieldErrors validate(App& app) const;
    void submit(App& app);
    // The server's message for the field, else the live one once the field has content or after Save.
    std::string field_error(const FieldErrors& live, const char* field, bool has_value) const;

    bool m_open_requested = false;
    bool m_close_requested = false;
    bool m_visible = false;
    bool m_editing = false;
    bool m_busy = false;
    bool m_submitted = false;
    Customer m_base;
    std::string m_service_number, m_name, m_phone, m_email, m_address, m_pppoe_username, m_join_date, m_due_day;
    std::string m_pppoe_password;  // write-only: empty keeps the stored one
    std::string m_ip_address, m_mac_address;
    std::string m_npwp, m_nik, m_nitku;
    std::string m_latitude, m_longitude;
    std::string m_location_loaded;  // "lat,lon" as loaded, to send only a change
    bool m_needs_faktur = false;
    int m_package_index = -1, m_router_index = 0, m_status_index = 0;
    int m_method_index = 0;  // in connection_method_choices()
    FieldErrors m_server_errors;
    std::string m_banner;         // catalogue key ("form.fix_errors", "error.conflict", …)
    std::string m_banner_detail;  // the server's message, for errors the catalogue does not know
    std::function<void(const Customer&)> m_saved;
};

}  // namespace kimonet
