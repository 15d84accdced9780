#include "routeros/router_diagnostics.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <sstream>

namespace kimonet::routeros {

namespace {

using network::RouterProblem;
using network::TransportDiagnosis;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The detail after the catalogue text ("cannot connect: 127.0.0.1:1: connection refused" → the rest).
std::string detail_of(const std::string& message, const char* fixed) {
    const std::string prefix = std::string(fixed) + std::string(messages::kDetailSeparator);
    return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

TransportDiagnosis diagnosis(std::string transport, std::string endpoint) {
    TransportDiagnosis out;
    out.transport = std::move(transport);
    out.endpoint = std::move(endpoint);
    return out;
}

TransportDiagnosis& verdict(TransportDiagnosis& out, RouterProblem problem, const char* fixed, const std::string& detail) {
    out.problem = problem;
    out.works = problem == RouterProblem::None;
    out.message = messages::with_detail(fixed, detail);
    return out;
}

// Does a plain binary-API peer answer here? Sends one command without logging in (no credentials);
// any well-formed reply (RouterOS answers "!fatal not logged in") proves the port speaks plain API.
bool answers_plain_api(const std::string& host, int port, std::chrono::milliseconds timeout) {
    auto stream = Stream::connect(host, port, false, timeout);
    if (!stream) return false;
    std::string out;
    append_word(out, "/system/resource/print");
    out.push_back('\0');
    if (!stream->write_all(out)) return false;
    SentenceDecoder decoder;
    const auto deadline = Clock::now() + timeout;
    char buffer[4096];
    while (Clock::now() < deadline) {
        auto received = stream->read_some(buffer, sizeof buffer, deadline);
        if (!received || *received == 0) return false;
        decoder.feed(std::string_view(buffer, *received));
        auto sentence = decoder.next();
        if (!sentence) return false;
        if (*sentence) return parse_reply(**sentence).ok();
    }
    return false;
}

// Does the service accept and then at once reset (or close) without a word of ours? A TLS or API
// server that works waits for the client to speak first, so it sends nothing until the deadline.
bool resets_at_once(const std::string& host, int port, std::chrono::milliseconds timeout) {
    // The reset shows as an end of stream or as ECONNRESET, on connect or on the first read,
    // whichever the kernel reports first.
    auto stream = Stream::connect(host, port, false, timeout);
    if (!stream) return contains(stream.error().message(), "reset");
    char byte = 0;
    auto received = stream->read_some(&byte, 1, Clock::now() + timeout);
    if (!received) return contains(received.error().message(), "reset");
    return *received == 0;
}

// Does a TLS server complete a handshake here? (No bytes of ours follow the handshake.)
bool completes_tls_handshake(const std::string& host, int port, std::chrono::milliseconds timeout) {
    return Stream::connect(host, port, true, timeout).ok();
}

std::vector<std::string> split_policies(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

}  // namespace

std::vector<std::string> missing_policies(const std::string& granted, const std::vector<std::string>& needed) {
    const auto have = split_policies(granted);
    std::vector<std::string> missing;
    for (const auto& policy : needed)
        if (std::find(have.begin(), have.end(), policy) == have.end()) missing.push_back(policy);
    return missing;
}

TransportDiagnosis diagnose_api(const Router& router, const ClientOptions& options) {
    const std::string where = router.host + ":" + std::to_string(router.port);
    TransportDiagnosis out = diagnosis("api", where + (router.tls ? " api-ssl" : " api"));
    auto client = Client::connect(Endpoint{router.host, router.port, router.tls, router.username, router.password}, options);
    if (!client) {
        const std::string message = client.error().message();
        if (message.starts_with(messages::kCannotResolveHost)) return verdict(out, RouterProblem::CannotResolve, messages::kCannotResolveHost, where);
        if (message.starts_with(messages::kCannotConnect)) {
            if (contains(message, "connection refused"))
                return verdict(out, RouterProblem::PortClosed, messages::kDiagnosisPortClosed, detail_of(message, messages::kCannotConnect));
            if (contains(message, "timeout") || contains(message, "timed out")) return verdict(out, RouterProblem::NoAnswer, messages::kDiagnosisNoAnswer, where);
            // The reset can arrive before connect() reports success (ECONNRESET from SO_ERROR).
            if (contains(message, "reset")) return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
            return verdict(out, RouterProblem::Failed, messages::kDiagnosisFailed, detail_of(message, messages::kCannotConnect));
        }
        if (message.starts_with(messages::kRouterLoginRejected)) {
            if (contains(message, "not enough permissions")) {
                out.missing_policies = {"api"};
                return verdict(out, RouterProblem::MissingPolicy, messages::kDiagnosisMissingPolicy, "api");
            }
            return verdict(out, RouterProblem::BadCredentials, messages::kDiagnosisBadCredentials, detail_of(message, messages::kRouterLoginRejected));
        }
        if (router.tls && (message.starts_with(messages::kTlsHandshakeFailed) || message.starts_with(messages::kTlsHandshakeTimedOut))) {
            if (answers_plain_api(router.host, router.port, options.connect_timeout)) return verdict(out, RouterProblem::SpeaksPlain, messages::kDiagnosisSpeaksPlain, where);
            if (resets_at_once(router.host, router.port, options.connect_timeout))
                return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
            return verdict(out, RouterProblem::TlsFailed, messages::kDiagnosisTlsFailed, detail_of(message, messages::kTlsHandshakeFailed));
        }
        // Plain words to a TLS port, or a service that accepts and resets at once: the router
        // closed (or reset) before any answer. A TLS handshake on the same port tells them apart.
        if (!router.tls && completes_tls_handshake(router.host, router.port, options.connect_timeout))
            return verdict(out, RouterProblem::SpeaksTls, messages::kDiagnosisSpeaksTls, where);
        if (message.starts_with(messages::kRouterClosedConnection) || message.starts_with(messages::kRouterReadFailed) ||
            message.starts_with(messages::kRouterConnectionDropped) || message.starts_with(messages::kConnectionDroppedWhileSending) ||
            message.starts_with(messages::kConnectionFailed))
            return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
        if (message.starts_with(messages::kRouterNoReplyInTime)) return verdict(out, RouterProblem::NoAnswer, messages::kDiagnosisNoAnswer, where);
        if (resets_at_once(router.host, router.port, options.connect_timeout))
            return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
        return verdict(out, RouterProblem::Failed, messages::kDiagnosisFailed, message);
    }
    auto resource = (*client)->run(Command("/system/resource/print"));
    if (!resource) {
        if (contains(resource.error().message(), "not enough permissions")) {
            out.missing_policies = {"read"};
            return verdict(out, RouterProblem::MissingPolicy, messages::kDiagnosisMissingPolicy, "read");
        }
        return verdict(out, RouterProblem::Failed, messages::kDiagnosisFailed, resource.error().message());
    }
    if (!resource->rows.empty() && resource->rows.front().contains("version")) out.version = resource->rows.front().at("version");
    // The user's group and its policies: isolation needs write as well as read.
    auto user = (*client)->run(Command("/user/print").where("name=" + router.username).proplist("group"));
    if (user && !user->rows.empty()) {
        const std::string group = user->rows.front().contains("group") ? user->rows.front().at("group") : std::string();
        auto policies = (*client)->run(Command("/user/group/print").where("name=" + group).proplist("policy"));
        if (policies && !policies->rows.empty() && policies->rows.front().contains("policy")) {
            out.missing_policies = missing_policies(policies->rows.front().at("policy"), {"api", "read", "write"});
            if (!out.missing_policies.empty()) {
                std::string list;
                for (const auto& policy : out.missing_policies) list += (list.empty() ? "" : ",") + policy;
                return verdict(out, RouterProblem::MissingPolicy, messages::kDiagnosisMissingPolicy, list);
            }
        }
    }
    return verdict(out, RouterProblem::None, messages::kDiagnosisWorks, "RouterOS " + out.version);
}

TransportDiagnosis diagnose_rest(const Router& router, const RestOptions& options) {
    const std::string where = router.host + ":" + std::to_string(router.rest_port);
    TransportDiagnosis out = diagnosis("rest", where + (router.rest_tls ? " https" : " http"));
    RestClient client(RestEndpoint{router.host, router.rest_port, router.rest_tls, router.username, router.password}, options);
    const RestOutcome outcome = client.perform("GET", "/system/resource", {}, true);
    if (outcome.too_large) return verdict(out, RouterProblem::HostileAnswer, messages::kRouterRestTooLarge, std::to_string(options.max_body));
    if (outcome.status == 0) {
        const auto code = static_cast<CURLcode>(outcome.curl_code);
        if (code == CURLE_COULDNT_RESOLVE_HOST) return verdict(out, RouterProblem::CannotResolve, messages::kCannotResolveHost, where);
        if (code == CURLE_COULDNT_CONNECT) {
            if (outcome.os_errno == ECONNREFUSED) return verdict(out, RouterProblem::PortClosed, messages::kDiagnosisPortClosed, where + ": connection refused");
            if (outcome.os_errno == ECONNRESET) return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
            return verdict(out, RouterProblem::NoAnswer, messages::kDiagnosisNoAnswer, where);
        }
        if (router.rest_tls) {
            if (outcome.os_errno == ECONNRESET) return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
            RestClient plain(RestEndpoint{router.host, router.rest_port, false, {}, {}}, options);
            if (plain.perform("GET", "/system/resource", {}, false).status > 0) return verdict(out, RouterProblem::SpeaksPlain, messages::kDiagnosisSpeaksPlain, where);
            if (resets_at_once(router.host, router.rest_port, options.connect_timeout))
                return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
            if (outcome.timed_out) return verdict(out, RouterProblem::NoAnswer, messages::kDiagnosisNoAnswer, where);
            return verdict(out, RouterProblem::TlsFailed, messages::kDiagnosisTlsFailed, client.scrub(outcome.transport_error));
        }
        RestClient secure(RestEndpoint{router.host, router.rest_port, true, {}, {}}, options);
        if (secure.perform("GET", "/system/resource", {}, false).status > 0) return verdict(out, RouterProblem::SpeaksTls, messages::kDiagnosisSpeaksTls, where);
        if (outcome.timed_out) return verdict(out, RouterProblem::NoAnswer, messages::kDiagnosisNoAnswer, where);
        return verdict(out, RouterProblem::ConnectionReset, messages::kDiagnosisReset, where);
    }
    if (outcome.status >= 300 && outcome.status < 400) return verdict(out, RouterProblem::HostileAnswer, messages::kRouterRestRedirect, where);
    if (outcome.status == 401)
        return verdict(out, RouterProblem::BadCredentials, messages::kDiagnosisBadCredentials, "HTTP 401 (" + router.username + "; rest-api policy?)");
    if (outcome.status == 404) return verdict(out, RouterProblem::NoRestApi, messages::kDiagnosisNoRest, "HTTP 404 /rest/system/resource");
    const api::Json answer = outcome.body.empty() ? api::Json() : api::parse_json(outcome.body);
    if (outcome.status >= 400) {
        const std::string detail = answer.is_object() && answer.contains("detail") && answer["detail"].is_string() ? answer["detail"].get<std::string>() : "";
        if (contains(detail, "not enough permissions")) {
            out.missing_policies = {"read"};
            return verdict(out, RouterProblem::MissingPolicy, messages::kDiagnosisMissingPolicy, "read");
        }
        return verdict(out, RouterProblem::Failed, messages::kRouterRestStatus, std::to_string(outcome.status) + (detail.empty() ? "" : " " + client.scrub(detail)));
    }
    if (answer.is_discarded() || !(answer.is_array() || answer.is_object())) return verdict(out, RouterProblem::HostileAnswer, messages::kRouterRestNotJson, where);
    const api::Json& resource = answer.is_array() && !answer.empty() ? answer.front() : answer;
    if (resource.is_object() && resource.contains("version") && resource["version"].is_string()) out.version = client.scrub(resource["version"].get<std::string>());
    auto users = client.call("GET", "/user" + rest_query({{"name", router.username}}));
    if (users && users->is_array() && !users->empty() && (*users)[0].contains("group") && (*users)[0]["group"].is_string()) {
        auto groups = client.call("GET", "/user/group" + rest_query({{"name", (*users)[0]["group"].get<std::string>()}}));
        if (groups && groups->is_array() && !groups->empty() && (*groups)[0].contains("policy") && (*groups)[0]["policy"].is_string()) {
            out.missing_policies = missing_policies((*groups)[0]["policy"].get<std::string>(), {"rest-api", "read", "write"});
            if (!out.missing_policies.empty()) {
                std::string list;
                for (const auto& policy : out.missing_policies) list += (list.empty() ? "" : ",") + policy;
                return verdict(out, RouterProblem::MissingPolicy, messages::kDiagnosisMissingPolicy, list);
            }
        }
    }
    return verdict(out, RouterProblem::None, messages::kDiagnosisWorks, "RouterOS " + out.version);
}

std::vector<TransportDiagnosis> diagnose_router(const Router& router, const ClientOptions& api_options, const RestOptions& rest_options) {
    return {diagnose_api(router, api_options), diagnose_rest(router, rest_options)};
}

}  // namespace kimonet::routeros
