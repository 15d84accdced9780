#include "sim/gateways/gateway_simulator_limits.hpp"

namespace kimonet::sim {

namespace {

std::string text_of(const Json& object, const char* name) {
    if (!object.is_object() || !object.contains(name)) return {};
    const Json& value = object[name];
    if (value.is_string()) return value.get<std::string>();
    return value.is_null() ? std::string() : value.dump();
}

std::string field(const std::map<std::string, std::string>& fields, const char* name) {
    auto found = fields.find(name);
    return found == fields.end() ? std::string() : found->second;
}

// "<name> must be at most <limit> characters" when `text` is longer or not UTF-8.
std::optional<std::string> too_long(const std::string& name, const std::string& text, std::size_t limit) {
    const auto count = utf8_character_count(text);
    if (!count) return name + " is not valid UTF-8";
    if (*count > limit) return name + " must be at most " + std::to_string(limit) + " characters";
    return std::nullopt;
}

bool midtrans_order_id_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~' || c == '.';
}

}  // namespace

std::optional<std::size_t> utf8_character_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count) {
        const auto lead = static_cast<unsigned char>(text[at]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || at + length > text.size()) return std::nullopt;
        std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(text[at + i]);
            if ((next & 0xC0) != 0x80) return std::nullopt;
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and anything past U+10FFFF are not characters.
        static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return std::nullopt;
        at += length;
    }
    return count;
}

std::optional<std::string> midtrans_request_refusal(const Json& body) {
    const std::string order_id = text_of(body.value("transaction_details", Json::object()), "order_id");
    if (order_id.size() > 50) return std::string("transaction_details.order_id too long, maximum 50 characters");
    for (char c : order_id)
        if (!midtrans_order_id_character(c))
            return std::string("transaction_details.order_id contains invalid character, allowed symbols are - _ ~ .");
    const Json customer = body.value("customer_details", Json::object());
    for (const char* name : {"first_name", "last_name", "email", "phone"})
        if (auto refusal = too_long(std::string("customer_details.") + name, text_of(customer, name), 255)) return refusal;
    const Json items = body.value("item_details", Json::array());
    if (items.is_array())
        for (const auto& item : items)
            if (auto refusal = too_long("item_details.name", text_of(item, "name"), 50)) return refusal;
    return std::nullopt;
}

std::optional<std::string> duitku_inquiry_refusal(const std::map<std::string, std::string>& fields) {
    static const std::pair<const char*, std::size_t> kLimits[] = {
        {"merchantOrderId", 50}, {"productDetails", 255}, {"email", 255}, {"phoneNumber", 50}, {"customerVaName", 20}};
    for (const auto& [name, limit] : kLimits)
        if (auto refusal = too_long(name, field(fields, name), limit)) return refusal;
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> flip_bill_refusal(const std::map<std::string, std::string>& form) {
    for (const char* name : {"title", "sender_name", "sender_email", "sender_phone_number"})
        if (auto refusal = too_long(name, field(form, name), 255)) return std::make_pair(std::string(name), *refusal);
    const std::string step = field(form, "step");
    if (step != "1" && step != "2" && step != "3") return std::make_pair(std::string("step"), std::string("step must be 1, 2 or 3"));
    if (step == "3" && field(form, "type") != "SINGLE")
        return std::make_pair(std::string("type"), std::string("Bill created with step 3 must be SINGLE"));
    return std::nullopt;
}

std::pair<std::string, std::string> midtrans_status_words(const std::string& status) {
    if (status == "paid") return {"settlement", "200"};
    if (status == "pending") return {"pending", "201"};
    if (status == "deny") return {"deny", "202"};
    if (status == "cancelled") return {"cancel", "200"};  // Cancel Transaction's answer and the status API
    if (is_reversal_status(status)) return {status, "200"};
    return {"expire", "202"};
}

bool is_reversal_status(const std::string& status) {
    return status == "refund" || status == "partial_refund" || status == "chargeback" || status == "partial_chargeback" || status == "deny";
}

}  // namespace kimonet::sim
