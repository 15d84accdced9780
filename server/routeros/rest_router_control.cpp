#include "routeros/rest_router_control.hpp"

#include "network/firewall_control.hpp"
#include "routeros/routeros_router_control.hpp"

namespace kimonet::routeros {

namespace {

std::string text(const api::Json& object, const char* key) {
    if (!object.is_object()) return {};
    auto found = object.find(key);
    if (found == object.end()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_boolean()) return found->get<bool>() ? "true" : "false";
    if (found->is_number()) return found->dump();
    return {};
}

// A print answer: a list of records (a single object, as /system/resource may answer, counts as one).
std::vector<api::Json> records(const api::Json& answer) {
    if (answer.is_array()) {
        std::vector<api::Json> out;
        for (const auto& item : answer)
            if (item.is_object()) out.push_back(item);
        return out;
    }
    if (answer.is_object()) return {answer};
    return {};
}

class RestControl final : public network::RouterControl, public network::FirewallControl {
public:
    RestControl(RestEndpoint endpoint, RestOptions options) : m_client(std::move(endpoint), options) {}

    Result<network::RouterStatus> test() override {
        auto rows = records(TRY(m_client.call("GET", "/system/resource")));
        if (rows.empty()) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterNoSystemResource, m_client.describe() + ": GET /rest/system/resource"));
        const auto& row = rows.front();
        return network::RouterStatus{text(row, "version"), text(row, "uptime"), text(row, "board-name"), text(row, "cpu-load"), text(row, "free-memory")};
    }

    Result<void> ensure_profile(const std::string& name, const std::string& rate_limit) override {
        auto found = records(TRY(m_client.call("GET", "/ppp/profile" + rest_query({{"name", name}}))));
        if (found.empty()) {
            TRY(m_client.call("PUT", "/ppp/profile", api::Json{{"name", name}, {"rate-limit", rate_limit}}));
        } else if (text(found.front(), "rate-limit") != rate_limit) {
            TRY(m_client.call("PATCH", "/ppp/profile/" + item(found.front()), api::Json{{"rate-limit", rate_limit}}));
        }
        return {};
    }

    Result<std::vector<network::PppProfile>> list_profiles() override {
        std::vector<network::PppProfile> out;
        for (const auto& row : records(TRY(m_client.call("GET", "/ppp/profile"))))
            out.push_back({text(row, ".id"), text(row, "name"), text(row, "rate-limit")});
        return out;
    }

    Result<std::optional<network::PppSecret>> find_secret(const std::string& name) override {
        auto found = records(TRY(m_client.call("GET", "/ppp/secret" + rest_query({{"name", name}}))));
        if (found.empty()) return std::optional<network::PppSecret>();
        return std::optional(to_secret(found.front()));
    }

    Result<std::vector<network::PppSecret>> list_secrets() override {
        std::vector<network::PppSecret> out;
        for (const auto& row : records(TRY(m_client.call("GET", "/ppp/secret")))) out.push_back(to_secret(row));
        return out;
    }

    Result<void> upsert_secret(const network::PppSecret& secret) override {
        auto existing = TRY(find_secret(secret.name));
        if (!existing) {
            api::Json add = {{"name", secret.name}, {"password", secret.password}, {"service", secret.service}, {"profile", secret.profile}};
            if (!secret.comment.empty()) add["comment"] = secret.comment;
            TRY(m_client.call("PUT", "/ppp/secret", add));
            return {};
        }
        api::Json set = {{"profile", secret.profile}, {"service", secret.service}};
        if (!secret.password.empty()) set["password"] = secret.password;
        TRY(m_client.call("PATCH", "/ppp/secret/" + existing->id, set));
        return {};
    }

    Result<void> set_secret_enabled(const std::string& name, bool enabled) override {
        auto existing = TRY(find_secret(name));
        if (!existing) return make_error(ErrorCode::BadGateway, messages::with_detail(messages::kRouterSecretNotFound, m_client.describe() + ": '" + name + "'"));
        TRY(m_client.call("PATCH", "/ppp/secret/" + existing->id, api::Json{{"disabled", enabled ? "false" : "true"}}));
        return {};
    }

    Result<std::vector<network::ActiveSession>> list_active(const std::optional<std::string>& name) override {
        std::vector<network::ActiveSession> out;
        for (const auto& row : records(TRY(m_client.call("GET", "/ppp/active" + (name ? rest_query({{"name", *name}}) : std::string())))))
            out.push_back({text(row, ".id"), text(row, "name"), text(row, "address"), text(row, "uptime")});
        return out;
    }

    Result<int> kick(const std::string& name) override {
        int kicked = 0;
        for (const auto& session : TRY(list_active(name))) {
            // A session that ended meanwhile is gone anyway: its refusal is not an error.
            if (m_client.call("POST", "/ppp/active/remove", api::Json{{".id", session.id}})) ++kicked;
        }
        return kicked;
    }

    Result<void> address_list_add(const std::string& list, const std::string& address, const std::string& comment) override {
        auto found = records(TRY(m_client.call("GET", "/ip/firewall/address-list" + rest_query({{"list", list}, {"address", address}}))));
        if (!found.empty()) return {};
        TRY(m_client.call("PUT", "/ip/firewall/address-list", api::Json{{"list", list}, {"address", address}, {"comment", comment}}));
        return {};
    }

    Result<void> address_list_remove(const std::string& list, const std::string& address) override {
        for (const auto& row : records(TRY(m_client.call("GET", "/ip/firewall/address-list" + rest_query({{"list", list}, {"address", address}})))))
            TRY(m_client.call("DELETE", "/ip/firewall/address-list/" + item(row)));
        return {};
    }

    Result<std::vector<std::string>> address_list_entries(const std::string& list) override {
        std::vector<std::string> out;
        for (const auto& row : records(TRY(m_client.call("GET", "/ip/firewall/address-list" + rest_query({{"list", list}})))))
            out.push_back(text(row, "address"));
        return out;
    }

    Result<std::vector<network::FirewallRule>> firewall_rules(const std::string& table) override {
        std::vector<network::FirewallRule> out;
        for (const auto& row : records(TRY(m_client.call("GET", "/ip/firewall/" + table + rest_query({{".proplist", network::kFirewallRuleFields}}))))) {
            network::FirewallRule rule{text(row, ".id"), {}};
            for (const auto& [key, field] : row.items())
                if (key != ".id" && !field.is_null()) rule.fields[key] = text(row, key.c_str());
            out.push_back(std::move(rule));
        }
        return out;
    }

    Result<void> firewall_rule_add(const std::string& table, const network::FirewallRule& rule) override {
        api::Json add = api::Json::object();
        for (const auto& [key, field] : rule.fields) add[key] = field;
        TRY(m_client.call("PUT", "/ip/firewall/" + table, add));
        return {};
    }

    Result<void> dhcp_lease_bind(const std::string& address, const std::string& mac, const std::string& comment) override {
        auto found = records(TRY(m_client.call("GET", "/ip/dhcp-server/lease" + rest_query({{"mac-address", mac}}))));
        if (found.empty()) {
            TRY(m_client.call("PUT", "/ip/dhcp-server/lease", api::Json{{"address", address}, {"mac-address", mac}, {"comment", comment}}));
            return {};
        }
        const bool dynamic = text(found.front(), "dynamic") == "true";
        if (dynamic) TRY(m_client.call("POST", "/ip/dhcp-server/lease/make-static", api::Json{{".id", text(found.front(), ".id")}}));
        if (dynamic || text(found.front(), "address") != address)
            TRY(m_client.call("PATCH", "/ip/dhcp-server/lease/" + item(found.front()), api::Json{{"address", address}, {"comment", comment}}));
        return {};
    }

    Result<std::vector<network::ProfileSwitchResult>> switch_profiles(const std::vector<network::ProfileSwitch>& switches) override {
        // REST has no pipelining: one request after another on one kept-alive connection.
        std::vector<network::ProfileSwitchResult> results;
        for (const auto& change : switches) {
            network::ProfileSwitchResult result;
            result.name = change.name;
            auto found = m_client.call("GET", "/ppp/secret" + rest_query({{"name", change.name}}));
            if (!found) {
                if (found.error().code == ErrorCode::Unavailable) return std::move(found).error();
                result.error = found.error().message();
            } else if (auto rows = records(*found); rows.empty()) {
                result.error = "PPP secret '" + change.name + "' not found on the router";
            } else {
                const std::string id = item(rows.front());
                result.profile_before = text(rows.front(), "profile");
                if (result.profile_before != change.profile) {
                    auto set = m_client.call("PATCH", "/ppp/secret/" + id, api::Json{{"profile", change.profile}});
                    if (!set) {
                        if (set.error().code == ErrorCode::Unavailable) return std::move(set).error();
                        result.error = set.error().message();
                    } else {
                        result.changed = true;
                    }
                }
                if (result.error.empty()) {
                    auto back = TRY(m_client.call("GET", "/ppp/secret/" + id));
                    const std::string now = text(back, "profile");
                    if (now != change.profile) result.error = "read back shows profile '" + now + "' instead of '" + change.profile + "'";
                }
                if (result.changed) result.kicked = TRY(kick(change.name));
            }
            result.ok = result.error.empty();
            results.push_back(std::move(result));
        }
        return results;
    }

private:
    // The record's ".id" as a path segment ("*1A"; '*' is allowed in a path).
    static std::string item(const api::Json& row) { return api::url_encode(text(row, ".id")); }

    static network::PppSecret to_secret(const api::Json& row) {
        network::PppSecret secret;
        secret.id = text(row, ".id");
        secret.name = text(row, "name");
        secret.password = text(row, "password");
        secret.profile = text(row, "profile");
        secret.service = text(row, "service");
        secret.disabled = text(row, "disabled") == "true";
        secret.comment = text(row, "comment");
        return secret;
    }

    RestClient m_client;
};

// "auto": the binary API while it can be reached; REST (RouterOS 7) when it cannot.
class AutoControl final : public network::RouterControl, public network::FirewallControl {
public:
    AutoControl(std::unique_ptr<network::RouterControl> api, std::unique_ptr<network::RouterControl> rest)
        : m_api(std::move(api)), m_rest(std::move(rest)) {}

    Result<network::RouterStatus> test() override { return either([](auto& c) { return c.test(); }); }
    Result<void> ensure_profile(const std::string& name, const std::string& rate_limit) override {
        return either([&](auto& c) { return c.ensure_profile(name, rate_limit); });
    }
    Result<std::vector<network::PppProfile>> list_profiles() override { return either([](auto& c) { return c.list_profiles(); }); }
    Result<std::optional<network::PppSecret>> find_secret(const std::string& name) override { return either([&](auto& c) { return c.find_secret(name); }); }
    Result<std::vector<network::PppSecret>> list_secrets() override { return either([](auto& c) { return c.list_secrets(); }); }
    Result<void> upsert_secret(const network::PppSecret& secret) override { return either([&](auto& c) { return c.upsert_secret(secret); }); }
    Result<void> set_secret_enabled(const std::string& name, bool enabled) override {
        return either([&](auto& c) { return c.set_secret_enabled(name, enabled); });
    }
    Result<std::vector<network::ActiveSession>> list_active(const std::optional<std::string>& name) override {
        return either([&](auto& c) { return c.list_active(name); });
    }
    Result<int> kick(const std::string& name) override { return either([&](auto& c) { return c.kick(name); }); }
    Result<void> address_list_add(const std::string& list, const std::string& address, const std::string& comment) override {
        return either([&](auto& c) { return c.address_list_add(list, address, comment); });
    }
    Result<void> address_list_remove(const std::string& list, const std::string& address) override {
        return either([&](auto& c) { return c.address_list_remove(list, address); });
    }
    Result<std::vector<std::string>> address_list_entries(const std::string& list) override {
        return either([&](auto& c) { return c.address_list_entries(list); });
    }
    Result<void> dhcp_lease_bind(const std::string& address, const std::string& mac, const std::string& comment) override {
        return either([&](auto& c) { return c.dhcp_lease_bind(address, mac, comment); });
    }
    Result<std::vector<network::FirewallRule>> firewall_rules(const std::string& table) override {
        return either([&](auto& c) { return network::firewall_of(c)->firewall_rules(table); });
    }
    Result<void> firewall_rule_add(const std::string& table, const network::FirewallRule& rule) override {
        return either([&](auto& c) { return network::firewall_of(c)->firewall_rule_add(table, rule); });
    }
    Result<std::vector<network::ProfileSwitchResult>> switch_profiles(const std::vector<network::ProfileSwitch>& switches) override {
        return either([&](auto& c) { return c.switch_profiles(switches); });
    }

private:
    // Unavailable from the binary API (refused, reset, timed out) moves this adapter to REST for
    // the rest of its life; what the router answered (a !trap, a bad login) is the answer.
    template <typename Work>
    auto either(Work work) -> decltype(work(std::declval<network::RouterControl&>())) {
        if (!m_on_rest) {
            auto result = work(*m_api);
            if (result || result.error().code != ErrorCode::Unavailable) return result;
            m_on_rest = true;
        }
        return work(*m_rest);
    }

    std::unique_ptr<network::RouterControl> m_api;
    std::unique_ptr<network::RouterControl> m_rest;
    bool m_on_rest = false;
};

}  // namespace

std::unique_ptr<network::RouterControl> rest_router_control(const Router& router, const RestOptions& options) {
    return std::make_unique<RestControl>(RestEndpoint{router.host, router.rest_port, router.rest_tls, router.username, router.password}, options);
}

std::unique_ptr<network::RouterControl> router_control_for_mode(const Router& router, const ClientOptions& api_options, const RestOptions& rest_options) {
    if (router.api_mode == "rest") return rest_router_control(router, rest_options);
    if (router.api_mode == "auto") return std::make_unique<AutoControl>(router_control(router, api_options), rest_router_control(router, rest_options));
    return router_control(router, api_options);
}

}  // namespace kimonet::routeros
