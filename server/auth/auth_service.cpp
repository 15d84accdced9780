#include "auth/auth_service.hpp"

#include "auth/password_policy.hpp"
#include "auth/rbac_store.hpp"
#include "auth/session_service.hpp"
#include "auth/two_factor.hpp"
#include "core/text.hpp"
#include "core/validation_messages.hpp"
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
    bool password_change_required = false;
};

Result<std::optional<Account>> find_account(store::Database& db, std::string_view username) {
    auto user = TRY(db.prepare("SELECT id, username, full_name, password_hash, active, password_change_required FROM users WHERE username = ?"));
    user.bind(1, to_lower_ascii(username));
    if (TRY(user.step()))
        return std::optional<Account>(Account{http::Principal::Kind::User, user.column_int(0), user.column_text(1),
                                              user.column_text(2), user.column_text(3), user.column_int(4) != 0,
                                              user.column_int(5) != 0});
    auto customer = TRY(db.prepare("SELECT id, service_number, name, COALESCE(password_hash, ''), status FROM customers WHERE service_number = ?"));
    customer.bind(1, to_upper_ascii(username));
    if (TRY(customer.step()))
        return std::optional<Account>(Account{http::Principal::Kind::Customer, customer.column_int(0), customer.column_text(1),
                                              customer.column_text(2), customer.column_text(3),
                                              customer.column_text(4) != "terminated"});
    return std::optional<Account>();
}

Result<http::Principal> principal_for(store::Database& db, const Account& account) {
    http::Principal principal;
    principal.kind = account.kind;
    principal.id = account.id;
    principal.username = account.username;
    principal.name = account.name;
    principal.password_change_required = account.password_change_required;
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

// Verifies against a dummy hash for unknown accounts, so timing does not reveal which exist.
static bool verify(const std::optional<Account>& account, std::string_view password) {
    static const std::string kDummyHash = security::hash_password("kimonet-dummy-password");
    if (!account) return security::verify_password(password, kDummyHash) && false;
    return security::verify_password(password, account->password_hash);
}

Result<LoginResult> login(app::Context& context, std::string_view username_input, std::string_view password, std::int64_t ttl_seconds,
                          std::string_view user_agent) {
    const std::string username = trim_copy(username_input);
    const std::string account_key = to_lower_ascii(username);
    auto account = TRY(find_account(context.db, username));
    // The attempt is counted before the (slow) verification, so concurrent guesses cannot overrun the limit.
    const LoginAttempt attempt = TRY(reserve_login_attempt(context.db, context.now, account_key, context.actor.ip, account.has_value()));
    if (!verify(account, password) || !account->active) {
        if (attempt.source_over_limit) return login_rate_limited(attempt.source_retry_after);
        return make_error(ErrorCode::Unauthorized, messages::kWrongCredentials);
    }

    // Two-factor sign-in (auth/two_factor.hpp): the password was right, the token waits for a code.
    // The password was right, so the attempt reserved above is released before the challenge: the
    // code step has limits of its own (per challenge and per account).
    if (account->kind == http::Principal::Kind::User && TRY(two_factor_enabled(context.db, account->id))) {
        TRY_VOID(context.db.transaction([&]() -> Result<void> { return record_login_success(context.db, attempt, account_key); }));
        return start_two_factor_challenge(context, account->id);
    }

    LoginResult result;
    result.principal = TRY(principal_for(context.db, *account));
    result.token = security::random_token(32);
    result.expires_at = context.now + ttl_seconds;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(record_login_success(context.db, attempt, account_key));
        auto insert = TRY(context.db.prepare(
            "INSERT INTO api_tokens(token_hash, subject_type, subject_id, created_at, expires_at, client_ip, user_agent) "
            "VALUES (?,?,?,?,?,?,?)"));
        insert.bind(1, security::sha256_hex(result.token))
            .bind(2, std::string(result.principal.kind_name()))
            .bind(3, account->id)
            .bind(4, context.now)
            .bind(5, result.expires_at)
            .bind(6, context.actor.ip)
            .bind(7, user_agent.substr(0, 200));
        TRY_VOID(insert.run());
        result.principal.token_id = context.db.last_insert_id();
        context.actor = app::Actor{std::string(result.principal.kind_name()), account->id, account->username, context.actor.ip};
        return services::log_activity(context, "auth.login", std::string(result.principal.kind_name()), account->id, nullptr, nullptr);
    }));
    return result;
}

Result<void> change_own_password(app::Context& context, const http::Principal& owner, std::string_view current_password,
                                 std::string_view new_password) {
    if (current_password.empty()) return validation_error({{"current_password", messages::kRequired}});
    if (auto problem = password_problem(new_password, owner.username)) return validation_error({{"new_password", *problem}});
    if (new_password == current_password) return validation_error({{"new_password", messages::kPasswordSameAsOld}});
    const std::string account_key = to_lower_ascii(owner.username);
    auto account = TRY(find_account(context.db, owner.username));
    if (!account || account->kind != owner.kind || account->id != owner.id) return make_error(ErrorCode::Unauthorized);
    // A stolen session must not become a password-guessing oracle: wrong current passwords count
    // as failed logins for the account.
    const LoginAttempt attempt = TRY(reserve_login_attempt(context.db, context.now, account_key, context.actor.ip, true));
    if (!verify(account, current_password))
        return validation_error({{"current_password", messages::kWrongCurrentPassword}}, messages::kWrongCurrentPassword);
    const std::string hash = security::hash_password(new_password);
    return context.db.transaction([&]() -> Result<void> {
        TRY_VOID(record_login_success(context.db, attempt, account_key));
        auto update = TRY(context.db.prepare(owner.is_customer() ? "UPDATE customers SET password_hash = ? WHERE id = ?"
                                                                  : "UPDATE users SET password_hash = ?, password_change_required = 0 WHERE id = ?"));
        update.bind(1, hash).bind(2, owner.id);
        TRY_VOID(update.run());
        TRY_VOID(revoke_sessions(context, owner.kind_name(), owner.id, owner.token_id));
        return services::log_activity(context, "auth.password_change", std::string(owner.kind_name()), owner.id, nullptr, nullptr);
    });
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
    if (!token.column_is_null(4) || token.column_int(3) <= now) return make_error(ErrorCode::Unauthorized, messages::kSessionExpired);
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
        auto row = TRY(db.prepare("SELECT username, full_name, active, password_change_required FROM users WHERE id = ?"));
        row.bind(1, subject);
        if (TRY(row.step()))
            account = Account{http::Principal::Kind::User, subject, row.column_text(0), row.column_text(1), {}, row.column_int(2) != 0,
                              row.column_int(3) != 0};
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
                     {"customer_id", customer_id ? api::Json(*customer_id) : api::Json(nullptr)},
                     {"password_change_required", principal.password_change_required}};
}

}  // namespace kimonet::auth
