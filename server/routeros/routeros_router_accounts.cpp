#include "routeros/routeros_router_accounts.hpp"

namespace kimonet::routeros {

namespace {

class RouterOsRouterAccounts final : public network::RouterAccounts {
public:
    RouterOsRouterAccounts(Endpoint endpoint, ClientOptions options) : m_endpoint(std::move(endpoint)), m_options(options) {}

    Result<std::vector<network::HotspotAccount>> hotspot_users() override {
        auto response = TRY(print(Command("/ip/hotspot/user/print").proplist("name,profile,comment,address,mac-address,disabled")));
        std::vector<network::HotspotAccount> out;
        for (const auto& row : response.rows)
            out.push_back({row_value(row, "name"), row_value(row, "profile"), row_value(row, "comment"), row_value(row, "address"),
                           row_value(row, "mac-address"), row_value(row, "disabled") == "true"});
        return out;
    }

    Result<std::vector<network::HotspotProfileRate>> hotspot_profiles() override {
        auto response = TRY(print(Command("/ip/hotspot/user/profile/print").proplist("name,rate-limit")));
        std::vector<network::HotspotProfileRate> out;
        for (const auto& row : response.rows) out.push_back({row_value(row, "name"), row_value(row, "rate-limit")});
        return out;
    }

    Result<std::vector<network::DhcpLease>> dhcp_leases() override {
        auto response = TRY(print(Command("/ip/dhcp-server/lease/print").proplist("address,mac-address,comment,rate-limit,dynamic,disabled")));
        std::vector<network::DhcpLease> out;
        for (const auto& row : response.rows)
            out.push_back({row_value(row, "address"), row_value(row, "mac-address"), row_value(row, "comment"), row_value(row, "rate-limit"),
                           row_value(row, "dynamic") == "true", row_value(row, "disabled") == "true"});
        return out;
    }

private:
    Result<Response> print(const Command& command) {
        if (!m_client || !m_client->usable()) {
            m_client.reset();
            m_client = TRY(Client::connect(m_endpoint, m_options));
        }
        return m_client->run(command);
    }

    Endpoint m_endpoint;
    ClientOptions m_options;
    std::unique_ptr<Client> m_client;
};

}  // namespace

std::unique_ptr<network::RouterAccounts> router_accounts(const Router& router, const ClientOptions& options) {
    return std::make_unique<RouterOsRouterAccounts>(Endpoint{router.host, router.port, router.tls, router.username, router.password}, options);
}

}  // namespace kimonet::routeros
