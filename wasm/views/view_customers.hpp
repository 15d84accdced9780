#pragma once
// Customers: search (name, nomor layanan, phone), filters, a sortable table (cards on phones),
// create/edit through ViewCustomerForm and deactivation.
// The list is one virtual scroll over every matching customer (100,000 scroll smoothly): the
// server still sorts, filters and searches; the app fetches the pages of 100 rows the viewport
// needs (ImGuiListClipper decides which rows are drawn) and keeps a window of them around it.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "customers/customer.hpp"
#include "views/view_customer_form.hpp"
#include "view.hpp"

struct ImGuiListClipper;

namespace kimonet {

class App;

class ViewCustomers final : public View {
public:
    void enter(App& app) override;
    void draw(App& app) override;
    // Puts the keyboard in the search field on the next frame.
    void focus_search() { m_focus_search = true; }

private:
    void reload();
    void draw_toolbar(App& app);
    void draw_table(App& app);
    void draw_cards(App& app);
    void draw_row_actions(App& app, const Customer& customer);
    // Steps the clipper, draws each row on screen and remembers which rows those were (the status
    // line's "from–to" and which pages to fetch come from them).
    void draw_visible_rows(ImGuiListClipper& clipper, const std::function<void(int index)>& draw_row);
    void draw_status_line();
    // The customer at `row` of the whole list, fetching its page when it is not here yet.
    const Customer* row(int index);
    void request_page(int page);
    std::string list_path(int page) const;
    void draw_confirm_deactivate();
    void saved(const Customer& customer);

    std::string m_search;
    double m_search_changed_at = 0;  // debounce: reload shortly after typing stops
    int m_status_filter = 0;         // 0 = all, then CustomerStatus + 1
    int m_package_filter = 0;        // 0 = all, then catalog.packages index + 1
    std::string m_sort = "service_number";
    int m_total = 0;
    std::map<int, std::vector<Customer>> m_pages;  // page (1-based) -> its rows
    std::set<int> m_pending;                       // pages asked for and not answered yet
    int m_first_visible = 0, m_last_visible = 0;   // rows on screen last frame
    bool m_focus_search = false;
    bool m_from_cache = false;
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
