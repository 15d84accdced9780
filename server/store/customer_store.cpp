#include "store/customer_store.hpp"
#include "customers/typed_lookup.hpp"

#include "store/customer_columns.hpp"
#include "store/multi_row_insert.hpp"
#include "store/store_time.hpp"

#include "core/text.hpp"

#include <array>

namespace kimonet::store {

static constexpr const char* kColumns =
    "id, service_number, name, phone, email, address, package_id, router_id, pppoe_username, status, join_date, due_day, "
    "pppoe_password_encrypted IS NOT NULL, connection_method, ip_address, mac_address, npwp, nik, nitku, needs_faktur";

static Customer row_to_customer(const Statement& row) {
    Customer customer;
    customer.id = row.column_int(0);
    customer.service_number = row.column_text(1);
    customer.name = row.column_text(2);
    customer.phone = row.column_text(3);
    customer.email = row.column_text(4);
    customer.address = row.column_text(5);
    customer.package_id = row.column_int(6);
    customer.router_id = row.column_optional_int(7);
    customer.pppoe_username = row.column_text(8);
    customer.status = parse_customer_status(row.column_text(9)).value_or(CustomerStatus::Inactive);
    customer.join_date = parse_date(row.column_text(10)).value_or(Date{});
    if (auto due = row.column_optional_int(11)) customer.due_day = static_cast<int>(*due);
    customer.has_pppoe_password = row.column_int(12) != 0;
    customer.connection_method = parse_connection_method(row.column_text(13)).value_or(ConnectionMethod::Pppoe);
    customer.ip_address = row.column_text(14);
    customer.mac_address = row.column_text(15);
    customer.tax = customers::TaxIdentity{row.column_text(16), row.column_text(17), row.column_text(18), row.column_int(19) != 0};
    return customer;
}

static Result<std::optional<Customer>> find_one(Database& db, const std::string& where, auto bind) {
    auto statement = TRY(db.prepare(std::string("SELECT ") + kColumns + " FROM customers WHERE " + where));
    bind(statement);
    if (!TRY(statement.step())) return std::optional<Customer>();
    return std::optional<Customer>(row_to_customer(statement));
}

Result<std::optional<Customer>> find_customer(Database& db, std::int64_t id) {
    return find_one(db, "id = ?", [&](Statement& s) { s.bind(1, id); });
}

Result<std::optional<Customer>> find_customer_by_service_number(Database& db, std::string_view service_number) {
    return find_one(db, "service_number = ?", [&](Statement& s) { s.bind(1, service_number); });
}

bool is_valid_customer_sort(std::string_view sort) {
    if (sort.starts_with("-")) sort.remove_prefix(1);
    static constexpr std::array<std::string_view, 5> kAllowed{"name", "service_number", "join_date", "id", "status"};
    for (auto allowed : kAllowed)
        if (allowed == sort) return true;
    return false;
}

static std::string escape_like(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

// An FTS5 query matching `text` literally as a substring (a quoted phrase; quotes doubled).
static std::string fts_phrase(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    return out + "\"";
}

Result<CustomerPage> list_customers(Database& db, const CustomerFilter& filter) {
    // A phone search typed as 0812-…, +62 812… or 62812… should match the stored 62812….
    const std::string phone_search = customers::phone_search_term(filter.search);
    // The search, one query per engine. SQLite: terms of 3+ characters use the FTS5 trigram index
    // (migration 0006), shorter ones scan with LIKE. PostgreSQL: ILIKE on each column, which the
    // pg_trgm GIN indexes (postgresql/0021_baseline.sql) answer for any length. Both match a
    // case-insensitive substring of the name, the service number or the phone.
    const bool postgresql = db.engine() == Engine::Postgresql;
    const bool indexed = !postgresql && utf8_length(filter.search) >= 3;
    std::string where = " WHERE 1=1";
    if (indexed)
        where += " AND id IN (SELECT rowid FROM customers_search WHERE customers_search MATCH :match)";
    else if (postgresql && !filter.search.empty())
        where += " AND (name ILIKE :like ESCAPE '\\' OR service_number ILIKE :like ESCAPE '\\' OR phone ILIKE :phone_like ESCAPE '\\')";
    else if (!filter.search.empty())
        where += " AND (name LIKE :like ESCAPE '\\' OR service_number LIKE :like ESCAPE '\\' OR phone LIKE :phone_like ESCAPE '\\')";
    if (filter.status) where += " AND status = :status";
    if (filter.package_id) where += " AND package_id = :package_id";
    if (filter.router_id) where += " AND router_id = :router_id";

    std::string sort = is_valid_customer_sort(filter.sort) ? filter.sort : "name";
    const bool descending = sort.starts_with("-");
    if (descending) sort = sort.substr(1);
    // With a search term, "+" keeps SQLite from walking the sort column's index row by row until
    // 25 matches turn up: for a selective term (a phone number, a rare name) that walk visits every
    // row in index order (~5x a plain scan at 100k customers); scan + top-N sort is bounded.
    // (PostgreSQL plans this itself.) Names sort case-insensitively: NOCASE, lower() on PostgreSQL.
    std::string sort_column = (filter.search.empty() || postgresql ? "" : "+") + sort;
    if (sort == "name") sort_column = postgresql ? "lower(name)" : sort_column + " COLLATE NOCASE";
    const std::string order = " ORDER BY " + sort_column + (descending ? " DESC" : "") + ", id" + (descending ? " DESC" : "");

    auto count = TRY(db.prepare("SELECT COUNT(*) FROM customers" + where));
    auto rows = TRY(db.prepare(std::string("SELECT ") + kColumns + " FROM customers" + where + order +
                               " LIMIT :limit OFFSET :offset"));
    const std::string like = "%" + escape_like(filter.search) + "%";
    const std::string phone_like = "%" + escape_like(phone_search) + "%";
    for (Statement* statement : {&count, &rows}) {
        statement->bind_named(":like", like);
        statement->bind_named(":phone_like", phone_like);
        if (indexed) statement->bind_named(":match", fts_phrase(filter.search) + " OR " + fts_phrase(phone_search));
        if (filter.status) statement->bind_named(":status", std::string(to_string(*filter.status)));
        if (filter.package_id) statement->bind_named(":package_id", *filter.package_id);
        if (filter.router_id) statement->bind_named(":router_id", *filter.router_id);
    }
    rows.bind_named(":limit", std::int64_t{filter.per_page});
    rows.bind_named(":offset", std::int64_t{filter.page - 1} * filter.per_page);

    CustomerPage page;
    TRY(count.step());
    page.total = count.column_int(0);
    while (TRY(rows.step())) page.rows.push_back(row_to_customer(rows));
    return page;
}

void bind_customer_columns(Statement& statement, const Customer& customer, int first) {
    const int at = first - 1;
    statement.bind(at + 1, customer.service_number)
        .bind(at + 2, customer.name)
        .bind(at + 3, customer.phone)
        .bind(at + 4, customer.email)
        .bind(at + 5, customer.address)
        .bind(at + 6, customer.package_id)
        .bind(at + 7, customer.router_id)
        .bind(at + 8, customer.pppoe_username)
        .bind(at + 9, std::string(to_string(customer.status)))
        .bind(at + 10, to_string(customer.join_date))
        .bind(at + 11, customer.due_day)
        .bind(at + 12, std::string(to_string(customer.connection_method)))
        .bind(at + 13, customer.ip_address)
        .bind(at + 14, customer.mac_address)
        .bind(at + 15, customer.tax.npwp)
        .bind(at + 16, customer.tax.nik)
        .bind(at + 17, customer.tax.nitku)
        .bind(at + 18, std::int64_t{customer.tax.needs_faktur ? 1 : 0});
}

Result<std::int64_t> insert_customer(Database& db, const Customer& customer, std::int64_t now) {
    static const std::string sql = multi_row_insert_sql(std::string("customers(") + kCustomerInsertColumns + ")", kCustomerInsertParameters, 1);
    auto statement = TRY(db.prepare(sql));
    bind_customer_columns(statement, customer);
    const std::string at = utc_timestamp_text(now);
    statement.bind(19, at).bind(20, at);
    TRY_VOID(statement.run());
    return db.last_insert_id();
}

Result<void> update_customer_row(Database& db, const Customer& customer, std::int64_t now) {
    auto statement = TRY(db.prepare(
        "UPDATE customers SET service_number=?, name=?, phone=?, email=?, address=?, package_id=?, router_id=?, "
        "pppoe_username=?, status=?, join_date=?, due_day=?, connection_method=?, ip_address=?, mac_address=?, npwp=?, nik=?, nitku=?, needs_faktur=?, "
        "updated_at=? WHERE id=?"));
    bind_customer_columns(statement, customer);
    statement.bind(19, utc_timestamp_text(now)).bind(20, customer.id);
    return statement.run();
}

Result<bool> customer_ip_taken(Database& db, std::int64_t router_id, const std::string& ip_address, std::int64_t except_id) {
    auto statement = TRY(db.prepare("SELECT id FROM customers WHERE router_id = ? AND ip_address = ? AND id <> ?"));
    statement.bind(1, router_id).bind(2, ip_address).bind(3, except_id);
    const bool taken = TRY(statement.step());
    statement.reset();
    return taken;
}

Result<void> set_customer_password_hash(Database& db, std::int64_t id, const std::string& hash) {
    auto statement = TRY(db.prepare("UPDATE customers SET password_hash = ? WHERE id = ?"));
    statement.bind(1, hash).bind(2, id);
    return statement.run();
}

Result<void> set_customer_pppoe_password(Database& db, std::int64_t id, const std::string& sealed) {
    auto statement = TRY(db.prepare("UPDATE customers SET pppoe_password_encrypted = ? WHERE id = ?"));
    statement.bind_blob(1, sealed).bind(2, id);
    return statement.run();
}

Result<std::string> customer_pppoe_password(Database& db, std::int64_t id, const security::SecretBox& secrets) {
    auto statement = TRY(db.prepare("SELECT pppoe_password_encrypted FROM customers WHERE id = ?"));
    statement.bind(1, id);
    if (!TRY(statement.step()) || statement.column_is_null(0)) return std::string();
    return secrets.open(statement.column_text(0));
}

Result<std::string> next_service_number(Database& db, std::string_view prefix) {
    // The numbers after the prefix: digits only (GLOB on SQLite, a regular expression on PostgreSQL).
    auto statement = TRY(db.prepare(
        db.engine() == Engine::Postgresql
            ? "SELECT COALESCE(MAX(CAST(substr(service_number, ?) AS BIGINT)), 0) FROM customers "
              "WHERE service_number LIKE ? ESCAPE '\\' AND substr(service_number, ?) ~ '^[0-9]+$'"  // the 4th binding is unused
            : "SELECT COALESCE(MAX(CAST(substr(service_number, ?) AS INTEGER)), 0) FROM customers "
              "WHERE service_number LIKE ? ESCAPE '\\' AND substr(service_number, ?) GLOB '[0-9]*' "
              "AND substr(service_number, ?) NOT GLOB '*[^0-9]*'"));
    const int start = static_cast<int>(prefix.size()) + 1;
    statement.bind(1, start).bind(2, escape_like(prefix) + "%").bind(3, start).bind(4, start);
    TRY(statement.step());
    return format_service_number(prefix, statement.column_int(0) + 1);
}

}  // namespace kimonet::store
