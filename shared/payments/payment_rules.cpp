#include "payments/payment_rules.hpp"

#include "core/money.hpp"

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

std::string_view to_string(AmountFit fit) {
    switch (fit) {
        case AmountFit::Exact: return "exact";
        case AmountFit::Partial: return "partial";
        case AmountFit::Overpayment: return "overpayment";
    }
    return "exact";
}

Result<PaymentPreview> preview_payment(Money total, Money paid_amount, billing::InvoiceStatus status, Money amount) {
    const PaymentOutcome outcome = TRY(apply_payment(total, paid_amount, status, amount));
    PaymentPreview preview;
    preview.outstanding = total - paid_amount;
    preview.amount = amount;
    preview.applied = outcome.applied;
    preview.remaining = total - outcome.paid_amount;
    preview.credit = outcome.credit;
    preview.fit = outcome.credit > 0 ? AmountFit::Overpayment : preview.remaining > 0 ? AmountFit::Partial : AmountFit::Exact;
    preview.status_after = outcome.status;
    return preview;
}

std::string unconfirmed_difference(const PaymentPreview& preview, std::string_view confirm) {
    if (preview.fit == AmountFit::Exact || confirm == to_string(preview.fit)) return "";
    std::string text = "sisa tagihan " + format_rupiah(preview.outstanding) + ", dibayar " + format_rupiah(preview.amount) + ": ";
    if (preview.fit == AmountFit::Partial) text += "bayar sebagian, sisa " + format_rupiah(preview.remaining);
    else text += "lunas, kelebihan " + format_rupiah(preview.credit) + " menjadi kredit pelanggan";
    return text;
}

Money credit_to_apply(Money credit_balance, Money outstanding) {
    if (credit_balance <= 0 || outstanding <= 0) return 0;
    return credit_balance < outstanding ? credit_balance : outstanding;
}

}  // namespace kimonet::payments
