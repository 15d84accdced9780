// Issue #14 item 6: the WhatsApp webhooks were open by default, so anyone could make the ISP's
// number message any customer or stranger and learn whether a number is a customer. Now a
// webhook is closed without a secret, each provider is authenticated its own way (gowa: HMAC
// X-Hub-Signature-256; Fonnte and MPWA, which do not sign: the secret in the webhook URL), a
// refusal changes nothing, the answer never tells who is a customer, and replies per sender are
// bounded.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "security/crypto.hpp"
#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

const char* const kDrivers[] = {"fonnte", "gowa", "mpwa"};

// A body as the driver sends it, from `phone`.
std::string body_of(const std::string& driver, const std::string& phone, const std::string& text, const std::string& id) {
    if (driver == "gowa")
        return api::Json{{"event", "message"}, {"payload", {{"id", id}, {"from", phone + "@s.whatsapp.net"}, {"body", text}, {"is_from_me", false}}}}.dump();
    if (driver == "mpwa") return api::Json{{"from", phone}, {"message", text}, {"id", id}}.dump();
    return api::Json{{"device", "6281200000000"}, {"sender", phone}, {"message", text}, {"inboxid", id}}.dump();
}

HttpReply post_webhook(WhatsAppFixture& fixture, const std::string& driver, const std::string& body, const std::string& query,
                       std::map<std::string, std::string> headers = {}) {
    headers["Content-Type"] = "application/json";
    return http_request("POST", fixture.server.url("/webhook/whatsapp/" + driver + query), body, headers);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(webhook_auth)

BOOST_DATA_TEST_CASE(without_a_secret_every_webhook_is_closed_and_does_nothing, boost::unit_test::data::make(kDrivers), driver) {
    WhatsAppFixture fixture(driver);
    fixture.configure(driver, {{"whatsapp_webhook_secret", ""}});
    const std::string before = fixture.server.snapshot();
    const std::string phone = fixture.phone_of("CUST001");
    for (const char* query : {"", "?token=", "?token=hook-secret"}) {
        const std::string body = body_of(driver, phone, "tagihan", std::string("closed-") + query);
        auto reply = post_webhook(fixture, driver, body, query, {{"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex("", body)}});
        BOOST_TEST(reply.status == 404, driver << query << ": " << reply.body);
    }
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 0);
}

BOOST_DATA_TEST_CASE(only_the_configured_drivers_webhook_is_open, boost::unit_test::data::make(kDrivers), driver) {
    WhatsAppFixture fixture(driver);
    const std::string before = fixture.server.snapshot();
    for (const char* other : kDrivers) {
        if (std::string(other) == driver) continue;
        const std::string body = body_of(other, fixture.phone_of("CUST002"), "menu", "other-1");
        auto reply = post_webhook(fixture, other, body, "?token=hook-secret",
                                  {{"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex("hook-secret", body)}});
        BOOST_TEST(reply.status == 404, other);
    }
    BOOST_TEST(fixture.server.snapshot() == before);
}

BOOST_DATA_TEST_CASE(wrong_or_missing_authentication_is_refused_and_changes_nothing, boost::unit_test::data::make(kDrivers), driver) {
    WhatsAppFixture fixture(driver);
    const std::string before = fixture.server.snapshot();
    const std::string phone = fixture.phone_of("CUST003");
    const std::string body = body_of(driver, phone, "tagihan", "forged-1");
    // Forged the way the simulator forges (the provider's own scheme, a wrong secret).
    BOOST_TEST(fixture.simulator.deliver_inbound(driver, phone, "tagihan", "forged-0", true).status == 401);
    BOOST_TEST(post_webhook(fixture, driver, body, "").status == 401);                              // nothing at all
    BOOST_TEST(post_webhook(fixture, driver, body, "?token=hook-secre").status == 401);             // a prefix
    BOOST_TEST(post_webhook(fixture, driver, body, "?token=hook-secret-and-more").status == 401);   // longer
    BOOST_TEST(post_webhook(fixture, driver, body, "", {{"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex("wrong", body)}}).status ==
               401);
    if (driver == std::string("gowa")) {
        // gowa signs the body: the token does not stand in for a signature, nor a signature over another body.
        BOOST_TEST(post_webhook(fixture, driver, body, "?token=hook-secret").status == 401);
        const std::string other = body_of(driver, phone, "bayar", "forged-2");
        BOOST_TEST(post_webhook(fixture, driver, body, "", {{"X-Hub-Signature-256", "sha256=" + security::hmac_sha256_hex("hook-secret", other)}})
                       .status == 401);
    }
    BOOST_TEST(fixture.server.snapshot() == before);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == 0);
    fixture.drain();
    BOOST_TEST(fixture.simulator.messages().empty());
}

BOOST_DATA_TEST_CASE(a_correctly_authenticated_message_is_answered, boost::unit_test::data::make(kDrivers), driver) {
    WhatsAppFixture fixture(driver);
    const std::string phone = fixture.phone_of("CUST004");
    auto reply = fixture.simulator.deliver_inbound(driver, phone, "status", "good-1");
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "'") == 1);
    fixture.drain();
    BOOST_TEST_REQUIRE(fixture.simulator.messages().size() == 1u);
    BOOST_TEST(fixture.simulator.messages().back().to == phone);
}

BOOST_AUTO_TEST_CASE(the_webhook_answer_does_not_tell_whether_a_number_is_a_customer) {
    WhatsAppFixture fixture;
    auto customer = fixture.simulator.deliver_inbound("fonnte", fixture.phone_of("CUST005"), "tagihan", "who-1");
    auto stranger = fixture.simulator.deliver_inbound("fonnte", "6289900011122", "tagihan", "who-2");
    BOOST_TEST(customer.status == 200);
    BOOST_TEST(stranger.status == 200);
    BOOST_TEST(customer.body == stranger.body);
}

BOOST_AUTO_TEST_CASE(a_flood_from_one_sender_gets_bounded_replies_and_others_are_still_answered) {
    WhatsAppFixture fixture;
    const std::string phone = fixture.phone_of("CUST006");
    constexpr int kFlood = 60;
    for (int index = 0; index < kFlood; ++index) {
        auto reply = fixture.simulator.deliver_inbound("fonnte", phone, index % 2 ? "status" : "tagihan", "flood-" + std::to_string(index));
        BOOST_TEST_REQUIRE(reply.status == 200);  // acknowledged, so the provider does not retry
    }
    const auto replies = fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "'");
    const auto logged = fixture.count("SELECT COUNT(*) FROM whatsapp_conversations WHERE phone = '" + phone + "'");
    BOOST_TEST_MESSAGE("flood of " << kFlood << " from one sender: " << replies << " replies, " << logged << " conversation rows");
    BOOST_TEST(replies <= 6);
    BOOST_TEST(replies >= 1);
    BOOST_TEST(logged <= 2 * 6);
    // The same number spelled the gateway's other ways is the same sender.
    BOOST_TEST(post_webhook(fixture, "fonnte", body_of("fonnte", "0" + phone.substr(2), "status", "flood-alias"), "?token=hook-secret").status == 200);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "'") == replies);
    // Another customer is not affected, and a minute later the first one is answered again.
    const std::string other = fixture.phone_of("CUST007");
    fixture.simulator.deliver_inbound("fonnte", other, "status", "other-1");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + other + "'") == 1);
    fixture.server.clock().advance(60);
    fixture.simulator.deliver_inbound("fonnte", phone, "bayar", "later-1");
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE phone = '" + phone + "'") == replies + 1);
}

BOOST_AUTO_TEST_SUITE_END()
