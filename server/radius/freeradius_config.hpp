#pragma once
// The FreeRADIUS 3.2 configuration Kimonet needs (`kimonet radius config`; the tests start
// FreeRADIUS with this same text): one self-contained radiusd.conf for its own raddb directory,
// so it runs beside (or instead of) Debian's /etc/freeradius and as any user. It has
// - one client per router with a RADIUS secret (require_message_authenticator = yes: an
//   Access-Request without a valid Message-Authenticator is dropped, RFC 3579 / Blast-RADIUS);
// - rlm_rest calling Kimonet's /api/radius/authorize and /api/radius/accounting with HTTP Basic
//   credentials; the connection pool starts empty, so FreeRADIUS starts while Kimonet is down and
//   every request then fails closed (Access-Reject, accounting unanswered so the NAS resends);
// - pap, chap and mschap checking the Cleartext-Password Kimonet answers.
#include <string>
#include <vector>

namespace kimonet::radius {

struct FreeradiusClient {
    std::string name;     // shortname (the router's id and name)
    std::string address;  // the NAS's source address
    std::string secret;
};

struct FreeradiusConfig {
    std::string raddb_dir;            // where radiusd.conf lives (absolute)
    std::string run_dir;              // pid file and logs (absolute)
    std::string kimonet_url;          // "http://127.0.0.1:8080"
    std::string api_secret;           // radius_api_secret
    std::string listen_address = "*";
    int auth_port = 1812;
    int acct_port = 1813;
    std::vector<FreeradiusClient> clients;
};

// Whether `text` may stand inside a quoted FreeRADIUS string as it is (no quote, backslash,
// xlat or control characters): secrets, names and addresses written into the file are checked.
bool is_plain_config_text(const std::string& text);

// radiusd.conf. Values that are not plain config text are left out (a client is skipped).
std::string freeradius_config(const FreeradiusConfig& config);

}  // namespace kimonet::radius
