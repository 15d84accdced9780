#include "payments/payment_rules.hpp"

namespace kimonet::payments {

std::string_view to_string(PaymentMethod method) {
    switch (method) {
        case PaymentMethod::Cash: return "cash";
        case PaymentMethod::BankTransfer: return "bank_transfer";
        case PaymentMethod::Credit: return "credit";
        case PaymentMethod::Gateway: return "gateway";
    }
    return "cash";
}

std::optional<PaymentMethod> parse_payment_method(std::string_view text) {
    for (auto method : {PaymentMethod::Cash, PaymentMethod::BankTransfer, PaymentMethod::Credit, PaymentMethod::Gateway})
        if (text == to_string(method)) return method;
    return std::nullopt;
}

Result<PaymentOutcome> apply_payment(Money total, Money paid_amount, billing::InvoiceStatus status, Money amount) {
    if (amount <= 0 || amount > kMaxMoney) return validation_error({{"amount", messages::kPaymentAmountPositive}});
    if (status == billing::InvoiceStatus::Void) return make_error(ErrorCode::Conflict, messages::kInvoiceVoided);
    if (status == billing::InvoiceStatus::Paid) return make_error(ErrorCode::Conflict, messages::kInvoiceAlreadyPaid);
    const Money outstanding = total - paid_amount;
    PaymentOutcome outcome;
    outcome.applied = amount < outstanding ? amount : outstanding;
    outcome.credit = amount - outcome.applied;
    outcome.paid_amount = paid_amount + outcome.applied;
    outcome.status = billing::status_for(total, outcome.paid_amount);
    outcome.became_paid = outcome.status == billing::InvoiceStatus::Paid;
    return outcome;
}

Money credit_to_apply(Money credit_balance, Money outstanding) {
    if (credit_balance <= 0 || outstanding <= 0) return 0;
    return credit_balance < outstanding ? credit_balance : outstanding;
}

}  // namespace kimonet::payments
