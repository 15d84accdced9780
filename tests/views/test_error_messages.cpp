// The browser's English toggle on server messages: the app translates an Indonesian message from
// the server through the shared catalogue, swapping the fixed part and keeping the detail (a
// router's name, a gateway's answer), and leaves a message it does not know as the server sent it.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/error_messages.hpp"
#include "i18n.hpp"

namespace i18n = kimonet::i18n;
namespace messages = kimonet::messages;

namespace {

struct EnglishToggle {
    EnglishToggle() { i18n::set_language(i18n::Language::English); }
    ~EnglishToggle() { i18n::set_language(i18n::Language::Indonesian); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(error_messages)

BOOST_AUTO_TEST_CASE(indonesian_shows_the_server_message_as_sent) {
    const std::string sent = "gateway menolak permintaan: Midtrans: transaction_details.gross_amount is required";
    BOOST_TEST(i18n::translate_message(sent) == sent);
    BOOST_TEST(i18n::api_error_text("bad_gateway", sent) == sent);
}

BOOST_AUTO_TEST_CASE(english_swaps_the_fixed_part_and_keeps_the_detail) {
    EnglishToggle english;
    const std::string sent = messages::with_detail(messages::kGatewayRejectedRequest, "Midtrans: transaction_details.gross_amount is required");
    BOOST_TEST(sent == "gateway menolak permintaan: Midtrans: transaction_details.gross_amount is required");
    BOOST_TEST(i18n::translate_message(sent) == "the gateway rejected the request: Midtrans: transaction_details.gross_amount is required");
    BOOST_TEST(i18n::api_error_text("bad_gateway", messages::with_detail(messages::kRouterInUse, "3")) ==
               "the router is still used by customers; number of customers: 3");
    BOOST_TEST(i18n::api_error_text("payload_too_large", messages::kPayloadTooLarge) == "Request body is too large");
    BOOST_TEST(i18n::translate_message(messages::kPhone) == "invalid phone number (e.g. 081234567890)");
}

BOOST_AUTO_TEST_CASE(english_leaves_an_unknown_message_as_the_server_sent_it) {
    EnglishToggle english;
    BOOST_TEST(i18n::translate_message("Kabel optik putus di area Cabang") == "Kabel optik putus di area Cabang");
}

BOOST_AUTO_TEST_SUITE_END()
