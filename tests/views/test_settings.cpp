// The settings screen headless: grouped by task with Indonesian labels and help, schedules from
// presets saved as the cron string, bank accounts as rows saved as the setting's text, the logo's
// state from the server's answer, and an unknown cron shown as "Lanjutan: <cron>".
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/json_fields.hpp"
#include "view_harness.hpp"
#include "views/view_settings.hpp"

using kimonet::testing::ViewHarness;
using Json = kimonet::api::Json;

namespace {

Json settings_answer(const std::string& invoice_schedule, const std::string& isolir_schedule, const Json& logo = Json()) {
    Json definitions = Json::array();
    Json data = Json::object();
    auto add = [&](const char* key, const std::string& value, const char* description) {
        definitions.push_back({{"key", key}, {"secret", false}, {"description", description}, {"default", ""}});
        data[key] = value;
    };
    add("company_name", "Kimonet Net", "ISP name on invoices and messages");
    add("invoice_schedule", invoice_schedule, "Cron schedule of the monthly invoice run");
    add("isolir_schedule", isolir_schedule, "Cron schedule of the automatic isolir run");
    add("bank_accounts", "BCA 1234567890 a.n. PT Kimonet Net|Mandiri 1300012345678 a.n. PT Kimonet Net", "Bank accounts");
    add("whatsapp_quiet_hours", "21:00-07:00", "Quiet hours");
    add("trusted_proxies", "", "Trusted proxies");
    return {{"success", true}, {"data", data}, {"definitions", definitions}, {"logo", logo}};
}

Json put_body(ViewHarness& harness) {
    const auto& sent = harness.api().sent();
    auto put = std::find_if(sent.rbegin(), sent.rend(), [](const auto& request) { return request.method == "PUT"; });
    BOOST_TEST_REQUIRE((put != sent.rend()));
    return kimonet::api::parse_json(put->body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(settings)

BOOST_AUTO_TEST_CASE(settings_are_grouped_by_task_with_indonesian_labels_and_help) {
    BOOST_TEST(kimonet::settings_group_of("company_name") == 0);
    BOOST_TEST(kimonet::settings_group_of("invoice_schedule") == 1);
    BOOST_TEST(kimonet::settings_group_of("bank_accounts") == 2);
    BOOST_TEST(kimonet::settings_group_of("midtrans_server_key") == 2);
    BOOST_TEST(kimonet::settings_group_of("whatsapp_api_url") == 3);
    BOOST_TEST(kimonet::settings_group_of("isolir_schedule") == 4);
    BOOST_TEST(kimonet::settings_group_of("trusted_proxies") == 5);
    BOOST_TEST(kimonet::settings_group_of("something_new") == 6);

    ViewHarness harness;
    harness.api().answer("GET", "/api/settings", settings_answer("1 0 1 * *", "0 8 * * *", Json{{"content_type", "image/png"}, {"width", 256}, {"height", 256}}));
    harness.sign_in_staff({"settings.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"settings"});
    harness.settle();
    const std::vector<std::string> tabs = {"Perusahaan", "Penagihan", "Pembayaran", "WhatsApp", "Jaringan", "Keamanan", "Lainnya"};
    for (std::size_t i = 0; i < tabs.size(); ++i) BOOST_TEST(harness.label("settings.tab." + std::to_string(i)) == tabs[i]);
    BOOST_TEST(harness.label("settings.company_name") == "Nama perusahaan");
    BOOST_TEST(harness.value("settings.company_name.help") == "Nama ISP di tagihan, kuitansi dan pesan WhatsApp.");
    BOOST_TEST(harness.value("settings.logo.state") == "Logo tersimpan: image/png, 256×256 piksel");
    BOOST_TEST(!harness.find("settings.invoice_schedule.kind"), "other groups are not drawn");

    harness.click("settings.tab.5");
    harness.settle();
    BOOST_TEST(harness.label("settings.trusted_proxies") == "Proxy tepercaya");
    BOOST_TEST(harness.value("settings.group_help") == "Batas permintaan publik, proxy tepercaya dan asal yang diizinkan.");
}

BOOST_AUTO_TEST_CASE(a_schedule_preset_chosen_saves_the_expected_cron) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/settings", settings_answer("1 0 1 * *", "0 8 * * 1-5"));
    harness.api().answer("PUT", "/api/settings", {{"success", true}, {"data", Json::object()}});
    harness.sign_in_staff({"settings.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"settings"});
    harness.settle();
    harness.click("settings.tab.1");
    harness.settle();
    BOOST_TEST(harness.value("settings.invoice_schedule.summary") == "setiap tanggal 1 jam 00:01");
    BOOST_TEST(harness.value("settings.invoice_schedule.day") == "1");
    // The 5th of every month at 02:30.
    harness.click("settings.invoice_schedule.day");
    harness.settle();
    harness.click("settings.invoice_schedule.day.option.4");
    harness.settle();
    harness.click("settings.invoice_schedule.time");
    harness.select_all();
    harness.type("02:30");
    harness.settle();
    BOOST_TEST(harness.value("settings.invoice_schedule.summary") == "setiap tanggal 5 jam 02:30");
    harness.click("settings.save");
    harness.settle();
    BOOST_TEST(put_body(harness) == (Json{{"invoice_schedule", "30 2 5 * *"}}));

    // Daily at the same time (the fake server still answers the first schedule, 00:01): the kind
    // changes, the cron follows.
    harness.click("settings.invoice_schedule.kind");
    harness.settle();
    harness.click("settings.invoice_schedule.kind.option.1");
    harness.settle();
    BOOST_TEST(harness.value("settings.invoice_schedule.summary") == "setiap hari jam 00:01");
    harness.click("settings.save");
    harness.settle();
    BOOST_TEST(put_body(harness) == (Json{{"invoice_schedule", "1 0 * * *"}}));

    // An unknown cron stays as it is, shown as the advanced choice.
    harness.click("settings.tab.4");
    harness.settle();
    BOOST_TEST(harness.value("settings.isolir_schedule.summary") == "Lanjutan: 0 8 * * 1-5");
    BOOST_TEST(harness.value("settings.isolir_schedule") == "0 8 * * 1-5");
}

BOOST_AUTO_TEST_CASE(bank_accounts_are_rows_added_reordered_and_removed) {
    ViewHarness harness;
    harness.api().answer("GET", "/api/settings", settings_answer("1 0 1 * *", "0 8 * * *"));
    harness.api().answer("PUT", "/api/settings", {{"success", true}, {"data", Json::object()}});
    harness.sign_in_staff({"settings.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"settings"});
    harness.settle();
    harness.click("settings.tab.2");
    harness.settle();
    BOOST_TEST(harness.value("settings.bank.0.bank") == "BCA");
    BOOST_TEST(harness.value("settings.bank.1.number") == "1300012345678");
    harness.click("settings.bank.1.up");
    harness.settle();
    BOOST_TEST(harness.value("settings.bank.0.bank") == "Mandiri");
    harness.click("settings.bank.add");
    harness.settle();
    harness.click("settings.bank.2.bank");
    harness.type("BRI");
    harness.click("settings.bank.2.number");
    harness.type("0012345678");
    harness.click("settings.bank.2.holder");
    harness.type("Siti Rahayu");
    harness.settle();
    harness.click("settings.bank.1.remove");
    harness.settle();
    harness.click("settings.save");
    harness.settle();
    BOOST_TEST(put_body(harness) == (Json{{"bank_accounts", "Mandiri 1300012345678 a.n. PT Kimonet Net|BRI 0012345678 a.n. Siti Rahayu"}}));
}

BOOST_AUTO_TEST_SUITE_END()
