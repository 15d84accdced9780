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
#include "store/account_store.hpp"
#include "store/customer_store.hpp"
#include "store/session_store.hpp"

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

// Whether the account signed in from the request's address lately: its failures there are counted
// apart from everyone else's (auth/login_limiter.hpp).
Result<bool> signed_in_from_here(app::Context& context, const std::optional<Account>& account) {
    if (!account) return false;
    return source_known_for_account(context.db, context.now, http::Principal{account->kind}.kind_name(), account->id, context.actor.ip);
}

Result<std::optional<Account>> find_account(store::Database& db, std::string_view username) {
    if (auto user = TRY(store::find_user_by_username(db, to_lower_ascii(username))))
        return std::optional<Account>(Account{http::Principal::Kind::User, user->id, user->username, user->full_name, user->password_hash,
                                              user->active, user->password_change_required});
    if (auto customer = TRY(store::find_customer_login_by_service_number(db, to_upper_ascii(username))))
        return std::optional<Account>(Account{http::Principal::Kind::Customer, customer->id, customer->service_number, customer->name,
                                              customer->password_hash, customer->status != "terminated"});
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
    const LoginAttempt attempt =
        TRY(reserve_login_attempt(context.db, context.now, account_key, context.actor.ip, account.has_value(), TRY(signed_in_from_here(context, account))));
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
        result.principal.token_id = TRY(store::insert_api_token(
            context.db, store::NewApiToken{security::sha256_hex(result.token), std::string(result.principal.kind_name()), account->id,
                                           context.now, result.expires_at, context.actor.ip, std::string(user_agent.substr(0, 200))}));
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
    const LoginAttempt attempt = TRY(reserve_login_attempt(context.db, context.now, account_key, context.actor.ip, true, TRY(signed_in_from_here(context, account))));
    if (!verify(account, current_password))
        return validation_error({{"current_password", messages::kWrongCurrentPassword}}, messages::kWrongCurrentPassword);
    const std::string hash = security::hash_password(new_password);
    return context.db.transaction([&]() -> Result<void> {
        TRY_VOID(record_login_success(context.db, attempt, account_key));
        if (owner.is_customer()) TRY_VOID(store::set_customer_password_hash(context.db, owner.id, hash));
        else TRY_VOID(store::set_user_password(context.db, owner.id, hash, false));
        TRY_VOID(revoke_sessions(context, owner.kind_name(), owner.id, owner.token_id));
        return services::log_activity(context, "auth.password_change", std::string(owner.kind_name()), owner.id, nullptr, nullptr);
    });
}

Result<void> logout(app::Context& context, std::int64_t token_id) {
    return store::revoke_api_token(context.db, token_id, context.now);
}

Result<http::Principal> authenticate(store::Database& db, std::string_view bearer_token, std::int64_t now) {
    const Error unauthorized = make_error(ErrorCode::Unauthorized);
    if (bearer_token.empty() || bearer_token.size() > 200) return unauthorized;
    const auto token = TRY(store::find_api_token(db, security::sha256_hex(bearer_token)));
    if (!token) return unauthorized;
    if (token->revoked || token->expires_at <= now) return make_error(ErrorCode::Unauthorized, messages::kSessionExpired);
    const std::int64_t token_id = token->id;
    const bool is_customer = token->subject_type == "customer";
    const std::int64_t subject = token->subject_id;
    std::optional<Account> account;
    if (is_customer) {
        if (auto row = TRY(store::find_customer_login(db, subject)))
            account = Account{http::Principal::Kind::Customer, subject, row->service_number, row->name, {}, row->status != "terminated"};
    } else {
        if (auto row = TRY(store::find_user(db, subject)))
            account = Account{http::Principal::Kind::User, subject, row->username, row->full_name, {}, row->active, row->password_change_required};
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
