// Do the books balance? One messy month (February 2026, Asia/Jakarta) played through the HTTP API
// as the staff play it — an invoice run with prorated newcomers, cash at the desk and by a collector
// with a remittance, bank transfers, a gateway callback through the simulator, a partial payment, an
// overpayment that becomes credit and pays the next invoice, a voided payment, credit notes and a
// refund, a discount, PPN for a PKP company, a promise to pay, an isolated and restored customer —
// and then what an owner and an accountant check: every report agrees with every other report, with
// the exports, with the customer's own view, and with the money (the payments, credit notes and
// credit rows themselves, summed here independently of the product's queries).
#include <boost/test/unit_test.hpp>

#include "server/reports/books_checks.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(books_balance)

BOOST_AUTO_TEST_CASE(a_messy_february_balances_across_every_report_export_and_the_customers_own_view) {
    Books books;
    auto& server = books.server;

    // 1 February: the invoice run. The newcomers are billed from their join day.
    books.at(2, 1, 9);
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false})", books.finance), 200);
    const std::int64_t early = books.invoice_of(books.newcomer_early, "2026-02"), late = books.invoice_of(books.newcomer_late, "2026-02");
    BOOST_TEST_REQUIRE(early > 0);
    BOOST_TEST_REQUIRE(late > 0);
    const std::int64_t full_early = number(server.scalar("SELECT subtotal FROM invoices WHERE customer_id = 1 AND period = '2026-02'"));
    BOOST_TEST(number(server.scalar("SELECT subtotal FROM invoices WHERE id = " + std::to_string(early))) < 150000);
    BOOST_TEST(number(server.scalar("SELECT subtotal FROM invoices WHERE id = " + std::to_string(late))) < 200000);
    BOOST_TEST(full_early > 0);
    // PPN on the PKP company's invoice, as on everyone's.
    const std::int64_t company = books.invoice_of(1, "2026-02");
    BOOST_TEST(number(server.scalar("SELECT tax FROM invoices WHERE id = " + std::to_string(company))) > 0);

    // 3 Feb: a discount on customer 2's invoice (a loyal customer).
    books.at(2, 3, 10);
    const std::int64_t discounted = books.invoice_of(2, "2026-02");
    books.ok(server.post("/api/invoices/" + std::to_string(discounted) + "/lines",
                         R"({"kind":"discount","description":"Diskon pelanggan setia","quantity":1,"unit_price":10000})", books.admin),
             201);

    // 5 Feb: the company pays in full by bank transfer.
    books.at(2, 5, 10);
    books.pay(company, books.outstanding(company), "bank_transfer");
    // 6 Feb: customer 2 pays part in cash at the desk.
    books.at(2, 6, 11);
    const std::int64_t partial = books.pay(discounted, 100000, "cash", "partial");
    // 7 Feb: customer 4 overpays by Rp 50.000 in cash: credit for March.
    books.at(2, 7, 14);
    const std::int64_t over = books.invoice_of(4, "2026-02");
    books.pay(over, books.outstanding(over) + 50000, "cash", "overpayment");
    BOOST_TEST(books.credit_of(4) + books.applied_credit(4) == 50000);

    // 8 Feb: the collector takes customer 5's cash, remits it, the cashier counts it.
    books.at(2, 8, 10);
    const std::int64_t walked = books.invoice_of(5, "2026-02");
    const std::int64_t walked_amount = books.outstanding(walked);
    books.ok(books.keyed("/api/cash/collections", {{"invoice_id", walked}, {"amount", walked_amount}}, books.collector, "tagih-5"), 201);
    books.at(2, 8, 17);
    const std::int64_t remittance = books.ok(books.keyed("/api/cash/remittances", Json::object(), books.collector, "setor-1"), 201)["data"]["seq"];
    books.ok(books.keyed("/api/cash/remittances/" + std::to_string(remittance) + "/confirm", {{"received_amount", walked_amount}}, books.finance,
                         "terima-1"),
             201);

    // 9 Feb: a cash payment recorded on the wrong invoice, voided the same day.
    books.at(2, 9, 10);
    const std::int64_t mistaken = books.invoice_of(7, "2026-02");
    const std::int64_t wrong = books.pay(mistaken, books.outstanding(mistaken), "cash");
    books.ok(server.post("/api/payments/" + std::to_string(wrong) + "/void", R"({"reason":"salah pelanggan"})", books.finance), 200);

    // 10 Feb: ten days of outage. A credit note on customer 8's open invoice; customer 11 paid, gets
    // a full credit note, and part of that credit back in cash.
    books.at(2, 10, 10);
    const std::int64_t outage = books.invoice_of(8, "2026-02");
    books.ok(server.post("/api/invoices/" + std::to_string(outage) + "/credit-notes", R"({"amount":50000,"reason":"gangguan 10 hari"})", books.finance), 201);
    const std::int64_t settled = books.invoice_of(11, "2026-02");
    books.pay(settled, books.outstanding(settled), "cash");
    books.ok(server.post("/api/invoices/" + std::to_string(settled) + "/credit-notes", R"({"full":true,"reason":"layanan tidak aktif"})", books.finance), 201);
    const std::int64_t credit_11 = books.credit_of(11);
    BOOST_TEST(credit_11 > 20000);
    books.ok(server.post("/api/customers/11/refunds", R"({"amount":20000,"method":"cash","reason":"pengembalian sebagian"})", books.finance), 201);
    BOOST_TEST(books.report("revenue", "2026-02", "2026-02")["totals"]["refunded"] == 20000);

    // 12 Feb: customer 13 is isolated, promises to pay; customer 14 is isolated and restored.
    books.at(2, 12, 10);
    BOOST_TEST(server.post("/api/customers/13/isolate", R"({"reason":"telat bayar"})", books.admin).status / 100 == 2);
    books.ok(server.post("/api/customers/13/promises",
                         Json{{"days", 5}, {"reason", "gajian tanggal 17"}, {"invoice_id", books.invoice_of(13, "2026-02")}}.dump(), books.admin),
             201);
    BOOST_TEST(server.post("/api/customers/14/isolate", R"({"reason":"telat bayar"})", books.admin).status / 100 == 2);
    BOOST_TEST(server.post("/api/customers/14/restore", "{}", books.admin).status / 100 == 2);
    // 17 Feb: customer 13 keeps the promise by bank transfer.
    books.at(2, 17, 15);
    const std::int64_t promised = books.invoice_of(13, "2026-02");
    books.pay(promised, books.outstanding(promised), "bank_transfer");

    // 20 Feb: the collector takes customer 10's cash (not remitted yet; voided in March below).
    books.at(2, 20, 10);
    const std::int64_t walked_again = books.invoice_of(10, "2026-02");
    const std::int64_t bounced = books.ok(books.keyed("/api/cash/collections", {{"invoice_id", walked_again}, {"amount", books.outstanding(walked_again)}},
                                                      books.collector, "tagih-10"),
                                          201)["data"]["id"];

    // 28 Feb, 23:30 WIB (16:30 UTC): the last cash of the month belongs to February.
    books.at(2, 28, 23, 30);
    const std::int64_t last_cash = books.invoice_of(16, "2026-02");
    const std::int64_t last_cash_amount = books.outstanding(last_cash);
    books.pay(last_cash, last_cash_amount, "cash");
    // 1 March, 00:30 WIB (28 Feb 17:30 UTC): a gateway payment belongs to March.
    books.at(3, 1, 0, 30);
    const std::int64_t online = books.invoice_of(20, "2026-02");
    const std::int64_t online_amount = books.outstanding(online);
    auto charge = server.post("/billing/pay", Json{{"invoice_id", online}, {"gateway", "midtrans"}, {"method", "qris"}}.dump());
    BOOST_TEST_REQUIRE(charge.status == 201, charge.body);
    BOOST_TEST_REQUIRE(books.simulator.pay(charge.json()["transaction_id"].get<std::string>()));
    BOOST_TEST_REQUIRE(books.simulator.wait_idle());
    BOOST_TEST_REQUIRE(server.callbacks_settled());
    BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(online)) == "paid");
    // At the same minute a credit note for customer 7's February invoice: issued on 1 March.
    const std::int64_t midnight_note = books.ok(server.post("/api/invoices/" + std::to_string(mistaken) + "/credit-notes",
                                                            R"({"amount":20000,"reason":"gangguan malam"})", books.finance),
                                                201)["data"]["id"];
    BOOST_TEST(server.scalar("SELECT issue_date FROM credit_notes WHERE id = " + std::to_string(midnight_note)) == "2026-03-01");
    // 2 March: a transfer that reached the bank at 23:45 WIB on 28 Feb is recorded with that time.
    books.at(3, 2, 9);
    const std::int64_t late_transfer = books.invoice_of(19, "2026-02");
    const std::int64_t late_transfer_amount = books.outstanding(late_transfer);
    books.pay(late_transfer, late_transfer_amount, "bank_transfer", {}, "2026-02-28T23:45");

    // The month boundary in WIB: both 28 Feb payments on 28 Feb, the gateway's on 1 March.
    const Json february = books.report("revenue", "2026-02", "2026-02");
    std::map<std::string, std::int64_t> february_days;
    for (const auto& day : february["daily"]) february_days[day["day"]] = day["collected"];
    BOOST_TEST(february_days["2026-02-28"] == last_cash_amount + late_transfer_amount);
    BOOST_TEST(!february_days.contains("2026-03-01"));
    const Json march = books.report("revenue", "2026-03", "2026-03");
    BOOST_TEST_REQUIRE(!march["daily"].empty());
    BOOST_TEST(march["daily"][0]["day"] == "2026-03-01");
    BOOST_TEST(march["daily"][0]["collected"].get<std::int64_t>() == online_amount);
    BOOST_TEST(march["totals"]["credited"].get<std::int64_t>() == 20000);
    BOOST_TEST(february["totals"]["credited"].get<std::int64_t>() ==
               number(server.scalar("SELECT SUM(amount) FROM credit_notes WHERE id <> " + std::to_string(midnight_note))));
    BOOST_TEST(books.report("bhp-uso", "2026-03", "2026-03", "&per=month")["total"]["credited"].get<std::int64_t>() ==
               number(server.scalar("SELECT base FROM credit_notes WHERE id = " + std::to_string(midnight_note))));

    // 2 March: the March run; customer 4's credit pays part of the new invoice.
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-03","notify":false})", books.finance), 200);
    BOOST_TEST(books.applied_credit(4) == 50000);
    BOOST_TEST(books.credit_of(4) == 0);

    const std::vector<std::int64_t> cast = {1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 19, 20, books.newcomer_early, books.newcomer_late};
    books.check_payments_agree("2026-02", "2026-02");
    books.check_payments_agree("2026-02", "2026-03");
    books.check_invoices_agree("2026-02", "2026-03");
    books.check_customers_agree(cast, {books.newcomer_early, books.newcomer_late});
    books.check_exports_agree("2026-02", "2026-03");

    // 3 March: the admin voids customer 2's February partial payment (a bounced count). As the
    // docs say, a voided payment no longer counts anywhere: February's collections drop by it.
    books.at(3, 3, 10);
    const std::int64_t february_before = books.report("revenue", "2026-02", "2026-02")["totals"]["collected"];
    books.ok(server.post("/api/payments/" + std::to_string(partial) + "/void", R"({"reason":"uang kurang saat dihitung"})", books.admin), 200);
    // And a collector's February cash that turned out to be counterfeit.
    books.ok(server.post("/api/payments/" + std::to_string(bounced) + "/void", R"({"reason":"uang palsu"})", books.admin), 200);
    BOOST_TEST(books.report("revenue", "2026-02", "2026-02")["totals"]["collected"].get<std::int64_t>() ==
               february_before - 100000 - number(server.scalar("SELECT applied_amount FROM payments WHERE id = " + std::to_string(bounced))));
    books.check_payments_agree("2026-02", "2026-02");
    books.check_payments_agree("2026-02", "2026-03");
    books.check_invoices_agree("2026-02", "2026-03");
    books.check_customers_agree(cast, {books.newcomer_early, books.newcomer_late});
    books.check_exports_agree("2026-02", "2026-03");

    // The PPN the company reports for its fakturs (Coretax XML) == the PPN on those invoices.
    const auto faktur = server.get("/api/tax/coretax/2026-02/faktur.xml", books.finance);
    BOOST_TEST_REQUIRE(faktur.status == 200, faktur.body);
    std::int64_t vat = 0, fakturs = 0;
    for (std::size_t at = faktur.body.find("<VAT>"); at != std::string::npos; at = faktur.body.find("<VAT>", at + 5)) {
        vat += number(faktur.body.substr(at + 5, faktur.body.find('<', at + 5) - at - 5));
        ++fakturs;
    }
    const std::string taxed = " FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.period = '2026-02' AND i.status <> 'void' "
                              "AND i.tax > 0 AND c.needs_faktur = 1";
    BOOST_TEST(fakturs == number(server.scalar("SELECT COUNT(*)" + taxed)));
    BOOST_TEST(fakturs >= 1);
    BOOST_TEST(vat == number(server.scalar("SELECT SUM(i.tax)" + taxed)));
}

BOOST_AUTO_TEST_CASE(a_late_fee_waived_by_a_credit_note_is_not_collected_money) {
    Books books;
    auto& server = books.server;
    books.at(2, 1, 9);
    books.ok(server.post("/api/invoices/generate", R"({"period":"2026-02","notify":false})", books.finance), 200);
    // Two late customers get a Rp 10.000 late fee. One pays everything; the other's whole invoice,
    // fee included, is credited (the outage was ours).
    books.at(2, 15, 10);
    const std::int64_t paid = books.invoice_of(1, "2026-02"), waived = books.invoice_of(2, "2026-02");
    for (const std::int64_t invoice : {paid, waived})
        books.ok(server.post("/api/invoices/" + std::to_string(invoice) + "/lines",
                             R"({"kind":"late_fee","description":"Denda keterlambatan","quantity":1,"unit_price":10000})", books.admin),
                 201);
    books.pay(paid, books.outstanding(paid), "cash");
    books.ok(server.post("/api/invoices/" + std::to_string(waived) + "/credit-notes", R"({"full":true,"reason":"gangguan sebulan penuh"})", books.finance),
             201);
    BOOST_TEST(server.scalar("SELECT status FROM invoices WHERE id = " + std::to_string(waived)) == "paid");
    const Json revenue = books.report("revenue", "2026-02", "2026-02");
    BOOST_TEST(revenue["totals"]["late_fees_collected"].get<std::int64_t>() == 10000, "only the fee paid with money");
    BOOST_TEST(revenue["months"][0]["late_fees_collected"].get<std::int64_t>() == 10000);
}

BOOST_AUTO_TEST_SUITE_END()
