// The WhatsApp webhook bodies as each provider sends them, read without the route (the same
// functions the fuzz target tests/fuzz/fuzz_whatsapp_webhooks.cpp feeds).
#include <boost/test/unit_test.hpp>

#include "whatsapp/webhook_payloads.hpp"

using namespace kimonet::whatsapp;

BOOST_AUTO_TEST_SUITE(webhook_payloads)

BOOST_AUTO_TEST_CASE(fonnte_json_and_form) {
    auto json = parse_fonnte_webhook(R"({"device":"6281100000000","sender":"6281234567890","message":"tagihan","inboxid":"9001234"})");
    BOOST_TEST(json.from == "6281234567890");
    BOOST_TEST(json.text == "tagihan");
    BOOST_TEST(json.message_id == "9001234");
    auto form = parse_fonnte_webhook("sender=6281234567890&message=cek+status%20CUST0042&id=77");
    BOOST_TEST(form.from == "6281234567890");
    BOOST_TEST(form.text == "cek status CUST0042");
    BOOST_TEST(form.message_id == "77");
    auto odd = parse_fonnte_webhook(R"({"sender":628123,"message":["x"]})");
    BOOST_TEST(odd.from.empty());
    BOOST_TEST(odd.text.empty());
}

BOOST_AUTO_TEST_CASE(gowa_message_ignored_events_and_garbage) {
    auto message = parse_gowa_webhook(
        R"({"event":"message","payload":{"id":"3EB0","from":"6281234567890@s.whatsapp.net","is_from_me":false,"body":"bayar"}})");
    BOOST_REQUIRE(message.ok());
    BOOST_TEST(!message->ignored);
    BOOST_TEST(message->message.from == "6281234567890@s.whatsapp.net");
    BOOST_TEST(message->message.text == "bayar");
    BOOST_TEST(message->message.message_id == "3EB0");
    BOOST_TEST(parse_gowa_webhook(R"({"event":"message","payload":{"from":"x","is_from_me":true,"body":"hi"}})")->ignored);
    BOOST_TEST(parse_gowa_webhook(R"({"event":"message.ack","payload":{"ids":["3EB0"]}})")->ignored);
    BOOST_TEST(!parse_gowa_webhook(R"({"payload":"not an object"})")->ignored);
    BOOST_TEST(parse_gowa_webhook("[1,2]").error().http_status() == 400);
    BOOST_TEST(parse_gowa_webhook("{").error().http_status() == 400);
}

// go-whatsapp-web-multidevice's docs/webhook-payload.md ("Text Message", v9.0.0): a group's
// messages carry the group in chat_id ("120363…@g.us") and the member in from; the bot must stay
// out of groups (it would answer the member privately about a message meant for the group).
BOOST_AUTO_TEST_CASE(gowa_group_messages_are_ignored_as_the_docs_send_them) {
    auto direct = parse_gowa_webhook(R"({
  "event": "message",
  "device_id": "628987654321@s.whatsapp.net",
  "payload": {
    "id": "3EB0C127D7BACC83D6A1",
    "chat_id": "628987654321@s.whatsapp.net",
    "from": "628123456789@s.whatsapp.net",
    "from_lid": "251556368777322@lid",
    "from_name": "John Doe",
    "timestamp": "2023-10-15T10:30:00Z",
    "is_from_me": false,
    "body": "Hello, how are you?"
  }
})");
    BOOST_REQUIRE(direct.ok());
    BOOST_TEST(!direct->ignored);
    BOOST_TEST(direct->message.from == "628123456789@s.whatsapp.net");
    BOOST_TEST(direct->message.text == "Hello, how are you?");
    BOOST_TEST(direct->message.message_id == "3EB0C127D7BACC83D6A1");
    auto group = parse_gowa_webhook(R"({
  "event": "message",
  "device_id": "628987654321@s.whatsapp.net",
  "payload": {
    "id": "3EB0C127D7BACC83D6A2",
    "chat_id": "120363402106123456@g.us",
    "from": "628123456789@s.whatsapp.net",
    "from_name": "John Doe",
    "timestamp": "2023-10-15T10:35:00Z",
    "is_from_me": false,
    "body": "tagihan"
  }
})");
    BOOST_REQUIRE(group.ok());
    BOOST_TEST(group->ignored);
    BOOST_TEST(parse_gowa_webhook(R"({"event":"message","payload":{"id":"A1","chat_id":"status@broadcast","from":"628123456789@s.whatsapp.net","body":"x"}})")->ignored);
    BOOST_TEST(parse_gowa_webhook(R"({"event":"message","payload":{"id":"A2","chat_id":"120363123456789@newsletter","from":"120363123456789@newsletter","body":"x"}})")->ignored);
}

// Fonnte's "Webhook Reply Message" (https://docs.fonnte.com/webhook-reply-message): the body is
// JSON with device, sender, message, text, member ("group member who send the message"), name,
// location, pollname, choices, timestamp and inboxid (inboxid only with Fonnte's inbox feature).
// Fonnte retries a webhook that did not get 200 every minute, up to 15 times (its changelog,
// https://docs.fonnte.com/language/en "Retry webhook"): a retry must read as the same message.
BOOST_AUTO_TEST_CASE(fonnte_retries_read_as_the_same_message_without_an_inboxid) {
    const std::string without_inbox = R"({"device":"6281100000000","sender":"6281234567890","message":"tagihan","text":"","member":"","name":"Budi","location":"","pollname":"","choices":"","timestamp":1767225600})";
    const auto first = parse_fonnte_webhook(without_inbox);
    BOOST_TEST(first.from == "6281234567890");
    BOOST_TEST(first.text == "tagihan");
    BOOST_TEST(!first.message_id.empty());
    BOOST_TEST(parse_fonnte_webhook(without_inbox).message_id == first.message_id);
    // Another message from the same sender (another timestamp, or other text) is another id.
    BOOST_TEST(parse_fonnte_webhook(R"({"sender":"6281234567890","message":"tagihan","timestamp":1767225660})").message_id != first.message_id);
    BOOST_TEST(parse_fonnte_webhook(R"({"sender":"6281234567890","message":"bayar","timestamp":1767225600})").message_id != first.message_id);
    // An inboxid, text or number, is the id.
    BOOST_TEST(parse_fonnte_webhook(R"({"sender":"6281234567890","message":"tagihan","timestamp":1767225600,"inboxid":"123456"})").message_id == "123456");
    BOOST_TEST(parse_fonnte_webhook(R"({"sender":"6281234567890","message":"tagihan","timestamp":1767225600,"inboxid":123456})").message_id == "123456");
    // Neither: nothing to go by (the bot falls back to the text and the minute).
    BOOST_TEST(parse_fonnte_webhook(R"({"sender":"6281234567890","message":"tagihan"})").message_id.empty());
}

BOOST_AUTO_TEST_SUITE_END()
