// One wire contract: what shared/api's to_json writes, its from_json reads back to the same value
// (the server writes with one, the browser reads with the other), and the one JSON field reader
// and URL encoder both sides use.
#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"
#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"

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

payments::Payment stored_payment() {
    payments::Payment payment;
    payment.id = 5;
    payment.invoice_id = 41;
    payment.customer_id = 7;
    payment.amount = 60000;
    payment.applied_amount = 50000;
    payment.method = payments::PaymentMethod::BankTransfer;
    payment.paid_at = 1768444200;  // 2026-01-15 02:30 UTC = 09:30 WIB
    payment.receipt_no = "RCP-202601-0005";
    payment.note = "transfer BCA";
    payment.recorded_by = "finance";
    return payment;
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

BOOST_AUTO_TEST_CASE(a_listed_payment_reads_back_to_the_same_payment_and_json) {
    const api::PaymentResource original{stored_payment(), UtcOffset{8 * 60}, true, "INV-202601-0007", "Budi Santoso", "CUST001"};
    const Json written = api::to_json(original);
    BOOST_TEST(written["paid_at"] == "2026-01-15T10:30:00+08:00");
    BOOST_TEST(written["service_number"] == "CUST001");
    BOOST_TEST(!written.contains("nomor_layanan"), "staff shapes say service_number");
    auto read = api::payment_resource_from_json(written);
    BOOST_TEST_REQUIRE(read.ok());
    BOOST_TEST(read->payment.paid_at == original.payment.paid_at);
    BOOST_TEST(read->offset.minutes == 8 * 60);
    BOOST_TEST((read->payment.method == payments::PaymentMethod::BankTransfer));
    BOOST_TEST(read->payment.applied_amount == 50000);
    BOOST_TEST(read->listed);
    BOOST_TEST(read->invoice_no == "INV-202601-0007");
    BOOST_TEST(read->customer_name == "Budi Santoso");
    BOOST_TEST(read->service_number == "CUST001");
    BOOST_TEST(api::to_json(*read) == written, api::to_json(*read).dump() + " vs " + written.dump());
}

BOOST_AUTO_TEST_CASE(a_payment_of_an_invoice_detail_carries_no_row_labels) {
    const Json written = api::to_json(api::PaymentResource{stored_payment(), UtcOffset{}});
    BOOST_TEST(!written.contains("invoice_no"));
    auto read = api::payment_resource_from_json(written);
    BOOST_TEST_REQUIRE(read.ok());
    BOOST_TEST(!read->listed);
    BOOST_TEST(api::to_json(*read) == written);
}

BOOST_AUTO_TEST_CASE(a_payment_with_missing_or_mistyped_fields_reads_as_the_defaults) {
    BOOST_TEST(!api::payment_resource_from_json(Json{{"receipt_no", "RCP-1"}}).ok(), "no id: not a payment");
    BOOST_TEST(!api::payment_resource_from_json(Json("RCP-1")).ok());
    auto odd = api::payment_resource_from_json(
        Json{{"id", 9}, {"amount", 70000}, {"applied_amount", "all"}, {"method", 3}, {"paid_at", "kemarin"}, {"service_number", false}});
    BOOST_TEST_REQUIRE(odd.ok());
    BOOST_TEST(odd->payment.applied_amount == 70000, "applied_amount defaults to amount");
    BOOST_TEST((odd->payment.method == payments::PaymentMethod::Cash));
    BOOST_TEST(odd->payment.paid_at == 0);
    BOOST_TEST(odd->offset.minutes == 7 * 60);
    BOOST_TEST(odd->service_number == "");
    BOOST_TEST(!odd->listed);
    const Json rows{{"data", Json::array({Json{{"id", 1}}, Json{{"id", "x"}}, Json(5), Json{{"id", 2}}})}};
    BOOST_TEST(api::payment_resources_from_list(rows).size() == 2u, "unreadable rows are skipped");
}

BOOST_AUTO_TEST_CASE(an_invoice_detail_reads_back_with_its_customer_lines_and_payments) {
    api::InvoiceResource original{stored_invoice(), true, "Budi Santoso", "CUST001"};
    original.payments.push_back({stored_payment(), UtcOffset{}});
    const Json written = api::to_json(original);
    BOOST_TEST(written["lines"].size() == 2u);
    BOOST_TEST(written["payments"].size() == 1u);
    auto read = api::invoice_resource_from_json(written);
    BOOST_TEST_REQUIRE(read.ok());
    BOOST_TEST(read->detail);
    BOOST_TEST(read->overdue);
    BOOST_TEST(read->customer_name == "Budi Santoso");
    BOOST_TEST(read->service_number == "CUST001");
    BOOST_TEST_REQUIRE(read->payments.size() == 1u);
    BOOST_TEST(read->payments[0].payment.receipt_no == "RCP-202601-0005");
    BOOST_TEST(read->invoice.lines == original.invoice.lines);
    BOOST_TEST(api::to_json(*read) == written, api::to_json(*read).dump() + " vs " + written.dump());
}

BOOST_AUTO_TEST_CASE(an_invoice_list_row_has_neither_lines_nor_payments_and_reads_back_the_same) {
    api::InvoiceResource original{stored_invoice(), false, "Siti", "CUST002"};
    original.detail = false;
    const Json written = api::to_json(original);
    BOOST_TEST(!written.contains("lines"));
    BOOST_TEST(!written.contains("payments"));
    auto read = api::invoice_resource_from_json(written);
    BOOST_TEST_REQUIRE(read.ok());
    BOOST_TEST(!read->detail);
    BOOST_TEST(!read->overdue);
    BOOST_TEST(read->invoice.lines.empty());
    BOOST_TEST(api::to_json(*read) == written);
}

BOOST_AUTO_TEST_CASE(an_invoice_with_mistyped_extras_reads_as_the_defaults) {
    auto odd = api::invoice_resource_from_json(
        Json{{"id", 4}, {"overdue", "ya"}, {"customer_name", 12}, {"payments", Json::array({Json{{"id", "x"}}, Json{{"id", 3}}})}});
    BOOST_TEST_REQUIRE(odd.ok());
    BOOST_TEST(!odd->overdue);
    BOOST_TEST(odd->customer_name == "");
    BOOST_TEST(!odd->detail, "no lines: a list row");
    BOOST_TEST(odd->payments.size() == 1u);
    BOOST_TEST(odd->invoice.kind == "monthly");
    BOOST_TEST(api::invoice_resources_from_list(Json{{"data", Json::array({Json{{"id", 4}}, Json::array()})}}).size() == 1u);
    BOOST_TEST(api::invoice_resources_from_list(Json("nothing")).empty());
}

BOOST_AUTO_TEST_CASE(local_timestamps_read_back_to_the_same_instant_and_refuse_other_text) {
    BOOST_TEST(api::local_timestamp(1768444200, UtcOffset{}) == "2026-01-15T09:30:00+07:00");
    auto read = api::parse_local_timestamp("2026-01-15T09:30:00+07:00");
    BOOST_TEST_REQUIRE(read.has_value());
    BOOST_TEST(read->first == 1768444200);
    BOOST_TEST(api::parse_local_timestamp("2026-01-15T09:30:00+09:00")->first == 1768444200 - 2 * 3600);
    for (const char* text : {"", "2026-01-15", "2026-01-15 09:30:00+07:00", "2026-01-15T25:30:00+07:00", "2026-01-15T09:3a:00+07:00",
                             "2026-02-30T09:30:00+07:00", "2026-01-15T09:30:00+7"})
        BOOST_TEST(!api::parse_local_timestamp(text).has_value(), text);
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

BOOST_AUTO_TEST_CASE(a_form_body_is_the_encoded_pairs_in_order) {
    BOOST_TEST(api::form_encode({{"title", "Tagihan Januari"}, {"amount", "150000"}, {"a&b", "c=d"}}) ==
               "title=Tagihan%20Januari&amount=150000&a%26b=c%3Dd");
    BOOST_TEST(api::form_encode({}) == "");
}

BOOST_AUTO_TEST_SUITE_END()
