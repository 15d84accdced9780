#include <boost/test/unit_test.hpp>

#include "support/whatsapp_fixture.hpp"

using namespace kimonet;
using kimonet::testing::WhatsAppFixture;

BOOST_AUTO_TEST_SUITE(messaging_api)

BOOST_AUTO_TEST_CASE(templates_are_listed_edited_validated_and_previewed) {
    WhatsAppFixture fixture;
    const std::string token = fixture.server.login("admin");
    auto list = fixture.server.get("/api/message-templates", token);
    BOOST_TEST_REQUIRE(list.status == 200, list.body);
    BOOST_TEST(list.json()["total"].get<int>() >= 7);

    auto rejected = fixture.server.put("/api/message-templates/reminder", R"({"body":"Halo {nama_pelanggan}, {nama_kucing}"})", token);
    BOOST_TEST(rejected.status == 422);
    BOOST_TEST(rejected.json()["error"]["fields"]["body"] == "placeholder tidak dikenal: {nama_kucing}");

    auto saved = fixture.server.put("/api/message-templates/reminder", R"({"body":"Yth. {nama_pelanggan}, bayar {total} ya"})", token);
    BOOST_TEST_REQUIRE(saved.status == 200, saved.body);
    BOOST_TEST(saved.json()["data"]["customized"] == true);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'message_template.update'") == 1);

    auto preview = fixture.server.post("/api/message-templates/preview", R"({"key":"reminder"})", token);
    BOOST_TEST_REQUIRE(preview.status == 200, preview.body);
    BOOST_TEST(preview.json()["data"]["text"] == "Yth. Budi Santoso, bayar Rp 166.500 ya");

    auto bad_preview = fixture.server.post("/api/message-templates/preview", R"({"key":"reminder","body":"{oops}"})", token);
    BOOST_TEST(bad_preview.status == 422);

    auto reset = fixture.server.put("/api/message-templates/reminder", R"({"reset":true})", token);
    BOOST_TEST_REQUIRE(reset.status == 200);
    BOOST_TEST(reset.json()["data"]["customized"] == false);
    BOOST_TEST(fixture.server.get("/api/message-templates/nope", token).status == 404);
}

BOOST_AUTO_TEST_CASE(test_message_is_queued_sent_listed_and_resent) {
    WhatsAppFixture fixture;
    const std::string token = fixture.server.login("admin");
    auto queued = fixture.server.post("/api/whatsapp/test", R"({"phone":"0812-3456-7890","message":"Tes dari Kimonet"})", token);
    BOOST_TEST_REQUIRE(queued.status == 201, queued.body);
    const auto id = queued.json()["data"]["id"].get<std::int64_t>();
    BOOST_TEST(queued.json()["data"]["phone"] == "6281234567890");
    fixture.drain();
    BOOST_TEST_REQUIRE(fixture.simulator.messages().size() == 1u);
    BOOST_TEST(fixture.simulator.messages()[0].message == "Tes dari Kimonet");

    auto sent = fixture.server.get("/api/notifications?status=sent", token);
    BOOST_TEST_REQUIRE(sent.status == 200, sent.body);
    BOOST_TEST(sent.json()["total"] == 1);
    BOOST_TEST(sent.json()["data"][0]["gateway_message_id"] != "");
    BOOST_TEST(fixture.server.get("/api/notifications?status=bogus", token).status == 422);

    auto detail = fixture.server.get("/api/notifications/" + std::to_string(id), token);
    BOOST_TEST(detail.json()["data"]["attempt_log"].size() == 1u);

    auto resent = fixture.server.post("/api/notifications/" + std::to_string(id) + "/resend", "{}", token);
    BOOST_TEST_REQUIRE(resent.status == 200, resent.body);
    BOOST_TEST(resent.json()["data"]["id"] != id);  // a sent message is copied, the log keeps both
    fixture.server.clock().advance(2);
    fixture.drain();
    BOOST_TEST(fixture.simulator.messages().size() == 2u);
    BOOST_TEST(fixture.server.post("/api/notifications/999999/resend", "{}", token).status == 404);
}

BOOST_AUTO_TEST_CASE(a_failed_message_is_requeued_in_place) {
    WhatsAppFixture fixture;
    fixture.configure("fonnte", {{"whatsapp_max_attempts", "1"}});
    const std::string token = fixture.server.login("admin");
    fixture.simulator.set_mode(sim::SimMode::Error500, 1);
    const auto queued = fixture.queue("fail-once", "081234567890", "x");
    fixture.drain();
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications") == "failed");
    auto failed = fixture.server.get("/api/notifications?status=failed", token);
    BOOST_TEST(failed.json()["data"][0]["last_error"] == "gateway sedang bermasalah: HTTP 500");
    auto resent = fixture.server.post("/api/notifications/" + std::to_string(queued.id) + "/resend", "{}", token);
    BOOST_TEST_REQUIRE(resent.status == 200);
    BOOST_TEST(resent.json()["data"]["id"] == queued.id);
    fixture.server.clock().advance(2);
    fixture.drain();
    BOOST_TEST(fixture.server.scalar("SELECT status FROM notifications") == "sent");
}

BOOST_AUTO_TEST_CASE(broadcast_reaches_every_customer_of_one_router_once) {
    WhatsAppFixture fixture;
    const std::string token = fixture.server.login("admin");
    const std::string router_id = fixture.server.scalar("SELECT router_id FROM customers WHERE router_id IS NOT NULL LIMIT 1");
    const auto expected = fixture.count("SELECT COUNT(*) FROM customers WHERE status <> 'terminated' AND router_id = " + router_id);
    BOOST_TEST_REQUIRE(expected > 0);
    const std::string body = R"({"key":"outage-1","segment":{"router_id":)" + router_id + R"(},"message":"Gangguan di area Anda"})";
    auto first = fixture.server.post("/api/notifications/broadcast", body, token);
    BOOST_TEST_REQUIRE(first.status == 201, first.body);
    BOOST_TEST(first.json()["data"]["queued"] == expected);
    auto again = fixture.server.post("/api/notifications/broadcast", body, token);
    BOOST_TEST(again.json()["data"]["queued"] == 0);
    BOOST_TEST(again.json()["data"]["already_queued"] == expected);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications WHERE body LIKE '%Gangguan di area Anda%'") == expected);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM activity_log WHERE action = 'notification.broadcast'") == 2);

    BOOST_TEST(fixture.server.post("/api/notifications/broadcast", R"({"segment":{},"message":"x"})", token).status == 422);
    auto needs_invoice = fixture.server.post("/api/notifications/broadcast", R"({"segment":{"all":true},"template":"reminder"})", token);
    BOOST_TEST(needs_invoice.status == 422);
    BOOST_TEST(fixture.count("SELECT COUNT(*) FROM notifications") == expected);
}

BOOST_AUTO_TEST_CASE(device_status_comes_from_the_gateway) {
    WhatsAppFixture fixture;
    const std::string token = fixture.server.login("admin");
    auto connected = fixture.server.get("/api/whatsapp/status", token);
    BOOST_TEST_REQUIRE(connected.status == 200, connected.body);
    BOOST_TEST(connected.json()["data"]["connected"] == true);
    BOOST_TEST(connected.json()["data"]["driver"] == "fonnte");
    fixture.simulator.set_connected(false);
    auto unpaired = fixture.server.get("/api/whatsapp/status", token);
    BOOST_TEST(unpaired.json()["data"]["connected"] == false);
    BOOST_TEST(unpaired.json()["data"]["qr_code"].get<std::string>().starts_with("data:image/png;base64,"));
}

BOOST_AUTO_TEST_CASE(the_api_key_is_write_only_and_settings_are_validated) {
    WhatsAppFixture fixture;
    const std::string token = fixture.server.login("admin");
    auto settings = fixture.server.get("/api/settings", token);
    BOOST_TEST_REQUIRE(settings.status == 200, settings.body);
    BOOST_TEST(settings.body.find(fixture.simulator.options().api_key) == std::string::npos);
    BOOST_TEST(settings.json()["data"]["whatsapp_api_key"]["set"] == true);
    auto bad = fixture.server.put("/api/settings", R"({"whatsapp_driver":"telegram","whatsapp_quiet_hours":"25:00-07:00"})", token);
    BOOST_TEST(bad.status == 422);
    BOOST_TEST(bad.json()["error"]["fields"].contains("whatsapp_driver"));
    BOOST_TEST(bad.json()["error"]["fields"].contains("whatsapp_quiet_hours"));
}

BOOST_AUTO_TEST_CASE(permissions_guard_the_messaging_routes) {
    WhatsAppFixture fixture;
    const std::string technician = fixture.server.login("technician");
    BOOST_TEST(fixture.server.get("/api/notifications", technician).status == 403);
    BOOST_TEST(fixture.server.post("/api/whatsapp/test", R"({"phone":"0812","message":"x"})", technician).status == 403);
    const std::string finance = fixture.server.login("finance");
    BOOST_TEST(fixture.server.get("/api/notifications", finance).status == 200);
    BOOST_TEST(fixture.server.post("/api/notifications/broadcast", "{}", finance).status == 403);
    BOOST_TEST(fixture.server.get("/api/notifications").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
