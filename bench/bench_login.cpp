#include "bench_login.hpp"

#include <cstdio>

#include "api/json_fields.hpp"
#include "security/crypto.hpp"

namespace kimonet::bench {

std::vector<Row> run_login_bench(HttpClient& http, const std::string& username, const std::string& password, const std::string& hash,
                                 int logins) {
    const std::string body = api::Json{{"username", username}, {"password", password}}.dump();
    int failures = 0;
    // The warm-up round's first login also computes the dummy hash used for unknown accounts.

    const auto timings = time_interleaved(logins, 1,
                                          {[&](int) {
                                               if (!security::verify_password(password, hash)) ++failures;
                                           },
                                           [&](int) {
                                               if (http.request("POST", "/api/auth/login", body) != 200) ++failures;
                                           }});
    const auto& verify = timings[0];
    const auto& login = timings[1];
    if (failures) std::fprintf(stderr, "login bench: %d failures (%s)\n", failures, http.body().c_str());

    auto per_second = [](const std::vector<double>& samples) {
        double total_ms = 0;
        for (double sample : samples) total_ms += sample;
        return total_ms > 0 ? 1000.0 * static_cast<double>(samples.size()) / total_ms : 0.0;
    };
    const double baseline = per_second(verify);
    const double measured = failures ? 0.0 : per_second(login);
    // Budgets: an absolute floor for this class of machine, and at least 75% of what the bare
    // password check allows (the rest of a login — rate-limit lookups, token insert, activity
    // log, HTTP — must stay small next to argon2id).
    return {Row{"login over HTTP (argon2id interactive)", "/s", measured, 0, baseline, 3.0},
            Row{"login over HTTP vs 75% of raw verify", "/s", measured, 0, baseline, 0.75 * baseline}};
}

}  // namespace kimonet::bench
