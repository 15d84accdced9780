#pragma once
// RADIUS customers (issue 19), the side FreeRADIUS calls through rlm_rest (see
// docs/integrations/radius.md for why rlm_rest and not rlm_sql on views): who may log in and with
// which attributes (authorize), the accounting it forwards (Start / Interim-Update / Stop, stored
// idempotently), what the customer screen shows (online now, last session, usage this month),
// and each router's NAS settings for CoA (services/radius_isolation.hpp sends it).
#include <cstdint>
#include <string>

#include "api/json_fields.hpp"
#include "app/context.hpp"
#include "radius/freeradius_config.hpp"

namespace kimonet::services {

// The HTTP user FreeRADIUS presents; the password is the radius_api_secret setting.
inline constexpr const char* kRadiusApiUser = "freeradius";

enum class RadiusCaller { Trusted, Closed, Refused };
// Checks `authorization` ("Basic base64(freeradius:<secret>)") against radius_api_secret in
// constant time over digests. Closed when no secret is set (the endpoints then do not exist).
Result<RadiusCaller> radius_caller(app::Context& context, const std::string& authorization);

// An answer in rlm_rest's terms: 200 with attributes, 204 (ok, nothing to add), 404 (notfound:
// FreeRADIUS rejects).
struct RadiusAnswer {
    int status = 204;
    api::Json body;
};
// `request` is rlm_rest's JSON body: {"User-Name":{"type":"string","value":["..."]}, ...}.
Result<RadiusAnswer> radius_authorize(app::Context& context, const api::Json& request);
Result<RadiusAnswer> radius_accounting(app::Context& context, const api::Json& request);

// {"online", "sessions":[open sessions], "last_session", "usage_month":{"period","upload_bytes","download_bytes"}}.
Result<api::Json> customer_radius_summary(app::Context& context, std::int64_t customer_id);

// GET / PUT /api/routers/{id}/radius: {"nas_address","coa_port","has_secret"}; the secret is write-only.
Result<api::Json> radius_nas_for_api(app::Context& context, std::int64_t router_id);
Result<api::Json> update_radius_nas(app::Context& context, std::int64_t router_id, const api::Json& body);

// The FreeRADIUS configuration for `config`'s directories and Kimonet URL, with the routers that
// have a RADIUS secret as clients. Makes radius_api_secret when there is none (or `rotate`).
Result<std::string> freeradius_config_text(app::Context& context, radius::FreeradiusConfig config, bool rotate);

}  // namespace kimonet::services
