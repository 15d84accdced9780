#include "services/gateway_callback_budget.hpp"

#include "services/callback_budget_shared.hpp"

#include "store/rate_limit_store.hpp"

namespace kimonet::services {

bool CallbackRejectionBudget::allow(const std::string& source, std::int64_t now) {
    std::lock_guard lock(m_mutex);
    const std::int64_t minute = now / 60;
    if (minute != m_minute) {
        m_minute = minute;
        m_total = 0;
        m_per_source.clear();
    }
    if (m_total >= kTotalPerMinute) return false;
    auto found = m_per_source.find(source);
    if (found == m_per_source.end()) {
        if (m_per_source.size() >= kMaxSources) return false;
        found = m_per_source.emplace(source, 0).first;
    }
    if (found->second >= kPerSourcePerMinute) return false;
    ++found->second;
    ++m_total;
    return true;
}

bool allow_rejection(CallbackRejectionBudget& budget, store::Database& db, const std::string& source, std::int64_t now) {
    if (db.engine() == store::Engine::Postgresql && !db.in_transaction()) {
        auto own = store::take_rate_limit_token(db, "callback-rejections:" + source, CallbackRejectionBudget::kPerSourcePerMinute, now);
        if (own) {
            if (!own->allowed) return false;
            auto all = store::take_rate_limit_token(db, "callback-rejections:*", CallbackRejectionBudget::kTotalPerMinute, now);
            if (all) return all->allowed;
        }
    }
    return budget.allow(source, now);
}

}  // namespace kimonet::services
