#include "bench_customers.hpp"

#include <cstdio>
#include <random>

#include "services/customer_service.hpp"

namespace kimonet::bench {

namespace {

constexpr const char* kFirstNames[] = {"Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Andi", "Rina", "Joko", "Wati", "Eko", "Yanti",
                                       "Hendra", "Lestari", "Fajar", "Nur", "Dedi", "Ayu", "Bambang", "Putri", "Wahyu", "Indah",
                                       "Rizki", "Fitri", "Slamet", "Made", "Ketut", "Asep", "Ujang", "Teguh"};
constexpr const char* kLastNames[] = {"Santoso", "Wijaya", "Saputra", "Rahayu", "Hidayat", "Kusuma", "Pratama", "Lestari",
                                      "Nugroho", "Setiawan", "Gunawan", "Siregar", "Nasution", "Simanjuntak", "Harahap",
                                      "Wibowo", "Susanto", "Kurniawan", "Permana", "Firmansyah"};
constexpr const char* kPhonePrefixes[] = {"62812", "62813", "62857", "62878", "62896"};
constexpr const char* kNameFragments[] = {"santoso", "wija", "agus", "dewi r", "pratama", "siregar", "made", "yanti"};

// A status mix like a real ISP: mostly active, some isolated (unpaid), a few gone.
const char* status_for(std::mt19937& random) {
    const int roll = static_cast<int>(random() % 100);
    return roll < 88 ? "active" : roll < 95 ? "isolated" : roll < 99 ? "inactive" : "terminated";
}

// The raw baseline: one prepared SELECT … LIMIT 25, reset and re-bound per call.
class RawQuery {
public:
    // Orders like the product does: by the name index for plain pages, by scan + top-N sort for searches.
    RawQuery(store::Database& db, const std::string& where, bool searching) {
        auto prepared = db.prepare(
            "SELECT id, service_number, name, phone, email, address, package_id, router_id, pppoe_username, status, join_date, "
            "due_day FROM customers " + where + " ORDER BY " + (searching ? "+" : "") + "name COLLATE NOCASE, id LIMIT 25 OFFSET ?2");
        if (!prepared) std::fprintf(stderr, "baseline: %s\n", prepared.error().message().c_str());
        m_statement = std::move(prepared).value();
    }
    int run(const std::string& parameter, std::int64_t offset) {
        m_statement.reset();
        if (!parameter.empty()) m_statement.bind(1, parameter);
        m_statement.bind(2, offset);
        int rows = 0;
        while (m_statement.step().value_or(false)) {
            m_strings += m_statement.column_text(2).size();  // read the row like a caller would
            ++rows;
        }
        return rows;
    }

private:
    store::Statement m_statement;
    std::size_t m_strings = 0;
};

struct Scenario {
    std::string name;
    std::function<store::CustomerFilter(int)> filter;  // sample index -> filter
    std::string raw_where;                             // WHERE … with ?1 for the parameter
    std::function<std::string(const store::CustomerFilter&)> raw_parameter;
    double budget_service_ms;
    double budget_http_ms;
};

std::string query_string(const store::CustomerFilter& filter) {
    std::string out = "?page=" + std::to_string(filter.page) + "&per_page=" + std::to_string(filter.per_page);
    if (!filter.search.empty()) out += "&q=" + url_encode(filter.search);
    if (filter.status) out += "&status=" + std::string(to_string(*filter.status));
    return out;
}

}  // namespace

Result<void> seed_customers(store::Database& db, int count, std::int64_t package_count, std::int64_t router_count) {
    std::mt19937 random(20260115);
    return db.transaction([&]() -> Result<void> {
        auto insert = TRY(db.prepare(
            "INSERT INTO customers(service_number, name, phone, email, address, package_id, router_id, pppoe_username, status, "
            "join_date, due_day) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        char text[64];
        for (int i = 1; i <= count; ++i) {
            insert.reset();
            std::snprintf(text, sizeof text, "CUST%06d", i);
            insert.bind(1, text);
            insert.bind(2, std::string(kFirstNames[random() % std::size(kFirstNames)]) + " " + kLastNames[random() % std::size(kLastNames)]);
            // Unique: 7919 is coprime with 10^8, so i -> i*7919 mod 10^8 never repeats.
            std::snprintf(text, sizeof text, "%s%08lld", kPhonePrefixes[i % std::size(kPhonePrefixes)],
                          static_cast<long long>((static_cast<std::int64_t>(i) * 7919 + 12345) % 100000000));
            insert.bind(3, text);
            insert.bind(4, i % 3 == 0 ? std::string() : "pelanggan" + std::to_string(i) + "@example.id");
            insert.bind(5, "Jl. Merdeka No. " + std::to_string(i % 500) + ", Bandung");
            insert.bind(6, static_cast<std::int64_t>(1 + random() % package_count));
            insert.bind(7, static_cast<std::int64_t>(1 + random() % router_count));
            insert.bind(8, "pppoe" + std::to_string(i));
            insert.bind(9, status_for(random));
            std::snprintf(text, sizeof text, "%04d-%02d-%02d", 2020 + static_cast<int>(random() % 6), 1 + static_cast<int>(random() % 12),
                          1 + static_cast<int>(random() % 28));
            insert.bind(10, text);
            if (i % 5 == 0) insert.bind(11, 1 + static_cast<int>(random() % 28));
            else insert.bind_null(11);
            TRY_VOID(insert.run());
        }
        return {};
    });
}

std::vector<Row> run_customer_bench(app::App& app, HttpClient& http, const std::string& token, int samples) {
    auto lease = app.database();
    if (!lease) return {};
    store::Database& db = **lease;

    // Phone searches use real numbers typed the local way (08…), 9 digits long.
    std::vector<std::string> phones;
    {
        auto statement = db.prepare("SELECT phone FROM customers ORDER BY random() LIMIT 64").value();
        while (statement.step().value_or(false)) phones.push_back("0" + statement.column_text(0).substr(2, 8));
    }

    const std::vector<Scenario> scenarios = {
        {"list page (by name, pages 1-20)",
         [](int i) {
             store::CustomerFilter filter;
             filter.page = 1 + i % 20;
             return filter;
         },
         "", [](const store::CustomerFilter&) { return std::string(); }, 50, 75},
        {"search name fragment",
         [](int i) {
             store::CustomerFilter filter;
             filter.search = kNameFragments[static_cast<std::size_t>(i) % std::size(kNameFragments)];
             return filter;
         },
         "WHERE name LIKE ?1", [](const store::CustomerFilter& filter) { return "%" + filter.search + "%"; }, 250, 300},
        {"search phone (08… prefix)",
         [&phones](int i) {
             store::CustomerFilter filter;
             filter.search = phones[static_cast<std::size_t>(i) % phones.size()];
             return filter;
         },
         "WHERE phone LIKE ?1", [](const store::CustomerFilter& filter) { return "%62" + filter.search.substr(1) + "%"; }, 250, 300},
        {"filter status=isolated (pages 1-4)",
         [](int i) {
             store::CustomerFilter filter;
             filter.status = CustomerStatus::Isolated;
             filter.page = 1 + i % 4;
             return filter;
         },
         "WHERE status = 'isolated'", [](const store::CustomerFilter&) { return std::string(); }, 50, 75},
    };

    std::vector<Row> rows;
    const int warmup = std::max(3, samples / 20);
    for (const Scenario& scenario : scenarios) {
        RawQuery raw(db, scenario.raw_where, !scenario.filter(0).search.empty());
        std::int64_t checksum = 0;
        int failures = 0;
        const auto timings = time_interleaved(
            samples, warmup,
            {[&](int i) {
                 const auto filter = scenario.filter(i);
                 raw.run(scenario.raw_parameter(filter), static_cast<std::int64_t>(filter.page - 1) * filter.per_page);
             },
             [&](int i) {
                 auto page = services::search_customers(db, scenario.filter(i));
                 if (!page) std::fprintf(stderr, "service: %s\n", page.error().message().c_str());
                 else checksum += page->total;
             },
             [&](int i) {
                 if (http.request("GET", "/api/customers" + query_string(scenario.filter(i)), {}, token) != 200) ++failures;
             }});
        const auto& baseline = timings[0];
        const auto& service = timings[1];
        const auto& over_http = timings[2];
        if (failures) std::fprintf(stderr, "%s: %d HTTP requests failed: %s\n", scenario.name.c_str(), failures, http.body().c_str());
        const double baseline_p99 = percentile(baseline, 0.99);
        rows.push_back({scenario.name + " / service", "ms", percentile(service, 0.99), percentile(service, 0.5), baseline_p99,
                        scenario.budget_service_ms});
        Row http_row{scenario.name + " / HTTP", "ms", percentile(over_http, 0.99), percentile(over_http, 0.5), baseline_p99,
                     scenario.budget_http_ms};
        if (failures) http_row.value = 1e9;  // a failed request fails the budget
        rows.push_back(http_row);
        (void)checksum;
    }
    return rows;
}

}  // namespace kimonet::bench
