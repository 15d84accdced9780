// The page's text and accessibility layer (wasm/text_layer.*), headless: what a frame hands to
// web/text_layer.js. The customer list's cells arrive once with their role, text and table row;
// a frame that drew the same things hands over nothing; a changed cell is the only record sent.
#include <boost/test/unit_test.hpp>

#include <string>

#include "api/dto.hpp"
#include "text_layer.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using Json = kimonet::api::Json;

namespace {

kimonet::Customer customer(std::int64_t id, std::string number, std::string name) {
    kimonet::Customer c;
    c.id = id;
    c.service_number = std::move(number);
    c.name = std::move(name);
    c.phone = "6281234567890";
    c.package_id = 1;
    c.join_date = {2025, 3, 14};
    return c;
}

Json customer_list(const std::vector<kimonet::Customer>& customers) {
    Json data = Json::array();
    for (const auto& c : customers) data.push_back(kimonet::api::to_json(c));
    return {{"success", true}, {"data", data}, {"total", customers.size()}, {"page", 1}, {"per_page", 100}};
}

// The record set for `key` in these changes ([key, role, text, name, x, y, w, h, font, container, states]).
Json record(const Json& changes, const std::string& key) {
    for (const Json& entry : changes["set"])
        if (entry[0] == key) return entry;
    return nullptr;
}

Json changes() {
    const std::string& text = kimonet::text_layer::changes();
    return text.empty() ? Json(nullptr) : Json::parse(text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_layer)

BOOST_AUTO_TEST_CASE(the_customer_list_is_handed_over_once_as_a_table_and_then_only_what_changed) {
    kimonet::text_layer::reset();
    ViewHarness harness;
    harness.api().answer("GET", "/api/customers",
                         customer_list({customer(1, "CUST001", "Budi Santoso"), customer(2, "CUST002", "Siti Aminah")}));
    harness.sign_in_staff({"customers.read", "customers.update"});
    harness.settle();

    const Json first = changes();
    BOOST_REQUIRE(first.is_object());
    const Json name = record(first, "customers.CUST001.name");
    BOOST_REQUIRE(name.is_array());
    BOOST_TEST(name[1] == "");  // plain text: the page makes it a cell of its row
    BOOST_TEST(name[2] == "Budi Santoso");
    BOOST_TEST(name[9].get<std::string>().find("/r") != std::string::npos, "placed in a table row: " << name[9]);
    const Json other = record(first, "customers.CUST002.name");
    BOOST_TEST(other[9] != name[9], "each customer in its own row");
    const Json header = record(first, "column_header.Nama");
    BOOST_REQUIRE(header.is_array());
    BOOST_TEST(header[1] == "columnheader");
    const Json edit = record(first, "customers.CUST001.edit");
    BOOST_REQUIRE(edit.is_array());
    BOOST_TEST(edit[1] == "button");
    BOOST_TEST(!edit[2].get<std::string>().empty(), "the button's text names it");
    const Json search = record(first, "customers.search");
    BOOST_REQUIRE(search.is_array());
    BOOST_TEST(search[1] == "textbox");
    BOOST_TEST(!search[3].get<std::string>().empty(), "the search field is named");
    BOOST_TEST(first.contains("order"));

    // Nothing new drawn: nothing handed over, frame after frame.
    harness.frames(3);
    BOOST_TEST(changes().is_null());

    // A letter typed into the search field (before the debounced reload): that field is the change.
    harness.click("customers.search");
    harness.frames(2);
    const Json focused = changes();
    BOOST_REQUIRE(focused.is_object());
    BOOST_TEST(focused["focus"] == "customers.search", "focus follows the clicked field");
    harness.type("B");
    harness.frames(1);
    const Json typed = changes();
    BOOST_REQUIRE(typed.is_object());
    BOOST_TEST(typed["set"].size() == 1u, "only the search field: " << typed["set"].dump());
    BOOST_TEST(record(typed, "customers.search")[2] == "B");
    BOOST_TEST(typed["del"].empty());
    BOOST_TEST(!typed.contains("order"), "the same things in the same order");
    BOOST_TEST(!typed.contains("focus"), "focus unchanged");
}

BOOST_AUTO_TEST_SUITE_END()
