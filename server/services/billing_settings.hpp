#pragma once
// The billing rules as configured in settings, read once per operation.
#include "app/context.hpp"
#include "billing/invoice.hpp"

namespace kimonet::services {

struct BillingSettings {
    billing::BillingRules rules;
    std::string number_format;
};

// A stored value that no longer parses (settings written around the API) is an error, not a guess.
Result<BillingSettings> load_billing_settings(store::Database& db);

}  // namespace kimonet::services
