// Voucher hotspot, headless: batches, resellers and the sales report as the server writes them
// (shared/api's to_json for the voucher records), read back with the browser's readers; making a
// batch sends the input the server parses and then pushes it, showing pushed of count; a sale
// carries one idempotency key per filled-in sale, kept when the server refuses and retried; the
// Profiles tab lists profiles and edits them for vouchers.create (the server's field messages under
// their own fields), read-only for vouchers.read; with no profile the batch form offers the form.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/dto.hpp"
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

// A top-up pressed again after no answer (a dropped connection) is the same top-up: the server
// credits once. Another amount is another top-up, with a key of its own.
BOOST_AUTO_TEST_CASE(a_top_up_pressed_again_is_the_same_top_up_and_another_amount_a_new_one) {
    ViewHarness harness;
    answer_lists(harness);
    harness.api().answer_error("POST", "/api/resellers/9/top-up", 503, "UNAVAILABLE", "server sibuk");
    harness.sign_in_staff({"vouchers.read", "vouchers.sell"}, "finance");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.1");
    harness.settle();
    harness.click("vouchers.sale.top_up");
    harness.type("100000");
    harness.click("vouchers.sale.top_up_submit");
    harness.settle();
    harness.click("vouchers.sale.top_up_submit");
    harness.settle();
    harness.click("vouchers.sale.top_up");
    harness.select_all();
    harness.type("150000");
    harness.click("vouchers.sale.top_up_submit");
    harness.settle();
    const auto top_ups = sent(harness, "POST", "/api/resellers/9/top-up");
    BOOST_TEST_REQUIRE(top_ups.size() == 3u);
    const Json first = api::parse_json(top_ups[0].body), again = api::parse_json(top_ups[1].body), other = api::parse_json(top_ups[2].body);
    BOOST_TEST(first["amount"] == 100000);
    BOOST_TEST_REQUIRE(first.contains("idempotency_key"), top_ups[0].body);
    BOOST_TEST(!first["idempotency_key"].get<std::string>().empty());
    BOOST_TEST(again["idempotency_key"] == first["idempotency_key"], "pressed again: the same top-up");
    BOOST_TEST(other["amount"] == 150000);
    BOOST_TEST(other["idempotency_key"] != first["idempotency_key"], "another amount: another top-up");
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

BOOST_AUTO_TEST_CASE(a_new_profile_goes_in_the_servers_shape_and_its_refusal_shows_under_the_right_field) {
    ViewHarness harness;
    answer_lists(harness);
    kimonet::Package package;
    package.id = 2;
    package.name = "Paket 10M";
    package.download_kbps = 10000;
    package.upload_kbps = 5000;
    package.price = 150000;
    package.mikrotik_profile = "paket-10m";
    harness.api().answer("GET", "/api/packages", list_of(Json::array({api::to_json(package)})));
    harness.api().answer_error("POST", "/api/hotspot-profiles", 422, "VALIDATION_FAILED", "data tidak valid",
                               {{"name", "nama profil hotspot sudah dipakai"}});
    harness.sign_in_staff({"vouchers.read", "vouchers.create", "routers.read", "packages.read"}, "technician");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.3");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.profile.3.name") == "jam-1");
    BOOST_TEST(harness.value("vouchers.profile.3.price") == "Rp 5.000");
    BOOST_TEST(harness.find("vouchers.profile.3.edit").has_value());

    harness.click("vouchers.profiles.new");
    harness.settle();
    const auto fill = [&](const std::string& id, const std::string& text) {
        harness.click(id);
        harness.select_all();
        harness.type(text);
    };
    fill("vouchers.profile_form.name", "jam-1");
    fill("vouchers.profile_form.rate_limit", "2M/2M");
    fill("vouchers.profile_form.time_limit", "90");
    fill("vouchers.profile_form.quota", "1000");
    fill("vouchers.profile_form.validity", "7");
    fill("vouchers.profile_form.price", "5.000");
    harness.click("vouchers.profile_form.save");
    harness.settle();
    const auto posted = sent(harness, "POST", "/api/hotspot-profiles");
    BOOST_TEST_REQUIRE(posted.size() == 1u);
    auto parsed = api::hotspot_profile_from_json(api::parse_json(posted[0].body), kimonet::HotspotProfile{});
    BOOST_TEST_REQUIRE(parsed.ok(), posted[0].body);
    BOOST_TEST(parsed->name == "jam-1");
    BOOST_TEST(parsed->time_limit_seconds == 5400);
    BOOST_TEST(parsed->quota_bytes == 1'000'000'000);
    BOOST_TEST(parsed->validity_days == 7);
    BOOST_TEST(parsed->price == 5000);
    BOOST_TEST(!parsed->package_id.has_value());
    // The name is taken: said under the name, nowhere else, and the form stays open with what was typed.
    BOOST_TEST(harness.value("vouchers.profile_form.name.error") == "nama profil hotspot sudah dipakai");
    BOOST_TEST(!harness.find("vouchers.profile_form.price.error").has_value());
    BOOST_TEST(!harness.find("vouchers.profile_form.rate_limit.error").has_value());
    BOOST_TEST(harness.value("vouchers.profile_form.time_limit") == "90");

    // A new name is accepted: the form closes and the list is read again.
    harness.api().answer("POST", "/api/hotspot-profiles", {{"success", true}, {"data", Json{{"id", 4}, {"name", "jam-2"}, {"price", 5000}}}}, 201);
    fill("vouchers.profile_form.name", "jam-2");
    harness.settle();
    BOOST_TEST(!harness.find("vouchers.profile_form.name.error").has_value(), "editing the field clears the server's message");
    harness.click("vouchers.profile_form.save");
    harness.settle();
    BOOST_TEST(sent(harness, "POST", "/api/hotspot-profiles").size() == 2u);
    BOOST_TEST(!harness.find("vouchers.profile_form.save").has_value(), "saved: the form closes");
    BOOST_TEST(harness.value("vouchers.profiles.saved") == "Profil jam-2 tersimpan.");
}

BOOST_AUTO_TEST_CASE(editing_a_profile_starts_from_its_values_and_keeps_its_package) {
    ViewHarness harness;
    answer_lists(harness);
    kimonet::HotspotProfile profile;
    profile.id = 3;
    profile.name = "jam-1";
    profile.package_id = 2;
    profile.rate_limit = "10M/5M";
    profile.time_limit_seconds = 3600;
    profile.quota_bytes = 2'000'000'000;
    profile.validity_days = 1;
    profile.price = 5000;
    harness.api().answer("GET", "/api/hotspot-profiles", list_of(Json::array({api::to_json(profile)})));
    kimonet::Package package;
    package.id = 2;
    package.name = "Paket 10M";
    package.download_kbps = 10000;
    package.upload_kbps = 5000;
    package.price = 150000;
    package.mikrotik_profile = "paket-10m";
    harness.api().answer("GET", "/api/packages", list_of(Json::array({api::to_json(package)})));
    harness.api().answer("PUT", "/api/hotspot-profiles/3", {{"success", true}, {"data", api::to_json(profile)}});
    harness.sign_in_staff({"vouchers.read", "vouchers.create", "routers.read", "packages.read"}, "technician");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.3");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.profile.3.time_limit") == "1 jam");
    BOOST_TEST(harness.value("vouchers.profile.3.quota") == "2000 MB");
    BOOST_TEST(harness.value("vouchers.profile.3.rate_limit") == "10M/5M · Paket 10M");
    harness.click("vouchers.profile.3.edit");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.profile_form.time_limit") == "60");
    BOOST_TEST(harness.value("vouchers.profile_form.quota") == "2000");
    harness.click("vouchers.profile_form.save");
    harness.settle();
    const auto put = sent(harness, "PUT", "/api/hotspot-profiles/3");
    BOOST_TEST_REQUIRE(put.size() == 1u);
    const Json body = api::parse_json(put[0].body);
    BOOST_TEST(body["package_id"] == 2);
    BOOST_TEST(body["time_limit_seconds"] == 3600);
    BOOST_TEST(body["quota_bytes"] == 2'000'000'000);
}

BOOST_AUTO_TEST_CASE(a_role_that_cannot_list_packages_does_not_unlink_a_profiles_package) {
    ViewHarness harness;
    answer_lists(harness);
    kimonet::HotspotProfile profile;
    profile.id = 3;
    profile.name = "jam-1";
    profile.package_id = 2;
    profile.price = 5000;
    harness.api().answer("GET", "/api/hotspot-profiles", list_of(Json::array({api::to_json(profile)})));
    harness.api().answer("PUT", "/api/hotspot-profiles/3", {{"success", true}, {"data", api::to_json(profile)}});
    harness.sign_in_staff({"vouchers.read", "vouchers.create", "routers.read"}, "technician");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.3");
    harness.settle();
    harness.click("vouchers.profile.3.edit");
    harness.settle();
    harness.click("vouchers.profile_form.save");
    harness.settle();
    const auto put = sent(harness, "PUT", "/api/hotspot-profiles/3");
    BOOST_TEST_REQUIRE(put.size() == 1u);
    BOOST_TEST(!api::parse_json(put[0].body).contains("package_id"), put[0].body);
    BOOST_TEST(harness.api().count("GET", "/api/packages") == 0);
}

BOOST_AUTO_TEST_CASE(a_reader_sees_the_profiles_but_no_profile_form) {
    ViewHarness harness;
    answer_lists(harness);
    harness.sign_in_staff({"vouchers.read", "vouchers.sell"}, "finance");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    harness.click("vouchers.tab.3");
    harness.settle();
    BOOST_TEST(harness.value("vouchers.profile.3.name") == "jam-1");
    BOOST_TEST(!harness.find("vouchers.profiles.new").has_value());
    BOOST_TEST(!harness.find("vouchers.profile.3.edit").has_value());
    BOOST_TEST(harness.find_prefix("vouchers.profile_form.").empty());
}

BOOST_AUTO_TEST_CASE(with_no_profile_the_batch_form_says_so_and_opens_the_profile_form) {
    ViewHarness harness;
    answer_lists(harness);
    harness.api().answer("GET", "/api/hotspot-profiles", list_of(Json::array()));
    harness.sign_in_staff({"vouchers.read", "vouchers.create", "routers.read"}, "technician");
    harness.app().navigate(kimonet::Screen{"vouchers"});
    harness.settle();
    BOOST_TEST(harness.value("vouchers.make.no_profiles").starts_with("Belum ada profil hotspot."), harness.value("vouchers.make.no_profiles"));
    BOOST_TEST(!harness.find("vouchers.make.profile").has_value(), "no empty drop-down");
    BOOST_TEST(!harness.find("vouchers.make.submit").has_value());
    harness.click("vouchers.make.new_profile");
    harness.settle();
    BOOST_TEST(harness.find("vouchers.profile_form.name").has_value());
    BOOST_TEST(harness.find("vouchers.profile_form.save").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
