#include "routeros/routeros_router_control.hpp"

#include "network/firewall_control.hpp"

#include <mutex>
#include <unordered_map>

namespace kimonet::routeros {

namespace {

// One cached connection per router. The entry's mutex serialises use of the connection;
// pipelining happens inside one use (Client::run_all).
struct CachedConnection {
    std::mutex mutex;
    Endpoint endpoint;
    std::unique_ptr<Client> client;
};

class ConnectionCache {
public:
    std::shared_ptr<CachedConnection> entry(std::int64_t router_id) {
        std::lock_guard lock(m_mutex);
        auto& slot = m_entries[router_id];
        if (!slot) slot = std::make_shared<CachedConnection>();
        return slot;
    }
    void clear() {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    std::mutex m_mutex;
    std::unordered_map<std::int64_t, std::shared_ptr<CachedConnection>> m_entries;
};

ConnectionCache& cache() {
    static ConnectionCache instance;
    return instance;
}

class RouterOsControl final : public network::RouterControl, public network::FirewallControl {
public:
    RouterOsControl(std::int64_t router_id, Endpoint endpoint, ClientOptions options)
        : m_endpoint(std::move(endpoint)), m_options(options), m_connection(cache().entry(router_id)) {}

    Result<network::RouterStatus> test() override {
        auto response = TRY(run(Command("/system/resource/print")));
        if (response.rows.empty()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterNoSystemResource, name() + ": /system/resource/print"));
        const Row& row = response.rows.front();
        return network::RouterStatus{row_value(row, "version"), row_value(row, "uptime"), row_value(row, "board-name"), row_value(row, "cpu-load"),
                                     row_value(row, "free-memory")};
    }

    Result<void> ensure_profile(const std::string& profile, const std::string& rate_limit) override {
        auto found = TRY(run(Command("/ppp/profile/print").where("name=" + profile).proplist(".id,name,rate-limit")));
        if (found.rows.empty()) {
            TRY(run(Command("/ppp/profile/add").set("name", profile).set("rate-limit", rate_limit)));
        } else if (row_value(found.rows.front(), "rate-limit") != rate_limit) {
            TRY(run(Command("/ppp/profile/set").set(".id", row_value(found.rows.front(), ".id")).set("rate-limit", rate_limit)));
        }
        return {};
    }

    Result<std::vector<network::PppProfile>> list_profiles() override {
        auto response = TRY(run(Command("/ppp/profile/print").proplist(".id,name,rate-limit")));
        std::vector<network::PppProfile> out;
        for (const auto& row : response.rows) out.push_back({row_value(row, ".id"), row_value(row, "name"), row_value(row, "rate-limit")});
        return out;
    }

    Result<std::optional<network::PppSecret>> find_secret(const std::string& secret_name) override {
        auto response = TRY(run(Command("/ppp/secret/print").where("name=" + secret_name)));
        if (response.rows.empty()) return std::optional<network::PppSecret>();
        return std::optional(to_secret(response.rows.front()));
    }

    Result<std::vector<network::PppSecret>> list_secrets() override {
        auto response = TRY(run(Command("/ppp/secret/print")));
        std::vector<network::PppSecret> out;
        for (const auto& row : response.rows) out.push_back(to_secret(row));
        return out;
    }

    Result<void> upsert_secret(const network::PppSecret& secret) override {
        auto existing = TRY(find_secret(secret.name));
        if (!existing) {
            Command add("/ppp/secret/add");
            add.set("name", secret.name).set("password", secret.password).set("service", secret.service).set("profile", secret.profile);
            if (!secret.comment.empty()) add.set("comment", secret.comment);
            TRY(run(add));
            return {};
        }
        Command set("/ppp/secret/set");
        set.set(".id", existing->id).set("profile", secret.profile).set("service", secret.service);
        if (!secret.password.empty()) set.set("password", secret.password);
        TRY(run(set));
        return {};
    }

    Result<void> set_secret_enabled(const std::string& secret_name, bool enabled) override {
        auto existing = TRY(find_secret(secret_name));
        if (!existing) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterSecretNotFound, name() + ": '" + secret_name + "'"));
        TRY(run(Command(enabled ? "/ppp/secret/enable" : "/ppp/secret/disable").set(".id", existing->id)));
        return {};
    }

    Result<std::vector<network::ActiveSession>> list_active(const std::optional<std::string>& session_name) override {
        Command print("/ppp/active/print");
        print.proplist(".id,name,address,uptime");
        if (session_name) print.where("name=" + *session_name);
        auto response = TRY(run(print));
        std::vector<network::ActiveSession> out;
        for (const auto& row : response.rows) out.push_back({row_value(row, ".id"), row_value(row, "name"), row_value(row, "address"), row_value(row, "uptime")});
        return out;
    }

    Result<int> kick(const std::string& session_name) override {
        auto sessions = TRY(list_active(session_name));
        std::vector<Command> removes;
        for (const auto& session : sessions) removes.push_back(std::move(Command("/ppp/active/remove").set(".id", session.id)));
        auto responses = TRY(run_all(removes));
        int kicked = 0;
        for (const auto& response : responses) kicked += response.trap ? 0 : 1;  // a session that ended meanwhile is gone anyway
        return kicked;
    }

    Result<void> address_list_add(const std::string& list, const std::string& address, const std::string& comment) override {
        auto found = TRY(run(Command("/ip/firewall/address-list/print").where("list=" + list).where("address=" + address).proplist(".id")));
        if (!found.rows.empty()) return {};
        TRY(run(Command("/ip/firewall/address-list/add").set("list", list).set("address", address).set("comment", comment)));
        return {};
    }

    Result<void> address_list_remove(const std::string& list, const std::string& address) override {
        auto found = TRY(run(Command("/ip/firewall/address-list/print").where("list=" + list).where("address=" + address).proplist(".id")));
        std::vector<Command> removes;
        for (const auto& row : found.rows) removes.push_back(std::move(Command("/ip/firewall/address-list/remove").set(".id", row_value(row, ".id"))));
        auto responses = TRY(run_all(removes));
        for (std::size_t index = 0; index < responses.size(); ++index)
            if (responses[index].trap) return trap_error(name(), "/ip/firewall/address-list/remove", *responses[index].trap);
        return {};
    }

    Result<std::vector<std::string>> address_list_entries(const std::string& list) override {
        auto found = TRY(run(Command("/ip/firewall/address-list/print").where("list=" + list).proplist("address")));
        std::vector<std::string> out;
        for (const auto& row : found.rows) out.push_back(row_value(row, "address"));
        return out;
    }

    Result<void> dhcp_lease_bind(const std::string& address, const std::string& mac, const std::string& comment) override {
        auto found = TRY(run(Command("/ip/dhcp-server/lease/print").where("mac-address=" + mac).proplist(".id,address,dynamic")));
        if (found.rows.empty()) {
            TRY(run(Command("/ip/dhcp-server/lease/add").set("address", address).set("mac-address", mac).set("comment", comment)));
            return {};
        }
        const std::string id = row_value(found.rows.front(), ".id");
        if (row_value(found.rows.front(), "dynamic") == "true") TRY(run(Command("/ip/dhcp-server/lease/make-static").set(".id", id)));
        if (row_value(found.rows.front(), "address") != address || row_value(found.rows.front(), "dynamic") == "true")
            TRY(run(Command("/ip/dhcp-server/lease/set").set(".id", id).set("address", address).set("comment", comment)));
        return {};
    }

    Result<std::vector<network::FirewallRule>> firewall_rules(const std::string& table) override {
        auto found = TRY(run(Command("/ip/firewall/" + table + "/print").proplist(network::kFirewallRuleFields)));
        std::vector<network::FirewallRule> out;
        for (const auto& row : found.rows) {
            network::FirewallRule rule{row_value(row, ".id"), {}};
            for (const auto& [key, field] : row)
                if (key != ".id") rule.fields[key] = field;
            out.push_back(std::move(rule));
        }
        return out;
    }

    Result<void> firewall_rule_add(const std::string& table, const network::FirewallRule& rule) override {
        Command add("/ip/firewall/" + table + "/add");
        for (const auto& [key, field] : rule.fields) add.set(key, field);
        TRY(run(add));
        return {};
    }

    Result<std::vector<network::ProfileSwitchResult>> switch_profiles(const std::vector<network::ProfileSwitch>& switches) override {
        std::vector<network::ProfileSwitchResult> results(switches.size());
        std::vector<std::string> ids(switches.size());
        // 1. Look every secret up.
        std::vector<Command> lookups;
        for (const auto& change : switches)
            lookups.push_back(std::move(Command("/ppp/secret/print").where("name=" + change.name).proplist(".id,profile")));
        auto found = TRY(run_all(lookups));
        // 2. Set the profile where it differs.
        std::vector<Command> sets;
        std::vector<std::size_t> set_index;
        for (std::size_t index = 0; index < switches.size(); ++index) {
            results[index].name = switches[index].name;
            if (found[index].trap) results[index].error = found[index].trap->message;
            else if (found[index].rows.empty()) results[index].error = "PPP secret '" + switches[index].name + "' not found on the router";
            if (!results[index].error.empty()) continue;
            ids[index] = row_value(found[index].rows.front(), ".id");
            results[index].profile_before = row_value(found[index].rows.front(), "profile");
            if (results[index].profile_before == switches[index].profile) continue;
            sets.push_back(std::move(Command("/ppp/secret/set").set(".id", ids[index]).set("profile", switches[index].profile)));
            set_index.push_back(index);
        }
        auto set_responses = TRY(run_all(sets));
        for (std::size_t position = 0; position < set_index.size(); ++position) {
            auto& result = results[set_index[position]];
            if (set_responses[position].trap) result.error = set_responses[position].trap->message;
            else result.changed = true;
        }
        // 3. Read back every secret, and find the sessions of the changed ones, in one pipelined batch.
        std::vector<Command> reads;
        std::vector<std::size_t> verify_index, active_index;
        for (std::size_t index = 0; index < switches.size(); ++index) {
            if (!results[index].error.empty()) continue;
            reads.push_back(std::move(Command("/ppp/secret/print").where("name=" + switches[index].name).proplist("profile")));
            verify_index.push_back(index);
        }
        for (std::size_t index = 0; index < switches.size(); ++index) {
            if (!results[index].changed) continue;
            reads.push_back(std::move(Command("/ppp/active/print").where("name=" + switches[index].name).proplist(".id")));
            active_index.push_back(index);
        }
        auto read_responses = TRY(run_all(reads));
        for (std::size_t position = 0; position < verify_index.size(); ++position) {
            auto& result = results[verify_index[position]];
            const auto& response = read_responses[position];
            const std::string now = response.rows.empty() ? std::string() : row_value(response.rows.front(), "profile");
            if (response.trap) result.error = "read back failed: " + response.trap->message;
            else if (now != switches[verify_index[position]].profile)
                result.error = "read back shows profile '" + now + "' instead of '" + switches[verify_index[position]].profile + "'";
        }
        // 4. Kick the sessions so the new profile applies at once.
        std::vector<Command> kicks;
        std::vector<std::size_t> kick_index;
        for (std::size_t position = 0; position < active_index.size(); ++position) {
            const auto& response = read_responses[verify_index.size() + position];
            for (const auto& row : response.rows) {
                kicks.push_back(std::move(Command("/ppp/active/remove").set(".id", row_value(row, ".id"))));
                kick_index.push_back(active_index[position]);
            }
        }
        auto kick_responses = TRY(run_all(kicks));
        for (std::size_t position = 0; position < kick_index.size(); ++position)
            if (!kick_responses[position].trap) ++results[kick_index[position]].kicked;
        for (auto& result : results) result.ok = result.error.empty();
        return results;
    }

private:
    std::string name() const { return m_endpoint.host + ":" + std::to_string(m_endpoint.port); }

    static network::PppSecret to_secret(const Row& row) {
        network::PppSecret secret;
        secret.id = row_value(row, ".id");
        secret.name = row_value(row, "name");
        secret.password = row_value(row, "password");
        secret.profile = row_value(row, "profile");
        secret.service = row_value(row, "service");
        secret.disabled = row_value(row, "disabled") == "true";
        secret.comment = row_value(row, "comment");
        return secret;
    }

    // Runs `work` on this router's cached connection, (re)connecting when it is missing,
    // broken or no longer clean. A failed connection is dropped so the next call reconnects.
    template <typename Work>
    auto with_client(Work work) -> decltype(work(std::declval<Client&>())) {
        std::lock_guard lock(m_connection->mutex);
        if (!m_connection->client || !(m_connection->endpoint == m_endpoint) || !m_connection->client->clean()) {
            m_connection->client.reset();
            auto connected = Client::connect(m_endpoint, m_options);
            if (!connected) return std::move(connected).error();
            m_connection->client = std::move(connected).value();
            m_connection->endpoint = m_endpoint;
        }
        auto result = work(*m_connection->client);
        if (!m_connection->client->usable()) m_connection->client.reset();
        return result;
    }

    Result<Response> run(const Command& command) {
        return with_client([&](Client& client) { return client.run(command); });
    }
    Result<std::vector<Response>> run_all(const std::vector<Command>& commands) {
        if (commands.empty()) return std::vector<Response>();
        return with_client([&](Client& client) { return client.run_all(commands); });
    }

    Endpoint m_endpoint;
    ClientOptions m_options;
    std::shared_ptr<CachedConnection> m_connection;
};

}  // namespace

std::unique_ptr<network::RouterControl> router_control(const Router& router, const ClientOptions& options) {
    return std::make_unique<RouterOsControl>(router.id, Endpoint{router.host, router.port, router.tls, router.username, router.password}, options);
}

void close_cached_connections() { cache().clear(); }

}  // namespace kimonet::routeros
