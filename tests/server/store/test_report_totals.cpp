// The grouped totals of the revenue report (store/report_totals.hpp, list_collected_late_fees) on
// both engines, against the same figures recomputed here from the plain rows: every engine groups
// its own way (SQLite folds in C++, PostgreSQL groups in SQL through the indexes of 0050 and 0053
// with hash joins off for the gateways), and each must give exactly what the rows say. The ledger
// mixes every status, voided payments, payments of other methods, transactions without a payment,
// late fees on paid and unpaid invoices, and invoices and payments on either side of the range. The
// invoice totals also follow every later write (PostgreSQL keeps them as running totals).
#include <map>
#include <tuple>

#include "server/store/engine_fixture.hpp"
#include "store/report_store.hpp"
#include "store/report_totals.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr std::int64_t kOffset = 7 * 3600;           // UTC+7
constexpr std::int64_t kStart = 1761930000;          // 2025-11-01 00:00 at UTC+7
constexpr std::int64_t kEnd = 1769878800;            // 2026-02-01 00:00 at UTC+7
constexpr std::int64_t kFirstPaid = kStart - 5 * 86400;

// 600 customers on three packages and two routers (or none), five billing periods of one invoice
// each (3,000 invoices), their payments, gateway transactions and late fees. One SQL for both
// engines (a recursive series, integer arithmetic).
void load_ledger(EngineScratch& scratch) {
    const std::string series = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) ";
    const std::string blob = scratch.engine == store::Engine::Postgresql ? "'\\x00'::bytea" : "X'00'";
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES "
        "(1, 'A', 1, 1, 100000, 'a'), (2, 'B', 1, 1, 200000, 'b'), (3, 'C', 1, 1, 300000, 'c');"
        "INSERT INTO routers(id, name, host, port, username, password_encrypted) VALUES (1, 'R1', '10.0.0.1', 8728, 'api', " + blob +
        "), (2, 'R2', '10.0.0.2', 8728, 'api', " + blob + ");"));
    EngineScratch::must(scratch.db->execute(
        series + "INSERT INTO customers(id, service_number, name, phone, package_id, router_id, status, join_date) "
                 "SELECT i + 1, 'T' || i, 'Pelanggan ' || i, '62812' || (10000000 + i), 1 + i % 3, CASE i % 5 WHEN 0 THEN NULL ELSE 1 + i % 2 END, "
                 "'active', '2025-01-01' FROM n WHERE i < 600"));
    EngineScratch::must(scratch.db->execute(
        series + ", p AS (SELECT i, 1 + i % 600 AS customer, CASE i / 600 WHEN 0 THEN '2025-10' WHEN 1 THEN '2025-11' WHEN 2 THEN '2025-12' "
                 "WHEN 3 THEN '2026-01' ELSE '2026-02' END AS period, 100000 + (i % 7) * 1000 AS total, "
                 "CASE WHEN i % 9 = 0 THEN 'void' WHEN i % 9 = 1 THEN 'unpaid' WHEN i % 9 = 2 THEN 'partial' ELSE 'paid' END AS status FROM n) "
                 "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, "
                 "status, created_at, paid_at) SELECT i + 1, 'T-' || i, customer, period, 'monthly', i + 1, period || '-01', period || '-10', "
                 "total, 0, total, CASE status WHEN 'paid' THEN total WHEN 'partial' THEN total / 3 ELSE 0 END, status, 0, "
                 "CASE WHEN status = 'paid' THEN " + std::to_string(kFirstPaid) + " + (i * 7919) % (105 * 86400) END FROM p"));
    // A payment per invoice with money on it (every eleventh voided, every fifth overpaid), a gateway
    // transaction per gateway payment and some without a payment, a late fee on every fifth invoice.
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO payments(id, invoice_id, customer_id, amount, applied_amount, method, paid_at, receipt_no, recorded_by_type, "
        "recorded_by_name, created_at, voided_at) SELECT id, id, customer_id, paid_amount + CASE WHEN id % 5 = 0 THEN 1000 ELSE 0 END, "
        "paid_amount, CASE id % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'bank_transfer' WHEN 2 THEN 'gateway' ELSE 'credit' END, "
        "COALESCE(paid_at, " + std::to_string(kFirstPaid) + " + (id * 104729) % (105 * 86400)), 'R-' || id, 'user', 'test', 0, "
        "CASE WHEN id % 11 = 0 THEN 1 END FROM invoices WHERE paid_amount > 0"));
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, payment_id, "
        "created_at, updated_at) SELECT CASE id % 3 WHEN 0 THEN 'flip' WHEN 1 THEN 'midtrans' ELSE 'duitku' END, 'O-' || id, invoice_id, "
        "customer_id, 'qris', amount, 'paid', 0, id, 0, 0 FROM payments WHERE method = 'gateway'"));
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, created_at, updated_at) "
        "SELECT 'midtrans', 'P-' || id, id, customer_id, 'qris', total, 'expired', 0, 0, 0 FROM invoices WHERE id % 13 = 0"));
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO invoice_lines(invoice_id, position, kind, description, quantity, unit_price, amount) "
        "SELECT id, 2, 'late_fee', 'Denda', 1, 5000 + id % 3, 5000 + id % 3 FROM invoices WHERE id % 5 = 3"));
    EngineScratch::must(scratch.db->execute("ANALYZE"));
}

std::int64_t local_day(std::int64_t unix_seconds) { return (unix_seconds + kOffset) / 86400; }
bool in_range(std::int64_t unix_seconds) { return unix_seconds >= kStart && unix_seconds < kEnd; }

// Runs `sql` and calls `visit` with the statement at each row.
template <typename Visit>
void each_row(store::Database& db, const std::string& sql, const Visit& visit) {
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), (statement ? "" : statement.error().message()));
    while (true) {
        auto row = statement->step();
        BOOST_TEST_REQUIRE(row.ok(), (row ? "" : row.error().message()));
        if (!*row) break;
        visit(*statement);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_totals)

BOOST_DATA_TEST_CASE(payment_totals_and_late_fees_are_what_the_rows_say, engines(), name) {
    EngineScratch scratch(name, true);
    load_ledger(scratch);
    store::Database& db = *scratch.db;

    using Cell = std::tuple<std::int64_t, Money, Money>;  // count, received, applied
    std::map<std::pair<std::int64_t, std::string>, Cell> by_method, by_gateway;
    std::map<std::int64_t, std::pair<std::int64_t, Money>> gateway_payments;  // live gateway payment id → (day, applied)
    each_row(db, "SELECT id, paid_at, method, amount, applied_amount, CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END FROM payments",
             [&](store::Statement& row) {
                 if (row.column_int(5) == 1 || !in_range(row.column_int(1))) return;
                 Cell& cell = by_method[{local_day(row.column_int(1)), row.column_text(2)}];
                 std::get<0>(cell) += 1, std::get<1>(cell) += row.column_int(3), std::get<2>(cell) += row.column_int(4);
                 if (row.column_text(2) == "gateway") gateway_payments[row.column_int(0)] = {local_day(row.column_int(1)), row.column_int(4)};
             });
    each_row(db, "SELECT payment_id, gateway FROM gateway_transactions WHERE payment_id IS NOT NULL", [&](store::Statement& row) {
        const auto found = gateway_payments.find(row.column_int(0));
        if (found == gateway_payments.end()) return;
        Cell& cell = by_gateway[{found->second.first, row.column_text(1)}];
        std::get<0>(cell) += 1, std::get<2>(cell) += found->second.second;
    });
    std::map<std::int64_t, Money> late_fees;
    each_row(db, "SELECT l.amount, i.status, COALESCE(i.paid_at, -1) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.kind = 'late_fee'",
             [&](store::Statement& row) {
                 if (row.column_text(1) == "paid" && in_range(row.column_int(2))) late_fees[local_day(row.column_int(2))] += row.column_int(0);
             });
    BOOST_TEST_REQUIRE(by_method.size() > 200u);
    BOOST_TEST_REQUIRE(by_gateway.size() > 100u);
    BOOST_TEST_REQUIRE(late_fees.size() > 50u);

    const auto totals = store::payment_totals(db, kStart, kEnd, kOffset);
    BOOST_TEST_REQUIRE(totals.ok(), (totals ? "" : totals.error().message()));
    std::map<std::pair<std::int64_t, std::string>, Cell> got_method, got_gateway;
    for (const auto& row : totals->by_method) got_method[{row.local_day, row.method}] = {row.count, row.received, row.applied};
    for (const auto& row : totals->by_gateway) got_gateway[{row.local_day, row.gateway}] = {row.count, 0, row.applied};
    BOOST_TEST(totals->by_method.size() == got_method.size());
    BOOST_TEST(totals->by_gateway.size() == got_gateway.size());
    BOOST_TEST((got_method == by_method));
    BOOST_TEST((got_gateway == by_gateway));

    const auto fees = store::list_collected_late_fees(db, kStart, kEnd, kOffset);
    BOOST_TEST_REQUIRE(fees.ok(), (fees ? "" : fees.error().message()));
    std::map<std::int64_t, Money> got_fees;
    for (const auto& row : *fees) got_fees[row.local_day] += row.amount;
    BOOST_TEST(fees->size() == got_fees.size());
    BOOST_TEST((got_fees == late_fees));

    // The planner setting the gateway totals change is the session's again afterwards.
    if (scratch.engine == store::Engine::Postgresql) {
        auto setting = db.prepare("SELECT current_setting('enable_hashjoin')");
        BOOST_TEST_REQUIRE(setting.ok());
        BOOST_TEST_REQUIRE(setting->step().value_or(false));
        BOOST_TEST(setting->column_text(0) == "on");
    }
}

BOOST_DATA_TEST_CASE(invoice_totals_by_placement_are_what_the_rows_say, engines(), name) {
    EngineScratch scratch(name, true);
    load_ledger(scratch);
    store::Database& db = *scratch.db;

    using Key = std::tuple<std::string, std::int64_t, std::int64_t, bool>;  // period, package, router, voided
    using Cell = std::tuple<std::int64_t, Money, Money>;                    // count, billed, paid
    std::map<Key, Cell> expected;
    each_row(db,
             "SELECT i.period, c.package_id, COALESCE(c.router_id, 0), i.status, i.total, i.paid_amount FROM invoices i "
             "JOIN customers c ON c.id = i.customer_id WHERE i.period BETWEEN '2025-11' AND '2026-01'",
             [&](store::Statement& row) {
                 const bool voided = row.column_text(3) == "void";
                 Cell& cell = expected[{row.column_text(0), voided ? 0 : row.column_int(1), voided ? 0 : row.column_int(2), voided}];
                 std::get<0>(cell) += 1, std::get<1>(cell) += row.column_int(4), std::get<2>(cell) += row.column_int(5);
             });
    BOOST_TEST_REQUIRE(expected.size() > 20u);

    const auto groups = store::invoice_totals(db, Period{2025, 11}, Period{2026, 1}, true);
    BOOST_TEST_REQUIRE(groups.ok(), (groups ? "" : groups.error().message()));
    std::map<Key, Cell> got;
    for (const auto& group : *groups) got[{to_string(group.period), group.package_id, group.router_id, group.voided}] = {group.count, group.billed, group.paid};
    BOOST_TEST(groups->size() == got.size());
    BOOST_TEST((got == expected));
}

// Every write that changes a period's invoices, on PostgreSQL through the running totals its triggers
// keep (migrations/postgresql/0055): payments, voids (and an invoice brought back), a changed total,
// customers moved to another package or router (or to none), invoices added one at a time and many
// in one statement, invoices deleted, changes that leave the totals alone; after each, both reports'
// groupings are what the rows say. Then the log is folded (the report_totals job's work).
BOOST_DATA_TEST_CASE(invoice_totals_follow_every_write_that_changes_them, engines(), name) {
    EngineScratch scratch(name, true);
    load_ledger(scratch);
    store::Database& db = *scratch.db;
    const bool postgresql = scratch.engine == store::Engine::Postgresql;

    using Key = std::tuple<std::string, std::int64_t, std::int64_t, bool>;  // period, package, router, voided
    using Cell = std::tuple<std::int64_t, Money, Money>;                    // count, billed, paid
    const auto expect_rows = [&](const std::string& step) {
        BOOST_TEST_CONTEXT("after " << step) {
            for (const bool by_placement : {true, false}) {
                std::map<Key, Cell> expected;
                each_row(db,
                         "SELECT i.period, c.package_id, COALESCE(c.router_id, 0), i.status, i.total, i.paid_amount FROM invoices i "
                         "JOIN customers c ON c.id = i.customer_id WHERE i.period BETWEEN '2025-10' AND '2026-03'",
                         [&](store::Statement& row) {
                             const bool voided = row.column_text(3) == "void", placed = by_placement && !voided;
                             Cell& cell = expected[{row.column_text(0), placed ? row.column_int(1) : 0, placed ? row.column_int(2) : 0, voided}];
                             std::get<0>(cell) += 1, std::get<1>(cell) += row.column_int(4), std::get<2>(cell) += row.column_int(5);
                         });
                const auto groups = store::invoice_totals(db, Period{2025, 10}, Period{2026, 3}, by_placement);
                BOOST_TEST_REQUIRE(groups.ok(), (groups ? "" : groups.error().message()));
                std::map<Key, Cell> got;
                for (const auto& group : *groups)
                    got[{to_string(group.period), group.package_id, group.router_id, group.voided}] = {group.count, group.billed, group.paid};
                BOOST_TEST(groups->size() == got.size());
                BOOST_TEST((got == expected), (by_placement ? "by placement" : "by period"));
            }
        }
    };
    const auto log_rows = [&] { return postgresql ? scratch.scalar_int("SELECT COUNT(*) FROM invoice_period_totals") : 0; };
    expect_rows("loading");

    EngineScratch::must(db.execute("UPDATE invoices SET paid_amount = total, status = 'paid' WHERE status = 'unpaid' AND id % 4 = 1"));
    EngineScratch::must(db.execute("UPDATE invoices SET paid_amount = paid_amount + 700 WHERE status = 'partial' AND id % 4 = 2"));
    expect_rows("payments");
    EngineScratch::must(db.execute("UPDATE invoices SET status = 'void' WHERE status = 'partial' AND id % 3 = 0"));
    EngineScratch::must(db.execute("UPDATE invoices SET status = 'unpaid' WHERE status = 'void' AND id % 2 = 0"));
    expect_rows("voids");
    EngineScratch::must(db.execute("UPDATE invoices SET subtotal = subtotal + 2500, total = total + 2500 WHERE id % 10 = 4"));
    expect_rows("changed totals");
    EngineScratch::must(db.execute("UPDATE customers SET package_id = 1 + package_id % 3 WHERE id % 7 = 0"));
    EngineScratch::must(db.execute("UPDATE customers SET router_id = NULL WHERE id % 11 = 0"));
    EngineScratch::must(db.execute("UPDATE customers SET router_id = 2, package_id = 3 WHERE router_id IS NULL AND id % 13 = 0"));
    expect_rows("customers moved");
    EngineScratch::must(db.execute(
        "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, status, created_at) "
        "VALUES (5001, 'M-1', 7, '2026-03', 'manual', 90001, '2026-03-02', '2026-03-10', 55000, 0, 55000, 0, 'unpaid', 0)"));
    EngineScratch::must(db.execute(
        "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, paid_amount, status, created_at) "
        "SELECT 5100 + id, 'M-' || (id + 1), id, '2026-03', 'manual', 90001 + id, '2026-03-02', '2026-03-10', 40000 + id, 0, 40000 + id, "
        "CASE WHEN id % 2 = 0 THEN 40000 + id ELSE 0 END, CASE WHEN id % 5 = 0 THEN 'void' WHEN id % 2 = 0 THEN 'paid' ELSE 'unpaid' END, 0 "
        "FROM customers WHERE id BETWEEN 10 AND 400"));
    expect_rows("invoices added");
    EngineScratch::must(db.execute("DELETE FROM invoices WHERE kind = 'manual' AND customer_id % 3 = 0"));
    expect_rows("invoices deleted");

    // Changes that leave the totals alone add nothing to the log.
    const std::int64_t before_unrelated = log_rows();
    EngineScratch::must(db.execute("UPDATE invoices SET paid_at = paid_at + 1, unique_code = 7 WHERE status = 'paid'"));
    EngineScratch::must(db.execute("UPDATE customers SET name = name || '.', status = 'isolated' WHERE id % 2 = 0"));
    BOOST_TEST(log_rows() == before_unrelated);
    expect_rows("unrelated changes");

    if (!postgresql) return;
    // Thousands of changes not yet folded: the reports read them all and change nothing; the fold
    // leaves one row per group, and folding a folded log rewrites nothing.
    EngineScratch::must(db.execute("UPDATE invoices SET paid_amount = paid_amount + 1 WHERE status <> 'void'"));
    EngineScratch::must(db.execute("UPDATE invoices SET paid_amount = paid_amount - 1 WHERE status <> 'void'"));
    const std::int64_t unfolded = log_rows();
    BOOST_TEST_REQUIRE(unfolded > 4096);
    expect_rows("thousands of changes");
    BOOST_TEST(log_rows() == unfolded);
    const auto fold = [&] {
        store::FoldedTotals folded;
        EngineScratch::must(db.transaction([&]() -> Result<void> {
            folded = TRY(store::fold_invoice_period_totals(db));
            return {};
        }));
        return folded;
    };
    const std::int64_t groups = scratch.scalar_int(
        "SELECT COUNT(*) FROM (SELECT DISTINCT i.period, CASE WHEN i.status = 'void' THEN 0 ELSE c.package_id END, "
        "CASE WHEN i.status = 'void' THEN 0 ELSE COALESCE(c.router_id, 0) END, i.status = 'void' FROM invoices i "
        "JOIN customers c ON c.id = i.customer_id) g");
    const store::FoldedTotals all = fold();
    BOOST_TEST(log_rows() == groups);
    BOOST_TEST(all.rows_read - all.rows_written == unfolded - groups);
    expect_rows("a fold");
    const store::FoldedTotals nothing = fold();
    BOOST_TEST(nothing.rows_read == 0);
    BOOST_TEST(nothing.rows_written == 0);
    // One more payment makes one group loose again: two rows read, one written.
    EngineScratch::must(db.execute("UPDATE invoices SET paid_amount = paid_amount + 1 WHERE id = 2"));
    BOOST_TEST(log_rows() == groups + 1);
    const store::FoldedTotals one = fold();
    BOOST_TEST(one.rows_read == 2);
    BOOST_TEST(one.rows_written == 1);
    BOOST_TEST(log_rows() == groups);
    expect_rows("a fold of one group");
}

BOOST_AUTO_TEST_SUITE_END()
