#include "routeros/routeros_hotspot_control.hpp"

#include <charconv>

namespace kimonet::routeros {

namespace {

std::int64_t number(const Row& row, const char* key) {
    const std::string text = row_value(row, key);
    std::int64_t out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
}

class RouterOsHotspotControl final : public network::HotspotControl {
public:
    RouterOsHotspotControl(Endpoint endpoint, ClientOptions options) : m_endpoint(std::move(endpoint)), m_options(options) {}

    Result<void> ensure_user_profile(const network::HotspotUserProfile& profile) override {
        Client& client = TRY(connected());
        auto found = TRY(client.run(Command("/ip/hotspot/user/profile/print").where("name=" + profile.name).proplist(".id,rate-limit,shared-users")));
        const std::string shared = std::to_string(profile.shared_users);
        if (found.rows.empty()) {
            TRY(client.run(Command("/ip/hotspot/user/profile/add").set("name", profile.name).set("rate-limit", profile.rate_limit).set("shared-users", shared)));
        } else if (row_value(found.rows.front(), "rate-limit") != profile.rate_limit || row_value(found.rows.front(), "shared-users") != shared) {
            TRY(client.run(Command("/ip/hotspot/user/profile/set")
                               .set(".id", row_value(found.rows.front(), ".id"))
                               .set("rate-limit", profile.rate_limit)
                               .set("shared-users", shared)));
        }
        return {};
    }

    Result<std::vector<network::HotspotUser>> list_users(const std::string& comment) override {
        Client& client = TRY(connected());
        Command print("/ip/hotspot/user/print");
        print.proplist(".id,name,profile,comment,uptime,bytes-in,bytes-out,limit-uptime,limit-bytes-total");
        if (!comment.empty()) print.where("comment=" + comment);
        auto response = TRY(client.run(print));
        std::vector<network::HotspotUser> out;
        out.reserve(response.rows.size());
        for (const auto& row : response.rows) {
            network::HotspotUser user;
            user.id = row_value(row, ".id");
            user.name = row_value(row, "name");
            user.profile = row_value(row, "profile");
            user.comment = row_value(row, "comment");
            user.uptime = row_value(row, "uptime");
            user.bytes_in = number(row, "bytes-in");
            user.bytes_out = number(row, "bytes-out");
            user.limit_uptime = row_value(row, "limit-uptime");
            user.limit_bytes_total = number(row, "limit-bytes-total");
            out.push_back(std::move(user));
        }
        return out;
    }

    Result<std::vector<network::HotspotAddResult>> add_users(const std::vector<network::HotspotUser>& users) override {
        Client& client = TRY(connected());
        std::vector<Command> adds;
        adds.reserve(users.size());
        for (const auto& user : users) {
            Command add("/ip/hotspot/user/add");
            add.set("name", user.name).set("password", user.password).set("profile", user.profile);
            if (!user.limit_uptime.empty()) add.set("limit-uptime", user.limit_uptime);
            if (user.limit_bytes_total > 0) add.set("limit-bytes-total", std::to_string(user.limit_bytes_total));
            if (!user.comment.empty()) add.set("comment", user.comment);
            adds.push_back(std::move(add));
        }
        auto responses = TRY(client.run_all(adds));
        std::vector<network::HotspotAddResult> results(users.size());
        for (std::size_t index = 0; index < users.size(); ++index) {
            auto& result = results[index];
            const auto& response = responses[index];
            result.name = users[index].name;
            // RouterOS answers a duplicate name with "failure: already have user with this name".
            if (!response.trap) result.added = true;
            else if (response.trap->message.find("already") != std::string::npos) result.existed = true;
            else result.error = response.trap->message;
        }
        return results;
    }

    Result<int> remove_users(const std::vector<std::string>& ids) override {
        if (ids.empty()) return 0;
        Client& client = TRY(connected());
        std::vector<Command> removes;
        removes.reserve(ids.size());
        for (const auto& id : ids) removes.push_back(std::move(Command("/ip/hotspot/user/remove").set(".id", id)));
        auto responses = TRY(client.run_all(removes));
        int removed = 0;
        for (const auto& response : responses) removed += response.trap ? 0 : 1;
        return removed;
    }

    Result<std::vector<network::HotspotSession>> list_active() override {
        Client& client = TRY(connected());
        auto response = TRY(client.run(Command("/ip/hotspot/active/print").proplist(".id,user,address,uptime")));
        std::vector<network::HotspotSession> out;
        for (const auto& row : response.rows) out.push_back({row_value(row, ".id"), row_value(row, "user"), row_value(row, "address"), row_value(row, "uptime")});
        return out;
    }

private:
    // One connection of its own, opened on first use and again when it broke: a push of 25,000
    // users holds it for a while, and must not hold the cached connection isolation uses.
    Result<std::reference_wrapper<Client>> connected() {
        if (!m_client || !m_client->usable()) {
            m_client.reset();
            m_client = TRY(Client::connect(m_endpoint, m_options));
        }
        return std::ref(*m_client);
    }

    Endpoint m_endpoint;
    ClientOptions m_options;
    std::unique_ptr<Client> m_client;
};

}  // namespace

std::unique_ptr<network::HotspotControl> hotspot_control(const Router& router, const ClientOptions& options) {
    return std::make_unique<RouterOsHotspotControl>(Endpoint{router.host, router.port, router.tls, router.username, router.password}, options);
}

}  // namespace kimonet::routeros
