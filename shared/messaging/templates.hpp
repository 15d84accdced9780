#pragma once
// Message templates with `{placeholder}` variables: the known kinds, their allowed placeholders,
// the default (Indonesian) texts, validation on save and rendering. Pure, so the browser app
// previews exactly what the server will send, offline, with sample data.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kimonet::messaging {

using TemplateVariables = std::map<std::string, std::string>;

struct TemplateDefinition {
    std::string_view key;          // "reminder"
    std::string_view title;        // shown in the template editor
    std::vector<std::string_view> placeholders;  // allowed names, without braces
    std::string_view default_body;
};

// Every template kind the product sends, in display order.
const std::vector<TemplateDefinition>& template_definitions();
const TemplateDefinition* find_template_definition(std::string_view key);

// Placeholder names used in `body`, in order of first appearance ("{total}" -> "total").
// A placeholder is `{` + [a-z0-9_]+ + `}`; any other brace is literal text.
std::vector<std::string> placeholders_in(std::string_view body);

// Checks a template body before it is saved: not empty, at most 4096 characters, valid UTF-8,
// and only placeholders the kind knows. Problems come back as field errors on "body".
Result<void> validate_template(std::string_view key, std::string_view body);

// Replaces every known `{name}` with its value. A placeholder without a value is left as it is,
// so a missing variable is visible rather than silently blank.
std::string render_template(std::string_view body, const TemplateVariables& variables);
// Placeholders in `body` that `variables` does not provide.
std::vector<std::string> missing_variables(std::string_view body, const TemplateVariables& variables);

// Realistic values for every placeholder, for previews.
const TemplateVariables& sample_variables();

}  // namespace kimonet::messaging
