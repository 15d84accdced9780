// The auth domain's store functions (store/account_store, session_store, role_store,
// login_attempt_store, two_factor_store) on a migrated database: the ids they return come from
// `RETURNING id` (portable, unlike last_insert_id), an "add if missing" tells new from existing,
// and stored times come from the Clock, not from the database's own 'now'.
#include <boost/test/unit_test.hpp>

#include <set>

#include "store/account_store.hpp"
#include "store/login_attempt_store.hpp"
#include "store/role_store.hpp"
#include "store/session_store.hpp"
#include "store/two_factor_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Scene {
    TestServer server{false};
    std::unique_ptr<store::Database> db = must_open();
    std::unique_ptr<store::Database> must_open() {
        auto opened = store::Database::open(server.db_path());
        BOOST_TEST_REQUIRE(opened.ok());
        return std::move(*opened);
    }
    // Runs `work` in a write transaction and requires it to succeed.
    void write(const std::function<Result<void>()>& work) { BOOST_TEST_REQUIRE(db->transaction(work).ok()); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(auth_stores, Scene)

BOOST_AUTO_TEST_CASE(a_new_user_gets_the_clock_time_and_the_id_its_row_has) {
    const std::int64_t now = server.clock().now();  // 2026-01-15 09:00 WIB
    std::int64_t id = 0;
    write([&]() -> Result<void> {
        id = TRY(store::insert_user(*db, store::NewUser{"kasir.dua", "Kasir Dua", "hash", true}, now));
        return {};
    });
    auto user = store::find_user(*db, id);
    BOOST_TEST_REQUIRE(user.ok());
    BOOST_TEST_REQUIRE(user->has_value());
    BOOST_TEST((*user)->username == "kasir.dua");
    BOOST_TEST((*user)->created_at == "2026-01-15T02:00:00Z");
    BOOST_TEST((*user)->password_change_required);
    BOOST_TEST((*user)->active);
    BOOST_TEST(server.scalar("SELECT updated_at FROM users WHERE id = " + std::to_string(id)) == "2026-01-15T02:00:00Z");
    BOOST_TEST(store::username_exists(*db, "kasir.dua").value_or(false));
    BOOST_TEST(!store::username_exists(*db, "kasir.tiga").value_or(true));
}

BOOST_AUTO_TEST_CASE(adding_a_role_that_exists_says_so_and_changes_nothing) {
    std::optional<std::int64_t> first, second;
    write([&]() -> Result<void> {
        first = TRY(store::add_role_if_missing(*db, "auditor"));
        second = TRY(store::add_role_if_missing(*db, "auditor"));
        TRY_VOID(store::grant_permission_to_role_name(*db, "auditor", "reports.read"));
        TRY_VOID(store::grant_permission_to_role_name(*db, "auditor", "reports.read"));
        return {};
    });
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST(!second.has_value());
    BOOST_TEST(store::find_role_id(*db, "auditor").value_or(std::nullopt).value_or(0) == *first);
    const auto permissions = store::permissions_of_role_name(*db, "auditor");
    BOOST_TEST_REQUIRE(permissions.ok());
    BOOST_TEST(*permissions == std::vector<std::string>{"reports.read"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_token_row_is_found_by_its_hash_and_revoked_once) {
    const std::int64_t now = server.clock().now();
    std::int64_t first = 0, second = 0;
    write([&]() -> Result<void> {
        first = TRY(store::insert_api_token(*db, store::NewApiToken{"hash-1", "user", 1, now, now + 60, "127.0.0.1", "curl"}));
        second = TRY(store::insert_api_token(*db, store::NewApiToken{"hash-2", "user", 1, now, now + 60, "127.0.0.1", {}}));
        return {};
    });
    BOOST_TEST(second > first);
    auto found = store::find_api_token(*db, "hash-2");
    BOOST_TEST_REQUIRE(found.ok());
    BOOST_TEST_REQUIRE(found->has_value());
    BOOST_TEST((*found)->id == second);
    BOOST_TEST(!(*found)->revoked);
    bool revoked = false, again = true;
    write([&]() -> Result<void> {
        TRY_VOID(store::revoke_subject_tokens(*db, "user", 1, first, now));  // keeps the first
        revoked = TRY(store::revoke_live_subject_token(*db, first, "user", 1, now));
        again = TRY(store::revoke_live_subject_token(*db, first, "user", 1, now));
        return {};
    });
    BOOST_TEST(revoked);
    BOOST_TEST(!again);
    BOOST_TEST(store::find_api_token(*db, "hash-2").value()->revoked);
    BOOST_TEST(store::list_live_subject_tokens(*db, "user", 1, now).value().empty());
}

BOOST_AUTO_TEST_CASE(login_failures_are_counted_per_key_and_read_oldest_first) {
    write([&]() -> Result<void> {
        std::vector<std::int64_t> ids;
        for (std::int64_t at : {300, 100, 200}) ids.push_back(TRY(store::insert_login_failure(*db, at, "admin", "127.0.0.9", true)));
        ids.push_back(TRY(store::insert_login_failure(*db, 150, "nobody", "127.0.0.9", false)));
        BOOST_TEST(std::set<std::int64_t>(ids.begin(), ids.end()).size() == 4u);
        return {};
    });
    const store::LoginFailureQuery account{store::LoginAttemptKey::Account, "admin", true, 100};
    BOOST_TEST(store::count_login_failures(*db, account).value() == 2);  // strictly after 100
    BOOST_TEST(store::login_failure_time(*db, account, 0).value().value_or(0) == 200);
    BOOST_TEST(!store::login_failure_time(*db, account, 2).value().has_value());
    const store::LoginFailureQuery source{store::LoginAttemptKey::Source, "127.0.0.9", false, 0};
    BOOST_TEST(store::count_login_failures(*db, source).value() == 1);
}

BOOST_AUTO_TEST_CASE(a_pending_second_factor_is_replaced_but_an_enabled_one_is_kept) {
    const std::int64_t now = server.clock().now();
    std::int64_t user = 0;
    write([&]() -> Result<void> {
        user = TRY(store::insert_user(*db, store::NewUser{"operator.dua", "", "hash", false}, now));
        TRY_VOID(store::save_pending_second_factor(*db, user, "sealed-1", now));
        TRY_VOID(store::save_pending_second_factor(*db, user, "sealed-2", now));
        return {};
    });
    BOOST_TEST(store::find_second_factor(*db, user).value()->secret_sealed == "sealed-2");
    BOOST_TEST(!store::two_factor_status_of(*db, user).value().enabled);
    BOOST_TEST(store::two_factor_status_of(*db, user).value().enrolled);
    write([&]() -> Result<void> {
        TRY_VOID(store::enable_second_factor(*db, user, now));
        TRY_VOID(store::replace_recovery_codes(*db, user, {"h1", "h2"}));
        return store::save_pending_second_factor(*db, user, "sealed-3", now);
    });
    BOOST_TEST(store::find_second_factor(*db, user).value()->secret_sealed == "sealed-2");
    const auto status = store::two_factor_status_of(*db, user).value();
    BOOST_TEST(status.enabled);
    BOOST_TEST(status.recovery_codes_left == 2);
    bool used = false, reused = true;
    write([&]() -> Result<void> {
        used = TRY(store::use_recovery_code_hash(*db, user, "h1", now));
        reused = TRY(store::use_recovery_code_hash(*db, user, "h1", now));
        return {};
    });
    BOOST_TEST(used);
    BOOST_TEST(!reused);
    BOOST_TEST(store::two_factor_status_of(*db, user).value().recovery_codes_left == 1);
}

BOOST_AUTO_TEST_SUITE_END()
