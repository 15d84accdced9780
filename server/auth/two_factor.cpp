#include "auth/two_factor.hpp"

#include <qrencode.h>
#include <sodium.h>

#include <cctype>
#include <memory>

#include "api/json_fields.hpp"
#include "auth/authority.hpp"
#include "auth/rbac_store.hpp"
#include "security/crypto.hpp"
#include "security/totp.hpp"
#include "services/activity_log.hpp"
#include "store/account_store.hpp"
#include "store/role_store.hpp"
#include "store/session_store.hpp"
#include "store/two_factor_store.hpp"

namespace kimonet::auth {

namespace {

constexpr std::string_view kIssuer = "Kimonet Billing";
constexpr std::size_t kSecretBytes = 20;  // 160 bits, the RFC 4226 recommendation for HMAC-SHA1

Error wrong_code(const char* field = "code") { return validation_error({{field, messages::kWrongOrUsedCode}}); }

struct SecondFactor {
    std::string secret;  // raw key bytes
    bool enabled = false;
    std::int64_t last_used_step = 0;
};

Result<std::optional<SecondFactor>> load_second_factor(app::Context& context, std::int64_t user_id) {
    auto row = TRY(store::find_second_factor(context.db, user_id));
    if (!row) return std::optional<SecondFactor>();
    SecondFactor factor;
    factor.secret = TRY(context.secrets.open(row->secret_sealed));
    factor.enabled = row->enabled;
    factor.last_used_step = row->last_used_step;
    return std::optional<SecondFactor>(std::move(factor));
}

// Accepts a TOTP code at most once: the matched time step must be newer than the last one used,
// and the update that records it is conditional, so two concurrent uses cannot both succeed.
Result<bool> use_totp_code(app::Context& context, std::int64_t user_id, const SecondFactor& factor, std::string_view code) {
    const auto step = security::totp_matching_step(factor.secret, code, context.now);
    if (!step || *step <= factor.last_used_step) return false;
    return store::advance_totp_step(context.db, user_id, *step);
}

std::string normalize_recovery_code(std::string_view input) {
    std::string code;
    for (char character : input) {
        if (character >= 'A' && character <= 'Z') code += static_cast<char>(character - 'A' + 'a');
        else if ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')) code += character;
    }
    return code;
}

Result<bool> use_recovery_code(app::Context& context, std::int64_t user_id, std::string_view input) {
    const std::string code = normalize_recovery_code(input);
    if (code.size() != 10) return false;
    return store::use_recovery_code_hash(context.db, user_id, security::sha256_hex(code), context.now);
}

// Takes one of the account's wrong-code slots before an answer is checked (under BEGIN IMMEDIATE,
// so concurrent guesses cannot all pass the count); a right answer gives the slot back.
Result<std::int64_t> reserve_account_attempt(app::Context& context, std::int64_t user_id) {
    std::int64_t slot = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (TRY(store::count_two_factor_failures_since(context.db, user_id, context.now - kWrongCodeWindowSeconds)) >= kMaxWrongCodesPerAccount)
            return make_error(ErrorCode::RateLimited, messages::kTooManyWrongCodesWait);
        slot = TRY(store::insert_two_factor_failure(context.db, user_id, context.now));
        return store::delete_two_factor_failures_before(context.db, context.now - 86400);
    }));
    return slot;
}

Result<void> release_account_attempt(app::Context& context, std::int64_t slot) {
    return store::delete_two_factor_failure(context.db, slot);
}

// The user's own password, for enrol and disable (a stolen session alone cannot change them).
Result<void> check_password(app::Context& context, std::int64_t user_id, std::string_view password) {
    const auto account = TRY(store::find_user(context.db, user_id));
    if (!account || !security::verify_password(password, account->password_hash))
        return validation_error({{"password", messages::kWrongPassword}});
    return {};
}

Result<void> require_staff(const http::Principal& user) {
    if (user.is_customer()) return make_error(ErrorCode::Forbidden, messages::kTwoFactorStaffOnly);
    return {};
}

std::string new_recovery_code() {
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";  // no l, o, 0, 1
    std::string code;
    for (int index = 0; index < 10; ++index) code += kAlphabet[randombytes_uniform(32)];
    return code;
}

}  // namespace

Result<bool> two_factor_enabled(store::Database& db, std::int64_t user_id) {
    return store::second_factor_enabled(db, user_id);
}

Result<bool> two_factor_enrollment_required(store::Database& db, std::int64_t user_id) {
    return store::second_factor_enrolment_missing(db, user_id);
}

bool allowed_before_two_factor_enrollment(std::string_view method, std::string_view pattern) {
    if (method == "GET") return pattern == "/api/me" || pattern == "/api/auth/two-factor";
    if (method == "POST")
        return pattern == "/api/auth/logout" || pattern == "/api/auth/two-factor/enroll" || pattern == "/api/auth/two-factor/confirm";
    return false;
}

Result<LoginResult> start_two_factor_challenge(app::Context& context, std::int64_t user_id) {
    LoginResult result;
    result.two_factor_challenge = security::random_token(32);
    result.expires_at = context.now + kTwoFactorChallengeSeconds;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        TRY_VOID(store::delete_two_factor_challenges_expired_before(context.db, context.now - 86400));
        return store::insert_two_factor_challenge(
            context.db, store::NewTwoFactorChallenge{security::sha256_hex(result.two_factor_challenge), user_id, context.actor.ip, context.now,
                                                     result.expires_at});
    }));
    return result;
}

Result<LoginResult> complete_two_factor_login(app::Context& context, std::string_view challenge, const TwoFactorAnswer& answer,
                                              std::int64_t ttl_seconds) {
    const std::string challenge_hash = security::sha256_hex(challenge);
    // Every answer, right or wrong, spends one of the challenge's few answers first.
    const bool spent = TRY(store::spend_two_factor_answer(context.db, challenge_hash, context.now, kMaxAnswersPerChallenge));
    const auto found = TRY(store::find_two_factor_challenge(context.db, challenge_hash));
    if (!spent || !found) {
        if (found && !found->used && found->expires_at > context.now)
            return make_error(ErrorCode::RateLimited, messages::kTooManyWrongCodesLogin);
        return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);
    }
    const std::int64_t challenge_id = found->id;
    const std::int64_t user_id = found->user_id;

    const std::int64_t slot = TRY(reserve_account_attempt(context, user_id));
    auto factor = TRY(load_second_factor(context, user_id));
    if (!factor || !factor->enabled) return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);

    const auto account = TRY(store::find_user(context.db, user_id));
    if (!account || !account->active) return make_error(ErrorCode::Unauthorized, messages::kWrongCredentials);
    const std::string username = account->username, full_name = account->full_name;

    LoginResult result;
    std::string method;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const bool accepted = answer.recovery_code.empty() ? TRY(use_totp_code(context, user_id, *factor, answer.code))
                                                           : TRY(use_recovery_code(context, user_id, answer.recovery_code));
        if (!accepted) return {};
        method = answer.recovery_code.empty() ? "totp" : "recovery_code";
        if (!TRY(store::consume_two_factor_challenge(context.db, challenge_id, context.now)))
            return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);
        TRY_VOID(release_account_attempt(context, slot));

        result.principal.kind = http::Principal::Kind::User;
        result.principal.id = user_id;
        result.principal.username = username;
        result.principal.name = full_name;
        auto [role, permissions] = TRY(role_and_permissions_of_user(context.db, user_id));
        result.principal.role = role;
        result.principal.permissions = std::move(permissions);
        result.token = security::random_token(32);
        result.expires_at = context.now + ttl_seconds;
        result.principal.token_id = TRY(store::insert_api_token(
            context.db, store::NewApiToken{security::sha256_hex(result.token), "user", user_id, context.now, result.expires_at, context.actor.ip, {}}));
        context.actor = app::Actor{"user", user_id, result.principal.username, context.actor.ip};
        return services::log_activity(context, "auth.login", "user", user_id, nullptr, api::Json{{"two_factor", method}});
    }));
    if (method.empty()) return wrong_code(answer.recovery_code.empty() ? "code" : "recovery_code");
    return result;
}

Result<Enrollment> begin_two_factor_enrollment(app::Context& context, const http::Principal& user, std::string_view password) {
    TRY_VOID(require_staff(user));
    const std::int64_t slot = TRY(reserve_account_attempt(context, user.id));
    TRY_VOID(check_password(context, user.id, password));
    TRY_VOID(release_account_attempt(context, slot));
    if (TRY(two_factor_enabled(context.db, user.id)))
        return make_error(ErrorCode::Conflict, messages::kTwoFactorActiveDisableFirst);

    std::string secret(kSecretBytes, '\0');
    randombytes_buf(secret.data(), secret.size());
    Enrollment enrollment;
    enrollment.secret = security::base32_encode(secret);
    const std::string label = std::string(kIssuer) + ":" + user.username;
    enrollment.otpauth_uri = "otpauth://totp/" + api::url_encode(label) + "?secret=" + enrollment.secret + "&issuer=" + api::url_encode(kIssuer) +
                             "&algorithm=SHA1&digits=6&period=30";
    enrollment.qr = TRY(qr_matrix(enrollment.otpauth_uri));
    TRY_VOID(store::save_pending_second_factor(context.db, user.id, context.secrets.seal(secret), context.now));
    return enrollment;
}

Result<std::vector<std::string>> confirm_two_factor_enrollment(app::Context& context, const http::Principal& user, std::string_view code) {
    TRY_VOID(require_staff(user));
    auto factor = TRY(load_second_factor(context, user.id));
    if (!factor) return make_error(ErrorCode::Conflict, messages::kTwoFactorStartEnrolmentFirst);
    if (factor->enabled) return make_error(ErrorCode::Conflict, messages::kTwoFactorAlreadyActive);
    const std::int64_t slot = TRY(reserve_account_attempt(context, user.id));
    std::vector<std::string> codes;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        if (!TRY(use_totp_code(context, user.id, *factor, code))) return wrong_code();
        TRY_VOID(release_account_attempt(context, slot));
        TRY_VOID(store::enable_second_factor(context.db, user.id, context.now));
        std::vector<std::string> hashes;
        for (int index = 0; index < kRecoveryCodeCount; ++index) {
            const std::string recovery = new_recovery_code();
            hashes.push_back(security::sha256_hex(recovery));
            codes.push_back(recovery.substr(0, 5) + "-" + recovery.substr(5));
        }
        TRY_VOID(store::replace_recovery_codes(context.db, user.id, hashes));
        // Sessions opened elsewhere with the password alone end now; this one stays.
        TRY_VOID(store::revoke_subject_tokens(context.db, "user", user.id, user.token_id, context.now));
        return services::log_activity(context, "auth.two_factor.enabled", "user", user.id, nullptr, nullptr);
    }));
    return codes;
}

Result<void> disable_two_factor(app::Context& context, const http::Principal& user, std::string_view password,
                                const TwoFactorAnswer& answer) {
    TRY_VOID(require_staff(user));
    auto factor = TRY(load_second_factor(context, user.id));
    if (!factor || !factor->enabled) return make_error(ErrorCode::Conflict, messages::kTwoFactorNotActive);
    const std::int64_t slot = TRY(reserve_account_attempt(context, user.id));
    TRY_VOID(check_password(context, user.id, password));
    return context.db.transaction([&]() -> Result<void> {
        const bool accepted = answer.recovery_code.empty() ? TRY(use_totp_code(context, user.id, *factor, answer.code))
                                                           : TRY(use_recovery_code(context, user.id, answer.recovery_code));
        if (!accepted) return wrong_code(answer.recovery_code.empty() ? "code" : "recovery_code");
        TRY_VOID(release_account_attempt(context, slot));
        TRY_VOID(store::delete_second_factor(context.db, user.id));
        return services::log_activity(context, "auth.two_factor.disabled", "user", user.id, nullptr, nullptr);
    });
}

Result<api::Json> two_factor_status(store::Database& db, const http::Principal& user) {
    const auto status = TRY(store::two_factor_status_of(db, user.is_customer() ? std::int64_t{0} : user.id));
    return api::Json{{"enabled", status.enabled},
                     {"pending", status.enrolled && !status.enabled},
                     {"required_by_role", status.required_by_role},
                     {"enrollment_required", status.required_by_role && !status.enabled},
                     {"recovery_codes_left", status.recovery_codes_left}};
}

Result<void> set_role_requires_two_factor(app::Context& context, std::int64_t role_id, bool required) {
    return context.db.transaction([&]() -> Result<void> {
        // Whether a role's holders need a second factor is part of what the role is: like its
        // permissions, only someone holding all of them may change it (a custom role with
        // roles.update cannot switch the superadmins' 2FA off).
        const auto role = TRY(store::find_role(context.db, role_id));
        if (!role) return make_error(ErrorCode::NotFound, messages::kRoleNotFound);
        const auto permissions = TRY(store::permissions_of_role_name(context.db, role->name));
        TRY_VOID(require_holds_all(context, std::set<std::string>(permissions.begin(), permissions.end()), "Mengubah 2FA role ini"));
        if (!TRY(store::set_role_two_factor_required(context.db, role_id, required)))
            return make_error(ErrorCode::NotFound, messages::kRoleNotFound);
        return services::log_activity(context, "role.two_factor", "role", role_id, nullptr, api::Json{{"require_two_factor", required}});
    });
}

Result<api::Json> qr_matrix(std::string_view text) {
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return make_error(ErrorCode::Internal, messages::kQrCodeFailed);
    api::Json rows = api::Json::array();
    for (int y = 0; y < code->width; ++y) {
        std::string row(static_cast<std::size_t>(code->width), '0');
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1) row[static_cast<std::size_t>(x)] = '1';
        rows.push_back(std::move(row));
    }
    return api::Json{{"size", code->width}, {"rows", rows}};
}

}  // namespace kimonet::auth
