#include <cstdio>

#include "auth/user_service.hpp"
#include "cli/commands.hpp"
#include "cli/seed_demo.hpp"
#include "services/customer_service.hpp"
#include "services/package_service.hpp"
#include "services/router_service.hpp"
#include "store/import_store.hpp"

namespace kimonet::cli {

namespace {

constexpr const char* kFirstNames[] = {"Budi", "Siti", "Agus", "Dewi", "Rudi", "Sri", "Andi", "Rina", "Joko", "Wati",
                                       "Eko", "Yanti", "Hendra", "Lestari", "Fajar", "Nur", "Dedi", "Ayu", "Bambang", "Putri",
                                       "Wahyu", "Indah", "Rizki", "Fitri", "Slamet"};
constexpr const char* kLastNames[] = {"Santoso", "Wijaya", "Saputra", "Rahayu", "Hidayat", "Kusuma", "Pratama", "Gunawan",
                                      "Nugroho", "Setiawan"};
constexpr const char* kStreets[] = {"Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Gg. Melati", "Jl. Ahmad Yani",
                                    "Perum Griya Asri Blok C"};

}  // namespace

Result<void> seed_demo(app::Context& context) {
    const api::Json packages[] = {
        {{"name", "Home 10 Mbps"}, {"download_kbps", 10000}, {"upload_kbps", 5000}, {"price", 150000}, {"mikrotik_profile", "10M"}},
        {{"name", "Home 20 Mbps"}, {"download_kbps", 20000}, {"upload_kbps", 10000}, {"price", 200000}, {"mikrotik_profile", "20M"}},
        {{"name", "Home 30 Mbps"}, {"download_kbps", 30000}, {"upload_kbps", 15000}, {"price", 300000}, {"mikrotik_profile", "30M"}},
        {{"name", "Bisnis 50 Mbps"}, {"download_kbps", 50000}, {"upload_kbps", 50000}, {"price", 750000}, {"mikrotik_profile", "BISNIS-50M"}},
    };
    std::vector<std::int64_t> package_ids;
    for (const auto& package : packages) package_ids.push_back(TRY(services::create_package(context, package)).id);

    const api::Json routers[] = {
        {{"name", "Router Pusat"}, {"host", "127.0.0.1"}, {"port", 18728}, {"username", "billing"}, {"password", "billing-demo"},
         {"isolir_profile", "ISOLIR"}},
        {{"name", "Router Cabang"}, {"host", "127.0.0.1"}, {"port", 18729}, {"username", "billing"}, {"password", "billing-demo"},
         {"isolir_profile", "ISOLIR"}},
    };
    std::vector<std::int64_t> router_ids;
    for (const auto& router : routers) router_ids.push_back(TRY(services::create_router(context, router)).id);

    for (const char* role : {"superadmin", "admin", "finance", "technician"}) {
        // The demo password is printed by `make run`; it would not pass the quality check for new passwords.
        TRY(auth::create_user(context, {{"username", role}, {"password", kDemoPassword}, {"role", role},
                                        {"full_name", std::string("Demo ") + role}},
                              false));
    }

    for (int i = 1; i <= 50; ++i) {
        const std::string name = std::string(kFirstNames[(i * 7) % 25]) + " " + kLastNames[(i * 3) % 10];
        char phone[20];
        std::snprintf(phone, sizeof phone, "0812%08d", 10000000 + i * 7919);
        const int join_month = 1 + (i % 12);
        char join_date[16];
        std::snprintf(join_date, sizeof join_date, "%04d-%02d-%02d", i % 3 == 0 ? 2026 : 2025, join_month, 1 + (i * 5) % 28);
        char pppoe[32];
        std::snprintf(pppoe, sizeof pppoe, "cust%03d", i);
        api::Json customer = {{"name", name},
                              {"phone", phone},
                              {"email", i % 4 == 0 ? api::Json("") : api::Json("pelanggan" + std::to_string(i) + "@example.id")},
                              {"address", std::string(kStreets[i % 6]) + " No. " + std::to_string(i) + ", Bandung"},
                              {"package_id", package_ids[static_cast<std::size_t>(i % 4 == 3 && i % 8 != 7 ? 3 : i % 3)]},
                              {"router_id", router_ids[static_cast<std::size_t>(i % 2)]},
                              {"pppoe_username", pppoe},
                              {"pppoe_password", "ppp-" + std::string(pppoe)},  // what the demo routers' secrets hold
                              {"join_date", join_date},
                              {"password", kDemoPassword}};
        if (i % 10 == 0) customer["due_day"] = 20;
        if (i % 17 == 0) customer["status"] = "inactive";
        TRY(services::create_customer(context, customer));
    }
    return {};
}

int command_seed_demo(const Args& args) {
    return with_cli_session(
        args,
        [&](CliSession& session) -> int {
            const std::string& db_path = session.app.config().db_path;
            auto existing = store::count_customers_and_users(session.database);
            if (!existing) return fail(make_error(ErrorCode::Internal, messages::kCannotReadDatabase));
            // Idempotent: only an empty database is seeded; one with any customer or user (a
            // real installation, or a second run) is left alone.
            if (*existing > 0) {
                std::printf("demo data: %s already has data, nothing seeded\n", db_path.c_str());
                return 0;
            }
            auto seeded = session.database.transaction([&] { return seed_demo(session.context); });
            if (!seeded) return fail(seeded.error());
            std::printf("demo data: 4 packages, 2 routers, 4 staff users, 50 customers in %s\n", db_path.c_str());
            if (args.has("no-history")) return 0;  // the interop suites start from unbilled customers
            DemoHistory history;
            auto made = session.database.transaction([&]() -> Result<void> {
                history = TRY(seed_demo_history(session.context));
                return {};
            });
            if (!made) return fail(made.error());
            std::int64_t invoices_made = 0, payments = 0, late = 0, online = 0;
            for (const DemoMonth& month : history.months) {
                invoices_made += month.invoices;
                payments += month.payments;
                late += month.late;
                online += month.gateway_transactions;
            }
            std::printf("demo history: %zu months, %lld invoices, %lld payments (%lld late, %lld online), %lld customers isolated\n",
                        history.months.size(), static_cast<long long>(invoices_made), static_cast<long long>(payments),
                        static_cast<long long>(late), static_cast<long long>(online), static_cast<long long>(history.isolated));
            std::printf("demo tickets: %lld trouble tickets of the last two weeks\n", static_cast<long long>(history.tickets));
            std::printf("demo field work: %lld technician visits today and tomorrow\n", static_cast<long long>(history.jobs));
            std::printf("demo network: 1 OLT, 2 ODCs, 5 ODPs, %lld customers on their ports (see the map)\n", static_cast<long long>(history.placed));
            std::printf("demo cash collection: the collector's area has %lld customers\n", static_cast<long long>(history.collector_customers));
            return 0;
        },
        "seed-demo");
}

int command_user(const Args& args) {
    if (args.positional.empty() || args.positional[0] != "add") {
        std::fprintf(stderr, "usage: kimonet user add --username U --password P --role ROLE [--name NAME] [--db PATH]\n");
        return 2;
    }
    return with_cli_context(args, [&](app::Context& context) -> int {
        auto created = auth::create_user(context, {{"username", args.get("username")},
                                                   {"password", args.get("password")},
                                                   {"role", args.get("role")},
                                                   {"full_name", args.get("name")}});
        if (!created) return fail(created.error());
        std::printf("user %s created with role %s\n", (*created)["username"].get<std::string>().c_str(),
                    (*created)["role"].get<std::string>().c_str());
        return 0;
    });
}

}  // namespace kimonet::cli
