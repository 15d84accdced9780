#pragma once
// Accounts that sign in: staff users (users) and, for login only, customers by nomor layanan.
// Write functions assume the caller holds the transaction (Database::transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct UserRow {
    std::int64_t id = 0;
    std::string username;
    std::string full_name;
    std::string password_hash;
    bool active = false;
    bool password_change_required = false;
    std::string created_at;  // "YYYY-MM-DDTHH:MM:SSZ" (UTC)
};

struct NewUser {
    std::string username;  // already lower-cased
    std::string full_name;
    std::string password_hash;
    bool password_change_required = false;
};

// A customer as the login sees it: the portal password and whether the account may sign in.
struct CustomerLoginRow {
    std::int64_t id = 0;
    std::string service_number;
    std::string name;
    std::string password_hash;  // "" when none is set
    std::string status;         // customers.status ("terminated" may not sign in)
};

Result<std::optional<UserRow>> find_user(Database& db, std::int64_t id);
Result<std::optional<UserRow>> find_user_by_username(Database& db, std::string_view username);
Result<bool> username_exists(Database& db, std::string_view username);
// Every user id, by username.
Result<std::vector<std::int64_t>> list_user_ids(Database& db);
// The new user's id; created_at and updated_at are `now` (the Clock), in UTC.
Result<std::int64_t> insert_user(Database& db, const NewUser& user, std::int64_t now);
Result<void> set_user_full_name(Database& db, std::int64_t id, std::string_view full_name);
Result<void> set_user_active(Database& db, std::int64_t id, bool active);
Result<void> set_user_password(Database& db, std::int64_t id, std::string_view password_hash, bool change_required);

Result<std::optional<CustomerLoginRow>> find_customer_login(Database& db, std::int64_t customer_id);
Result<std::optional<CustomerLoginRow>> find_customer_login_by_service_number(Database& db, std::string_view service_number);


}  // namespace kimonet::store
