#include "vouchers/voucher_batch.hpp"

#include "api/json_fields.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
#include "core/voucher_messages.hpp"

namespace kimonet {

static_assert(kVoucherAlphabet.size() == 32);

Result<VoucherBatchRequest> validate_voucher_batch(VoucherBatchRequest request) {
    FieldErrors fields;
    request.prefix = trim_copy(request.prefix);
    request.note = trim_copy(request.note);
    if (request.router_id <= 0) fields["router_id"] = messages::kRequired;
    if (request.profile_id <= 0) fields["profile_id"] = messages::kRequired;
    if (request.count < 1 || request.count > kMaxVouchersPerBatch) fields["count"] = messages::kVoucherCount;
    if (request.mode != "voucher" && request.mode != "userpass") fields["mode"] = messages::kVoucherMode;
    if (request.code_length < 8 || request.code_length > 16) fields["code_length"] = messages::kVoucherCodeLength;
    bool prefix_ok = request.prefix.size() <= 6;
    for (char c : request.prefix) prefix_ok = prefix_ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    if (!prefix_ok) fields["prefix"] = messages::kVoucherPrefix;
    if (utf8_length(request.note) > 200 || !is_valid_utf8(request.note)) fields["note"] = messages::kTooLong500;
    if (!fields.empty()) return validation_error(std::move(fields));
    return request;
}

std::string voucher_code(std::string_view prefix, std::string_view random_bytes) {
    std::string code(prefix);
    for (unsigned char byte : random_bytes) code.push_back(kVoucherAlphabet[byte & 31u]);
    return code;
}

std::string hotspot_login_link(std::string_view login_url, std::string_view username, std::string_view password) {
    std::string link(login_url);
    link += link.find('?') == std::string::npos ? '?' : '&';
    return link + "username=" + api::url_encode(username) + "&password=" + api::url_encode(password);
}

}  // namespace kimonet
