#include "fetch_api_client.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>
#include <vector>

namespace kimonet {
namespace {

// Everything a request needs must outlive emscripten_fetch(): it is owned here until the callback.
struct PendingRequest {
    ApiClient* client = nullptr;
    std::string method;
    std::string body;
    std::string authorization;
    std::string content_type;
    std::vector<const char*> headers;
    ApiCallback callback;
    bool had_token = false;
    std::string cache_key;  // GETs only: the path, whose answer is kept for offline reading
};

void on_fetch_done(emscripten_fetch_t* fetch) {
    std::unique_ptr<PendingRequest> request(static_cast<PendingRequest*>(fetch->userData));
    ApiResponse response = ApiClient::parse_response(
        fetch->status, std::string_view(fetch->data ? fetch->data : "", static_cast<std::size_t>(fetch->numBytes)));
    emscripten_fetch_close(fetch);
    request->client->deliver(std::move(response), request->callback, request->had_token, request->cache_key);
}

}  // namespace

void FetchApiClient::send(const char* method, const std::string& path, std::string body, ApiCallback callback,
                          const char* content_type) {
    auto request = std::make_unique<PendingRequest>();
    request->client = this;
    request->method = method;
    request->body = std::move(body);
    request->callback = std::move(callback);
    request->had_token = begin_request();
    if (std::strcmp(method, "GET") == 0) request->cache_key = path;
    request->headers = {"Accept", "application/json"};
    if (!request->body.empty()) {
        request->headers.push_back("Content-Type");
        request->content_type = content_type;
        request->headers.push_back(request->content_type.c_str());
    }
    if (request->had_token) {
        request->authorization = "Bearer " + token();
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

}  // namespace kimonet
