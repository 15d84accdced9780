// Write-only secrets must not leave by redirect: pointing a router, a payment gateway or the
// WhatsApp provider at an attacker's listener never sends the stored secret there. Routers refuse
// the move without the password (422, nothing changed); settings clear the secret. Both are audited.
#include <boost/test/unit_test.hpp>

#include "loopback_listener.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::LoopbackListener;
using kimonet::testing::TestServer;

namespace {

constexpr const char* kRouterPassword = "billing-demo";  // the demo routers' password (seed-demo)
constexpr const char* kMidtransKey = "SB-Mid-server-Rahasia-Midtrans-7781";
constexpr const char* kWhatsappKey = "fonnte-token-Rahasia-5521";

std::string base64(const std::string& text) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < text.size(); i += 3) {
        const unsigned value = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8) |
                               static_cast<unsigned char>(text[i + 2]);
        for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(value >> shift) & 63]);
    }
    if (i < text.size()) {
        unsigned value = static_cast<unsigned char>(text[i]) << 16;
        if (i + 1 < text.size()) value |= static_cast<unsigned char>(text[i + 1]) << 8;
        out.push_back(kAlphabet[(value >> 18) & 63]);
        out.push_back(kAlphabet[(value >> 12) & 63]);
        out.push_back(i + 1 < text.size() ? kAlphabet[(value >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

// The secret in any form an adapter sends it: plain (RouterOS login, JSON, a token header) or
// inside HTTP Basic authentication.
bool carries(const std::string& bytes, const std::string& secret) {
    for (const std::string& form : {secret, base64(secret + ":"), base64(secret)})
        if (bytes.find(form) != std::string::npos) return true;
    return false;
}

struct RedirectFixture {
    TestServer server;
    std::string admin = server.login("admin");
    std::string technician = server.login("technician");
    LoopbackListener listener;

    std::string last_activity(const std::string& action) {
        return server.scalar("SELECT action || ' ' || before_json || ' ' || after_json || ' ' || actor_name FROM activity_log WHERE action = '" +
                             action + "' ORDER BY id DESC LIMIT 1");
    }
    // A fresh manual invoice of Rp 150.000 for customer 1 (the demo data has no invoices yet).
    std::int64_t unpaid_invoice() {
        const Json body = {{"customer_id", 1}, {"lines", Json::array({Json{{"description", "Pasang baru"}, {"quantity", 1}, {"unit_price", 150000}}})}};
        auto created = server.post("/api/invoices", body.dump(), admin);
        BOOST_TEST_REQUIRE(created.status == 201, created.body);
        return created.json()["data"]["id"].get<std::int64_t>();
    }
    // The public pay button: the server asks Midtrans (wherever midtrans_base_url points) for a VA.
    int pay_with_midtrans() {
        return server.post("/billing/pay", Json{{"invoice_id", unpaid_invoice()}, {"gateway", "midtrans"}, {"method", "bca_va"}}.dump()).status;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(secret_redirect, RedirectFixture)

BOOST_AUTO_TEST_CASE(technician_cannot_point_a_router_at_a_listener_without_its_password) {
    const std::string before = server.snapshot();
    const Json moves[] = {
        {{"host", "127.0.0.1"}, {"port", listener.port()}},
        {{"port", listener.port()}},
        {{"port", listener.port()}, {"password", ""}},
        {{"tls", true}},
        {{"username", "admin"}},
    };
    for (const auto& move : moves) {
        auto reply = server.put("/api/routers/1", move.dump(), technician);
        BOOST_TEST(reply.status == 422, move.dump());
        BOOST_TEST(reply.json()["error"]["fields"].contains("password"));
    }
    BOOST_TEST(server.snapshot() == before);
    // "Test" still goes only to the stored router (nothing listens there in this test).
    server.post("/api/routers/1/test", "", technician);
    BOOST_TEST(listener.connections() == 0);
    BOOST_TEST(!carries(listener.received(), kRouterPassword));
    // A rename is not a move: no password needed.
    BOOST_TEST(server.put("/api/routers/1", R"({"name":"Router Pusat Baru"})", technician).status == 200);
}

// A customer's stored PPPoE password is pushed to their router when it receives secrets. A
// technician (routers.create, customers.update) made a router of their own with push_secrets at a
// listener and moved a customer there: the password would go out in plain text. The move needs the
// PPPoE password typed again, like a router's move needs the router's.
BOOST_AUTO_TEST_CASE(moving_a_customer_to_a_router_that_receives_secrets_needs_their_pppoe_password) {
    const Json trap = {{"name", "Router Teknisi"}, {"host", "127.0.0.1"}, {"port", listener.port()}, {"username", "u"},
                       {"password", "sandi-router-teknisi"}, {"isolir_profile", "ISOLIR"}, {"push_secrets", true}};
    auto created = server.post("/api/routers", trap.dump(), technician);
    BOOST_TEST_REQUIRE(created.status == 201, created.body);
    const std::int64_t trap_id = created.json()["data"]["id"].get<std::int64_t>();
    BOOST_TEST_REQUIRE(server.scalar("SELECT push_secrets FROM routers WHERE id = " + std::to_string(trap_id)) == "1");

    const std::string before = server.snapshot();
    for (const Json& move : {Json{{"router_id", trap_id}}, Json{{"router_id", trap_id}, {"pppoe_password", ""}},
                             Json{{"router_id", trap_id}, {"connection_method", "pppoe"}}}) {
        auto reply = server.put("/api/customers/1", move.dump(), technician);
        BOOST_TEST(reply.status == 422, move.dump() << " " << reply.body);
        BOOST_TEST(reply.json()["error"]["fields"].contains("pppoe_password"), reply.body);
    }
    BOOST_TEST(server.snapshot() == before);  // no move, no push queued
    BOOST_TEST(listener.connections() == 0);

    // To a router that does not receive secrets (the demo's other router) the move needs nothing.
    BOOST_TEST(server.put("/api/customers/1", R"({"router_id":1})", technician).status == 200);
    // With the password typed again the move is made and the push queued for the new router.
    auto typed = server.put("/api/customers/1", Json{{"router_id", trap_id}, {"pppoe_password", "ppp-baru-cust001"}}.dump(), technician);
    BOOST_TEST(typed.status == 200, typed.body);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM network_actions WHERE customer_id = 1 AND action = 'push_secret' AND router_id = " +
                             std::to_string(trap_id)) == "1");
}

BOOST_AUTO_TEST_CASE(moving_a_router_with_its_password_typed_again_works_and_is_audited) {
    const Json move = {{"host", "127.0.0.1"}, {"port", listener.port()}, {"password", "sandi-baru-router-31"}};
    BOOST_TEST_REQUIRE(server.put("/api/routers/1", move.dump(), admin).status == 200);
    server.post("/api/routers/1/test", "", admin);
    // The listener got the password typed with the move (positive control), never the old one.
    BOOST_TEST(listener.connections() >= 1);
    BOOST_TEST(listener.received().find("sandi-baru-router-31") != std::string::npos);
    BOOST_TEST(!carries(listener.received(), kRouterPassword));
    const std::string entry = last_activity("router.destination_change");
    BOOST_TEST(entry.find("\"port\":18728") != std::string::npos, entry);
    BOOST_TEST(entry.find("\"port\":" + std::to_string(listener.port())) != std::string::npos, entry);
    BOOST_TEST(entry.find("admin") != std::string::npos);
    BOOST_TEST(server.count_containing("SELECT coalesce(before_json,'') || coalesce(after_json,'') FROM activity_log", "sandi-baru-router") == 0);
}

BOOST_AUTO_TEST_CASE(a_role_without_the_permission_cannot_move_routers_or_gateways) {
    const std::string finance = server.login("finance");
    const std::string before = server.snapshot();
    BOOST_TEST(server.put("/api/routers/1", Json{{"port", listener.port()}, {"password", "x-12345678"}}.dump(), finance).status == 403);
    BOOST_TEST(server.put("/api/settings", Json{{"midtrans_base_url", listener.url()}}.dump(), technician).status == 403);
    BOOST_TEST(server.put("/api/settings", Json{{"whatsapp_api_url", listener.url()}}.dump(), finance).status == 403);
    BOOST_TEST(server.snapshot() == before);
}

BOOST_AUTO_TEST_CASE(changing_the_midtrans_base_url_clears_the_server_key_before_any_use) {
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"midtrans_enabled", "1"}, {"midtrans_server_key", kMidtransKey}}.dump(), admin).status ==
                       200);
    auto moved = server.put("/api/settings", Json{{"midtrans_base_url", listener.url()}}.dump(), admin);
    BOOST_TEST_REQUIRE(moved.status == 200);
    BOOST_TEST(moved.json()["data"]["midtrans_server_key"]["set"] == false);
    BOOST_TEST(server.scalar("SELECT length(value) FROM settings WHERE key = 'midtrans_server_key'") == "0");
    const std::string entry = last_activity("settings.secret_destination");
    BOOST_TEST(entry.find(listener.url()) != std::string::npos, entry);
    BOOST_TEST(entry.find("\"midtrans_server_key\":\"cleared\"") != std::string::npos, entry);
    BOOST_TEST(entry.find(kMidtransKey) == std::string::npos);

    // The public pay button now calls the listener, without the key in any form.
    pay_with_midtrans();
    BOOST_TEST(!carries(listener.received(), kMidtransKey));

    // Supplied again in the same request: the new key goes to the new place, the old one never.
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"midtrans_base_url", listener.url() + "/v2x"}, {"midtrans_server_key", "SB-Mid-server-Baru-1"}}.dump(),
                                  admin)
                           .status == 200);
    BOOST_TEST(last_activity("settings.secret_destination").find("\"midtrans_server_key\":\"supplied again\"") != std::string::npos);
    pay_with_midtrans();
    BOOST_TEST(carries(listener.received(), "SB-Mid-server-Baru-1"));
    BOOST_TEST(!carries(listener.received(), kMidtransKey));
}

BOOST_AUTO_TEST_CASE(changing_the_whatsapp_url_or_driver_clears_the_api_key) {
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"whatsapp_driver", "fonnte"}, {"whatsapp_api_url", "http://127.0.0.1:9"},
                                                        {"whatsapp_api_key", kWhatsappKey}}.dump(),
                                  admin)
                           .status == 200);
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"whatsapp_api_url", listener.url()}}.dump(), admin).status == 200);
    server.get("/api/whatsapp/status", admin);  // asks the provider for the device state
    BOOST_TEST(!carries(listener.received(), kWhatsappKey));

    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"whatsapp_api_key", kWhatsappKey}}.dump(), admin).status == 200);
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"whatsapp_driver", "mpwa"}}.dump(), admin).status == 200);
    BOOST_TEST(server.scalar("SELECT length(value) FROM settings WHERE key = 'whatsapp_api_key'") == "0");
    BOOST_TEST(last_activity("settings.secret_destination").find("\"whatsapp_driver\":\"mpwa\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_gateway_base_url_clears_its_key_and_an_unchanged_url_keeps_it) {
    const std::pair<const char*, const char*> rules[] = {{"midtrans_base_url", "midtrans_server_key"},
                                                         {"duitku_base_url", "duitku_api_key"},
                                                         {"flip_base_url", "flip_secret_key"}};
    for (const auto& [destination, secret] : rules) {
        BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{destination, "http://127.0.0.1:9"}, {secret, "kunci-rahasia-1"}}.dump(), admin).status ==
                           200);
        // The same URL again (the settings screen saves every field) is not a move.
        BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{destination, "http://127.0.0.1:9"}}.dump(), admin).status == 200);
        BOOST_TEST(server.get("/api/settings", admin).json()["data"][secret]["set"] == true, secret);
        BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{destination, listener.url()}}.dump(), admin).status == 200);
        BOOST_TEST(server.get("/api/settings", admin).json()["data"][secret]["set"] == false, secret);
        BOOST_TEST(last_activity("settings.secret_destination").find(std::string("\"") + secret + "\":\"cleared\"") != std::string::npos);
    }
}

// Every write-only secret the server sends somewhere: the SMTP password (to smtp_url, in the way
// smtp_tls and smtp_verify_certificate say) and the backup WhatsApp gateway's key were missing from
// the rules, so an admin with settings.update could point them at their own host and read them.
BOOST_AUTO_TEST_CASE(every_sent_secret_follows_its_destination) {
    struct Rule {
        const char* secret;
        Json configured;  // the destination as it was when the secret was typed
        Json moved;       // one change of destination
    };
    const Rule rules[] = {
        {"smtp_password", {{"smtp_url", "smtps://mail.isp.example:465"}}, {{"smtp_url", "smtps://mx.attacker.example:465"}}},
        {"smtp_password", {{"smtp_url", "smtp://mail.isp.example:587"}, {"smtp_tls", "starttls"}}, {{"smtp_tls", "none"}}},
        {"smtp_password", {{"smtp_url", "smtps://mail.isp.example:465"}, {"smtp_verify_certificate", "1"}}, {{"smtp_verify_certificate", "0"}}},
        {"whatsapp_backup_api_key", {{"whatsapp_backup_driver", "fonnte"}, {"whatsapp_backup_api_url", "http://127.0.0.1:9"}},
         {{"whatsapp_backup_api_url", listener.url()}}},
        {"whatsapp_backup_api_key", {{"whatsapp_backup_driver", "fonnte"}, {"whatsapp_backup_api_url", "http://127.0.0.1:9"}},
         {{"whatsapp_backup_driver", "mpwa"}}},
    };
    for (const Rule& rule : rules) {
        const std::string what = std::string(rule.secret) + " after " + rule.moved.dump();
        Json configure = rule.configured;
        configure[rule.secret] = "Rahasia-Tersimpan-9431";
        BOOST_TEST_REQUIRE(server.put("/api/settings", configure.dump(), admin).status == 200, what);
        // Saving the same destination again (the settings screen sends every field) keeps the secret.
        BOOST_TEST_REQUIRE(server.put("/api/settings", rule.configured.dump(), admin).status == 200, what);
        BOOST_TEST(server.get("/api/settings", admin).json()["data"][rule.secret]["set"] == true, what);
        BOOST_TEST_REQUIRE(server.put("/api/settings", rule.moved.dump(), admin).status == 200, what);
        BOOST_TEST(server.get("/api/settings", admin).json()["data"][rule.secret]["set"] == false, what);
        BOOST_TEST(last_activity("settings.secret_destination").find(std::string("\"") + rule.secret + "\":\"cleared\"") != std::string::npos, what);
    }
    // Typed again together with the new destination, it is kept.
    BOOST_TEST_REQUIRE(server.put("/api/settings", Json{{"smtp_url", "smtps://mail2.isp.example:465"}, {"smtp_password", "Baru-7713"}}.dump(), admin)
                           .status == 200);
    BOOST_TEST(server.get("/api/settings", admin).json()["data"]["smtp_password"]["set"] == true);
}

BOOST_AUTO_TEST_SUITE_END()
