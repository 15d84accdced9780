#pragma once
// Customers: search (name, nomor layanan, phone), filters, a paginated sortable table (cards on
// phones), create/edit through ViewCustomerForm and deactivation.
#include <optional>
#include <string>
#include <vector>

#include "customers/customer.hpp"
#include "views/view_customer_form.hpp"

namespace kimonet {

class App;

class ViewCustomers {
public:
    void enter(App& app);
    void draw(App& app);

private:
    void reload();
    void draw_toolbar(App& app);
    void draw_table(App& app);
    void draw_cards(App& app);
    void draw_row_actions(App& app, const Customer& customer);
    void draw_pager();
    void draw_confirm_deactivate();
    void saved(const Customer& customer);

    std::string m_search;
    double m_search_changed_at = 0;  // debounce: reload shortly after typing stops
    int m_status_filter = 0;         // 0 = all, then CustomerStatus + 1
    int m_package_filter = 0;        // 0 = all, then catalog.packages index + 1
    std::string m_sort = "service_number";
    int m_page = 1;
    int m_total = 0;
    std::vector<Customer> m_customers;
    bool m_loading = false;
    bool m_loaded = false;
    int m_request_serial = 0;
    std::string m_error;
    std::string m_notice;
    std::vector<std::int64_t> m_package_filter_ids;
    std::optional<Customer> m_confirm_deactivate;
    bool m_confirm_requested = false;
    ViewCustomerForm m_form;
};

}  // namespace kimonet
