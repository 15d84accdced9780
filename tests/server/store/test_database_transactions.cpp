// The transaction rules that keep "database is locked" out of the workers: work woken after a
// commit sees what the commit wrote, and a write can never upgrade a read that is still open on
// its connection (SQLite would fail it at once, without the busy handler, when another connection
// has committed since the read began).
#include <boost/test/unit_test.hpp>

#include "store/database.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

struct Scratch {
    TempDir dir;
    std::unique_ptr<store::Database> db = must_open();
    std::unique_ptr<store::Database> must_open() {
        auto opened = store::Database::open(dir.file("scratch.db"));
        BOOST_TEST_REQUIRE(opened.ok());
        return std::move(*opened);
    }
    Scratch() { BOOST_TEST_REQUIRE(db->execute("CREATE TABLE work(id INTEGER PRIMARY KEY, what TEXT); INSERT INTO work(what) VALUES ('old')").ok()); }
    // What another connection (a worker) sees now.
    std::int64_t rows_seen_elsewhere() {
        auto other = must_open();
        auto count = other->prepare("SELECT COUNT(*) FROM work");
        BOOST_TEST_REQUIRE(count.ok());
        BOOST_TEST_REQUIRE(count->step().value_or(false));
        return count->column_int(0);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(database_transactions)

BOOST_AUTO_TEST_CASE(after_commit_runs_once_the_outermost_transaction_committed_and_sees_its_rows) {
    Scratch scratch;
    std::vector<std::int64_t> seen;
    auto committed = scratch.db->transaction([&]() -> Result<void> {
        TRY_VOID(scratch.db->execute("INSERT INTO work(what) VALUES ('new')"));
        scratch.db->after_commit([&] { seen.push_back(scratch.rows_seen_elsewhere()); });
        // A nested transaction (a service calling a service) joins the outer one: its callback waits too.
        TRY_VOID(scratch.db->transaction([&]() -> Result<void> {
            scratch.db->after_commit([&] { seen.push_back(scratch.rows_seen_elsewhere()); });
            return {};
        }));
        BOOST_TEST(seen.empty());
        return {};
    });
    BOOST_TEST_REQUIRE(committed.ok());
    BOOST_TEST(seen == (std::vector<std::int64_t>{2, 2}), "a worker woken by the callback finds the new row");
}

BOOST_AUTO_TEST_CASE(after_commit_is_dropped_when_the_transaction_rolls_back) {
    Scratch scratch;
    int calls = 0;
    auto failed = scratch.db->transaction([&]() -> Result<void> {
        TRY_VOID(scratch.db->execute("INSERT INTO work(what) VALUES ('new')"));
        scratch.db->after_commit([&] { ++calls; });
        return make_error(ErrorCode::ValidationFailed, "no");
    });
    BOOST_TEST(!failed.ok());
    BOOST_TEST(calls == 0);
    BOOST_TEST(scratch.rows_seen_elsewhere() == 1);
    // The next transaction does not inherit the dropped callback.
    BOOST_TEST_REQUIRE(scratch.db->transaction([&]() -> Result<void> { return scratch.db->execute("INSERT INTO work(what) VALUES ('x')"); }).ok());
    BOOST_TEST(calls == 0);
    scratch.db->after_commit([&] { ++calls; });
    BOOST_TEST(calls == 1, "outside a transaction the callback runs at once");
}

BOOST_AUTO_TEST_CASE(a_write_transaction_is_refused_while_a_read_of_the_same_connection_is_open) {
    Scratch scratch;
    auto reader = scratch.db->prepare("SELECT id FROM work");
    BOOST_TEST_REQUIRE(reader.ok());
    BOOST_TEST_REQUIRE(reader->step().value_or(false));
    // Another connection commits meanwhile: the read's snapshot is now stale. Upgrading it would fail
    // at once with SQLITE_BUSY_SNAPSHOT ("database is locked") without waiting.
    {
        auto other = scratch.must_open();
        BOOST_TEST_REQUIRE(other->execute("INSERT INTO work(what) VALUES ('elsewhere')").ok());
    }
    auto refused = scratch.db->transaction([&]() -> Result<void> { return scratch.db->execute("INSERT INTO work(what) VALUES ('mine')"); });
    BOOST_TEST_REQUIRE(!refused.ok());
    BOOST_TEST(refused.error().message().find("SELECT id FROM work") != std::string::npos, refused.error().message());
    BOOST_TEST(refused.error().message().find("locked") == std::string::npos, refused.error().message());
    // A write outside a transaction would upgrade the read the same way.
    auto autocommit = scratch.db->prepare("INSERT INTO work(what) VALUES ('mine')");
    BOOST_TEST_REQUIRE(autocommit.ok());
    BOOST_TEST(!autocommit->run().ok());
    BOOST_TEST(!scratch.db->execute("UPDATE work SET what = 'mine'").ok());
    BOOST_TEST(scratch.rows_seen_elsewhere() == 2);
    // Once the read is finished the same write waits for the lock like every other and succeeds.
    reader->reset();
    BOOST_TEST(scratch.db->transaction([&]() -> Result<void> { return scratch.db->execute("INSERT INTO work(what) VALUES ('mine')"); }).ok());
    BOOST_TEST(scratch.rows_seen_elsewhere() == 3);
}

BOOST_AUTO_TEST_CASE(reads_inside_a_transaction_may_stay_open_while_it_writes) {
    Scratch scratch;
    auto written = scratch.db->transaction([&]() -> Result<void> {
        auto rows = TRY(scratch.db->prepare("SELECT id FROM work"));
        while (TRY(rows.step())) {
            auto insert = TRY(scratch.db->prepare("INSERT INTO work(what) VALUES ('copy')"));
            TRY_VOID(insert.run());
            if (scratch.db->last_insert_id() > 10) break;
        }
        return {};
    });
    BOOST_TEST(written.ok(), (written ? "" : written.error().message()));
}

BOOST_AUTO_TEST_SUITE_END()
