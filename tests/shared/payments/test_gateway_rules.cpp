#include <boost/test/unit_test.hpp>

#include "payments/gateway_rules.hpp"

using namespace kimonet;
using namespace kimonet::payments;

BOOST_AUTO_TEST_SUITE(gateway_rules)

BOOST_AUTO_TEST_CASE(gateway_status_words_map_to_one_outcome) {
    BOOST_TEST((midtrans_status("settlement", "") == GatewayStatus::Paid));
    BOOST_TEST((midtrans_status("capture", "accept") == GatewayStatus::Paid));
    BOOST_TEST((midtrans_status("capture", "challenge") == GatewayStatus::Pending));
    BOOST_TEST((midtrans_status("expire", "") == GatewayStatus::Expired));
    BOOST_TEST((midtrans_status("deny", "") == GatewayStatus::Failed));
    BOOST_TEST((midtrans_status("refund", "") == GatewayStatus::Refunded));
    BOOST_TEST((flip_status("SUCCESSFUL") == GatewayStatus::Paid));
    BOOST_TEST((flip_status("CANCELED") == GatewayStatus::Failed));
    BOOST_TEST((flip_status("CANCELLED") == GatewayStatus::Failed));
    BOOST_TEST((duitku_callback_status("00") == GatewayStatus::Paid));
    BOOST_TEST((duitku_callback_status("01") == GatewayStatus::Failed));
    BOOST_TEST((duitku_query_status("01") == GatewayStatus::Pending));
}

BOOST_AUTO_TEST_CASE(a_paid_transaction_is_never_unpaid_and_only_applied_once) {
    BOOST_TEST((decide_transaction_action(TransactionState::Pending, GatewayStatus::Paid) == TransactionAction::ApplyPayment));
    BOOST_TEST((decide_transaction_action(TransactionState::Paid, GatewayStatus::Paid) == TransactionAction::Ignore));
    BOOST_TEST((decide_transaction_action(TransactionState::Paid, GatewayStatus::Expired) == TransactionAction::Ignore));
    BOOST_TEST((decide_transaction_action(TransactionState::Paid, GatewayStatus::Failed) == TransactionAction::FlagForReview));
    BOOST_TEST((decide_transaction_action(TransactionState::Review, GatewayStatus::Failed) == TransactionAction::Ignore));
    BOOST_TEST((decide_transaction_action(TransactionState::Review, GatewayStatus::Refunded) == TransactionAction::Ignore));
    BOOST_TEST((decide_transaction_action(TransactionState::Paid, GatewayStatus::Refunded) == TransactionAction::FlagForReview));
    BOOST_TEST((decide_transaction_action(TransactionState::Pending, GatewayStatus::Expired) == TransactionAction::MarkExpired));
    BOOST_TEST((decide_transaction_action(TransactionState::Expired, GatewayStatus::Paid) == TransactionAction::ApplyPayment));
    BOOST_TEST((decide_transaction_action(TransactionState::Review, GatewayStatus::Paid) == TransactionAction::Ignore));
}

BOOST_AUTO_TEST_CASE(gateway_amounts_are_whole_rupiah) {
    BOOST_TEST(parse_gateway_amount("300000.00").value_or(-1) == 300000);
    BOOST_TEST(parse_gateway_amount("300000").value_or(-1) == 300000);
    BOOST_TEST(!parse_gateway_amount("300000.50"));
    BOOST_TEST(!parse_gateway_amount("-5"));
    BOOST_TEST(!parse_gateway_amount("3e5"));
    BOOST_TEST(!parse_gateway_amount(""));
}

BOOST_AUTO_TEST_CASE(phone_is_masked_except_the_last_four_digits) {
    BOOST_TEST(mask_phone("081234567890") == "********7890");
    BOOST_TEST(mask_phone("+62 812-3456-7890") == "+** ***-****-7890");
    BOOST_TEST(mask_phone("123") == "123");
}

BOOST_AUTO_TEST_CASE(offered_methods_setting) {
    auto methods = parse_offered_methods("bca_va:0, bni_va:4000,qris");
    BOOST_TEST_REQUIRE(methods.ok());
    BOOST_TEST_REQUIRE(methods->size() == 3u);
    BOOST_TEST((*methods)[1].fee == 4000);
    BOOST_TEST((*methods)[2].code == "qris");
    BOOST_TEST(!parse_offered_methods("bitcoin:0").ok());
    BOOST_TEST(!parse_offered_methods("bca_va:-1").ok());
    BOOST_TEST(gateway_setting_problem("midtrans_methods", "ovo:0").has_value());
    BOOST_TEST(!gateway_setting_problem("duitku_methods", "ovo:0").has_value());
    BOOST_TEST(gateway_setting_problem("flip_mode", "live").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
