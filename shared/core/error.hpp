#pragma once
// One table of every error the product reports: code -> message -> HTTP status.
// The HTTP layer is the only place that turns an Error into a response.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace kimonet {

#define KIMONET_ERROR_TABLE(X)                                                      \
    X(BadRequest, "bad_request", "The request is malformed", 400)                  \
    X(Unauthorized, "unauthorized", "Login required or session expired", 401)      \
    X(Forbidden, "forbidden", "You do not have permission for this action", 403)   \
    X(PasswordChangeRequired, "password_change_required", "Change your password first", 403) \
    X(NotFound, "not_found", "Not found", 404)                                     \
    X(MethodNotAllowed, "method_not_allowed", "Method not allowed", 405)           \
    X(Conflict, "conflict", "Already exists or conflicts with existing data", 409) \
    X(PayloadTooLarge, "payload_too_large", "Request body is too large", 413)      \
    X(ValidationFailed, "validation_failed", "Some fields are invalid", 422)       \
    X(RateLimited, "rate_limited", "Too many attempts, try again later", 429)      \
    X(Internal, "internal", "Internal error", 500)                                 \
    X(BadGateway, "bad_gateway", "An upstream service failed", 502)                \
    X(Unavailable, "unavailable", "Service temporarily unavailable", 503)

enum class ErrorCode : std::uint8_t {
#define KIMONET_ERROR_ENUM(name, code, message, status) name,
    KIMONET_ERROR_TABLE(KIMONET_ERROR_ENUM)
#undef KIMONET_ERROR_ENUM
};

struct ErrorInfo {
    std::string_view code;
    std::string_view message;
    int http_status;
};

inline constexpr ErrorInfo kErrorInfos[] = {
#define KIMONET_ERROR_INFO(name, code, message, status) {code, message, status},
    KIMONET_ERROR_TABLE(KIMONET_ERROR_INFO)
#undef KIMONET_ERROR_INFO
};

inline constexpr std::size_t kErrorCount = 0
#define KIMONET_ERROR_COUNT(name, code, message, status) +1
    KIMONET_ERROR_TABLE(KIMONET_ERROR_COUNT)
#undef KIMONET_ERROR_COUNT
    ;
static_assert(sizeof(kErrorInfos) / sizeof(kErrorInfos[0]) == kErrorCount, "error table and enum differ");

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
