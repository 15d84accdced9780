#pragma once
// A small blocking HTTP client over libcurl for the WhatsApp gateways (and their simulator's
// webhook deliveries). Transport problems come back as data, never as exceptions.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kimonet::whatsapp {

struct HttpCall {
    std::string method = "POST";
    std::string url;
    std::map<std::string, std::string> headers;
    std::string body;
    long timeout_ms = 10'000;
    std::string basic_auth;  // "user:password", empty for none
};

struct HttpAnswer {
    int status = 0;          // 0 when no HTTP answer arrived
    std::string body;
    std::string transport_error;  // curl's message when status == 0
    bool timed_out = false;
};

HttpAnswer perform(const HttpCall& call);

// Query values, path segments and form bodies are encoded by shared/api's one encoder:
// api::url_encode (api/json_fields.hpp) and api::form_encode (api/form_encoding.hpp).
// `base` without trailing slashes + `path` (which starts with '/').
std::string join_url(std::string_view base, std::string_view path);

}  // namespace kimonet::whatsapp
