#include "services/settings.hpp"

#include "api/json_fields.hpp"
#include "core/validation_messages.hpp"
#include "services/activity_log.hpp"

namespace kimonet::services {

const std::vector<SettingDefinition>& setting_definitions() {
    static const std::vector<SettingDefinition> all = {
        {"company_name", "Kimonet Net", false, "ISP name on invoices and messages"},
        {"company_address", "Jl. Merdeka No. 1, Bandung", false, "Address on invoices"},
        {"company_phone", "6281200000000", false, "Contact number"},
        {"service_number_prefix", "CUST", false, "Prefix for new nomor layanan"},
        {"default_due_day", "10", false, "Due day of month when a customer has none"},
        {"timezone", "+07:00", false, "Fixed UTC offset for schedules and dates"},
    };
    return all;
}

const SettingDefinition* find_setting_definition(std::string_view key) {
    for (const auto& definition : setting_definitions())
        if (key == definition.key) return &definition;
    return nullptr;
}

static Result<std::optional<std::string>> stored_value(store::Database& db, std::string_view key) {
    auto statement = TRY(db.prepare("SELECT value FROM settings WHERE key = ?"));
    statement.bind(1, key);
    if (!TRY(statement.step())) return std::optional<std::string>();
    return std::optional<std::string>(statement.column_text(0));
}

Result<std::string> get_setting(store::Database& db, std::string_view key) {
    const auto* definition = find_setting_definition(key);
    if (!definition) return make_error(ErrorCode::Internal, "unknown setting " + std::string(key));
    auto stored = TRY(stored_value(db, key));
    return stored ? *stored : std::string(definition->default_value);
}

Result<std::int64_t> get_setting_int(store::Database& db, std::string_view key) {
    const std::string value = TRY(get_setting(db, key));
    return std::atoll(value.c_str());
}

Result<std::string> get_secret_setting(store::Database& db, const security::SecretBox& secrets, std::string_view key) {
    auto stored = TRY(stored_value(db, key));
    if (!stored || stored->empty()) return std::string();
    return secrets.open(*stored);
}

Result<void> update_settings(app::Context& context, const std::map<std::string, std::string>& values) {
    FieldErrors fields;
    for (const auto& [key, value] : values)
        if (!find_setting_definition(key)) fields[key] = messages::kUnknownField;
    if (!fields.empty()) return validation_error(std::move(fields));
    return context.db.transaction([&]() -> Result<void> {
        api::Json before = api::Json::object(), after = api::Json::object();
        for (const auto& [key, value] : values) {
            const auto* definition = find_setting_definition(key);
            const std::string stored = definition->secret ? (value.empty() ? "" : context.secrets.seal(value)) : value;
            if (!definition->secret) before[key] = TRY(get_setting(context.db, key));
            auto upsert = TRY(context.db.prepare(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"));
            upsert.bind(1, key);
            if (definition->secret) upsert.bind_blob(2, stored);
            else upsert.bind(2, stored);
            TRY_VOID(upsert.run());
            after[key] = definition->secret ? api::Json("***") : api::Json(value);
        }
        return log_activity(context, "settings.update", "settings", std::nullopt, before, after);
    });
}

Result<api::Json> settings_for_api(store::Database& db) {
    api::Json out = api::Json::object();
    for (const auto& definition : setting_definitions()) {
        if (definition.secret) {
            auto stored = TRY(stored_value(db, definition.key));
            out[definition.key] = {{"set", stored && !stored->empty()}};
        } else {
            out[definition.key] = TRY(get_setting(db, definition.key));
        }
    }
    return out;
}

}  // namespace kimonet::services
