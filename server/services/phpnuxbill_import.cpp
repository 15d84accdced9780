#include "services/phpnuxbill_import.hpp"

#include <algorithm>
#include <set>

#include "auth/authority.hpp"
#include "services/activity_log.hpp"
#include "services/customer_service.hpp"
#include "services/package_service.hpp"
#include "services/phpnuxbill_import_run.hpp"
#include "services/router_service.hpp"
#include "store/invoice_store.hpp"
#include "store/network_store.hpp"

namespace kimonet::services {

namespace phpnuxbill {

void ImportRun::drop(const char* table, std::int64_t id, const std::string& name, const std::string& reason, std::size_t line) {
    api::Json entry = {{"table", table}, {"id", id}, {"name", name}, {"reason", reason}};
    if (line > 0) entry["line"] = line;
    report["dropped"].push_back(std::move(entry));
}

void ImportRun::changed(const char* table, std::int64_t id, const std::string& name, const api::Json& before, const api::Json& now) {
    api::Json fields = api::Json::array();
    for (const auto& [field, value] : now.items())
        if (!before.contains(field) || before[field] != value) fields.push_back(field);
    report["changed"].push_back({{"table", table}, {"id", id}, {"name", name}, {"fields", fields}});
}

std::string fingerprint_of(const api::Json& fields) { return fields.dump(); }

}  // namespace phpnuxbill

namespace {

api::Json nux_counts() { return {{"new", 0}, {"existing", 0}, {"unchanged", 0}, {"changed", 0}}; }

void nux_count_up(api::Json& counts, const char* which) { counts[which] = counts[which].get<std::int64_t>() + 1; }

api::Json nux_parsed_fingerprint(const std::string& text) {
    auto parsed = api::Json::parse(text, nullptr, false);
    return parsed.is_discarded() ? api::Json::object() : parsed;
}

// Whether a row imported before still maps the same; reports it when not.
void nux_compare_with_key(phpnuxbill::ImportRun& run, const char* table, const char* section, std::int64_t id, const std::string& name,
                      const store::ImportKey& key, const api::Json& fields) {
    if (key.fingerprint == phpnuxbill::fingerprint_of(fields)) {
        nux_count_up(run.report[section], "unchanged");
        return;
    }
    nux_count_up(run.report[section], "changed");
    run.changed(table, id, name, nux_parsed_fingerprint(key.fingerprint), fields);
}

// PHPNuxBill keeps "host" or "host:port" in ip_address; the API port is 8728 unless given.
std::pair<std::string, int> nux_host_and_port(const std::string& address) {
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || address.find(':') != colon) return {address, 8728};
    const std::string port = address.substr(colon + 1);
    const bool digits = !port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    return {address.substr(0, colon), digits ? std::stoi(port) : 0};
}

Result<std::map<std::string, std::int64_t>> nux_import_routers(phpnuxbill::ImportRun& run) {
    auto keys = TRY(store::import_keys_of(run.context.db, kPhpnuxbillSource, "router"));
    std::map<std::string, std::int64_t> existing, by_name;
    for (const auto& router : TRY(services::list_routers(run.context.db))) existing[router.name] = router.id;
    for (const auto& router : run.data.routers) {
        const auto [host, port] = nux_host_and_port(router.address);
        const api::Json fields = {{"name", router.name}, {"host", host}, {"port", port}, {"username", router.username}};
        const std::string external = std::to_string(router.id);
        api::Json mapping = {{"phpnuxbill_id", router.id}, {"name", router.name}, {"host", host}, {"port", port}};
        if (auto key = keys.find(external); key != keys.end()) {
            nux_compare_with_key(run, "tbl_routers", "routers", router.id, router.name, key->second, fields);
            by_name[router.name] = key->second.entity_id;
            mapping["router_id"] = key->second.entity_id;
            mapping["to"] = "imported before";
        } else if (auto same = existing.find(router.name); same != existing.end()) {
            nux_count_up(run.report["routers"], "existing");
            by_name[router.name] = same->second;
            mapping["router_id"] = same->second;
            mapping["to"] = "existing router (same name)";
            TRY_VOID(store::record_import_key(run.context.db, kPhpnuxbillSource, "router", external, same->second,
                                              phpnuxbill::fingerprint_of(fields), run.context.now));
        } else {
            // Pushing secrets stays off until the operator turns it on: PHPNuxBill made them already.
            api::Json input = fields;
            input["password"] = router.password;
            input["push_secrets"] = false;
            auto created = services::create_router(run.context, input);
            if (!created) {
                run.drop("tbl_routers", router.id, router.name, created.error().message(), router.line);
                continue;
            }
            nux_count_up(run.report["routers"], "new");
            by_name[router.name] = created->id;
            mapping["router_id"] = created->id;
            mapping["to"] = "new router";
            TRY_VOID(store::record_import_key(run.context.db, kPhpnuxbillSource, "router", external, created->id,
                                              phpnuxbill::fingerprint_of(fields), run.context.now));
        }
        run.report["routers"]["mapping"].push_back(std::move(mapping));
    }
    return by_name;
}

// Why a plan is not a package: only monthly-ish PPPoE plans are subscriptions.
std::string nux_plan_problem(const imports::NuxPlan& plan) {
    if (plan.type == "Hotspot") return "paket hotspot: jual sebagai voucher Kimonet";
    if (plan.type == "Balance") return "paket saldo (isi saldo), bukan langganan";
    if (plan.type != "PPPOE") return "jenis paket tidak dikenal: " + plan.type;
    if (plan.validity_unit == "Mins" || plan.validity_unit == "Hrs" || (plan.validity_unit == "Days" && plan.validity < 28))
        return "masa aktif " + std::to_string(plan.validity) + " " + plan.validity_unit + " bukan langganan bulanan";
    return {};
}

Result<std::map<std::int64_t, std::int64_t>> nux_import_plans(phpnuxbill::ImportRun& run) {
    auto keys = TRY(store::import_keys_of(run.context.db, kPhpnuxbillSource, "package"));
    std::map<std::string, std::int64_t> existing;
    for (const auto& package : TRY(services::list_packages(run.context.db, false))) existing[package.name] = package.id;
    std::map<std::int64_t, std::int64_t> package_by_plan;
    for (const auto& plan : run.data.plans) {
        if (auto problem = nux_plan_problem(plan); !problem.empty()) {
            run.drop("tbl_plans", plan.id, plan.name, problem, plan.line);
            continue;
        }
        const auto bandwidth = std::find_if(run.data.bandwidths.begin(), run.data.bandwidths.end(), [&](const auto& b) { return b.id == plan.bandwidth_id; });
        if (bandwidth == run.data.bandwidths.end()) {
            run.drop("tbl_plans", plan.id, plan.name, "bandwidth id_bw " + std::to_string(plan.bandwidth_id) + " tidak ada", plan.line);
            continue;
        }
        // PHPNuxBill names the router's PPP profile after the plan.
        const api::Json fields = {{"name", plan.name}, {"price", plan.price}, {"download_kbps", bandwidth->download_kbps},
                                  {"upload_kbps", bandwidth->upload_kbps}, {"mikrotik_profile", plan.name}, {"active", plan.enabled}};
        const std::string external = std::to_string(plan.id);
        api::Json mapping = {{"phpnuxbill_id", plan.id}, {"plan", plan.name}, {"price", plan.price},
                             {"download_kbps", bandwidth->download_kbps}, {"upload_kbps", bandwidth->upload_kbps}};
        if (auto key = keys.find(external); key != keys.end()) {
            nux_compare_with_key(run, "tbl_plans", "packages", plan.id, plan.name, key->second, fields);
            package_by_plan[plan.id] = key->second.entity_id;
            mapping["package_id"] = key->second.entity_id;
            mapping["to"] = "imported before";
        } else if (auto same = existing.find(plan.name); same != existing.end()) {
            nux_count_up(run.report["packages"], "existing");
            package_by_plan[plan.id] = same->second;
            mapping["package_id"] = same->second;
            mapping["to"] = "existing package (same name)";
            TRY_VOID(store::record_import_key(run.context.db, kPhpnuxbillSource, "package", external, same->second,
                                              phpnuxbill::fingerprint_of(fields), run.context.now));
        } else {
            auto created = services::create_package(run.context, fields);
            if (!created) {
                run.drop("tbl_plans", plan.id, plan.name, created.error().message(), plan.line);
                continue;
            }
            nux_count_up(run.report["packages"], "new");
            package_by_plan[plan.id] = created->id;
            mapping["package_id"] = created->id;
            mapping["to"] = "new package";
            TRY_VOID(store::record_import_key(run.context.db, kPhpnuxbillSource, "package", external, created->id,
                                              phpnuxbill::fingerprint_of(fields), run.context.now));
        }
        run.report["packages"]["mapping"].push_back(std::move(mapping));
    }
    return package_by_plan;
}

// The recharge that says where a customer stands: the one expiring last (then the newest).
std::map<std::int64_t, const imports::NuxRecharge*> nux_current_recharges(const imports::PhpnuxbillData& data) {
    std::map<std::int64_t, const imports::NuxRecharge*> current;
    for (const auto& recharge : data.recharges) {
        auto& slot = current[recharge.customer_id];
        if (!slot || std::tie(recharge.expiration, recharge.id) > std::tie(slot->expiration, slot->id)) slot = &recharge;
    }
    return current;
}

std::string nux_customer_status(const imports::NuxCustomer& customer, const imports::NuxRecharge& recharge) {
    if (customer.status == "Banned" || customer.status == "Disabled") return "inactive";
    return recharge.status == "on" ? "active" : "isolated";
}

Result<void> nux_import_customers(phpnuxbill::ImportRun& run, const std::map<std::string, std::int64_t>& router_by_name,
                              const std::map<std::int64_t, std::int64_t>& package_by_plan) {
    auto keys = TRY(store::import_keys_of(run.context.db, kPhpnuxbillSource, "customer"));
    const auto current = nux_current_recharges(run.data);
    std::map<std::string, std::string> phone_owner;  // normalised phone -> PHPNuxBill username
    std::map<std::int64_t, std::set<std::string>> taken_usernames;
    for (const auto& [name, router_id] : router_by_name)
        for (auto& username : TRY(store::pppoe_usernames_on_router(run.context.db, router_id))) taken_usernames[router_id].insert(std::move(username));
    auto& section = run.report["customers"];
    for (const auto& customer : run.data.customers) {
        const std::string external = std::to_string(customer.id);
        const std::string phone = normalize_phone(customer.phonenumber);
        const auto recharge_slot = current.find(customer.id);
        const imports::NuxRecharge* recharge = recharge_slot == current.end() ? nullptr : recharge_slot->second;
        const api::Json fields = {{"name", customer.fullname}, {"phone", phone}, {"address", customer.address},
                                  {"plan_id", recharge ? recharge->plan_id : 0},
                                  {"status", recharge ? nux_customer_status(customer, *recharge) : ""},
                                  {"expiration", recharge ? to_string(recharge->expiration) : ""}};
        if (auto key = keys.find(external); key != keys.end()) {
            nux_compare_with_key(run, "tbl_customers", "customers", customer.id, customer.username, key->second, fields);
            run.customer_by_username[customer.username] = key->second.entity_id;
            if (!phone.empty()) phone_owner.emplace(phone, customer.username);
            continue;
        }
        std::string reason;
        std::optional<std::int64_t> package_id, router_id;
        if (!recharge) reason = "belum pernah isi ulang: tidak ada paket";
        else if (recharge->type == "Hotspot" || (customer.service_type == "Hotspot" && recharge->type != "PPPOE"))
            reason = "pelanggan hotspot: pakai voucher Kimonet";
        else if (auto package = package_by_plan.find(recharge->plan_id); package == package_by_plan.end())
            reason = "paket " + recharge->plan_name + " tidak diimpor";
        else if (auto router = router_by_name.find(recharge->router); router == router_by_name.end())
            reason = "router tidak dikenal: " + recharge->router;
        else {
            package_id = package->second;
            router_id = router->second;
        }
        if (reason.empty() && phone.empty()) reason = "nomor HP kosong atau tidak valid: " + customer.phonenumber;
        if (reason.empty())
            if (auto owner = phone_owner.find(phone); owner != phone_owner.end())
                reason = "nomor HP sama dengan pelanggan " + owner->second + ": tambahkan sebagai layanan kedua setelah impor";
        if (reason.empty() && taken_usernames[*router_id].contains(customer.username))
            reason = "username PPPoE sudah ada di Kimonet pada router ini";
        if (!reason.empty()) {
            run.drop("tbl_customers", customer.id, customer.username, reason, customer.line);
            continue;
        }
        api::Json input = {{"name", customer.fullname.empty() ? customer.username : customer.fullname},
                           {"phone", phone},
                           {"email", customer.email.find('@') == std::string::npos ? "" : customer.email},
                           {"address", customer.address},
                           {"package_id", *package_id},
                           {"router_id", *router_id},
                           {"pppoe_username", customer.username},
                           {"status", nux_customer_status(customer, *recharge)},
                           {"due_day", recharge->expiration.day},
                           {"join_date", to_string(customer.created.value_or(recharge->recharged_on))}};
        // PHPNuxBill's PPPoE secret uses pppoe_password, else the customer's password: it comes along sealed.
        const std::string& secret = customer.pppoe_password.empty() ? customer.password : customer.pppoe_password;
        if (!pppoe_password_problem(secret)) input["pppoe_password"] = secret;
        auto created = services::create_customer(run.context, input);
        if (!created) {
            std::string why = created.error().message();
            for (const auto& [field, message] : created.error().fields) why += "; " + field + ": " + message;
            run.drop("tbl_customers", customer.id, customer.username, why, customer.line);
            continue;
        }
        phone_owner.emplace(phone, customer.username);
        taken_usernames[*router_id].insert(customer.username);
        run.customer_by_username[customer.username] = created->id;
        nux_count_up(section, "new");
        nux_count_up(section, input["status"].get<std::string>().c_str());
        if (customer.balance > 0) {
            TRY_VOID(store::change_credit(run.context.db, created->id, customer.balance, "saldo PHPNuxBill", std::nullopt, std::nullopt, run.context.now));
            section["credit_total"] = section["credit_total"].get<std::int64_t>() + customer.balance;
        }
        if (section["preview"].size() < 20)
            section["preview"].push_back({{"phpnuxbill_id", customer.id}, {"username", customer.username}, {"service_number", created->service_number},
                                          {"name", created->name}, {"status", input["status"]}, {"due_day", recharge->expiration.day}});
        TRY_VOID(store::record_import_key(run.context.db, kPhpnuxbillSource, "customer", external, created->id,
                                          phpnuxbill::fingerprint_of(fields), run.context.now));
    }
    return {};
}

}  // namespace

Result<api::Json> import_phpnuxbill(app::Context& context, const imports::PhpnuxbillData& data, bool dry_run) {
    // The import writes routers, packages, customers, invoices and payments: whoever runs it holds
    // the permission to create each of them (settings.update, the route's own, is not enough). The
    // dry run too: its report is the import's. The CLI acts as the system, which holds everything.
    TRY_VOID(auth::require_holds_all(context, {"routers.create", "packages.create", "customers.create", "invoices.create", "payments.create"},
                                     "Impor PHPNuxBill"));
    phpnuxbill::ImportRun run{context, data, api::Json::object(), {}, {}};
    auto& report = run.report;
    report["dry_run"] = dry_run;
    report["source"] = {{"customers", data.customers.size()}, {"plans", data.plans.size()}, {"routers", data.routers.size()},
                        {"recharges", data.recharges.size()}, {"transactions", data.transactions.size()}, {"vouchers", data.vouchers}};
    report["routers"] = nux_counts();
    report["routers"]["mapping"] = api::Json::array();
    report["packages"] = nux_counts();
    report["packages"]["mapping"] = api::Json::array();
    report["customers"] = nux_counts();
    for (const char* status : {"active", "isolated", "inactive"}) report["customers"][status] = 0;
    report["customers"]["credit_total"] = 0;
    report["customers"]["preview"] = api::Json::array();
    report["invoices"] = {{"new", 0}, {"unchanged", 0}, {"paid_total", 0}, {"dropped", api::Json::object()}};
    report["dropped"] = api::Json::array();
    report["changed"] = api::Json::array();
    if (data.vouchers > 0)
        run.drop("tbl_voucher", 0, std::to_string(data.vouchers) + " voucher", "voucher hotspot tidak dipindahkan: buat batch voucher baru di Kimonet", 0);

    // A dry run is the whole import rolled back at the end: its report is exactly what the import does.
    bool finished = false;
    auto outcome = context.db.transaction([&]() -> Result<void> {
        const auto router_by_name = TRY(nux_import_routers(run));
        const auto package_by_plan = TRY(nux_import_plans(run));
        TRY_VOID(nux_import_customers(run, router_by_name, package_by_plan));
        TRY_VOID(phpnuxbill::import_history(run));
        // A run that finds nothing new writes nothing at all, not even its log entry.
        const bool anything_new = report["routers"]["new"] != 0 || report["routers"]["existing"] != 0 || report["packages"]["new"] != 0 ||
                                  report["packages"]["existing"] != 0 || report["customers"]["new"] != 0 || report["invoices"]["new"] != 0;
        if (anything_new)
            TRY_VOID(log_activity(context, "import.phpnuxbill", "customer", std::nullopt, nullptr,
                                  {{"routers", report["routers"]["new"]}, {"packages", report["packages"]["new"]},
                                   {"customers", report["customers"]["new"]}, {"invoices", report["invoices"]["new"]},
                                   {"dropped", report["dropped"].size()}, {"changed", report["changed"].size()}}));
        finished = true;
        if (dry_run) return make_error(ErrorCode::Conflict);  // rolls the transaction back
        return {};
    });
    if (!outcome && !(dry_run && finished)) return outcome.error();
    report["imported"] = !dry_run;
    return report;
}

}  // namespace kimonet::services
