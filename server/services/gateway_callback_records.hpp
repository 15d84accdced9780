#pragma once
// Internal to the callback service (gateway_callback_service.cpp, gateway_callback_verify.cpp):
// our row of a gateway transaction, and the raw callback log. A callback we believed is kept
// whole (credentials redacted) for audit; one we did not is kept as a bounded digest.
#include <optional>
#include <string>

#include "app/context.hpp"
#include "gateways/gateway_callbacks.hpp"
#include "store/gateway_store.hpp"

namespace kimonet::services {

// Our row of a gateway transaction (store/gateway_store.hpp).
using StoredTransaction = store::StoredTransaction;

// The transaction a callback names: Flip by bill_link_id (reference), the others by our order id.
Result<std::optional<StoredTransaction>> find_for_event(store::Database& db, const std::string& gateway, const gateways::GatewayEvent& event);

// A believed callback: the whole body, credentials redacted. Returns its id; 0 inside a
// CallbackGroupCommit batch, which writes its callbacks together just before COMMIT.
Result<std::int64_t> store_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                    const std::string& body, const std::string& outcome, const std::string& detail,
                                    const std::string& order_id = {});
// One we did not believe, or one that changed nothing (a replay, a claim the status API
// contradicted): gateway, source, reason, sha256, size and the first 256 bytes only (redacted).
// Only the newest kKeptDigests such rows are kept.
Result<std::int64_t> store_callback_digest(app::Context& context, const std::string& gateway, const std::string& content_type,
                                           const std::string& body, const std::string& outcome, const std::string& reason,
                                           const std::string& order_id = {});
// Whether a callback with this outcome is logged as a digest rather than whole.
bool logged_as_digest(const std::string& outcome);
inline constexpr int kKeptDigests = 1000;

}  // namespace kimonet::services
