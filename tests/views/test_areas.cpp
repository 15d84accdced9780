// Area tagih (issue 20): the admin's screen for collection areas, on a phone (390 px) — the areas
// with their customers and collectors, creating one, and in one area renaming it, choosing its
// collectors and putting customers in it by nomor layanan; the server's field message shown; the
// screen only for cash.areas.
#include <boost/test/unit_test.hpp>

#include "headless_platform.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;

namespace {

Json area_list() {
    return {{"success", true},
            {"data",
             {{{"id", 3}, {"name", "RW 03"}, {"customer_count", 2}, {"collector_ids", {7}}},
              {{"id", 4}, {"name", "RW 05"}, {"customer_count", 0}, {"collector_ids", Json::array()}}}}};
}

void open_as_admin(ViewHarness& harness) {
    kimonet::testing::set_canvas_width(390.f);
    harness.api().answer("GET", "/api/cash/areas", area_list());
    harness.api().answer("GET", "/api/cash/collectors",
                         {{"success", true},
                          {"data", {{{"id", 7}, {"username", "kolektor.barat"}, {"full_name", "Andi"}},
                                    {{"id", 8}, {"username", "kolektor.timur"}, {"full_name", ""}}}}});
    harness.api().answer("GET", "/api/cash/areas/3/customers",
                         {{"success", true}, {"data", {{{"id", 1}, {"service_number", "KMN-0001"}, {"name", "Budi Santoso"}}}}});
    harness.sign_in_staff({"cash.areas"}, "admin");
    harness.settle();
}

std::vector<Json> bodies(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<Json> out;
    for (const auto& sent : harness.api().sent())
        if (sent.method == method && sent.path == path) out.push_back(Json::parse(sent.body));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(areas)

BOOST_AUTO_TEST_CASE(the_admin_creates_renames_and_fills_an_area_on_a_phone) {
    ViewHarness harness("areas");
    open_as_admin(harness);
    BOOST_TEST(harness.value("areas.3.title") == "RW 03");
    BOOST_TEST(harness.value("areas.3.summary") == "2 pelanggan · Kolektor: kolektor.barat (Andi)");
    BOOST_TEST(harness.value("areas.4.summary") == "0 pelanggan · Kolektor: belum ada");

    harness.click("areas.new.name");
    harness.type("RW 07");
    harness.api().answer("POST", "/api/cash/areas", {{"success", true}, {"data", Json::object()}}, 201);
    harness.click("areas.create");
    harness.settle();
    const auto created = bodies(harness, "POST", "/api/cash/areas");
    BOOST_TEST_REQUIRE(created.size() == 1u);
    BOOST_TEST(created[0]["name"] == "RW 07");

    harness.click("areas.3.open");
    harness.settle();
    BOOST_TEST(harness.value("areas.3.customer.0") == "KMN-0001 · Budi Santoso");
    harness.click("areas.3.name");
    harness.select_all();
    harness.type("RW 03 Sukamaju");
    harness.api().answer("PUT", "/api/cash/areas/3", area_list());
    harness.click("areas.3.rename");
    harness.settle();
    const auto renamed = bodies(harness, "PUT", "/api/cash/areas/3");
    BOOST_TEST_REQUIRE(renamed.size() == 1u);
    BOOST_TEST(renamed[0]["name"] == "RW 03 Sukamaju");

    harness.click("areas.3.collector.8");
    harness.api().answer("PUT", "/api/cash/areas/3/collectors", area_list());
    harness.click("areas.3.save_collectors");
    harness.settle();
    const auto collectors = bodies(harness, "PUT", "/api/cash/areas/3/collectors");
    BOOST_TEST_REQUIRE(collectors.size() == 1u);
    BOOST_TEST(collectors[0]["user_ids"] == Json::array({7, 8}));

    // Service numbers as an operator types them; the server names the one it does not know.
    harness.click("areas.3.service_numbers");
    harness.type("KMN-0002, KMN-0003  KMN-0404");
    harness.api().answer_error("PUT", "/api/cash/areas/3/customers", 422, "validation_failed", "Data tidak valid",
                               {{"service_numbers", "pelanggan tidak ditemukan: KMN-0404"}});
    harness.click("areas.3.add_customers");
    harness.settle();
    const auto customers = bodies(harness, "PUT", "/api/cash/areas/3/customers");
    BOOST_TEST_REQUIRE(customers.size() == 1u);
    BOOST_TEST(customers[0]["service_numbers"] == Json::array({"KMN-0002", "KMN-0003", "KMN-0404"}));
    BOOST_TEST(harness.value("areas.3.service_numbers.error") == "pelanggan tidak ditemukan: KMN-0404");
    for (const auto& widget : harness.widgets()) {
        if (widget.value("kind", "") != "button" || !widget.value("visible", false)) continue;
        const float x = widget["rect"]["x"].get<float>(), w = widget["rect"]["w"].get<float>();
        BOOST_TEST((x >= -0.5f && x + w <= 390.5f), widget.value("id", "") << " at " << x << ".." << x + w);
    }
}

BOOST_AUTO_TEST_CASE(the_screen_is_only_for_cash_areas) {
    ViewHarness harness("areas");
    harness.sign_in_staff({"cash.collect"}, "collector");
    harness.settle();
    BOOST_TEST(!harness.find("areas.create").has_value());
    for (const auto& sent : harness.api().sent()) BOOST_TEST(sent.path.find("/api/cash/areas") == std::string::npos, sent.path);
}

BOOST_AUTO_TEST_SUITE_END()
