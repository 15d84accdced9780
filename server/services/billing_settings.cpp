#include "services/billing_settings.hpp"

#include <cstdlib>
#include <iterator>

#include "billing/invoice_number.hpp"
#include "services/settings.hpp"
#include "store/settings_store.hpp"

namespace kimonet::services {

const std::vector<std::string>& billing_setting_keys() {
    static const std::vector<std::string> keys{"default_due_day", "tax_rate", "tax_mode", "proration_rounding", "invoice_number_format",
                                               "pkp", "ppn_rules"};
    return keys;
}

Result<BillingSettings> load_billing_settings(store::Database& db) {
    BillingSettings settings;
    // Each setting read once (this runs inside every paid callback's transaction), all in one statement, then checked.
    const auto& keys = billing_setting_keys();
    const store::SettingsReadAhead ahead(db, keys);
    std::string values[7];
    static_assert(std::size(values) == 7);
    for (std::size_t i = 0; i < std::size(values); ++i) {
        values[i] = TRY(get_setting(db, keys[i]));
        if (auto problem = setting_value_problem(keys[i], values[i]))
            return make_error(ErrorCode::Internal, messages::with_detail(messages::kInvalidStoredSetting, keys[i] + ": " + *problem));
    }
    settings.rules.default_due_day = static_cast<int>(std::atoll(values[0].c_str()));
    settings.rules.tax.legacy.rate_basis_points = TRY(billing::parse_tax_rate(values[1]));
    settings.rules.tax.legacy.mode = *billing::parse_tax_mode(values[2]);
    settings.rules.tax.pkp = *billing::parse_pkp_status(values[5]);
    settings.rules.tax.rules = TRY(billing::parse_ppn_rules(values[6]));
    settings.rules.rounding = *billing::parse_rounding_mode(values[3]);
    settings.number_format = values[4];
    return settings;
}

}  // namespace kimonet::services
