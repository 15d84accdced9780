#pragma once
// Staff two-factor sign-in rows: the sealed TOTP secret (user_two_factor), recovery-code hashes,
// the single-use second-step challenges, and wrong-code slots per account (auth/two_factor.hpp).
// Write functions assume the caller holds the transaction (Database::transaction).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace kimonet::store {

struct SecondFactorRow {
    std::string secret_sealed;  // as the SecretBox sealed it
    bool enabled = false;       // enabled_at is set (otherwise enrolment is pending)
    std::int64_t last_used_step = 0;
};

struct NewTwoFactorChallenge {
    std::string challenge_hash;
    std::int64_t user_id = 0;
    std::string ip;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

struct TwoFactorChallengeRow {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    bool used = false;
    std::int64_t expires_at = 0;
    std::int64_t failures = 0;
};

struct TwoFactorStatusRow {
    bool enrolled = false;  // a row exists (pending or enabled)
    bool enabled = false;
    bool required_by_role = false;
    std::int64_t recovery_codes_left = 0;
};

Result<std::optional<SecondFactorRow>> find_second_factor(Database& db, std::int64_t user_id);
Result<bool> second_factor_enabled(Database& db, std::int64_t user_id);
// One of the user's roles requires two-factor and the user has none enabled.
Result<bool> second_factor_enrolment_missing(Database& db, std::int64_t user_id);
Result<TwoFactorStatusRow> two_factor_status_of(Database& db, std::int64_t user_id);
// Records `step` as the last TOTP step used, only if it is newer; false when it was not.
Result<bool> advance_totp_step(Database& db, std::int64_t user_id, std::int64_t step);
// Marks an unused recovery code of the user as used; false when there is none with that hash.
Result<bool> use_recovery_code_hash(Database& db, std::int64_t user_id, std::string_view code_hash, std::int64_t now);
// A new pending secret, replacing a pending one; an enabled one is left as it is.
Result<void> save_pending_second_factor(Database& db, std::int64_t user_id, std::string_view secret_sealed, std::int64_t now);
Result<void> enable_second_factor(Database& db, std::int64_t user_id, std::int64_t now);
// The user's recovery codes become exactly these (hashes).
Result<void> replace_recovery_codes(Database& db, std::int64_t user_id, const std::vector<std::string>& code_hashes);
// Removes the secret, the recovery codes and the open challenges of the user.
Result<void> delete_second_factor(Database& db, std::int64_t user_id);

Result<void> delete_two_factor_challenges_expired_before(Database& db, std::int64_t before);
// Ends the user's open challenges: each proves a password that may no longer be theirs.
Result<void> delete_two_factor_challenges_of_user(Database& db, std::int64_t user_id);
Result<void> insert_two_factor_challenge(Database& db, const NewTwoFactorChallenge& challenge);
// Spends one answer of a live challenge (unused, unexpired at `now`, fewer than `max_answers`
// spent); false when none was spent.
Result<bool> spend_two_factor_answer(Database& db, std::string_view challenge_hash, std::int64_t now, int max_answers);
Result<std::optional<TwoFactorChallengeRow>> find_two_factor_challenge(Database& db, std::string_view challenge_hash);
// Marks the challenge used; false when it was used already.
Result<bool> consume_two_factor_challenge(Database& db, std::int64_t challenge_id, std::int64_t now);

Result<std::int64_t> count_two_factor_failures_since(Database& db, std::int64_t user_id, std::int64_t since);
// The slot's row id.
Result<std::int64_t> insert_two_factor_failure(Database& db, std::int64_t user_id, std::int64_t at);
Result<void> delete_two_factor_failure(Database& db, std::int64_t failure_id);
Result<void> delete_two_factor_failures_before(Database& db, std::int64_t before);

}  // namespace kimonet::store
