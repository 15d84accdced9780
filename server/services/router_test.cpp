#include "services/router_test.hpp"

#include "app/ports.hpp"
#include "services/network_service.hpp"

namespace kimonet::services {

api::Json to_json(const network::TransportDiagnosis& diagnosis) {
    return {{"transport", diagnosis.transport}, {"endpoint", diagnosis.endpoint}, {"works", diagnosis.works},
            {"problem", std::string(network::to_string(diagnosis.problem))}, {"message", diagnosis.message},
            {"version", diagnosis.version}, {"missing_policies", diagnosis.missing_policies}};
}

api::Json to_json(const RouterTest& test) {
    api::Json transports = api::Json::array();
    for (const auto& diagnosis : test.transports) transports.push_back(to_json(diagnosis));
    return {{"version", test.version},   {"uptime", test.uptime},       {"board_name", test.board_name}, {"cpu_load", test.cpu_load},
            {"free_memory", test.free_memory}, {"transport", test.transport}, {"transports", std::move(transports)}};
}

static ErrorCode code_of(network::RouterProblem problem) {
    switch (problem) {
        case network::RouterProblem::CannotResolve:
        case network::RouterProblem::PortClosed:
        case network::RouterProblem::NoAnswer:
        case network::RouterProblem::ConnectionReset: return ErrorCode::Unavailable;
        default: return ErrorCode::BadGateway;
    }
}

Result<RouterTest> test_router(app::Context& context, std::int64_t router_id) {
    auto examination = TRY(examine_router(context, router_id));
    if (examination.failure) return std::move(*examination.failure);
    return std::move(examination.test);
}

Result<RouterExamination> examine_router(app::Context& context, std::int64_t router_id) {
    const Router router = TRY(router_with_password(context, router_id));
    RouterExamination examination;
    RouterTest& test = examination.test;
    if (!context.ports.router_diagnostics) {  // a deployment (or test) without diagnostics: the configured adapter's word
        auto status = context.ports.router_control(router, {})->test();
        if (!status) examination.failure = status.error();
        else static_cast<network::RouterStatus&>(test) = std::move(status).value();
        test.transport = router.api_mode;
        return examination;
    }
    test.transports = context.ports.router_diagnostics(router, {});
    const network::TransportDiagnosis* chosen = nullptr;
    for (const auto& diagnosis : test.transports) {
        const bool named = router.api_mode == "auto" || diagnosis.transport == router.api_mode;
        if (named && diagnosis.works) {
            chosen = &diagnosis;
            break;
        }
    }
    if (!chosen) {
        std::string message;
        ErrorCode code = ErrorCode::BadGateway;
        for (const auto& diagnosis : test.transports) {
            if (router.api_mode != "auto" && diagnosis.transport != router.api_mode) continue;
            if (message.empty()) {
                message = diagnosis.message;
                code = code_of(diagnosis.problem);
            } else {
                message += "; " + diagnosis.transport + ": " + diagnosis.message;
            }
        }
        Error error = make_error(code, message.empty() ? std::string(messages::kDiagnosisFailed) : message);
        // Every interface's verdict rides along, so the operator sees what does work (e.g. REST
        // when the binary API is closed) and why each one does not.
        for (const auto& diagnosis : test.transports) error.fields[diagnosis.transport] = diagnosis.message;
        examination.failure = std::move(error);
        return examination;
    }
    test.transport = chosen->transport;
    Router pinned = router;
    pinned.api_mode = chosen->transport;
    auto status = context.ports.router_control(pinned, {})->test();
    if (!status) examination.failure = status.error();
    else static_cast<network::RouterStatus&>(test) = std::move(status).value();
    return examination;
}

}  // namespace kimonet::services
