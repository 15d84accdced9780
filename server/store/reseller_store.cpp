#include "store/reseller_store.hpp"

namespace kimonet::store {

static constexpr const char* kResellerSelect = "SELECT id, name, phone, commission_type, commission_value, balance, active FROM resellers";

static Reseller row_to_reseller(const Statement& row) {
    Reseller reseller;
    reseller.id = row.column_int(0);
    reseller.name = row.column_text(1);
    reseller.phone = row.column_text(2);
    reseller.commission_type = row.column_text(3);
    reseller.commission_value = row.column_int(4);
    reseller.balance = row.column_int(5);
    reseller.active = row.column_int(6) != 0;
    return reseller;
}

Result<std::vector<Reseller>> list_resellers(Database& db) {
    auto statement = TRY(db.prepare(std::string(kResellerSelect) + " ORDER BY name"));
    std::vector<Reseller> out;
    while (TRY(statement.step())) out.push_back(row_to_reseller(statement));
    return out;
}

Result<std::optional<Reseller>> find_reseller(Database& db, std::int64_t id) {
    auto statement = TRY(db.prepare(std::string(kResellerSelect) + " WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step())) return std::optional<Reseller>();
    auto reseller = row_to_reseller(statement);
    statement.reset();
    return std::optional(reseller);
}

Result<std::int64_t> insert_reseller(Database& db, const Reseller& reseller, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "INSERT INTO resellers(name, phone, commission_type, commission_value, balance, active, created_at) VALUES (?,?,?,?,0,?,?) RETURNING id"));
    statement.bind(1, reseller.name).bind(2, reseller.phone).bind(3, reseller.commission_type).bind(4, reseller.commission_value)
        .bind(5, reseller.active).bind(6, now);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<void> update_reseller_row(Database& db, const Reseller& reseller) {
    auto statement = TRY(db.prepare("UPDATE resellers SET name=?, phone=?, commission_type=?, commission_value=?, active=? WHERE id=?"));
    statement.bind(1, reseller.name).bind(2, reseller.phone).bind(3, reseller.commission_type).bind(4, reseller.commission_value)
        .bind(5, reseller.active).bind(6, reseller.id);
    return statement.run();
}

Result<bool> reseller_name_taken(Database& db, const std::string& name, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT id FROM resellers WHERE name = ? AND id <> ?"));
    statement.bind(1, name).bind(2, except_id);
    const bool taken = TRY(statement.step());
    statement.reset();
    return taken;
}

Result<std::optional<Money>> change_reseller_balance(Database& db, std::int64_t reseller_id, Money delta) {
    // One statement decides and changes, so two sales at once cannot both spend the same rupiah.
    auto statement = TRY(db.prepare("UPDATE resellers SET balance = balance + ? WHERE id = ? AND balance + ? >= 0 RETURNING balance"));
    statement.bind(1, delta).bind(2, reseller_id).bind(3, delta);
    if (!TRY(statement.step())) return std::optional<Money>();
    const Money balance = statement.column_int(0);
    TRY_VOID(statement.run());
    return std::optional(balance);
}

Result<void> insert_ledger_row(Database& db, std::int64_t reseller_id, const std::string& kind, Money amount, Money balance_after,
                               std::optional<std::int64_t> sale_id, const std::string& note, std::int64_t now, const std::string& by) {
    auto statement = TRY(db.prepare(
        "INSERT INTO reseller_ledger(reseller_id, kind, amount, balance_after, sale_id, note, created_at, created_by_name) VALUES (?,?,?,?,?,?,?,?)"));
    statement.bind(1, reseller_id).bind(2, kind).bind(3, amount).bind(4, balance_after).bind(5, sale_id).bind(6, note).bind(7, now).bind(8, by);
    return statement.run();
}

Result<void> insert_top_up_row(Database& db, std::int64_t reseller_id, Money amount, Money balance_after, const std::string& note,
                               std::int64_t now, const std::string& by, std::int64_t by_id, const std::optional<std::string>& key) {
    auto statement = TRY(db.prepare(
        "INSERT INTO reseller_ledger(reseller_id, kind, amount, balance_after, note, created_at, created_by_name, created_by_id, idempotency_key) "
        "VALUES (?,'topup',?,?,?,?,?,?,?)"));
    statement.bind(1, reseller_id).bind(2, amount).bind(3, balance_after).bind(4, note).bind(5, now).bind(6, by).bind(7, by_id).bind(8, key);
    return statement.run();
}

Result<std::optional<TopUpRow>> find_top_up_by_key(Database& db, std::int64_t by_id, const std::string& key) {
    auto statement = TRY(db.prepare(
        "SELECT reseller_id, amount, balance_after, note FROM reseller_ledger WHERE kind = 'topup' AND created_by_id = ? AND idempotency_key = ?"));
    statement.bind(1, by_id).bind(2, key);
    if (!TRY(statement.step())) return std::optional<TopUpRow>();
    return std::optional<TopUpRow>(TopUpRow{statement.column_int(0), statement.column_int(1), statement.column_int(2), statement.column_text(3)});
}

static constexpr const char* kSaleSelect =
    "SELECT s.id, s.reseller_id, r.name, s.batch_id, s.voucher_count, s.unit_price, s.gross_amount, s.commission_amount, s.net_amount, "
    "s.sale_date, s.sold_at, s.sold_by_name, COALESCE((SELECT l.balance_after FROM reseller_ledger l WHERE l.sale_id = s.id), 0) "
    "FROM voucher_sales s JOIN resellers r ON r.id = s.reseller_id";

Result<std::optional<VoucherSale>> find_sale_by_key(Database& db, std::int64_t sold_by_id, const std::string& key) {
    auto statement = TRY(db.prepare(std::string(kSaleSelect) + " WHERE s.sold_by_id = ? AND s.idempotency_key = ?"));
    statement.bind(1, sold_by_id).bind(2, key);
    if (!TRY(statement.step())) return std::optional<VoucherSale>();
    VoucherSale sale;
    sale.id = statement.column_int(0);
    sale.reseller_id = statement.column_int(1);
    sale.reseller_name = statement.column_text(2);
    sale.batch_id = statement.column_int(3);
    sale.count = static_cast<int>(statement.column_int(4));
    sale.unit_price = statement.column_int(5);
    sale.gross = statement.column_int(6);
    sale.commission = statement.column_int(7);
    sale.net = statement.column_int(8);
    sale.sale_date = statement.column_text(9);
    sale.sold_at = statement.column_int(10);
    sale.sold_by_name = statement.column_text(11);
    sale.balance_after = statement.column_int(12);
    statement.reset();
    return std::optional(sale);
}

Result<std::int64_t> insert_sale(Database& db, const VoucherSale& sale, std::int64_t sold_by_id, const std::optional<std::string>& key) {
    auto statement = TRY(db.prepare(
        "INSERT INTO voucher_sales(reseller_id, batch_id, voucher_count, unit_price, gross_amount, commission_amount, net_amount, sale_date, "
        "sold_at, sold_by_id, sold_by_name, idempotency_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    statement.bind(1, sale.reseller_id).bind(2, sale.batch_id).bind(3, sale.count).bind(4, sale.unit_price).bind(5, sale.gross)
        .bind(6, sale.commission).bind(7, sale.net).bind(8, sale.sale_date).bind(9, sale.sold_at).bind(10, sold_by_id)
        .bind(11, sale.sold_by_name).bind(12, key);
    if (!TRY(statement.step())) return make_error(ErrorCode::Internal);
    const std::int64_t id = statement.column_int(0);
    TRY_VOID(statement.run());
    return id;
}

Result<std::int64_t> count_available_vouchers(Database& db, std::int64_t batch_id) {
    auto statement = TRY(db.prepare(
        "SELECT COUNT(*) FROM vouchers WHERE batch_id = ? AND state = 'available' AND sale_id IS NULL AND removed_at IS NULL"));
    statement.bind(1, batch_id);
    TRY(statement.step());
    const std::int64_t count = statement.column_int(0);
    statement.reset();
    return count;
}

Result<int> assign_vouchers(Database& db, std::int64_t batch_id, std::int64_t reseller_id, std::int64_t sale_id, int count) {
    auto statement = TRY(db.prepare(
        "UPDATE vouchers SET state = 'sold', reseller_id = ?, sale_id = ? WHERE id IN (SELECT id FROM vouchers WHERE batch_id = ? AND "
        "state = 'available' AND sale_id IS NULL AND removed_at IS NULL ORDER BY id LIMIT ?)"));
    statement.bind(1, reseller_id).bind(2, sale_id).bind(3, batch_id).bind(4, count);
    TRY_VOID(statement.run());
    return db.changes();
}

Result<std::vector<ResellerSalesDay>> sales_by_reseller_day(Database& db, const std::string& from, const std::string& to,
                                                            std::optional<std::int64_t> reseller_id) {
    auto statement = TRY(db.prepare(
        "SELECT s.sale_date, s.reseller_id, r.name, COUNT(*), SUM(s.voucher_count), SUM(s.gross_amount), SUM(s.commission_amount), "
        "SUM(s.net_amount) FROM voucher_sales s JOIN resellers r ON r.id = s.reseller_id WHERE s.sale_date >= ? AND s.sale_date <= ? "
        "AND (? = 0 OR s.reseller_id = ?) GROUP BY s.sale_date, s.reseller_id, r.name ORDER BY s.sale_date DESC, r.name"));
    const std::int64_t only = reseller_id.value_or(0);
    statement.bind(1, from).bind(2, to).bind(3, only).bind(4, only);
    std::vector<ResellerSalesDay> out;
    while (TRY(statement.step())) {
        ResellerSalesDay day;
        day.sale_date = statement.column_text(0);
        day.reseller_id = statement.column_int(1);
        day.reseller_name = statement.column_text(2);
        day.sales = statement.column_int(3);
        day.vouchers = statement.column_int(4);
        day.gross = statement.column_int(5);
        day.commission = statement.column_int(6);
        day.net = statement.column_int(7);
        out.push_back(std::move(day));
    }
    return out;
}

}  // namespace kimonet::store
