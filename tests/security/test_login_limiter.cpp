// Issue 14, item 7, from the attacker's side: the login limiter can neither be raced past its
// limit nor turned into a lock-out of other people, and a client cannot choose its own address
// with X-Forwarded-For unless the peer is one of our proxies.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "auth/login_limiter.hpp"
#include "http/client_address.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using api::Json;
using kimonet::testing::HttpReply;
using kimonet::testing::TestServer;

namespace {

constexpr int kAccountLimit = auth::kMaxFailedLogins;
constexpr int kSourceLimit = auth::kMaxUnknownNameFailuresPerSource;

HttpReply login_via(TestServer& server, const std::string& username, const std::string& password, const std::string& peer,
                    const std::string& forwarded_for) {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!forwarded_for.empty()) headers["X-Forwarded-For"] = forwarded_for;
    return testing::http_request("POST", server.url("/api/auth/login"), Json{{"username", username}, {"password", password}}.dump(), headers, peer);
}

std::string client_ip_of_session(TestServer& server, const std::string& token) {
    auto sessions = server.get("/api/auth/sessions", token).json()["data"];
    for (const auto& session : sessions)
        if (session["current"] == true) return session["client_ip"].get<std::string>();
    return {};
}

bool has_valid_retry_after(const HttpReply& reply) {
    auto it = reply.headers.find("retry-after");
    if (it == reply.headers.end()) return false;
    const long long seconds = std::atoll(it->second.c_str());
    return seconds >= 1 && seconds <= auth::kLoginWindowSeconds && std::to_string(seconds) == it->second;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(login_limiter)

BOOST_AUTO_TEST_CASE(sixty_concurrent_wrong_guesses_evaluate_at_most_the_limit) {
    TestServer server;
    constexpr int kGuesses = 60;
    std::atomic<int> unauthorized{0}, limited{0}, other{0}, limited_without_retry_after{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kGuesses; ++i)
        threads.emplace_back([&, i] {
            // From many addresses, so only the per-account limit applies.
            auto reply = server.login_attempt("admin", "tebakan-" + std::to_string(i), "127.0.9." + std::to_string(1 + i % 200));
            if (reply.status == 401) ++unauthorized;
            else if (reply.status == 429) {
                ++limited;
                if (!has_valid_retry_after(reply)) ++limited_without_retry_after;
            } else ++other;
        });
    for (auto& thread : threads) thread.join();
    // Every password that was evaluated answered 401 and left one failure row; no more than the limit.
    BOOST_TEST(unauthorized.load() == kAccountLimit);
    BOOST_TEST(limited.load() == kGuesses - kAccountLimit);
    BOOST_TEST(other.load() == 0);
    BOOST_TEST(limited_without_retry_after.load() == 0);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM login_attempts WHERE account = 'admin'") == std::to_string(kAccountLimit));
    // The account is locked now, even for the right password.
    BOOST_TEST(server.login_attempt("admin", "demo12345", "127.0.10.1").status == 429);
}

BOOST_AUTO_TEST_CASE(made_up_names_from_one_address_never_block_a_real_accounts_correct_login) {
    TestServer server;
    const std::string attacker = "127.0.4.1";
    for (int i = 0; i < kSourceLimit; ++i)
        BOOST_TEST(server.login_attempt("tidak-ada-" + std::to_string(i), "tebak-tebak", attacker).status == 401);
    // Past the per-source limit, made-up names are refused without hashing, and say when to return.
    auto refused = server.login_attempt("tidak-ada-lagi", "tebak-tebak", attacker);
    BOOST_TEST(refused.status == 429);
    BOOST_TEST(has_valid_retry_after(refused));
    BOOST_TEST(refused.json()["error"]["code"] == "rate_limited");
    // A wrong password for a real account answers the same (the limit reveals no account names)…
    BOOST_TEST(server.login_attempt("finance", "salah-sandi", attacker).status == 429);
    // …but the right one works, for staff and customers, from that very address.
    BOOST_TEST(server.login_attempt("superadmin", "demo12345", attacker).status == 200);
    BOOST_TEST(server.login_attempt("CUST001", "demo12345", attacker).status == 200);
    BOOST_TEST(server.login_attempt("finance", "demo12345", attacker).status == 200);
    // No real account gathered a failure from the made-up names.
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM login_attempts WHERE known = 1 AND success = 0") == "0");
}

BOOST_AUTO_TEST_CASE(every_429_carries_retry_after_and_the_lock_lifts_when_it_says) {
    TestServer server;
    for (int i = 1; i <= kAccountLimit; ++i) {
        BOOST_TEST(server.login_attempt("technician", "salah", "127.0.11." + std::to_string(i)).status == 401);
        server.clock().advance(60);
    }
    auto locked = server.login_attempt("technician", "demo12345", "127.0.11.9");
    BOOST_TEST_REQUIRE(locked.status == 429);
    BOOST_TEST_REQUIRE(has_valid_retry_after(locked));
    const long long wait = std::atoll(locked.headers.at("retry-after").c_str());
    // The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
    BOOST_TEST(wait == auth::kLoginWindowSeconds - kAccountLimit * 60);
    BOOST_TEST(locked.json()["error"]["retry_after_seconds"] == wait);
    server.clock().advance(wait - 1);
    BOOST_TEST(server.login_attempt("technician", "demo12345", "127.0.11.9").status == 429);
    server.clock().advance(1);
    BOOST_TEST(server.login_attempt("technician", "demo12345", "127.0.11.9").status == 200);
}

BOOST_AUTO_TEST_CASE(a_stranger_who_knows_the_name_cannot_lock_the_owner_out_where_the_owner_signs_in) {
    // Every ISP has an "admin". A stranger who knows the name and spends the account's failures
    // must not keep its owner out: where the owner signed in lately, the owner's own failures are
    // the only ones counted. Strangers still get no more guesses than before.
    TestServer server;
    const std::string owner = "127.0.20.1", stranger = "127.0.21.";
    BOOST_TEST_REQUIRE(server.login_attempt("technician", "demo12345", owner).status == 200);
    server.clock().advance(3600);
    for (int i = 1; i <= kAccountLimit; ++i) BOOST_TEST(server.login_attempt("technician", "tebakan", stranger + std::to_string(i)).status == 401);
    // Strangers, and the owner somewhere new, are held at the limit as before…
    BOOST_TEST(server.login_attempt("technician", "tebakan-lagi", stranger + "99").status == 429);
    BOOST_TEST(server.login_attempt("technician", "demo12345", "127.0.22.1").status == 429);
    // …but at the owner's address the owner signs in, which forgives the owner's typos there only:
    // the stranger gets no fresh set of guesses from it.
    BOOST_TEST(server.login_attempt("technician", "demo12345", owner).status == 200);
    BOOST_TEST(server.login_attempt("technician", "tebakan-lagi", stranger + "98").status == 429);

    // The owner's address has the same limit of its own: its own failures still lock it.
    for (int i = 1; i <= kAccountLimit; ++i) BOOST_TEST(server.login_attempt("technician", "salah-ketik", owner).status == 401);
    BOOST_TEST(server.login_attempt("technician", "demo12345", owner).status == 429);

    // An address is known only after a complete sign-in: a right password from a new address while
    // the account is held does not make it known (it is refused before the password is checked).
    server.clock().advance(auth::kLoginWindowSeconds);
    for (int i = 1; i <= kAccountLimit; ++i) BOOST_TEST(server.login_attempt("technician", "tebakan", stranger + std::to_string(i)).status == 401);
    BOOST_TEST(server.login_attempt("technician", "demo12345", "127.0.22.2").status == 429);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM api_tokens WHERE client_ip = '127.0.22.2'") == "0");

    // Thirty days after its last sign-in the address is a stranger's again.
    server.clock().advance(auth::kKnownSourceSeconds);
    for (int i = 1; i <= kAccountLimit; ++i) BOOST_TEST(server.login_attempt("technician", "tebakan", stranger + std::to_string(i)).status == 401);
    BOOST_TEST(server.login_attempt("technician", "demo12345", owner).status == 429);
}

BOOST_AUTO_TEST_CASE(x_forwarded_for_is_ignored_from_untrusted_peers) {
    TestServer server;
    auto reply = login_via(server, "admin", "demo12345", "127.0.12.1", "203.0.113.7");
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(client_ip_of_session(server, reply.json()["token"].get<std::string>()) == "127.0.12.1");
    // Rotating a forged header does not escape the per-source limit either.
    for (int i = 0; i < kSourceLimit; ++i)
        BOOST_TEST(login_via(server, "hantu-" + std::to_string(i), "x-x-x-x-x", "127.0.12.2", "198.51.100." + std::to_string(i)).status == 401);
    BOOST_TEST(login_via(server, "hantu-lagi", "x-x-x-x-x", "127.0.12.2", "198.51.100.250").status == 429);
}

BOOST_AUTO_TEST_CASE(x_forwarded_for_from_a_trusted_proxy_names_the_client) {
    TestServer server;
    const std::string superadmin = server.login("superadmin");
    BOOST_TEST(server.put("/api/settings", R"({"trusted_proxies":"not-an-ip"})", superadmin).status == 422);
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"trusted_proxies":"127.0.13.0/24, ::1"})", superadmin).status == 200);

    // The right-most address our proxies did not add is the client; what the client wrote to the left is not believed.
    auto reply = login_via(server, "admin", "demo12345", "127.0.13.1", "6.6.6.6, 203.0.113.9, 127.0.13.2");
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(client_ip_of_session(server, reply.json()["token"].get<std::string>()) == "203.0.113.9");

    // Behind the proxy, one client's made-up names limit that client only.
    for (int i = 0; i <= kSourceLimit; ++i) login_via(server, "hantu-" + std::to_string(i), "x-x-x-x-x", "127.0.13.1", "203.0.113.66");
    BOOST_TEST(login_via(server, "hantu-lagi", "x-x-x-x-x", "127.0.13.1", "203.0.113.66").status == 429);
    BOOST_TEST(login_via(server, "hantu-lagi", "x-x-x-x-x", "127.0.13.1", "203.0.113.67").status == 401);
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM login_attempts WHERE ip = '127.0.13.1'") == "0");
}

// Service numbers are guessable (CUST001, CUST002, …). Five wrong guesses hold an account for
// strangers, so one address going down the list would keep every customer out of the portal from
// wherever they had not signed in before, and make the server hash one password per guess. Once
// one address has failures against kMaxAccountsFailedPerSource accounts, every other account is
// refused to it without the password being verified or anything charged to that account.
BOOST_AUTO_TEST_CASE(one_address_cannot_lock_out_account_after_account) {
    TestServer server;
    const std::string sprayer = "127.0.30.1";
    constexpr int kAccounts = auth::kMaxAccountsFailedPerSource;
    // A customer who signed in from this very address lately (a neighbour behind the same NAT).
    BOOST_TEST_REQUIRE(server.login_attempt("CUST020", "demo12345", sprayer).status == 200);
    server.clock().advance(60);
    auto number = [](int n) { return std::string(n < 10 ? "CUST00" : "CUST0") + std::to_string(n); };
    for (int n = 1; n <= kAccounts; ++n) {
        BOOST_TEST(server.login_attempt(number(n), "tebak-tebak", sprayer).status == 401, number(n));
        server.clock().advance(1);
    }
    const std::string charged = server.scalar("SELECT COUNT(*) FROM login_attempts WHERE known = 1 AND success = 0");
    BOOST_TEST(charged == std::to_string(kAccounts));
    // The next account, wrong or even right password: 429, nothing verified, nothing charged to it.
    for (const char* password : {"tebak-tebak", "demo12345"}) {
        auto refused = server.login_attempt(number(kAccounts + 1), password, sprayer);
        BOOST_TEST(refused.status == 429, refused.body);
        BOOST_TEST(has_valid_retry_after(refused));
    }
    BOOST_TEST(server.scalar("SELECT COUNT(*) FROM login_attempts WHERE account = '" + server.scalar("SELECT lower('" + number(kAccounts + 1) + "')") +
                             "'") == "0");
    // The accounts already tried still have their own limit (not more), and nobody else is held:
    BOOST_TEST(server.login_attempt(number(1), "tebak-lagi", sprayer).status == 401);
    BOOST_TEST(server.login_attempt(number(kAccounts + 1), "demo12345", "127.0.31.1").status == 200);  // the owner elsewhere
    BOOST_TEST(server.login_attempt("CUST020", "demo12345", sprayer).status == 200);  // who signed in here before
    // The limit lifts when Retry-After says: the first account's last failure leaves the window.
    auto refused = server.login_attempt(number(kAccounts + 2), "demo12345", sprayer);
    BOOST_TEST_REQUIRE(refused.status == 429);
    const long long wait = std::atoll(refused.headers.at("retry-after").c_str());
    server.clock().advance(wait - 1);
    BOOST_TEST(server.login_attempt(number(kAccounts + 2), "demo12345", sprayer).status == 429);
    server.clock().advance(1);
    BOOST_TEST(server.login_attempt(number(kAccounts + 2), "demo12345", sprayer).status == 200);
}

// A subscriber is given a whole IPv6 /64 and can take a new address for every request: IPv6
// clients count by their /64 in the login limiter and in every per-address public limit.
BOOST_AUTO_TEST_CASE(an_ipv6_client_is_one_source_for_its_whole_64) {
    BOOST_TEST(http::limit_source("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64");
    BOOST_TEST(http::limit_source("[2001:db8:1:2::1]") == "2001:db8:1:2::/64");
    BOOST_TEST(http::limit_source("2001:db8:1:3::1") == "2001:db8:1:3::/64");
    BOOST_TEST(http::limit_source("::ffff:203.0.113.5") == "203.0.113.5");
    BOOST_TEST(http::limit_source("203.0.113.5") == "203.0.113.5");
    BOOST_TEST(http::limit_source("bukan-alamat") == "bukan-alamat");

    TestServer server;
    const std::string superadmin = server.login("superadmin");
    BOOST_TEST_REQUIRE(server.put("/api/settings", R"({"trusted_proxies":"127.0.32.1"})", superadmin).status == 200);
    auto from = [&](int host, const std::string& name) {
        return login_via(server, name, "x-x-x-x-x", "127.0.32.1", "2001:db8:77:1:" + std::to_string(1000 + host) + "::1");
    };
    for (int i = 0; i < kSourceLimit; ++i) BOOST_TEST(from(i, "hantu-" + std::to_string(i)).status == 401);
    BOOST_TEST(from(kSourceLimit + 7, "hantu-lagi").status == 429);  // another address of the same /64
    BOOST_TEST(login_via(server, "hantu-lagi", "x-x-x-x-x", "127.0.32.1", "2001:db8:77:2::1").status == 401);  // the next /64
    // The public limits count the same way: the bill check's per-minute limit runs dry for the /64.
    int limited = 0;
    for (int i = 0; i < 200 && limited == 0; ++i) {
        std::map<std::string, std::string> headers{{"Content-Type", "application/json"},
                                                   {"X-Forwarded-For", "2001:db8:77:1:" + std::to_string(i) + "::9"}};
        auto reply = testing::http_request("POST", server.url("/billing/check"), R"({"nomor_layanan":"CUST001"})", headers, "127.0.32.1");
        if (reply.status == 429) ++limited;
    }
    BOOST_TEST(limited == 1);
}

BOOST_AUTO_TEST_CASE(client_address_rules) {
    auto proxies = http::parse_trusted_proxies("10.0.0.0/8 192.168.1.1, fd00::/8");
    BOOST_TEST_REQUIRE(proxies.ok());
    BOOST_TEST(http::client_address("10.1.2.3", "1.2.3.4", *proxies) == "1.2.3.4");
    BOOST_TEST(http::client_address("10.1.2.3", "1.2.3.4, 10.9.9.9", *proxies) == "1.2.3.4");
    BOOST_TEST(http::client_address("10.1.2.3", "10.9.9.9, 10.8.8.8", *proxies) == "10.9.9.9");
    BOOST_TEST(http::client_address("10.1.2.3", "garbage, 1.2.3.4", *proxies) == "1.2.3.4");
    BOOST_TEST(http::client_address("10.1.2.3", "1.2.3.4, garbage", *proxies) == "10.1.2.3");
    BOOST_TEST(http::client_address("11.1.2.3", "1.2.3.4", *proxies) == "11.1.2.3");
    BOOST_TEST(http::client_address("fd12::1", "2001:db8::5", *proxies) == "2001:db8::5");
    BOOST_TEST(http::client_address("192.168.1.2", "1.2.3.4", *proxies) == "192.168.1.2");
    BOOST_TEST(http::client_address("::ffff:10.0.0.1", "1.2.3.4", *proxies) == "1.2.3.4");
    BOOST_TEST(!http::parse_trusted_proxies("10.0.0.0/33").ok());
    BOOST_TEST(!http::parse_trusted_proxies("10.0.0.0/").ok());
    BOOST_TEST(!http::parse_trusted_proxies("example.com").ok());
    BOOST_TEST(http::parse_trusted_proxies("").ok());
}

BOOST_AUTO_TEST_SUITE_END()
