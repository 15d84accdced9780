#include <boost/test/unit_test.hpp>

#include "payments/statement_matching.hpp"

using namespace kimonet;
using namespace kimonet::payments;

namespace {

// Three open invoices: Budi's with unique code 123, Siti's without, and Joko's two months.
StatementMatcher matcher() {
    return StatementMatcher({
        {1, "INV-202601-00001", 11, "CUST001", "Budi Santoso", 150000, 123},
        {2, "INV-202601-00002", 12, "CUST002", "Siti Aminah", 200000, 0},
        {3, "INV-202601-00003", 13, "CUST003", "Joko", 175000, 0},
        {4, "INV-202602-00003", 13, "CUST003", "Joko", 175000, 0},
    });
}

StatementLine line(Money amount, std::string description) {
    StatementLine out;
    out.amount = amount;
    out.description = std::move(description);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(statement_matching)

BOOST_AUTO_TEST_CASE(the_unique_amount_alone_pays_its_invoice) {
    const auto decision = matcher().match(line(150123, "TRSF E-BANKING CR 0201/FTSCY/WS95031 150123.00 B SANTOSO"));
    BOOST_TEST(decision.pay_invoice_id.value_or(0) == 1);
    BOOST_TEST((decision.rule == MatchRule::UniqueAmount));
}

BOOST_AUTO_TEST_CASE(an_invoice_number_however_the_bank_spelled_it_pays_when_the_amount_fits) {
    for (const std::string description : {"BAYAR INV-202601-00002", "BAYAR INV20260100002 SITI", "INV 202601 00002", "inv-202601-00002/siti"}) {
        const auto decision = matcher().match(line(200000, description));
        BOOST_TEST(decision.pay_invoice_id.value_or(0) == 2, description);
        BOOST_TEST((decision.rule == MatchRule::InvoiceNumber), description);
    }
    const auto short_paid = matcher().match(line(100000, "BAYAR INV-202601-00002"));
    BOOST_TEST(!short_paid.pay_invoice_id.has_value());
    BOOST_TEST((short_paid.reason == ReviewReason::AmountDiffers));
    BOOST_TEST(short_paid.suggested_invoice_id.value_or(0) == 2);
}

BOOST_AUTO_TEST_CASE(a_nomor_layanan_pays_only_when_one_open_invoice_fits) {
    const auto siti = matcher().match(line(200000, "SETORAN CUST002"));
    BOOST_TEST(siti.pay_invoice_id.value_or(0) == 2);
    BOOST_TEST((siti.rule == MatchRule::ServiceNumber));
    // Joko has two open invoices of the same amount: which one is a person's call.
    const auto joko = matcher().match(line(175000, "SETORAN CUST003"));
    BOOST_TEST(!joko.pay_invoice_id.has_value());
    BOOST_TEST((joko.reason == ReviewReason::Ambiguous));
    // CUST0021 is not CUST002.
    BOOST_TEST(!matcher().match(line(200000, "SETORAN CUST0021")).pay_invoice_id.has_value());
}

BOOST_AUTO_TEST_CASE(a_line_naming_two_invoices_goes_to_review) {
    const auto decision = matcher().match(line(150123, "BAYAR INV-202601-00002"));  // Budi's amount, Siti's number
    BOOST_TEST(!decision.pay_invoice_id.has_value());
    BOOST_TEST((decision.reason == ReviewReason::Ambiguous));
}

BOOST_AUTO_TEST_CASE(a_name_is_only_a_suggestion) {
    const auto decision = matcher().match(line(200000, "TRANSFER DARI SITI AMINAH"));
    BOOST_TEST(!decision.pay_invoice_id.has_value());
    BOOST_TEST((decision.reason == ReviewReason::NameOnly));
    BOOST_TEST(decision.suggested_invoice_id.value_or(0) == 2);
    BOOST_TEST((matcher().match(line(5000, "BUNGA")).reason == ReviewReason::NoMatch));
}

BOOST_AUTO_TEST_CASE(a_paid_invoice_is_not_matched_again_and_cents_are_never_matched) {
    StatementMatcher once = matcher();
    BOOST_TEST(once.match(line(150123, "X")).pay_invoice_id.value_or(0) == 1);
    once.record_payment(1, 150123);
    BOOST_TEST(!once.match(line(150123, "X")).pay_invoice_id.has_value());
    StatementLine cents = line(150123, "X");
    cents.whole_rupiah = false;
    BOOST_TEST((matcher().match(cents).reason == ReviewReason::Cents));
}

BOOST_AUTO_TEST_SUITE_END()
