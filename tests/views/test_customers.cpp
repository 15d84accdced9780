// Pelanggan, headless: the list as the server's own serialiser writes it (api::to_json), the
// total, the per-row cells and the actions a role may use. Moved from the value checks of the
// browser suites; Playwright keeps typing, scrolling and the real server round trips.
#include <boost/test/unit_test.hpp>

#include "api/dto.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;

namespace {

kimonet::Customer customer(std::int64_t id, std::string number, std::string name, kimonet::CustomerStatus status) {
    kimonet::Customer c;
    c.id = id;
    c.service_number = std::move(number);
    c.name = std::move(name);
    c.phone = "6281234567890";
    c.package_id = 1;
    c.status = status;
    c.join_date = {2025, 3, 14};
    return c;
}

// GET /api/customers as the server answers it: {"success":true,"data":[...],"total":N}.
kimonet::api::Json customer_list(const std::vector<kimonet::Customer>& customers, int total) {
    kimonet::api::Json data = kimonet::api::Json::array();
    for (const auto& c : customers) data.push_back(kimonet::api::to_json(c));
    return {{"success", true}, {"data", data}, {"total", total}, {"page", 1}, {"per_page", 100}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(customers)

BOOST_AUTO_TEST_CASE(the_list_shows_each_customer_from_the_server_json) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/customers",
                         customer_list({customer(1, "CUST001", "Budi Santoso", kimonet::CustomerStatus::Active),
                                        customer(2, "CUST002", "Siti Aminah", kimonet::CustomerStatus::Isolated)},
                                       2));
    harness.sign_in_staff({"customers.read", "customers.update"});
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/customers?page=1&per_page=100") == 1);
    BOOST_TEST(harness.value("customers.table") == "2");
    BOOST_TEST(harness.value("customers.CUST001.name") == "Budi Santoso");
    BOOST_TEST(harness.value("customers.CUST002.name") == "Siti Aminah");
    BOOST_TEST(harness.value("customers.CUST001.phone") == "0812-3456-7890");  // as Indonesians write it
    BOOST_TEST(harness.value("customers.CUST001.join_date") == "14 Maret 2025");
    BOOST_TEST(harness.find("customers.CUST001.edit").has_value(), "customers.update: an edit button per row");
    BOOST_TEST(!harness.find("customers.add").has_value(), "no customers.create: no add button");
    BOOST_TEST(!harness.find("customers.CUST001.deactivate").has_value(), "no customers.delete: no deactivate");
}

// A table's columns are sized for what they hold, not by weight alone: at 1280 CSS px (a laptop at
// 100%) "PPPoE" after the package and "13 September 2025" were cut in their cells.
BOOST_AUTO_TEST_CASE(every_cell_of_the_list_is_drawn_whole_on_a_laptop) {
    ViewHarness harness;
    auto longest = customer(1, "CUST001", "Muhammad Rizky Pratama", kimonet::CustomerStatus::Active);
    longest.join_date = {2025, 9, 13};
    harness.api().answer("GET", "/api/customers",
                         customer_list({longest, customer(2, "CUST002", "Siti Aminah", kimonet::CustomerStatus::Isolated)}, 2));
    harness.sign_in_staff({"customers.read", "customers.update", "customers.delete"});
    harness.settle();
    harness.frames(2);
    int cells = 0;
    for (const auto& widget : harness.find_prefix("customers.CUST00")) {
        if (widget.value("kind", "") != "cell" && widget.value("kind", "") != "button") continue;
        ++cells;
        const float drawn = widget["rect"]["w"].get<float>(), shown = widget["hit"]["w"].get<float>();
        BOOST_TEST(shown >= drawn - 1.f, widget.value("id", "") << " \"" << widget.value("value", "") << "\": " << shown << " of " << drawn
                                                              << " px shown");
    }
    BOOST_TEST(cells >= 12);
    BOOST_TEST(harness.value("customers.CUST001.join_date") == "13 September 2025");
}

BOOST_AUTO_TEST_CASE(a_server_error_is_shown_instead_of_the_list) {
    ViewHarness harness;
    harness.api().answer_error("GET", "/api/customers", 500, "internal", "Kesalahan server");
    harness.sign_in_staff({"customers.read"});
    harness.settle();
    BOOST_TEST(!harness.find("customers.CUST001.name").has_value());
    BOOST_TEST(harness.find("toast.error").has_value(), "the failed request's message is a toast");
}

BOOST_AUTO_TEST_SUITE_END()
