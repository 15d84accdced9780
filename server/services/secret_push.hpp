#pragma once
// Pushing a customer's PPP secret (name, password, profile, service pppoe) to their router, for
// routers with push_secrets on. A customer write queues a 'push_secret' network action in its own
// transaction; process_pending_network_actions (the network worker in `kimonet serve`) carries it
// out and, while the router is unreachable, keeps it pending with backoff. The profile is worked
// out when the push runs, from the customer as they are then: the package's MikroTik profile, or
// the router's isolir profile when isolated; inactive/terminated customers' secrets are disabled.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "customers/customer.hpp"

namespace kimonet::services {

// Inside the caller's transaction: queues a push of the customer's secret when their router has
// push_secrets on, superseding older pending pushes of theirs. nullopt when nothing is to be pushed.
Result<std::optional<std::int64_t>> queue_secret_push(app::Context& context, const Customer& customer, const std::string& reason);

struct SecretPush {
    std::int64_t action_id = 0;  // the network_actions row
    std::int64_t customer_id = 0;
    int attempts = 0;  // attempts already made
};

struct SecretPushOutcome {
    std::int64_t action_id = 0;
    std::int64_t customer_id = 0;
    std::int64_t router_id = 0;
    std::string result;  // "applied", "unchanged", "pending" (retried later), "failed" (never retried)
    std::string profile;
    int kicked = 0;
    std::string detail;
};

// Carries out the pushes and records each outcome on its network_actions row.
Result<std::vector<SecretPushOutcome>> carry_out_secret_pushes(app::Context& context, const std::vector<SecretPush>& pushes);

}  // namespace kimonet::services
