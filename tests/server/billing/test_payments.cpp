#include <boost/test/unit_test.hpp>

#include "api/billing_dto.hpp"
#include "billing_test_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Billed {
    TestServer server;
    std::string token;
    Billed() {
        token = server.login("finance");
        auto generated = server.post("/api/invoices/generate", R"({"period":"2026-01","notify":false,"dry_run":false})", token);
        BOOST_TEST_REQUIRE(generated.status == 200, generated.body);
    }
    // The January invoice of the n-th billable customer.
    api::Json invoice(int n) {
        auto list = server.get("/api/invoices?period=2026-01&per_page=1&page=" + std::to_string(n), token);
        BOOST_TEST_REQUIRE(list.status == 200, list.body);
        return list.json()["data"][0];
    }
    // `confirm`: "partial" or "overpayment" when the amount is not what is owed (issue 18).
    HttpReply pay(std::int64_t invoice_id, std::int64_t amount, const std::string& method = "cash", const std::string& confirm = {}) {
        api::Json body{{"invoice_id", invoice_id}, {"amount", amount}, {"method", method}, {"note", "loket"}};
        if (!confirm.empty()) body["confirm"] = confirm;
        return server.post("/api/payments", body.dump(), token);
    }
    std::int64_t count(const std::string& sql) { return scalar_int(server, sql); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(payments)

BOOST_AUTO_TEST_CASE(partial_then_full_payment_pays_and_creates_next_invoice_once) {
    Billed billed;
    const api::Json invoice = billed.invoice(1);
    const std::int64_t id = invoice["id"], total = invoice["total"], customer = invoice["customer_id"];

    auto partial = billed.pay(id, 50000, "cash", "partial");
    BOOST_TEST_REQUIRE(partial.status == 201, partial.body);
    BOOST_TEST(partial.json()["receipt_no"].get<std::string>().starts_with("KW-202601-"));
    BOOST_TEST(partial.json()["data"]["invoice"]["status"] == "partial");
    BOOST_TEST(partial.json()["data"]["invoice"]["paid_amount"] == 50000);
    BOOST_TEST(partial.json()["data"]["recorded_by"] == "finance");
    BOOST_TEST(partial.json()["data"]["next_invoice_id"].is_null());

    auto rest = billed.pay(id, total - 50000, "bank_transfer");
    BOOST_TEST_REQUIRE(rest.status == 201, rest.body);
    BOOST_TEST(rest.json()["data"]["invoice"]["status"] == "paid");
    BOOST_TEST(rest.json()["data"]["credit_added"] == 0);
    BOOST_TEST(!rest.json()["data"]["next_invoice_id"].is_null());
    const std::string next = "SELECT COUNT(*) FROM invoices WHERE period = '2026-02' AND customer_id = " + std::to_string(customer);
    BOOST_TEST(billed.count(next) == 1);

    // Paying a paid invoice is refused; generating February afterwards does not duplicate.
    BOOST_TEST(billed.pay(id, 1000, "cash", "partial").status == 409);
    auto february = billed.server.post("/api/invoices/generate", R"({"period":"2026-02"})", billed.token);
    BOOST_TEST_REQUIRE(february.status == 200, february.body);
    BOOST_TEST(billed.count(next) == 1);
    check_complete_and_gap_free(billed.server, "2026-02");

    auto detail = billed.server.get("/api/invoices/" + std::to_string(id), billed.token);
    BOOST_TEST_REQUIRE(detail.status == 200);
    BOOST_TEST(detail.json()["data"]["payments"].size() == 2u);
    BOOST_TEST(detail.json()["data"]["lines"].size() == 1u);
    BOOST_TEST(billed.count("SELECT COUNT(*) FROM activity_log WHERE action = 'payment.create'") == 2);
}

BOOST_AUTO_TEST_CASE(payment_rows_name_the_customer_by_service_number_and_read_back_in_the_browser_reader) {
    Billed billed;
    const api::Json invoice = billed.invoice(1);
    BOOST_TEST_REQUIRE(billed.pay(invoice["id"], 50000, "cash", "partial").status == 201);
    auto list = billed.server.get("/api/payments?invoice_id=" + std::to_string(invoice["id"].get<std::int64_t>()), billed.token);
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    const api::Json row = list.json()["data"][0];
    BOOST_TEST(row["service_number"] == invoice["service_number"], row.dump());
    BOOST_TEST(!row.contains("nomor_layanan"), "one name in the staff API: service_number");
    const auto read = api::payment_resources_from_list(list.json());
    BOOST_TEST_REQUIRE(read.size() == 1u);
    BOOST_TEST(read[0].listed);
    BOOST_TEST(read[0].invoice_no == invoice["invoice_no"].get<std::string>());
    BOOST_TEST(read[0].service_number == invoice["service_number"].get<std::string>());
    BOOST_TEST(read[0].payment.amount == 50000);
    BOOST_TEST(api::to_json(read[0]) == row, "what the browser reads is what the server wrote");

    auto detail = billed.server.get("/api/invoices/" + std::to_string(invoice["id"].get<std::int64_t>()), billed.token);
    BOOST_TEST_REQUIRE(detail.status == 200, detail.body);
    const auto resource = api::invoice_resource_from_json(detail.json()["data"]);
    BOOST_TEST_REQUIRE(resource.ok());
    BOOST_TEST(resource->payments.size() == 1u);
    BOOST_TEST(resource->service_number == invoice["service_number"].get<std::string>());
    BOOST_TEST(api::to_json(*resource) == detail.json()["data"]);
}

BOOST_AUTO_TEST_CASE(overpayment_becomes_credit_used_by_the_next_invoice) {
    Billed billed;
    const api::Json invoice = billed.invoice(2);
    const std::int64_t id = invoice["id"], total = invoice["total"], customer = invoice["customer_id"];
    auto paid = billed.pay(id, total + 50000, "cash", "overpayment");
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["data"]["applied_amount"] == total);
    BOOST_TEST(paid.json()["data"]["credit_added"] == 50000);
    const std::int64_t next_id = paid.json()["data"]["next_invoice_id"];
    auto next = billed.server.get("/api/invoices/" + std::to_string(next_id), billed.token);
    BOOST_TEST_REQUIRE(next.status == 200);
    BOOST_TEST(next.json()["data"]["period"] == "2026-02");
    BOOST_TEST(next.json()["data"]["paid_amount"] == 50000);
    BOOST_TEST(next.json()["data"]["status"] == "partial");
    BOOST_TEST(next.json()["data"]["payments"][0]["method"] == "credit");
    auto history = billed.server.get("/api/customers/" + std::to_string(customer) + "/history", billed.token);
    BOOST_TEST_REQUIRE(history.status == 200, history.body);
    BOOST_TEST(history.json()["data"]["credit_balance"] == 0);
    BOOST_TEST(history.json()["data"]["invoices"].size() == 2u);
    BOOST_TEST(history.json()["data"]["payments"].size() == 2u);
    BOOST_TEST(billed.count("SELECT SUM(amount) FROM credit_ledger WHERE customer_id = " + std::to_string(customer)) == 0);
}

BOOST_AUTO_TEST_CASE(paying_an_isolated_customer_restores_them_with_a_pending_network_action) {
    Billed billed;
    const api::Json invoice = billed.invoice(3);
    const std::string customer = std::to_string(invoice["customer_id"].get<std::int64_t>());
    auto db = store::Database::open(billed.server.db_path());
    BOOST_TEST_REQUIRE((*db)->execute("UPDATE customers SET status = 'isolated' WHERE id = " + customer).ok());
    auto paid = billed.pay(invoice["id"], invoice["total"]);
    BOOST_TEST_REQUIRE(paid.status == 201, paid.body);
    BOOST_TEST(paid.json()["data"]["restore_requested"] == true);
    BOOST_TEST(billed.server.scalar("SELECT status FROM customers WHERE id = " + customer) == "active");
    BOOST_TEST(billed.count("SELECT COUNT(*) FROM network_actions WHERE action = 'restore' AND status = 'pending' AND customer_id = " +
                            customer) == 1);
    BOOST_TEST(billed.count("SELECT COUNT(*) FROM activity_log WHERE action = 'customer.restore' AND subject_id = " + customer) == 1);
}

BOOST_AUTO_TEST_CASE(bad_payments_get_422_and_change_nothing) {
    Billed billed;
    const std::int64_t id = billed.invoice(1)["id"];
    const std::string before = billed.server.snapshot();
    auto zero = billed.pay(id, 0);
    BOOST_TEST(zero.status == 422);
    BOOST_TEST(zero.json()["error"]["fields"].contains("amount"));
    auto method = billed.pay(id, 1000, "cheque");
    BOOST_TEST(method.status == 422);
    BOOST_TEST(method.json()["error"]["fields"].contains("method"));
    auto missing = billed.server.post("/api/payments", R"({"amount":1000,"method":"cash"})", billed.token);
    BOOST_TEST(missing.status == 422);
    BOOST_TEST(missing.json()["error"]["fields"].contains("invoice_id"));
    auto unknown = billed.pay(999999, 1000);
    BOOST_TEST(unknown.status == 422);
    auto future = billed.server.post("/api/payments", api::Json{{"invoice_id", id}, {"amount", 1000}, {"method", "cash"},
                                                                {"paid_at", "2027-01-01"}}.dump(), billed.token);
    BOOST_TEST(future.status == 422);
    BOOST_TEST(billed.server.post("/api/payments", "not json", billed.token).status == 400);
    BOOST_TEST(billed.server.snapshot() == before);
}

BOOST_AUTO_TEST_SUITE_END()
