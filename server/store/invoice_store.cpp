#include "store/invoice_store.hpp"

#include <algorithm>
#include <vector>

#include "store/callback_apply_store.hpp"
#include "store/gateway_store.hpp"
#include "store/invoice_columns.hpp"
#include "store/transaction_memo.hpp"

namespace kimonet::store {

namespace {

// The upsert that moves a named counter on by `count`; its new last number.
Result<std::int64_t> advance_sequence(Database& db, const std::string& name, std::int64_t count) {
    auto statement = TRY(db.prepare(
        "INSERT INTO sequences(name, last_number) VALUES (?1, ?2) "
        "ON CONFLICT(name) DO UPDATE SET last_number = sequences.last_number + ?2 RETURNING last_number"));  // sequences.last_number: unambiguous on PostgreSQL too
    statement.bind(1, name).bind(2, count);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal, messages::kSequenceNotAdvanced);
    const std::int64_t last = statement.column_int(0);
    TRY_VOID(statement.run());
    return last;
}

// Inside transaction_without_savepoints (a batch of callbacks): single numbers are handed out of a
// block reserved in one statement, and the block's unused numbers are given back before COMMIT,
// so the counter ends exactly where one-at-a-time reservations would have left it (no gaps, no
// number twice). The writer lock keeps every other writer off the counter meanwhile. A rolled-back
// batch takes its blocks with it (they are this transaction's writes).
struct SequenceBlock {
    std::string name;
    std::int64_t next = 0, last = 0;  // next <= last: numbers still to hand out
};
constexpr std::int64_t kSequenceBlock = 16;
thread_local std::uint64_t t_blocks_for = 0;  // the transaction_without_savepoints they belong to
thread_local std::vector<SequenceBlock> t_blocks;

Result<void> give_back(Database& db, SequenceBlock& block) {
    if (block.next > block.last) return {};
    auto statement = TRY(db.prepare("UPDATE sequences SET last_number = ? WHERE name = ?"));
    statement.bind(1, block.next - 1).bind(2, block.name);
    TRY_VOID(statement.run());
    block.last = block.next - 1;
    return {};
}

}  // namespace

Result<std::int64_t> reserve_sequence(Database& db, const std::string& name, std::int64_t count) {
    if (const std::uint64_t joined = transaction_without_savepoints_id(db)) {
        if (t_blocks_for != joined) {  // the first reservation of this transaction (a failed one's blocks are dropped)
            t_blocks.clear();
            t_blocks_for = joined;
            before_commit_without_savepoints(db, [&db]() -> Result<void> {
                for (SequenceBlock& block : t_blocks) TRY_VOID(give_back(db, block));
                return {};
            });
        }
        auto block = std::find_if(t_blocks.begin(), t_blocks.end(), [&](const SequenceBlock& candidate) { return candidate.name == name; });
        if (count == 1) {
            if (block == t_blocks.end()) block = t_blocks.insert(t_blocks.end(), SequenceBlock{name, 1, 0});
            if (block->next > block->last) {
                const std::int64_t last = TRY(advance_sequence(db, name, kSequenceBlock));
                block->next = last - kSequenceBlock + 1;
                block->last = last;
            }
            return block->next++;
        }
        if (block != t_blocks.end()) TRY_VOID(give_back(db, *block));  // several at once follow what was handed out
    }
    const std::int64_t last = TRY(advance_sequence(db, name, count));
    return last - count + 1;
}

std::string invoice_sequence_name(const Period& period) { return "invoice:" + to_string(period); }

const char* const kInvoiceColumns =
    "i.id, i.invoice_no, i.customer_id, i.period, i.kind, i.issue_date, i.due_date, i.subtotal, i.tax, i.total, "
    "i.tax_rate_bp, i.tax_mode, i.paid_amount, i.status, i.void_reason, i.tax_pkp, i.tax_dpp_numerator, i.tax_dpp_denominator, i.tax_base";

billing::Invoice invoice_from_row(const Statement& row, int first) {
    billing::Invoice invoice;
    invoice.id = row.column_int(first + 0);
    invoice.invoice_no = row.column_text(first + 1);
    invoice.customer_id = row.column_int(first + 2);
    invoice.period = parse_period(row.column_text(first + 3)).value_or(Period{});
    invoice.kind = row.column_text(first + 4);
    invoice.issue_date = parse_date(row.column_text(first + 5)).value_or(Date{});
    invoice.due_date = parse_date(row.column_text(first + 6)).value_or(Date{});
    invoice.totals = billing::Totals{row.column_int(first + 7), row.column_int(first + 8), row.column_int(first + 9)};
    invoice.tax.rate_basis_points = row.column_int(first + 10);
    invoice.tax.mode = billing::parse_tax_mode(row.column_text(first + 11)).value_or(billing::TaxMode::Exclusive);
    invoice.paid_amount = row.column_int(first + 12);
    invoice.status = billing::parse_invoice_status(row.column_text(first + 13)).value_or(billing::InvoiceStatus::Unpaid);
    invoice.void_reason = row.column_text(first + 14);
    invoice.tax.pkp = row.column_int(first + 15) != 0;
    invoice.tax.dpp_numerator = row.column_int(first + 16);
    invoice.tax.dpp_denominator = row.column_int(first + 17);
    invoice.totals.tax_base = row.column_int(first + 18);
    return invoice;
}

static billing::Invoice row_to_invoice(const Statement& row) { return invoice_from_row(row, 0); }

Result<std::optional<billing::Invoice>> find_invoice_without_lines(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kInvoiceColumns + " FROM invoices i WHERE i.id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<billing::Invoice>();
    return std::optional<billing::Invoice>(row_to_invoice(statement));
}

Result<std::optional<billing::Invoice>> find_invoice(Database& db, std::int64_t id) {
    auto found = TRY(find_invoice_without_lines(db, id));
    if (!found) return found;
    billing::Invoice invoice = std::move(*found);
    auto lines = TRY(db.prepare(
        "SELECT kind, description, quantity, unit_price, amount FROM invoice_lines WHERE invoice_id = ? ORDER BY position, id"));
    lines.bind(1, id);
    while (TRY(lines.step())) {
        invoice.lines.push_back(billing::InvoiceLine{billing::parse_line_kind(lines.column_text(0)).value_or(billing::LineKind::Charge),
                                                     lines.column_text(1), lines.column_int(2), lines.column_int(3),
                                                     lines.column_int(4)});
    }
    return std::optional<billing::Invoice>(std::move(invoice));
}

Result<std::optional<std::int64_t>> find_monthly_invoice_id(Database& db, std::int64_t customer_id, const Period& period) {
    auto statement = TRY(db.prepare("SELECT id FROM invoices WHERE customer_id = ? AND period = ? AND kind = 'monthly'"));
    statement.bind(1, customer_id).bind(2, to_string(period));
    if (!TRY(statement.step())) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(statement.column_int(0));
}

Result<InvoicePage> list_invoices(Database& db, const InvoiceFilter& filter) {
    std::string where = " WHERE 1=1";
    if (filter.period) where += " AND i.period = :period";
    if (filter.status) where += " AND i.status = :status";
    if (filter.customer_id) where += " AND i.customer_id = :customer_id";
    if (filter.overdue_only) where += " AND i.status IN ('unpaid','partial') AND i.due_date < :today";
    auto bind = [&](Statement& statement) {
        if (filter.period) statement.bind_named(":period", to_string(*filter.period));
        if (filter.status) statement.bind_named(":status", std::string(billing::to_string(*filter.status)));
        if (filter.customer_id) statement.bind_named(":customer_id", *filter.customer_id);
        if (filter.overdue_only) statement.bind_named(":today", to_string(filter.today));
    };
    InvoicePage page;
    auto count = TRY(db.prepare("SELECT COUNT(*) FROM invoices i" + where));
    bind(count);
    TRY(count.step());
    page.total = count.column_int(0);
    auto rows = TRY(db.prepare(std::string("SELECT ") + kInvoiceColumns +
                               ", c.name, c.service_number FROM invoices i JOIN customers c ON c.id = i.customer_id" + where +
                               " ORDER BY i.period DESC, i.sequence DESC LIMIT :limit OFFSET :offset"));
    bind(rows);
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", std::int64_t{filter.page - 1} * filter.per_page);
    while (TRY(rows.step())) page.rows.push_back(InvoiceListRow{row_to_invoice(rows), rows.column_text(kInvoiceColumnCount), rows.column_text(kInvoiceColumnCount + 1)});
    return page;
}

static const std::string kInsertInvoice = std::string("INSERT INTO invoices(") + kInvoiceInsertColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
// PostgreSQL: the id comes back with the INSERT (no second round trip for lastval()); SQLite's
// last_insert_rowid() is free.
static const std::string kInsertInvoiceReturning = kInsertInvoice + " RETURNING id";
static const std::string kInsertLine = std::string("INSERT INTO invoice_lines(") + kLineInsertColumns + ") VALUES (?,?,?,?,?,?,?)";

void bind_invoice_columns(Statement& statement, int first, const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now) {
    statement.bind(first, invoice.invoice_no)
        .bind(first + 1, invoice.customer_id)
        .bind(first + 2, to_string(invoice.period))
        .bind(first + 3, invoice.kind)
        .bind(first + 4, sequence)
        .bind(first + 5, to_string(invoice.issue_date))
        .bind(first + 6, to_string(invoice.due_date))
        .bind(first + 7, invoice.totals.subtotal)
        .bind(first + 8, invoice.totals.tax)
        .bind(first + 9, invoice.totals.total)
        .bind(first + 10, invoice.tax.rate_basis_points)
        .bind(first + 11, billing::to_string(invoice.tax.mode))
        .bind(first + 12, invoice.paid_amount)
        .bind(first + 13, billing::to_string(invoice.status))
        .bind(first + 14, now)
        .bind(first + 15, std::int64_t{invoice.tax.pkp ? 1 : 0})
        .bind(first + 16, invoice.tax.dpp_numerator)
        .bind(first + 17, invoice.tax.dpp_denominator)
        .bind(first + 18, invoice.totals.tax_base);
}

void bind_line_columns(Statement& statement, int first, std::int64_t invoice_id, int position, const billing::InvoiceLine& line) {
    statement.bind(first, invoice_id)
        .bind(first + 1, position)
        .bind(first + 2, billing::to_string(line.kind))
        .bind(first + 3, line.description)
        .bind(first + 4, line.quantity)
        .bind(first + 5, line.unit_price)
        .bind(first + 6, line.amount);
}

static Result<void> run_line_insert(Statement& statement, std::int64_t invoice_id, int position, const billing::InvoiceLine& line) {
    statement.reset();
    bind_line_columns(statement, 1, invoice_id, position, line);
    return statement.run();
}

Result<InvoiceWriter> InvoiceWriter::prepare(Database& db) {
    auto invoice = TRY(db.prepare(db.engine() == Engine::Postgresql ? kInsertInvoiceReturning : kInsertInvoice));
    auto line = TRY(db.prepare(kInsertLine));
    return InvoiceWriter(db, std::move(invoice), std::move(line));
}

Result<std::int64_t> InvoiceWriter::insert(const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now) {
    m_invoice.reset();
    bind_invoice_columns(m_invoice, 1, invoice, sequence, now);
    std::int64_t id = 0;
    if (m_db->engine() == Engine::Postgresql) {
        if (!TRY(m_invoice.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
        id = m_invoice.column_int(0);
        TRY_VOID(m_invoice.run());
    } else {
        TRY_VOID(m_invoice.run());
        id = m_db->last_insert_id();
    }
    int position = 0;
    for (const auto& line : invoice.lines) TRY_VOID(run_line_insert(m_line, id, ++position, line));
    return id;
}

Result<std::int64_t> insert_invoice(Database& db, const billing::Invoice& invoice, std::int64_t sequence, std::int64_t now) {
    // engine: PostgreSQL inserts the invoice and its lines in ONE statement (a data-modifying WITH,
    // which SQLite does not have): one round trip instead of one per row, for the next month's
    // invoice of every paid callback. SQLite's statements cost no round trip: the writer's.
    if (db.engine() != Engine::Postgresql || invoice.lines.empty() || invoice.lines.size() > 16) {
        auto writer = TRY(InvoiceWriter::prepare(db));
        return writer.insert(invoice, sequence, now);
    }
    std::string sql = std::string("WITH invoice AS (") + kInsertInvoiceReturning +
                      "), line AS (INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) "
                      "SELECT invoice.id, v.position, v.kind, v.description, v.quantity, v.unit_price, v.amount FROM invoice, (VALUES ";
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) sql += i ? ", (?,?,?,?,?,?)" : "(?,?,?,?,?,?)";
    sql += ") AS v(position, kind, description, quantity, unit_price, amount)) SELECT id FROM invoice";
    auto statement = TRY(db.prepare(sql));
    bind_invoice_columns(statement, 1, invoice, sequence, now);
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        const billing::InvoiceLine& line = invoice.lines[i];
        const int first = 20 + 6 * static_cast<int>(i);  // after the invoice's 19 parameters
        statement.bind(first, static_cast<std::int64_t>(i + 1))
            .bind(first + 1, billing::to_string(line.kind))
            .bind(first + 2, line.description)
            .bind(first + 3, line.quantity)
            .bind(first + 4, line.unit_price)
            .bind(first + 5, line.amount);
    }
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<void> insert_invoice_line(Database& db, std::int64_t invoice_id, int position, const billing::InvoiceLine& line) {
    auto statement = TRY(db.prepare(kInsertLine));
    return run_line_insert(statement, invoice_id, position, line);
}

Result<void> update_invoice_state(Database& db, const billing::Invoice& invoice, std::optional<std::int64_t> paid_at) {
    auto statement = TRY(db.prepare(
        "UPDATE invoices SET subtotal = ?, tax = ?, total = ?, paid_amount = ?, status = ?, void_reason = ?, "
        "paid_at = COALESCE(?, paid_at), tax_base = ? WHERE id = ?"));
    statement.bind(1, invoice.totals.subtotal)
        .bind(2, invoice.totals.tax)
        .bind(3, invoice.totals.total)
        .bind(4, invoice.paid_amount)
        .bind(5, billing::to_string(invoice.status))
        .bind(6, invoice.void_reason)
        .bind(7, paid_at)
        .bind(8, invoice.totals.tax_base)
        .bind(9, invoice.id);
    return statement.run();
}

// The payment row's columns, shared by insert_payment and PostgreSQL's payment-with-invoice
// statement, so neither can leave a column out (a correction's replaces_payment_id, say).
constexpr const char* kInsertPayment =
    "INSERT INTO payments(invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, note, "
    "recorded_by_type, recorded_by_id, recorded_by_name, created_at, replaces_payment_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id";

// Binds kInsertPayment's 13 parameters from `first`, runs the statement and stores the new id.
static Result<std::int64_t> run_payment_insert(Statement& statement, int first, payments::Payment& payment, const std::string& recorded_by_type,
                                               std::optional<std::int64_t> recorded_by_id, std::int64_t now) {
    statement.bind(first, payment.invoice_id)
        .bind(first + 1, payment.customer_id)
        .bind(first + 2, payment.amount)
        .bind(first + 3, payment.applied_amount)
        .bind(first + 4, payments::to_string(payment.method))
        .bind(first + 5, payment.paid_at)
        .bind(first + 6, payment.receipt_no)
        .bind(first + 7, payment.note)
        .bind(first + 8, recorded_by_type)
        .bind(first + 9, recorded_by_id)
        .bind(first + 10, payment.recorded_by)
        .bind(first + 11, now)
        .bind(first + 12, payment.replaces_payment_id);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);  // an INSERT that succeeds returns its row
    payment.id = statement.column_int(0);
    TRY_VOID(statement.run());
    return payment.id;
}

Result<std::int64_t> insert_payment(Database& db, payments::Payment& payment, const std::string& recorded_by_type,
                                    std::optional<std::int64_t> recorded_by_id, std::int64_t now) {
    auto statement = TRY(db.prepare(kInsertPayment));
    return run_payment_insert(statement, 1, payment, recorded_by_type, recorded_by_id, now);
}

Result<std::int64_t> insert_payment_updating_invoice(Database& db, payments::Payment& payment, const std::string& recorded_by_type,
                                                     std::optional<std::int64_t> recorded_by_id, std::int64_t now, const billing::Invoice& invoice,
                                                     std::optional<std::int64_t> paid_at) {
    // engine: SQLite runs the two statements (no round trips to save); PostgreSQL one, the
    // invoice's UPDATE in a data-modifying WITH (SQLite has none).
    // A paid callback's gateway transaction, marked paid with this payment (store/callback_apply_store.hpp).
    CallbackMarksTransactionPaid* marks = CallbackMarksTransactionPaid::pending(db, invoice.id);
    if (db.engine() != Engine::Postgresql) {
        TRY(insert_payment(db, payment, recorded_by_type, recorded_by_id, now));
        TRY_VOID(update_invoice_state(db, invoice, paid_at));
        if (marks) {
            TRY_VOID(mark_transaction_paid(db, marks->transaction_id(), payment.id, marks->gateway_transaction_id(), marks->now()));
            marks->set_marked();
        }
        return payment.id;
    }
    const std::string update_invoice =
        "WITH invoice AS (UPDATE invoices SET subtotal = ?, tax = ?, total = ?, paid_amount = ?, "
        "status = ?, void_reason = ?, paid_at = COALESCE(?, paid_at), tax_base = ? WHERE id = ?) ";
    // ?1-?9 the invoice, ?10-?22 the payment, then (when marking) ?23-?26 the gateway transaction.
    auto statement = TRY(db.prepare(marks ? update_invoice + ", paid AS (" + kInsertPayment +
                                                "), marked AS (UPDATE gateway_transactions SET status = 'paid', payment_id = (SELECT id FROM paid), "
                                                "paid_at = ?, updated_at = ?, transaction_id = CASE WHEN transaction_id = '' THEN ? ELSE transaction_id END "
                                                "WHERE id = ?) SELECT id FROM paid"
                                          : update_invoice + kInsertPayment));
    if (marks) statement.bind(23, marks->now()).bind(24, marks->now()).bind(25, marks->gateway_transaction_id()).bind(26, marks->transaction_id());
    statement.bind(1, invoice.totals.subtotal)
        .bind(2, invoice.totals.tax)
        .bind(3, invoice.totals.total)
        .bind(4, invoice.paid_amount)
        .bind(5, billing::to_string(invoice.status))
        .bind(6, invoice.void_reason)
        .bind(7, paid_at)
        .bind(8, invoice.totals.tax_base)
        .bind(9, invoice.id);
    TRY(run_payment_insert(statement, 10, payment, recorded_by_type, recorded_by_id, now));
    if (marks) marks->set_marked();
    return payment.id;
}

payments::Payment payment_from_row(Statement& row, int first) {
    payments::Payment payment;
    payment.id = row.column_int(first);
    payment.invoice_id = row.column_int(first + 1);
    payment.customer_id = row.column_int(first + 2);
    payment.amount = row.column_int(first + 3);
    payment.applied_amount = row.column_int(first + 4);
    payment.method = payments::parse_payment_method(row.column_text(first + 5)).value_or(payments::PaymentMethod::Cash);
    payment.paid_at = row.column_int(first + 6);
    payment.receipt_no = row.column_text(first + 7);
    payment.note = row.column_text(first + 8);
    payment.recorded_by = row.column_text(first + 9);
    if (!row.column_is_null(first + 10)) payment.voided_at = row.column_int(first + 10);
    payment.voided_by = row.column_text(first + 11);
    payment.void_reason = row.column_text(first + 12);
    if (!row.column_is_null(first + 13)) payment.replaces_payment_id = row.column_int(first + 13);
    if (!row.column_is_null(first + 14)) payment.replaced_by_payment_id = row.column_int(first + 14);
    return payment;
}

Result<std::vector<payments::Payment>> list_payments(Database& db, std::optional<std::int64_t> invoice_id,
                                                     std::optional<std::int64_t> customer_id, int page, int per_page,
                                                     std::int64_t* total) {
    std::string where = " WHERE 1=1";
    if (invoice_id) where += " AND invoice_id = :invoice_id";
    if (customer_id) where += " AND customer_id = :customer_id";
    auto bind = [&](Statement& statement) {
        if (invoice_id) statement.bind_named(":invoice_id", *invoice_id);
        if (customer_id) statement.bind_named(":customer_id", *customer_id);
    };
    if (total) {
        auto count = TRY(db.prepare("SELECT COUNT(*) FROM payments" + where));
        bind(count);
        TRY(count.step());
        *total = count.column_int(0);
    }
    auto rows = TRY(db.prepare(
        "SELECT id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, note, recorded_by_name, "
        "voided_at, voided_by_name, void_reason, replaces_payment_id, "
        "(SELECT c.id FROM payments c WHERE c.replaces_payment_id = payments.id) AS replaced_by_payment_id "
        "FROM payments" + where + " ORDER BY paid_at DESC, id DESC LIMIT :limit OFFSET :offset"));
    bind(rows);
    rows.bind_named(":limit", std::int64_t{per_page});
    rows.bind_named(":offset", std::int64_t{page - 1} * per_page);
    std::vector<payments::Payment> out;
    while (TRY(rows.step())) out.push_back(payment_from_row(rows, 0));
    return out;
}

Result<Money> credit_balance(Database& db, std::int64_t customer_id) {
    auto statement = TRY(db.prepare("SELECT balance FROM customer_credit WHERE customer_id = ?"));
    statement.bind(1, customer_id);
    if (!TRY(statement.step())) return Money{0};
    return statement.column_int(0);
}

Result<void> change_credit(Database& db, std::int64_t customer_id, Money amount, const std::string& reason,
                           std::optional<std::int64_t> invoice_id, std::optional<std::int64_t> payment_id, std::int64_t now) {
    // Using credit only ever updates an existing balance; the CHECK keeps it from going negative.
    // customer_credit.balance: a bare "balance" in DO UPDATE is ambiguous on PostgreSQL (excluded.balance).
    auto balance = TRY(db.prepare(amount >= 0 ? "INSERT INTO customer_credit(customer_id, balance) VALUES (?1, ?2) "
                                                "ON CONFLICT(customer_id) DO UPDATE SET balance = customer_credit.balance + ?2"
                                              : "UPDATE customer_credit SET balance = balance + ?2 WHERE customer_id = ?1"));
    balance.bind(1, customer_id).bind(2, amount);
    TRY_VOID(balance.run());
    auto ledger = TRY(db.prepare(
        "INSERT INTO credit_ledger(customer_id, amount, reason, invoice_id, payment_id, at) VALUES (?,?,?,?,?,?)"));
    ledger.bind(1, customer_id).bind(2, amount).bind(3, reason).bind(4, invoice_id).bind(5, payment_id).bind(6, now);
    return ledger.run();
}

}  // namespace kimonet::store
