#include "auth/two_factor.hpp"

#include <qrencode.h>
#include <sodium.h>

#include <cctype>
#include <memory>

#include "api/json_fields.hpp"
#include "auth/rbac_store.hpp"
#include "security/crypto.hpp"
#include "security/totp.hpp"
#include "services/activity_log.hpp"

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
    auto row = TRY(context.db.prepare("SELECT secret_sealed, enabled_at, last_used_step FROM user_two_factor WHERE user_id = ?"));
    row.bind(1, user_id);
    if (!TRY(row.step())) return std::optional<SecondFactor>();
    SecondFactor factor;
    factor.secret = TRY(context.secrets.open(row.column_text(0)));
    factor.enabled = !row.column_is_null(1);
    factor.last_used_step = row.column_int(2);
    return std::optional<SecondFactor>(std::move(factor));
}

// Accepts a TOTP code at most once: the matched time step must be newer than the last one used,
// and the update that records it is conditional, so two concurrent uses cannot both succeed.
Result<bool> use_totp_code(app::Context& context, std::int64_t user_id, const SecondFactor& factor, std::string_view code) {
    const auto step = security::totp_matching_step(factor.secret, code, context.now);
    if (!step || *step <= factor.last_used_step) return false;
    auto update = TRY(context.db.prepare("UPDATE user_two_factor SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?"));
    update.bind(1, *step).bind(2, user_id).bind(3, *step);
    TRY_VOID(update.run());
    return context.db.changes() == 1;
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
    auto update = TRY(context.db.prepare(
        "UPDATE two_factor_recovery_codes SET used_at = ? WHERE id = "
        "(SELECT id FROM two_factor_recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)"));
    update.bind(1, context.now).bind(2, user_id).bind(3, security::sha256_hex(code));
    TRY_VOID(update.run());
    return context.db.changes() == 1;
}

// Takes one of the account's wrong-code slots before an answer is checked (under BEGIN IMMEDIATE,
// so concurrent guesses cannot all pass the count); a right answer gives the slot back.
Result<std::int64_t> reserve_account_attempt(app::Context& context, std::int64_t user_id) {
    std::int64_t slot = 0;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        auto count = TRY(context.db.prepare("SELECT COUNT(*) FROM two_factor_failures WHERE user_id = ? AND at > ?"));
        count.bind(1, user_id).bind(2, context.now - kWrongCodeWindowSeconds);
        TRY(count.step());
        if (count.column_int(0) >= kMaxWrongCodesPerAccount)
            return make_error(ErrorCode::RateLimited, messages::kTooManyWrongCodesWait);
        auto insert = TRY(context.db.prepare("INSERT INTO two_factor_failures(user_id, at) VALUES (?, ?)"));
        insert.bind(1, user_id).bind(2, context.now);
        TRY_VOID(insert.run());
        slot = context.db.last_insert_id();
        auto prune = TRY(context.db.prepare("DELETE FROM two_factor_failures WHERE at < ?"));
        prune.bind(1, context.now - 86400);
        return prune.run();
    }));
    return slot;
}

Result<void> release_account_attempt(app::Context& context, std::int64_t slot) {
    auto release = TRY(context.db.prepare("DELETE FROM two_factor_failures WHERE id = ?"));
    release.bind(1, slot);
    return release.run();
}

// The user's own password, for enrol and disable (a stolen session alone cannot change them).
Result<void> check_password(app::Context& context, std::int64_t user_id, std::string_view password) {
    auto row = TRY(context.db.prepare("SELECT password_hash FROM users WHERE id = ?"));
    row.bind(1, user_id);
    if (!TRY(row.step()) || !security::verify_password(password, row.column_text(0)))
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
    auto row = TRY(db.prepare("SELECT 1 FROM user_two_factor WHERE user_id = ? AND enabled_at IS NOT NULL"));
    row.bind(1, user_id);
    return TRY(row.step());
}

Result<bool> two_factor_enrollment_required(store::Database& db, std::int64_t user_id) {
    auto row = TRY(db.prepare(
        "SELECT 1 FROM user_role ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? AND r.require_two_factor = 1 "
        "AND NOT EXISTS (SELECT 1 FROM user_two_factor t WHERE t.user_id = ur.user_id AND t.enabled_at IS NOT NULL)"));
    row.bind(1, user_id);
    return TRY(row.step());
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
        auto prune = TRY(context.db.prepare("DELETE FROM two_factor_challenges WHERE expires_at < ?"));
        prune.bind(1, context.now - 86400);
        TRY_VOID(prune.run());
        auto insert = TRY(context.db.prepare(
            "INSERT INTO two_factor_challenges(challenge_hash, user_id, ip, created_at, expires_at) VALUES (?,?,?,?,?)"));
        insert.bind(1, security::sha256_hex(result.two_factor_challenge))
            .bind(2, user_id)
            .bind(3, context.actor.ip)
            .bind(4, context.now)
            .bind(5, result.expires_at);
        return insert.run();
    }));
    return result;
}

Result<LoginResult> complete_two_factor_login(app::Context& context, std::string_view challenge, const TwoFactorAnswer& answer,
                                              std::int64_t ttl_seconds) {
    const std::string challenge_hash = security::sha256_hex(challenge);
    // Every answer, right or wrong, spends one of the challenge's few answers first.
    auto spend = TRY(context.db.prepare(
        "UPDATE two_factor_challenges SET failures = failures + 1 "
        "WHERE challenge_hash = ? AND used_at IS NULL AND expires_at > ? AND failures < ?"));
    spend.bind(1, challenge_hash).bind(2, context.now).bind(3, kMaxAnswersPerChallenge);
    TRY_VOID(spend.run());
    const bool spent = context.db.changes() == 1;
    auto row = TRY(context.db.prepare("SELECT id, user_id, used_at, expires_at, failures FROM two_factor_challenges WHERE challenge_hash = ?"));
    row.bind(1, challenge_hash);
    const bool found = TRY(row.step());
    if (!spent) {
        if (found && row.column_is_null(2) && row.column_int(3) > context.now)
            return make_error(ErrorCode::RateLimited, messages::kTooManyWrongCodesLogin);
        return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);
    }
    const std::int64_t challenge_id = row.column_int(0);
    const std::int64_t user_id = row.column_int(1);
    row.reset();  // reads end before the writes below (store/database.hpp)

    const std::int64_t slot = TRY(reserve_account_attempt(context, user_id));
    auto factor = TRY(load_second_factor(context, user_id));
    if (!factor || !factor->enabled) return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);

    auto account = TRY(context.db.prepare("SELECT username, full_name, active FROM users WHERE id = ?"));
    account.bind(1, user_id);
    if (!TRY(account.step()) || account.column_int(2) == 0) return make_error(ErrorCode::Unauthorized, messages::kWrongCredentials);
    const std::string username = account.column_text(0), full_name = account.column_text(1);
    account.reset();

    LoginResult result;
    std::string method;
    TRY_VOID(context.db.transaction([&]() -> Result<void> {
        const bool accepted = answer.recovery_code.empty() ? TRY(use_totp_code(context, user_id, *factor, answer.code))
                                                           : TRY(use_recovery_code(context, user_id, answer.recovery_code));
        if (!accepted) return {};
        method = answer.recovery_code.empty() ? "totp" : "recovery_code";
        auto consume = TRY(context.db.prepare("UPDATE two_factor_challenges SET used_at = ? WHERE id = ? AND used_at IS NULL"));
        consume.bind(1, context.now).bind(2, challenge_id);
        TRY_VOID(consume.run());
        if (context.db.changes() != 1) return make_error(ErrorCode::Unauthorized, messages::kTwoFactorSessionExpired);
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
        auto insert = TRY(context.db.prepare(
            "INSERT INTO api_tokens(token_hash, subject_type, subject_id, created_at, expires_at, client_ip) VALUES (?,?,?,?,?,?)"));
        insert.bind(1, security::sha256_hex(result.token))
            .bind(2, "user")
            .bind(3, user_id)
            .bind(4, context.now)
            .bind(5, result.expires_at)
            .bind(6, context.actor.ip);
        TRY_VOID(insert.run());
        result.principal.token_id = context.db.last_insert_id();
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
    auto upsert = TRY(context.db.prepare(
        "INSERT INTO user_two_factor(user_id, secret_sealed, enabled_at, last_used_step, created_at) VALUES (?,?,NULL,0,?) "
        "ON CONFLICT(user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, last_used_step = 0, created_at = excluded.created_at "
        "WHERE user_two_factor.enabled_at IS NULL"));
    upsert.bind(1, user.id).bind_blob(2, context.secrets.seal(secret)).bind(3, context.now);
    TRY_VOID(upsert.run());
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
        auto enable = TRY(context.db.prepare("UPDATE user_two_factor SET enabled_at = ? WHERE user_id = ? AND enabled_at IS NULL"));
        enable.bind(1, context.now).bind(2, user.id);
        TRY_VOID(enable.run());
        auto clear = TRY(context.db.prepare("DELETE FROM two_factor_recovery_codes WHERE user_id = ?"));
        clear.bind(1, user.id);
        TRY_VOID(clear.run());
        for (int index = 0; index < kRecoveryCodeCount; ++index) {
            const std::string recovery = new_recovery_code();
            auto insert = TRY(context.db.prepare("INSERT INTO two_factor_recovery_codes(user_id, code_hash) VALUES (?, ?)"));
            insert.bind(1, user.id).bind(2, security::sha256_hex(recovery));
            TRY_VOID(insert.run());
            codes.push_back(recovery.substr(0, 5) + "-" + recovery.substr(5));
        }
        // Sessions opened elsewhere with the password alone end now; this one stays.
        auto revoke = TRY(context.db.prepare(
            "UPDATE api_tokens SET revoked_at = ? WHERE subject_type = 'user' AND subject_id = ? AND id != ? AND revoked_at IS NULL"));
        revoke.bind(1, context.now).bind(2, user.id).bind(3, user.token_id);
        TRY_VOID(revoke.run());
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
        for (const char* sql : {"DELETE FROM user_two_factor WHERE user_id = ?", "DELETE FROM two_factor_recovery_codes WHERE user_id = ?",
                                "DELETE FROM two_factor_challenges WHERE user_id = ?"}) {
            auto remove = TRY(context.db.prepare(sql));
            remove.bind(1, user.id);
            TRY_VOID(remove.run());
        }
        return services::log_activity(context, "auth.two_factor.disabled", "user", user.id, nullptr, nullptr);
    });
}

Result<api::Json> two_factor_status(store::Database& db, const http::Principal& user) {
    auto row = TRY(db.prepare(
        "SELECT (SELECT enabled_at IS NOT NULL FROM user_two_factor WHERE user_id = :user), "
        "EXISTS (SELECT 1 FROM user_role ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = :user AND r.require_two_factor = 1), "
        "(SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :user AND used_at IS NULL)"));
    row.bind_named(":user", user.is_customer() ? std::int64_t{0} : user.id);
    TRY(row.step());
    const bool pending = !row.column_is_null(0) && row.column_int(0) == 0;
    const bool enabled = !row.column_is_null(0) && row.column_int(0) == 1;
    const bool required = row.column_int(1) == 1;
    return api::Json{{"enabled", enabled},
                     {"pending", pending},
                     {"required_by_role", required},
                     {"enrollment_required", required && !enabled},
                     {"recovery_codes_left", row.column_int(2)}};
}

Result<void> set_role_requires_two_factor(app::Context& context, std::int64_t role_id, bool required) {
    return context.db.transaction([&]() -> Result<void> {
        auto update = TRY(context.db.prepare("UPDATE roles SET require_two_factor = ? WHERE id = ?"));
        update.bind(1, required).bind(2, role_id);
        TRY_VOID(update.run());
        if (context.db.changes() != 1) return make_error(ErrorCode::NotFound, messages::kRoleNotFound);
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
