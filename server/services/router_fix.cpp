#include "services/router_fix.hpp"

#include "app/ports.hpp"
#include "services/network_service.hpp"
#include "services/router_service.hpp"

namespace kimonet::services {

namespace {

// The interface that answered when the configured one (api or rest; "auto" tries both itself) did not.
std::string other_working_mode(const Router& router, const RouterExamination& examination) {
    if (!examination.failure || router.api_mode == "auto") return {};
    for (const auto& diagnosis : examination.test.transports)
        if (diagnosis.works && diagnosis.transport != router.api_mode) return diagnosis.transport;
    return {};
}

}  // namespace

Result<RouterFix> fix_router(app::Context& context, std::int64_t router_id, const RouterFixOptions& options) {
    RouterFix fix;
    Router router = TRY(router_with_password(context, router_id));
    fix.mode_before = router.api_mode;
    fix.examination = TRY(examine_router(context, router_id));
    fix.working_mode = other_working_mode(router, fix.examination);
    if (options.apply && !fix.working_mode.empty()) {
        // Through the one update path (validation, audit log). The password goes with it: the
        // destination rule asks for it, and the test has just logged in with it over that interface.
        TRY(update_router(context, router_id, api::Json{{"api_mode", fix.working_mode}, {"password", router.password}}));
        fix.mode_switched = true;
        router = TRY(router_with_password(context, router_id));
        fix.examination = TRY(examine_router(context, router_id));
    }
    if (fix.examination.failure) return fix;
    auto billing = billing_endpoint(context, options.billing_address);
    if (!billing) {
        fix.rules_problem = billing.error();
        return fix;
    }
    Router pinned = router;
    pinned.api_mode = fix.examination.test.transport.empty() ? router.api_mode : fix.examination.test.transport;
    // No firewall port, or an adapter without a firewall (a test's fake router): nothing to check.
    auto firewall = context.ports.firewall_control ? context.ports.firewall_control(pinned, {}) : nullptr;
    if (!firewall) return fix;
    auto rules = ensure_isolation_rules(*firewall, *billing, options.apply);
    if (rules) fix.rules = std::move(rules).value();
    else fix.rules_problem = rules.error();
    return fix;
}

}  // namespace kimonet::services
