#include "services/network_reconcile.hpp"

#include <map>
#include <set>

#include "network/isolir_settings.hpp"
#include "app/ports.hpp"
#include "services/activity_log.hpp"
#include "services/address_drift.hpp"
#include "services/network_service.hpp"
#include "services/radius_drift.hpp"
#include "services/outage_service.hpp"
#include "services/settings.hpp"
#include "services/customer_service.hpp"
#include "services/package_service.hpp"
#include "services/router_import_accounts.hpp"
#include "services/secret_push.hpp"
#include "store/customer_store.hpp"
#include "store/network_store.hpp"
#include "store/promise_store.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

namespace {

struct Expected {
    std::int64_t customer_id;
    std::string service_number;
    std::string pppoe_username;
    std::string status;
    std::string profile;
    bool pending;
};

Result<std::vector<Expected>> expected_profiles(store::Database& db, const Router& router) {
    const auto rows = TRY(store::expected_profile_rows(db, router.id));
    std::vector<Expected> out;
    for (const auto& row : rows)
        out.push_back({row.customer_id, row.service_number, row.pppoe_username, row.status,
                       row.status == "isolated" ? router.isolir_profile : row.package_profile, row.pending});
    return out;
}

}  // namespace

Result<api::Json> network_drift(app::Context& context, bool repair, std::optional<std::int64_t> router_id) {
    auto routers = TRY(store::list_routers(context.db));
    api::Json report = api::Json::array();
    int total_drift = 0, total_repaired = 0;
    // CoA / Disconnect-Requests one run may send, over all NASes (radius_drift.hpp).
    int radius_budget = static_cast<int>(TRY(get_setting_int(context.db, "radius_drift_max_per_run")));
    for (const auto& listed : routers) {
        if (router_id && listed.id != *router_id) continue;
        const Router router = TRY(router_with_password(context, listed.id));
        api::Json entry = {{"router_id", router.id}, {"router_name", router.name}, {"reachable", true}, {"checked", 0},
                           {"drift", api::Json::array()}, {"error", ""}};
        auto control = context.ports.router_control(router, {});
        // RADIUS sessions are checked with the NAS (CoA), not the router's API: even when the API is unreachable.
        const int radius_repaired = TRY(radius_session_drift(context, router, repair, radius_budget, entry));
        total_repaired += radius_repaired;
        auto secrets = control->list_secrets();
        if (!secrets) {
            entry["reachable"] = false;
            entry["error"] = secrets.error().message();
            total_drift += static_cast<int>(entry["drift"].size());
            report.push_back(std::move(entry));
            continue;
        }
        std::map<std::string, std::string> actual;
        for (const auto& secret : *secrets) actual[secret.name] = secret.profile;
        const auto expected = TRY(expected_profiles(context.db, router));
        entry["checked"] = entry["checked"].get<std::int64_t>() + static_cast<std::int64_t>(expected.size());
        std::vector<network::ProfileSwitch> repairs;
        std::vector<std::size_t> repair_rows;
        for (const auto& row : expected) {
            auto found = actual.find(row.pppoe_username);
            const std::string have = found == actual.end() ? std::string() : found->second;
            if (found != actual.end() && have == row.profile) continue;
            api::Json item = {{"customer_id", row.customer_id}, {"service_number", row.service_number}, {"pppoe_username", row.pppoe_username},
                              {"status", row.status}, {"expected_profile", row.profile}, {"router_profile", have},
                              {"kind", found == actual.end() ? "missing_secret" : "profile_mismatch"}, {"repaired", false},
                              {"pending", row.pending}};
            if (repair && !row.pending && found != actual.end()) {
                repairs.push_back({row.pppoe_username, row.profile});
                repair_rows.push_back(entry["drift"].size());
            }
            // A missing secret can only be recreated where secrets are pushed: queue a push, which
            // the network worker carries out (with the customer's sealed password).
            if (repair && !row.pending && found == actual.end() && router.push_secrets) {
                auto customer = TRY(store::find_customer(context.db, row.customer_id));
                std::optional<std::int64_t> queued;
                if (customer) TRY_VOID(context.db.transaction([&]() -> Result<void> {
                    queued = TRY(queue_secret_push(context, *customer, "network.sync"));
                    return {};
                }));
                item["push_queued"] = queued.has_value();
            }
            entry["drift"].push_back(std::move(item));
        }
        const int address_repaired = TRY(address_list_drift(context, router, *control, repair, entry));
        total_repaired += address_repaired;
        total_drift += static_cast<int>(entry["drift"].size());
        if (!repairs.empty()) {
            Result<void> ensured = control->ensure_profile(router.isolir_profile, TRY(get_setting(context.db, "isolir_rate_limit")));
            auto results = ensured ? control->switch_profiles(repairs) : Result<std::vector<network::ProfileSwitchResult>>(ensured.error());
            if (!results) {
                entry["error"] = results.error().message();
            } else {
                TRY_VOID(context.db.transaction([&]() -> Result<void> {
                    for (std::size_t index = 0; index < repairs.size(); ++index) {
                        auto& item = entry["drift"][repair_rows[index]];
                        const auto& result = results->at(index);
                        item["repaired"] = result.ok;
                        if (!result.ok) item["error"] = result.error;
                        if (!result.ok) continue;
                        ++total_repaired;
                        store::IsolationLogEntry logged;
                        logged.at = context.now;
                        logged.customer_id = item["customer_id"].get<std::int64_t>();
                        logged.router_id = router.id;
                        logged.action = "repair";
                        logged.reason = "drift";
                        logged.result = "applied";
                        logged.profile_before = result.profile_before;
                        logged.profile_after = repairs[index].profile;
                        logged.actor_type = context.actor.type;
                        logged.actor_id = context.actor.id ? std::optional(context.actor.id) : std::nullopt;
                        logged.actor_name = context.actor.name;
                        TRY(store::insert_isolation_log(context.db, logged));
                    }
                    return log_activity(context, "network.sync", "router", router.id, api::Json::object(),
                                        {{"repaired", static_cast<int>(repairs.size())}});
                }));
            }
        }
        report.push_back(std::move(entry));
    }
    return api::Json{{"routers", report}, {"drift", total_drift}, {"repaired", total_repaired}};
}

Result<api::Json> auto_isolate(app::Context& context, const AutoIsolateOptions& options) {
    const LocalDateTime local = local_from_unix(context.now, context.offset);
    api::Json report = {{"date", to_string(local.date)}, {"skipped", ""}, {"candidates", 0}, {"outcomes", api::Json::array()}};
    if (!options.ignore_schedule_window) {
        if (TRY(get_setting(context.db, "isolir_skip_sundays")) == "1" && weekday(local.date) == 0) {
            report["skipped"] = "hari Minggu";
            return report;
        }
        // Settings are validated when saved (network/isolir_settings); a value that does not parse
        // anyway (written around the API) is treated as absent.
        const auto holidays = network::parse_holidays(TRY(get_setting(context.db, "isolir_holidays")));
        for (const Date& day : holidays.value_or(std::vector<Date>{})) {
            if (day == local.date) {
                report["skipped"] = "hari libur " + to_string(day);
                return report;
            }
        }
        const std::string hours = TRY(get_setting(context.db, "isolir_hours"));
        if (auto window = network::parse_hours_window(hours).window; window && !network::inside(*window, local.hour * 60 + local.minute)) {
            report["skipped"] = "di luar jam " + hours;
            return report;
        }
    }
    if (!store::invoices_table_ready(context.db)) {
        report["skipped"] = "belum ada tabel tagihan";
        return report;
    }
    const std::int64_t grace = TRY(get_setting_int(context.db, "isolir_grace_days"));
    const int cap = options.cap.value_or(static_cast<int>(TRY(get_setting_int(context.db, "isolir_max_per_run"))));
    const std::string cutoff = to_string(add_days(local.date, -static_cast<int>(grace)));
    // An invoice only counts once the customer has had it for the grace period too: a late or
    // catch-up run that bills after the due day must not isolate people the same day.
    const auto overdue = TRY(store::overdue_customers(context.db, cutoff, context.now - grace * 86400, cap));
    // A customer whose promise to pay holds today is not due for isolation (payment_promise.hpp).
    const auto promises = TRY(store::active_promise_dates(context.db));
    // Nor is a customer under an outage (docs/outages.md): one read of the affected sets per run.
    const auto paused = TRY(customers_paused_by_outages(context.db, context.now, context.offset));
    std::vector<Intent> intents;
    for (const auto& candidate : overdue) {
        if (paused.contains(candidate.customer_id)) continue;
        if (auto promise = promises.find(candidate.customer_id); promise != promises.end() && promise->second >= to_string(local.date)) continue;
        intents.push_back({candidate.customer_id, NetworkAction::Isolate, "otomatis: tagihan jatuh tempo " + candidate.first_due_date, std::nullopt, 0});
    }
    report["candidates"] = intents.size();
    report["grace_days"] = grace;
    if (options.dry_run) {
        for (const auto& intent : intents) report["outcomes"].push_back({{"customer_id", intent.customer_id}, {"reason", intent.reason}});
        return report;
    }
    const auto outcomes = TRY(carry_out(context, intents));
    int applied = 0, pending = 0;
    for (const auto& outcome : outcomes) {
        applied += outcome.result == "applied" || outcome.result == "unchanged";
        pending += outcome.result == "pending";
        report["outcomes"].push_back(to_json(outcome));
    }
    report["isolated"] = applied;
    report["pending"] = pending;
    return report;
}

}  // namespace kimonet::services

namespace kimonet::services {

// "10M" -> 10000, "512k" -> 512 (kbps); 0 when unreadable.
std::int64_t router_rate_kbps(const std::string& text) {
    if (text.empty()) return 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    const char unit = end && *end ? static_cast<char>(std::toupper(static_cast<unsigned char>(*end))) : ' ';
    const double kbps = unit == 'G' ? value * 1000000 : unit == 'M' ? value * 1000 : unit == 'K' ? value : value / 1000;
    return static_cast<std::int64_t>(kbps);
}

// RT/RW-net routers usually keep "name 0812…" in the secret's comment.
std::pair<std::string, std::string> router_comment_name_and_phone(const std::string& comment) {
    std::string digits, name;
    std::size_t start = std::string::npos, length = 0;
    for (std::size_t index = 0; index <= comment.size(); ++index) {
        const bool digit = index < comment.size() && (std::isdigit(static_cast<unsigned char>(comment[index])) || comment[index] == '+');
        if (digit && start == std::string::npos) start = index;
        if (!digit && start != std::string::npos) {
            if (index - start >= 9 && digits.empty()) {
                digits = comment.substr(start, index - start);
                length = index - start;
                name = comment.substr(0, start) + comment.substr(start + length);
            }
            start = std::string::npos;
        }
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '-')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '-')) name.erase(0, 1);
    return {digits.empty() ? comment : name, digits};
}

Result<api::Json> import_from_router(app::Context& context, std::int64_t router_id, bool dry_run) {
    const Router router = TRY(router_with_password(context, router_id));
    auto control = context.ports.router_control(router, {});
    const auto profiles = TRY(control->list_profiles());
    const auto secrets = TRY(control->list_secrets());
    auto packages = TRY(services::list_packages(context.db, false));
    std::map<std::string, std::int64_t> package_by_profile;
    for (const auto& package : packages) package_by_profile[package.mikrotik_profile] = package.id;
    api::Json report = {{"router_id", router.id}, {"dry_run", dry_run}, {"packages", api::Json::array()},
                        {"customers", api::Json::array()}, {"skipped", api::Json::array()}};
    std::set<std::string> known;
    {
        for (auto& username : TRY(store::pppoe_usernames_on_router(context.db, router.id))) known.insert(std::move(username));
    }
    // Hotspot users and DHCP leases (issue 22) are read before the write transaction, like the secrets.
    const RouterAccountsSnapshot accounts = read_router_accounts(router);
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        for (const auto& profile : profiles) {
            if (package_by_profile.contains(profile.name) || profile.name == router.isolir_profile || profile.name.starts_with("default")) continue;
            const auto slash = profile.rate_limit.find('/');
            // RouterOS rate-limit is rx/tx from the router's side: rx is the customer's upload.
            std::int64_t upload = router_rate_kbps(profile.rate_limit.substr(0, slash));
            std::int64_t download = slash == std::string::npos ? upload : router_rate_kbps(profile.rate_limit.substr(slash + 1));
            api::Json package = {{"name", "Impor " + profile.name}, {"download_kbps", download > 0 ? download : 1024},
                                 {"upload_kbps", upload > 0 ? upload : 1024}, {"price", 0}, {"mikrotik_profile", profile.name}};
            if (!dry_run) package_by_profile[profile.name] = TRY(create_package(context, package)).id;
            else package_by_profile[profile.name] = 0;
            report["packages"].push_back(package);
        }
        for (const auto& secret : secrets) {
            if (known.contains(secret.name)) continue;
            auto [name, phone] = router_comment_name_and_phone(secret.comment);
            if (name.empty()) name = secret.name;
            auto package = package_by_profile.find(secret.profile);
            std::string why;
            if (package == package_by_profile.end()) why = "profil " + secret.profile + " tidak cocok dengan paket";
            else if (phone.empty()) why = "tidak ada nomor HP di komentar secret";
            if (!why.empty()) {
                report["skipped"].push_back({{"pppoe_username", secret.name}, {"reason", why}});
                continue;
            }
            api::Json customer = {{"name", name}, {"phone", phone}, {"package_id", package->second}, {"router_id", router.id},
                                  {"pppoe_username", secret.name}, {"address", ""}};
            if (!dry_run) {
                // The secret's password comes along (sealed, write-only) so later pushes keep it; the
                // report never shows it.
                api::Json input = customer;
                if (!pppoe_password_problem(secret.password)) input["pppoe_password"] = secret.password;
                auto created = create_customer(context, input);
                if (!created) {
                    report["skipped"].push_back({{"pppoe_username", secret.name}, {"reason", created.error().message()}});
                    continue;
                }
                customer["id"] = created->id;
                customer["service_number"] = created->service_number;
            }
            report["customers"].push_back(customer);
        }
        TRY_VOID(import_router_accounts(context, router, accounts, package_by_profile, dry_run, report));
        if (dry_run) return {};
        return log_activity(context, "network.import", "router", router.id, api::Json::object(),
                            {{"packages", report["packages"].size()}, {"customers", report["customers"].size()},
                             {"hotspot_customers", report["hotspot_customers"].size()}, {"static_customers", report["static_customers"].size()}});
    }));
    return report;
}

}  // namespace kimonet::services
