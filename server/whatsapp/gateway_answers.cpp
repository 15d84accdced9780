#include "whatsapp/gateway_answers.hpp"

#include "core/text.hpp"
#include "whatsapp/messenger.hpp"

namespace kimonet::whatsapp {

std::string first_string(const api::Json& object, std::initializer_list<const char*> names) {
    if (!object.is_object()) return {};
    for (const char* name : names) {
        auto found = object.find(name);
        if (found != object.end() && found->is_string()) return found->get<std::string>();
    }
    return {};
}

bool json_flag(const api::Json& object, const char* name, bool fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(name);
    if (found == object.end()) return fallback;
    if (found->is_boolean()) return found->get<bool>();
    if (found->is_string()) {
        const std::string text = to_lower_ascii(found->get<std::string>());
        if (text == "true") return true;
        if (text == "false") return false;
    }
    return fallback;
}

bool is_permanent_refusal(const std::string& reason) {
    const std::string lower = to_lower_ascii(reason);
    for (const char* marker : {"target invalid", "invalid target", "not registered", "invalid number", "tidak terdaftar", "invalid_jid"})
        if (lower.find(marker) != std::string::npos) return true;
    return false;
}

Result<api::Json> json_object_answer(const HttpAnswer& answer) {
    if (answer.status != 200)
        return make_error(ErrorCode::BadGateway, transport_failure(answer.status, answer.body, answer.transport_error, answer.timed_out).error);
    api::Json json = api::parse_json(answer.body);
    if (!json.is_object()) return make_error(ErrorCode::BadGateway, messages::kGatewayNotJson);
    return json;
}

}  // namespace kimonet::whatsapp
