#include "api/setting_choices.hpp"

namespace kimonet::api {

std::span<const SettingChoices> setting_choices() {
    static const std::vector<SettingChoices> all = {
        {"tax_mode", {"exclusive", "inclusive"}},
        {"pkp", {"legacy", "off", "on"}},
        {"proration_rounding", {"nearest", "up", "down", "up_100", "up_1000"}},
        {"whatsapp_driver", {"mpwa", "fonnte", "gowa", "wablas", "waha", "meta"}},
        {"flip_mode", {"sandbox", "production"}},
        {"midtrans_mode", {"sandbox", "production"}},
        {"duitku_mode", {"sandbox", "production"}},
        {"midtrans_api", {"core", "snap"}},
        {"isolir_skip_sundays", {"0", "1"}},
        {"dunning_enabled", {"0", "1"}},
        {"dunning_promise_enabled", {"0", "1"}},
        {"dunning_promise_frequency", {"invoice", "month", "90_days"}},
        {"dunning_promise_customers", {"all", "without_broken", "staff_only"}},
        {"whatsapp_quiet_hours_transactional", {"0", "1"}},
        {"flip_enabled", {"0", "1"}},
        {"midtrans_enabled", {"0", "1"}},
        {"duitku_enabled", {"0", "1"}},
        {"register_email_required", {"0", "1"}},
        {"transfer_unique_code", {"0", "1"}},
        {"invoice_run_mode", {"direct", "approve"}},
        {"invoice_run_four_eyes", {"0", "1"}},
        {"smtp_tls", {"starttls", "none"}},  // email (issue 22); smtps:// is always TLS
        {"smtp_verify_certificate", {"0", "1"}},
    };
    return all;
}

const SettingChoices* find_setting_choices(std::string_view key) {
    for (const auto& choices : setting_choices())
        if (choices.key == key) return &choices;
    return nullptr;
}

}  // namespace kimonet::api
