#pragma once
// The login limiter (issue 14, item 7). Separate counters in login_attempts:
//  - per real account: kMaxFailedLogins failures (from anywhere) within kLoginWindowSeconds lock
//    that account, even for the right password, until the oldest counted failure ages out — for
//    every address but those the account signed in from within kKnownSourceSeconds;
//  - per real account and such a known address: the same limit, counting that address's failures
//    only. So a stranger who knows a name (every ISP has an "admin") can hold the account at its
//    limit for strangers, but not lock its owner out where the owner signs in; and an address
//    becomes known only by a complete sign-in (password and, with 2FA, the code: a session);
//  - per source address: failures for names that are no account (made-up names, typos, spraying)
//    — kMaxUnknownNameFailuresPerSource of them refuse further made-up names from that source.
//  - per source address: the real accounts it failed against — once kMaxAccountsFailedPerSource
//    accounts have failures from one address in the window, that address gets 429 for every other
//    account without the password being verified (nothing is charged to those accounts), except
//    where the account signed in from that address lately. Without it one address could spend
//    every account's failures in turn (service numbers are guessable) and keep every customer out
//    of the portal from wherever they had not signed in before, one hash per guess.
// A failure against a made-up name never counts for a real account, and the made-up-name counter
// never refuses a real account's correct password, so one noisy neighbour behind the same NAT or
// proxy cannot lock anybody else out by typos. When a source is over its made-up-name limit, a
// wrong password for a real account also answers 429 (the same answer as a made-up name, so the
// limit is no oracle for which names exist). The sprayer limit can hold back a neighbour behind
// the same address who never signed in from it, for at most the window; one who did is let in.
// IPv6 sources count by their /64 (limit_source in http/client_address.hpp): one subscriber
// holds a whole /64 and could take a new address for every request.
// Check and record are one BEGIN IMMEDIATE transaction: the attempt is reserved (counted as a
// failure) before the password is verified, so N concurrent guesses evaluate at most the limit.
#include <cstdint>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace kimonet::auth {

inline constexpr int kMaxFailedLogins = 5;
inline constexpr int kMaxUnknownNameFailuresPerSource = 20;
inline constexpr int kMaxAccountsFailedPerSource = 10;
inline constexpr std::int64_t kLoginWindowSeconds = 15 * 60;
inline constexpr std::int64_t kKnownSourceSeconds = 30 * 86400;

struct LoginAttempt {
    std::int64_t id = 0;
    bool source_over_limit = false;  // failures answer 429; a correct password still succeeds
    std::int64_t source_retry_after = 0;  // seconds until the source is under its limit again
    std::string source;  // the address the attempt came from
};

// Reserves one attempt for `account_key` (lower-cased name) from `source`, or answers 429 with
// Retry-After when the account (known) or the source (unknown names) is over its limit.
// `source_signed_in`: the account signed in from `source` lately (source_known_for_account), so
// only that source's failures for the account count.
Result<LoginAttempt> reserve_login_attempt(store::Database& db, std::int64_t now, const std::string& account_key,
                                           const std::string& address, bool known_account, bool source_signed_in = false);
// Whether the account (a staff user or a customer) signed in from `source` within kKnownSourceSeconds.
Result<bool> source_known_for_account(store::Database& db, std::int64_t now, std::string_view account_type, std::int64_t account_id,
                                      const std::string& source);
// Marks a reserved attempt as the success it was; forgives the account's earlier failures from
// the same address (a typo before the right password), never a stranger's elsewhere: the owner
// signing in does not hand the stranger a fresh set of guesses.
Result<void> record_login_success(store::Database& db, const LoginAttempt& attempt, const std::string& account_key);
// The 429 for a failure when the source is over its limit.
Error login_rate_limited(std::int64_t retry_after_seconds);

}  // namespace kimonet::auth
