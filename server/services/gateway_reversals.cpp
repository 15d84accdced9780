#include "services/gateway_reversals.hpp"

#include "services/activity_log.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::services {

Result<void> flag_reversed_payment(app::Context& context, const std::string& gateway, const gateways::GatewayEvent& event,
                                   const StoredTransaction& transaction, const std::string& source) {
    const std::string word = event.status_text.empty() ? std::string(payments::to_string(event.status)) : event.status_text.substr(0, 32);
    const store::ReversedPayment reversed = TRY(store::find_reversed_payment(context.db, transaction.id));
    const auto payment_id = reversed.payment_id;
    const std::string receipt = reversed.receipt_no, invoice_no = reversed.invoice_no;
    const Money amount = reversed.amount;
    const std::string detail = gateway + " melaporkan " + word + " untuk pembayaran yang sudah lunas: tagihan " + invoice_no + ", kwitansi " +
                               receipt + ", Rp " + std::to_string(amount) +
                               ". Pembayaran dan status lunas dibiarkan sampai keuangan memutuskan (batalkan pembayaran bila uang kembali).";

    TRY_VOID(store::set_transaction_state(context.db, transaction.id, "review", "reversed: " + word, context.now));
    TRY_VOID(store::insert_reconciliation_finding(
        context.db, store::ReconciliationFinding{context.now, gateway, transaction.order_id, transaction.id, "refund", source, detail}));
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
