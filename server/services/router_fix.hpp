#pragma once
// `kimonet mikrotik test --fix`: what the router test finds that Kimonet can put right itself.
// 1. The configured interface (api_mode) does not work but the other one does (the API service
//    is off while REST answers, or the reverse): switch api_mode to the one that works.
// 2. The firewall rules isolation by address list needs (services/isolation_rules.hpp).
// Without `apply` it only reports; the CLI prints either way.
#include <optional>
#include <string>
#include <vector>

#include "services/isolation_rules.hpp"
#include "services/router_test.hpp"

namespace kimonet::services {

struct RouterFixOptions {
    bool apply = false;
    std::string billing_address;  // --billing-address (IP[:port]); empty = from public_base_url
};

struct RouterFix {
    RouterExamination examination;  // the test, after the switch when there was one
    std::string mode_before;
    std::string working_mode;       // the interface that works when the configured one does not; "" otherwise
    bool mode_switched = false;
    std::vector<IsolationRuleState> rules;  // empty when the router could not be reached
    std::optional<Error> rules_problem;     // why the rules could not be checked or added
};

Result<RouterFix> fix_router(app::Context& context, std::int64_t router_id, const RouterFixOptions& options);

}  // namespace kimonet::services
