#include "store/account_store.hpp"

#include "store/store_time.hpp"

#include <cstdio>

#include "core/date.hpp"
#include "store/auth_returning.hpp"

namespace kimonet::store {

static constexpr const char* kUserColumns = "id, username, full_name, password_hash, active, password_change_required, created_at";

static UserRow row_to_user(const Statement& row) {
    return UserRow{row.column_int(0),      row.column_text(1),     row.column_text(2), row.column_text(3),
                   row.column_int(4) != 0, row.column_int(5) != 0, row.column_text(6)};
}

static Result<std::optional<UserRow>> find_one_user(Database& db, const char* where, auto bind) {
    auto row = TRY(db.prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where));
    bind(row);
    if (!TRY(row.step())) return std::optional<UserRow>();
    return std::optional<UserRow>(row_to_user(row));
}

Result<std::optional<UserRow>> find_user(Database& db, std::int64_t id) {
    return find_one_user(db, "id = ?", [&](Statement& s) { s.bind(1, id); });
}

Result<std::optional<UserRow>> find_user_by_username(Database& db, std::string_view username) {
    return find_one_user(db, "username = ?", [&](Statement& s) { s.bind(1, username); });
}

Result<bool> username_exists(Database& db, std::string_view username) {
    auto row = TRY(db.prepare("SELECT 1 FROM users WHERE username = ?"));
    row.bind(1, username);
    return TRY(row.step());
}

Result<std::vector<std::int64_t>> list_user_ids(Database& db) {
    auto rows = TRY(db.prepare("SELECT id FROM users ORDER BY username"));
    std::vector<std::int64_t> ids;
    while (TRY(rows.step())) ids.push_back(rows.column_int(0));
    return ids;
}

Result<std::int64_t> insert_user(Database& db, const NewUser& user, std::int64_t now) {
    const std::string stamp = utc_timestamp_text(now);
    auto insert = TRY(db.prepare(
        "INSERT INTO users(username, full_name, password_hash, password_change_required, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?) RETURNING id"));
    insert.bind(1, user.username)
        .bind(2, user.full_name)
        .bind(3, user.password_hash)
        .bind(4, user.password_change_required)
        .bind(5, stamp)
        .bind(6, stamp);
    return detail::run_returning_id(insert);
}

Result<void> set_user_full_name(Database& db, std::int64_t id, std::string_view full_name) {
    auto update = TRY(db.prepare("UPDATE users SET full_name = ? WHERE id = ?"));
    update.bind(1, full_name).bind(2, id);
    return update.run();
}

Result<void> set_user_active(Database& db, std::int64_t id, bool active) {
    auto update = TRY(db.prepare("UPDATE users SET active = ? WHERE id = ?"));
    update.bind(1, active).bind(2, id);
    return update.run();
}

Result<void> set_user_password(Database& db, std::int64_t id, std::string_view password_hash, bool change_required) {
    auto update = TRY(db.prepare("UPDATE users SET password_hash = ?, password_change_required = ? WHERE id = ?"));
    update.bind(1, password_hash).bind(2, change_required).bind(3, id);
    return update.run();
}

static Result<std::optional<CustomerLoginRow>> find_one_customer(Database& db, const char* where, auto bind) {
    auto row = TRY(db.prepare(std::string("SELECT id, service_number, name, COALESCE(password_hash, ''), status FROM customers WHERE ") + where));
    bind(row);
    if (!TRY(row.step())) return std::optional<CustomerLoginRow>();
    return std::optional<CustomerLoginRow>(
        CustomerLoginRow{row.column_int(0), row.column_text(1), row.column_text(2), row.column_text(3), row.column_text(4)});
}

Result<std::optional<CustomerLoginRow>> find_customer_login(Database& db, std::int64_t customer_id) {
    return find_one_customer(db, "id = ?", [&](Statement& s) { s.bind(1, customer_id); });
}

Result<std::optional<CustomerLoginRow>> find_customer_login_by_service_number(Database& db, std::string_view service_number) {
    return find_one_customer(db, "service_number = ?", [&](Statement& s) { s.bind(1, service_number); });
}

}  // namespace kimonet::store
