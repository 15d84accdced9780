// Issue 22: the Wablas, WAHA and Meta WhatsApp Cloud API providers against their simulators over
// real HTTP: text, document, device status, failure modes mapped to retry-or-not, and the inbound
// webhooks (accepted with the provider's own proof, refused without it, changing nothing).
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "security/crypto.hpp"
#include "security/hmac_sha512.hpp"
#include "support/whatsapp_fixture.hpp"
#include "whatsapp/messenger.hpp"

using namespace kimonet;
using namespace kimonet::testing;
namespace data = boost::unit_test::data;

namespace {

const char* const kProviders[] = {"wablas", "waha", "meta"};

whatsapp::MessengerSettings provider_settings(const sim::WhatsAppSimulator& simulator, const std::string& driver, std::string key = {}) {
    whatsapp::MessengerSettings settings;
    settings.driver = driver;
    settings.api_url = simulator.base_url();
    // The sending identity: Wablas' number, WAHA's session, Meta's phone number ID.
    settings.sender = driver == "waha"   ? simulator.options().waha_session
                      : driver == "meta" ? simulator.options().meta_phone_number_id
                                         : simulator.options().sender;
    settings.api_key = key.empty() ? simulator.options().api_key : key;
    settings.timeout_ms = 1000;
    return settings;
}

struct ProviderGateway {
    sim::WhatsAppSimulator simulator;
    ProviderGateway() { BOOST_TEST_REQUIRE(simulator.start().ok()); }
    std::unique_ptr<whatsapp::Messenger> messenger(const std::string& driver, std::string key = {}) {
        auto made = whatsapp::make_messenger(provider_settings(simulator, driver, std::move(key)));
        BOOST_TEST_REQUIRE(made.ok(), (made ? "" : made.error().message()));
        return std::move(made).value();
    }
};

// The fixture with `driver`'s own settings: Meta's number, app secret and verify token.
void configure_provider(WhatsAppFixture& fixture, const std::string& driver) {
    std::map<std::string, std::string> extra;
    if (driver == "meta")
        extra = {{"whatsapp_meta_phone_number_id", fixture.simulator.options().meta_phone_number_id},
                 {"whatsapp_meta_app_secret", fixture.simulator.options().meta_app_secret},
                 {"whatsapp_meta_verify_token", "verify-me"}};
    fixture.configure(driver, extra);
}

HttpReply post_provider_webhook(WhatsAppFixture& fixture, const std::string& driver, const std::string& body, const std::string& query,
                                std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = "application/json";
    return http_request("POST", fixture.server.url("/webhook/whatsapp/" + driver + query), body, headers);
}

// A body as `driver` sends it, from `phone`, without its proof.
std::string provider_body(const std::string& driver, const std::string& phone, const std::string& text) {
    if (driver == "wablas") return api::Json{{"id", "in-1"}, {"phone", phone}, {"message", text}, {"isGroup", false}, {"isFromMe", false}}.dump();
    if (driver == "waha")
        return api::Json{{"event", "message"}, {"session", "default"}, {"payload", {{"id", "false_x"}, {"from", phone + "@c.us"}, {"body", text}, {"fromMe", false}}}}.dump();
    return api::Json{{"object", "whatsapp_business_account"},
                     {"entry", {{{"id", "W"}, {"changes", {{{"field", "messages"},
                                                            {"value", {{"messages", {{{"from", phone}, {"id", "wamid.in"}, {"type", "text"}, {"text", {{"body", text}}}}}}}}}}}}}}}
        .dump();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(whatsapp_providers)

BOOST_DATA_TEST_CASE(sends_text_and_a_document_and_reads_the_device, data::make(kProviders), driver) {
    ProviderGateway gateway;
    auto messenger = gateway.messenger(driver);
    BOOST_TEST(messenger->supports_documents());
    const auto text = messenger->send("6281234567890", "Halo *Budi* 👋\nbaris dua & 100% = ok");
    BOOST_TEST_REQUIRE(text.delivered, text.error);
    whatsapp::DocumentMessage document;
    document.filename = "INV-202601-00001.pdf";
    document.url = "https://billing.example.id/invoices/1.pdf?signature=abc";
    document.caption = "Tagihan Januari";
    const auto sent_document = messenger->send_document("6281234567890", document);
    BOOST_TEST_REQUIRE(sent_document.delivered, sent_document.error);
    const auto messages = gateway.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 2u);
    BOOST_TEST(messages[0].driver == std::string(driver));
    BOOST_TEST(messages[0].to == "6281234567890");
    BOOST_TEST(messages[0].message == "Halo *Budi* 👋\nbaris dua & 100% = ok");
    BOOST_TEST(text.message_id == messages[0].message_id);
    BOOST_TEST(messages[1].type == "document");
    BOOST_TEST(messages[1].document == document.url);
    BOOST_TEST(messages[1].message == "Tagihan Januari");
    BOOST_TEST(sent_document.message_id == messages[1].message_id);

    auto connected = messenger->device_status();
    BOOST_TEST_REQUIRE(connected.ok(), (connected ? "" : connected.error().message()));
    BOOST_TEST(connected->connected);
    gateway.simulator.set_connected(false);
    auto lost = messenger->device_status();
    BOOST_TEST_REQUIRE(lost.ok());
    BOOST_TEST(!lost->connected);
    const std::map<std::string, std::string> lost_state = {{"wablas", "disconnected"}, {"waha", "SCAN_QR_CODE"}, {"meta", "DISCONNECTED"}};
    BOOST_TEST(lost->state == lost_state.at(driver));
    if (driver == std::string("waha")) BOOST_TEST(lost->qr_code.starts_with("2@SIMWAHA"), lost->qr_code);
}

BOOST_AUTO_TEST_CASE(waha_uploads_a_document_without_a_link_and_the_others_need_one) {
    ProviderGateway gateway;
    whatsapp::DocumentMessage document;
    document.filename = "INV-1.pdf";
    document.bytes = std::string("%PDF-1.4\n") + std::string(300, 'x');
    const auto uploaded = gateway.messenger("waha")->send_document("6281234567890", document);
    BOOST_TEST_REQUIRE(uploaded.delivered, uploaded.error);
    BOOST_TEST(gateway.simulator.messages().back().document == "data:" + std::to_string(document.bytes.size()));
    for (const char* driver : {"wablas", "meta"}) {
        const auto refused = gateway.messenger(driver)->send_document("6281234567890", document);
        BOOST_TEST(!refused.delivered);
        BOOST_TEST(!refused.retryable);
        BOOST_TEST(refused.error == "dokumen perlu tautan (url) untuk gateway ini");
    }
    BOOST_TEST(gateway.simulator.messages().size() == 1u);
}

BOOST_AUTO_TEST_CASE(fonnte_sends_a_document_by_link) {
    ProviderGateway gateway;
    whatsapp::MessengerSettings settings{"fonnte", gateway.simulator.base_url(), gateway.simulator.options().sender, gateway.simulator.options().api_key, 1000};
    auto messenger = whatsapp::make_messenger(settings).value();
    BOOST_TEST(messenger->supports_documents());
    whatsapp::DocumentMessage document;
    document.filename = "INV-202601-00001.pdf";
    document.url = "https://billing.example.id/invoices/1.pdf";
    document.caption = "Tagihan Januari";
    const auto sent = messenger->send_document("081234567890", document);
    BOOST_TEST_REQUIRE(sent.delivered, sent.error);
    const auto messages = gateway.simulator.messages();
    BOOST_TEST_REQUIRE(messages.size() == 1u);
    BOOST_TEST(messages[0].type == "document");
    BOOST_TEST(messages[0].to == "6281234567890");
    BOOST_TEST(messages[0].document == document.url);
    BOOST_TEST(messages[0].filename == document.filename);
    BOOST_TEST(messages[0].message == "Tagihan Januari");
    document.url.clear();
    document.bytes = "%PDF-1.4";
    BOOST_TEST(!messenger->send_document("6281234567890", document).retryable);
    BOOST_TEST(gateway.simulator.messages().size() == 1u);
}

BOOST_DATA_TEST_CASE(failure_modes_are_mapped_to_retry_or_not, data::make(kProviders), driver) {
    ProviderGateway gateway;
    auto messenger = gateway.messenger(driver);
    const std::string name(driver);
    struct Expected {
        sim::SimMode mode;
        bool retryable;
        std::string error_start;
    };
    const std::vector<Expected> modes = {
        {sim::SimMode::Error500, true, "gateway sedang bermasalah"},
        {sim::SimMode::RateLimited, true, "gateway membatasi laju kirim"},
        {sim::SimMode::TokenInvalid, true, name == "meta" ? "token akses gateway kedaluwarsa" : "gateway menolak kredensial"},
    };
    for (const auto& expected : modes) {
        gateway.simulator.set_mode(expected.mode, 1);
        const auto failed = messenger->send("6281234567890", "x");
        BOOST_TEST(!failed.delivered);
        BOOST_TEST(failed.retryable == expected.retryable, failed.error);
        BOOST_TEST(failed.error.starts_with(expected.error_start), failed.error);
    }
    // A wrong key is the admin's to fix: retried later, never sent.
    const auto bad_key = gateway.messenger(driver, "wrong-key")->send("6281234567890", "x");
    BOOST_TEST(!bad_key.delivered);
    BOOST_TEST(bad_key.retryable, bad_key.error);
    // A number WhatsApp does not know stays unknown.
    const auto unknown = messenger->send("12345", "x");
    BOOST_TEST(!unknown.delivered);
    BOOST_TEST(!unknown.retryable, unknown.error);
    if (name == "meta") BOOST_TEST(unknown.error.starts_with("nomor tujuan tidak dapat menerima pesan WhatsApp: #131026"), unknown.error);
    // A lost session waits for the admin to scan again (Meta has no session: the number stays registered).
    if (name != "meta") {
        gateway.simulator.set_connected(false);
        const auto offline = messenger->send("6281234567890", "x");
        BOOST_TEST(!offline.delivered);
        BOOST_TEST(offline.retryable, offline.error);
        if (name == "waha") BOOST_TEST(offline.error == "sesi WhatsApp tidak aktif: SCAN_QR_CODE");
        gateway.simulator.set_connected(true);
    }
    gateway.simulator.set_delay_ms(1500);  // longer than the 1 s timeout
    const auto slow = messenger->send("6281234567890", "x");
    BOOST_TEST(!slow.delivered);
    BOOST_TEST(slow.retryable);
    BOOST_TEST(slow.error.starts_with("gateway tidak menjawab dalam batas waktu"), slow.error);
    gateway.simulator.set_delay_ms(0);
    BOOST_TEST(messenger->send("6281234567890", "after").delivered);  // recovered
    // Only the recovered send and (it may finish after our timeout) the slow one reached the gateway.
    for (const auto& message : gateway.simulator.messages()) BOOST_TEST((message.message == "after" || message.message == "x"));
    BOOST_TEST(gateway.simulator.messages().size() <= 2u);
}

BOOST_DATA_TEST_CASE(the_webhook_feeds_the_bot_only_with_the_providers_proof, data::make(kProviders), driver) {
    WhatsAppFixture fixture(driver);
    configure_provider(fixture, driver);
    const std::string name(driver);
    const std::string phone = fixture.phone_of("CUST004");
    const std::string before = fixture.server.snapshot();
    // Forged the provider's way (a wrong key), unsigned, signed over another body, or with another provider's proof.
    BOOST_TEST(fixture.simulator.deliver_inbound(name, phone, "tagihan", "forged-0", true).status == 401);
    const std::string body = provider_body(name, phone, "tagihan");
    BOOST_TEST(post_provider_webhook(fixture, name, body, "").status == 401);
    BOOST_TEST(post_provider_webhook(fixture, name, body, "?token=hook-secre").status == 401);
    const std::string other = provider_body(name, phone, "bayar");
    BOOST_TEST(post_provider_webhook(fixture, name, body, "",
                                     {{"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex(fixture.simulator.options().meta_app_secret, other)},
                                      {"X-Webhook-Hmac", security::hmac_sha512_hex("hook-secret", other)},
                                      {"X-Webhook-Hmac-Algorithm", "sha512"}})
                   .status == 401);
    if (name != "wablas") {
        // A signing provider's webhook does not take the URL token instead of the signature.
        BOOST_TEST(post_provider_webhook(fixture, name, body, "?token=hook-secret").status == 401);
    }
    if (name == "waha") {
        // The right HMAC under another algorithm's name is not WAHA's signature.
        BOOST_TEST(post_provider_webhook(fixture, name, body, "",
                                         {{"X-Webhook-Hmac", security::hmac_sha512_hex("hook-secret", body)}, {"X-Webhook-Hmac-Algorithm", "sha256"}})
                       .status == 401);
        BOOST_TEST(fixture.simulator.deliver_waha_session_status("FAILED", true).status == 401);
    }
    BOOST_TEST(fixture.server.snapshot() == before);

    // The real thing: the bot answers through the same provider.
    const auto accepted = fixture.simulator.deliver_inbound(name, phone, "status", "good-1");
    BOOST_TEST_REQUIRE(accepted.status == 200, accepted.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + phone + "' AND direction = 'in'") == 1);
    fixture.drain();
    const auto sent = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].to == phone);
    BOOST_TEST(sent[0].driver == name);
    BOOST_TEST(sent[0].type == "text");  // a bot reply is inside Meta's 24-hour window: free text
    BOOST_TEST(!sent[0].outside_window);
    BOOST_TEST(sent[0].message.find("CUST004") != std::string::npos, sent[0].message);
    if (name == "waha") {
        BOOST_TEST_REQUIRE(fixture.simulator.deliver_waha_session_status("SCAN_QR_CODE").status == 200);
        BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'whatsapp.session_status'") == 1);
    }
}

BOOST_AUTO_TEST_CASE(meta_sends_templates_outside_the_window_and_hears_delivery_failures) {
    WhatsAppFixture fixture("meta");
    configure_provider(fixture, "meta");
    fixture.simulator.approve_meta_template("kimonet_invoice_new", 8);
    const std::string customer_id = fixture.server.scalar("SELECT id FROM customers WHERE service_number = 'CUST001'");
    fixture.with_context([&](app::Context& context) {
        services::NotificationRequest request(services::MessageClass::Transactional);
        request.key = "test:meta:invoice_new";
        request.customer_id = std::stoll(customer_id);
        request.template_key = "invoice_new";
        request.variables = {{"periode", "Januari 2026"},
                             {"invoice_no", "INV-202601-00042"},
                             {"total", "Rp 166.500"},
                             {"due_date", "10 Januari 2026"},
                             {"payment_link", "https://billing.example.id/billing/CUST001"},
                             {"jumlah_transfer", "Rp 166.500"}};
        BOOST_TEST_REQUIRE(services::queue_notification(context, request).ok());
    });
    fixture.queue("test:meta:free", fixture.phone_of("CUST002"), "Pesan bebas\ndari admin");
    fixture.run_for(3, 2);  // one message per whatsapp_rate_limit_seconds (2 s)
    const auto sent = fixture.simulator.messages();
    BOOST_TEST_REQUIRE(sent.size() == 2u);
    const auto& invoice = sent[0].type == "template" ? sent[0] : sent[1];
    const auto& free = sent[0].type == "template" ? sent[1] : sent[0];
    BOOST_TEST(invoice.template_name == "kimonet_invoice_new");
    const std::string name = fixture.server.scalar("SELECT name FROM customers WHERE id = " + customer_id);
    const std::string package =
        fixture.server.scalar("SELECT p.name FROM customers c JOIN internet_packages p ON p.id = c.package_id WHERE c.id = " + customer_id);
    std::string company;
    fixture.with_context([&](app::Context& context) { company = services::get_setting(context.db, "company_name").value(); });
    const std::vector<std::string> expected = {name, "Januari 2026", "INV-202601-00042", package, "Rp 166.500", "10 Januari 2026",
                                               "https://billing.example.id/billing/CUST001", company};
    BOOST_TEST(invoice.parameters == expected, boost::test_tools::per_element());
    // A message without a kind goes as free text, which Meta accepts and later reports failed (131047).
    BOOST_TEST(free.type == "text");
    BOOST_TEST(free.outside_window);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE status = 'sent' AND gateway LIKE 'meta:%'") == 2);
    const std::string before = fixture.server.snapshot();
    BOOST_TEST(fixture.simulator.deliver_meta_status(free.message_id, "failed", 131047, "Re-engagement message", true).status == 401);
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST_REQUIRE(fixture.simulator.deliver_meta_status(invoice.message_id, "delivered").status == 200);
    BOOST_TEST_REQUIRE(fixture.simulator.deliver_meta_status(free.message_id, "failed", 131047, "Re-engagement message").status == 200);
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE gateway_message_id = '" + free.message_id + "'") == "failed");
    BOOST_TEST(fixture.server.scalar("SELECT last_error FROM notifications WHERE gateway_message_id = '" + free.message_id + "'") ==
               "gateway menolak pesan: #131047 Re-engagement message");
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications WHERE gateway_message_id = '" + invoice.message_id + "'") == "sent");
}

BOOST_AUTO_TEST_CASE(meta_answers_its_url_check_only_with_the_verify_token) {
    WhatsAppFixture fixture("meta");
    configure_provider(fixture, "meta");
    auto check = [&](const std::string& query) { return http_request("GET", fixture.server.url("/webhook/whatsapp/meta" + query)); };
    const auto good = check("?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
    BOOST_TEST(good.status == 200);
    BOOST_TEST(good.body == "1158201444");
    BOOST_TEST(check("?hub.mode=subscribe&hub.verify_token=verify-m&hub.challenge=1158201444").status == 403);
    BOOST_TEST(check("?hub.mode=subscribe&hub.challenge=1158201444").status == 403);
    BOOST_TEST(check("?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1").status == 403);
    BOOST_TEST(check("?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%3Cscript%3E").status == 403);
    // Meta as the backup gateway: its POST webhook is open (customers answer the number that
    // wrote to them), so its URL check must be too, or Meta's dashboard never subscribes the URL
    // (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Verification Requests").
    fixture.configure("fonnte", {{"whatsapp_backup_driver", "meta"}, {"whatsapp_backup_api_url", fixture.simulator.base_url()}});
    const auto as_backup = check("?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
    BOOST_TEST(as_backup.status == 200);
    BOOST_TEST(as_backup.body == "1158201444");
    BOOST_TEST(check("?hub.mode=subscribe&hub.verify_token=verify-m&hub.challenge=1").status == 403);
    fixture.configure("fonnte", {{"whatsapp_backup_driver", ""}});  // another driver: the URL check is closed like any unknown path
    BOOST_TEST(check("?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1").status == 404);
}

BOOST_AUTO_TEST_CASE(provider_settings_are_checked_and_secrets_stay_write_only) {
    WhatsAppFixture fixture("meta");
    const std::string token = fixture.server.login("admin");
    auto put = [&](const api::Json& body) { return fixture.server.put("/api/settings", body.dump(), token); };
    const std::string before = fixture.server.snapshot();
    const auto bad = put({{"whatsapp_driver", "twilio"},
                          {"whatsapp_meta_phone_number_id", "12ab"},
                          {"whatsapp_meta_templates", "invoice_new=Bad Name,unknown_kind=x"},
                          {"whatsapp_meta_language", "indonesian"},
                          {"whatsapp_waha_session", "a b"}});
    BOOST_TEST(bad.status == 422);
    const api::Json fields = bad.json()["error"]["fields"];
    BOOST_TEST(fields["whatsapp_driver"].get<std::string>() == "mpwa, fonnte, gowa, wablas, waha atau meta");
    BOOST_TEST(fields["whatsapp_meta_phone_number_id"].get<std::string>() == "ID nomor telepon Meta hanya angka (5-20 digit)");
    BOOST_TEST(fields.contains("whatsapp_meta_templates"));
    BOOST_TEST(fields.contains("whatsapp_meta_language"));
    BOOST_TEST(fields.contains("whatsapp_waha_session"));
    BOOST_TEST(fixture.server.snapshot() == before);
    const auto good = put({{"whatsapp_meta_app_secret", "app-secret-123"}, {"whatsapp_meta_templates", "invoice_new=tagihan_v2, reminder=-"},
                           {"whatsapp_meta_language", "en_US"}});
    BOOST_TEST_REQUIRE(good.status == 200, good.body);
    const auto read = fixture.server.get("/api/settings", token);
    BOOST_TEST(read.body.find("app-secret-123") == std::string::npos);
    BOOST_TEST(read.json()["data"]["whatsapp_meta_app_secret"]["set"].get<bool>());
    BOOST_TEST(fixture.server.count_containing("SELECT value FROM settings WHERE key = 'whatsapp_meta_app_secret'", "app-secret-123") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
