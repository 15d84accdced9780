#include "api_client.hpp"

#include "platform/browser_glue.hpp"
#include "platform/frame_pacing.hpp"

namespace kimonet {
namespace {

ApiClient* g_client = nullptr;

}  // namespace

ApiClient& api_client() { return *g_client; }
void install_api_client(ApiClient& client) { g_client = &client; }

ApiResponse ApiClient::parse_response(int status, std::string_view text) {
    ApiResponse response;
    response.status = status;
    response.body = api::parse_json(text);
    const bool success = response.status >= 200 && response.status < 300;
    if (!response.body.is_object()) {
        if (!success || response.status == 0) response.error_code = response.status == 0 ? "network" : "bad_response";
        return response;
    }
    if (json_bool(response.body, "success", success)) return response;
    response.error_code = "unknown";
    if (auto error = response.body.find("error"); error != response.body.end() && error->is_object()) {
        response.error_code = json_string(*error, "code", "unknown");
        response.error_message = json_string(*error, "message");
        if (auto fields = error->find("fields"); fields != error->end() && fields->is_object())
            for (const auto& [field, message] : fields->items())
                if (message.is_string()) response.fields[field] = message.get<std::string>();
    }
    return response;
}

void ApiClient::deliver(ApiResponse response, const ApiCallback& callback, bool had_token, const std::string& cache_key) {
    platform::note_activity();  // the answer changes the screen: draw it
    if (m_in_flight > 0) --m_in_flight;
    m_offline = response.status == 0;
    if (!cache_key.empty() && m_cache_enabled) {
        if (response.ok()) {
            platform::cache_response(cache_key, response.body.dump(-1, ' ', false, api::Json::error_handler_t::replace));
        } else if (response.status == 0) {
            if (std::string kept = platform::cached_response(cache_key); !kept.empty()) {
                api::Json body = api::parse_json(kept);
                if (body.is_object()) {
                    response = ApiResponse{};
                    response.status = 200;
                    response.body = std::move(body);
                    response.from_cache = true;
                }
            }
        }
    }
    if (response.status == 401 && had_token && m_session_expired) m_session_expired();
    else if (!response.ok() && m_error) m_error(response);
    if (callback) callback(response);
}

void ApiClient::get(const std::string& path, ApiCallback callback) { send("GET", path, {}, std::move(callback), "application/json"); }

void ApiClient::post(const std::string& path, const api::Json& body, ApiCallback callback) {
    send("POST", path, body.dump(), std::move(callback), "application/json");
}

void ApiClient::put(const std::string& path, const api::Json& body, ApiCallback callback) {
    send("PUT", path, body.dump(), std::move(callback), "application/json");
}

void ApiClient::remove(const std::string& path, ApiCallback callback) { send("DELETE", path, {}, std::move(callback), "application/json"); }

void ApiClient::post_bytes(const std::string& path, std::string bytes, const char* content_type, ApiCallback callback) {
    send("POST", path, std::move(bytes), std::move(callback), content_type);
}

}  // namespace kimonet
