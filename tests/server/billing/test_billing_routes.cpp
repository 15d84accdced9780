#include <boost/test/unit_test.hpp>

#include "billing_test_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

BOOST_AUTO_TEST_SUITE(billing_routes)

BOOST_AUTO_TEST_CASE(generate_answers_counts_and_validates_the_period) {
    TestServer server;
    const std::string token = server.login("finance");
    auto preview = server.post("/api/invoices/generate", R"({"period":"2026-01","dry_run":true})", token);
    BOOST_TEST_REQUIRE(preview.status == 200, preview.body);
    auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
    BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    const api::Json body = generated.json();
    BOOST_TEST(body["success"] == true);
    BOOST_TEST(body["created"] == billable_count(server, "2026-01"));
    BOOST_TEST(body["created"] == preview.json()["created"]);
    BOOST_TEST(body["skipped"].is_number_integer());
    BOOST_TEST(body["total_amount"] == scalar_int(server, "SELECT SUM(total) FROM invoices"));

    auto bad = server.post("/api/invoices/generate", R"({"period":"2026-13"})", token);
    BOOST_TEST(bad.status == 422);
    BOOST_TEST(bad.json()["error"]["fields"].contains("period"));
    BOOST_TEST(server.post("/api/invoices/generate", R"({"dry_run":"yes"})", token).status == 422);
    BOOST_TEST(server.post("/api/invoices/generate", "[", token).status == 400);
    BOOST_TEST(server.post("/api/invoices/generate", "{}", server.login("technician")).status == 403);
    BOOST_TEST(server.post("/api/invoices/generate", "{}").status == 401);
}

BOOST_AUTO_TEST_CASE(list_filters_and_paginates) {
    TestServer server;
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    auto page = server.get("/api/invoices?period=2026-01&status=unpaid&per_page=5&page=2", token);
    BOOST_TEST_REQUIRE(page.status == 200, page.body);
    BOOST_TEST(page.json()["data"].size() == 5u);
    BOOST_TEST(page.json()["total"] == billable_count(server, "2026-01"));
    const api::Json first = page.json()["data"][0];
    for (const char* field : {"id", "invoice_no", "customer_id", "period", "subtotal", "tax", "total", "paid_amount", "status", "due_date"})
        BOOST_TEST(first.contains(field), field);
    // 2026-01-15: invoices due on the 10th are overdue, those due on the 20th are not.
    auto overdue = server.get("/api/invoices?overdue=true&per_page=500", token);
    BOOST_TEST_REQUIRE(overdue.status == 200);
    BOOST_TEST(overdue.json()["total"] == scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE due_date < '2026-01-15'"));
    // A named copy: a range-for over a temporary's element would outlive the temporary (ASan found it).
    const auto overdue_json = overdue.json();
    for (const auto& row : overdue_json["data"]) BOOST_TEST(row["overdue"] == true);
    const std::int64_t customer = first["customer_id"];
    auto mine = server.get("/api/invoices?customer_id=" + std::to_string(customer), token);
    BOOST_TEST(mine.json()["total"] == 1);
    for (const char* bad : {"status=late", "period=2026-1", "customer_id=abc", "overdue=maybe", "per_page=0"}) {
        auto reply = server.get(std::string("/api/invoices?") + bad, token);
        BOOST_TEST(reply.status == 422, bad);
    }
    BOOST_TEST(server.get("/api/invoices/999999", token).status == 404);
}

BOOST_AUTO_TEST_CASE(void_keeps_the_number_and_needs_a_reason) {
    TestServer server;
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const api::Json invoice = server.get("/api/invoices?per_page=1", token).json()["data"][0];
    const std::string path = "/api/invoices/" + std::to_string(invoice["id"].get<std::int64_t>());
    auto no_reason = server.post(path + "/void", "{}", token);
    BOOST_TEST(no_reason.status == 422);
    BOOST_TEST(no_reason.json()["error"]["fields"].contains("reason"));
    auto voided = server.post(path + "/void", R"({"reason":"pelanggan pindah rumah"})", token);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST(voided.json()["data"]["status"] == "void");
    BOOST_TEST(voided.json()["data"]["invoice_no"] == invoice["invoice_no"]);
    BOOST_TEST(voided.json()["data"]["void_reason"] == "pelanggan pindah rumah");
    BOOST_TEST(server.post(path + "/void", R"({"reason":"lagi"})", token).status == 409);
    BOOST_TEST(server.post(path + "/lines", R"({"description":"Biaya","unit_price":1000})", token).status == 409);
    auto pay = server.post("/api/payments", api::Json{{"invoice_id", invoice["id"]}, {"amount", 1000}, {"method", "cash"}}.dump(), token);
    BOOST_TEST(pay.status == 409);
    // The period still has no gaps and no second invoice for that customer.
    auto again = server.post("/api/invoices/generate", R"({"period":"2026-01"})", token);
    BOOST_TEST(again.json()["created"] == 0);
}

BOOST_AUTO_TEST_CASE(lines_and_manual_invoices) {
    TestServer server;
    const std::string token = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", token).status == 200);
    const api::Json invoice = server.get("/api/invoices?per_page=1", token).json()["data"][0];
    const std::string path = "/api/invoices/" + std::to_string(invoice["id"].get<std::int64_t>());
    auto discount = server.post(path + "/lines", R"({"kind":"discount","description":"Diskon promo","quantity":1,"unit_price":10000})", token);
    BOOST_TEST_REQUIRE(discount.status == 201, discount.body);
    BOOST_TEST(discount.json()["data"]["total"] == invoice["total"].get<std::int64_t>() - 10000);
    BOOST_TEST(discount.json()["data"]["lines"].size() == 2u);
    BOOST_TEST(discount.json()["data"]["lines"][1]["amount"] == -10000);
    auto bad_line = server.post(path + "/lines", R"({"kind":"package","description":"","unit_price":"x"})", token);
    BOOST_TEST(bad_line.status == 422);
    BOOST_TEST(bad_line.json()["error"]["fields"].size() >= 2u);

    const std::int64_t customer = invoice["customer_id"];
    auto manual = server.post("/api/invoices",
                              api::Json{{"customer_id", customer},
                                        {"lines", {{{"description", "Pemasangan ulang"}, {"quantity", 1}, {"unit_price", 250000}},
                                                   {{"kind", "charge"}, {"description", "Kabel FO 50 m"}, {"quantity", 2}, {"unit_price", 75000}}}}}
                                  .dump(),
                              token);
    BOOST_TEST_REQUIRE(manual.status == 201, manual.body);
    BOOST_TEST(manual.json()["data"]["kind"] == "manual");
    BOOST_TEST(manual.json()["data"]["total"] == 400000);
    BOOST_TEST(manual.json()["data"]["invoice_no"] ==
               "INV-202601-" + std::string(5 - std::to_string(billable_count(server, "2026-01") + 1).size(), '0') +
                   std::to_string(billable_count(server, "2026-01") + 1));
    auto no_lines = server.post("/api/invoices", api::Json{{"customer_id", customer}, {"lines", api::Json::array()}}.dump(), token);
    BOOST_TEST(no_lines.status == 422);
    auto no_customer = server.post("/api/invoices", R"({"customer_id":999999,"lines":[{"description":"x","unit_price":1}]})", token);
    BOOST_TEST(no_customer.status == 422);
    BOOST_TEST(no_customer.json()["error"]["fields"].contains("customer_id"));
}

// A customer reading their own invoice sees its payments (receipt, amount, method, when, voided or
// not), never what staff wrote around them: the cashier's login name (half of a staff sign-in), the
// internal note, who voided it and why. Staff still see all of it.
BOOST_AUTO_TEST_CASE(a_customer_sees_their_payments_without_staff_names_or_notes) {
    TestServer server;
    const std::string staff = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", staff).status == 200);
    const std::string customer_id = server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    const std::string invoice = server.scalar("SELECT id FROM invoices WHERE customer_id = " + customer_id);
    auto first = server.post("/api/payments",
                             api::Json{{"invoice_id", std::stoll(invoice)}, {"amount", 1000}, {"method", "cash"}, {"confirm", "partial"},
                                       {"note", "cek uang, curiga palsu"}}.dump(), staff);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    auto voided = server.post("/api/payments/" + std::to_string(first.json()["data"]["id"].get<std::int64_t>()) + "/void",
                              R"({"reason":"uang palsu, lapor RT"})", staff);
    BOOST_TEST_REQUIRE(voided.status == 200, voided.body);
    BOOST_TEST_REQUIRE(server.post("/api/payments", api::Json{{"invoice_id", std::stoll(invoice)}, {"amount", 2000}, {"method", "cash"}, {"confirm", "partial"},
                                                              {"note", "titip tetangga"}}.dump(), staff).status == 201);

    auto mine = server.get("/api/portal/invoices/" + invoice, server.login("CUST001"));
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    const api::Json payments = mine.json()["data"]["payments"];
    BOOST_TEST_REQUIRE(payments.size() == 2u, payments.dump());
    for (const api::Json& payment : payments) {
        BOOST_TEST(!payment["receipt_no"].get<std::string>().empty());
        BOOST_TEST(payment["amount"].get<std::int64_t>() > 0);
        for (const char* hidden : {"recorded_by", "note", "voided_by", "void_reason"})
            BOOST_TEST(!payment.contains(hidden), hidden << " shown to the customer: " << payment.dump());
    }
    BOOST_TEST(mine.body.find("finance") == std::string::npos, "no staff login name anywhere: " << mine.body);
    BOOST_TEST(mine.body.find("palsu") == std::string::npos);
    BOOST_TEST((payments[0]["voided"].get<bool>() || payments[1]["voided"].get<bool>()), "the voided one still says so");

    auto staff_view = server.get("/api/invoices/" + invoice, staff);
    BOOST_TEST_REQUIRE(staff_view.status == 200);
    BOOST_TEST(staff_view.body.find("uang palsu, lapor RT") != std::string::npos);
    BOOST_TEST(staff_view.body.find("\"recorded_by\":\"finance\"") != std::string::npos, staff_view.body);
}

BOOST_AUTO_TEST_CASE(customers_read_only_their_own_invoices) {
    TestServer server;
    const std::string staff = server.login("finance");
    BOOST_TEST_REQUIRE(server.post("/api/invoices/generate", R"({"period":"2026-01"})", staff).status == 200);
    const std::string customer = "CUST001";
    const std::int64_t own_id = scalar_int(server, "SELECT id FROM customers WHERE service_number = '" + customer + "'");
    BOOST_TEST_REQUIRE(scalar_int(server, "SELECT COUNT(*) FROM invoices WHERE customer_id = " + std::to_string(own_id)) == 1);
    const std::string own_invoice = server.scalar("SELECT id FROM invoices WHERE customer_id = " + std::to_string(own_id));
    const std::string other_invoice = server.scalar("SELECT id FROM invoices WHERE customer_id <> " + std::to_string(own_id) + " LIMIT 1");
    const std::string token = server.login(customer);

    BOOST_TEST(server.get("/api/invoices", token).status == 403);
    BOOST_TEST(server.get("/api/invoices/" + own_invoice, token).status == 403);
    BOOST_TEST(server.get("/api/payments", token).status == 403);
    auto mine = server.get("/api/portal/invoices", token);
    BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
    BOOST_TEST(mine.json()["total"] == 1);
    // A named copy: a range-for over a temporary's element would outlive the temporary (ASan found it).
    const auto mine_json = mine.json();
    for (const auto& row : mine_json["data"]) BOOST_TEST(row["customer_id"] == own_id);
    // Asking for someone else's invoice, even with a customer_id filter, shows nothing of theirs.
    auto filtered = server.get("/api/portal/invoices?customer_id=" + server.scalar("SELECT customer_id FROM invoices WHERE id = " + other_invoice), token);
    // A named copy: a range-for over a temporary's element would outlive the temporary (ASan found it).
    const auto filtered_json = filtered.json();
    for (const auto& row : filtered_json["data"]) BOOST_TEST(row["customer_id"] == own_id);
    BOOST_TEST(server.get("/api/portal/invoices/" + own_invoice, token).status == 200);
    BOOST_TEST(server.get("/api/portal/invoices/" + other_invoice, token).status == 404);
    BOOST_TEST(server.get("/api/portal/invoices/" + other_invoice + "/pdf", token).status == 404);
    BOOST_TEST(server.get("/api/portal/invoices", staff).status == 403);
}

BOOST_AUTO_TEST_SUITE_END()
