#include "jobs/leader_election.hpp"

#include <unistd.h>

#include "store/leader_store.hpp"

namespace kimonet::jobs {

LeaderElection::LeaderElection(std::string url) : m_url(std::move(url)), m_postgresql(store::is_postgresql_url(m_url)) {}

LeaderElection::~LeaderElection() { resign(); }

void LeaderElection::resign() {
    m_session.reset();  // closing the session frees its advisory lock
    m_leading = false;
}

bool LeaderElection::poll(std::string& problem) {
    if (!m_postgresql) return true;
    auto attempt = [&]() -> Result<bool> {
        if (!m_session) {
            m_session = TRY(store::Database::open(m_url));
            TRY_VOID(store::prepare_leader_session(*m_session, "kimonet-scheduler pid=" + std::to_string(::getpid())));
        }
        // Holding it: the lock lives as long as the session, so a round trip proves both.
        if (m_leading) {
            TRY_VOID(store::ping_leader_session(*m_session));
            return true;
        }
        return store::try_scheduler_lock(*m_session);
    };
    auto leading = attempt();
    if (!leading) {
        // The session is gone or unusable: whatever lock it held went with it.
        problem = leading.error().message();
        resign();
        return false;
    }
    m_leading = *leading;
    return m_leading;
}

}  // namespace kimonet::jobs
