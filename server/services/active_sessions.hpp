#pragma once
// Who is online, by address: the PPP sessions each router reported the last time the router
// probe asked (in the background, every few seconds). The public isolir page identifies its
// visitor from this table, so no request ever waits on a router.
//
// One table per database (the App serving it and its background runners share it), held in
// memory and bounded: at most kMaxEntries addresses, entries older than kMaxAge are ignored.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/app.hpp"
#include "network/router_control.hpp"

namespace kimonet::services {

class ActiveSessionTable {
public:
    static constexpr std::size_t kMaxEntries = 200'000;
    static constexpr std::int64_t kMaxAge = 300;  // seconds: a router silent for longer is not trusted

    // Replaces everything `router_id` reported before with `sessions`, seen at `now`.
    void replace_router(std::int64_t router_id, const std::vector<network::ActiveSession>& sessions, std::int64_t now);
    // The PPP user whose session has `address`, if a router reported it within kMaxAge of `now`.
    std::optional<std::string> user_at(const std::string& address, std::int64_t now) const;
    std::size_t size() const;

private:
    struct Entry {
        std::int64_t router_id = 0;
        std::string user;
        std::int64_t seen_at = 0;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_by_address;
};

// The table of the database `app` serves.
ActiveSessionTable& active_sessions(const app::App& app);

// Asks every router for its active PPP sessions (short timeouts) and stores them in `table`.
// A router that does not answer keeps its last report until it ages out. Returns how many
// routers answered. Runs only in the background (the router probe runner).
Result<int> refresh_active_sessions(app::Context& context, ActiveSessionTable& table);

}  // namespace kimonet::services
