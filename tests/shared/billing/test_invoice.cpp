#include <boost/test/unit_test.hpp>
#include <limits>

#include "billing/invoice.hpp"
#include "core/validation_messages.hpp"

using namespace kimonet;
using namespace kimonet::billing;

BOOST_AUTO_TEST_SUITE(invoice)

static MonthlyBillingInput customer_joined(Date join, Period period, std::optional<int> due_day = std::nullopt) {
    return MonthlyBillingInput{period, join, due_day, "Home 30 Mbps", 300000};
}

BOOST_AUTO_TEST_CASE(join_month_gets_one_prorated_line) {
    auto draft = monthly_invoice(customer_joined({2026, 1, 15}, {2026, 1}), BillingRules{});
    BOOST_TEST_REQUIRE(draft.has_value());
    BOOST_TEST_REQUIRE(draft->lines.size() == 1u);
    BOOST_TEST((draft->lines[0].kind == LineKind::ProratedPackage));
    BOOST_TEST(draft->lines[0].amount == 164516);
    BOOST_TEST(draft->lines[0].description == "Home 30 Mbps - Januari 2026 (prorata 17/31 hari)");
    BOOST_TEST(draft->totals.total == 164516);
    BOOST_TEST((draft->issue_date == Date{2026, 1, 15}));
    // Due day 10 had passed when they joined: due a week after joining.
    BOOST_TEST((draft->due_date == Date{2026, 1, 22}));
}

BOOST_AUTO_TEST_CASE(joining_on_the_due_day_itself_is_due_a_week_later) {
    // Due day 31 is 29 February 2028, the day they join: 1 of 29 days, due 7 March.
    auto leap = monthly_invoice(customer_joined({2028, 2, 29}, {2028, 2}, 31), BillingRules{});
    BOOST_TEST_REQUIRE(leap.has_value());
    BOOST_TEST(leap->totals.total == 10345);
    BOOST_TEST((leap->due_date == Date{2028, 3, 7}));
    auto tenth = monthly_invoice(customer_joined({2026, 1, 10}, {2026, 1}), BillingRules{});
    BOOST_TEST_REQUIRE(tenth.has_value());
    BOOST_TEST((tenth->due_date == Date{2026, 1, 17}));
    // A due day still ahead is kept: joining on the 9th, due the 10th.
    BOOST_TEST((monthly_invoice(customer_joined({2026, 1, 9}, {2026, 1}), BillingRules{})->due_date == Date{2026, 1, 10}));
    // Joining on 31 January: due 7 February, in the next month.
    BOOST_TEST((monthly_invoice(customer_joined({2026, 1, 31}, {2026, 1}), BillingRules{})->due_date == Date{2026, 2, 7}));
}

BOOST_AUTO_TEST_CASE(later_months_bill_the_full_price_due_on_the_due_day) {
    auto draft = monthly_invoice(customer_joined({2026, 1, 15}, {2026, 2}, 31), BillingRules{});
    BOOST_TEST_REQUIRE(draft.has_value());
    BOOST_TEST((draft->lines[0].kind == LineKind::Package));
    BOOST_TEST(draft->totals.total == 300000);
    BOOST_TEST((draft->due_date == Date{2026, 2, 28}));
    BOOST_TEST((draft->issue_date == Date{2026, 2, 1}));
}

BOOST_AUTO_TEST_CASE(joining_on_the_first_bills_full_price_and_after_the_period_nothing) {
    auto first = monthly_invoice(customer_joined({2026, 3, 1}, {2026, 3}), BillingRules{});
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST((first->lines[0].kind == LineKind::Package));
    BOOST_TEST(first->totals.total == 300000);
    BOOST_TEST(!monthly_invoice(customer_joined({2026, 3, 1}, {2026, 2}), BillingRules{}).has_value());
}

BOOST_AUTO_TEST_CASE(rules_carry_rounding_and_tax) {
    BillingRules rules;
    rules.rounding = RoundingMode::UpTo1000;
    rules.tax.legacy = TaxRule{1100, TaxMode::Exclusive};
    auto draft = monthly_invoice(customer_joined({2026, 1, 15}, {2026, 1}, 20), rules);
    BOOST_TEST_REQUIRE(draft.has_value());
    BOOST_TEST(draft->totals.subtotal == 165000);
    BOOST_TEST(draft->totals.tax == 18150);
    BOOST_TEST(draft->totals.total == 183150);
    BOOST_TEST((draft->due_date == Date{2026, 1, 20}));
}

BOOST_AUTO_TEST_CASE(staff_lines_are_validated_and_discounts_stored_negative) {
    auto discount = validate_line(InvoiceLine{LineKind::Discount, " Diskon loyal ", 1, 25000, 0});
    BOOST_TEST_REQUIRE(discount.ok());
    BOOST_TEST(discount->amount == -25000);
    BOOST_TEST(discount->description == "Diskon loyal");
    auto charge = validate_line(InvoiceLine{LineKind::Charge, "Kabel tambahan", 3, 15000, 0});
    BOOST_TEST_REQUIRE(charge.ok());
    BOOST_TEST(charge->amount == 45000);
    auto bad = validate_line(InvoiceLine{LineKind::Charge, "", 0, -5, 0});
    BOOST_TEST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.error().fields.size() == 3u);
    std::vector<InvoiceLine> lines{*charge, *discount};
    BOOST_TEST(*line_sum(lines) == 20000);
    BOOST_TEST(totals_for(lines, TaxRule{1100, TaxMode::Exclusive})->total == 22200);
}

BOOST_AUTO_TEST_CASE(a_line_beyond_the_cap_is_refused_not_wrapped) {
    // 10.000 × Rp 1.000.000.000 = 10^13: each factor is allowed, the product is over the cap.
    auto too_large = validate_line(InvoiceLine{LineKind::Charge, "Perangkat", 10000, 1'000'000'000, 0});
    BOOST_TEST_REQUIRE(!too_large.ok());
    BOOST_TEST(too_large.error().fields.at("unit_price") == messages::kAmountTooLarge);
    auto at_cap = validate_line(InvoiceLine{LineKind::Charge, "Perangkat", 1000, 1'000'000'000, 0});
    BOOST_TEST_REQUIRE(at_cap.ok());
    BOOST_TEST(at_cap->amount == kMaxMoney);
    // INT64_MIN (what 2^63 wrapped to) as a discount: negating it overflowed, × 2 stored 0.
    for (Money price : {std::numeric_limits<Money>::min(), std::numeric_limits<Money>::max(), Money{-1'000'000'001}}) {
        auto line = validate_line(InvoiceLine{LineKind::Discount, "Diskon", 2, price, 0});
        BOOST_TEST_REQUIRE(!line.ok());
        BOOST_TEST(line.error().fields.contains("unit_price"));
    }
}

BOOST_AUTO_TEST_CASE(many_lines_sum_is_checked_and_capped) {
    const InvoiceLine largest{LineKind::Charge, "Perangkat", 1000, 1'000'000'000, kMaxMoney};
    std::vector<InvoiceLine> lines{largest};
    BOOST_TEST(*line_sum(lines) == kMaxMoney);
    lines.push_back(InvoiceLine{LineKind::Charge, "Kabel", 1, 1, 1});
    auto over = totals_for(lines, TaxRule{1100, TaxMode::Exclusive});
    BOOST_TEST_REQUIRE(!over.ok());
    BOOST_TEST(over.error().fields.at("lines") == messages::kAmountTooLarge);
    // Amounts that would wrap int64 when summed: an error, never a negative total or tax.
    std::vector<InvoiceLine> wrapping(3, InvoiceLine{LineKind::Charge, "x", 1, 0, std::numeric_limits<Money>::max() / 2});
    BOOST_TEST(!line_sum(wrapping).ok());
    std::vector<InvoiceLine> too_many(kMaxInvoiceLines + 1, InvoiceLine{LineKind::Charge, "x", 1, 1, 1});
    auto crowded = totals_for(too_many, TaxRule{});
    BOOST_TEST_REQUIRE(!crowded.ok());
    BOOST_TEST(crowded.error().fields.at("lines") == messages::kTooManyLines);
}

BOOST_AUTO_TEST_CASE(status_follows_paid_amount) {
    BOOST_TEST((status_for(300000, 0) == InvoiceStatus::Unpaid));
    BOOST_TEST((status_for(300000, 1) == InvoiceStatus::Partial));
    BOOST_TEST((status_for(300000, 300000) == InvoiceStatus::Paid));
    BOOST_TEST((status_for(0, 0) == InvoiceStatus::Paid));
    BOOST_TEST((parse_invoice_status("partial") == InvoiceStatus::Partial));
    BOOST_TEST((parse_line_kind("late_fee") == LineKind::LateFee));
}

BOOST_AUTO_TEST_SUITE_END()
