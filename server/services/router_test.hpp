#pragma once
// The router test of `kimonet mikrotik test` and the router page's test button (one function):
// both RouterOS interfaces diagnosed (binary API and REST), the configured one's status read.
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "network/router_control.hpp"
#include "network/router_diagnosis.hpp"

namespace kimonet::services {

struct RouterTest : network::RouterStatus {
    std::string transport;  // the interface that answered: "api" or "rest"
    std::vector<network::TransportDiagnosis> transports;  // each interface, and why it does or does not work
};
api::Json to_json(const network::TransportDiagnosis& diagnosis);
api::Json to_json(const RouterTest& test);

// The test's whole finding: the diagnoses of both interfaces even when the configured one fails
// (`failure` is then what test_router returns). Errors only for an unknown router or the database.
struct RouterExamination {
    RouterTest test;
    std::optional<Error> failure;
};
Result<RouterExamination> examine_router(app::Context& context, std::int64_t router_id);

// Fails when the interface the router's api_mode names (for "auto": either) does not work; the
// error's message is that interface's diagnosis (for "auto" both), never the password.
Result<RouterTest> test_router(app::Context& context, std::int64_t router_id);

}  // namespace kimonet::services
