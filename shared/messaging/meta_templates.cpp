#include "messaging/meta_templates.hpp"

#include "core/whatsapp_provider_messages.hpp"
#include "messaging/templates.hpp"

namespace kimonet::messaging {

namespace {

std::string_view trimmed_meta_part(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

bool is_meta_template_name(std::string_view name) {
    if (name == "-") return true;
    if (name.empty() || name.size() > 512) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// Calls `each(kind, name)` for every pair; false when one is malformed.
template <typename Each>
bool for_each_meta_override(std::string_view overrides, Each each) {
    while (!trimmed_meta_part(overrides).empty()) {
        const auto comma = overrides.find(',');
        const std::string_view pair = trimmed_meta_part(overrides.substr(0, comma));
        overrides = comma == std::string_view::npos ? std::string_view() : overrides.substr(comma + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) return false;
        if (!each(trimmed_meta_part(pair.substr(0, equals)), trimmed_meta_part(pair.substr(equals + 1)))) return false;
    }
    return true;
}

}  // namespace

std::optional<MetaTemplate> meta_template_for(std::string_view kind, std::string_view overrides) {
    const TemplateDefinition* definition = find_template_definition(kind);
    if (!definition) return std::nullopt;
    std::string name = kind.starts_with("bot_") ? "-" : "kimonet_" + std::string(kind);
    for_each_meta_override(overrides, [&](std::string_view named_kind, std::string_view template_name) {
        if (named_kind == kind) name = std::string(template_name);
        return true;
    });
    if (name == "-" || !is_meta_template_name(name)) return std::nullopt;
    return MetaTemplate{std::move(name), placeholders_in(definition->default_body)};
}

std::optional<std::string> meta_templates_problem(std::string_view overrides) {
    const bool well_formed = for_each_meta_override(overrides, [](std::string_view kind, std::string_view name) {
        return find_template_definition(kind) != nullptr && is_meta_template_name(name);
    });
    if (well_formed && overrides.size() <= 4096) return std::nullopt;
    return std::string(messages::kWhatsappMetaTemplatesFormat);
}

std::string meta_parameter_text(std::string_view value) {
    std::string out;
    int spaces = 0;
    for (char c : value) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && (++spaces > 1 || out.empty())) continue;  // one space between words is enough
        if (c != ' ') spaces = 0;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() > 1024) {
        out.resize(1024);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // not inside a UTF-8 sequence
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
    }
    if (out.empty()) out = "-";  // Meta refuses an empty text parameter
    return out;
}

}  // namespace kimonet::messaging
