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

BOOST_AUTO_TEST_SUITE_END()
