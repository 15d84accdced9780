#include "api_client.hpp"

#include <emscripten/fetch.h>

#include "platform/browser_glue.hpp"
#include "platform/frame_pacing.hpp"

#include <cstring>
#include <memory>
#include <vector>

namespace kimonet {
namespace {

// Everything a request needs must outlive emscripten_fetch(): it is owned here until the callback.
struct PendingRequest {
    std::string method;
    std::string body;
    std::string authorization;
    std::string content_type;
    std::vector<const char*> headers;
    ApiCallback callback;
    bool had_token = false;
    std::string cache_key;  // GETs only: the path, whose answer is kept for offline reading
};

ApiResponse parse_response(emscripten_fetch_t* fetch) {
    ApiResponse response;
    response.status = fetch->status;
    const std::string_view text(fetch->data ? fetch->data : "", static_cast<std::size_t>(fetch->numBytes));
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

void on_fetch_done(emscripten_fetch_t* fetch) {
    std::unique_ptr<PendingRequest> request(static_cast<PendingRequest*>(fetch->userData));
    ApiResponse response = parse_response(fetch);
    emscripten_fetch_close(fetch);
    api_client().deliver(std::move(response), request->callback, request->had_token, request->cache_key);
}

}  // namespace

ApiClient& api_client() {
    static ApiClient instance;
    return instance;
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

void ApiClient::get(const std::string& path, ApiCallback callback) { send("GET", path, {}, std::move(callback)); }

void ApiClient::post(const std::string& path, const api::Json& body, ApiCallback callback) {
    send("POST", path, body.dump(), std::move(callback));
}

void ApiClient::put(const std::string& path, const api::Json& body, ApiCallback callback) {
    send("PUT", path, body.dump(), std::move(callback));
}

void ApiClient::remove(const std::string& path, ApiCallback callback) { send("DELETE", path, {}, std::move(callback)); }

void ApiClient::post_bytes(const std::string& path, std::string bytes, const char* content_type, ApiCallback callback) {
    send("POST", path, std::move(bytes), std::move(callback), content_type);
}

void ApiClient::send(const char* method, const std::string& path, std::string body, ApiCallback callback,
                     const char* content_type) {
    auto request = std::make_unique<PendingRequest>();
    request->method = method;
    request->body = std::move(body);
    request->callback = std::move(callback);
    request->had_token = !m_token.empty();
    if (std::strcmp(method, "GET") == 0) request->cache_key = path;
    ++m_in_flight;
    request->headers = {"Accept", "application/json"};
    if (!request->body.empty()) {
        request->headers.push_back("Content-Type");
        request->content_type = content_type;
        request->headers.push_back(request->content_type.c_str());
    }
    if (request->had_token) {
        request->authorization = "Bearer " + m_token;
        request->headers.push_back("Authorization");
        request->headers.push_back(request->authorization.c_str());
    }
    request->headers.push_back(nullptr);

    emscripten_fetch_attr_t attributes;
    emscripten_fetch_attr_init(&attributes);
    std::strncpy(attributes.requestMethod, method, sizeof(attributes.requestMethod) - 1);
    attributes.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attributes.requestHeaders = request->headers.data();
    if (!request->body.empty()) {
        attributes.requestData = request->body.data();
        attributes.requestDataSize = request->body.size();
    }
    attributes.onsuccess = on_fetch_done;
    attributes.onerror = on_fetch_done;
    attributes.userData = request.release();
    emscripten_fetch(&attributes, path.c_str());
}

std::string json_string(const api::Json& object, const char* key, std::string fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

std::int64_t json_int(const api::Json& object, const char* key, std::int64_t fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : fallback;
}

bool json_bool(const api::Json& object, const char* key, bool fallback) {
    if (!object.is_object()) return fallback;
    auto found = object.find(key);
    return found != object.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace kimonet
