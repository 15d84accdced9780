#include "http/response.hpp"

namespace kimonet::http {

static std::string dump(const api::Json& json) { return json.dump(-1, ' ', false, api::Json::error_handler_t::replace); }

Response json_ok(api::Json fields, int status) {
    api::Json body = {{"success", true}};
    if (fields.is_object()) body.update(fields);
    return Response{status, "application/json", dump(body), {}};
}

Response json_list(api::Json data, std::int64_t total, api::Json extra) {
    api::Json body = {{"success", true}, {"data", std::move(data)}, {"total", total}};
    if (extra.is_object()) body.update(extra);
    return Response{200, "application/json", dump(body), {}};
}

Response json_error(const Error& error) {
    api::Json detail = {{"code", error.code_name()}, {"message", error.message()}};
    if (!error.fields.empty()) detail["fields"] = error.fields;
    Response response{error.http_status(), "application/json", dump(api::Json{{"success", false}, {"error", detail}}), {}};
    // Every 429 says when to come back (RFC 9110 §10.2.3); a limiter that does not know says a minute.
    if (error.code == ErrorCode::RateLimited) {
        const std::int64_t seconds = error.retry_after_seconds > 0 ? error.retry_after_seconds : 60;
        response.headers["Retry-After"] = std::to_string(seconds);
        detail["retry_after_seconds"] = seconds;
        response.body = dump(api::Json{{"success", false}, {"error", detail}});
    }
    return response;
}

Response html(std::string body, int status) { return Response{status, "text/html; charset=utf-8", std::move(body), {}}; }

Response bytes(std::string body, std::string content_type, std::string filename) {
    Response response{200, std::move(content_type), std::move(body), {}};
    if (!filename.empty()) response.headers["Content-Disposition"] = "attachment; filename=\"" + filename + "\"";
    return response;
}

}  // namespace kimonet::http
