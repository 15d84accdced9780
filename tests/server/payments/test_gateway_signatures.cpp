#include <boost/test/unit_test.hpp>

#include "gateways/gateway_callbacks.hpp"
#include "api/form_encoding.hpp"
#include "api/json_fields.hpp"
#include "gateways/gateway_signatures.hpp"
#include "whatsapp/http_client.hpp"

using namespace kimonet;
using namespace kimonet::gateways;

namespace {

constexpr const char* kOrder = "INV-202601-00001-A1B2C3D4";
constexpr const char* kMidtransSignature =
    "9d171aec9d28fb6dc14ab9939d5f864e1d95dc8c7fb8dfc778ab0e524cea1dd0f7dd7dd3fddf12f0e0475d57d0fcd32d1e16640ce9696232367b6ca99201392e";

GatewayConfig config(const std::string& name) {
    GatewayConfig config;
    config.name = name;
    config.key = name == "midtrans" ? "SB-Mid-server-TEST" : name == "duitku" ? "duitku-key" : "flip-secret";
    config.validation_token = "flip-token";
    config.merchant_code = "DS0001";
    return config;
}

std::string midtrans_body(const std::string& gross, const std::string& signature, const std::string& status = "settlement") {
    return api::Json{{"order_id", kOrder}, {"status_code", "200"}, {"gross_amount", gross}, {"signature_key", signature},
                     {"transaction_status", status}, {"transaction_id", "abc-123"}, {"fraud_status", "accept"}}
        .dump();
}

std::string duitku_body(const std::string& amount, const std::string& signature) {
    return api::form_encode({{"merchantCode", "DS0001"}, {"amount", amount}, {"merchantOrderId", kOrder}, {"resultCode", "00"},
                                  {"reference", "DS0001SIM1"}, {"signature", signature}});
}

std::string flip_body(const std::string& token, const std::string& amount = "300000") {
    const std::string data = R"({"id":"PGPWF1","bill_link_id":12345,"status":"SUCCESSFUL","amount":)" + amount + R"(,"sender_bank":"bni"})";
    return api::form_encode({{"data", data}, {"token", token}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gateway_signatures)

BOOST_AUTO_TEST_CASE(midtrans_sha512_uses_gross_amount_exactly_as_received) {
    BOOST_TEST(midtrans_signature(kOrder, "200", "300000.00", "SB-Mid-server-TEST") == kMidtransSignature);
    // "300000" is a different string, so a different signature: no normalising before hashing.
    BOOST_TEST(midtrans_signature(kOrder, "200", "300000", "SB-Mid-server-TEST").substr(0, 16) == "50c765a94063dd3f");
    BOOST_TEST(midtrans_signature_valid(kOrder, "200", "300000.00", "SB-Mid-server-TEST", kMidtransSignature));
    BOOST_TEST(!midtrans_signature_valid(kOrder, "200", "300001.00", "SB-Mid-server-TEST", kMidtransSignature));
    BOOST_TEST(!midtrans_signature_valid(kOrder, "201", "300000.00", "SB-Mid-server-TEST", kMidtransSignature));
    BOOST_TEST(!midtrans_signature_valid(kOrder, "200", "300000.00", "other-key", kMidtransSignature));
    BOOST_TEST(!midtrans_signature_valid(kOrder, "200", "300000.00", "", kMidtransSignature));
}

BOOST_AUTO_TEST_CASE(duitku_md5_and_sha256_vectors) {
    BOOST_TEST(duitku_callback_signature("DS0001", "300000", kOrder, "duitku-key") == "d4b2767237a921307d7c6cfc29a2d9bd");
    BOOST_TEST(duitku_inquiry_signature("DS0001", kOrder, "300000", "duitku-key") == "8524c1481b407888f287ecd443f8d932");
    BOOST_TEST(duitku_status_signature("DS0001", kOrder, "duitku-key") == "da88f94a85a1387483eda9c7bba6b577");
    BOOST_TEST(duitku_methods_signature("DS0001", "300000", "2026-01-15 09:00:00", "duitku-key") ==
               "731c46c5767249e6015d6750b442a93f217b6c3759c79d0579035d5846c3de95");
    BOOST_TEST(duitku_callback_valid("DS0001", "300000", kOrder, "duitku-key", "D4B2767237A921307D7C6CFC29A2D9BD"));
    BOOST_TEST(!duitku_callback_valid("DS0001", "300001", kOrder, "duitku-key", "d4b2767237a921307d7c6cfc29a2d9bd"));
}

BOOST_AUTO_TEST_CASE(flip_token_needs_a_configured_token) {
    BOOST_TEST(flip_token_valid("flip-token", "flip-token"));
    BOOST_TEST(!flip_token_valid("flip-token", "flip-tokem"));
    BOOST_TEST(!flip_token_valid("", ""));
}

BOOST_AUTO_TEST_CASE(verified_callbacks_become_events) {
    auto midtrans = verify_callback(config("midtrans"), midtrans_body("300000.00", kMidtransSignature));
    BOOST_TEST_REQUIRE(midtrans.ok());
    BOOST_TEST(midtrans->order_id == kOrder);
    BOOST_TEST(midtrans->amount.value_or(0) == 300000);
    BOOST_TEST((midtrans->status == payments::GatewayStatus::Paid));

    auto duitku = verify_callback(config("duitku"), duitku_body("300000", "d4b2767237a921307d7c6cfc29a2d9bd"));
    BOOST_TEST_REQUIRE(duitku.ok());
    BOOST_TEST(duitku->transaction_id == "DS0001SIM1");
    BOOST_TEST((duitku->status == payments::GatewayStatus::Paid));

    auto flip = verify_callback(config("flip"), flip_body("flip-token"));
    BOOST_TEST_REQUIRE(flip.ok());
    BOOST_TEST(flip->reference == "12345");
    BOOST_TEST(flip->transaction_id == "PGPWF1");
    BOOST_TEST(flip->amount.value_or(0) == 300000);
}

BOOST_AUTO_TEST_CASE(forged_and_tampered_callbacks_are_rejected_with_each_gateways_status) {
    // Tampered amount with the original signature.
    auto midtrans = verify_callback(config("midtrans"), midtrans_body("1000.00", kMidtransSignature));
    BOOST_TEST_REQUIRE(!midtrans.ok());
    BOOST_TEST(midtrans.error().http_status() == 403);
    // Signed with another key.
    auto forged = verify_callback(config("midtrans"), midtrans_body("300000.00", midtrans_signature(kOrder, "200", "300000.00", "guess")));
    BOOST_TEST(forged.error().http_status() == 403);
    auto duitku = verify_callback(config("duitku"), duitku_body("1000", "d4b2767237a921307d7c6cfc29a2d9bd"));
    BOOST_TEST_REQUIRE(!duitku.ok());
    BOOST_TEST(duitku.error().http_status() == 400);
    auto flip = verify_callback(config("flip"), flip_body("wrong"));
    BOOST_TEST_REQUIRE(!flip.ok());
    BOOST_TEST(flip.error().http_status() == 401);
    // Malformed bodies are 400.
    BOOST_TEST(verify_callback(config("midtrans"), "not json").error().http_status() == 400);
    BOOST_TEST(verify_callback(config("flip"), api::form_encode({{"data", "{"}, {"token", "flip-token"}})).error().http_status() == 400);
    BOOST_TEST(verify_callback(config("duitku"), "").error().http_status() == 400);
}

BOOST_AUTO_TEST_SUITE_END()
