// The first half of a callback, in parallel on the caller's own connection and outside any write
// transaction: check its signature, find our transaction, and — because no gateway signs every
// field — ask the gateway's own status API before any status change is believed. What comes out
// is the gateway's word, not the callback's. Callbacks we do not believe are logged as bounded
// digests within a per-source and global budget.
#include <chrono>
#include <semaphore>

#include "app/ports.hpp"
#include "services/activity_log.hpp"
#include "services/callback_budget_shared.hpp"
#include "services/gateway_callback_records.hpp"
#include "services/gateway_payments.hpp"
#include "store/settings_store.hpp"

namespace kimonet::services {

namespace {

// Stores the digest of a callback we did not believe (if the budget allows) and returns `error`;
// over budget nothing is written and the answer is 429.
Error disbelieve(app::Context& context, CallbackRejectionBudget* budget, const std::string& gateway, const std::string& content_type,
                 const std::string& body, const std::string& outcome, Error error) {
    if (budget && !allow_rejection(*budget, context.db, context.actor.ip, context.now)) {
        if (error.code == ErrorCode::BadGateway) return error;  // still "try again later", just not written down
        return make_error(ErrorCode::RateLimited, messages::with_detail(messages::kTooManyRejectedCallbacks,
                                                                            std::to_string(budget->retry_after_seconds(context.now))));
    }
    auto stored = context.db.transaction([&]() -> Result<void> {
        const std::int64_t id = TRY(store_callback_digest(context, gateway, content_type, body, outcome, error.message()));
        return log_activity(context, "payment.callback_" + outcome, "gateway_callback", id, nullptr,
                            {{"gateway", gateway}, {"reason", error.message().substr(0, 200)}, {"ip", context.actor.ip}});
    });
    if (!stored) return stored.error();
    return error;
}

// At most this many HTTP workers (of the 16) wait on a gateway's status API at once; a callback that finds
// them all busy for kConfirmationQueueWait is answered 502 (the gateway retries), so a slow
// gateway, or replays of a captured callback, never hold every worker.
constexpr int kMaxConcurrentConfirmations = 12;
constexpr auto kConfirmationQueueWait = std::chrono::milliseconds(200);
std::counting_semaphore<kMaxConcurrentConfirmations> g_confirmations{kMaxConcurrentConfirmations};

// Asks the gateway where `transaction` stands and makes that the event: status, amount and the
// gateway's transaction id come from the status API; the callback's claim is kept beside them.
Result<void> confirm_with_gateway(app::Context& context, const std::string& gateway, const StoredTransaction& transaction,
                                  gateways::GatewayEvent& event) {
    if (!g_confirmations.try_acquire_for(kConfirmationQueueWait))
        return make_error(ErrorCode::BadGateway, messages::kTooManyStatusChecks);
    struct Slot {
        ~Slot() { g_confirmations.release(); }
    } slot;
    const auto config = TRY(gateways::load_status_config(context.db, context.secrets, gateway));
    auto adapter = context.ports.payment_gateway(config);
    if (!adapter) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kUnknownGateway, gateway));
    const gateways::StatusAnswer answer = TRY(adapter->query_status(transaction.order_id, transaction.reference));
    if (answer.status == payments::GatewayStatus::Paid && !answer.amount)
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kPaidWithoutAmount, gateway));
    event.claimed_status = event.status;
    event.confirmed = true;
    event.status = answer.status;
    event.status_text = answer.status_text;
    event.amount = answer.amount;
    event.currency = answer.currency;
    if (!answer.transaction_id.empty()) event.transaction_id = answer.transaction_id;
    return success();
}

}  // namespace

Result<VerifiedCallback> verify_gateway_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                                 const std::string& body, CallbackRejectionBudget* budget, bool ask_status_api) {
    if (!payments::is_known_gateway(gateway)) return make_error(ErrorCode::NotFound);
    // Not one of the gateway's own posts: refused before anything is read or written.
    TRY_VOID(gateways::check_callback_content_type(gateway, content_type));
    // The settings verifying may read (with the status API: four to six), in one statement rather than one each.
    const store::SettingsReadAhead settings_ahead(context.db, ask_status_api ? gateways::status_config_setting_keys(gateway)
                                                                             : gateways::callback_config_setting_keys(gateway));
    const auto config = TRY(gateways::load_callback_config(context.db, context.secrets, gateway));
    auto event = gateways::verify_callback(config, body);
    if (!event) return disbelieve(context, budget, gateway, content_type, body, "rejected", event.error());

    VerifiedCallback verified;
    verified.event = std::move(*event);
    const auto transaction = TRY(find_for_event(context.db, gateway, verified.event));
    if (!transaction) {
        // Signed, but not ours (another shop on the same account, or a replay): a digest, and 200
        // so the gateway stops; nothing to apply.
        const Error unknown = make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownOrder, (verified.event.order_id + verified.event.reference).substr(0, 64)));
        const Error answered = disbelieve(context, budget, gateway, content_type, body, "unknown_order", unknown);
        if (answered.code != ErrorCode::NotFound) return answered;
        verified.answered = CallbackOutcome{0, "unknown_order", std::nullopt, verified.event.order_id + verified.event.reference};
        return verified;
    }
    // Only a callback that would change something is worth a question to the gateway; replays of
    // what is already recorded (and "still pending") are answered from our own state.
    if (payments::decide_transaction_action(transaction->state, verified.event.status) == payments::TransactionAction::Ignore) return verified;
    if (!ask_status_api) {
        verified.to_confirm = true;
        return verified;
    }
    if (auto confirmed = confirm_with_gateway(context, gateway, *transaction, verified.event); !confirmed) {
        // The gateway cannot tell us now: not 2xx, so it sends the callback again; the attempt
        // stays pending and reconciliation asks again later.
        return disbelieve(context, budget, gateway, content_type, body, "unavailable",
                          make_error(ErrorCode::BadGateway, messages::with_detail(messages::kStatusNotConfirmed, gateway + ": " + confirmed.error().message())));
    }
    return verified;
}

}  // namespace kimonet::services
