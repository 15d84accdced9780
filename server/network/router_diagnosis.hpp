#pragma once
// What `kimonet mikrotik test` (and the router page's test button) finds out about each way of
// talking to a router: the binary API (8728/8729) and the REST API (RouterOS 7.1+, www/www-ssl).
#include <string>
#include <string_view>
#include <vector>

namespace kimonet::network {

enum class RouterProblem {
    None,            // logged in, read /system/resource, the user has every policy needed
    CannotResolve,   // the host name does not resolve
    PortClosed,      // connection refused: nothing listens (service disabled, other port)
    NoAnswer,        // connect or reply timed out: router down, wrong address, packets dropped
    ConnectionReset, // accepted, then reset/closed before answering: available-from or a firewall reject
    SpeaksTls,       // we spoke plain to a TLS port
    SpeaksPlain,     // we spoke TLS to a plain port
    TlsFailed,       // the handshake failed for another reason
    BadCredentials,  // wrong user name or password
    MissingPolicy,   // the user's group lacks a policy (api / rest-api, read, write)
    NoRestApi,       // the web service answers but has no /rest: RouterOS older than 7.1
    HostileAnswer,   // redirect, oversized or malformed answer: rejected
    Failed,          // anything else (the message says what)
};

inline std::string_view to_string(RouterProblem problem) {
    switch (problem) {
        case RouterProblem::None: return "ok";
        case RouterProblem::CannotResolve: return "cannot_resolve";
        case RouterProblem::PortClosed: return "port_closed";
        case RouterProblem::NoAnswer: return "no_answer";
        case RouterProblem::ConnectionReset: return "connection_reset";
        case RouterProblem::SpeaksTls: return "port_speaks_tls";
        case RouterProblem::SpeaksPlain: return "port_speaks_plain";
        case RouterProblem::TlsFailed: return "tls_failed";
        case RouterProblem::BadCredentials: return "bad_credentials";
        case RouterProblem::MissingPolicy: return "missing_policy";
        case RouterProblem::NoRestApi: return "no_rest_api";
        case RouterProblem::HostileAnswer: return "hostile_answer";
        case RouterProblem::Failed: return "failed";
    }
    return "failed";
}

struct TransportDiagnosis {
    std::string transport;  // "api" or "rest"
    std::string endpoint;   // "host:port" and the scheme: "api", "api-ssl", "http", "https"
    bool works = false;
    RouterProblem problem = RouterProblem::Failed;
    std::string message;    // a catalogue text (Indonesian) + ": " + detail; never the password
    std::string version;    // RouterOS version, when it could be read
    std::vector<std::string> missing_policies;
};

}  // namespace kimonet::network
