#include "services/billing_settings.hpp"

#include "billing/invoice_number.hpp"
#include "services/settings.hpp"

namespace kimonet::services {

Result<BillingSettings> load_billing_settings(store::Database& db) {
    BillingSettings settings;
    for (const char* key : {"default_due_day", "tax_rate", "tax_mode", "proration_rounding", "invoice_number_format"}) {
        const std::string value = TRY(get_setting(db, key));
        if (auto problem = setting_value_problem(key, value))
            return make_error(ErrorCode::Internal, std::string("setting ") + key + " is invalid: " + *problem);
    }
    settings.rules.default_due_day = static_cast<int>(TRY(get_setting_int(db, "default_due_day")));
    settings.rules.tax.rate_basis_points = TRY(billing::parse_tax_rate(TRY(get_setting(db, "tax_rate"))));
    settings.rules.tax.mode = *billing::parse_tax_mode(TRY(get_setting(db, "tax_mode")));
    settings.rules.rounding = *billing::parse_rounding_mode(TRY(get_setting(db, "proration_rounding")));
    settings.number_format = TRY(get_setting(db, "invoice_number_format"));
    return settings;
}

}  // namespace kimonet::services
