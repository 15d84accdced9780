// Statements mean the same on both engines: SQLite's placeholders, the bound value's type, NULLs,
// blobs, large and unicode text, the per-connection statement cache, constraint errors as
// Conflict, and scans: a million rows stream without being held in memory, and a scan may run
// other statements on its connection while it iterates.
#include <unistd.h>

#include <fstream>

#include "server/store/engine_fixture.hpp"
#include "store/connection_pool.hpp"
#include "store/postgresql_sql.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

std::string all_bytes() {
    std::string bytes;
    for (int value = 0; value < 256; ++value) bytes.push_back(static_cast<char>(value));
    return bytes;
}

// Resident memory of this process now (not the high-water mark: earlier tests may have set it).
std::int64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * ::sysconf(_SC_PAGESIZE);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_statements)

BOOST_AUTO_TEST_CASE(placeholders_are_numbered_as_sqlite_numbers_them_and_literals_casts_and_comments_are_left_alone) {
    const auto translated = store::translate_placeholders(
        "SELECT '?:x', \"a?\", value::text, ? -- ? :comment\n, :name, :name /* ? :c */, ?, 'it''s ?', ?7");
    BOOST_TEST(translated.sql == "SELECT '?:x', \"a?\", value::text, $1 -- ? :comment\n, $2, $2 /* ? :c */, $3, 'it''s ?', $7");
    BOOST_TEST(translated.parameters == 7);
    BOOST_TEST_REQUIRE(translated.names.size() == 7u);
    BOOST_TEST(translated.names[1] == ":name");
    BOOST_TEST(translated.names[0].empty());
}

BOOST_DATA_TEST_CASE(positional_and_named_parameters_bind_the_same_on_both_engines, engines(), name) {
    EngineScratch scratch(name);
    auto statement = scratch.db->prepare("SELECT :a || ?, ? + :b, :a");
    BOOST_TEST_REQUIRE(statement.ok(), (statement ? "" : statement.error().message()));
    BOOST_TEST(statement->parameter_index(":a") == 1);
    BOOST_TEST(statement->parameter_index(":b") == 4);
    BOOST_TEST(statement->parameter_index(":missing") == 0);
    statement->bind_named(":a", "x").bind(2, "y").bind(3, std::int64_t{40}).bind_named(":b", std::int64_t{2}).bind_named(":missing", 9);
    BOOST_TEST_REQUIRE(statement->step().value_or(false));
    BOOST_TEST(statement->column_text(0) == "xy");
    BOOST_TEST(statement->column_int(1) == 42);
    BOOST_TEST(statement->column_text(2) == "x");
}

BOOST_DATA_TEST_CASE(values_of_every_type_come_back_unchanged, engines(), name) {
    EngineScratch scratch(name);
    scratch.create_items();
    const std::string unicode = "Pelanggan Ñoño — 日本語 🚀 Rp 1.000";
    const std::string large(1 << 20, 'k');
    const std::string bytes = all_bytes();
    auto insert = scratch.db->prepare("INSERT INTO items(number, real, text, bytes) VALUES (?, ?, ?, ?)");
    BOOST_TEST_REQUIRE(insert.ok());
    struct Row {
        std::optional<std::int64_t> number;
        double real;
        std::string text;
        std::string bytes;
    };
    const std::vector<Row> rows{{INT64_MAX, 0.1, unicode, bytes}, {-999999, 1e300, large, std::string()}, {std::nullopt, -2.5, "", std::string("\0\0", 2)}};
    std::vector<std::int64_t> ids;
    for (const Row& row : rows) {
        insert->bind(1, row.number).bind(2, row.real).bind(3, row.text).bind_blob(4, row.bytes);
        BOOST_TEST_REQUIRE(insert->run().ok());
        BOOST_TEST(scratch.db->changes() == 1);
        ids.push_back(scratch.db->last_insert_id());
        insert->reset();
    }
    BOOST_TEST(ids == (std::vector<std::int64_t>{1, 2, 3}), "last_insert_id is the new row's id");
    auto select = scratch.db->prepare("SELECT number, real, text, bytes, text IS NULL, number IS NULL FROM items WHERE id = ?");
    BOOST_TEST_REQUIRE(select.ok());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        select->bind(1, ids[i]);
        BOOST_TEST_REQUIRE(select->step().value_or(false));
        BOOST_TEST((select->column_optional_int(0) == rows[i].number));
        BOOST_TEST(select->column_double(1) == rows[i].real);
        BOOST_TEST(select->column_text(2) == rows[i].text);
        BOOST_TEST(select->column_text_view(3) == rows[i].bytes);
        BOOST_TEST(select->column_text(4) == "0", "a comparison reads back as 0/1 on both engines");
        BOOST_TEST(select->column_int(5) == (rows[i].number ? 0 : 1));
        BOOST_TEST(!select->step().value_or(true));
        select->reset();
    }
    auto update = scratch.db->prepare("UPDATE items SET text = ? WHERE id >= ?");
    update->bind(1, std::string()).bind(2, std::int64_t{1});
    BOOST_TEST_REQUIRE(update->run().ok());
    BOOST_TEST(scratch.db->changes() == 3);
    auto nulls = scratch.db->prepare("SELECT text FROM items WHERE number IS NULL");
    BOOST_TEST_REQUIRE(nulls->step().value_or(false));
    BOOST_TEST(!nulls->column_is_null(0));
}

BOOST_DATA_TEST_CASE(null_parameters_limits_and_loose_comparisons_work, engines(), name) {
    EngineScratch scratch(name);
    scratch.create_items();
    EngineScratch::must(scratch.db->execute("INSERT INTO items(number, text) VALUES (5, '5'), (6, '6'), (7, '7')"));
    auto filtered = scratch.db->prepare("SELECT COUNT(*) FROM items WHERE (? IS NULL OR number = ?)");
    BOOST_TEST_REQUIRE(filtered.ok());
    filtered->bind_null(1).bind_null(2);
    BOOST_TEST_REQUIRE(filtered->step().value_or(false));
    BOOST_TEST(filtered->column_int(0) == 3, "NULL filter: every row");
    filtered->reset();
    filtered->bind(1, std::int64_t{6}).bind(2, std::int64_t{6});
    BOOST_TEST_REQUIRE(filtered->step().value_or(false));
    BOOST_TEST(filtered->column_int(0) == 1);
    auto limited = scratch.db->prepare("SELECT number FROM items ORDER BY number LIMIT ? OFFSET ?");
    limited->bind(1, 2).bind(2, 1);
    std::vector<std::int64_t> seen;
    while (limited->step().value_or(false)) seen.push_back(limited->column_int(0));
    BOOST_TEST(seen == (std::vector<std::int64_t>{6, 7}));
    // SQLite compares a bound integer with a text column by its text; PostgreSQL is told to infer.
    auto loose = scratch.db->prepare("SELECT COUNT(*) FROM items WHERE text = ?");
    loose->bind(1, std::int64_t{7});
    BOOST_TEST_REQUIRE(loose->step().value_or(false), "loose comparison prepared");
    BOOST_TEST(loose->column_int(0) == 1);
}

BOOST_DATA_TEST_CASE(the_statement_cache_serves_one_text_with_different_bound_types_and_survives_its_connection, engines(), name) {
    EngineScratch scratch(name);
    scratch.create_items();
    EngineScratch::must(scratch.db->execute("INSERT INTO items(number, text) VALUES (1, 'one'), (NULL, 'none')"));
    for (int round = 0; round < 500; ++round) {
        auto statement = scratch.db->prepare("SELECT COUNT(*) FROM items WHERE number = ? OR text = ?");
        BOOST_TEST_REQUIRE(statement.ok());
        if (round % 2) statement->bind(1, std::int64_t{1}).bind(2, "none");
        else statement->bind_null(1).bind_null(2);
        BOOST_TEST_REQUIRE(statement->step().value_or(false));
        BOOST_TEST_REQUIRE(statement->column_int(0) == (round % 2 ? 2 : 0));
    }
    // A statement that outlives its connection is released without touching it.
    auto survivor = scratch.db->prepare("SELECT 1");
    BOOST_TEST_REQUIRE(survivor.ok());
    BOOST_TEST_REQUIRE(survivor->step().value_or(false));
    scratch.db.reset();
}

BOOST_DATA_TEST_CASE(constraint_violations_are_conflicts_and_other_errors_are_internal, engines(), name) {
    EngineScratch scratch(name);
    scratch.create_items();
    EngineScratch::must(scratch.db->execute(per_engine(scratch.engine,
                                                      "CREATE TABLE children(id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES items(id))",
                                                      "CREATE TABLE children(id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL REFERENCES items(id))")));
    EngineScratch::must(scratch.db->execute("INSERT INTO items(code) VALUES ('A')"));
    const auto code_of = [&](const std::string& sql) {
        auto statement = scratch.db->prepare(sql);
        if (!statement) return statement.error().code;
        auto ran = statement->run();
        return ran ? ErrorCode::BadRequest : ran.error().code;  // BadRequest = "it succeeded" here
    };
    BOOST_TEST((code_of("INSERT INTO items(code) VALUES ('A')") == ErrorCode::Conflict), "unique");
    BOOST_TEST((code_of("INSERT INTO children(id, item_id) VALUES (1, 99)") == ErrorCode::Conflict), "foreign key");
    BOOST_TEST((code_of("INSERT INTO items(number) VALUES (-5000000)") == ErrorCode::Conflict), "check");
    BOOST_TEST((code_of("INSERT INTO children(id, item_id) VALUES (2, NULL)") == ErrorCode::Conflict), "not null");
    BOOST_TEST((code_of("SELEKT nothing") == ErrorCode::Internal), "syntax");
    BOOST_TEST((code_of("INSERT INTO children(id, item_id) VALUES (3, 1)") == ErrorCode::BadRequest), "the connection still works");
}

BOOST_AUTO_TEST_CASE(a_lost_postgresql_connection_is_unavailable_and_marked_broken) {
    EngineScratch scratch("postgresql");
    auto pid = scratch.scalar_int("SELECT pg_backend_pid()");
    auto other = scratch.database.open();
    EngineScratch::must(other->execute("SELECT pg_terminate_backend(" + std::to_string(pid) + ")"));
    auto statement = scratch.db->prepare("SELECT 1");
    BOOST_TEST_REQUIRE(statement.ok());
    auto row = statement->step();
    BOOST_TEST_REQUIRE(!row.ok());
    BOOST_TEST((row.error().code == ErrorCode::Unavailable), row.error().message());
    BOOST_TEST(scratch.db->broken(), "the pool closes it instead of handing it out again");
}

BOOST_DATA_TEST_CASE(the_pool_opens_either_engine_and_replaces_a_lost_connection, engines(), name) {
    EngineScratch scratch(name);
    auto pool = store::ConnectionPool::open(scratch.database.url(), 1);
    BOOST_TEST_REQUIRE(pool.ok(), (pool ? "" : pool.error().message()));
    const auto backend = [&](store::Database& db) {
        auto statement = db.prepare(per_engine(scratch.engine, "SELECT 42", "SELECT pg_backend_pid()"));
        auto row = statement->step();
        return row && *row ? statement->column_int(0) : std::int64_t{-1};
    };
    std::int64_t first = 0;
    {
        auto lease = (*pool)->acquire();
        BOOST_TEST_REQUIRE(lease.ok());
        first = backend(**lease);
        BOOST_TEST_REQUIRE(first > 0);
        if (scratch.engine == store::Engine::Postgresql) {
            // The server ends this connection (a restart, a failover): the next statement says so.
            EngineScratch::must(scratch.db->execute("SELECT pg_terminate_backend(" + std::to_string(first) + ")"));
            auto statement = (*lease)->prepare("SELECT 1");
            auto row = statement->step();
            BOOST_TEST_REQUIRE(!row.ok());
            BOOST_TEST((row.error().code == ErrorCode::Unavailable), row.error().message());
        }
    }
    // The lease went back; the pool (of one) hands out a working connection.
    auto again = (*pool)->acquire();
    BOOST_TEST_REQUIRE(again.ok(), (again ? "" : again.error().message()));
    const std::int64_t second = backend(**again);
    BOOST_TEST(second > 0);
    if (scratch.engine == store::Engine::Postgresql) BOOST_TEST(second != first, "a new connection, not the dead one");
}

BOOST_DATA_TEST_CASE(a_million_row_scan_streams_without_holding_its_rows, engines(), name) {
    EngineScratch scratch(name);
    // 1,000,000 rows of 200 bytes: ~200 MB of text if they were all held at once.
    auto scan = scratch.db->prepare(per_engine(scratch.engine,
                                               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
                                               "SELECT i, substr(hex(zeroblob(100)), 1, 200) FROM n",
                                               "SELECT i, repeat('x', 200) FROM generate_series(1, 1000000) AS i"));
    BOOST_TEST_REQUIRE(scan.ok());
    const std::int64_t before = resident_bytes();
    std::int64_t rows = 0, sum = 0, grown = 0;
    while (scan->step().value_or(false)) {
        ++rows;
        sum += scan->column_int(0);
        BOOST_TEST_REQUIRE(scan->column_text_view(1).size() == 200u);
        if (rows % 100000 == 0) grown = std::max(grown, resident_bytes() - before);
    }
    BOOST_TEST(rows == 1000000);
    BOOST_TEST(sum == std::int64_t{500000500000});
    // (64 MB leaves room for a sanitizer's quarantine; holding the rows would take hundreds of MB.)
    BOOST_TEST(grown < std::int64_t{64} << 20, "resident memory grew by " << (grown >> 20) << " MB during the scan");
}

BOOST_DATA_TEST_CASE(a_scan_may_run_other_statements_on_its_connection_while_it_iterates, engines(), name) {
    EngineScratch scratch(name);
    scratch.create_items();
    EngineScratch::must(scratch.db->transaction([&]() -> Result<void> {
        for (int i = 1; i <= 300; ++i) {
            auto insert = TRY(scratch.db->prepare("INSERT INTO items(number) VALUES (?)"));
            insert.bind(1, i);
            TRY_VOID(insert.run());
        }
        return {};
    }));
    std::int64_t visited = 0;
    EngineScratch::must(scratch.db->transaction([&]() -> Result<void> {
        auto scan = TRY(scratch.db->prepare("SELECT id, number FROM items ORDER BY id"));
        while (TRY(scan.step())) {
            ++visited;
            const std::int64_t id = scan.column_int(0);
            const std::int64_t number = scan.column_int(1);
            auto update = TRY(scratch.db->prepare("UPDATE items SET number = ? WHERE id = ?"));
            update.bind(1, number * 10).bind(2, id);
            TRY_VOID(update.run());
            // The row the scan stands on stays readable after the other statement ran.
            BOOST_TEST_REQUIRE(scan.column_int(0) == id);
        }
        return {};
    }));
    BOOST_TEST(visited == 300);
    BOOST_TEST(scratch.scalar_int("SELECT SUM(number) FROM items") == 451500);
}

BOOST_AUTO_TEST_SUITE_END()
