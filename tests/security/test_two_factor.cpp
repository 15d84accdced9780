// Staff two-factor sign-in from the attacker's side: someone who has (or guesses) a password but
// not the authenticator, replays a code or a recovery code, hammers a challenge, keeps a stale
// challenge (or one won with a password since changed), or holds a session of a role that demands a
// second factor it has not set up.
#include <boost/test/unit_test.hpp>

#include <set>
#include <thread>

#include "auth/two_factor.hpp"
#include "security/crypto.hpp"
#include "security/totp.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using kimonet::testing::HttpReply;
using kimonet::testing::TestServer;

namespace {

struct Enrolled {
    std::string token;   // the session that enrolled
    std::string secret;  // raw key bytes, decoded from the base32 the server showed
    std::vector<std::string> recovery_codes;
};

std::string code_now(TestServer& server, const std::string& secret) { return security::totp(secret, server.clock().now()); }

std::string json_text(const api::Json& json) { return json.dump(); }

Enrolled enrol(TestServer& server, const std::string& username) {
    Enrolled enrolled;
    enrolled.token = server.login(username);
    auto begin = server.post("/api/auth/two-factor/enroll", R"({"password":"demo12345"})", enrolled.token);
    BOOST_TEST_REQUIRE(begin.status == 200, begin.body);
    enrolled.secret = security::base32_decode(begin.json()["data"]["secret"].get<std::string>()).value();
    auto confirm = server.post("/api/auth/two-factor/confirm", json_text({{"code", code_now(server, enrolled.secret)}}), enrolled.token);
    BOOST_TEST_REQUIRE(confirm.status == 200, confirm.body);
    const auto codes = confirm.json()["data"]["recovery_codes"];
    for (const auto& code : codes) enrolled.recovery_codes.push_back(code.get<std::string>());
    server.clock().advance(security::kTotpStepSeconds);  // the confirming code's step is spent
    return enrolled;
}

std::string challenge_for_password(TestServer& server, const std::string& username, const std::string& password) {
    auto login = server.login_attempt(username, password);
    BOOST_TEST_REQUIRE(login.status == 200, login.body);
    BOOST_TEST_REQUIRE(login.json()["two_factor_required"] == true);
    return login.json()["challenge"].get<std::string>();
}

std::string challenge_for(TestServer& server, const std::string& username) { return challenge_for_password(server, username, "demo12345"); }

HttpReply answer(TestServer& server, const std::string& challenge, const std::string& field, const std::string& value) {
    return server.post("/api/auth/login/two-factor", json_text({{"challenge", challenge}, {field, value}}));
}

std::string wrong_code_for(TestServer& server, const std::string& secret) {
    // A six-digit code that matches none of the three accepted steps.
    for (int candidate = 0;; ++candidate) {
        char text[16];  // six digits; room for any int so the format cannot truncate
        std::snprintf(text, sizeof text, "%06d", candidate);
        if (!security::totp_matching_step(secret, text, server.clock().now())) return text;
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(two_factor)

BOOST_AUTO_TEST_CASE(enrol_needs_the_password_and_gives_a_sealed_secret_with_a_qr_matrix) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string before = server.snapshot();
    BOOST_TEST(server.post("/api/auth/two-factor/enroll", "{}", token).status == 422);
    auto wrong = server.post("/api/auth/two-factor/enroll", R"({"password":"not-the-password"})", token);
    BOOST_TEST(wrong.status == 422);
    BOOST_TEST(wrong.json()["error"]["fields"].contains("password"));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM user_two_factor") == "0");

    auto reply = server.post("/api/auth/two-factor/enroll", R"({"password":"demo12345"})", token);
    BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
    const auto data = reply.json()["data"];
    const std::string secret_text = data["secret"].get<std::string>();
    BOOST_TEST(secret_text.size() == 32u);  // 160 bits in base32
    const std::string uri = data["otpauth_uri"].get<std::string>();
    BOOST_TEST(uri.starts_with("otpauth://totp/Kimonet%20Billing%3Aadmin?secret=" + secret_text));
    BOOST_TEST(uri.find("issuer=Kimonet%20Billing") != std::string::npos);
    const int size = data["qr"]["size"].get<int>();
    BOOST_TEST(size >= 21);
    BOOST_TEST((size - 17) % 4 == 0);  // a QR version's side length
    BOOST_TEST_REQUIRE(data["qr"]["rows"].size() == static_cast<std::size_t>(size));
    for (const auto& row : data["qr"]["rows"]) BOOST_TEST(row.get<std::string>().find_first_not_of("01") == std::string::npos);
    BOOST_TEST(data["qr"]["rows"][0].get<std::string>().substr(0, 7) == "1111111");  // a finder pattern

    // At rest the secret is sealed: neither its bytes nor its base32 are in the database file.
    const std::string raw = security::base32_decode(secret_text).value();
    // The stored bytes are searched in C++ (the same check on both engines).
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM user_two_factor") == "1");
    BOOST_TEST(server.count_containing("SELECT secret_sealed FROM user_two_factor", raw) == 0);
    BOOST_TEST(server.count_containing("SELECT secret_sealed FROM user_two_factor", secret_text) == 0);
    // Pending until confirmed: the password alone still signs in.
    BOOST_TEST(server.login_attempt("admin", "demo12345").json().contains("token"));
    BOOST_TEST(before != server.snapshot());
}

BOOST_AUTO_TEST_CASE(confirm_enables_with_a_right_code_and_shows_ten_hashed_recovery_codes_once) {
    TestServer server;
    const std::string token = server.login("admin");
    const std::string other_session = server.login("admin");
    auto begin = server.post("/api/auth/two-factor/enroll", R"({"password":"demo12345"})", token);
    const std::string secret = security::base32_decode(begin.json()["data"]["secret"].get<std::string>()).value();

    auto wrong = server.post("/api/auth/two-factor/confirm", json_text({{"code", wrong_code_for(server, secret)}}), token);
    BOOST_TEST(wrong.status == 422);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM user_two_factor WHERE enabled_at IS NOT NULL") == "0");

    auto confirm = server.post("/api/auth/two-factor/confirm", json_text({{"code", code_now(server, secret)}}), token);
    BOOST_TEST_REQUIRE(confirm.status == 200, confirm.body);
    std::set<std::string> codes;
    const auto shown = confirm.json()["data"]["recovery_codes"];
    for (const auto& code : shown) codes.insert(code.get<std::string>());
    BOOST_TEST(codes.size() == 10u, confirm.body);
    for (const auto& code : codes) {
        BOOST_TEST(code.size() == 11u);
        BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE code_hash LIKE '%" + code.substr(0, 5) + "%' OR code_hash = '" +
                                 code + "'") == "0");
    }
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE used_at IS NULL") == "10");
    // A second confirmation cannot mint new codes; the other session (password only) has ended.
    BOOST_TEST(server.post("/api/auth/two-factor/confirm", json_text({{"code", code_now(server, secret)}}), token).status == 409);
    BOOST_TEST(server.get("/api/me", other_session).status == 401);
    auto status = server.get("/api/auth/two-factor", token);
    BOOST_TEST(status.status == 200);
    BOOST_TEST(status.json()["data"]["enabled"] == true);
    BOOST_TEST(status.json()["data"]["recovery_codes_left"] == 10);
    // Enrolling again while enabled would let a stolen session swap the authenticator.
    BOOST_TEST(server.post("/api/auth/two-factor/enroll", R"({"password":"demo12345"})", token).status == 409);
}

BOOST_AUTO_TEST_CASE(password_alone_gets_a_hashed_challenge_and_no_token) {
    TestServer server;
    const auto enrolled = enrol(server, "admin");
    const std::string before = server.snapshot();
    auto login = server.login_attempt("admin", "demo12345");
    BOOST_TEST_REQUIRE(login.status == 200);
    BOOST_TEST(login.json()["two_factor_required"] == true);
    BOOST_TEST(!login.json().contains("token"));
    const std::string challenge = login.json()["challenge"].get<std::string>();
    BOOST_TEST(challenge.size() >= 43u);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_challenges WHERE challenge_hash = '" + challenge + "'") == "0");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_challenges WHERE challenge_hash = '" + security::sha256_hex(challenge) + "'") ==
               "1");
    // The challenge is not a token.
    BOOST_TEST(server.get("/api/me", challenge).status == 401);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL") == "1");  // the enrolling session only

    auto signed_in = answer(server, challenge, "code", code_now(server, enrolled.secret));
    BOOST_TEST_REQUIRE(signed_in.status == 200, signed_in.body);
    const std::string token = signed_in.json()["token"].get<std::string>();
    BOOST_TEST(signed_in.json()["user"]["username"] == "admin");
    BOOST_TEST(server.get("/api/customers", token).status == 200);
    // Single use: the same challenge does not give a second token, even with the next code.
    server.clock().advance(security::kTotpStepSeconds);
    BOOST_TEST(answer(server, challenge, "code", code_now(server, enrolled.secret)).status == 401);
    BOOST_TEST(before != server.snapshot());
}

BOOST_AUTO_TEST_CASE(a_code_is_accepted_once_and_a_replay_in_the_same_step_is_refused) {
    TestServer server;
    const auto enrolled = enrol(server, "admin");
    const std::string code = code_now(server, enrolled.secret);
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", code).status == 200);
    const std::string tokens = server.scalar("SELECT COUNT(*) FROM api_tokens");
    auto replay = answer(server, challenge_for(server, "admin"), "code", code);
    BOOST_TEST(replay.status == 422);
    BOOST_TEST(replay.json()["error"]["fields"].contains("code"));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens") == tokens);
    // An older step's code (still inside the ±1 window) is a replay too.
    server.clock().advance(security::kTotpStepSeconds);
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", security::totp(enrolled.secret, server.clock().now() - 30)).status ==
               422);
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", code_now(server, enrolled.secret)).status == 200);
}

BOOST_AUTO_TEST_CASE(a_recovery_code_signs_in_once) {
    TestServer server;
    const auto enrolled = enrol(server, "admin");
    const std::string recovery = enrolled.recovery_codes.at(3);
    // Typed in capitals with spaces: still the same code.
    std::string typed;
    for (char character : recovery) typed += character == '-' ? ' ' : static_cast<char>(std::toupper(character));
    auto first = answer(server, challenge_for(server, "admin"), "recovery_code", typed);
    BOOST_TEST_REQUIRE(first.status == 200, first.body);
    BOOST_TEST(server.get("/api/me", first.json()["token"].get<std::string>()).status == 200);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE used_at IS NOT NULL") == "1");

    const std::string tokens = server.scalar("SELECT COUNT(*) FROM api_tokens");
    auto reuse = answer(server, challenge_for(server, "admin"), "recovery_code", recovery);
    BOOST_TEST(reuse.status == 422);
    BOOST_TEST(reuse.json()["error"]["fields"].contains("recovery_code"));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens") == tokens);
    BOOST_TEST(server.get("/api/auth/two-factor", enrolled.token).json()["data"]["recovery_codes_left"] == 9);
    // Another user's recovery code is no use for this account.
    auto other = enrol(server, "finance");
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "recovery_code", other.recovery_codes.at(0)).status == 422);
}

BOOST_AUTO_TEST_CASE(wrong_codes_are_limited_per_challenge_and_per_account_but_never_for_others) {
    TestServer server;
    const auto admin = enrol(server, "admin");
    const auto finance = enrol(server, "finance");
    const std::string wrong = wrong_code_for(server, admin.secret);

    // One challenge takes kMaxAnswersPerChallenge answers; then even the right code is refused.
    const std::string challenge = challenge_for(server, "admin");
    for (int attempt = 0; attempt < auth::kMaxAnswersPerChallenge; ++attempt) BOOST_TEST(answer(server, challenge, "code", wrong).status == 422);
    auto exhausted = answer(server, challenge, "code", code_now(server, admin.secret));
    BOOST_TEST(exhausted.status == 429);
    BOOST_TEST(exhausted.error_code() == "rate_limited");

    // The account as a whole: kMaxWrongCodesPerAccount wrong codes over fresh challenges.
    for (int attempt = auth::kMaxAnswersPerChallenge; attempt < auth::kMaxWrongCodesPerAccount; ++attempt)
        BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", wrong).status == 422);
    const std::string tokens = server.scalar("SELECT COUNT(*) FROM api_tokens");
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", code_now(server, admin.secret)).status == 429);
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "recovery_code", admin.recovery_codes.at(0)).status == 429);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens") == tokens);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE used_at IS NOT NULL") == "0");

    // Nobody else is locked out: another 2FA account and a password-only account, same address.
    BOOST_TEST(answer(server, challenge_for(server, "finance"), "code", code_now(server, finance.secret)).status == 200);
    BOOST_TEST(server.login_attempt("technician", "demo12345").json().contains("token"));

    // After the window the right code works again.
    server.clock().advance(auth::kWrongCodeWindowSeconds + 1);
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", code_now(server, admin.secret)).status == 200);
}

BOOST_AUTO_TEST_CASE(concurrent_guesses_on_one_challenge_get_at_most_the_allowed_answers) {
    TestServer server;
    const auto admin = enrol(server, "admin");
    const std::string challenge = challenge_for(server, "admin");
    const std::string body = json_text({{"challenge", challenge}, {"code", wrong_code_for(server, admin.secret)}});
    std::vector<int> statuses(24);
    std::vector<std::thread> threads;
    for (std::size_t index = 0; index < statuses.size(); ++index)
        threads.emplace_back([&, index] { statuses[index] = testing::http_request("POST", server.url("/api/auth/login/two-factor"), body).status; });
    for (auto& thread : threads) thread.join();
    const auto evaluated = std::count(statuses.begin(), statuses.end(), 422);
    const auto refused = std::count(statuses.begin(), statuses.end(), 429);
    BOOST_TEST(evaluated == auth::kMaxAnswersPerChallenge);
    BOOST_TEST(evaluated + refused == static_cast<long>(statuses.size()));
    BOOST_TEST(server.scalar("SELECT failures FROM two_factor_challenges WHERE challenge_hash = '" + security::sha256_hex(challenge) + "'") ==
               std::to_string(auth::kMaxAnswersPerChallenge));
}

BOOST_AUTO_TEST_CASE(a_challenge_expires) {
    TestServer server;
    const auto admin = enrol(server, "admin");
    const std::string challenge = challenge_for(server, "admin");
    server.clock().advance(auth::kTwoFactorChallengeSeconds + 1);
    const std::string tokens = server.scalar("SELECT COUNT(*) FROM api_tokens");
    auto late = answer(server, challenge, "code", code_now(server, admin.secret));
    BOOST_TEST(late.status == 401);
    BOOST_TEST(late.is_error_envelope());
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens") == tokens);
    BOOST_TEST(answer(server, "made-up-challenge", "code", code_now(server, admin.secret)).status == 401);
    // A fresh one works with the same (unused) code.
    BOOST_TEST(answer(server, challenge_for(server, "admin"), "code", code_now(server, admin.secret)).status == 200);
}

BOOST_AUTO_TEST_CASE(a_challenge_won_with_a_password_ends_when_that_password_is_changed_or_reset) {
    TestServer server;
    const auto admin = enrol(server, "admin");
    // The password leaked: someone signs in with it and waits at the second step for a code
    // (shoulder-surfed, phished) while the owner changes the password.
    const std::string stolen = challenge_for(server, "admin");
    auto changed = server.post("/api/auth/password", R"({"current_password":"demo12345","new_password":"Kuda-Lumping-Terbang-77"})", admin.token);
    BOOST_TEST_REQUIRE(changed.status == 200, changed.body);
    const std::string tokens = server.scalar("SELECT COUNT(*) FROM api_tokens");
    auto late = answer(server, stolen, "code", code_now(server, admin.secret));
    BOOST_TEST(late.status == 401, late.body);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens") == tokens);

    // The same when another administrator resets the password.
    const std::string stolen_again = challenge_for_password(server, "admin", "Kuda-Lumping-Terbang-77");
    const std::string admin_id = server.scalar("SELECT id FROM users WHERE username = 'admin'");
    auto reset = server.put("/api/users/" + admin_id, R"({"password":"Sapu-Lidi-Kering-58"})", server.login("superadmin"));
    BOOST_TEST_REQUIRE(reset.status == 200, reset.body);
    BOOST_TEST(answer(server, stolen_again, "code", code_now(server, admin.secret)).status == 401);
    // The owner's own sign-in with the new password still works.
    BOOST_TEST(answer(server, challenge_for_password(server, "admin", "Sapu-Lidi-Kering-58"), "code", code_now(server, admin.secret)).status == 200);
}

BOOST_AUTO_TEST_CASE(a_role_that_demands_two_factor_blocks_its_users_until_they_enrol) {
    TestServer server;
    const std::string finance_role = server.scalar("SELECT id FROM roles WHERE name = 'finance'");
    const std::string rule = "/api/roles/" + finance_role + "/two-factor";
    // Only a holder of roles.update may set the rule.
    BOOST_TEST(server.put(rule, R"({"required":true})", server.login("admin")).status == 403);
    BOOST_TEST(server.put(rule, R"({"required":true})", server.login("finance")).status == 403);
    BOOST_TEST(server.put(rule, R"({"required":true})", server.login("superadmin")).status == 200);

    auto login = server.login_attempt("finance", "demo12345");
    BOOST_TEST_REQUIRE(login.status == 200);
    BOOST_TEST(login.json()["user"]["two_factor_enrollment_required"] == true);
    const std::string token = login.json()["token"].get<std::string>();
    const std::string before = server.snapshot();
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/invoices"}, {"GET", "/api/payments"}, {"GET", "/api/customers"}, {"POST", "/api/payments"}}) {
        auto blocked = server.call(method, path, method == "POST" ? "{}" : "", token);
        BOOST_TEST(blocked.status == 403, method << " " << path);
        BOOST_TEST(blocked.error_code() == "two_factor_enrollment_required", method << " " << path);
        BOOST_TEST(blocked.is_error_envelope());
    }
    BOOST_TEST(server.snapshot() == before);
    auto me = server.get("/api/me", token);
    BOOST_TEST(me.status == 200);
    BOOST_TEST(me.json()["user"]["two_factor_enrollment_required"] == true);
    BOOST_TEST(server.get("/api/auth/two-factor", token).json()["data"]["required_by_role"] == true);
    // Other roles are untouched.
    BOOST_TEST(server.get("/api/customers", server.login("technician")).status == 200);

    auto begin = server.post("/api/auth/two-factor/enroll", R"({"password":"demo12345"})", token);
    BOOST_TEST_REQUIRE(begin.status == 200);
    const std::string secret = security::base32_decode(begin.json()["data"]["secret"].get<std::string>()).value();
    BOOST_TEST(server.post("/api/auth/two-factor/confirm", json_text({{"code", code_now(server, secret)}}), token).status == 200);
    BOOST_TEST(server.get("/api/invoices", token).status == 200);
    BOOST_TEST(server.get("/api/me", token).json()["user"]["two_factor_enrollment_required"] == false);
    // And the next sign-in asks for the code.
    BOOST_TEST(server.login_attempt("finance", "demo12345").json()["two_factor_required"] == true);
}

BOOST_AUTO_TEST_CASE(disable_needs_the_password_and_a_code) {
    TestServer server;
    const auto admin = enrol(server, "admin");
    auto no_password = server.post("/api/auth/two-factor/disable", json_text({{"password", "wrong"}, {"code", code_now(server, admin.secret)}}),
                                   admin.token);
    BOOST_TEST(no_password.status == 422);
    auto no_code = server.post("/api/auth/two-factor/disable",
                               json_text({{"password", "demo12345"}, {"code", wrong_code_for(server, admin.secret)}}), admin.token);
    BOOST_TEST(no_code.status == 422);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM user_two_factor WHERE enabled_at IS NOT NULL") == "1");
    auto disabled = server.post("/api/auth/two-factor/disable", json_text({{"password", "demo12345"}, {"code", code_now(server, admin.secret)}}),
                                admin.token);
    BOOST_TEST(disabled.status == 200, disabled.body);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM user_two_factor") == "0");
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM two_factor_recovery_codes") == "0");
    BOOST_TEST(server.login_attempt("admin", "demo12345").json().contains("token"));
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM activity_log WHERE action = 'auth.two_factor.disabled'") == "1");
}

BOOST_AUTO_TEST_SUITE_END()
