#include "services/radius_isolation.hpp"

#include "network/radius_reply.hpp"
#include "radius/coa_client.hpp"
#include "services/settings.hpp"
#include "store/package_store.hpp"
#include "store/radius_store.hpp"

namespace kimonet::services {

Result<std::vector<RadiusChangeResult>> apply_radius_changes(app::Context& context, const Router& router, const std::vector<RadiusChange>& changes) {
    std::vector<RadiusChangeResult> results(changes.size());
    if (changes.empty()) return results;
    const auto nas = TRY(store::find_radius_nas(context.db, router.id, &context.secrets));
    const network::RadiusIsolirPolicy policy{TRY(get_setting(context.db, "radius_isolir_pool")), TRY(get_setting(context.db, "radius_isolir_rate_limit"))};
    const auto timeout_ms = TRY(get_setting_int(context.db, "radius_coa_timeout_ms"));
    const bool disconnect = network::dynamic_authorization_for(policy) == network::DynamicAuthorization::Disconnect;
    radius::CoaTarget target;
    if (nas) {
        target.address = nas->nas_address.empty() ? nas->router_host : nas->nas_address;
        target.port = nas->coa_port;
        target.secret = nas->secret;
    }
    target.timeout = std::chrono::milliseconds(timeout_ms);
    for (std::size_t index = 0; index < changes.size(); ++index) {
        const Customer& customer = changes[index].customer;
        RadiusChangeResult& result = results[index];
        if (!nas || !nas->has_secret) {
            result.detail = "no RADIUS secret for this router (PUT /api/routers/{id}/radius)";
            continue;
        }
        std::vector<radius::Attribute> attributes{radius::string_attribute(radius::kUserName, customer.pppoe_username)};
        // The session the NAS knows, from accounting: MikroTik matches on User-Name and Acct-Session-Id.
        const auto open = TRY(store::open_radius_sessions(context.db, customer.id));
        if (!open.empty() && open.front().nas_address == target.address)
            attributes.push_back(radius::string_attribute(radius::kAcctSessionId, open.front().acct_session_id));
        // RFC 5176 §3.4: Event-Timestamp lets the NAS refuse a replayed request (Error-Cause 404 when outside its window).
        attributes.push_back(radius::integer_attribute(radius::kEventTimestamp, static_cast<std::uint32_t>(context.now)));
        radius::Code code = radius::Code::DisconnectRequest;
        result.sent = "Disconnect-Request";
        if (!disconnect) {
            code = radius::Code::CoaRequest;
            std::string rate = policy.rate_limit;
            if (!changes[index].isolate || rate.empty()) {
                const auto package = TRY(store::find_package(context.db, customer.package_id));
                rate = package ? network::mikrotik_rate_limit(package->upload_kbps, package->download_kbps) : std::string();
            }
            attributes.push_back(radius::vendor_attribute(radius::kMikrotikVendor, radius::kMikrotikRateLimit, rate));
            result.sent = "CoA-Request Mikrotik-Rate-Limit=" + rate;
        }
        const auto answer = radius::send_coa(target, code, attributes);
        result.detail = answer.detail;
        result.ok = answer.answer == radius::CoaAnswer::Ack || (answer.answer == radius::CoaAnswer::Nak && answer.error_cause == 503);
    }
    return results;
}

}  // namespace kimonet::services
