// The error table (core/error.hpp): its rules hold for the real table, each rule rejects a table that
// breaks it (so the compile-time check can fail), and the published code and status of every error
// are pinned here by hand, since clients and the browser match on them.
#include <boost/test/unit_test.hpp>
#include <set>
#include <string>
#include <string_view>

#include "core/error.hpp"

using namespace kimonet;

namespace {

struct PublishedError {
    ErrorCode error;
    std::string_view name;
    std::string_view code;
    int status;
};

// Written out by hand (not from the X-macro): the wire contract the API documents.
constexpr PublishedError kPublished[] = {
    {ErrorCode::BadRequest, "BadRequest", "bad_request", 400},
    {ErrorCode::Unauthorized, "Unauthorized", "unauthorized", 401},
    {ErrorCode::Forbidden, "Forbidden", "forbidden", 403},
    {ErrorCode::PasswordChangeRequired, "PasswordChangeRequired", "password_change_required", 403},
    {ErrorCode::NotFound, "NotFound", "not_found", 404},
    {ErrorCode::MethodNotAllowed, "MethodNotAllowed", "method_not_allowed", 405},
    {ErrorCode::Conflict, "Conflict", "conflict", 409},
    {ErrorCode::PayloadTooLarge, "PayloadTooLarge", "payload_too_large", 413},
    {ErrorCode::UnsupportedMediaType, "UnsupportedMediaType", "unsupported_media_type", 415},
    {ErrorCode::ValidationFailed, "ValidationFailed", "validation_failed", 422},
    {ErrorCode::RateLimited, "RateLimited", "rate_limited", 429},
    {ErrorCode::Internal, "Internal", "internal", 500},
    {ErrorCode::BadGateway, "BadGateway", "bad_gateway", 502},
    {ErrorCode::Unavailable, "Unavailable", "unavailable", 503},
};

// Enum order = table order: error_info(X) is X's own row, checked where the compiler sees it too.
static_assert(error_info(ErrorCode::BadRequest).name == "BadRequest");
static_assert(error_info(ErrorCode::Unavailable).name == "Unavailable");
static_assert(std::size(kPublished) == std::size(kErrorInfos), "a new error needs its published code pinned here");

}  // namespace

BOOST_AUTO_TEST_SUITE(error_table)

BOOST_AUTO_TEST_CASE(the_real_table_breaks_no_rule) {
    BOOST_TEST(error_table_problem(kErrorInfos) == std::string_view{});
}

BOOST_AUTO_TEST_CASE(every_error_has_its_published_code_status_and_own_row) {
    std::set<std::string_view> seen;
    for (const PublishedError& published : kPublished) {
        const ErrorInfo& info = error_info(published.error);
        BOOST_TEST_CONTEXT(published.name) {
            BOOST_TEST(info.name == published.name);
            BOOST_TEST(info.code == published.code);
            BOOST_TEST(info.http_status == published.status);
            BOOST_TEST(make_error(published.error).code_name() == published.code);
        }
        seen.insert(info.name);
    }
    BOOST_TEST(seen.size() == std::size(kErrorInfos));
}

BOOST_AUTO_TEST_CASE(a_duplicated_code_is_refused) {
    constexpr ErrorInfo table[] = {{"NotFound", "not_found", "Not found", 404}, {"NotFound", "not_found", "Gone", 410}};
    static_assert(error_table_problem(table) == "a code appears twice");
    BOOST_TEST(error_table_problem(table) == std::string_view("a code appears twice"));
}

BOOST_AUTO_TEST_CASE(a_code_that_is_not_snake_case_is_refused) {
    for (std::string_view code : {"NotFound", "not-found", "not__found", "_not_found", "not_found_", "", "1_found"})
        BOOST_TEST(!is_snake_case(code), code);
    for (std::string_view code : {"not_found", "internal", "error_2fa"}) BOOST_TEST(is_snake_case(code), code);
    constexpr ErrorInfo table[] = {{"NotFound", "not-found", "Not found", 404}};
    static_assert(error_table_problem(table) == "a code is not snake_case");
    BOOST_TEST(error_table_problem(table) == std::string_view("a code is not snake_case"));
}

BOOST_AUTO_TEST_CASE(a_code_on_the_wrong_row_is_refused) {
    BOOST_TEST(code_spells_name("PasswordChangeRequired", "password_change_required"));
    BOOST_TEST(!code_spells_name("Forbidden", "not_found"));
    BOOST_TEST(!code_spells_name("BadGateway", "bad_gateway_error"));
    BOOST_TEST(!code_spells_name("BadGateway", "badgateway"));
    constexpr ErrorInfo table[] = {{"Conflict", "not_found", "Not found", 404}};
    static_assert(error_table_problem(table) == "a code does not spell its enumerator");
    BOOST_TEST(error_table_problem(table) == std::string_view("a code does not spell its enumerator"));
}

BOOST_AUTO_TEST_CASE(a_status_outside_400_to_599_is_refused) {
    constexpr ErrorInfo success[] = {{"NotFound", "not_found", "Not found", 200}};
    constexpr ErrorInfo beyond[] = {{"NotFound", "not_found", "Not found", 600}};
    static_assert(error_table_problem(success) == "a status is not an HTTP error (400-599)");
    BOOST_TEST(error_table_problem(success) == std::string_view("a status is not an HTTP error (400-599)"));
    static_assert(error_table_problem(beyond) == "a status is not an HTTP error (400-599)");
    BOOST_TEST(error_table_problem(beyond) == std::string_view("a status is not an HTTP error (400-599)"));
}

BOOST_AUTO_TEST_CASE(an_empty_message_is_refused) {
    constexpr ErrorInfo table[] = {{"NotFound", "not_found", "", 404}};
    static_assert(error_table_problem(table) == "a message is empty");
    BOOST_TEST(error_table_problem(table) == std::string_view("a message is empty"));
}

BOOST_AUTO_TEST_SUITE_END()
