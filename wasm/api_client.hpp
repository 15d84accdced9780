#pragma once
// JSON over HTTP to the server (same origin). Calls are asynchronous: the callback runs on the main
// thread between frames. Every error response has the same shape
// ({"success":false,"error":{"code","message","fields"}}) and is unpacked here once.
// ApiClient is the interface the views use; the browser's transport is FetchApiClient
// (fetch_api_client.cpp, emscripten_fetch); the headless view tests install a fake that answers
// recorded server JSON (tests/views/fake_api_client.hpp).
#include <cstdint>
#include <functional>
#include <string>

#include "api/json_fields.hpp"
#include "core/error.hpp"

namespace kimonet {

struct ApiResponse {
    int status = 0;  // 0 = the request never reached the server
    api::Json body;  // discarded when the body was not JSON
    std::string error_code;
    std::string error_message;
    FieldErrors fields;
    bool from_cache = false;  // the server was unreachable: this is the last answer this browser kept

    bool ok() const { return status >= 200 && status < 300 && error_code.empty(); }
};

using ApiCallback = std::function<void(const ApiResponse&)>;

class ApiClient {
public:
    virtual ~ApiClient() = default;

    void set_token(std::string token) { m_token = std::move(token); }
    const std::string& token() const { return m_token; }
    // Called (before the request's own callback) when a request with a token gets 401.
    void on_session_expired(std::function<void()> handler) { m_session_expired = std::move(handler); }
    // Called (before the request's own callback) for every other failed request: the app's toast.
    void on_error(std::function<void(const ApiResponse&)> handler) { m_error = std::move(handler); }

    // Requests sent and not answered yet (the shell's loading indicator).
    int in_flight() const { return m_in_flight; }
    // The last request could not reach the server (answers come from the offline cache).
    bool offline() const { return m_offline; }
    // Offline reading: successful GET answers are kept in the browser (see browser_glue) and
    // served, marked from_cache, when the server cannot be reached. Off until signed in.
    void set_offline_cache(bool enabled) { m_cache_enabled = enabled; }

    void get(const std::string& path, ApiCallback callback);
    void post(const std::string& path, const api::Json& body, ApiCallback callback);
    void put(const std::string& path, const api::Json& body, ApiCallback callback);
    void remove(const std::string& path, ApiCallback callback);
    // POSTs raw bytes (an uploaded file) with `content_type`; the answer is JSON as usual.
    void post_bytes(const std::string& path, std::string bytes, const char* content_type, ApiCallback callback);

    // Delivers a finished request: the transport calls it with the server's answer (on the main
    // thread, never from inside send()). Keeps the offline copy, signals expiry and errors.
    void deliver(ApiResponse response, const ApiCallback& callback, bool had_token, const std::string& cache_key);

    // Unpacks a response body: the error envelope into error_code/message/fields.
    static ApiResponse parse_response(int status, std::string_view text);

protected:
    // The transport: sends one request and later calls deliver(). `content_type` applies when `body`
    // is not empty. Counts itself in in_flight via begin_request().
    virtual void send(const char* method, const std::string& path, std::string body, ApiCallback callback,
                      const char* content_type) = 0;
    // Call once per request sent; returns whether it carried the token.
    bool begin_request() {
        ++m_in_flight;
        return !m_token.empty();
    }

private:
    std::string m_token;
    std::function<void()> m_session_expired;
    std::function<void(const ApiResponse&)> m_error;
    int m_in_flight = 0;
    bool m_offline = false;
    bool m_cache_enabled = false;
};

// The client the app and its views use. The browser's main() installs the fetch client; a test
// installs its fake. The client must outlive its use.
ApiClient& api_client();
void install_api_client(ApiClient& client);

// The one JSON field reader and URL encoder (shared/api/json_fields.hpp), as the views call them.
using api::json_bool;
using api::json_int;
using api::json_string;
using api::response_data;
using api::url_encode;

}  // namespace kimonet
