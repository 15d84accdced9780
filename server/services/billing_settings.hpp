#pragma once
// The billing rules as configured in settings, read once per operation.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "billing/invoice.hpp"

namespace kimonet::services {

struct BillingSettings {
    billing::BillingRules rules;
    std::string number_format;
};

// A stored value that no longer parses (settings written around the API) is an error, not a guess.
// Its settings are read in one statement (store::SettingsReadAhead).
Result<BillingSettings> load_billing_settings(store::Database& db);
// The settings it reads, for a path that reads them ahead with others.
const std::vector<std::string>& billing_setting_keys();

}  // namespace kimonet::services
