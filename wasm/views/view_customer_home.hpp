#pragma once
// The customer portal: their service (package, speed, price, status), this month's bill with its
// status and PDF, all their invoices, and their profile (phone, email) and password.
#include <optional>
#include <string>
#include <vector>

#include "api/billing_dto.hpp"
#include "core/error.hpp"
#include "customers/customer.hpp"
#include "packages/package.hpp"
#include "view.hpp"

namespace kimonet {

class App;

class ViewCustomerHome final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;

private:
    void load_profile();
    void load_invoices();
    void load_isolation_date();
    void draw_service_card(App& app, float width);
    void draw_bill_card(App& app, float width);
    void draw_invoices();
    void draw_profile_card(float width);
    void draw_password_card(float width);
    void save_profile();
    // How invoices and receipts reach me (customer_home_channel.cpp, issue 22): GET/PUT
    // /api/portal/channel, saved with the profile when changed.
    void load_channel_preference();
    void draw_channel_preference();
    void save_channel_preference();
    int m_channel_index = 0;
    int m_channel_loaded = 0;
    void change_password();
    const api::InvoiceResource* current_bill() const;
    const api::InvoiceResource* next_bill(const api::InvoiceResource& shown) const;

    std::optional<Customer> m_customer;
    std::optional<Package> m_package;
    std::vector<api::InvoiceResource> m_invoices;
    bool m_invoices_loaded = false;
    std::string m_isolation_date;  // from /api/portal/dunning: "2026-01-31" or empty
    api::Json m_promise;           // from /api/portal/dunning: the promise to pay offered or holding
    std::string m_promise_error;
    api::Json m_visits = api::Json::array();  // from /api/portal/jobs: the technician's next scheduled visits
    void make_promise(std::int64_t invoice_id);
    std::string m_error_code;
    bool m_loading = false;
    // Profile form.
    std::string m_phone, m_email;
    FieldErrors m_profile_errors;
    std::string m_profile_notice;
    bool m_profile_busy = false;
    // Password form.
    std::string m_current_password, m_new_password, m_repeat_password;
    FieldErrors m_password_errors;
    std::string m_password_notice;
    bool m_password_busy = false;
};

}  // namespace kimonet
