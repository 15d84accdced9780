#pragma once
// Editable message templates: the defaults from shared/messaging, overridden per key in the
// message_templates table. Saving validates placeholders (422 on an unknown one).
#include "api/json_fields.hpp"
#include "app/context.hpp"

namespace kimonet::services {

// Every template: key, title, placeholders, body in use, default_body, customized.
Result<api::Json> list_message_templates(store::Database& db);
Result<api::Json> get_message_template(store::Database& db, const std::string& key);
// {"body": "..."}; an empty body or {"reset": true} restores the default.
Result<api::Json> save_message_template(app::Context& context, const std::string& key, const api::Json& input);
// {"key": "...", "body": "..."?, "variables": {...}?} -> {"text": rendered with sample data}; 422 on unknown placeholders.
Result<api::Json> preview_message_template(store::Database& db, const api::Json& input);

}  // namespace kimonet::services
