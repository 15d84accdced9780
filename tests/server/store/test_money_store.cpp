// The payments store (store/gateway_store.hpp, store/payment_lookups.hpp) on its own: the time it
// writes is the Clock's, passed in, never the database's 'now'; the callback log's pruning keeps
// the newest rows of the outcomes it is given and nothing else.
#include <boost/test/unit_test.hpp>

#include "store/gateway_store.hpp"
#include "store/payment_lookups.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

std::int64_t count(store::Database& db, const std::string& outcome) {
    auto statement = db.prepare("SELECT COUNT(*) FROM gateway_callbacks WHERE outcome = ?");
    BOOST_TEST_REQUIRE(statement.ok());
    statement->bind(1, outcome);
    BOOST_TEST_REQUIRE(statement->step().value());
    return statement->column_int(0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(money_store)

BOOST_AUTO_TEST_CASE(a_restored_customer_is_stamped_with_the_time_it_is_given) {
    TestServer server;
    auto lease = server.app().database();
    store::Database& db = **lease;
    auto first = db.prepare("SELECT id FROM customers ORDER BY id LIMIT 1");
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST_REQUIRE(first->step().value());
    const std::int64_t customer_id = first->column_int(0);
    BOOST_TEST_REQUIRE(first->run().ok());
    constexpr std::int64_t kAt = 1768444200;  // 2026-01-15 02:30:00 UTC, years away from the wall clock
    BOOST_TEST_REQUIRE(db.transaction([&]() -> Result<void> { return store::reactivate_customer(db, customer_id, kAt); }).ok());
    auto row = db.prepare("SELECT status, updated_at FROM customers WHERE id = ?");
    BOOST_TEST_REQUIRE(row.ok());
    row->bind(1, customer_id);
    BOOST_TEST_REQUIRE(row->step().value());
    BOOST_TEST(row->column_text(0) == "active");
    BOOST_TEST(row->column_text(1) == "2026-01-15T02:30:00Z");
}

BOOST_AUTO_TEST_CASE(pruning_keeps_the_newest_rows_of_the_given_outcomes_only) {
    TestServer server;
    auto lease = server.app().database();
    store::Database& db = **lease;
    std::vector<std::int64_t> rejected;
    BOOST_TEST_REQUIRE(db.transaction([&]() -> Result<void> {
                           for (int i = 0; i < 5; ++i)
                               rejected.push_back(TRY(store::insert_gateway_callback(
                                   db, store::CallbackRecord{"flip", 1000 + i, "127.0.0.1", "text/plain", "x", "rejected", "", ""})));
                           TRY(store::insert_gateway_callback(db, store::CallbackRecord{"flip", 999, "127.0.0.1", "text/plain", "y", "applied", "", ""}));
                           return store::prune_gateway_callbacks(db, {"rejected", "duplicate"}, 2);
                       }).ok());
    BOOST_TEST(count(db, "rejected") == 2);
    BOOST_TEST(count(db, "applied") >= 1);
    auto kept = db.prepare("SELECT id FROM gateway_callbacks WHERE outcome = 'rejected' ORDER BY id");
    BOOST_TEST_REQUIRE(kept.ok());
    std::vector<std::int64_t> ids;
    while (kept->step().value()) ids.push_back(kept->column_int(0));
    BOOST_TEST(ids == (std::vector<std::int64_t>{rejected[3], rejected[4]}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
