#include "routeros/rest_client.hpp"

#include <curl/curl.h>

#include <mutex>

#include "network/peer_replies.hpp"
#include "security/base64.hpp"

namespace kimonet::routeros {

namespace {

void ensure_global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The most of a router's own words carried in an error (see peer_words: printable, whole characters).
constexpr std::size_t kRestRouterWords = 300;

void cut_out(std::string& text, const std::string& secret) {
    if (secret.empty()) return;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) text.replace(at, secret.size(), "***");
}

}  // namespace

RestClient::RestClient(RestEndpoint endpoint, RestOptions options) : m_endpoint(std::move(endpoint)), m_options(options) {
    ensure_global_init();
    m_curl = curl_easy_init();
}

RestClient::~RestClient() {
    if (m_curl) curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

std::string RestClient::describe() const { return m_endpoint.host + ":" + std::to_string(m_endpoint.port); }

std::string RestClient::scrub(std::string text) const {
    cut_out(text, m_endpoint.password);
    cut_out(text, security::base64(m_endpoint.username + ":" + m_endpoint.password));
    return network::peer_words(text, kRestRouterWords);
}

std::string rest_query(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        out += out.empty() ? "?" : "&";
        out += api::url_encode(name) + "=" + api::url_encode(value);
    }
    return out;
}

RestOutcome RestClient::perform(std::string_view method, const std::string& path, const std::string& body, bool credentials) {
    RestOutcome outcome;
    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl) {
        outcome.transport_error = "curl_easy_init failed";
        return outcome;
    }
    curl_easy_reset(curl);
    const std::string host = m_endpoint.host.find(':') != std::string::npos ? "[" + m_endpoint.host + "]" : m_endpoint.host;
    const std::string url = std::string(m_endpoint.tls ? "https://" : "http://") + host + ":" + std::to_string(m_endpoint.port) + "/rest" + path;
    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    if (!body.empty()) headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");
    char error_buffer[CURL_ERROR_SIZE] = {0};
    network::BoundedBody collector{&outcome.body, m_options.max_body};
    const std::string verb(method);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, network::collect_bounded);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, network::count_headers_bounded);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &collector);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &collector);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.max_body));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>((m_options.connect_timeout + m_options.reply_timeout).count()));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    // Routers carry self-signed certificates (as for api-ssl, the login is what authenticates).
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    if (credentials) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, m_endpoint.username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, m_endpoint.password.c_str());
    }
    if (!body.empty() || verb == "POST" || verb == "PUT" || verb == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb.c_str());
    }
    const CURLcode code = curl_easy_perform(curl);
    outcome.curl_code = static_cast<int>(code);
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &outcome.os_errno);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    outcome.too_large = collector.too_large || code == CURLE_FILESIZE_EXCEEDED;
    outcome.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    if (code == CURLE_OK) outcome.status = static_cast<int>(status);
    else {
        outcome.status = outcome.too_large ? static_cast<int>(status) : 0;
        outcome.transport_error = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    }
    curl_slist_free_all(headers);
    return outcome;
}

Result<api::Json> RestClient::call(std::string_view method, const std::string& path, const api::Json& body) {
    const std::string text = body.is_null() ? std::string() : body.dump();
    RestOutcome outcome = perform(method, path, text, true);
    const std::string where = describe() + ": " + std::string(method) + " /rest" + path.substr(0, path.find('?'));
    if (outcome.too_large) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterRestTooLarge, where + ": > " + std::to_string(m_options.max_body)));
    if (outcome.status == 0)
        return make_error(ErrorCode::Unavailable, messages::with_detail(messages::kRouterRestTransport, describe() + ": " + scrub(outcome.transport_error)));
    if (outcome.status >= 300 && outcome.status < 400) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterRestRedirect, where));
    api::Json parsed = outcome.body.empty() ? api::Json(nullptr) : api::parse_json(outcome.body);
    if (outcome.status == 401)
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterLoginRejected, describe() + ": '" + m_endpoint.username + "': HTTP 401"));
    if (outcome.status >= 400) {
        std::string detail = "HTTP " + std::to_string(outcome.status);
        if (parsed.is_object())
            for (const char* key : {"detail", "message"})
                if (auto found = parsed.find(key); found != parsed.end() && found->is_string()) {
                    detail = found->get<std::string>();
                    break;
                }
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterCommandRefused, where + ": " + scrub(detail)));
    }
    if (!outcome.body.empty() && parsed.is_discarded())
        return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterRestNotJson, where));
    return parsed;
}

}  // namespace kimonet::routeros
