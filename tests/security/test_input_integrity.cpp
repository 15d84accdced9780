// Input integrity from a logged-in staff member's side: amounts that would wrap int64, totals
// past the Rp 1 trillion cap, control characters in names, and dates outside 2000..2100 (or in
// the future) are each refused with a 422 naming the field, and the database stays as it was.
#include <boost/test/unit_test.hpp>

#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::HttpReply;
using kimonet::testing::TestServer;

namespace {

struct IntegrityFixture {
    TestServer server;
    std::string admin = server.login("admin");

    // Sends the request and checks: 422, `field` among the field errors, nothing stored.
    void refused(const std::string& method, const std::string& path, const std::string& body, const std::string& field) {
        const std::string before = server.snapshot();
        const HttpReply reply = server.call(method, path, body, admin);
        BOOST_TEST(reply.status == 422, method << " " << path << " " << body << " -> " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains(field), reply.body);
        BOOST_TEST(server.snapshot() == before, method << " " << path << " changed the database");
    }
    // A fresh manual invoice of Rp 150.000 for customer 1 (the demo data has no invoices yet).
    std::string unpaid_invoice() {
        auto created = server.post("/api/invoices", invoice(Json::array({line(1, 150000)})).dump(), admin);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return std::to_string(created.json()["data"]["id"].get<std::int64_t>());
    }
    static Json line(std::int64_t quantity, const Json& unit_price, const char* kind = "charge") {
        return Json{{"description", "Perangkat"}, {"quantity", quantity}, {"unit_price", unit_price}, {"kind", kind}};
    }
    static Json invoice(const Json& lines) { return Json{{"customer_id", 1}, {"lines", lines}}; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(input_integrity, IntegrityFixture)

BOOST_AUTO_TEST_CASE(a_price_of_two_to_the_63_is_refused_not_stored_as_zero) {
    // 2^63 does not fit int64; it used to wrap to INT64_MIN, and × 2 as a discount stored 0.
    const std::string too_big = R"({"customer_id":1,"lines":[{"description":"Diskon","quantity":2,"unit_price":9223372036854775808,"kind":"discount"}]})";
    refused("POST", "/api/invoices", too_big, "lines.0.unit_price");
    refused("POST", "/api/invoices/" + unpaid_invoice() + "/lines",
            R"({"description":"Diskon","quantity":2,"unit_price":18446744073709551615,"kind":"discount"})", "unit_price");
    refused("POST", "/api/invoices", invoice(Json::array({line(2, INT64_MIN, "discount")})).dump(), "lines.0.unit_price");
}

BOOST_AUTO_TEST_CASE(a_line_or_an_invoice_over_one_trillion_is_refused_at_the_cap) {
    // 10.000 × Rp 1.000.000.000 = 10^13: both factors allowed, the line over the cap.
    refused("POST", "/api/invoices", invoice(Json::array({line(10000, 1'000'000'000)})).dump(), "lines.0.unit_price");
    // Two lines of exactly Rp 10^12 each: every line allowed, the sum over the cap.
    refused("POST", "/api/invoices", invoice(Json::array({line(1000, 1'000'000'000), line(1000, 1'000'000'000)})).dump(), "lines");
    // Adding lines one at a time reaches the same cap.
    refused("POST", "/api/invoices/" + unpaid_invoice() + "/lines", line(1000, 1'000'000'000).dump(), "lines");
}

BOOST_AUTO_TEST_CASE(an_invoice_at_the_cap_with_tax_is_exact_and_positive) {
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"tax_rate":"11"})", admin).status == 200);
    auto created = server.post("/api/invoices", invoice(Json::array({line(1000, 1'000'000'000)})).dump(), admin);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const Json data = created.json()["data"];
    BOOST_TEST(data["subtotal"].get<std::int64_t>() == 1'000'000'000'000);
    BOOST_TEST(data["tax"].get<std::int64_t>() == 110'000'000'000);
    BOOST_TEST(data["total"].get<std::int64_t>() == 1'110'000'000'000);
}

BOOST_AUTO_TEST_CASE(control_characters_in_names_are_refused_everywhere) {
    const Json customer = {{"name", std::string("Budi\0Santoso", 12)}, {"phone", "081234567890"}, {"package_id", 1}};
    refused("POST", "/api/customers", customer.dump(), "name");
    refused("PUT", "/api/customers/1", R"({"name":"Budi\u001b[2J"})", "name");
    refused("PUT", "/api/customers/1", R"({"name":"Budi\nSantoso"})", "name");
    refused("PUT", "/api/customers/1", R"({"address":"Jl. Merdeka\u0000 1"})", "address");
    refused("POST", "/api/packages", R"({"name":"Paket\u0007","download_kbps":1000,"upload_kbps":1000,"price":1000,"mikrotik_profile":"P1"})",
            "name");
    refused("PUT", "/api/routers/1", R"({"name":"Router\u0000"})", "name");
    refused("POST", "/api/invoices", invoice(Json::array({Json{{"description", "Kabel\u0085"}, {"quantity", 1}, {"unit_price", 1000}}})).dump(),
            "lines.0.description");
    refused("PUT", "/api/settings", R"({"company_name":"Kimonet\u0000"})", "company_name");
}

BOOST_AUTO_TEST_CASE(line_breaks_stay_allowed_where_text_is_multi_line) {
    auto reply = server.put("/api/customers/1", R"({"address":"Jl. Merdeka 1\nBandung"})", admin);
    BOOST_TEST(reply.status == 200, reply.body);
    BOOST_TEST(server.scalar("SELECT address FROM customers WHERE id = 1") == "Jl. Merdeka 1\nBandung");
    BOOST_TEST(server.put("/api/settings", R"({"company_address":"Jl. Merdeka 1\nBandung"})", admin).status == 200);
}

BOOST_AUTO_TEST_CASE(paid_at_before_2000_or_in_the_future_is_refused) {
    const std::string invoice_id = unpaid_invoice();
    for (const char* paid_at : {"1970-01-01", "1999-12-31T23:59", "2026-01-16"}) {  // today is 2026-01-15
        const Json payment = {{"invoice_id", std::stoll(invoice_id)}, {"amount", 1000}, {"method", "cash"}, {"paid_at", paid_at}};
        refused("POST", "/api/payments", payment.dump(), "paid_at");
    }
    const Json accepted = {{"invoice_id", std::stoll(invoice_id)}, {"amount", 1000}, {"method", "cash"}, {"paid_at", "2000-01-01"}, {"confirm", "partial"}};
    BOOST_TEST(server.post("/api/payments", accepted.dump(), admin).status == 201);
}

BOOST_AUTO_TEST_CASE(billing_periods_and_dates_outside_the_window_are_refused) {
    refused("POST", "/api/invoices/generate", R"({"period":"9999-12"})", "period");
    refused("POST", "/api/invoices/generate", R"({"period":"1999-12"})", "period");
    refused("POST", "/api/invoices/generate", R"({"period":"2026-03"})", "period");  // today is 2026-01
    refused("POST", "/api/invoices", Json{{"customer_id", 1}, {"due_date", "1970-01-01"}, {"lines", Json::array({line(1, 1000)})}}.dump(),
            "due_date");
    refused("POST", "/api/invoices", Json{{"customer_id", 1}, {"due_date", "9999-12-31"}, {"lines", Json::array({line(1, 1000)})}}.dump(),
            "due_date");
    refused("PUT", "/api/customers/1", R"({"join_date":"1970-01-01"})", "join_date");
    auto next_month = server.post("/api/invoices/generate", R"({"period":"2026-02","dry_run":true})", admin);
    BOOST_TEST(next_month.status == 200, next_month.body);
}

BOOST_AUTO_TEST_SUITE_END()
