// What people type to find a customer (issue 18): a service number in lower case on the public
// bill page and bill check, a phone written the Indonesian way in the staff search.
#include <boost/test/unit_test.hpp>

#include "api/form_encoding.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(typed_lookups)

BOOST_AUTO_TEST_CASE(a_service_number_in_lower_case_opens_the_same_bill) {
    TestServer server;
    auto upper = server.get("/billing/CUST003");
    auto lower = server.get("/billing/cust003");
    BOOST_TEST_REQUIRE(upper.status == 200, upper.body);
    BOOST_TEST_REQUIRE(lower.status == 200, lower.body);
    BOOST_TEST(lower.body == upper.body);
    auto checked = server.post("/billing/check", R"({"customer_number":" cust003 "})");
    BOOST_TEST_REQUIRE(checked.status == 200, checked.body);
    BOOST_TEST(checked.json()["customer"]["nomor_layanan"] == "CUST003", checked.body);
    BOOST_TEST(server.post("/billing/check", R"({"customer_number":"cust999"})").status == 404);
}

BOOST_AUTO_TEST_CASE(a_phone_search_finds_the_customer_however_the_number_is_written) {
    TestServer server;
    const std::string token = server.login("admin");
    // The demo's CUST003 has the phone 0812-1002-3757 (stored 6281210023757).
    for (const char* typed : {"0812-1002-3757", "+62 812 1002 3757", "6281210023757", "0812 1002 3757"}) {
        auto found = server.get("/api/customers?q=" + api::url_encode(typed), token);
        BOOST_TEST_REQUIRE(found.status == 200, found.body);
        BOOST_TEST_REQUIRE(found.json()["data"].size() == 1u, typed << ": " << found.body);
        BOOST_TEST(found.json()["data"][0]["service_number"] == "CUST003", typed);
    }
}

BOOST_AUTO_TEST_SUITE_END()
