// bench_browser: the browser app's budgets, measured in headless Debian Chromium through
// playwright-core (bench/browser/bench_browser.mjs) against a real server seeded with the demo data
// plus 100,000 customers. Each figure has a baseline from the same run:
//   bundle   wasm + js + fonts (+ page) gzipped ≤ 1.5 MB     (ratio vs the budget; parts listed)
//   first    time to the first ImGui frame ≤ 1.5 s          (baseline: a plain page from the same server)
//   frame    median frame CPU scrolling 100,000 rows ≤ 10 ms (baseline: the dashboard's frames)
//   fast3g   login form usable on Chrome DevTools' Fast 3G (1.6 Mbit/s x 0.9 down, 750 kbit/s x 0.9
//            up, 562.5 ms latency), cold, phone viewport ≤ 5 s (baseline: the same files uncompressed)
// Exits 1 when a budget is missed, 2 when it cannot measure. Usage: bench_browser [--customers N]
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include "bench_customers.hpp"
#include "cli/seed_demo.hpp"
#include "http/http_server.hpp"

using namespace kimonet;

namespace {

int fail(const std::string& what, const std::string& message) {
    std::fprintf(stderr, "bench_browser: %s: %s\n", what.c_str(), message.c_str());
    return 2;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

int main(int argc, char** argv) {
    int customers = 100'000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (!std::strcmp(argv[i], "--customers")) customers = std::atoi(argv[i + 1]);
    const char* web_env = std::getenv("KIMONET_WEB");
    const std::string web_dir = web_env && *web_env ? web_env : KIMONET_DEFAULT_WEB_DIR;
    const std::string script = std::string(KIMONET_SOURCE_DIR) + "/bench/browser/bench_browser.mjs";
    if (!std::filesystem::exists(web_dir + "/app.wasm")) return fail("web app", "no app.wasm in " + web_dir + " (make wasm)");

    ::setenv("KIMONET_PASSWORD_COST", "min", 1);  // seeding 54 demo passwords; logins are not measured here
    bench::ScratchDir scratch;
    app::Config config;
    config.db_path = scratch.file("bench.db");
    config.secret_key_file = scratch.file("secret.key");
    config.web_dir = web_dir;
    config.threads = 2;
    auto app = app::App::open(config, std::make_shared<app::SystemClock>());
    if (!app) return fail("open", app.error().message());
    {
        auto lease = (*app)->database();
        if (!lease) return fail("database", lease.error().message());
        app::Context context = (*app)->context(**lease, app::Actor{"system", 0, "bench", ""});
        auto seeded = (*lease)->transaction([&] { return cli::seed_demo(context); });
        if (!seeded) return fail("seed demo", seeded.error().message());
        if (auto bulk = bench::seed_customers(**lease, customers, 4, 2); !bulk) return fail("seed customers", bulk.error().message());
    }
    std::printf("seeded the demo data + %d customers\n", customers);

    http::HttpServer server(**app);
    if (auto started = server.start("127.0.0.1", 0, config.threads); !started) return fail("listen", started.error().message());
    const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
    const std::string command = "NODE_PATH=/usr/share/nodejs node " + shell_quote(script) + " " + shell_quote(url) + " " +
                                shell_quote(web_dir) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) return fail("node", "popen failed");
    std::string line, result;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe.get())) {
        line = buffer.data();
        if (line.starts_with("RESULT ")) result = line.substr(7);
        else std::fputs(line.c_str(), stdout);
    }
    pipe.reset();
    server.stop();
    const api::Json figures = api::parse_json(result);
    if (!figures.is_object()) return fail("measure", "the browser script printed no RESULT line");

    bench::Row bundle{"bundle: wasm+js+fonts+page gzipped (baseline = fonts alone)", "MB",
                      figures["bundle_gzip_bytes"].get<double>() / 1e6, 0, figures["bundle_parts"]["data"].get<double>() / 1e6, 1.5};
    bench::Row first{"first frame in headless Chromium (baseline = plain page load)", "ms", figures["first_frame_ms"].get<double>(), 0,
                     figures["plain_page_ms"].get<double>(), 1500};
    bench::Row frame{"frame CPU, " + std::to_string(customers) + "-row customer table scrolling (baseline = dashboard)", "ms",
                     figures["table_frame_ms"].get<double>(), figures["table_frame_p95_ms"].get<double>(),
                     figures["dashboard_frame_ms"].get<double>(), 10};
    bench::Row fast3g{"login usable on Fast 3G, cold phone (baseline = files sent uncompressed)", "ms",
                      figures["fast3g_login_ms"].get<double>(), 0, figures["fast3g_identity_login_ms"].get<double>(), 5000};
    std::printf("\n%-78s %10s %10s %8s %8s  %s\n", "budget", "value", "baseline", "ratio", "budget", "verdict");
    int failed = 0;
    for (const bench::Row* row : {&bundle, &first, &frame, &fast3g}) {
        std::printf("%-78s %8.2f%-2s %8.2f%-2s %7.2fx %6.1f%-2s  %s (%.0f%% of budget)\n", row->scenario.c_str(), row->value,
                    row->unit.c_str(), row->baseline, row->unit.c_str(), row->baseline > 0 ? row->value / row->baseline : 0.0,
                    row->budget, row->unit.c_str(), row->value <= row->budget ? "PASS" : "FAIL", 100.0 * row->value / row->budget);
        failed += row->value <= row->budget ? 0 : 1;
    }
    std::printf("(frame p95 %.2f ms over %d frames)\n", frame.p50, figures["table_frames"].get<int>());
    std::printf("\n%s: %d budget(s) failed\n", failed ? "FAIL" : "PASS", failed);
    return failed ? 1 : 0;
}
