#pragma once
// Where each write-only secret setting is sent. A secret follows its destination: when a request
// changes the destination (a gateway or WhatsApp base URL, the WhatsApp driver) without supplying
// the secret again, the stored secret is cleared, so it can never be sent to the new place. The
// change is an audited action naming the old and new destination (never the secret).
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace kimonet::services {

struct SecretDestination {
    const char* secret_key;                       // e.g. "midtrans_server_key"
    std::vector<const char*> destination_keys;    // e.g. {"midtrans_base_url"}
};

const std::vector<SecretDestination>& secret_destinations();

// Called inside update_settings' transaction, before `values` are written: adds an empty value
// (= clear) for every secret whose destination changes without the secret in `values`, and logs
// one "settings.secret_destination" activity entry per changed destination.
Result<void> follow_secret_destinations(app::Context& context, std::map<std::string, std::string>& values);

}  // namespace kimonet::services
