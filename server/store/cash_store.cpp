#include "store/cash_store.hpp"

namespace kimonet::store {

namespace {

constexpr const char* kEntryColumns =
    "seq, kind, collector_id, actor_id, business_date, amount, expected_amount, customer_id, invoice_id, payment_id, refers_to, "
    "recorded_at, note, prev_hash, hash";

payments::CashLedgerEntry row_to_entry(const Statement& row) {
    payments::CashLedgerEntry entry;
    entry.seq = row.column_int(0);
    // An unknown word stays a collection here; the verifier catches it, since the hash then differs.
    payments::parse_cash_entry_kind(row.column_text(1), entry.kind);
    entry.collector_id = row.column_int(2);
    entry.actor_id = row.column_int(3);
    entry.business_date = row.column_text(4);
    entry.amount = row.column_int(5);
    entry.expected_amount = row.column_int(6);
    entry.customer_id = row.column_int(7);
    entry.invoice_id = row.column_int(8);
    entry.payment_id = row.column_int(9);
    entry.refers_to = row.column_int(10);
    entry.recorded_at = row.column_int(11);
    entry.note = row.column_text(12);
    entry.prev_hash = row.column_text(13);
    entry.hash = row.column_text(14);
    return entry;
}

Result<std::optional<payments::CashLedgerEntry>> one_entry(Statement& row) {
    if (!TRY(row.step())) return std::optional<payments::CashLedgerEntry>();
    auto entry = row_to_entry(row);
    row.reset();  // the caller may write next: no read stays open on this connection
    return std::optional<payments::CashLedgerEntry>(std::move(entry));
}

Result<std::vector<payments::CashLedgerEntry>> all_entries(Statement& rows) {
    std::vector<payments::CashLedgerEntry> out;
    while (TRY(rows.step())) out.push_back(row_to_entry(rows));
    return out;
}

}  // namespace

Result<std::int64_t> insert_area(Database& db, const std::string& name) {
    auto insert = TRY(db.prepare("INSERT INTO areas(name) VALUES (?) RETURNING id"));
    insert.bind(1, name);
    TRY(insert.step());
    const std::int64_t id = insert.column_int(0);
    insert.reset();
    return id;
}

Result<std::optional<std::string>> find_area_name(Database& db, std::int64_t area_id) {
    auto row = TRY(db.prepare("SELECT name FROM areas WHERE id = ?"));
    row.bind(1, area_id);
    if (!TRY(row.step())) return std::optional<std::string>();
    std::string name = row.column_text(0);
    row.reset();
    return std::optional<std::string>(std::move(name));
}

Result<std::vector<AreaRow>> list_areas(Database& db) {
    std::vector<AreaRow> out;
    {
        auto rows = TRY(db.prepare(
            "SELECT a.id, a.name, (SELECT COUNT(*) FROM customer_areas c WHERE c.area_id = a.id) FROM areas a ORDER BY a.name"));
        while (TRY(rows.step())) out.push_back({rows.column_int(0), rows.column_text(1), rows.column_int(2), {}});
    }
    auto collectors = TRY(db.prepare("SELECT area_id, user_id FROM collector_areas ORDER BY user_id"));
    while (TRY(collectors.step()))
        for (auto& area : out)
            if (area.id == collectors.column_int(0)) area.collector_ids.push_back(collectors.column_int(1));
    return out;
}

Result<void> put_customer_in_area(Database& db, std::int64_t customer_id, std::int64_t area_id) {
    auto upsert = TRY(db.prepare(
        "INSERT INTO customer_areas(customer_id, area_id) VALUES (?, ?) ON CONFLICT(customer_id) DO UPDATE SET area_id = excluded.area_id"));
    upsert.bind(1, customer_id).bind(2, area_id);
    return upsert.run();
}

Result<void> replace_area_collectors(Database& db, std::int64_t area_id, const std::vector<std::int64_t>& user_ids) {
    auto clear = TRY(db.prepare("DELETE FROM collector_areas WHERE area_id = ?"));
    clear.bind(1, area_id);
    TRY_VOID(clear.run());
    auto insert = TRY(db.prepare("INSERT INTO collector_areas(user_id, area_id) VALUES (?, ?) ON CONFLICT(user_id, area_id) DO NOTHING"));
    for (const std::int64_t user : user_ids) {
        insert.reset();
        insert.bind(1, user).bind(2, area_id);
        TRY_VOID(insert.run());
    }
    return {};
}

static Result<bool> exists(Database& db, const char* sql, std::int64_t id) {
    auto row = TRY(db.prepare(sql));
    row.bind(1, id);
    const bool found = TRY(row.step());
    row.reset();
    return found;
}

Result<bool> customer_exists(Database& db, std::int64_t customer_id) {
    return exists(db, "SELECT 1 FROM customers WHERE id = ?", customer_id);
}

Result<bool> user_exists(Database& db, std::int64_t user_id) { return exists(db, "SELECT 1 FROM users WHERE id = ?", user_id); }

Result<std::vector<std::string>> collector_area_names(Database& db, std::int64_t user_id) {
    auto rows = TRY(db.prepare("SELECT a.name FROM collector_areas ca JOIN areas a ON a.id = ca.area_id WHERE ca.user_id = ? ORDER BY a.name"));
    rows.bind(1, user_id);
    std::vector<std::string> out;
    while (TRY(rows.step())) out.push_back(rows.column_text(0));
    return out;
}

Result<bool> customer_in_collector_areas(Database& db, std::int64_t customer_id, std::int64_t user_id) {
    auto row = TRY(db.prepare(
        "SELECT 1 FROM customer_areas c JOIN collector_areas ca ON ca.area_id = c.area_id WHERE c.customer_id = ? AND ca.user_id = ?"));
    row.bind(1, customer_id).bind(2, user_id);
    const bool found = TRY(row.step());
    row.reset();
    return found;
}

Result<std::vector<RouteStop>> collector_route(Database& db, std::int64_t user_id, int limit) {
    auto rows = TRY(db.prepare(
        "SELECT c.id, c.name, c.service_number, c.address, c.phone, a.name, i.id, i.invoice_no, i.period, i.due_date, i.total, i.paid_amount "
        "FROM collector_areas ca JOIN customer_areas cu ON cu.area_id = ca.area_id JOIN areas a ON a.id = ca.area_id "
        "JOIN customers c ON c.id = cu.customer_id JOIN invoices i ON i.customer_id = c.id "
        "WHERE ca.user_id = ? AND i.status IN ('unpaid', 'partial') "
        "ORDER BY a.name, c.address, c.id, i.due_date, i.id LIMIT ?"));
    rows.bind(1, user_id).bind(2, std::int64_t{limit});
    std::vector<RouteStop> out;
    while (TRY(rows.step()))
        out.push_back({rows.column_int(0), rows.column_text(1), rows.column_text(2), rows.column_text(3), rows.column_text(4),
                       rows.column_text(5), rows.column_int(6), rows.column_text(7), rows.column_text(8), rows.column_text(9),
                       rows.column_int(10), rows.column_int(11)});
    return out;
}

Result<std::optional<std::pair<std::int64_t, std::string>>> cash_ledger_head(Database& db) {
    auto row = TRY(db.prepare("SELECT seq, hash FROM cash_ledger ORDER BY seq DESC LIMIT 1"));
    if (!TRY(row.step())) return std::optional<std::pair<std::int64_t, std::string>>();
    std::pair<std::int64_t, std::string> head{row.column_int(0), row.column_text(1)};
    row.reset();
    return std::optional<std::pair<std::int64_t, std::string>>(std::move(head));
}

Result<void> insert_cash_entry(Database& db, const payments::CashLedgerEntry& entry, const std::optional<std::string>& idempotency_key) {
    auto insert = TRY(db.prepare(
        "INSERT INTO cash_ledger(seq, kind, collector_id, actor_id, business_date, amount, expected_amount, customer_id, invoice_id, "
        "payment_id, refers_to, recorded_at, note, idempotency_key, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    insert.bind(1, entry.seq).bind(2, payments::to_string(entry.kind)).bind(3, entry.collector_id).bind(4, entry.actor_id);
    insert.bind(5, entry.business_date).bind(6, entry.amount).bind(7, entry.expected_amount).bind(8, entry.customer_id);
    insert.bind(9, entry.invoice_id).bind(10, entry.payment_id).bind(11, entry.refers_to).bind(12, entry.recorded_at);
    insert.bind(13, entry.note).bind(14, idempotency_key).bind(15, entry.prev_hash).bind(16, entry.hash);
    return insert.run();
}

Result<std::optional<payments::CashLedgerEntry>> find_cash_entry(Database& db, std::int64_t seq) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kEntryColumns + " FROM cash_ledger WHERE seq = ?"));
    row.bind(1, seq);
    return one_entry(row);
}

Result<std::optional<payments::CashLedgerEntry>> find_collection_of_payment(Database& db, std::int64_t payment_id) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kEntryColumns + " FROM cash_ledger WHERE kind = 'collection' AND payment_id = ?"));
    row.bind(1, payment_id);
    return one_entry(row);
}

Result<std::optional<payments::CashLedgerEntry>> find_cash_entry_by_key(Database& db, std::int64_t actor_id, std::string_view kind,
                                                                         const std::string& key) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kEntryColumns +
                              " FROM cash_ledger WHERE actor_id = ? AND kind = ? AND idempotency_key = ?"));
    row.bind(1, actor_id).bind(2, kind).bind(3, key);
    return one_entry(row);
}

Result<std::optional<payments::CashLedgerEntry>> find_reference_to(Database& db, std::string_view kind, std::int64_t seq) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kEntryColumns + " FROM cash_ledger WHERE kind = ? AND refers_to = ?"));
    row.bind(1, kind).bind(2, seq);
    return one_entry(row);
}

Result<void> each_cash_entry(Database& db, const std::function<Result<void>(const payments::CashLedgerEntry&)>& visit) {
    auto rows = TRY(db.prepare(std::string("SELECT ") + kEntryColumns + " FROM cash_ledger ORDER BY seq"));
    while (TRY(rows.step())) TRY_VOID(visit(row_to_entry(rows)));
    return {};
}

Result<std::vector<payments::CashLedgerEntry>> collector_entries_on(Database& db, std::int64_t collector_id, const std::string& date) {
    auto rows = TRY(db.prepare(std::string("SELECT ") + kEntryColumns +
                               " FROM cash_ledger WHERE collector_id = ? AND business_date = ? ORDER BY seq"));
    rows.bind(1, collector_id).bind(2, date);
    return all_entries(rows);
}

Result<std::int64_t> last_remittance_seq(Database& db, std::int64_t collector_id) {
    auto row = TRY(db.prepare("SELECT COALESCE(MAX(seq), 0) FROM cash_ledger WHERE collector_id = ? AND kind = 'remittance'"));
    row.bind(1, collector_id);
    TRY(row.step());
    const std::int64_t seq = row.column_int(0);
    row.reset();
    return seq;
}

Result<CashSince> collector_cash_since(Database& db, std::int64_t collector_id, std::int64_t after_seq) {
    auto rows = TRY(db.prepare("SELECT kind, amount FROM cash_ledger WHERE collector_id = ? AND seq > ? "
                               "AND (kind = 'collection' OR (kind = 'void' AND refers_to > ?))"));
    rows.bind(1, collector_id).bind(2, after_seq).bind(3, after_seq);
    CashSince out;
    while (TRY(rows.step())) {
        if (rows.column_text_view(0) == "collection") {
            out.collected = TRY(checked_add(out.collected, rows.column_int(1)));
            ++out.collections;
        } else {
            out.voided = TRY(checked_add(out.voided, rows.column_int(1)));
        }
    }
    return out;
}

Result<std::vector<payments::CashLedgerEntry>> cash_entries_between(Database& db, const std::string& from, const std::string& to,
                                                                    std::optional<std::int64_t> collector_id) {
    auto rows = TRY(db.prepare(std::string("SELECT ") + kEntryColumns +
                               " FROM cash_ledger WHERE business_date >= :from AND business_date <= :to" +
                               (collector_id ? " AND collector_id = :collector" : "") + " ORDER BY seq"));
    rows.bind_named(":from", from).bind_named(":to", to).bind_named(":collector", collector_id.value_or(0));
    return all_entries(rows);
}

Result<std::optional<PaymentFacts>> payment_facts(Database& db, std::int64_t payment_id) {
    auto row = TRY(db.prepare("SELECT amount, method, CASE WHEN voided_at IS NULL THEN 0 ELSE 1 END FROM payments WHERE id = ?"));
    row.bind(1, payment_id);
    if (!TRY(row.step())) return std::optional<PaymentFacts>();
    PaymentFacts facts{row.column_int(0), row.column_text(1), row.column_int(2) != 0};
    row.reset();
    return std::optional<PaymentFacts>(std::move(facts));
}

Result<std::string> username_of(Database& db, std::int64_t user_id) {
    auto row = TRY(db.prepare("SELECT username FROM users WHERE id = ?"));
    row.bind(1, user_id);
    if (!TRY(row.step())) return std::string();
    std::string name = row.column_text(0);
    row.reset();
    return name;
}

}  // namespace kimonet::store

namespace kimonet::store {

Result<std::vector<std::pair<std::int64_t, std::string>>> cash_ledger_anchors(Database& db) {
    auto rows = TRY(db.prepare("SELECT subject_id, after_json FROM activity_log WHERE action = 'cash_ledger.anchor' ORDER BY id"));
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (TRY(rows.step())) out.emplace_back(rows.column_int(0), rows.column_text(1));
    return out;
}

}  // namespace kimonet::store
