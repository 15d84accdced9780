#include "services/gateway_callback_records.hpp"

#include "gateways/gateway_callback_log.hpp"
#include "store/callback_apply_store.hpp"
#include "store/gateway_store.hpp"

#include <algorithm>
#include <vector>

namespace kimonet::services {

namespace {

// The outcomes stored as digests: disbelieved (gateway_callback_verify.cpp) or changing nothing.
const std::vector<std::string>& digest_outcomes() {
    static const std::vector<std::string> outcomes{"rejected", "unknown_order", "unavailable", "duplicate", "ignored", "unconfirmed"};
    return outcomes;
}

Result<std::int64_t> insert_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                     const std::string& body, const std::string& outcome, const std::string& detail,
                                     const std::string& order_id) {
    return store::insert_gateway_callback(
        context.db, store::CallbackRecord{gateway, context.now, context.actor.ip.substr(0, 64), content_type.substr(0, 128), body, outcome, detail,
                                          order_id});
}

}  // namespace

bool logged_as_digest(const std::string& outcome) {
    return std::find(digest_outcomes().begin(), digest_outcomes().end(), outcome) != digest_outcomes().end();
}

Result<std::optional<StoredTransaction>> find_for_event(store::Database& db, const std::string& gateway, const gateways::GatewayEvent& event) {
    const bool by_reference = event.order_id.empty();
    return store::find_transaction_for_event(db, gateway, by_reference, by_reference ? event.reference : event.order_id);
}

Result<std::int64_t> store_callback(app::Context& context, const std::string& gateway, const std::string& content_type,
                                    const std::string& body, const std::string& outcome, const std::string& detail,
                                    const std::string& order_id) {
    // Whole callbacks change something (never replays): in a callback batch, written with the batch's others.
    return store::insert_gateway_callback_or_gather(
        context.db, store::CallbackRecord{gateway, context.now, context.actor.ip.substr(0, 64), content_type.substr(0, 128),
                                          gateways::redact_credentials(body), outcome, detail, order_id});
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
        TRY_VOID(store::prune_gateway_callbacks(context.db, digest_outcomes(), kKeptDigests));
    }
    return id;
}

}  // namespace kimonet::services
