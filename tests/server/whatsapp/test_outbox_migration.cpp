// Migration 0021 rebuilds the notifications table (a wider status CHECK, the message class, the
// invoice): a database with history from before it keeps every message, attempt and conversation
// link, and the messages already queued get the class and invoice they would get today.
#include <boost/test/unit_test.hpp>

#include "services/notification_service.hpp"
#include "store/migrations.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;

namespace {

std::string scalar(store::Database& db, const std::string& sql) {
    auto statement = db.prepare(sql);
    BOOST_TEST_REQUIRE(statement.ok(), (statement ? "" : statement.error().message()));
    auto row = statement->step();
    BOOST_TEST_REQUIRE(row.ok());
    BOOST_TEST_REQUIRE(*row, sql);
    return statement->column_is_null(0) ? "NULL" : statement->column_text(0);
}

void run(store::Database& db, const std::string& sql) {
    auto done = db.execute(sql);
    BOOST_TEST_REQUIRE(done.ok(), (done ? "" : done.error().message()) << " in " << sql);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox_migration)

BOOST_AUTO_TEST_CASE(messages_attempts_and_conversation_links_survive_and_get_their_class_and_invoice) {
    testing::TempDir directory;
    auto opened = store::Database::open(directory.file("old.db"));
    BOOST_TEST_REQUIRE(opened.ok());
    store::Database& db = **opened;
    // The schema as a build before migration 0021 left it.
    run(db, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '')");
    for (const auto& migration : store::embedded_migrations())
        if (migration.version < 21)
            run(db, std::string(migration.sql) + "; INSERT INTO schema_migrations(version, name) VALUES (" + std::to_string(migration.version) +
                        ", '" + migration.name + "')");
    run(db,
        "INSERT INTO internet_packages(id, name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES (1, 'Home', 10000, 10000, 150000, 'home');"
        "INSERT INTO customers(id, service_number, name, phone, package_id, join_date) VALUES (1, 'CUST001', 'Budi', '6281234567890', 1, '2025-01-01');"
        "INSERT INTO invoices(id, invoice_no, customer_id, period, kind, sequence, issue_date, due_date, subtotal, tax, total, status, created_at) "
        "VALUES (7, 'INV-202601-00007', 1, '2026-01', 'monthly', 7, '2026-01-01', '2026-01-10', 150000, 0, 150000, 'unpaid', 1), "
        "(8, 'INV-202601-00008', 1, '2026-01', 'manual', 8, '2026-01-01', '2026-01-10', 150000, 0, 150000, 'unpaid', 1);"
        "INSERT INTO notifications(id, idempotency_key, customer_id, phone, template, body, priority, status, attempts, next_attempt_at, created_at, "
        "updated_at, sent_at) VALUES "
        "(1, 'payment:3', 1, '6281234567890', 'payment_confirmation', 'terima kasih', 0, 'sent', 1, 1, 1, 1, 2), "
        "(2, 'bot:fonnte:abc', 1, '6281234567890', 'bot_menu', 'menu', 1, 'queued', 0, 1, 1, 1, NULL), "
        "(3, 'invoice_new:7', 1, '6281234567890', 'invoice_new', 'tagihan baru', 0, 'queued', 0, 1, 1, 1, NULL), "
        "(4, 'dunning:8:1', 1, '6281234567890', 'reminder', 'pengingat', 0, 'queued', 0, 1, 1, 1, NULL), "
        "(5, 'network:service_restored:1:4', 1, '6281234567890', 'service_restored', 'aktif', 0, 'queued', 0, 1, 1, 1, NULL), "
        "(6, 'broadcast:1:1', 1, '6281234567890', 'broadcast', 'info', 0, 'failed', 8, 1, 1, 1, NULL);"
        "INSERT INTO notification_attempts(notification_id, at, gateway, outcome, detail) VALUES (1, 2, 'fonnte:1', 'sent', 'm-1'), "
        "(6, 3, 'fonnte:1', 'failed', 'invalid number');"
        "INSERT INTO whatsapp_conversations(id, at, direction, driver, phone, customer_id, message, notification_id) VALUES "
        "(1, 1, 'in', 'fonnte', '6281234567890', 1, 'menu', NULL), (2, 1, 'out', 'fonnte', '6281234567890', 1, 'menu', 2);"
        "INSERT INTO dunning_actions(invoice_id, step_id, customer_id, action, step_date, status, notification_id, at) "
        "VALUES (8, (SELECT MIN(id) FROM dunning_steps), 1, 'remind', '2026-01-07', 'done', 4, 1);"
        "INSERT INTO messenger_state(gateway, last_attempt_at) VALUES ('fonnte:1', 2);");

    auto applied = store::migrate(db);
    BOOST_TEST_REQUIRE(applied.ok(), (applied ? "" : applied.error().message()));
    BOOST_TEST(*applied >= 1);

    BOOST_TEST(scalar(db, "SELECT group_concat(id || ':' || message_class || ':' || COALESCE(invoice_id, '-') || ':' || status, ' ') "
                          "FROM (SELECT * FROM notifications ORDER BY id)") ==
               "1:transactional:-:sent 2:transactional:-:queued 3:bulk:7:queued 4:bulk:8:queued 5:transactional:-:queued 6:bulk:-:failed");
    BOOST_TEST(scalar(db, "SELECT group_concat(notification_id || ':' || outcome, ' ') FROM (SELECT * FROM notification_attempts ORDER BY id)") ==
               "1:sent 6:failed");
    BOOST_TEST(scalar(db, "SELECT notification_id FROM whatsapp_conversations WHERE id = 2") == "2");
    BOOST_TEST(scalar(db, "SELECT transactional_streak FROM messenger_state") == "0");
    // The new statuses and outcomes are accepted; the old ones still are; nonsense is not.
    run(db, "UPDATE notifications SET status = 'cancelled' WHERE id = 4;"
            "INSERT INTO notification_attempts(notification_id, at, gateway, outcome, detail) VALUES (4, 5, 'fonnte:1', 'cancelled', 'paid')");
    BOOST_TEST(!db.execute("UPDATE notifications SET status = 'lost' WHERE id = 3").ok());
    BOOST_TEST(!db.execute("UPDATE notifications SET message_class = 'urgent' WHERE id = 3").ok());
    // The claim's index is in place, and the foreign keys still hold. (notifications_created, made
    // here too, is gone again since 0052: no query reads it.)
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('notifications_due', 'notifications_customer', "
                          "'notification_attempts_notification')") == "3");
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM pragma_foreign_key_check") == "0");
    run(db, "DELETE FROM notifications WHERE id = 6");
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM notification_attempts WHERE notification_id = 6") == "0");
}

// The service validates a status filter against kNotificationStatuses; the table's CHECK must list
// exactly the same statuses, or a filter would accept a status no row can have (or refuse one).
BOOST_AUTO_TEST_CASE(the_table_check_lists_exactly_the_statuses_the_service_knows) {
    testing::TempDir directory;
    auto opened = store::Database::open(directory.file("new.db"));
    BOOST_TEST_REQUIRE(opened.ok());
    store::Database& db = **opened;
    auto migrated = store::migrate(db);
    BOOST_TEST_REQUIRE(migrated.ok());
    const std::string table = scalar(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notifications'");
    const std::string marker = "status IN (";
    const auto start = table.find(marker);
    BOOST_TEST_REQUIRE(start != std::string::npos);
    const auto end = table.find(')', start);
    std::string expected;
    for (const auto status : services::kNotificationStatuses) expected += (expected.empty() ? "'" : ",'") + std::string(status) + "'";
    BOOST_TEST(table.substr(start + marker.size(), end - start - marker.size()) == expected);
}

BOOST_AUTO_TEST_SUITE_END()
