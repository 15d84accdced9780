#include "http/kept_setting.hpp"

namespace kimonet::http {

KeptSetting::KeptSetting(const app::Clock& clock, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits,
                         std::int64_t ttl_seconds)
    : m_clock(clock), m_local_commits(std::move(local_commits)), m_ttl_seconds(ttl_seconds) {}

Result<std::string> KeptSetting::get(const std::function<Result<std::string>()>& read) {
    // The counter before the read: a commit that lands during the read moves it, so the value read
    // is not used again after the next request looks.
    const std::uint64_t commits = m_local_commits->load();
    const std::int64_t now = m_clock.now();
    {
        std::lock_guard lock(m_mutex);
        if (m_value && m_commits_at == commits && now >= m_read_at && now - m_read_at < m_ttl_seconds) return *m_value;
    }
    std::string value = TRY(read());
    std::lock_guard lock(m_mutex);
    m_value = value;
    m_read_at = now;
    m_commits_at = commits;
    return value;
}

}  // namespace kimonet::http
