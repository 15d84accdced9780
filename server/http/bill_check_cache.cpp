#include "http/bill_check_cache.hpp"

#include <cstdio>

namespace kimonet::http {

BillCheckCache::BillCheckCache(std::string database_url, std::shared_ptr<const std::atomic<std::uint64_t>> local_commits,
                               std::chrono::milliseconds window, Wire wire)
    : m_url(std::move(database_url)), m_local_commits(std::move(local_commits)), m_window(window), m_wire(std::move(wire)) {}

std::optional<std::uint64_t> BillCheckCache::usable_generation() {
    std::call_once(m_started, [this] {
        auto watch = store::ChangeWatch::start(m_url, m_local_commits);
        if (watch) m_watch = std::move(watch).value();
        else std::fprintf(stderr, "bill check cache off: %s\n", watch.error().message().c_str());
    });
    if (!m_watch) return std::nullopt;
    // The generation first: a commit the watch confirms after this read moves it again.
    const std::uint64_t generation = m_watch->generation();
    if (!m_watch->caught_up(store::ChangeWatch::Clock::now(), m_window)) return std::nullopt;
    return generation;
}

// A newer generation forgets everything kept under the older one; false when `generation` is
// itself older than what is kept (computed before a commit that has since been seen).
bool BillCheckCache::adopt(std::uint64_t generation) {
    if (generation < m_generation) return false;
    if (generation > m_generation) {
        m_answers.clear();
        m_order.clear();
        m_bytes = 0;
        m_setting.reset();
        m_generation = generation;
    }
    return true;
}

// Kept under the generation read before the answer was computed: if anything committed since,
// the generation has moved and this is never served.
// The wire bytes are made before the lock (the same for every caller that computed this body).
void BillCheckCache::keep(const std::string& number, const std::string& body, std::uint64_t generation) {
    Entry entry{std::make_shared<const std::string>(m_wire ? m_wire(body) : body), 0};
    if (entry.bytes->size() < body.size() || !entry.bytes->ends_with(body)) return;  // a `wire` that broke its promise: keep nothing
    entry.body_at = entry.bytes->size() - body.size();
    const std::size_t bytes = number.size() + entry.bytes->size();
    if (bytes > kMaxBytes) return;
    std::unique_lock lock(m_mutex);
    if (!adopt(generation)) return;
    if (m_answers.contains(number)) return;
    while (!m_order.empty() && (m_answers.size() >= kMaxEntries || m_bytes + bytes > kMaxBytes)) {
        const auto oldest = m_answers.find(m_order.front());
        m_bytes -= oldest->first.size() + oldest->second.bytes->size();
        m_answers.erase(oldest);
        m_order.pop_front();
    }
    m_answers.emplace(number, std::move(entry));
    m_order.push_back(number);
    m_bytes += bytes;
}

Result<std::string> BillCheckCache::answer(const std::string& number, const std::function<Result<std::string>()>& compute) {
    const auto generation = usable_generation();
    if (generation) {
        std::shared_lock lock(m_mutex);
        if (m_generation == *generation) {
            if (const auto found = m_answers.find(number); found != m_answers.end()) return found->second.bytes->substr(found->second.body_at);
        }
    }
    std::string body = TRY(compute());
    if (generation) keep(number, body, *generation);
    return body;
}

Result<std::int64_t> BillCheckCache::setting(const std::function<Result<std::int64_t>()>& compute) {
    const auto generation = usable_generation();
    if (generation) {
        std::shared_lock lock(m_mutex);
        if (m_generation == *generation && m_setting) return *m_setting;
    }
    const std::int64_t value = TRY(compute());
    if (generation) {
        std::unique_lock lock(m_mutex);
        if (adopt(*generation)) m_setting = value;
    }
    return value;
}

BillCheckCache::Kept BillCheckCache::kept(std::string_view number) {
    const auto generation = usable_generation();
    if (!generation) return {};
    std::shared_lock lock(m_mutex);
    if (m_generation != *generation) return {};
    Kept kept{nullptr, m_setting};
    if (const auto found = m_answers.find(number); found != m_answers.end() && m_wire) kept.wire = found->second.bytes;
    return kept;
}

std::size_t BillCheckCache::size() const {
    std::shared_lock lock(m_mutex);
    return m_answers.size();
}

}  // namespace kimonet::http
