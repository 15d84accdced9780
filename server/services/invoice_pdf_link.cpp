#include "services/invoice_pdf_link.hpp"

#include <charconv>

#include "core/error_messages.hpp"
#include "security/crypto.hpp"
#include "store/settings_store.hpp"

namespace kimonet::services {

namespace {

constexpr std::string_view kKeySetting = "invoice_link_key";
constexpr std::string_view kSuffix = ".pdf";
constexpr std::size_t kSignatureSize = 64;  // hex of HMAC-SHA256

Result<std::optional<std::string>> stored_key(app::Context& context) {
    const auto sealed = TRY(store::find_setting_value(context.db, kKeySetting));
    if (!sealed || sealed->empty()) return std::optional<std::string>();
    return std::optional<std::string>(TRY(context.secrets.open(*sealed)));
}

// The key, made on first use: inserted only when no server has one yet, then whichever was stored
// first is read back, so every server signs with the same key.
Result<std::string> signing_key(app::Context& context) {
    if (auto key = TRY(stored_key(context))) return *key;
    const std::string sealed = context.secrets.seal(security::random_token(32));
    TRY_VOID(context.db.transaction([&]() -> Result<void> { return store::add_setting_value(context.db, kKeySetting, sealed, true, context.now); }));
    if (auto key = TRY(stored_key(context))) return *key;
    return make_error(ErrorCode::Internal, messages::kInternal);  // the row inserted above vanished
}

std::string signature(const std::string& key, std::int64_t invoice_id, std::int64_t expires) {
    return security::hmac_sha256_hex(key, "invoice-pdf\n" + std::to_string(invoice_id) + "\n" + std::to_string(expires));
}

// A positive decimal number without sign, leading zeros or anything else; nullopt otherwise.
std::optional<std::int64_t> positive_number(std::string_view text) {
    if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
    return value;
}

}  // namespace

Result<std::string> invoice_pdf_link(app::Context& context, const std::string& base_url, std::int64_t invoice_id) {
    const std::string key = TRY(signing_key(context));
    const std::int64_t expires = context.now + kInvoiceLinkSeconds;
    return base_url + "/billing/invoice/" + std::to_string(invoice_id) + "-" + std::to_string(expires) + "-" + signature(key, invoice_id, expires) +
           std::string(kSuffix);
}

Result<std::optional<std::int64_t>> invoice_of_pdf_link(app::Context& context, std::string_view segment) {
    const std::optional<std::int64_t> none;
    if (!segment.ends_with(kSuffix)) return none;
    segment.remove_suffix(kSuffix.size());
    const std::size_t first = segment.find('-');
    const std::size_t second = first == std::string_view::npos ? first : segment.find('-', first + 1);
    if (second == std::string_view::npos || segment.size() - second - 1 != kSignatureSize) return none;
    const auto invoice_id = positive_number(segment.substr(0, first));
    const auto expires = positive_number(segment.substr(first + 1, second - first - 1));
    if (!invoice_id || !expires || context.now >= *expires) return none;
    const auto key = TRY(stored_key(context));
    if (!key) return none;
    if (!security::constant_time_equals(signature(*key, *invoice_id, *expires), segment.substr(second + 1))) return none;
    return std::optional<std::int64_t>(*invoice_id);
}

}  // namespace kimonet::services
