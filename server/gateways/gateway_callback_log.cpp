#include "gateways/gateway_callback_log.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "api/json_fields.hpp"
#include "http/request.hpp"
#include "security/crypto.hpp"

namespace kimonet::gateways {

namespace {

constexpr std::string_view kRedacted = "[redacted]";

// Field names that carry a credential, compared without case, '_' and '-'.
bool is_credential_name(std::string_view name) {
    std::string folded;
    for (char c : name)
        if (c != '_' && c != '-') folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::array<std::string_view, 12> kNames = {"token",     "validationtoken", "callbacktoken", "xcallbacktoken",
                                                                "apikey",    "serverkey",       "secretkey",     "secret",
                                                                "password",  "authorization",   "privatekey",    "clientsecret"};
    return std::find(kNames.begin(), kNames.end(), folded) != kNames.end();
}

void redact_json(api::Json& value) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (is_credential_name(it.key())) *it = std::string(kRedacted);
            else redact_json(*it);
        }
    } else if (value.is_array()) {
        for (auto& item : value) redact_json(item);
    }
}

std::string redact_form(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view pair = body.substr(start, end - start);
        const std::size_t equals = pair.find('=');
        const std::string_view name = pair.substr(0, equals);
        if (equals != std::string_view::npos && is_credential_name(http::url_decode(name))) {
            out.append(name);
            out += '=';
            out.append(kRedacted);
        } else {
            out.append(pair);
        }
        if (end == body.size()) break;
        out += '&';
        start = end + 1;
    }
    return out;
}

// At most `limit` bytes of `text`, not cutting a UTF-8 character in two.
std::string utf8_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut));
}

}  // namespace

std::string redact_credentials(std::string_view body) {
    api::Json json = api::parse_json(body);
    if (json.is_object() || json.is_array()) {
        redact_json(json);
        return json.dump();
    }
    return redact_form(body);
}

CallbackDigest digest_callback(std::string_view body) {
    const std::string redacted = redact_credentials(body);
    return {security::sha256_hex(redacted), utf8_prefix(redacted, kDigestPrefixBytes), body.size()};
}

}  // namespace kimonet::gateways
