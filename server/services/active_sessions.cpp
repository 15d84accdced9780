#include "services/active_sessions.hpp"

#include <map>

#include "app/ports.hpp"
#include "services/network_service.hpp"
#include "store/router_store.hpp"

namespace kimonet::services {

void ActiveSessionTable::replace_router(std::int64_t router_id, const std::vector<network::ActiveSession>& sessions, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    std::erase_if(m_by_address, [&](const auto& entry) { return entry.second.router_id == router_id || now - entry.second.seen_at > kMaxAge; });
    for (const auto& session : sessions) {
        if (session.address.empty() || session.name.empty()) continue;
        if (m_by_address.size() >= kMaxEntries && !m_by_address.contains(session.address)) break;  // bounded: the rest stay unknown
        m_by_address[session.address] = Entry{router_id, session.name, now};
    }
}

std::optional<std::string> ActiveSessionTable::user_at(const std::string& address, std::int64_t now) const {
    std::lock_guard lock(m_mutex);
    auto found = m_by_address.find(address);
    if (found == m_by_address.end() || now - found->second.seen_at > kMaxAge || found->second.seen_at > now + kMaxAge) return std::nullopt;
    return found->second.user;
}

std::size_t ActiveSessionTable::size() const {
    std::lock_guard lock(m_mutex);
    return m_by_address.size();
}

ActiveSessionTable& active_sessions(const app::App& app) {
    // Keyed by the database file: tests run several Apps in one process, each on its own file.
    static std::mutex registry_mutex;
    static std::map<std::string, std::unique_ptr<ActiveSessionTable>> registry;
    std::lock_guard lock(registry_mutex);
    auto& table = registry[app.config().db_path];
    if (!table) table = std::make_unique<ActiveSessionTable>();
    return *table;
}

Result<int> refresh_active_sessions(app::Context& context, ActiveSessionTable& table) {
    const auto routers = TRY(store::list_routers(context.db));
    int answered = 0;
    for (const auto& listed : routers) {
        auto router = router_with_password(context, listed.id);
        if (!router) continue;
        app::RouterTimeouts quick;
        quick.connect = std::chrono::milliseconds(2000);
        quick.reply = std::chrono::milliseconds(5000);
        auto sessions = context.ports.router_control(*router, quick)->list_active();
        if (!sessions) continue;
        table.replace_router(listed.id, *sessions, context.now);
        ++answered;
    }
    return answered;
}

}  // namespace kimonet::services
