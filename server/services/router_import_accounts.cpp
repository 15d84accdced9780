#include "services/router_import_accounts.hpp"

#include "app/router_accounts_port.hpp"
#include "services/customer_service.hpp"
#include "services/package_service.hpp"
#include "store/customer_store.hpp"

namespace kimonet::services {

namespace {

// RouterOS's rate-limit is "rx/tx" from the router's side: rx is the customer's upload.
std::pair<std::int64_t, std::int64_t> accounts_download_upload(const std::string& rate_limit) {
    const auto slash = rate_limit.find('/');
    const std::int64_t upload = router_rate_kbps(rate_limit.substr(0, slash));
    const std::int64_t download = slash == std::string::npos ? upload : router_rate_kbps(rate_limit.substr(slash + 1));
    return {download, upload};
}

struct AccountsPackageMatch {
    std::optional<std::int64_t> package_id;
    std::string why;  // when there is none
};

class AccountsPackages {
public:
    AccountsPackages(const std::map<std::string, std::int64_t>& by_profile, std::vector<Package> packages)
        : m_by_profile(by_profile), m_packages(std::move(packages)) {}

    // By profile name first, then by rate.
    AccountsPackageMatch match(const std::string& profile, const std::string& rate_limit) const {
        if (!profile.empty())
            if (auto found = m_by_profile.find(profile); found != m_by_profile.end()) return {found->second, {}};
        if (rate_limit.empty()) return {std::nullopt, profile.empty() ? "tanpa rate-limit: pilih paketnya setelah impor" : "profil " + profile + " tidak cocok dengan paket"};
        const auto [download, upload] = accounts_download_upload(rate_limit);
        for (const auto& package : m_packages)
            if (package.active && package.download_kbps == download && package.upload_kbps == upload) return {package.id, {}};
        return {std::nullopt, "tidak ada paket dengan kecepatan " + rate_limit};
    }

private:
    const std::map<std::string, std::int64_t>& m_by_profile;
    std::vector<Package> m_packages;
};

Result<bool> accounts_ip_known(app::Context& context, const Router& router, const std::string& address) {
    return store::customer_ip_taken(context.db, router.id, address, 0);
}

// One customer from a user or lease; a problem goes to "skipped" under `key`.
Result<void> accounts_customer(app::Context& context, const Router& router, bool dry_run, api::Json& report, const char* section,
                               const char* key, const std::string& label, const std::string& comment, const std::string& address,
                               const std::string& mac, const AccountsPackageMatch& package) {
    auto [name, phone] = router_comment_name_and_phone(comment);
    std::string why = package.why;
    if (why.empty() && phone.empty()) why = "tidak ada nomor HP di komentar";
    if (!why.empty()) {
        report["skipped"].push_back({{key, label}, {"reason", why}});
        return {};
    }
    api::Json customer = {{"name", name.empty() ? label : name}, {"phone", phone}, {"package_id", *package.package_id},
                          {"router_id", router.id}, {"connection_method", "static"}, {"ip_address", address},
                          {"mac_address", mac}, {"address", ""}};
    if (!dry_run) {
        auto created = create_customer(context, customer);
        if (!created) {
            report["skipped"].push_back({{key, label}, {"reason", created.error().message()}});
            return {};
        }
        customer["id"] = created->id;
        customer["service_number"] = created->service_number;
    }
    customer[key] = label;
    report[section].push_back(std::move(customer));
    return {};
}

}  // namespace

RouterAccountsSnapshot read_router_accounts(const Router& router) {
    RouterAccountsSnapshot snapshot;
    auto accounts = app::router_accounts(router, {});
    auto users = accounts->hotspot_users();
    auto profiles = users ? accounts->hotspot_profiles() : Result<std::vector<network::HotspotProfileRate>>(users.error());
    auto leases = profiles ? accounts->dhcp_leases() : Result<std::vector<network::DhcpLease>>(profiles.error());
    if (!leases) {
        snapshot.error = leases.error().message();
        return snapshot;
    }
    snapshot.hotspot_users = std::move(*users);
    snapshot.hotspot_profiles = std::move(*profiles);
    snapshot.leases = std::move(*leases);
    return snapshot;
}

Result<void> import_router_accounts(app::Context& context, const Router& router, const RouterAccountsSnapshot& accounts,
                                    const std::map<std::string, std::int64_t>& package_by_profile, bool dry_run, api::Json& report) {
    report["hotspot_customers"] = api::Json::array();
    report["static_customers"] = api::Json::array();
    if (!accounts.error.empty()) report["accounts_error"] = accounts.error;
    const AccountsPackages packages(package_by_profile, TRY(services::list_packages(context.db, true)));
    std::map<std::string, std::string> profile_rates;
    for (const auto& profile : accounts.hotspot_profiles) profile_rates[profile.name] = profile.rate_limit;
    for (const auto& user : accounts.hotspot_users) {
        // Vouchers are Kimonet's own (or the router's trial user): not subscribers.
        if (user.comment.starts_with("kimonet-voucher-batch-") || user.name == "default-trial") continue;
        if (user.address.empty()) {
            report["skipped"].push_back({{"hotspot_user", user.name}, {"reason", "pengguna hotspot tanpa IP tetap (address): jual sebagai voucher"}});
            continue;
        }
        if (TRY(accounts_ip_known(context, router, user.address))) continue;
        const auto rate = profile_rates.find(user.profile);
        TRY_VOID(accounts_customer(context, router, dry_run, report, "hotspot_customers", "hotspot_user", user.name, user.comment, user.address,
                                   user.mac, packages.match(user.profile, rate == profile_rates.end() ? "" : rate->second)));
    }
    for (const auto& lease : accounts.leases) {
        if (lease.dynamic || lease.disabled || lease.address.empty()) continue;  // only static leases are customers
        if (TRY(accounts_ip_known(context, router, lease.address))) continue;
        TRY_VOID(accounts_customer(context, router, dry_run, report, "static_customers", "lease", lease.address, lease.comment, lease.address,
                                   lease.mac, packages.match("", lease.rate_limit)));
    }
    return {};
}

}  // namespace kimonet::services
