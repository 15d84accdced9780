// What of a callback may be kept (gateways/gateway_callback_log.hpp) and which Midtrans status
// words its signed status_code allows (gateways/gateway_callbacks.hpp).
#include <boost/test/unit_test.hpp>

#include "gateways/gateway_callback_log.hpp"
#include "gateways/gateway_callbacks.hpp"

using namespace kimonet;

BOOST_AUTO_TEST_SUITE(gateway_callback_log)

BOOST_AUTO_TEST_CASE(the_flip_token_and_other_credentials_are_redacted_and_the_rest_kept_byte_for_byte) {
    const std::string flip = "data=%7B%22id%22%3A%22PGPWF1%22%2C%22status%22%3A%22SUCCESSFUL%22%7D&token=%242y%2413%24secret";
    BOOST_TEST(gateways::redact_credentials(flip) == "data=%7B%22id%22%3A%22PGPWF1%22%2C%22status%22%3A%22SUCCESSFUL%22%7D&token=[redacted]");
    BOOST_TEST(gateways::redact_credentials("a=1&Api_Key=k&b=&server-key=s&c") == "a=1&Api_Key=[redacted]&b=&server-key=[redacted]&c");
    const std::string json = gateways::redact_credentials(R"({"order_id":"A","signature_key":"abc","nested":{"password":"p","x":[{"token":"t"}]}})");
    BOOST_TEST(json.find("\"p\"") == std::string::npos);
    BOOST_TEST(json.find("\"t\"") == std::string::npos);
    BOOST_TEST(json.find("\"signature_key\":\"abc\"") != std::string::npos);  // a signature is not a credential
    BOOST_TEST(json.find("\"order_id\":\"A\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_digest_is_bounded_and_never_cuts_a_character) {
    const std::string body = "note=" + std::string(300, 'x') + "&token=secret";
    const auto digest = gateways::digest_callback(body);
    BOOST_TEST(digest.size == body.size());
    BOOST_TEST(digest.prefix.size() <= gateways::kDigestPrefixBytes);
    BOOST_TEST(digest.sha256.size() == 64u);
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";  // two bytes each
    const auto cut = gateways::digest_callback("x" + accents);
    BOOST_TEST(cut.prefix.size() == 255u);  // "x" and 127 whole characters
    BOOST_TEST(gateways::digest_callback("a=1&token=one").sha256 == gateways::digest_callback("a=1&token=two").sha256);
}

BOOST_AUTO_TEST_CASE(midtrans_status_code_must_agree_with_transaction_status) {
    BOOST_TEST(gateways::midtrans_status_code_matches("200", "settlement"));
    BOOST_TEST(gateways::midtrans_status_code_matches("200", "capture"));
    BOOST_TEST(gateways::midtrans_status_code_matches("201", "pending"));
    BOOST_TEST(gateways::midtrans_status_code_matches("202", "deny"));
    BOOST_TEST(gateways::midtrans_status_code_matches("202", "expire"));
    BOOST_TEST(gateways::midtrans_status_code_matches("407", "expire"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("201", "settlement"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("202", "settlement"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("407", "capture"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("200", "pending"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("", "settlement"));
    BOOST_TEST(!gateways::midtrans_status_code_matches("200", ""));
}

BOOST_AUTO_TEST_SUITE_END()
