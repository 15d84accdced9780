#include "services/invoice_generation.hpp"

#include "services/billing_notifications.hpp"

#include "billing/invoice_number.hpp"
#include "services/activity_log.hpp"
#include "services/billing_settings.hpp"
#include "services/payment_service.hpp"
#include "store/invoice_store.hpp"

namespace kimonet::services {

namespace {

// What generation needs to know about one customer.
struct BillingRow {
    std::int64_t customer_id = 0;
    Date join_date;
    std::optional<int> due_day;
    std::string package_name;
    Money package_price = 0;
    Money credit = 0;
    bool already_invoiced = false;
};

constexpr const char* kBillingRowSelect =
    "SELECT c.id, c.join_date, c.due_day, p.name, p.price, COALESCE(cc.balance, 0), "
    "EXISTS(SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.period = :period AND i.kind = 'monthly') "
    "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
    "LEFT JOIN customer_credit cc ON cc.customer_id = c.id ";
// The same without the per-customer EXISTS: batches look up existing invoices with one range scan.
constexpr const char* kBatchRowSelect =
    "SELECT c.id, c.join_date, c.due_day, p.name, p.price, COALESCE(cc.balance, 0), 0 "
    "FROM customers c JOIN internet_packages p ON p.id = c.package_id "
    "LEFT JOIN customer_credit cc ON cc.customer_id = c.id ";

BillingRow read_row(const store::Statement& row) {
    BillingRow out;
    out.customer_id = row.column_int(0);
    out.join_date = parse_date(row.column_text(1)).value_or(Date{});
    if (auto due = row.column_optional_int(2)) out.due_day = static_cast<int>(*due);
    out.package_name = row.column_text(3);
    out.package_price = row.column_int(4);
    out.credit = row.column_int(5);
    out.already_invoiced = row.column_int(6) != 0;
    return out;
}

std::optional<billing::Invoice> invoice_for(const BillingRow& row, const Period& period, const BillingSettings& settings) {
    auto draft = billing::monthly_invoice(
        billing::MonthlyBillingInput{period, row.join_date, row.due_day, row.package_name, row.package_price}, settings.rules);
    if (!draft) return std::nullopt;
    billing::Invoice invoice;
    invoice.customer_id = row.customer_id;
    invoice.period = period;
    invoice.kind = "monthly";
    invoice.issue_date = draft->issue_date;
    invoice.due_date = draft->due_date;
    invoice.lines = std::move(draft->lines);
    invoice.totals = draft->totals;
    invoice.tax = draft->tax;
    invoice.status = billing::status_for(invoice.totals.total, 0);
    return invoice;
}

Result<std::vector<BillingRow>> read_batch(store::Database& db, const GenerateOptions& options, std::int64_t after) {
    // "+c.status" keeps SQLite on the rowid order instead of the status index, so each batch
    // is a range scan rather than a sort of every billable customer.
    std::string sql = std::string(kBatchRowSelect) + "WHERE +c.status IN ('active','isolated') AND c.id > :after ";
    if (options.joined_in_period_only) sql += "AND c.join_date BETWEEN :first AND :last ";
    sql += "ORDER BY c.id LIMIT :limit";
    auto statement = TRY(db.prepare(sql));
    statement.bind_named(":period", to_string(options.period));
    statement.bind_named(":after", after);
    statement.bind_named(":first", to_string(first_day(options.period)));
    statement.bind_named(":last", to_string(last_day(options.period)));
    statement.bind_named(":limit", std::int64_t{options.batch_size});
    std::vector<BillingRow> rows;
    while (TRY(statement.step())) rows.push_back(read_row(statement));
    if (rows.empty()) return rows;
    // Customers of this id range already invoiced for the period, in id order like `rows`.
    auto existing = TRY(db.prepare(
        "SELECT customer_id FROM invoices INDEXED BY invoices_monthly WHERE kind = 'monthly' AND period = ? "
        "AND customer_id BETWEEN ? AND ? ORDER BY customer_id"));
    existing.bind(1, to_string(options.period)).bind(2, rows.front().customer_id).bind(3, rows.back().customer_id);
    std::size_t next = 0;
    while (TRY(existing.step())) {
        const std::int64_t customer_id = existing.column_int(0);
        while (next < rows.size() && rows[next].customer_id < customer_id) ++next;
        if (next < rows.size() && rows[next].customer_id == customer_id) rows[next].already_invoiced = true;
    }
    return rows;
}

Result<std::int64_t> count_billable(store::Database& db, const GenerateOptions& options) {
    std::string sql = "SELECT COUNT(*) FROM customers c WHERE c.status IN ('active','isolated')";
    if (options.joined_in_period_only) sql += " AND c.join_date BETWEEN :first AND :last";
    auto statement = TRY(db.prepare(sql));
    statement.bind_named(":first", to_string(first_day(options.period)));
    statement.bind_named(":last", to_string(last_day(options.period)));
    TRY(statement.step());
    return statement.column_int(0);
}

// Numbers and writes the invoices of one batch; returns how many were created.
Result<void> write_batch(app::Context& context, const GenerateOptions& options, const BillingSettings& settings,
                         const std::vector<BillingRow>& rows, GenerateSummary& summary) {
    std::vector<std::pair<const BillingRow*, billing::Invoice>> pending;
    for (const auto& row : rows) {
        if (row.already_invoiced) {
            ++summary.skipped;
            continue;
        }
        auto invoice = invoice_for(row, options.period, settings);
        if (!invoice) {
            ++summary.skipped;
            continue;
        }
        summary.total_amount += invoice->totals.total;
        ++summary.created;
        pending.emplace_back(&row, std::move(*invoice));
    }
    if (options.dry_run || pending.empty()) return {};
    const auto count = static_cast<std::int64_t>(pending.size());
    const std::int64_t first = TRY(store::reserve_sequence(context.db, store::invoice_sequence_name(options.period), count));
    auto writer = TRY(store::InvoiceWriter::prepare(context.db));
    std::int64_t sequence = first;
    for (auto& [row, invoice] : pending) {
        invoice.invoice_no = billing::format_invoice_number(settings.number_format, options.period, sequence);
        invoice.id = TRY(writer.insert(invoice, sequence, context.now));
        ++sequence;
        if (row->credit > 0) TRY_VOID(apply_customer_credit(context, invoice));
    }
    return log_activity(context, "invoice.generate", "invoice", std::nullopt, nullptr,
                        {{"period", to_string(options.period)},
                         {"created", count},
                         {"first_invoice_no", pending.front().second.invoice_no},
                         {"last_invoice_no", pending.back().second.invoice_no},
                         {"first_customer_id", pending.front().first->customer_id},
                         {"last_customer_id", pending.back().first->customer_id}});
}

}  // namespace

Result<GenerateSummary> generate_invoices(app::Context& context, const GenerateOptions& options) {
    if (options.batch_size < 1) return validation_error({{"batch_size", messages::kAtLeastOne}});
    const BillingSettings settings = TRY(load_billing_settings(context.db));
    const std::int64_t to_process = options.progress ? TRY(count_billable(context.db, options)) : 0;
    GenerateSummary summary;
    std::int64_t after = 0, processed = 0;
    while (true) {
        std::size_t batch_rows = 0;
        auto work = [&]() -> Result<void> {
            GenerateSummary batch;
            const auto rows = TRY(read_batch(context.db, options, after));
            batch_rows = rows.size();
            if (rows.empty()) return {};
            TRY_VOID(write_batch(context, options, settings, rows, batch));
            after = rows.back().customer_id;
            summary.created += batch.created;
            summary.skipped += batch.skipped;
            summary.total_amount += batch.total_amount;
            return {};
        };
        if (options.dry_run) TRY_VOID(work());
        else TRY_VOID(context.db.transaction(work));
        processed += static_cast<std::int64_t>(batch_rows);
        if (options.progress && batch_rows > 0) options.progress(processed, to_process);
        if (batch_rows < static_cast<std::size_t>(options.batch_size)) break;
    }
    // After the invoices exist, so a crash before this point is repaired by a rerun with --notify.
    if (options.notify && !options.dry_run)
        TRY_VOID(context.db.transaction([&]() -> Result<void> {
            summary.notified = TRY(queue_new_invoice_notices(context, options.period));
            return {};
        }));
    return summary;
}

Result<std::optional<std::int64_t>> ensure_monthly_invoice(app::Context& context, std::int64_t customer_id, const Period& period) {
    std::optional<std::int64_t> result;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto statement = TRY(context.db.prepare(std::string(kBillingRowSelect) +
                                                "WHERE c.id = :customer AND c.status IN ('active','isolated')"));
        statement.bind_named(":period", to_string(period));
        statement.bind_named(":customer", customer_id);
        if (!TRY(statement.step())) return {};
        const BillingRow row = read_row(statement);
        TRY_VOID(statement.run());
        if (row.already_invoiced) {
            result = TRY(store::find_monthly_invoice_id(context.db, customer_id, period));
            return {};
        }
        const BillingSettings settings = TRY(load_billing_settings(context.db));
        auto invoice = invoice_for(row, period, settings);
        if (!invoice) return {};
        const std::int64_t sequence = TRY(store::reserve_sequence(context.db, store::invoice_sequence_name(period), 1));
        invoice->invoice_no = billing::format_invoice_number(settings.number_format, period, sequence);
        invoice->id = TRY(store::insert_invoice(context.db, *invoice, sequence, context.now));
        if (row.credit > 0) TRY_VOID(apply_customer_credit(context, *invoice));
        result = invoice->id;
        return log_activity(context, "invoice.create", "invoice", invoice->id, nullptr,
                            {{"invoice_no", invoice->invoice_no}, {"customer_id", customer_id}, {"period", to_string(period)},
                             {"total", invoice->totals.total}});
    }));
    return result;
}

}  // namespace kimonet::services
