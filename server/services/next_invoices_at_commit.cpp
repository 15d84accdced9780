#include "services/next_invoices_at_commit.hpp"

#include <algorithm>
#include <vector>

#include "services/invoice_generation.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::services {

struct NextInvoicesAtCommit::Noted {
    struct Item {
        std::int64_t customer_id;
        Period period;
        app::Context context;
    };
    std::vector<Item> items;

    // Before COMMIT: each period's invoices in one go (a batch pays invoices of one or two months).
    Result<void> create() const {
        std::vector<Period> periods;
        for (const Item& item : items)
            if (std::find(periods.begin(), periods.end(), item.period) == periods.end()) periods.push_back(item.period);
        for (const Period& period : periods) {
            std::vector<MonthlyInvoiceRequest> requests;
            for (const Item& item : items)
                if (item.period == period) requests.push_back(MonthlyInvoiceRequest{item.customer_id, &item.context});
            TRY_VOID(ensure_monthly_invoices(requests, period));
        }
        return {};
    }
};

namespace {
thread_local NextInvoicesAtCommit* t_innermost = nullptr;
}

NextInvoicesAtCommit::NextInvoicesAtCommit(const store::Database& db) : m_db(&db), m_outer(t_innermost) {
    if (!store::transaction_without_savepoints_id(db)) return;  // savepoints: each payment ensures its own at once
    m_noted = std::make_shared<Noted>();
    store::before_commit_without_savepoints(db, [noted = m_noted]() { return noted->create(); });
    t_innermost = this;
}

NextInvoicesAtCommit::~NextInvoicesAtCommit() {
    if (t_innermost == this) t_innermost = m_outer;
}

NextInvoicesAtCommit* NextInvoicesAtCommit::find(const store::Database& db) {
    for (NextInvoicesAtCommit* scope = t_innermost; scope; scope = scope->m_outer)
        if (scope->m_db == &db) return scope->m_noted && store::transaction_without_savepoints_id(db) ? scope : nullptr;
    return nullptr;
}

void NextInvoicesAtCommit::add(const app::Context& context, std::int64_t customer_id, const Period& period) {
    m_noted->items.push_back(Noted::Item{customer_id, period, context});
}

}  // namespace kimonet::services
