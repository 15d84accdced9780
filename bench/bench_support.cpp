#include "bench_support.hpp"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

namespace kimonet::bench {

std::vector<double> time_samples(int samples, int warmup, const std::function<void(int)>& work) {
    for (int i = 0; i < warmup; ++i) work(i);
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work(warmup + i);
        out.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return out;
}

std::vector<std::vector<double>> time_interleaved(int samples, int warmup, const std::vector<std::function<void(int)>>& works) {
    for (int i = 0; i < warmup; ++i)
        for (const auto& work : works) work(i);
    std::vector<std::vector<double>> out(works.size());
    for (int i = 0; i < samples; ++i)
        for (std::size_t k = 0; k < works.size(); ++k) {
            const auto start = std::chrono::steady_clock::now();
            works[k](warmup + i);
            out[k].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
    return out;
}

double percentile(std::vector<double> values, double fraction) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

static std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
}

HttpClient::HttpClient(std::string base_url) : m_base_url(std::move(base_url)), m_curl(curl_easy_init()) {}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(m_curl)); }

int HttpClient::request(const std::string& method, const std::string& path, const std::string& body, const std::string& token) {
    CURL* curl = static_cast<CURL*>(m_curl);
    m_body.clear();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!token.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    headers = curl_slist_append(headers, "Expect:");
    const std::string url = m_base_url + path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &m_body);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    if (method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    return code == CURLE_OK ? static_cast<int>(status) : -static_cast<int>(code);
}

std::string url_encode(const std::string& text) {
    char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
    std::string out(escaped);
    curl_free(escaped);
    return out;
}

void print_rows(const std::string& title, const std::vector<Row>& rows) {
    std::printf("\n%s\n", title.c_str());
    std::printf("  %-40s %10s %10s %12s %8s %12s  %s\n", "scenario", "p50", "p99", "baseline", "ratio", "budget", "result");
    for (const Row& row : rows) {
        const bool latency = row.unit == "ms";
        char p50[32] = "", value[32], baseline[32], budget[32], ratio[32];
        if (latency) std::snprintf(p50, sizeof p50, "%.2f ms", row.p50);
        std::snprintf(value, sizeof value, latency ? "%.2f ms" : "%.1f /s", row.value);
        std::snprintf(baseline, sizeof baseline, latency ? "%.3f ms" : "%.1f /s", row.baseline);
        std::snprintf(budget, sizeof budget, latency ? "<= %.0f ms" : ">= %.1f /s", row.budget);
        std::snprintf(ratio, sizeof ratio, "%.1fx", row.baseline > 0 ? row.value / row.baseline : 0.0);
        std::printf("  %-40s %10s %10s %12s %8s %12s  %s\n", row.scenario.c_str(), p50, value, baseline, ratio, budget,
                    row.pass() ? "PASS" : "FAIL");
    }
    std::fflush(stdout);
}

ScratchDir::ScratchDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("kimonet-bench-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

void parse_int_options(int argc, char** argv, std::initializer_list<std::pair<const char*, int*>> options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        bool known = false;
        for (const auto& [name, value] : options)
            if (!std::strcmp(argv[i], name)) {
                *value = std::atoi(argv[i + 1]);
                known = true;
            }
        if (!known) std::fprintf(stderr, "unknown option %s\n", argv[i]);
    }
}

}  // namespace kimonet::bench
