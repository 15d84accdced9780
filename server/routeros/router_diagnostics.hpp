#pragma once
// `kimonet mikrotik test`'s look at both RouterOS interfaces of a router: the binary API (8728
// plain / 8729 api-ssl) and the REST API (www-ssl / www, RouterOS 7.1+). Each is tried over real
// sockets and, when it fails, probed once more to say exactly why: refused, timed out, reset,
// TLS spoken to a plain port (or the reverse), credentials, policies, RouterOS version. The probes
// that cross TLS and plain send no credentials.
#include <vector>

#include "network/router_diagnosis.hpp"
#include "routeros/client.hpp"
#include "routeros/rest_client.hpp"
#include "routers/router.hpp"

namespace kimonet::routeros {

network::TransportDiagnosis diagnose_api(const Router& router, const ClientOptions& options);
network::TransportDiagnosis diagnose_rest(const Router& router, const RestOptions& options);
// Both, binary API first.
std::vector<network::TransportDiagnosis> diagnose_router(const Router& router, const ClientOptions& api_options, const RestOptions& rest_options);
// The policies of `granted` (RouterOS's comma list, "!x" = not granted) missing from `needed`.
std::vector<std::string> missing_policies(const std::string& granted, const std::vector<std::string>& needed);

}  // namespace kimonet::routeros
