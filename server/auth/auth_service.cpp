#include "auth/auth_service.hpp"

#include "auth/rbac_store.hpp"
#include "auth/two_factor.hpp"
#include "core/text.hpp"
#include "rbac/permissions.hpp"
#include "security/crypto.hpp"
#include "services/activity_log.hpp"

namespace kimonet::auth {

namespace {

struct Account {
    http::Principal::Kind kind;
    std::int64_t id;
    std::string username;
    std::string name;
    std::string password_hash;
    bool active;
};

Result<std::optional<Account>> find_account(store::Database& db, std::string_view username) {
    auto user = TRY(db.prepare("SELECT id, username, full_name, password_hash, active FROM users WHERE username = ?"));
    user.bind(1, to_lower_ascii(username));
    if (TRY(user.step()))
        return std::optional<Account>(Account{http::Principal::Kind::User, user.column_int(0), user.column_text(1),
                                              user.column_text(2), user.column_text(3), user.column_int(4) != 0});
    auto customer = TRY(db.prepare("SELECT id, service_number, name, COALESCE(password_hash, ''), status FROM customers WHERE service_number = ?"));
    customer.bind(1, to_upper_ascii(username));
    if (TRY(customer.step()))
        return std::optional<Account>(Account{http::Principal::Kind::Customer, customer.column_int(0), customer.column_text(1),
                                              customer.column_text(2), customer.column_text(3),
                                              customer.column_text(4) != "terminated"});
    return std::optional<Account>();
}

Result<std::int64_t> recent_failures(store::Database& db, const char* column, std::string_view value, std::int64_t since) {
    auto statement = TRY(db.prepare(std::string("SELECT COUNT(*) FROM login_attempts WHERE success = 0 AND at > ? AND ") + column + " = ?"));
    statement.bind(1, since).bind(2, value);
    TRY(statement.step());
    return statement.column_int(0);
}

Result<void> record_attempt(store::Database& db, std::int64_t at, std::string_view account, std::string_view ip, bool success) {
    auto statement = TRY(db.prepare("INSERT INTO login_attempts(at, account, ip, success) VALUES (?,?,?,?)"));
    statement.bind(1, at).bind(2, account).bind(3, ip).bind(4, success);
    TRY_VOID(statement.run());
    if (success) {  // a successful login forgives the account's earlier mistakes
        auto forgive = TRY(db.prepare("DELETE FROM login_attempts WHERE account = ? AND success = 0"));
        forgive.bind(1, account);
        TRY_VOID(forgive.run());
    }
    // Keep the table small: attempts older than a day are of no use to the limiter.
    auto prune = TRY(db.prepare("DELETE FROM login_attempts WHERE at < ?"));
    prune.bind(1, at - 86400);
    return prune.run();
}

Result<http::Principal> principal_for(store::Database& db, const Account& account) {
    http::Principal principal;
    principal.kind = account.kind;
    principal.id = account.id;
    principal.username = account.username;
    principal.name = account.name;
    if (account.kind == http::Principal::Kind::Customer) {
        principal.role = std::string(rbac::kCustomer);
        principal.permissions = TRY(permissions_of_role(db, rbac::kCustomer));
    } else {
        auto [role, permissions] = TRY(role_and_permissions_of_user(db, account.id));
        principal.role = role;
        principal.permissions = std::move(permissions);
    }
    return principal;
}

}  // namespace

Result<LoginResult> login(app::Context& context, std::string_view username_input, std::string_view password, std::int64_t ttl_seconds) {
    const std::string username = trim_copy(username_input);
    const std::string account_key = to_lower_ascii(username);
    const std::int64_t since = context.now - kLoginWindowSeconds;
    if (TRY(recent_failures(context.db, "account", account_key, since)) >= kMaxFailedLogins ||
        TRY(recent_failures(context.db, "ip", context.actor.ip, since)) >= kMaxFailedLogins)
        return make_error(ErrorCode::RateLimited, "Terlalu banyak percobaan login. Coba lagi dalam 15 menit.");

    auto account = TRY(find_account(context.db, username));
    // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
    static const std::string kDummyHash = security::hash_password("kimonet-dummy-password");
    const bool verified = account ? security::verify_password(password, account->password_hash)
                                  : (security::verify_password(password, kDummyHash) && false);
    if (!account || !verified || !account->active) {
        TRY_VOID(record_attempt(context.db, context.now, account_key, context.actor.ip, false));
        return make_error(ErrorCode::Unauthorized, "Username atau kata sandi salah");
    }

    // Two-factor sign-in (auth/two_factor.hpp): the password was right, the token waits for a code.
    if (account->kind == http::Principal::Kind::User && TRY(two_factor_enabled(context.db, account->id)))
        return start_two_factor_challenge(context, account->id);

    LoginResult result;
    result.principal = TRY(principal_for(context.db, *account));
    result.token = security::random_token(32);
    result.expires_at = context.now + ttl_seconds;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(record_attempt(context.db, context.now, account_key, context.actor.ip, true));
        auto insert = TRY(context.db.prepare(
            "INSERT INTO api_tokens(token_hash, subject_type, subject_id, created_at, expires_at) VALUES (?,?,?,?,?)"));
        insert.bind(1, security::sha256_hex(result.token))
            .bind(2, std::string(result.principal.kind_name()))
            .bind(3, account->id)
            .bind(4, context.now)
            .bind(5, result.expires_at);
        TRY_VOID(insert.run());
        result.principal.token_id = context.db.last_insert_id();
        context.actor = app::Actor{std::string(result.principal.kind_name()), account->id, account->username, context.actor.ip};
        return services::log_activity(context, "auth.login", std::string(result.principal.kind_name()), account->id, nullptr, nullptr);
    }));
    return result;
}

Result<void> logout(app::Context& context, std::int64_t token_id) {
    auto revoke = TRY(context.db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    revoke.bind(1, context.now).bind(2, token_id);
    return revoke.run();
}

Result<http::Principal> authenticate(store::Database& db, std::string_view bearer_token, std::int64_t now) {
    const Error unauthorized = make_error(ErrorCode::Unauthorized);
    if (bearer_token.empty() || bearer_token.size() > 200) return unauthorized;
    auto token = TRY(db.prepare("SELECT id, subject_type, subject_id, expires_at, revoked_at FROM api_tokens WHERE token_hash = ?"));
    token.bind(1, security::sha256_hex(bearer_token));
    if (!TRY(token.step())) return unauthorized;
    if (!token.column_is_null(4) || token.column_int(3) <= now) return make_error(ErrorCode::Unauthorized, "Sesi berakhir, silakan login lagi");
    const std::int64_t token_id = token.column_int(0);
    const bool is_customer = token.column_text(1) == "customer";
    const std::int64_t subject = token.column_int(2);
    std::optional<Account> account;
    if (is_customer) {
        auto row = TRY(db.prepare("SELECT service_number, name, status FROM customers WHERE id = ?"));
        row.bind(1, subject);
        if (TRY(row.step()))
            account = Account{http::Principal::Kind::Customer, subject, row.column_text(0), row.column_text(1), {}, row.column_text(2) != "terminated"};
    } else {
        auto row = TRY(db.prepare("SELECT username, full_name, active FROM users WHERE id = ?"));
        row.bind(1, subject);
        if (TRY(row.step()))
            account = Account{http::Principal::Kind::User, subject, row.column_text(0), row.column_text(1), {}, row.column_int(2) != 0};
    }
    if (!account || !account->active) return unauthorized;
    http::Principal principal = TRY(principal_for(db, *account));
    principal.token_id = token_id;
    return principal;
}

api::Json principal_json(const http::Principal& principal, std::optional<std::int64_t> customer_id) {
    api::Json permissions = api::Json::array();
    for (const auto& permission : principal.permissions) permissions.push_back(permission);
    return api::Json{{"id", principal.id},
                     {"username", principal.username},
                     {"name", principal.name},
                     {"role", principal.role},
                     {"kind", principal.kind_name()},
                     {"permissions", permissions},
                     {"customer_id", customer_id ? api::Json(*customer_id) : api::Json(nullptr)}};
}

}  // namespace kimonet::auth
