// kimonet-bench: customer list/search latency over 100,000 customers and login throughput,
// each with a budget and a ratio against a baseline measured in the same run. Exits 1 when a
// budget fails. Usage: kimonet-bench [--customers N] [--samples N] [--logins N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "auth/user_service.hpp"
#include "bench_customers.hpp"
#include "bench_login.hpp"
#include "http/http_server.hpp"
#include "services/package_service.hpp"
#include "services/router_service.hpp"

using namespace kimonet;

namespace {

struct Options {
    int customers = 100'000;
    int samples = 200;
    int logins = 20;
};

Options parse_options(int argc, char** argv) {
    Options options;
    bench::parse_int_options(argc, argv, {{"--customers", &options.customers}, {"--samples", &options.samples}, {"--logins", &options.logins}});
    return options;
}

int fail(const std::string& what, const Error& error) {
    std::fprintf(stderr, "bench: %s: %s%s\n", what.c_str(), error.message().c_str(),
                 error.fields.empty() ? "" : (" " + api::Json(error.fields).dump()).c_str());
    return 2;
}

constexpr const char* kUsername = "bench";
constexpr const char* kPassword = "tarif-kilat-2026";  // not containing the username: the password rules refuse that

Result<std::string> seed(app::App& app, int customers) {
    auto lease = TRY(app.database());
    app::Context context = app.context(*lease, app::Actor{"system", 0, "bench", ""});
    TRY_VOID(lease->transaction([&]() -> Result<void> {
        for (int i = 1; i <= 4; ++i)
            TRY(services::create_package(context, {{"name", "Paket " + std::to_string(i * 10) + " Mbps"}, {"download_kbps", i * 10000},
                                                   {"upload_kbps", i * 5000}, {"price", i * 100000}, {"mikrotik_profile", "P" + std::to_string(i)}}));
        for (int i = 1; i <= 2; ++i)
            TRY(services::create_router(context, {{"name", "Router " + std::to_string(i)}, {"host", "10.0.0." + std::to_string(i)},
                                                  {"username", "billing"}, {"password", "router-secret"}}));
        TRY(auth::create_user(context, {{"username", kUsername}, {"password", kPassword}, {"role", "admin"}}));
        return {};
    }));
    const auto start = std::chrono::steady_clock::now();
    TRY_VOID(bench::seed_customers(*lease, customers, 4, 2));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("seeded %d customers in %.2f s (%.0f rows/s, one prepared statement, one transaction)\n", customers, seconds,
                customers / seconds);
    auto hash = TRY(lease->prepare("SELECT password_hash FROM users WHERE username = 'bench'"));
    if (!TRY(hash.step())) return make_error(ErrorCode::Internal, "bench user missing");
    return hash.column_text(0);
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    ::unsetenv("KIMONET_PASSWORD_COST");  // the real (interactive) argon2id cost
    bench::ScratchDir scratch;
    app::Config config;
    config.db_path = scratch.file("bench.db");
    config.secret_key_file = scratch.file("secret.key");
    config.threads = 2;
    auto app = app::App::open(config, std::make_shared<app::SystemClock>());
    if (!app) return fail("open", app.error());
    auto hash = seed(**app, options.customers);
    if (!hash) return fail("seed", hash.error());

    http::HttpServer server(**app);
    if (auto started = server.start("127.0.0.1", 0, config.threads); !started) return fail("listen", started.error());
    bench::HttpClient http("http://127.0.0.1:" + std::to_string(server.port()));
    if (http.request("POST", "/api/auth/login", api::Json{{"username", kUsername}, {"password", kPassword}}.dump()) != 200) {
        std::fprintf(stderr, "bench: login failed: %s\n", http.body().c_str());
        return 2;
    }
    const std::string token = api::parse_json(http.body())["token"].get<std::string>();

    const auto customer_rows = bench::run_customer_bench(**app, http, token, options.samples);
    bench::print_rows("Customer list/search over " + std::to_string(options.customers) + " customers (" +
                          std::to_string(options.samples) + " samples; baseline = raw SQLite SELECT ... LIMIT 25, same predicate)",
                      customer_rows);
    const auto login_rows = bench::run_login_bench(http, kUsername, kPassword, *hash, options.logins);
    bench::print_rows("Login throughput (" + std::to_string(options.logins) +
                          " sequential logins; baseline = raw crypto_pwhash_str_verify on the same hash)",
                      login_rows);
    server.stop();

    int failed = 0;
    for (const auto* rows : {&customer_rows, &login_rows})
        for (const auto& row : *rows) failed += row.pass() ? 0 : 1;
    if (customer_rows.empty()) failed += 1;
    std::printf("\n%s: %d budget(s) failed\n", failed ? "FAIL" : "PASS", failed);
    return failed ? 1 : 0;
}
