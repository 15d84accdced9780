// The settings screen headless: grouped by task with Indonesian labels and help, schedules from
// presets saved as the cron string, bank accounts as rows saved as the setting's text, the logo's
// state from the server's answer, an unknown cron shown as "Lanjutan: <cron>", and every setting with a
// fixed set of values chosen by its Indonesian label (or ticked), never shown as its raw value.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "api/json_fields.hpp"
#include "api/setting_choices.hpp"
#include "i18n.hpp"
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
    BOOST_TEST(kimonet::settings_group_of("radius_isolir_pool") == 4);
    BOOST_TEST(kimonet::settings_group_of("credit_note_number_format") == 1);
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

BOOST_AUTO_TEST_CASE(no_setting_with_a_fixed_set_of_values_shows_a_raw_value) {
    const auto all = kimonet::api::setting_choices();
    std::size_t rounds = 0;
    for (const auto& choices : all) rounds = std::max(rounds, choices.values.size());
    int checked = 0;
    // Round r stores every such setting at its r-th value (the last one when it has fewer).
    for (std::size_t round = 0; round < rounds; ++round) {
        Json definitions = Json::array(), data = Json::object();
        for (const auto& choices : all) {
            definitions.push_back({{"key", choices.key}, {"secret", false}, {"description", "raw description"}, {"default", ""}});
            data[std::string(choices.key)] = choices.values[std::min(round, choices.values.size() - 1)];
        }
        ViewHarness harness;
        harness.api().answer("GET", "/api/settings", {{"success", true}, {"data", data}, {"definitions", definitions}, {"logo", nullptr}});
        harness.sign_in_staff({"settings.read", "settings.update"});
        harness.app().navigate(kimonet::Screen{"settings"});
        harness.settle();
        for (int group = 0; group < kimonet::kSettingsGroupCount; ++group) {
            harness.click("settings.tab." + std::to_string(group));
            harness.settle();
            for (const auto& choices : all) {
                const std::string key(choices.key);
                if (kimonet::settings_group_of(key) != group) continue;
                const std::string value(choices.values[std::min(round, choices.values.size() - 1)]);
                const std::string id = "settings." + key;
                const auto widget = harness.find(id);
                BOOST_TEST_REQUIRE(widget.has_value(), id << " is not drawn in group " << group);
                BOOST_TEST(kimonet::i18n::has_key("setting." + key), key << " has no label");
                BOOST_TEST(kimonet::i18n::has_key("setting_help." + key), key << " has no help");
                if (choices.is_switch()) {
                    BOOST_TEST(widget->value("kind", "") == "checkbox", id);
                    BOOST_TEST(widget->value("value", "") == (value == "1" ? "true" : "false"), id);
                } else {
                    BOOST_TEST(widget->value("kind", "") == "select", id);
                    BOOST_TEST(kimonet::i18n::has_key("setting_choice." + key + "." + value), key << "=" << value << " has no label");
                    BOOST_TEST(kimonet::i18n::has_key("setting_choice_help." + key + "." + value), key << "=" << value << " has no help");
                    BOOST_TEST(widget->value("value", "") == kimonet::i18n::tr("setting_choice." + key + "." + value), id);
                    BOOST_TEST(!harness.value(id + ".choice_help").empty(), id);
                    // Opened, every option is a label too.
                    harness.click(id);
                    harness.settle();
                    for (std::size_t i = 0; i < choices.values.size(); ++i)
                        BOOST_TEST(harness.label(id + ".option." + std::to_string(i)) ==
                                       kimonet::i18n::tr("setting_choice." + key + "." + std::string(choices.values[i])),
                                   id << " option " << i);
                    // Closed again by choosing the value it has (a click on the combo would open it anew).
                    const auto chosen = std::find(choices.values.begin(), choices.values.end(), value) - choices.values.begin();
                    harness.click(id + ".option." + std::to_string(chosen));
                    harness.settle();
                    BOOST_TEST(harness.find_prefix(id + ".option.").empty(), id << " stays open");
                }
                // Nothing drawn for this setting (label, value, help, options) is one of its raw values.
                for (const auto& drawn : harness.find_prefix(id))
                    for (const auto& raw : choices.values) {
                        BOOST_TEST(drawn.value("label", "") != raw, drawn.value("id", "") << " shows " << raw);
                        BOOST_TEST(drawn.value("value", "") != raw, drawn.value("id", "") << " shows " << raw);
                    }
                ++checked;
            }
        }
        BOOST_TEST(kimonet::i18n::unknown_keys().empty());
    }
    BOOST_TEST(checked == static_cast<int>(rounds * all.size()));
}

BOOST_AUTO_TEST_CASE(a_choice_saves_the_value_the_server_knows) {
    Json definitions = Json::array({{{"key", "tax_mode"}, {"secret", false}, {"description", ""}, {"default", "exclusive"}}});
    ViewHarness harness;
    harness.api().answer("GET", "/api/settings", {{"success", true}, {"data", {{"tax_mode", "exclusive"}}}, {"definitions", definitions}, {"logo", nullptr}});
    harness.api().answer("PUT", "/api/settings", {{"success", true}, {"data", Json::object()}});
    harness.sign_in_staff({"settings.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"settings"});
    harness.settle();
    harness.click("settings.tab.1");
    harness.settle();
    BOOST_TEST(harness.value("settings.tax_mode") == "Harga belum termasuk PPN");
    BOOST_TEST(harness.value("settings.tax_mode.choice_help") == "PPN dihitung dari harga paket dan ditambahkan ke tagihan.");
    harness.click("settings.tax_mode");
    harness.settle();
    harness.click("settings.tax_mode.option.1");
    harness.settle();
    BOOST_TEST(harness.value("settings.tax_mode") == "Harga sudah termasuk PPN");
    harness.click("settings.save");
    harness.settle();
    BOOST_TEST(put_body(harness) == (Json{{"tax_mode", "inclusive"}}));
}

// Issue 22: the Wablas, WAHA and Meta settings on the WhatsApp tab: Indonesian labels, the driver's
// choice help, Meta's secrets as masked fields that show only whether they are set, and a typed
// secret saved as typed.
BOOST_AUTO_TEST_CASE(whatsapp_provider_settings_are_labelled_and_their_secrets_stay_masked) {
    Json definitions = Json::array(), data = Json::object();
    auto add = [&](const char* key, const Json& value, bool secret) {
        definitions.push_back({{"key", key}, {"secret", secret}, {"description", "raw description"}, {"default", ""}});
        data[key] = value;
    };
    add("whatsapp_driver", "meta", false);
    add("whatsapp_meta_phone_number_id", "106540352242922", false);
    add("whatsapp_meta_app_secret", Json{{"set", true}}, true);
    add("whatsapp_meta_verify_token", Json{{"set", false}}, true);
    add("whatsapp_meta_templates", "", false);
    add("whatsapp_meta_language", "id", false);
    add("whatsapp_waha_session", "default", false);
    ViewHarness harness;
    harness.api().answer("GET", "/api/settings", {{"success", true}, {"data", data}, {"definitions", definitions}, {"logo", nullptr}});
    harness.api().answer("PUT", "/api/settings", {{"success", true}, {"data", Json::object()}});
    harness.sign_in_staff({"settings.read", "settings.update"});
    harness.app().navigate(kimonet::Screen{"settings"});
    harness.settle();
    harness.click("settings.tab.3");
    harness.settle();
    BOOST_TEST(harness.value("settings.whatsapp_driver") == "Meta WhatsApp Cloud API (resmi)");
    BOOST_TEST(harness.value("settings.whatsapp_driver.choice_help").find("ID nomor telepon") != std::string::npos);
    BOOST_TEST(harness.label("settings.whatsapp_meta_phone_number_id") == "ID nomor telepon Meta");
    BOOST_TEST(harness.label("settings.whatsapp_meta_templates") == "Template Meta per jenis pesan");
    BOOST_TEST(harness.label("settings.whatsapp_meta_language") == "Bahasa template Meta");
    BOOST_TEST(harness.label("settings.whatsapp_waha_session") == "Sesi WAHA");
    BOOST_TEST(harness.value("settings.whatsapp_meta_app_secret.state") == "Tersimpan");
    BOOST_TEST(harness.value("settings.whatsapp_meta_verify_token.state") == "Belum diisi");
    BOOST_TEST(harness.value("settings.whatsapp_meta_app_secret") == "");
    for (const char* key : {"whatsapp_waha_session", "whatsapp_meta_phone_number_id", "whatsapp_meta_app_secret", "whatsapp_meta_verify_token",
                            "whatsapp_meta_templates", "whatsapp_meta_language"})
        BOOST_TEST(harness.value(std::string("settings.") + key + ".help").find("raw description") == std::string::npos, key);
    harness.click("settings.whatsapp_meta_verify_token");
    harness.type("verify-me");
    harness.settle();
    BOOST_TEST(harness.value("settings.whatsapp_meta_verify_token") == "*********");  // masked in the registry too
    harness.click("settings.save");
    harness.settle();
    BOOST_TEST(put_body(harness) == (Json{{"whatsapp_meta_verify_token", "verify-me"}}));
    BOOST_TEST(kimonet::i18n::unknown_keys().empty());
}

BOOST_AUTO_TEST_SUITE_END()
