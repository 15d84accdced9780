// The figures of a credit note (shared/billing/credit_note): the limit (billed minus earlier notes),
// the invoice's own PPN in proportion, the split between what is open and customer credit, lines
// in proportion, and refusals that name their field — at the money cap without overflow.
#include <boost/test/unit_test.hpp>
#include <limits>

#include "billing/credit_note.hpp"

using namespace kimonet;
using namespace kimonet::billing;

namespace {

Invoice invoice(std::vector<Money> lines, Money tax, Money paid) {
    Invoice invoice;
    Money sum = 0;
    for (const Money amount : lines) {
        invoice.lines.push_back(InvoiceLine{LineKind::Charge, "baris", 1, amount, amount});
        sum += amount;
    }
    invoice.totals = {sum, tax, sum + tax};
    invoice.paid_amount = paid;
    invoice.status = status_for(invoice.totals.total, paid);
    return invoice;
}

CreditNoteRequest amount(Money value) {
    CreditNoteRequest request;
    request.amount = value;
    return request;
}

std::string field_of(const Result<CreditNoteFigures>& figures) {
    return figures ? std::string() : (figures.error().fields.empty() ? std::string("-") : figures.error().fields.begin()->first);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(credit_note)

BOOST_AUTO_TEST_CASE(an_amount_lowers_what_is_open_first_and_the_rest_becomes_credit) {
    const auto figures = credit_note_figures(invoice({100000}, 11000, 80000), 0, amount(55500));
    BOOST_TEST_REQUIRE(figures.ok());
    BOOST_TEST(figures->tax == 5500, "11.000 of 111.000, in proportion");
    BOOST_TEST(figures->base == 50000);
    BOOST_TEST(figures->applied == 31000, "111.000 - 80.000 was open");
    BOOST_TEST(figures->credit == 24500);
}

BOOST_AUTO_TEST_CASE(full_takes_what_earlier_notes_left_and_nothing_left_is_a_conflict) {
    const Invoice billed = invoice({100000}, 0, 0);
    CreditNoteRequest full;
    full.full = true;
    BOOST_TEST(credit_note_figures(billed, 30000, full)->amount == 70000);
    const auto none = credit_note_figures(billed, 100000, full);
    BOOST_TEST_REQUIRE(!none.ok());
    BOOST_TEST((none.error().code == ErrorCode::Conflict));
}

BOOST_AUTO_TEST_CASE(lines_are_credited_with_their_share_of_the_tax) {
    CreditNoteRequest lines;
    lines.lines = {1};
    const auto figures = credit_note_figures(invoice({100000, 200000}, 33000, 0), 0, lines);
    BOOST_TEST_REQUIRE(figures.ok());
    BOOST_TEST(figures->amount == 222000);
    BOOST_TEST(figures->tax == 22000);
}

BOOST_AUTO_TEST_CASE(refusals_name_their_field) {
    const Invoice billed = invoice({100000}, 0, 0);
    BOOST_TEST(field_of(credit_note_figures(billed, 0, amount(100001))) == "amount");
    BOOST_TEST(field_of(credit_note_figures(billed, 0, amount(0))) == "amount");
    BOOST_TEST(field_of(credit_note_figures(billed, 0, amount(-1))) == "amount");
    BOOST_TEST(field_of(credit_note_figures(billed, 0, amount(std::numeric_limits<Money>::max()))) == "amount");
    BOOST_TEST(field_of(credit_note_figures(billed, 0, CreditNoteRequest{})) == "amount", "no choice");
    CreditNoteRequest bad_lines;
    bad_lines.lines = {0, 0};
    BOOST_TEST(field_of(credit_note_figures(billed, 0, bad_lines)) == "lines");
    bad_lines.lines = {-1};
    BOOST_TEST(field_of(credit_note_figures(billed, 0, bad_lines)) == "lines");
    Invoice voided = billed;
    voided.status = InvoiceStatus::Void;
    BOOST_TEST((credit_note_figures(voided, 0, amount(1)).error().code == ErrorCode::Conflict));
}

BOOST_AUTO_TEST_CASE(the_money_cap_does_not_overflow) {
    const Invoice huge = invoice({kMaxMoney - 100}, 100, 0);
    CreditNoteRequest full;
    full.full = true;
    const auto figures = credit_note_figures(huge, 0, full);
    BOOST_TEST_REQUIRE(figures.ok());
    BOOST_TEST(figures->amount == kMaxMoney);
    BOOST_TEST(figures->tax == 100);
    BOOST_TEST(figures->base + figures->tax == figures->amount);
}

BOOST_AUTO_TEST_SUITE_END()
