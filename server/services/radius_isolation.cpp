#include "services/radius_isolation.hpp"

#include "app/ports.hpp"
#include "services/settings.hpp"
#include "store/package_store.hpp"
#include "store/radius_store.hpp"

namespace kimonet::services {

Result<network::RadiusIsolirPolicy> radius_isolir_policy(store::Database& db) {
    return network::RadiusIsolirPolicy{TRY(get_setting(db, "radius_isolir_pool")), TRY(get_setting(db, "radius_isolir_rate_limit"))};
}

std::string radius_expected_rate_limit(bool isolated, std::int64_t upload_kbps, std::int64_t download_kbps, const network::RadiusIsolirPolicy& policy) {
    for (const auto& [name, value] : network::radius_reply_attributes(isolated, upload_kbps, download_kbps, "", policy).reply)
        if (name == "Mikrotik-Rate-Limit") return value;
    return {};
}

Result<std::vector<RadiusChangeResult>> apply_radius_changes(app::Context& context, const Router& router, const std::vector<RadiusChange>& changes) {
    std::vector<RadiusChangeResult> results(changes.size());
    if (changes.empty()) return results;
    const auto nas = TRY(store::find_radius_nas(context.db, router.id, &context.secrets));
    const network::RadiusIsolirPolicy policy = TRY(radius_isolir_policy(context.db));
    const auto timeout_ms = TRY(get_setting_int(context.db, "radius_coa_timeout_ms"));
    const bool disconnect = network::dynamic_authorization_for(policy) == network::DynamicAuthorization::Disconnect;
    radius::CoaTarget target;
    if (nas) {
        target.address = nas->nas_address.empty() ? nas->router_host : nas->nas_address;
        target.port = nas->coa_port;
        target.secret = nas->secret;
    }
    target.timeout = std::chrono::milliseconds(timeout_ms);
    std::vector<std::optional<store::RadiusCoaOutcome>> outcomes(changes.size());
    for (std::size_t index = 0; index < changes.size(); ++index) {
        const Customer& customer = changes[index].customer;
        RadiusChangeResult& result = results[index];
        if (!nas || !nas->has_secret) {
            result.detail = "no RADIUS secret for this router (PUT /api/routers/{id}/radius)";
            continue;
        }
        if (!context.ports.dynamic_authorization) {
            result.detail = "no Dynamic Authorization port";
            continue;
        }
        std::vector<radius::Attribute> attributes{radius::string_attribute(radius::kUserName, customer.pppoe_username)};
        // The session the NAS knows, from accounting: MikroTik matches on User-Name and Acct-Session-Id.
        const auto open = TRY(store::open_radius_sessions(context.db, customer.id));
        if (!open.empty() && open.front().nas_address == target.address)
            attributes.push_back(radius::string_attribute(radius::kAcctSessionId, open.front().acct_session_id));
        // RFC 5176 §3.4: Event-Timestamp lets the NAS refuse a replayed request (Error-Cause 404 when outside its window).
        attributes.push_back(radius::integer_attribute(radius::kEventTimestamp, static_cast<std::uint32_t>(context.now)));
        const auto package = TRY(store::find_package(context.db, customer.package_id));
        const std::string rate = package ? radius_expected_rate_limit(changes[index].isolate, package->upload_kbps, package->download_kbps, policy)
                                         : std::string();
        radius::Code code = radius::Code::DisconnectRequest;
        result.sent = "Disconnect-Request";
        if (!disconnect || changes[index].rate_only) {
            code = radius::Code::CoaRequest;
            attributes.push_back(radius::vendor_attribute(radius::kMikrotikVendor, radius::kMikrotikRateLimit, rate));
            result.sent = "CoA-Request Mikrotik-Rate-Limit=" + rate;
        }
        const auto answer = context.ports.dynamic_authorization(target, code, attributes);
        result.detail = answer.detail;
        result.unanswered = answer.answer == radius::CoaAnswer::Timeout;
        result.ok = answer.answer == radius::CoaAnswer::Ack || (answer.answer == radius::CoaAnswer::Nak && answer.error_cause == 503);
        store::RadiusCoaOutcome outcome;
        outcome.applied = result.ok;
        outcome.result = result.ok                                     ? "ack"
                         : answer.answer == radius::CoaAnswer::Nak     ? "nak"
                         : answer.answer == radius::CoaAnswer::Timeout ? "timeout"
                                                                       : "error";
        outcome.state = changes[index].isolate ? "isolated" : "normal";
        outcome.rate_limit = rate;
        outcome.applied_by = code == radius::Code::CoaRequest ? "coa" : "disconnect";
        outcome.detail = answer.detail;
        outcomes[index] = std::move(outcome);
    }
    // What each session now applies (or that its last request was not acknowledged): the drift check reads it.
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (std::size_t index = 0; index < changes.size(); ++index)
            if (outcomes[index]) TRY_VOID(store::record_radius_coa(context.db, changes[index].customer.id, target.address, *outcomes[index], context.now));
        return {};
    }));
    return results;
}

}  // namespace kimonet::services
