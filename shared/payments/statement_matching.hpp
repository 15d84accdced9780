#pragma once
// Which open invoice a bank statement credit pays (issue 20). Pure: the server hands in the open
// invoices and carries out the decisions.
//
// The rules, strongest first; a line is paid automatically only when exactly one invoice is named
// and the amount fits it (the outstanding amount, or the outstanding amount plus its unique code):
// 1. the amount equals one coded open invoice's transfer amount (outstanding + unique code);
// 2. the description names an open invoice's number ("INV-202601-00001", also "INV20260100001" and
//    "INV 202601 00001": banks drop punctuation);
// 3. the description names a customer's nomor layanan and one of their open invoices fits the amount.
// Two or more invoices named (a unique amount and another invoice's number — whether or not the
// amount fits that one —, two invoice numbers, two fitting invoices of one customer) → review. A named invoice whose amount does not fit →
// review with that invoice suggested. Otherwise the customer's name in the description is only a
// suggestion, never paid automatically. Lines with cents are never matched automatically.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "payments/bank_statement.hpp"

namespace kimonet::payments {

struct OpenInvoice {
    std::int64_t id = 0;
    std::string invoice_no;
    std::int64_t customer_id = 0;
    std::string service_number;
    std::string customer_name;
    Money outstanding = 0;
    Money unique_code = 0;
};

enum class MatchRule { None, UniqueAmount, InvoiceNumber, ServiceNumber, Name, Manual };
std::string_view to_string(MatchRule rule);  // "", "unique_amount", "invoice_number", "service_number", "name", "manual"

// Why a line waits for a person.
enum class ReviewReason { None, NoMatch, Ambiguous, AmountDiffers, NameOnly, Cents, EditedDuplicate };
std::string_view to_string(ReviewReason reason);  // "", "no_match", "ambiguous", "amount_differs", "name_only", "cents", "edited_duplicate"

struct MatchDecision {
    std::optional<std::int64_t> pay_invoice_id;  // paid automatically
    MatchRule rule = MatchRule::None;
    std::optional<std::int64_t> suggested_invoice_id;  // for the review screen
    ReviewReason reason = ReviewReason::None;
};

class StatementMatcher {
public:
    explicit StatementMatcher(std::vector<OpenInvoice> invoices);
    MatchDecision match(const StatementLine& line) const;
    // A payment of `amount` was recorded: the invoice's outstanding amount shrinks (closed at 0),
    // so a second line cannot pay it again.
    void record_payment(std::int64_t invoice_id, Money amount);

private:
    bool fits(const OpenInvoice& invoice, Money amount) const;
    std::vector<std::size_t> named_in(const std::vector<std::string>& tokens, bool by_invoice_number) const;
    std::optional<std::size_t> name_suggestion(const std::vector<std::string>& words) const;

    std::vector<OpenInvoice> m_invoices;
    std::unordered_map<Money, std::vector<std::size_t>> m_by_transfer_amount;
    std::unordered_map<std::string, std::size_t> m_by_invoice_number;  // alphanumerics only, upper case
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_service_number;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_name_word;  // first word of the name
    std::unordered_map<std::int64_t, std::size_t> m_by_id;
};

}  // namespace kimonet::payments
