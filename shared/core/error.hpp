#pragma once
// One table of every error the product reports: code -> message -> HTTP status. The messages are
// Indonesian catalogue texts (core/error_messages.hpp), like every message an Error carries.
// The HTTP layer is the only place that turns an Error into a response.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/error_messages.hpp"

namespace kimonet {

#define KIMONET_ERROR_TABLE(X)                                                      \
    X(BadRequest, "bad_request", messages::kBadRequest, 400)                  \
    X(Unauthorized, "unauthorized", messages::kUnauthorized, 401)      \
    X(Forbidden, "forbidden", messages::kForbidden, 403)   \
    X(PasswordChangeRequired, "password_change_required", messages::kPasswordChangeRequired, 403) \
    X(NotFound, "not_found", messages::kNotFound, 404)                                     \
    X(MethodNotAllowed, "method_not_allowed", messages::kMethodNotAllowed, 405)           \
    X(Conflict, "conflict", messages::kConflict, 409) \
    X(PayloadTooLarge, "payload_too_large", messages::kPayloadTooLarge, 413)      \
    X(UnsupportedMediaType, "unsupported_media_type", messages::kUnsupportedMediaType, 415) \
    X(ValidationFailed, "validation_failed", messages::kValidationFailed, 422)       \
    X(RateLimited, "rate_limited", messages::kRateLimited, 429)      \
    X(Internal, "internal", messages::kInternal, 500)                                 \
    X(BadGateway, "bad_gateway", messages::kBadGateway, 502)                \
    X(Unavailable, "unavailable", messages::kUnavailable, 503)

enum class ErrorCode : std::uint8_t {
#define KIMONET_ERROR_ENUM(name, code, message, status) name,
    KIMONET_ERROR_TABLE(KIMONET_ERROR_ENUM)
#undef KIMONET_ERROR_ENUM
};

struct ErrorInfo {
    std::string_view name;  // the enumerator's spelling, e.g. "PasswordChangeRequired"
    std::string_view code;
    std::string_view message;
    int http_status;
};

inline constexpr ErrorInfo kErrorInfos[] = {
#define KIMONET_ERROR_INFO(name, code, message, status) {#name, code, message, status},
    KIMONET_ERROR_TABLE(KIMONET_ERROR_INFO)
#undef KIMONET_ERROR_INFO
};

// The table's own rules, checked at compile time below and unit-tested on broken tables
// (tests/shared/core/test_error_table.cpp) so that each check is known to be able to fail.
// A wire code is snake_case: lower-case ASCII words joined by single underscores.
constexpr bool is_snake_case(std::string_view text) {
    if (text.empty() || text.front() < 'a' || text.front() > 'z' || text.back() == '_') return false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char character = text[index];
        const bool word = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
        if (!word && !(character == '_' && text[index - 1] != '_')) return false;
    }
    return true;
}

// The wire code is the enumerator in snake_case ("PasswordChangeRequired" -> "password_change_required"),
// so a code pasted onto the wrong row, or a renamed enumerator with a stale code, is caught.
constexpr bool code_spells_name(std::string_view name, std::string_view code) {
    std::size_t position = 0;
    for (std::size_t index = 0; index < name.size(); ++index) {
        const char character = name[index];
        const bool upper = character >= 'A' && character <= 'Z';
        if (upper && index > 0) {
            if (position >= code.size() || code[position++] != '_') return false;
        }
        const char lower = upper ? static_cast<char>(character - 'A' + 'a') : character;
        if (position >= code.size() || code[position++] != lower) return false;
    }
    return position == code.size();
}

// The first broken rule of a table, or an empty string when there is none.
template <std::size_t Count>
constexpr std::string_view error_table_problem(const ErrorInfo (&table)[Count]) {
    for (std::size_t index = 0; index < Count; ++index) {
        const ErrorInfo& info = table[index];
        if (!is_snake_case(info.code)) return "a code is not snake_case";
        if (!code_spells_name(info.name, info.code)) return "a code does not spell its enumerator";
        if (info.http_status < 400 || info.http_status > 599) return "a status is not an HTTP error (400-599)";
        if (info.message.empty()) return "a message is empty";
        for (std::size_t other = 0; other < index; ++other)
            if (table[other].code == info.code) return "a code appears twice";
    }
    return {};
}

static_assert(error_table_problem(kErrorInfos).empty(), "the error table breaks a rule; see error_table_problem");

constexpr const ErrorInfo& error_info(ErrorCode code) { return kErrorInfos[static_cast<std::size_t>(code)]; }

// Field name -> human message, for validation errors (422 error.fields).
using FieldErrors = std::map<std::string, std::string>;

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string detail;  // a specific message; empty means the table's message
    FieldErrors fields;
    // For RateLimited: seconds until a retry can succeed, sent as Retry-After (0 = not known).
    std::int64_t retry_after_seconds = 0;

    std::string_view code_name() const { return error_info(code).code; }
    int http_status() const { return error_info(code).http_status; }
    std::string message() const { return detail.empty() ? std::string(error_info(code).message) : detail; }
};

inline Error make_error(ErrorCode code, std::string detail = {}) { return Error{code, std::move(detail), {}}; }
inline Error rate_limited(std::string detail, std::int64_t retry_after_seconds) {
    return Error{ErrorCode::RateLimited, std::move(detail), {}, retry_after_seconds};
}
inline Error validation_error(FieldErrors fields, std::string detail = {}) {
    return Error{ErrorCode::ValidationFailed, std::move(detail), std::move(fields)};
}

}  // namespace kimonet
