// One wire contract: what shared/api's to_json writes, its from_json reads back to the same value
// (the server writes with one, the browser reads with the other), and the one JSON field reader
// and URL encoder both sides use.
#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"

using namespace kimonet;
using api::Json;

namespace {

billing::Invoice stored_invoice() {
    billing::Invoice invoice;
    invoice.id = 41;
    invoice.invoice_no = "INV-202601-0007";
    invoice.customer_id = 7;
    invoice.period = {2026, 1};
    invoice.kind = "manual";
    invoice.issue_date = {2026, 1, 1};
    invoice.due_date = {2026, 1, 10};
    invoice.lines = {{billing::LineKind::Package, "Paket 20 Mbps", 1, 150000, 150000},
                     {billing::LineKind::Discount, "Diskon loyal", 1, -15000, -15000}};
    invoice.totals = {135000, 14850, 149850};
    invoice.tax = {1100, billing::TaxMode::Exclusive};
    invoice.paid_amount = 50000;
    invoice.status = billing::InvoiceStatus::Partial;
    invoice.void_reason = "";
    return invoice;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wire_contract)

BOOST_AUTO_TEST_CASE(an_invoice_read_back_from_its_json_writes_the_same_json) {
    const Date today{2026, 1, 15};
    const Json written = api::to_json(stored_invoice(), today);
    auto read = api::invoice_from_json(written);
    BOOST_TEST_REQUIRE(read.ok());
    BOOST_TEST(api::to_json(*read, today) == written, api::to_json(*read, today).dump() + " vs " + written.dump());
    BOOST_TEST(read->lines.size() == 2u);
    BOOST_TEST(read->lines[1].amount == -15000);
    BOOST_TEST(read->outstanding() == 99850);
    BOOST_TEST(read->overdue(today));
}

BOOST_AUTO_TEST_CASE(an_invoice_reader_never_throws_and_refuses_what_is_not_an_invoice) {
    BOOST_TEST(!api::invoice_from_json(Json::array()).ok());
    BOOST_TEST(!api::invoice_from_json(Json{{"invoice_no", "INV-1"}}).ok(), "no id: not an invoice");
    // Mistyped fields keep their defaults instead of throwing (a throw aborts in WebAssembly).
    auto odd = api::invoice_from_json(Json{{"id", 3}, {"total", "banyak"}, {"lines", "none"}, {"status", 5}});
    BOOST_TEST_REQUIRE(odd.ok());
    BOOST_TEST(odd->totals.total == 0);
    BOOST_TEST(odd->lines.empty());
    BOOST_TEST((odd->status == billing::InvoiceStatus::Unpaid));
}

BOOST_AUTO_TEST_CASE(the_field_reader_gives_the_fallback_for_absent_or_mistyped_fields) {
    const Json object{{"name", "Budi"}, {"count", 3}, {"flag", true}, {"wrong", 1.5}};
    BOOST_TEST(api::json_string(object, "name") == "Budi");
    BOOST_TEST(api::json_string(object, "count", "x") == "x");
    BOOST_TEST(api::json_int(object, "count") == 3);
    BOOST_TEST(api::json_int(object, "wrong", -1) == -1);
    BOOST_TEST(api::json_bool(object, "flag", false));
    BOOST_TEST(api::json_bool(Json::array(), "flag", false) == false);
    const Json list{{"success", true}, {"data", Json::array({1, 2})}, {"total", 2}};
    BOOST_TEST(api::list_rows(list).size() == 2u);
    BOOST_TEST(api::list_rows(Json{{"data", Json::object()}}).empty());
    BOOST_TEST(api::response_data(Json{{"data", {{"id", 1}}}})["id"] == 1);
}

BOOST_AUTO_TEST_CASE(the_url_encoder_keeps_only_unreserved_characters) {
    BOOST_TEST(api::url_encode("a b&c=d/é~._-") == "a%20b%26c%3Dd%2F%C3%A9~._-");
}

BOOST_AUTO_TEST_SUITE_END()
