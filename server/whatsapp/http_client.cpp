#include "whatsapp/http_client.hpp"

#include <curl/curl.h>

#include <mutex>

#include "core/peer_messages.hpp"
#include "core/error_messages.hpp"

namespace kimonet::whatsapp {

namespace {

void ensure_global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// A read (GET, HEAD) goes on this thread's own handle, whose connections stay open for the next
// read to the same host: a gateway's status API asked once per paid callback then costs no TCP
// (and, in production, no TLS) handshake per question. curl closes a connection idle for 118 s and
// sends a read again on a fresh one when a kept connection turns out closed, which is harmless for
// a read. A write (POST, PUT, DELETE) always goes on a fresh connection: a request resent after a
// kept connection died could make a charge or a message twice. The threads are the server's fixed
// pools, so the handles (at most 5 connections each, curl's default) are bounded too.
// This thread's handle for reads, made at its first read.
CURL* reads_handle() {
    struct ThreadHandle {
        CURL* curl = curl_easy_init();
        ~ThreadHandle() {
            if (curl) curl_easy_cleanup(curl);
        }
    };
    thread_local ThreadHandle handle;
    return handle.curl;
}

}  // namespace

HttpAnswer perform(const HttpCall& call) {
    ensure_global_init();
    HttpAnswer answer;
    const bool kept = call.method == "GET" || call.method == "HEAD";
    CURL* curl = kept ? reads_handle() : curl_easy_init();
    if (kept && curl) curl_easy_reset(curl);  // the options of the last call go; its open connections stay
    if (!curl) {
        answer.transport_error = "curl_easy_init failed";
        return answer;
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : call.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    headers = curl_slist_append(headers, "Expect:");
    char error_buffer[CURL_ERROR_SIZE] = {0};
    network::BoundedBody bounded{&answer.body, call.max_body};
    curl_easy_setopt(curl, CURLOPT_URL, call.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, call.method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, network::collect_bounded);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, network::count_headers_bounded);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &bounded);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &bounded);
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(call.max_body));
    // A 3xx is the answer (a gateway's redirect to 127.0.0.1 or a metadata address is not followed),
    // and TLS peers are verified: libcurl's defaults, said here so no edit turns them off unseen.
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, call.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, call.timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!call.basic_auth.empty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERPWD, call.basic_auth.c_str());
    }
    if (!kept) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, call.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
    }
    const CURLcode code = curl_easy_perform(curl);
    if (bounded.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        answer.body.clear();
        answer.too_large = true;
        answer.transport_error = messages::with_detail(messages::kPeerReplyTooLarge, "> " + std::to_string(call.max_body));
    } else if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        answer.status = static_cast<int>(status);
    } else {
        answer.timed_out = code == CURLE_OPERATION_TIMEDOUT;
        answer.transport_error = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    }
    curl_slist_free_all(headers);
    if (!kept) curl_easy_cleanup(curl);
    return answer;
}

std::string join_url(std::string_view base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + std::string(path);
}

}  // namespace kimonet::whatsapp
