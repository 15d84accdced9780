#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <optional>
#include <ostream>

#include "core/validation_messages.hpp"
#include "payments/typed_amount.hpp"

using namespace kimonet;
namespace data = boost::unit_test::data;

namespace {

// One row: what the cashier typed, what the bill expects (the outstanding amount, when the screen
// knows it) and either the amount it means or the message the refusal carries.
struct TypedCase {
    const char* typed;
    std::optional<Money> expected;
    Money amount;          // 0 when refused
    const char* message;   // the field message when refused
};

std::ostream& operator<<(std::ostream& out, const TypedCase& row) { return out << '"' << row.typed << '"'; }

const TypedCase kCases[] = {
    // What an Indonesian cashier types for Rp 750.000.
    {"750rb", std::nullopt, 750'000, nullptr},
    {"750 rb", std::nullopt, 750'000, nullptr},
    {"750 ribu", std::nullopt, 750'000, nullptr},
    {"750RIBU", std::nullopt, 750'000, nullptr},
    {"750k", std::nullopt, 750'000, nullptr},
    {"750K", std::nullopt, 750'000, nullptr},
    {"Rp 750.000", std::nullopt, 750'000, nullptr},
    {"Rp750.000,-", std::nullopt, 750'000, nullptr},
    {"Rp. 750.000", std::nullopt, 750'000, nullptr},
    {"rp 750.000,00", std::nullopt, 750'000, nullptr},
    {"IDR 750.000", std::nullopt, 750'000, nullptr},
    {"750.000", std::nullopt, 750'000, nullptr},
    {"750.000,-", std::nullopt, 750'000, nullptr},
    {"750000", std::nullopt, 750'000, nullptr},
    {" 750000 ", std::nullopt, 750'000, nullptr},
    {"750,000", std::nullopt, 750'000, nullptr},
    {"750,000.00", std::nullopt, 750'000, nullptr},
    {"Rp 750 ribu", std::nullopt, 750'000, nullptr},
    // Millions, with a decimal comma or point before the unit.
    {"1,5jt", std::nullopt, 1'500'000, nullptr},
    {"1.5 juta", std::nullopt, 1'500'000, nullptr},
    {"1,5 JT", std::nullopt, 1'500'000, nullptr},
    {"2jt", std::nullopt, 2'000'000, nullptr},
    {"1.250.000", std::nullopt, 1'250'000, nullptr},
    {"1,25jt", std::nullopt, 1'250'000, nullptr},
    {"2,5rb", std::nullopt, 2'500, nullptr},
    {"1000", std::nullopt, 1'000, nullptr},
    // Tiny amounts: almost always thousands typed without the unit.
    {"750", 750'000, 0, messages::kTypedAmountTooSmall},
    {"750", std::nullopt, 0, messages::kTypedAmountTooSmall},
    {"Rp 750", 750'000, 0, messages::kTypedAmountTooSmall},
    {"999", std::nullopt, 0, messages::kTypedAmountTooSmall},
    // ... unless the bill really is that small.
    {"750", 750, 750, nullptr},
    // Decimals without a unit: 7,5 what?
    {"7,5", std::nullopt, 0, messages::kTypedAmountDecimal},
    {"75.00", std::nullopt, 0, messages::kTypedAmountDecimal},
    {"75,50", std::nullopt, 0, messages::kTypedAmountDecimal},
    {"1.5", std::nullopt, 0, messages::kTypedAmountDecimal},
    // Malformed: refused, never guessed.
    {"", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"Rp", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"abc", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"7.50.000", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"1.234,5", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"750.000.00", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"1.500,000", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"1jt 250rb", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"1M", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"rb", std::nullopt, 0, messages::kTypedAmountUnreadable},
    {"1,2345rb", std::nullopt, 0, messages::kTypedAmountFraction},
    {"-750000", std::nullopt, 0, messages::kPaymentAmountPositive},
    {"0", std::nullopt, 0, messages::kPaymentAmountPositive},
    {"0rb", std::nullopt, 0, messages::kPaymentAmountPositive},
    {"2000000jt", std::nullopt, 0, messages::kAmountTooLarge},
    {"99999999999999", std::nullopt, 0, messages::kAmountTooLarge},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(typed_amount)

BOOST_DATA_TEST_CASE(a_typed_amount_means_what_the_cashier_means_or_is_refused_with_a_message, data::make(kCases), row) {
    const auto parsed = payments::parse_typed_amount(row.typed, row.expected);
    if (row.message == nullptr) {
        BOOST_TEST_REQUIRE(parsed.ok(), (parsed ? "" : parsed.error().message()));
        BOOST_TEST(*parsed == row.amount);
    } else {
        BOOST_TEST_REQUIRE(!parsed.ok(), "accepted as " << (parsed ? *parsed : 0));
        BOOST_TEST(parsed.error().code_name() == "validation_failed");
        BOOST_TEST(parsed.error().fields.at("amount") == row.message);
    }
}

BOOST_AUTO_TEST_SUITE_END()
