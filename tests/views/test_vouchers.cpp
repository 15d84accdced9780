// Voucher hotspot, headless: batches, resellers and the sales report as the server writes them
// (shared/api's to_json for the voucher records), read back with the browser's readers; making a
// batch sends the input the server parses and then pushes it, showing pushed of count; a sale
// carries one idempotency key per filled-in sale, kept when the server refuses and retried.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/voucher_dto.hpp"
#include "view_harness.hpp"

using kimonet::testing::ViewHarness;
using kimonet::api::Json;
namespace api = kimonet::api;

namespace {

kimonet::VoucherBatch batch(std::int64_t id, const std::string& status, int pushed) {
    kimonet::VoucherBatch row;
    row.id = id;
    row.router_id = 1;
    row.router_name = "Router Pusat";
    row.profile_id = 3;
    row.profile_name = "jam-1";
    row.count = 40;
    row.mode = "voucher";
    row.price = 5000;
    row.status = status;
    row.pushed_count = pushed;
    return row;
}

Json list_of(const Json& rows) { return {{"success", true}, {"data", rows}, {"total", rows.size()}}; }

void answer_lists(ViewHarness& harness) {
    kimonet::HotspotProfile profile;
    profile.id = 3;
    profile.name = "jam-1";
    profile.price = 5000;
    kimonet::Reseller reseller;
    reseller.id = 9;
    reseller.name = "Warung Bu Sri";
    reseller.balance = 50000;
    harness.api().answer("GET", "/api/routers", list_of(Json::array({Json{{"id", 1}, {"name", "Router Pusat"}}})));
    harness.api().answer("GET", "/api/hotspot-profiles", list_of(Json::array({api::to_json(profile)})));
    harness.api().answer("GET", "/api/voucher-batches", list_of(Json::array({api::to_json(batch(7, "pushed", 40))})));
    harness.api().answer("GET", "/api/resellers", list_of(Json::array({api::to_json(reseller)})));
}

std::vector<kimonet::testing::SentRequest> sent(ViewHarness& harness, const std::string& method, const std::string& path) {
    std::vector<kimonet::testing::SentRequest> out;
    for (const auto& request : harness.api().sent())
        if (request.method == method && request.path == path) out.push_back(request);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vouchers)

BOOST_AUTO_TEST_CASE(a_batch_is_made_in_the_servers_input_shape_then_pushed_with_its_progress) {
    ViewHarness harness;
    answer_lists(harness);
    harness.api().answer("POST", "/api/voucher-batches", {{"success", true}, {"data", api::to_json(batch(8, "queued", 0))}}, 201);
    kimonet::VoucherBatch pushed = batch(8, "pushed", 40);
    harness.api().answer("POST", "/api/voucher-batches/8/push", {{"success", true}, {"data", {{"batch_id", 8}, {"pushed", 40}, {"status", "pushed"}}}});
    harness.sign_in_staff({"vouchers.read", "vouchers.create", "routers.read"}, "technician");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    BOOST_TEST(harness.value("header.title") == "Voucher hotspot");
    BOOST_TEST(harness.value("vouchers.batch.7.progress").starts_with("40 / 40 di router"), harness.value("vouchers.batch.7.progress"));
    BOOST_TEST(harness.find("vouchers.batch.7.a4").has_value());
    BOOST_TEST(harness.find("vouchers.batch.7.58mm").has_value());

    harness.click("vouchers.make.count");
    harness.select_all();
    harness.type("40");
    harness.click("vouchers.make.submit");
    harness.settle();
    const auto made = sent(harness, "POST", "/api/voucher-batches");
    BOOST_TEST_REQUIRE(made.size() == 1u);
    const Json body = api::parse_json(made[0].body);
    auto request = api::voucher_batch_request_from_json(body);
    BOOST_TEST_REQUIRE(request.ok(), made[0].body);
    BOOST_TEST(request->count == 40);
    BOOST_TEST(request->router_id == 1);
    BOOST_TEST(request->profile_id == 3);
    BOOST_TEST(sent(harness, "POST", "/api/voucher-batches/8/push").size() == 1u);
    BOOST_TEST(harness.value("vouchers.make.progress").starts_with("40 / 40"), harness.value("vouchers.make.progress"));
}

BOOST_AUTO_TEST_CASE(a_reader_sees_no_make_form_and_a_refused_sale_keeps_its_key_for_the_retry) {
    ViewHarness harness;
    answer_lists(harness);
    harness.api().answer_error("POST", "/api/voucher-sales", 422, "VALIDATION_FAILED", "saldo reseller tidak cukup");
    harness.sign_in_staff({"vouchers.read", "vouchers.sell"}, "finance");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    BOOST_TEST(!harness.find("vouchers.make.submit").has_value(), "finance makes no batches");
    harness.click("vouchers.tab.1");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.reseller.9.balance") == "Rp 50.000");
    harness.click("vouchers.sale.submit");
    harness.settle();
    harness.click("vouchers.sale.submit");
    harness.settle();
    const auto sales = sent(harness, "POST", "/api/voucher-sales");
    BOOST_TEST_REQUIRE(sales.size() == 2u);
    const Json first = api::parse_json(sales[0].body), second = api::parse_json(sales[1].body);
    BOOST_TEST(first["reseller_id"] == 9);
    BOOST_TEST(first["batch_id"] == 7);
    BOOST_TEST(!first["idempotency_key"].get<std::string>().empty());
    BOOST_TEST(first["idempotency_key"] == second["idempotency_key"], "the retry of a refused sale is the same sale");
}

BOOST_AUTO_TEST_CASE(the_sales_report_shows_each_reseller_day_from_the_server_rows) {
    ViewHarness harness;
    answer_lists(harness);
    kimonet::ResellerSalesDay day;
    day.sale_date = "2026-01-15";
    day.reseller_id = 9;
    day.reseller_name = "Warung Bu Sri";
    day.vouchers = 5;
    day.net = 22500;
    harness.api().answer("GET", "/api/voucher-sales/report",
                         {{"success", true}, {"data", Json::array({api::to_json(day)})}, {"total", 1}, {"from", "2026-01-01"}, {"to", "2026-01-15"}});
    harness.sign_in_staff({"vouchers.read"}, "finance");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.2");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.report.0.reseller") == "Warung Bu Sri");
    BOOST_TEST(harness.value("vouchers.report.0.net") == "Rp 22.500");
    BOOST_TEST(harness.value("vouchers.report.from") == "2026-01-01");
    BOOST_TEST(harness.find("vouchers.report.csv").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
