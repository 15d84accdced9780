#pragma once
// The login limiter's rows (login_attempts): one per attempt, reserved as a failure before the
// password is verified and marked a success afterwards (auth/login_limiter.hpp says why).
// Write functions assume the caller holds the transaction (Database::transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::store {

// Which counter: failures against one account name, from one source address, or against one
// account from one source address.
enum class LoginAttemptKey { Account, Source, AccountAtSource };

struct LoginFailureQuery {
    LoginAttemptKey key = LoginAttemptKey::Account;
    std::string_view value;  // the account name (lower-cased) or the source address
    bool known = true;       // failures for a real account (true) or for made-up names (false)
    std::int64_t since = 0;  // only failures strictly after this time count
    std::string_view source;  // AccountAtSource: the source address (`value` is the account)
};

Result<std::int64_t> count_login_failures(Database& db, const LoginFailureQuery& query);
// The time of the failure at `offset` (0 = oldest) among those counted; nullopt when fewer.
Result<std::optional<std::int64_t>> login_failure_time(Database& db, const LoginFailureQuery& query, std::int64_t offset);
// The real accounts other than `except_account` that failed from `source` after `since`, and, when
// there are at least `limit` of them, the time the count falls below `limit` again (an account
// leaves when its last failure there is older than `since`): the limit on how many accounts one
// address may lock.
struct SourceAccountFailures {
    std::int64_t accounts = 0;
    std::int64_t below_limit_after = 0;  // the last failure whose ageing out brings the count under `limit`
};
Result<SourceAccountFailures> login_failure_accounts_from(Database& db, std::string_view source, std::int64_t since,
                                                          std::string_view except_account, std::int64_t limit);
// Records an attempt as a failure; the row id.
Result<std::int64_t> insert_login_failure(Database& db, std::int64_t at, std::string_view account, std::string_view source, bool known);
Result<void> delete_login_attempts_before(Database& db, std::int64_t before);
Result<void> mark_login_attempt_succeeded(Database& db, std::int64_t attempt_id);
// Deletes the account's failures from `source` (known accounts only).
Result<void> forgive_account_login_failures(Database& db, std::string_view account, std::string_view source);

}  // namespace kimonet::store
