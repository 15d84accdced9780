#include "whatsapp/messenger.hpp"

#include "core/whatsapp_provider_messages.hpp"
#include "core/validation_messages.hpp"
#include "customers/customer.hpp"
#include "jobs/cron.hpp"
#include "messaging/delivery_policy.hpp"
#include "messaging/meta_templates.hpp"
#include "network/peer_replies.hpp"
#include "services/settings.hpp"
#include "whatsapp/provider_messengers.hpp"

namespace kimonet::whatsapp {

std::string truncate_response(const std::string& body) { return network::peer_words(body, network::kMaxPeerWords); }

SendOutcome transport_failure(int status, const std::string& body, const std::string& transport_error, bool timed_out) {
    SendOutcome outcome;
    outcome.response = truncate_response(body);
    if (status == 0) {
        outcome.error = messages::with_detail(timed_out ? messages::kGatewayTimedOut : messages::kGatewayUnreachable, transport_error);
    } else if (status >= 500) {
        outcome.error = messages::with_detail(messages::kGatewayFailing, "HTTP " + std::to_string(status));
    } else if (status == 429) {
        outcome.error = messages::with_detail(messages::kGatewayRateLimited, "HTTP 429");
    } else if (status == 401 || status == 403) {
        outcome.error = messages::with_detail(messages::kGatewayRejectedCredentials, "HTTP " + std::to_string(status));
    } else {
        outcome.error = messages::with_detail(messages::kGatewayUnexpectedStatus, "HTTP " + std::to_string(status));
    }
    return outcome;
}

SendOutcome Messenger::send_document(const std::string&, const DocumentMessage&) {
    SendOutcome outcome;
    outcome.retryable = false;
    outcome.error = messages::with_detail(messages::kGatewayRefusedMessage, "document");
    return outcome;
}

// The Wablas, WAHA and Meta settings (issue 22).
static std::optional<std::string> whatsapp_provider_setting_problem(std::string_view key, std::string_view value) {
    auto only = [&](std::size_t low, std::size_t high, auto allowed) {
        if (value.size() < low || value.size() > high) return false;
        for (char c : value)
            if (!allowed(c)) return false;
        return true;
    };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto name_character = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; };
    if (key == "whatsapp_meta_phone_number_id" && !value.empty() && !only(5, 20, digit)) return std::string(messages::kWhatsappMetaPhoneNumberIdFormat);
    if (key == "whatsapp_meta_templates") return messaging::meta_templates_problem(value);
    if (key == "whatsapp_meta_language" &&
        !(only(2, 3, [](char c) { return c >= 'a' && c <= 'z'; }) ||
          (value.size() == 5 && value[2] == '_' && value[0] >= 'a' && value[0] <= 'z' && value[1] >= 'a' && value[1] <= 'z' && value[3] >= 'A' &&
           value[3] <= 'Z' && value[4] >= 'A' && value[4] <= 'Z')))
        return std::string(messages::kWhatsappMetaLanguageFormat);
    if (key == "whatsapp_waha_session" && !only(1, 64, name_character)) return std::string(messages::kWhatsappWahaSessionFormat);
    return std::nullopt;
}

std::optional<std::string> whatsapp_setting_problem(std::string_view key, std::string_view value) {
    auto is_count = [](std::string_view text, long low, long high) {
        if (text.empty() || text.size() > 6) return false;
        long number = 0;
        for (char c : text) {
            if (c < '0' || c > '9') return false;
            number = number * 10 + (c - '0');
        }
        return number >= low && number <= high;
    };
    // The backup provider's keys have the primary's shapes (failover_settings.hpp); its driver may be empty (none).
    if (key.starts_with("whatsapp_backup_")) {
        if (key == "whatsapp_backup_driver" && value.empty()) return std::nullopt;
        return whatsapp_setting_problem("whatsapp_" + std::string(key.substr(16)), value);
    }
    if (key == "whatsapp_owner_phone" && !value.empty() && normalize_phone(value).empty()) return std::string(messages::kPhone);
    if (key == "whatsapp_health_schedule") {
        if (auto schedule = jobs::parse_cron(value); !schedule)
            return schedule.error().fields.empty() ? schedule.error().message() : schedule.error().fields.begin()->second;
    }
    if (key == "whatsapp_driver" && value != "mpwa" && value != "fonnte" && value != "gowa" && value != "wablas" && value != "waha" && value != "meta")
        return std::string(messages::kWhatsappDriverChoiceAll);
    if (auto problem = whatsapp_provider_setting_problem(key, value)) return problem;
    if (key == "whatsapp_api_url" && !value.empty() && !value.starts_with("http://") && !value.starts_with("https://"))
        return std::string("harus diawali http:// atau https://");
    if (key == "whatsapp_rate_limit_seconds" && !is_count(value, 0, 3600)) return std::string("0-3600 detik");
    if (key == "whatsapp_max_attempts" && !is_count(value, 1, 100)) return std::string("1-100");
    if (key == "whatsapp_quiet_hours_transactional" && value != "0" && value != "1") return std::string("0 atau 1");
    if (key == "whatsapp_timeout_seconds" && !is_count(value, 1, 120)) return std::string("1-120 detik");
    if (key == "whatsapp_quiet_hours") {
        if (auto quiet = messaging::parse_quiet_hours(value); !quiet) return quiet.error().fields.begin()->second;
    }
    return std::nullopt;
}

Result<std::unique_ptr<Messenger>> make_messenger(MessengerSettings settings) {
    if (settings.api_url.empty()) return make_error(ErrorCode::Unavailable, messages::kWhatsappNotConfigured);
    if (settings.driver == "mpwa") return make_mpwa_messenger(std::move(settings));
    if (settings.driver == "fonnte") return make_fonnte_messenger(std::move(settings));
    if (settings.driver == "gowa") return make_gowa_messenger(std::move(settings));
    if (settings.driver == "wablas") return make_wablas_messenger(std::move(settings));
    if (settings.driver == "waha") return make_waha_messenger(std::move(settings));
    if (settings.driver == "meta") {
        if (settings.sender.empty()) return make_error(ErrorCode::Unavailable, messages::kWhatsappMetaPhoneNumberIdMissing);
        return make_meta_messenger(std::move(settings));
    }
    return validation_error({{"whatsapp_driver", messages::kWhatsappDriverChoiceAll}});
}

Result<MessengerSettings> messenger_settings(store::Database& db, const security::SecretBox& secrets) {
    MessengerSettings settings;
    settings.driver = TRY(services::get_setting(db, "whatsapp_driver"));
    settings.api_url = TRY(services::get_setting(db, "whatsapp_api_url"));
    settings.sender = TRY(services::get_setting(db, "whatsapp_sender"));
    settings.api_key = TRY(services::get_secret_setting(db, secrets, "whatsapp_api_key"));
    const auto timeout = TRY(services::get_setting_int(db, "whatsapp_timeout_seconds"));
    settings.timeout_ms = static_cast<long>(timeout > 0 ? timeout : 10) * 1000;
    // The sending identity: WAHA's session name, Meta's phone number ID (provider_messengers.hpp).
    if (settings.driver == "waha") settings.sender = TRY(services::get_setting(db, "whatsapp_waha_session"));
    if (settings.driver == "meta") settings.sender = TRY(services::get_setting(db, "whatsapp_meta_phone_number_id"));
    return settings;
}

Result<std::unique_ptr<Messenger>> messenger_from_settings(store::Database& db, const security::SecretBox& secrets) {
    MessengerSettings settings = TRY(messenger_settings(db, secrets));
    if (settings.driver == "meta" && !settings.api_url.empty() && !settings.sender.empty()) {
        MetaTemplateSettings templates{TRY(services::get_setting(db, "whatsapp_meta_templates")), TRY(services::get_setting(db, "whatsapp_meta_language"))};
        return make_meta_messenger(std::move(settings), std::move(templates));
    }
    return make_messenger(std::move(settings));
}

}  // namespace kimonet::whatsapp
