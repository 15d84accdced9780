#include "services/message_template_service.hpp"

#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "messaging/templates.hpp"
#include "services/activity_log.hpp"
#include "services/notification_service.hpp"
#include "store/message_template_store.hpp"

namespace kimonet::services {

namespace {

// The longest value a preview takes for one placeholder (messages::kTooLong500).
constexpr std::size_t kMaxPreviewValueLength = 500;

api::Json template_json(const messaging::TemplateDefinition& definition, const std::string& body) {
    api::Json placeholders = api::Json::array();
    for (auto name : definition.placeholders) placeholders.push_back(std::string(name));
    return {{"key", std::string(definition.key)},
            {"title", std::string(definition.title)},
            {"placeholders", placeholders},
            {"body", body},
            {"default_body", std::string(definition.default_body)},
            {"customized", body != definition.default_body}};
}

}  // namespace

Result<api::Json> list_message_templates(store::Database& db) {
    api::Json rows = api::Json::array();
    for (const auto& definition : messaging::template_definitions())
        rows.push_back(template_json(definition, TRY(template_body(db, definition.key))));
    return rows;
}

Result<api::Json> get_message_template(store::Database& db, const std::string& key) {
    const auto* definition = messaging::find_template_definition(key);
    if (!definition) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownTemplate, key));
    return template_json(*definition, TRY(template_body(db, key)));
}

Result<api::Json> save_message_template(app::Context& context, const std::string& key, const api::Json& input) {
    const auto* definition = messaging::find_template_definition(key);
    if (!definition) return make_error(ErrorCode::NotFound, messages::with_detail(messages::kUnknownTemplate, key));
    api::FieldReader reader(input);
    std::string body;
    bool reset = false;
    reader.read("body", body);
    reader.read("reset", reset);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    if (!reset && !reader.has("body")) return validation_error({{"body", messages::kRequired}});
    if (!reset) TRY_VOID(messaging::validate_template(key, body));
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const std::string before = TRY(template_body(context.db, key));
        if (reset || body == definition->default_body) {
            TRY_VOID(store::delete_message_template(context.db, key));
        } else {
            TRY_VOID(store::save_message_template_body(context.db, key, body, context.actor.name, context.now));
        }
        return log_activity(context, "message_template.update", "message_template", std::nullopt, {{"key", key}, {"body", before}},
                            {{"key", key}, {"body", reset ? std::string(definition->default_body) : body}});
    }));
    return get_message_template(context.db, key);
}

Result<api::Json> preview_message_template(store::Database& db, const api::Json& input) {
    api::FieldReader reader(input);
    std::string key, body;
    reader.read("key", key);
    reader.read("body", body);
    if (key.empty()) reader.add_error("key", messages::kRequired);
    if (!reader.ok()) return validation_error(std::move(reader.errors()));
    if (!reader.has("body")) body = TRY(template_body(db, key));
    TRY_VOID(messaging::validate_template(key, body));
    messaging::TemplateVariables variables = messaging::sample_variables();
    for (const auto& [name, value] : TRY(company_variables(db))) variables[name] = value;
    // The caller's own values stand in for a customer's: each as long as a real one may be. A
    // template holds up to 585 placeholders, so an unbounded value made the preview build (and
    // answer) 585 copies of it: 35 MB from a 64 KB request.
    if (input.contains("variables") && input["variables"].is_object())
        for (const auto& [name, value] : input["variables"].items()) {
            if (!value.is_string()) continue;
            const auto& text = value.get_ref<const std::string&>();
            if (utf8_length(text) > kMaxPreviewValueLength) return validation_error({{"variables", messages::kTooLong500}});
            variables[name] = text;
        }
    return api::Json{{"key", key}, {"text", messaging::render_template(body, variables)}};
}

}  // namespace kimonet::services
