#pragma once
// An ApiClient for the headless view tests: answers recorded server JSON (built with shared/api's
// to_json, the server's own serialisers) and remembers every request. Answers are delivered between
// frames by deliver_pending(), as the browser delivers fetch results between frames.
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "api_client.hpp"

namespace kimonet::testing {

struct SentRequest {
    std::string method;
    std::string path;  // with the query string
    std::string body;
};

class FakeApiClient final : public ApiClient {
public:
    // Answers `method` + `path` with `body` (the whole response body, as the server sends it).
    // The path matches with its query string when one is given, else any query string.
    void answer(const std::string& method, const std::string& path, api::Json body, int status = 200);
    // The server's error envelope: {"success":false,"error":{"code","message","fields"}}.
    void answer_error(const std::string& method, const std::string& path, int status, const std::string& code,
                      const std::string& message, const api::Json& fields = api::Json::object());
    // Delivers every request sent so far; returns how many. Unanswered ones get a 404 envelope.
    int deliver_pending();

    const std::vector<SentRequest>& sent() const { return m_sent; }
    // The requests no answer was recorded for ("GET /api/x").
    const std::vector<std::string>& unanswered() const { return m_unanswered; }
    // How many requests matched `method` and started with `path_prefix`.
    int count(const std::string& method, const std::string& path_prefix) const;

protected:
    void send(const char* method, const std::string& path, std::string body, ApiCallback callback,
              const char* content_type) override;

private:
    struct Answer {
        int status;
        std::string text;
    };
    struct Pending {
        std::string method, path;
        ApiCallback callback;
        bool had_token;
    };
    const Answer* find(const std::string& method, const std::string& path) const;

    std::map<std::string, Answer> m_answers;  // "GET /api/customers" or with "?query"
    std::deque<Pending> m_pending;
    std::vector<SentRequest> m_sent;
    std::vector<std::string> m_unanswered;
};

}  // namespace kimonet::testing
