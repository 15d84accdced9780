#pragma once
// A small blocking HTTP client over libcurl for the WhatsApp gateways and the payment gateways.
// Transport problems come back as data, never as exceptions. What a peer can make it do is
// bounded: `timeout_ms` is the whole call (connect to last byte), redirects are never followed, TLS
// peers are verified, and a body over `max_body` bytes is cut off and answered as a transport error.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "network/peer_replies.hpp"

namespace kimonet::whatsapp {

struct HttpCall {
    std::string method = "POST";
    std::string url;
    std::map<std::string, std::string> headers;
    std::string body;
    long timeout_ms = 10'000;  // the whole call, however slowly the peer trickles
    std::string basic_auth;  // "user:password", empty for none
    std::size_t max_body = network::kMaxPeerReplyBytes;
};

struct HttpAnswer {
    int status = 0;          // 0 when no HTTP answer arrived
    std::string body;
    std::string transport_error;  // curl's message when status == 0
    bool timed_out = false;
    bool too_large = false;  // the body passed HttpCall::max_body (status 0, the body cut off)
};

HttpAnswer perform(const HttpCall& call);

// Query values, path segments and form bodies are encoded by shared/api's one encoder:
// api::url_encode (api/json_fields.hpp) and api::form_encode (api/form_encoding.hpp).
// `base` without trailing slashes + `path` (which starts with '/').
std::string join_url(std::string_view base, std::string_view path);

}  // namespace kimonet::whatsapp
