#pragma once
// The RouterOS REST API client (RouterOS 7.1+: https://<router>/rest on the www-ssl service, or
// http on www from 7.9; HTTP Basic auth; JSON where every value is a string). One libcurl handle,
// kept alive across the requests of one adapter. What a router sends back is bounded and checked:
// redirects are never followed, a body over `max_body` bytes or one that is not JSON is refused,
// and nothing the router says is repeated with the password in it.
#include <chrono>
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "core/result.hpp"
#include "network/peer_replies.hpp"

namespace kimonet::routeros {

struct RestEndpoint {
    std::string host;
    int port = 443;
    bool tls = true;
    std::string username;
    std::string password;
};

struct RestOptions {
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds reply_timeout{5000};
    std::size_t max_body = network::kMaxPeerReplyBytes;  // a /ppp/secret print of ~20,000 secrets fits
};

// What came back from one request, before any judgement (the diagnostics read it raw).
struct RestOutcome {
    int status = 0;            // 0 when no HTTP answer arrived
    std::string body;
    int curl_code = 0;         // CURLcode
    long os_errno = 0;         // errno of a failed connect/read (ECONNREFUSED, ECONNRESET, …)
    std::string transport_error;
    bool too_large = false;
    bool timed_out = false;
};

class RestClient {
public:
    RestClient(RestEndpoint endpoint, RestOptions options = {});
    ~RestClient();
    RestClient(const RestClient&) = delete;
    RestClient& operator=(const RestClient&) = delete;

    // `method` `path` (below /rest, e.g. "/ppp/secret?name=x"), with a JSON body when not null.
    // 2xx: the parsed JSON (null for an empty body). Anything else is an error: Unavailable when the
    // router cannot be reached, BadGateway for what it answered (401, a !trap as 400, redirect, …).
    Result<api::Json> call(std::string_view method, const std::string& path, const api::Json& body = nullptr);
    // The raw exchange; `credentials` false sends no Authorization at all (a probe).
    RestOutcome perform(std::string_view method, const std::string& path, const std::string& body, bool credentials);
    // "host:port" for messages.
    std::string describe() const;
    // `text` with the password (and its Basic form) cut out, at most 300 bytes, control characters
    // escaped (network::peer_words): for router-supplied words.
    std::string scrub(std::string text) const;

private:
    RestEndpoint m_endpoint;
    RestOptions m_options;
    void* m_curl = nullptr;
};

// "?name=value&…" with each value percent-encoded.
std::string rest_query(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

}  // namespace kimonet::routeros
