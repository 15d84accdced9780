// What the database says when a statement fails (its SQL, table and column names, SQLite's text,
// and on PostgreSQL the constraint's DETAIL with the conflicting value, e.g. another customer's
// phone) never reaches the caller: a conflict or a busy database is answered with its code's own
// message and a reference, and the detail goes to the server log under that reference. The
// services' own 409/503 messages (written for people) pass through unchanged.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "http/dispatcher.hpp"
#include "store/database.hpp"

using namespace kimonet;

namespace {

void expect_generic(const http::Response& response, int status, const std::vector<std::string>& secrets) {
    BOOST_TEST(response.status == status);
    for (const auto& secret : secrets) BOOST_TEST(response.body.find(secret) == std::string::npos, secret << " in " << response.body);
    BOOST_TEST(response.headers.count("X-Error-Reference") == 1u);
    const std::string reference = response.headers.at("X-Error-Reference");
    BOOST_TEST(reference.size() == 16u);
    BOOST_TEST(response.body.find(reference) != std::string::npos, response.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_errors)

BOOST_AUTO_TEST_CASE(a_sqlite_constraint_failure_answers_409_without_the_schema) {
    const auto path = std::filesystem::temp_directory_path() / ("kimonet-database-errors-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    {
        auto db = store::Database::open(path.string());
        BOOST_TEST_REQUIRE(db.ok());
        BOOST_TEST_REQUIRE((*db)->execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, phone TEXT UNIQUE)").ok());
        BOOST_TEST_REQUIRE((*db)->execute("INSERT INTO customers(phone) VALUES ('6281234567890')").ok());
        auto again = (*db)->execute("INSERT INTO customers(phone) VALUES ('6281234567890')");
        BOOST_TEST_REQUIRE(!again.ok());
        BOOST_TEST((again.error().code == ErrorCode::Conflict));
        expect_generic(http::error_response(again.error()), 409, {"UNIQUE", "customers", "phone", "INSERT", "6281234567890"});
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

BOOST_AUTO_TEST_CASE(a_postgresql_unique_violation_does_not_leak_the_other_row_s_value) {
    const Error error = store::postgresql_error(
        "23505",
        "ERROR:  duplicate key value violates unique constraint \"customers_phone_key\"\nDETAIL:  Key (phone)=(6281234567890) already exists.",
        "INSERT INTO customers(phone) VALUES ($1)");
    BOOST_TEST((error.code == ErrorCode::Conflict));
    expect_generic(http::error_response(error), 409, {"customers_phone_key", "6281234567890", "DETAIL", "SQLSTATE", "INSERT"});
}

BOOST_AUTO_TEST_CASE(a_busy_database_answers_503_without_the_statement) {
    const Error busy = store::postgresql_error("55P03", "ERROR:  canceling statement due to lock timeout", "SELECT pg_advisory_xact_lock(1)");
    BOOST_TEST((busy.code == ErrorCode::Unavailable));
    expect_generic(http::error_response(busy), 503, {"lock timeout", "pg_advisory", "SQLSTATE", "SELECT"});
}

BOOST_AUTO_TEST_CASE(a_service_s_own_conflict_message_passes_through) {
    const Error mine = make_error(ErrorCode::Conflict, messages::kConflict);
    const http::Response response = http::error_response(mine);
    BOOST_TEST(response.status == 409);
    BOOST_TEST(response.body.find(messages::kConflict) != std::string::npos, response.body);
    BOOST_TEST(response.headers.count("X-Error-Reference") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
