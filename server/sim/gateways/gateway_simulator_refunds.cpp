// What happens to a settled Midtrans payment afterwards (docs.midtrans.com "Transaction Status
// Cycle": settlement → refund, partial_refund, chargeback, partial_chargeback, or deny when the
// payment provider reverses it): the transaction takes that status, the status API reports it,
// and Midtrans sends its signed notification.
//   POST /_sim/reverse/{id}?status=refund|partial_refund|chargeback|partial_chargeback|deny
#include "sim/gateways/gateway_simulator_exchange.hpp"
#include "sim/gateways/gateway_simulator_limits.hpp"

namespace kimonet::sim {

bool PaymentGatewaySimulator::reverse(const std::string& id, const std::string& status) {
    if (!is_reversal_status(status)) return false;
    SimTransaction copy;
    {
        std::lock_guard lock(m_mutex);
        auto* transaction = locate(id);
        // Only Midtrans reports these turns through its status API; only a settled payment takes them.
        if (!transaction || transaction->gateway != "midtrans" || transaction->status != "paid") return false;
        transaction->status = status;
        copy = *transaction;
    }
    queue_callbacks(copy, status, copy.paid_amount > 0 ? std::optional<Money>(copy.paid_amount) : std::nullopt);
    return true;
}

bool handle_reverse_endpoint(PaymentGatewaySimulator& simulator, PaymentGatewaySimulator::Exchange& exchange, const std::string& path) {
    if (exchange.method != "POST" || !path.starts_with("/reverse/")) return false;
    const auto status = exchange.query.find("status");
    const bool reversed = simulator.reverse(path.substr(9), status == exchange.query.end() ? "refund" : status->second);
    exchange.reply(reversed ? 200 : 404, {{"reversed", reversed}});
    return true;
}

}  // namespace kimonet::sim
