#include <boost/test/unit_test.hpp>

#include "payments/payment_rules.hpp"

using namespace kimonet;
using namespace kimonet::payments;
using billing::InvoiceStatus;

BOOST_AUTO_TEST_SUITE(payment_rules)

BOOST_AUTO_TEST_CASE(partial_then_full_payment) {
    auto first = apply_payment(300000, 0, InvoiceStatus::Unpaid, 100000);
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST(first->applied == 100000);
    BOOST_TEST(first->credit == 0);
    BOOST_TEST((first->status == InvoiceStatus::Partial));
    BOOST_TEST(!first->became_paid);
    auto second = apply_payment(300000, first->paid_amount, first->status, 200000);
    BOOST_TEST_REQUIRE(second.ok());
    BOOST_TEST(second->paid_amount == 300000);
    BOOST_TEST((second->status == InvoiceStatus::Paid));
    BOOST_TEST(second->became_paid);
}

BOOST_AUTO_TEST_CASE(overpayment_becomes_credit) {
    auto outcome = apply_payment(300000, 50000, InvoiceStatus::Partial, 400000);
    BOOST_TEST_REQUIRE(outcome.ok());
    BOOST_TEST(outcome->applied == 250000);
    BOOST_TEST(outcome->credit == 150000);
    BOOST_TEST(outcome->became_paid);
}

BOOST_AUTO_TEST_CASE(refuses_void_paid_and_non_positive) {
    BOOST_TEST((apply_payment(300000, 0, InvoiceStatus::Void, 1000).error().code == ErrorCode::Conflict));
    BOOST_TEST((apply_payment(300000, 300000, InvoiceStatus::Paid, 1000).error().code == ErrorCode::Conflict));
    auto zero = apply_payment(300000, 0, InvoiceStatus::Unpaid, 0);
    BOOST_TEST_REQUIRE(!zero.ok());
    BOOST_TEST(zero.error().fields.contains("amount"));
}

BOOST_AUTO_TEST_CASE(credit_covers_at_most_what_is_outstanding) {
    BOOST_TEST(credit_to_apply(100000, 300000) == 100000);
    BOOST_TEST(credit_to_apply(500000, 300000) == 300000);
    BOOST_TEST(credit_to_apply(0, 300000) == 0);
    BOOST_TEST(credit_to_apply(100000, 0) == 0);
}

BOOST_AUTO_TEST_CASE(method_names) {
    BOOST_TEST((parse_payment_method("bank_transfer") == PaymentMethod::BankTransfer));
    BOOST_TEST(!parse_payment_method("cheque").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
