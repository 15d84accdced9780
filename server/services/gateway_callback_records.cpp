#include "services/gateway_callback_records.hpp"

#include "gateways/gateway_callback_log.hpp"

namespace kimonet::services {

namespace {

// The outcomes stored as digests: disbelieved (gateway_callback_verify.cpp) or changing nothing.
constexpr const char* kDigestOutcomes = "('rejected','unknown_order','unavailable','duplicate','ignored','unconfirmed')";

Result<std::int64_t> insert_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                     const std::string& body, const std::string& outcome, const std::string& detail,
                                     const std::string& order_id) {
    auto insert = TRY(context.db.prepare(
        "INSERT INTO gateway_callbacks(gateway, received_at, remote_ip, content_type, body, outcome, detail, order_id) VALUES (?,?,?,?,?,?,?,?)"));
    insert.bind(1, gateway).bind(2, context.now).bind(3, context.actor.ip.substr(0, 64)).bind(4, content_type.substr(0, 128)).bind(5, body);
    insert.bind(6, outcome).bind(7, detail).bind(8, order_id);
    TRY_VOID(insert.run());
    return context.db.last_insert_id();
}

}  // namespace

bool logged_as_digest(const std::string& outcome) {
    return outcome == "rejected" || outcome == "unknown_order" || outcome == "unavailable" || outcome == "duplicate" || outcome == "ignored" ||
           outcome == "unconfirmed";
}

Result<std::optional<StoredTransaction>> find_for_event(store::Database& db, const std::string& gateway, const gateways::GatewayEvent& event) {
    const bool by_reference = event.order_id.empty();
    auto statement = TRY(db.prepare(std::string("SELECT id, order_id, invoice_id, customer_id, method, amount, fee, status, transaction_id, reference "
                                                "FROM gateway_transactions WHERE gateway = ? AND ") +
                                    (by_reference ? "reference = ?" : "order_id = ?") + " ORDER BY id DESC LIMIT 1"));
    statement.bind(1, gateway).bind(2, by_reference ? event.reference : event.order_id);
    if (!TRY(statement.step())) return std::optional<StoredTransaction>();
    StoredTransaction found;
    found.id = statement.column_int(0);
    found.order_id = statement.column_text(1);
    found.invoice_id = statement.column_int(2);
    found.customer_id = statement.column_int(3);
    found.method = statement.column_text(4);
    found.amount = statement.column_int(5);
    found.fee = statement.column_int(6);
    found.state = payments::parse_transaction_state(statement.column_text(7)).value_or(payments::TransactionState::Review);
    found.transaction_id = statement.column_text(8);
    found.reference = statement.column_text(9);
    return std::optional<StoredTransaction>(found);
}

Result<std::int64_t> store_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                    const std::string& body, const std::string& outcome, const std::string& detail,
                                    const std::string& order_id) {
    return insert_callback(context, gateway, content_type, gateways::redact_credentials(body), outcome, detail, order_id);
}

Result<std::int64_t> store_callback_digest(app::Context& context, const std::string& gateway, const std::string& content_type,
                                           const std::string& body, const std::string& outcome, const std::string& reason,
                                           const std::string& order_id) {
    const gateways::CallbackDigest digest = gateways::digest_callback(body);
    const std::string detail = (reason.empty() ? std::string() : reason.substr(0, 200) + " ") + "(sha256 " + digest.sha256 + ", " +
                               std::to_string(digest.size) + " bytes)";
    const std::int64_t id = TRY(insert_callback(context, gateway, content_type, digest.prefix, outcome, detail, order_id.substr(0, 64)));
    // Now and then, forget all but the newest digests: whatever the rate limits let through over
    // months, the log of disbelieved callbacks stays a few hundred kilobytes.
    if (id % 64 == 0) {
        auto prune = TRY(context.db.prepare(std::string("DELETE FROM gateway_callbacks WHERE outcome IN ") + kDigestOutcomes +
                                            " AND id < (SELECT id FROM gateway_callbacks WHERE outcome IN " + kDigestOutcomes +
                                            " ORDER BY id DESC LIMIT 1 OFFSET ?)"));
        prune.bind(1, kKeptDigests - 1);
        TRY_VOID(prune.run());
    }
    return id;
}

}  // namespace kimonet::services
