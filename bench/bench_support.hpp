#pragma once
// Timing, percentiles, a keep-alive HTTP client and the report table shared by the benchmarks.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace kimonet::bench {

// Milliseconds taken by each of `samples` calls of `work` (after `warmup` untimed calls).
std::vector<double> time_samples(int samples, int warmup, const std::function<void(int)>& work);
// The same, for several kinds of work interleaved sample by sample (a, b, c, a, b, c, …), so a
// burst of load from elsewhere on the machine hits the measurement and its baseline alike.
std::vector<std::vector<double>> time_interleaved(int samples, int warmup, const std::vector<std::function<void(int)>>& works);
double percentile(std::vector<double> values, double fraction);  // nearest-rank, fraction in (0,1]

// One libcurl handle reused for every request, so latency is the server's, not TCP setup.
class HttpClient {
public:
    explicit HttpClient(std::string base_url);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    // Returns the status; the body lands in body().
    int request(const std::string& method, const std::string& path, const std::string& body = {}, const std::string& token = {});
    const std::string& body() const { return m_body; }

private:
    std::string m_base_url;
    std::string m_body;
    void* m_curl;
};

std::string url_encode(const std::string& text);

// "--name value" pairs from the command line into the ints they name; unknown names are reported.
void parse_int_options(int argc, char** argv, std::initializer_list<std::pair<const char*, int*>> options);

// A row of the report: what was measured, its figures, its budget and the verdict.
struct Row {
    std::string scenario;
    std::string unit;      // "ms" (latency: lower is better) or "/s" (throughput: higher is better)
    double value = 0;      // p99 latency or throughput
    double p50 = 0;        // latency rows only
    double baseline = 0;   // the same figure for the baseline
    double budget = 0;     // max for latency, min for throughput
    bool pass() const { return unit == "/s" ? value >= budget : value <= budget; }
};

void print_rows(const std::string& title, const std::vector<Row>& rows);

// A directory removed at exit.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

}  // namespace kimonet::bench
