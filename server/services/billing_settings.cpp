#include "services/billing_settings.hpp"

#include <cstdlib>
#include <iterator>

#include "billing/invoice_number.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

Result<BillingSettings> load_billing_settings(store::Database& db) {
    BillingSettings settings;
    // Each setting read once (this runs inside every paid callback's transaction), then checked.
    constexpr const char* kKeys[] = {"default_due_day", "tax_rate", "tax_mode", "proration_rounding", "invoice_number_format"};
    std::string values[std::size(kKeys)];
    for (std::size_t i = 0; i < std::size(kKeys); ++i) {
        values[i] = TRY(get_setting(db, kKeys[i]));
        if (auto problem = setting_value_problem(kKeys[i], values[i]))
            return make_error(ErrorCode::Internal, messages::with_detail(messages::kInvalidStoredSetting, std::string(kKeys[i]) + ": " + *problem));
    }
    settings.rules.default_due_day = static_cast<int>(std::atoll(values[0].c_str()));
    settings.rules.tax.rate_basis_points = TRY(billing::parse_tax_rate(values[1]));
    settings.rules.tax.mode = *billing::parse_tax_mode(values[2]);
    settings.rules.rounding = *billing::parse_rounding_mode(values[3]);
    settings.number_format = values[4];
    return settings;
}

}  // namespace kimonet::services
