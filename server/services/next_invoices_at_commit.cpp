#include "services/next_invoices_at_commit.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <utility>
#include <vector>

#include "services/invoice_generation.hpp"
#include "store/activity_store.hpp"
#include "store/callback_apply_store.hpp"
#include "store/invoice_store.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::services {

struct NextInvoicesAtCommit::Noted {
    struct Item {
        std::int64_t customer_id;
        Period period;
        app::Context context;
    };
    std::vector<Item> items;

    // Before COMMIT: each period's invoices in one go (a batch pays invoices of one or two months),
    // the earliest first: batches beside each other lock the periods' number counters in one order.
    Result<void> create() const {
        std::vector<Period> periods;
        for (const Item& item : items)
            if (std::find(periods.begin(), periods.end(), item.period) == periods.end()) periods.push_back(item.period);
        std::sort(periods.begin(), periods.end());
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

namespace {

struct ProvisionalReceipt {
    Period period;
    std::string provisional;
};
// The batch's provisional receipt numbers, of the transaction_without_savepoints they belong to.
thread_local std::uint64_t t_receipts_for = 0;
thread_local bool t_receipts_open = false;  // false once the flush has run
thread_local std::vector<ProvisionalReceipt> t_receipts;

// Random per process: two servers' provisional numbers never meet in the UNIQUE index.
const std::string& process_tag() {
    static const std::string tag = [] {
        std::random_device random;
        char buffer[24];
        std::snprintf(buffer, sizeof buffer, "%08x%08x", random(), random());
        return std::string(buffer);
    }();
    return tag;
}

Result<void> give_receipts_their_numbers(store::Database& db) {
    t_receipts_open = false;
    std::vector<ProvisionalReceipt> receipts;
    receipts.swap(t_receipts);
    // Month by month, the earliest first (one order of the counters' row locks for every batch),
    // each month's numbers in the order its provisional ones were handed out.
    std::vector<Period> periods;
    for (const ProvisionalReceipt& receipt : receipts)
        if (std::find(periods.begin(), periods.end(), receipt.period) == periods.end()) periods.push_back(receipt.period);
    std::sort(periods.begin(), periods.end());
    std::vector<std::pair<std::string, std::string>> renumbered;
    for (const Period& period : periods) {
        const auto count = std::count_if(receipts.begin(), receipts.end(), [&](const ProvisionalReceipt& receipt) { return receipt.period == period; });
        std::int64_t next = TRY(store::reserve_sequence(db, "receipt:" + to_string(period), count));
        for (ProvisionalReceipt& receipt : receipts)
            if (receipt.period == period) renumbered.emplace_back(std::move(receipt.provisional), receipt_no_text(period, next++));
    }
    TRY_VOID(store::renumber_receipts(db, renumbered));
    store::replace_in_gathered_activity(db, renumbered);
    return {};
}

}  // namespace

void number_receipts_at_commit(store::Database& db) {
    const std::uint64_t joined = store::transaction_without_savepoints_id(db);
    if (!joined || !store::shares_the_writer_lock(db)) return;
    t_receipts_for = joined;
    t_receipts_open = true;
    t_receipts.clear();
    store::before_commit_without_savepoints(db, [&db]() { return give_receipts_their_numbers(db); });
}

std::optional<std::string> provisional_receipt_no(const store::Database& db, const Period& period) {
    const std::uint64_t joined = store::transaction_without_savepoints_id(db);
    if (!joined || joined != t_receipts_for || !t_receipts_open) return std::nullopt;
    std::string provisional = "~" + process_tag() + "-" + std::to_string(joined) + "-" + std::to_string(t_receipts.size() + 1) + "~";
    t_receipts.push_back(ProvisionalReceipt{period, provisional});
    return provisional;
}

std::string receipt_no_text(const Period& period, std::int64_t number) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "KW-%04d%02d-%06lld", period.year, period.month, static_cast<long long>(number));
    return std::string(buffer);
}

}  // namespace kimonet::services
