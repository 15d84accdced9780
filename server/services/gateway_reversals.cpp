#include "services/gateway_reversals.hpp"

#include "services/activity_log.hpp"

namespace kimonet::services {

Result<void> flag_reversed_payment(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                   const StoredTransaction& transaction, const std::string& source) {
    const std::string word = event.status_text.empty() ? std::string(payments::to_string(event.status)) : event.status_text.substr(0, 32);
    auto payment = TRY(context.db.prepare(
        "SELECT p.id, p.receipt_no, p.amount, i.invoice_no FROM gateway_transactions t LEFT JOIN payments p ON p.id = t.payment_id "
        "LEFT JOIN invoices i ON i.id = t.invoice_id WHERE t.id = ?"));
    payment.bind(1, transaction.id);
    TRY(payment.step());
    const auto payment_id = payment.column_optional_int(0);
    const std::string receipt = payment.column_text(1), invoice_no = payment.column_text(3);
    const Money amount = payment.column_int(2);
    const std::string detail = gateway + " melaporkan " + word + " untuk pembayaran yang sudah lunas: tagihan " + invoice_no + ", kwitansi " +
                               receipt + ", Rp " + std::to_string(amount) +
                               ". Pembayaran dan status lunas dibiarkan sampai keuangan memutuskan (batalkan pembayaran bila uang kembali).";

    auto update = TRY(context.db.prepare("UPDATE gateway_transactions SET status = 'review', review_reason = ?, updated_at = ? WHERE id = ?"));
    update.bind(1, "reversed: " + word).bind(2, context.now).bind(3, transaction.id);
    TRY_VOID(update.run());
    auto finding = TRY(context.db.prepare(
        "INSERT INTO payment_reconciliation(at, gateway, order_id, gateway_transaction_id, kind, source, detail) VALUES (?,?,?,?,'refund',?,?)"));
    finding.bind(1, context.now).bind(2, gateway).bind(3, transaction.order_id).bind(4, transaction.id).bind(5, source).bind(6, detail);
    TRY_VOID(finding.run());
    return log_activity(context, "payment.gateway_reversed", "gateway_transaction", transaction.id, {{"status", "paid"}},
                        {{"status", "review"},
                         {"gateway", gateway},
                         {"gateway_status", word},
                         {"order_id", transaction.order_id},
                         {"invoice_no", invoice_no},
                         {"payment_id", payment_id ? api::Json(*payment_id) : api::Json(nullptr)},
                         {"receipt_no", receipt},
                         {"amount", amount},
                         {"source", source}});
}

}  // namespace kimonet::services
