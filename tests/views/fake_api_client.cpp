#include "fake_api_client.hpp"

namespace kimonet::testing {

void FakeApiClient::answer(const std::string& method, const std::string& path, api::Json body, int status) {
    m_answers[method + " " + path] = {status, body.dump()};
}

void FakeApiClient::answer_error(const std::string& method, const std::string& path, int status, const std::string& code,
                                 const std::string& message, const api::Json& fields) {
    answer(method, path, {{"success", false}, {"error", {{"code", code}, {"message", message}, {"fields", fields}}}}, status);
}

const FakeApiClient::Answer* FakeApiClient::find(const std::string& method, const std::string& path) const {
    if (auto exact = m_answers.find(method + " " + path); exact != m_answers.end()) return &exact->second;
    const std::string without_query = path.substr(0, path.find('?'));
    if (auto loose = m_answers.find(method + " " + without_query); loose != m_answers.end()) return &loose->second;
    return nullptr;
}

void FakeApiClient::send(const char* method, const std::string& path, std::string body, ApiCallback callback, const char*) {
    const bool had_token = begin_request();
    m_sent.push_back({method, path, body});
    m_pending.push_back({method, path, std::move(callback), had_token});
}

int FakeApiClient::deliver_pending() {
    int delivered = 0;
    // Callbacks may send more requests: those wait for the next call (the next frame).
    std::deque<Pending> batch;
    batch.swap(m_pending);
    for (Pending& request : batch) {
        const Answer* found = find(request.method, request.path);
        if (!found) m_unanswered.push_back(request.method + " " + request.path);
        const Answer answer = found ? *found
                                    : Answer{404, R"({"success":false,"error":{"code":"not_found","message":"no recorded answer"}})"};
        deliver(parse_response(answer.status, answer.text), request.callback, request.had_token,
                request.method == "GET" ? request.path : std::string());
        ++delivered;
    }
    return delivered;
}

int FakeApiClient::count(const std::string& method, const std::string& path_prefix) const {
    int matches = 0;
    for (const SentRequest& request : m_sent)
        if (request.method == method && request.path.starts_with(path_prefix)) ++matches;
    return matches;
}

}  // namespace kimonet::testing
