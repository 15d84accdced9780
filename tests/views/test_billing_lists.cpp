// Tagihan and Pembayaran lists, headless, from JSON written by the server's own serialisers
// (api::to_json(InvoiceResource), api::to_json(PaymentResource), the rows the routes answer with):
// the paged loader's request, the cells and the total in the pager.
#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

kimonet::billing::Invoice invoice(std::int64_t id, std::string number, kimonet::Money total, kimonet::Money paid) {
    kimonet::billing::Invoice invoice;
    invoice.id = id;
    invoice.invoice_no = std::move(number);
    invoice.customer_id = 7;
    invoice.period = {2026, 1};
    invoice.issue_date = {2026, 1, 1};
    invoice.due_date = {2026, 1, 10};
    invoice.totals = {total, 0, total};
    invoice.paid_amount = paid;
    invoice.status = kimonet::billing::status_for(total, paid);
    return invoice;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(billing_lists)

BOOST_AUTO_TEST_CASE(invoices_show_the_server_json_and_page_through_the_total) {
    ViewHarness harness;
    Json rows = Json::array();
    for (const auto& item : {invoice(1, "INV-202601-0001", 166500, 0), invoice(2, "INV-202601-0002", 222000, 100000)}) {
        api::InvoiceResource listed{item, item.overdue({2026, 1, 15}), "Budi Santoso", "CUST001"};
        listed.detail = false;
        rows.push_back(api::to_json(listed));
    }
    harness.api().answer("GET", "/api/invoices", {{"success", true}, {"data", rows}, {"total", 60}});
    harness.sign_in_staff({"invoices.read"});
    harness.app().navigate(kimonet::Screen::Invoices);
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/invoices?page=1&per_page=25") == 1);
    BOOST_TEST(harness.value("invoices.INV-202601-0001.total") == "Rp 166.500");
    BOOST_TEST(harness.value("invoices.INV-202601-0002.outstanding") == "Rp 122.000");
    BOOST_TEST(harness.value("invoices.INV-202601-0001.customer") == "Budi Santoso");
    BOOST_TEST(harness.value("invoices.summary") == "Halaman 1 dari 3 · 60 tagihan");
    harness.click("invoices.next");
    harness.settle();
    BOOST_TEST(harness.api().count("GET", "/api/invoices?page=2&per_page=25") == 1, "the pager loads page 2");
}

BOOST_AUTO_TEST_CASE(payments_rows_name_their_invoice_and_customer) {
    ViewHarness harness;
    kimonet::payments::Payment payment;
    payment.id = 5;
    payment.invoice_id = 2;
    payment.customer_id = 7;
    payment.amount = 100000;
    payment.applied_amount = 100000;
    payment.paid_at = 1768444200;  // 2026-01-15 02:30 UTC = 09:30 WIB
    payment.receipt_no = "RCP-202601-0005";
    payment.recorded_by = "finance";
    const Json row = api::to_json(api::PaymentResource{payment, kimonet::UtcOffset{7 * 60}, true, "INV-202601-0002", "Budi Santoso", "CUST001"});
    harness.api().answer("GET", "/api/payments", {{"success", true}, {"data", Json::array({row})}, {"total", 1}});
    harness.sign_in_staff({"payments.read"});
    harness.app().navigate(kimonet::Screen::Payments);
    harness.settle();
    BOOST_TEST(harness.value("payments.RCP-202601-0005.invoice") == "INV-202601-0002");
    BOOST_TEST(harness.value("payments.RCP-202601-0005.customer") == "Budi Santoso");
    BOOST_TEST(harness.value("payments.RCP-202601-0005.amount") == "Rp 100.000");
    BOOST_TEST(harness.value("payments.RCP-202601-0005.paid_at") == "15 Januari 2026 09:30");
}

BOOST_AUTO_TEST_SUITE_END()
