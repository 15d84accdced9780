// Resellers and voucher sales (issue 19), from the cashier's and the attacker's side: a sale takes
// the net price from the reseller's balance in one transaction; a balance that is not enough
// refuses the sale and changes nothing; a replayed sale with the same Idempotency-Key answers the
// first one and changes nothing; every lower role is refused on the new routes; the sales report
// by reseller and day (JSON and CSV).
#include <boost/test/unit_test.hpp>

#include "voucher_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

HttpReply sell(VoucherFixture& fixture, const std::string& token, const std::string& body, const std::string& key) {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
    if (!key.empty()) headers["Idempotency-Key"] = key;
    return http_request("POST", fixture.server.url("/api/voucher-sales"), body, headers);
}

struct SalesFixture : VoucherFixture {
    SalesFixture() {
        finance = server.login("finance");
        batch = make_batch(10);
        BOOST_TEST_REQUIRE(push(batch).status == 200);
        auto made = server.post("/api/resellers", R"({"name":"Warung Bu Sri","phone":"081234567890","commission_type":"percent","commission_value":1000})",
                                finance);
        BOOST_TEST_REQUIRE(made.status == 201, made.body);
        reseller = made.json()["data"]["id"].get<std::int64_t>();
    }
    std::string sale_body(int count) const {
        return api::Json{{"reseller_id", reseller}, {"batch_id", batch}, {"count", count}}.dump();
    }
    std::string balance() { return server.scalar("SELECT balance FROM resellers WHERE id = " + std::to_string(reseller)); }

    std::string finance;
    std::int64_t batch = 0;
    std::int64_t reseller = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(voucher_sales)

BOOST_AUTO_TEST_CASE(a_sale_takes_the_net_price_from_the_balance_and_a_replay_changes_nothing) {
    SalesFixture fixture;
    // Not enough: 5 × Rp 5.000 less 10% = Rp 22.500 against Rp 10.000. Refused, nothing changes.
    BOOST_TEST_REQUIRE(fixture.server.post("/api/resellers/" + std::to_string(fixture.reseller) + "/top-up", R"({"amount":10000})", fixture.finance).status == 200);
    std::string before = fixture.server.snapshot();
    auto short_of = sell(fixture, fixture.finance, fixture.sale_body(5), "sale-1");
    BOOST_TEST(short_of.status == 422, short_of.body);
    BOOST_TEST(short_of.json()["error"]["message"].get<std::string>().starts_with("saldo reseller tidak cukup"));
    BOOST_TEST(fixture.server.snapshot() == before);

    auto topped = fixture.server.post("/api/resellers/" + std::to_string(fixture.reseller) + "/top-up", R"({"amount":40000,"note":"tunai"})", fixture.finance);
    BOOST_TEST_REQUIRE(topped.status == 200, topped.body);
    BOOST_TEST(topped.json()["data"]["balance"] == 50000);

    auto sold = sell(fixture, fixture.finance, fixture.sale_body(5), "sale-1");
    BOOST_TEST_REQUIRE(sold.status == 201, sold.body);
    const auto sale = sold.json()["data"];
    BOOST_TEST(sale["gross_amount"] == 25000);
    BOOST_TEST(sale["commission_amount"] == 2500);
    BOOST_TEST(sale["net_amount"] == 22500);
    BOOST_TEST(sale["balance_after"] == 27500);
    BOOST_TEST(fixture.balance() == "27500");
    BOOST_TEST(fixture.server.scalar("SELECT COUNT(*) FROM vouchers WHERE state = 'sold' AND reseller_id = " + std::to_string(fixture.reseller)) == "5");
    BOOST_TEST(fixture.server.scalar("SELECT SUM(amount) FROM reseller_ledger WHERE reseller_id = " + std::to_string(fixture.reseller)) == "27500");

    // The same request again (an answer lost on the phone line): the first sale, nothing new.
    before = fixture.server.snapshot();
    auto replay = sell(fixture, fixture.finance, fixture.sale_body(5), "sale-1");
    BOOST_TEST(replay.status == 200, replay.body);
    BOOST_TEST(replay.json()["data"]["repeated"] == true);
    BOOST_TEST(replay.json()["data"]["id"] == sale["id"]);
    BOOST_TEST(fixture.server.snapshot() == before);
    // The key reused for another sale (an edited replay) is refused, nothing changes.
    auto edited = sell(fixture, fixture.finance, fixture.sale_body(1), "sale-1");
    BOOST_TEST(edited.status == 409, edited.body);
    BOOST_TEST(edited.json()["error"]["fields"].contains("idempotency_key"), edited.body);
    BOOST_TEST(fixture.server.snapshot() == before);
    // More vouchers than the batch still has: refused, nothing changes.
    auto too_many = sell(fixture, fixture.finance, fixture.sale_body(6), "sale-2");
    BOOST_TEST(too_many.status == 422, too_many.body);
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(the_sales_report_sums_by_reseller_and_day_in_json_and_csv) {
    SalesFixture fixture;
    BOOST_TEST_REQUIRE(fixture.server.post("/api/resellers/" + std::to_string(fixture.reseller) + "/top-up", R"({"amount":100000})", fixture.finance).status == 200);
    BOOST_TEST_REQUIRE(sell(fixture, fixture.finance, fixture.sale_body(2), "a").status == 201);
    BOOST_TEST_REQUIRE(sell(fixture, fixture.finance, fixture.sale_body(3), "b").status == 201);
    auto report = fixture.server.get("/api/voucher-sales/report?from=2026-01-01&to=2026-01-31", fixture.finance);
    BOOST_TEST_REQUIRE(report.status == 200, report.body);
    const auto rows = report.json()["data"];
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0]["date"] == "2026-01-15");
    BOOST_TEST(rows[0]["reseller_name"] == "Warung Bu Sri");
    BOOST_TEST(rows[0]["sales"] == 2);
    BOOST_TEST(rows[0]["vouchers"] == 5);
    BOOST_TEST(rows[0]["net_amount"] == 22500);
    auto csv = fixture.server.get("/api/voucher-sales/report?from=2026-01-01&to=2026-01-31&format=csv", fixture.finance);
    BOOST_TEST_REQUIRE(csv.status == 200);
    BOOST_TEST(csv.headers.at("content-type").starts_with("text/csv"));
    BOOST_TEST(csv.body.find("date,reseller_id,reseller,sales,vouchers,gross_amount,commission_amount,net_amount") == 0u, csv.body);
    BOOST_TEST(csv.body.find("2026-01-15," + std::to_string(fixture.reseller) + ",Warung Bu Sri,2,5,25000,2500,22500") != std::string::npos, csv.body);
    auto bad = fixture.server.get("/api/voucher-sales/report?from=2026-13-01", fixture.finance);
    BOOST_TEST(bad.status == 422);
}

BOOST_AUTO_TEST_CASE(each_lower_role_is_refused_on_the_new_routes_and_nothing_changes) {
    SalesFixture fixture;
    const std::string technician = fixture.server.login("technician");
    const std::string customer = fixture.server.login("CUST001");
    const std::string before = fixture.server.snapshot();
    const std::string batch_body = api::Json{{"router_id", 1}, {"profile_id", fixture.profile_id}, {"count", 5}}.dump();
    const std::string reseller_path = "/api/resellers/" + std::to_string(fixture.reseller);
    struct Attempt {
        std::string method, path, body, token;
        int status;
    };
    const std::vector<Attempt> attempts = {
        {"POST", "/api/voucher-batches", batch_body, "", 401},
        {"POST", "/api/voucher-batches", batch_body, fixture.finance, 403},   // finance sells, does not make batches
        {"POST", "/api/voucher-batches", batch_body, customer, 403},
        {"POST", "/api/voucher-batches/" + std::to_string(fixture.batch) + "/push", "", fixture.finance, 403},
        {"POST", "/api/hotspot-profiles", R"({"name":"x","price":1})", fixture.finance, 403},
        {"POST", reseller_path + "/top-up", R"({"amount":1000000})", technician, 403},  // a technician cannot mint balance
        {"POST", reseller_path + "/top-up", R"({"amount":1000000})", customer, 403},
        {"POST", "/api/voucher-sales", fixture.sale_body(1), technician, 403},
        {"POST", "/api/voucher-sales", fixture.sale_body(1), customer, 403},
        {"POST", "/api/resellers", R"({"name":"y","commission_type":"fixed","commission_value":0})", technician, 403},
        {"PUT", reseller_path, R"({"commission_value":10000})", technician, 403},
        {"GET", "/api/voucher-batches/" + std::to_string(fixture.batch) + "/vouchers", "", customer, 403},
        {"GET", "/api/voucher-batches/" + std::to_string(fixture.batch) + "/pdf", "", customer, 403},
        {"GET", "/api/voucher-sales/report", "", "", 401},
    };
    for (const auto& attempt : attempts) {
        auto reply = fixture.server.call(attempt.method, attempt.path, attempt.body, attempt.token);
        BOOST_TEST(reply.status == attempt.status, attempt.method << " " << attempt.path << " → " << reply.status);
    }
    BOOST_TEST(fixture.server.snapshot() == before);
    // A balance never moves by editing the reseller, and a top-up cannot be negative.
    auto edited = fixture.server.put(reseller_path, R"({"balance":999999999})", fixture.finance);
    BOOST_TEST(edited.status == 200);
    BOOST_TEST(fixture.balance() == "0");
    BOOST_TEST(fixture.server.post(reseller_path + "/top-up", R"({"amount":-5000})", fixture.finance).status == 422);
    BOOST_TEST(fixture.server.post(reseller_path + "/top-up", R"({"amount":9223372036854775807})", fixture.finance).status == 422);
}

BOOST_AUTO_TEST_SUITE_END()
