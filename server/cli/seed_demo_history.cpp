// A year of history for `kimonet seed-demo`: twelve monthly invoice runs ending with the Clock's
// month, payments on time, late and missing, online (gateway) payments with their transactions,
// and the customers who stopped paying isolated — so the dashboard and the reports mean
// something on the first run. Deterministic: one fixed seed, the same data for the same Clock.
#include <algorithm>
#include <cstdio>

#include "cli/seed_demo.hpp"
#include "services/invoice_generation.hpp"
#include "services/network_service.hpp"
#include "services/payment_service.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::cli {
namespace {

// A small linear congruential generator with a fixed seed: the same numbers on every platform
// (std::uniform_int_distribution is not specified bit for bit).
class DemoRandom {
public:
    int below(int n) {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((m_state >> 33) % static_cast<std::uint64_t>(n));
    }

private:
    std::uint64_t m_state = 18;
};

std::int64_t local_time(const app::Context& context, const Date& date, int hour, int minute) {
    return unix_from_local(LocalDateTime{date, hour, minute, 0}, context.offset);
}

}  // namespace

Result<DemoHistory> seed_demo_history(app::Context& context, int months) {
    DemoHistory history;
    DemoRandom random;
    const Date today = context.today();
    Period period = period_of(today);
    for (int back = 1; back < months; ++back) period = previous_period(period);
    for (int month = 0; month < months; ++month, period = next_period(period)) {
        app::Context at = context;  // the run and the payments happen at their own moment
        at.now = std::min(context.now, local_time(context, Date{period.year, period.month, 1}, 0, 1));
        services::GenerateOptions options;
        options.period = period;
        TRY(services::generate_invoices(at, options));
        DemoMonth figures;
        figures.period = period;

        store::InvoiceFilter filter;
        filter.period = period;
        filter.per_page = 10000;
        const auto page = TRY(store::list_invoices(context.db, filter));
        // The period's invoices: the run's, and those a payment of the month before already ensured.
        figures.invoices = static_cast<std::int64_t>(page.rows.size());
        for (const auto& row : page.rows) {
            const billing::Invoice& invoice = row.invoice;
            if (invoice.status == billing::InvoiceStatus::Paid || invoice.outstanding() <= 0) continue;
            // Every ninth customer pays late, every thirteenth stopped paying three months ago.
            const bool stopped = invoice.customer_id % 13 == 0 && month >= months - 3;
            if (stopped) continue;
            const bool late = invoice.customer_id % 9 == 0 || random.below(10) == 0;
            const Date paid_on = late ? add_days(invoice.due_date, 3 + random.below(18)) : add_days(invoice.due_date, -random.below(9));
            const std::int64_t paid_at = local_time(context, paid_on, 8 + random.below(12), random.below(60));
            if (paid_at > context.now) continue;  // not yet: this month's bills stay open
            at.now = paid_at;
            const int channel = random.below(10);
            services::PaymentRequest request;
            request.invoice_id = invoice.id;
            request.amount = invoice.outstanding();
            request.paid_at = paid_at;
            request.receipt_with_lines = false;
            request.method = channel < 3 ? payments::PaymentMethod::Gateway
                                         : (channel < 7 ? payments::PaymentMethod::BankTransfer : payments::PaymentMethod::Cash);
            std::optional<std::int64_t> transaction_id;
            if (request.method == payments::PaymentMethod::Gateway) {
                store::NewGatewayTransaction transaction;
                transaction.gateway = channel == 0 ? "duitku" : "midtrans";
                transaction.order_id = "DEMO-" + std::to_string(invoice.id);
                transaction.reference = transaction.order_id;
                transaction.invoice_id = invoice.id;
                transaction.customer_id = invoice.customer_id;
                transaction.method = channel == 2 ? "qris" : "bca_va";
                transaction.amount = request.amount;
                transaction.payment_code = channel == 2 ? "" : "8808" + std::to_string(100000 + invoice.id);
                transaction.expires_at = paid_at + 86400;
                transaction_id = TRY(store::insert_gateway_transaction(context.db, transaction, paid_at - 600));
                request.note = "demo: " + transaction.gateway + " " + transaction.method;
                ++figures.gateway_transactions;
            }
            const auto receipt = TRY(services::record_payment_in_transaction(at, request));
            if (transaction_id)
                TRY_VOID(store::mark_transaction_paid(context.db, *transaction_id, receipt.payment.id, "demo-" + std::to_string(*transaction_id), paid_at));
            ++figures.payments;
            if (late) ++figures.late;
        }
        history.months.push_back(figures);
    }
    // The customers who stopped paying are isolated now (pending on the routers until they answer).
    store::InvoiceFilter overdue;
    overdue.overdue_only = true;
    overdue.today = today;
    overdue.per_page = 10000;
    std::vector<std::int64_t> isolated;
    for (const auto& row : TRY(store::list_invoices(context.db, overdue)).rows) {
        if (row.invoice.customer_id % 13 != 0) continue;
        if (std::find(isolated.begin(), isolated.end(), row.invoice.customer_id) != isolated.end()) continue;
        isolated.push_back(row.invoice.customer_id);
        TRY(services::isolate(context, row.invoice.customer_id, "demo: tiga bulan belum membayar"));
    }
    history.isolated = static_cast<std::int64_t>(isolated.size());
    history.tickets = TRY(seed_demo_tickets(context));
    history.placed = TRY(seed_demo_inventory(context));
    history.jobs = TRY(seed_demo_jobs(context));
    history.collector_customers = TRY(seed_demo_collection(context));
    return history;
}

}  // namespace kimonet::cli
