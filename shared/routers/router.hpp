#pragma once
// A MikroTik router (the seed's lokasi_server): where customers' PPPoE secrets live.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kimonet {

struct Router {
    std::int64_t id = 0;
    std::string name;
    std::string host;
    int port = 8728;
    std::string username;
    std::string password;  // write-only: never sent back by the API; encrypted at rest
    std::string isolir_profile = "ISOLIR";
    bool tls = false;
    bool push_secrets = false;  // customer create/update pushes their PPP secret to this router
    // Which RouterOS interface Kimonet speaks: "api" (the binary API on `port`, 8728/8729),
    // "rest" (RouterOS 7.1+ REST on the www / www-ssl service at `rest_port`) or "auto" (the
    // binary API, and REST when the binary API cannot be reached).
    std::string api_mode = "api";
    int rest_port = 443;
    bool rest_tls = true;  // www-ssl (HTTPS); false = www (plain HTTP, RouterOS 7.9+)
    bool operator==(const Router&) const = default;
};

bool is_valid_host(std::string_view host);
bool is_valid_router_api_mode(std::string_view mode);
// Validates a router. `password_required` is true on create, false on update (empty = keep).
Result<Router> validate_router(Router router, bool password_required);

}  // namespace kimonet
