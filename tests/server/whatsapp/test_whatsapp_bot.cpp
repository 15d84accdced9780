#include <boost/test/unit_test.hpp>

#include "security/crypto.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

namespace {

std::string converse(WhatsAppFixture& fixture, const std::string& driver, const std::string& phone, const std::string& text,
                     const std::string& id = {}) {
    return fixture.converse(driver, phone, text, id);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_bot)

BOOST_AUTO_TEST_CASE(tagihan_lists_unpaid_invoices_with_total_and_payment_link) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST001");
    const std::string customer_id = fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    // The seed's invoices of this customer are voided, so the bot lists only the ones made below.
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(context.db.execute("UPDATE invoices SET status = 'void' WHERE customer_id = " + customer_id).ok());
    });
    BOOST_TEST(contains(converse(fixture, "fonnte", phone, "tagihan"), "tidak ada tagihan"));
    fixture.with_context([&](app::Context& context) {
        auto inserted = context.db.execute(
            "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "paid_amount, status, created_at) VALUES "
            "('INV-BOT-1', " + customer_id + ", '2025-12', 'monthly', 901, '2025-12-01', '2025-12-10', 150000, 16500, 166500, 0, 'unpaid', 0),"
            "('INV-BOT-2', " + customer_id + ", '2026-01', 'monthly', 902, '2026-01-01', '2026-01-10', 150000, 16500, 166500, 66500, 'partial', 0),"
            "('INV-BOT-3', " + customer_id + ", '2025-11', 'monthly', 903, '2025-11-01', '2025-11-10', 150000, 16500, 166500, 166500, 'paid', 0)");
        BOOST_TEST_REQUIRE(inserted.ok(), (inserted ? "" : inserted.error().message()));
    });
    const std::string reply = converse(fixture, "fonnte", phone, "Cek tagihn dong", "inbox-1");
    BOOST_TEST(contains(reply, "INV-BOT-1 (Desember 2025): Rp 166.500, jatuh tempo 10 Desember 2025"), reply);
    BOOST_TEST(contains(reply, "INV-BOT-2 (Januari 2026): Rp 100.000"), reply);
    BOOST_TEST(!contains(reply, "INV-BOT-3"), reply);
    BOOST_TEST(contains(reply, "Total: *Rp 266.500*"), reply);
    BOOST_TEST(contains(reply, "/billing/CUST001"), reply);
}

BOOST_AUTO_TEST_CASE(bayar_status_and_menu_with_typos_and_capitals) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST002");
    const std::string link = converse(fixture, "fonnte", phone, "BAYR");
    BOOST_TEST(contains(link, "/billing/CUST002"), link);
    BOOST_TEST(contains(converse(fixture, "fonnte", phone, "statsu"), "*Aktif"));
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(context.db.execute("UPDATE customers SET status = 'isolated' WHERE service_number = 'CUST002'").ok());
    });
    BOOST_TEST(contains(converse(fixture, "fonnte", phone, "status"), "Diisolir"));
    const std::string menu = converse(fixture, "fonnte", phone, "halo admin");
    BOOST_TEST(contains(menu, "*TAGIHAN*"), menu);
    BOOST_TEST(contains(converse(fixture, "fonnte", phone, "Bantuan"), "*BAYAR*"));
}

BOOST_AUTO_TEST_CASE(the_payment_link_uses_the_public_base_url_setting) {
    WhatsAppFixture fixture;
    if (!services::find_setting_definition("public_base_url")) return;
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"public_base_url", "https://billing.kimonet.id/"}}).ok());
    });
    BOOST_TEST(contains(converse(fixture, "fonnte", fixture.phone_of("CUST003"), "bayar"), "https://billing.kimonet.id/billing/CUST003"));
}

BOOST_AUTO_TEST_CASE(gowa_signed_webhook_is_answered_and_forged_one_is_refused) {
    WhatsAppFixture fixture("gowa");
    const std::string phone = fixture.phone_of("CUST004");
    const std::string reply = converse(fixture, "gowa", phone, "menu");
    BOOST_TEST(contains(reply, "*STATUS*"), reply);
    BOOST_TEST(fixture.simulator.messages().back().driver == "gowa");

    const auto notifications = fixture.count("SELECT COUNT(*) FROM notifications");
    const auto conversations = fixture.count("SELECT COUNT(*) FROM whatsapp_conversations");
    const auto forged = fixture.simulator.deliver_inbound("gowa", phone, "tagihan", "forged-1", true);
    BOOST_TEST(forged.status == 401);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == notifications);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations") == conversations);
    // A forgery writes nothing at all (not even a rejection row: forgers must not fill the disk).
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'whatsapp.webhook_rejected'") == 0);

    // Unsigned, and signed over a different body, are refused too.
    const auto unsigned_call = testing::http_request("POST", fixture.server.url("/webhook/whatsapp/gowa"),
                                                     R"({"event":"message","payload":{"from":"6281@s.whatsapp.net","body":"x"}})");
    BOOST_TEST(unsigned_call.status == 401);
}

BOOST_AUTO_TEST_CASE(fonnte_webhook_needs_the_token_when_a_secret_is_set) {
    WhatsAppFixture fixture;
    const auto forged = fixture.simulator.deliver_inbound("fonnte", fixture.phone_of("CUST005"), "tagihan", {}, true);
    BOOST_TEST(forged.status == 401);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 0);
}

BOOST_AUTO_TEST_CASE(unknown_numbers_get_one_polite_registration_hint_a_day) {
    WhatsAppFixture fixture;
    const std::string stranger = "6289999000111";
    const std::string reply = converse(fixture, "fonnte", stranger, "tagihan");
    BOOST_TEST(contains(reply, "belum terdaftar"), reply);
    BOOST_TEST(contains(reply, "wa.me/"), reply);
    BOOST_TEST(converse(fixture, "fonnte", stranger, "halo?") == "");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + stranger + "' AND direction = 'in'") == 2);
    fixture.server.clock().advance(24 * 3600);
    BOOST_TEST(contains(converse(fixture, "fonnte", stranger, "halo?"), "belum terdaftar"));
}

BOOST_AUTO_TEST_CASE(a_retried_webhook_is_answered_once_and_everything_is_logged) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST006");
    BOOST_TEST(converse(fixture, "fonnte", phone, "status", "inbox-77") != "");
    BOOST_TEST(converse(fixture, "fonnte", phone, "status", "inbox-77") == "");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + phone + "' AND direction = 'in'") == 2);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + phone + "' AND direction = 'out'") == 1);
    BOOST_TEST(fixture.server.scalar("SELECT intent FROM whatsapp_conversations WHERE direction = 'out'") == "status");
    BOOST_TEST(fixture.server.scalar("SELECT customer_id IS NOT NULL FROM whatsapp_conversations LIMIT 1") == "1");
}

BOOST_AUTO_TEST_CASE(the_simulator_delivers_inbound_over_its_own_http_endpoint) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST007");
    auto answer = testing::http_request("POST", fixture.simulator.base_url() + "/_sim/inbound",
                                        api::Json{{"driver", "fonnte"}, {"from", phone}, {"message", "menu"}}.dump());
    BOOST_TEST_REQUIRE(answer.status == 200);
    BOOST_TEST(answer.json()["webhook_status"] == 200);
    fixture.drain();
    auto recorded = testing::http_request("GET", fixture.simulator.base_url() + "/_sim/messages");
    BOOST_TEST_REQUIRE(recorded.status == 200);
    BOOST_TEST(recorded.json()["messages"].size() == 1u);
    BOOST_TEST(recorded.json()["messages"][0]["to"] == phone);
}

// "janji bayar" from the customer's registered number goes through the promise service the portal
// uses: one promise, the reply names its date; the webhook retried and the message sent again
// create nothing new and answer with the same date; a refusal says why.
BOOST_AUTO_TEST_CASE(janji_bayar_makes_one_promise_and_answers_with_its_date) {
    WhatsAppFixture fixture;
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"dunning_promise_enabled", "1"}, {"dunning_promise_days", "3"}}).ok());
    });
    const std::string phone = fixture.phone_of("CUST001");
    const std::string customer_id = fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(context.db.execute("UPDATE invoices SET status = 'void' WHERE customer_id = " + customer_id).ok());
        BOOST_TEST_REQUIRE(context.db.execute(
            "INSERT INTO invoices(invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, "
            "paid_amount, status, created_at) VALUES ('INV-JANJI-1', " + customer_id +
            ", '2026-01', 'monthly', 911, '2026-01-01', '2026-01-10', 150000, 16500, 166500, 0, 'unpaid', 0)").ok());
    });
    const std::string reply = converse(fixture, "fonnte", phone, "Janji bayar", "janji-1");
    BOOST_TEST(contains(reply, "tidak diisolir sampai *18 Januari 2026*"), reply);
    BOOST_TEST(contains(reply, "INV-JANJI-1"), reply);
    BOOST_TEST(contains(reply, "Rp 166.500"), reply);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises WHERE channel = 'whatsapp' AND promised_until = '2026-01-18'") == 1);
    BOOST_TEST(converse(fixture, "fonnte", phone, "Janji bayar", "janji-1") == "");  // the webhook retried
    const std::string repeated = converse(fixture, "fonnte", phone, "saya janji bayar besok ya", "janji-2");
    BOOST_TEST(contains(repeated, "18 Januari 2026"), repeated);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises") == 1);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE template = 'janji_bayar_diterima'") == 2);  // the two replies only
    BOOST_TEST(fixture.server.scalar("SELECT intent FROM whatsapp_conversations WHERE gateway_message_id = 'janji-2'") == "promise");

    fixture.with_context([&](app::Context& context) {
        BOOST_TEST_REQUIRE(services::update_settings(context, {{"dunning_promise_enabled", "0"}}).ok());
    });
    const std::string refused = converse(fixture, "fonnte", fixture.phone_of("CUST002"), "janji bayar");
    BOOST_TEST(contains(refused, "belum bisa kami catat"), refused);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM payment_promises") == 1);
}

// go-whatsapp-web-multidevice's docs/webhook-payload.md: a group message names the group in
// payload.chat_id and the member in payload.from. Signed correctly it is acknowledged, and the bot
// neither answers the member privately nor writes to the group.
BOOST_AUTO_TEST_CASE(gowa_group_message_from_a_customer_gets_no_reply) {
    WhatsAppFixture fixture("gowa");
    const std::string phone = fixture.phone_of("CUST004");
    const std::string body = R"({"event":"message","device_id":"628987654321@s.whatsapp.net","payload":{"id":"3EB0C127D7BACC83D6A2",)"
                             R"("chat_id":"120363402106123456@g.us","from":")" + phone + R"(@s.whatsapp.net","from_name":"John Doe",)"
                             R"("timestamp":"2023-10-15T10:35:00Z","is_from_me":false,"body":"tagihan"}})";
    const auto answer = testing::http_request("POST", fixture.server.url("/webhook/whatsapp/gowa"), body,
                                              {{"Content-Type", "application/json"},
                                               {"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex("hook-secret", body)}});
    BOOST_TEST(answer.status == 200, answer.body);
    fixture.drain();
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 0);
    BOOST_TEST(fixture.simulator.messages().empty());
}

// Fonnte retries a webhook every minute until it gets a 200 (https://docs.fonnte.com/language/en,
// "Retry webhook"); without its inboxid (Fonnte's inbox feature is optional) the retry a minute
// later is the same message: one reply, not two.
BOOST_AUTO_TEST_CASE(fonnte_webhook_retried_a_minute_later_is_answered_once) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST005");
    const std::string body = R"({"device":")" + fixture.simulator.options().sender + R"(","sender":")" + phone +
                             R"(","message":"menu","text":"","member":"","name":"Budi","location":"","pollname":"","choices":"","timestamp":1767225600})";
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto answer = testing::http_request("POST", fixture.server.url("/webhook/whatsapp/fonnte?token=hook-secret"), body,
                                                  {{"Content-Type", "application/json"}});
        BOOST_TEST(answer.status == 200, answer.body);
        fixture.server.clock().advance(61);
    }
    fixture.run_for(3, 5);
    BOOST_TEST(fixture.simulator.messages().size() == 1u);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
