#pragma once
// The browser's transport for ApiClient: emscripten_fetch to the same origin.
#include "api_client.hpp"

namespace kimonet {

class FetchApiClient final : public ApiClient {
protected:
    void send(const char* method, const std::string& path, std::string body, ApiCallback callback,
              const char* content_type) override;
};

}  // namespace kimonet
