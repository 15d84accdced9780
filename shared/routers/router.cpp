#include "routers/router.hpp"

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "packages/package.hpp"

namespace kimonet {

bool is_valid_host(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    bool has_colon = false;
    for (char c : host) {
        if (c == ':') has_colon = true;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return false;
    }
    if (has_colon) {  // IPv6: hex digits and colons only
        for (char c : host)
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':')) return false;
        return true;
    }
    return host.front() != '-' && host.front() != '.' && host.back() != '-' && host.back() != '.';
}

bool is_valid_router_api_mode(std::string_view mode) { return mode == "api" || mode == "rest" || mode == "auto"; }

Result<Router> validate_router(Router router, bool password_required) {
    FieldErrors fields;
    router.name = trim_copy(router.name);
    router.host = trim_copy(router.host);
    router.username = trim_copy(router.username);
    router.isolir_profile = trim_copy(router.isolir_profile);
    if (router.name.empty()) fields["name"] = messages::kRequired;
    else if (utf8_length(router.name) > 100 || !is_valid_utf8(router.name)) fields["name"] = messages::kTooLong100;
    if (router.host.empty()) fields["host"] = messages::kRequired;
    else if (!is_valid_host(router.host)) fields["host"] = messages::kHost;
    if (router.port < 1 || router.port > 65535) fields["port"] = messages::kPort;
    if (router.rest_port < 1 || router.rest_port > 65535) fields["rest_port"] = messages::kPort;
    if (!is_valid_router_api_mode(router.api_mode)) fields["api_mode"] = messages::kRouterApiMode;
    if (router.username.empty()) fields["username"] = messages::kRequired;
    else if (router.username.size() > 64) fields["username"] = messages::kTooLong64;
    if (password_required && router.password.empty()) fields["password"] = messages::kRequired;
    else if (router.password.size() > 128) fields["password"] = messages::kInvalid;
    if (router.isolir_profile.empty()) fields["isolir_profile"] = messages::kRequired;
    else if (!is_valid_mikrotik_profile(router.isolir_profile)) fields["isolir_profile"] = messages::kProfile;
    if (!fields.empty()) return validation_error(std::move(fields));
    return router;
}

}  // namespace kimonet
