// The messaging store's typed calls on a migrated database: time comes from the caller's Clock
// (never the database's own 'now'), one idempotency key is one message, and the outbox hands over
// an interrupted send before a newer due message.
#include <boost/test/unit_test.hpp>

#include "store/migrations.hpp"
#include "store/notification_store.hpp"
#include "store/outbox_store.hpp"
#include "store/settings_store.hpp"
#include "support/test_server_support.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

constexpr std::int64_t kNewYear2026 = 1767225600;  // 2026-01-01T00:00:00Z

struct Migrated {
    TempDir dir;
    std::unique_ptr<store::Database> db;
    Migrated() {
        auto opened = store::Database::open(dir.file("messaging.db"));
        BOOST_TEST_REQUIRE(opened.ok());
        db = std::move(*opened);
        BOOST_TEST_REQUIRE(store::migrate(*db).ok());
    }
    std::string text(const std::string& sql) {
        auto statement = db->prepare(sql);
        BOOST_TEST_REQUIRE(statement.ok());
        BOOST_TEST_REQUIRE(statement->step().value_or(false));
        return statement->column_text(0);
    }
    store::NewNotification message(const std::string& key, const char* message_class) {
        store::NewNotification notification;
        notification.key = key;
        notification.phone = "6281200000001";
        notification.body = "halo";
        notification.message_class = message_class;
        return notification;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(messaging_store)

BOOST_AUTO_TEST_CASE(a_saved_setting_is_stamped_with_the_callers_clock) {
    Migrated fixture;
    BOOST_TEST_REQUIRE(store::save_setting_value(*fixture.db, "company_name", "Net Satu", false, kNewYear2026 + 3661).ok());
    BOOST_TEST(fixture.text("SELECT value FROM settings WHERE key = 'company_name'") == "Net Satu");
    BOOST_TEST(fixture.text("SELECT updated_at FROM settings WHERE key = 'company_name'") == "2026-01-01T01:01:01Z");
    BOOST_TEST_REQUIRE(store::save_setting_value(*fixture.db, "company_name", "Net Dua", false, kNewYear2026 + 86400).ok());
    BOOST_TEST(fixture.text("SELECT updated_at FROM settings WHERE key = 'company_name'") == "2026-01-02T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(one_key_is_one_message_however_often_it_is_queued) {
    Migrated fixture;
    const auto first = store::insert_notification(*fixture.db, fixture.message("k:1", "bulk"), kNewYear2026);
    BOOST_TEST_REQUIRE(first.ok());
    BOOST_TEST_REQUIRE(first->has_value());
    const auto again = store::insert_notification(*fixture.db, fixture.message("k:1", "bulk"), kNewYear2026 + 5);
    BOOST_TEST_REQUIRE(again.ok());
    BOOST_TEST(!again->has_value());
    const auto existing = store::find_notification_by_key(*fixture.db, "k:1");
    BOOST_TEST_REQUIRE(existing.ok());
    BOOST_TEST_REQUIRE(existing->has_value());
    BOOST_TEST((*existing)->id == **first);
    BOOST_TEST((*existing)->status == "queued");
    BOOST_TEST(fixture.text("SELECT COUNT(*) FROM notifications") == "1");
}

BOOST_AUTO_TEST_CASE(an_interrupted_send_goes_before_a_due_message_of_its_class) {
    Migrated fixture;
    const auto older = store::insert_notification(*fixture.db, fixture.message("k:old", "transactional"), kNewYear2026);
    const auto newer = store::insert_notification(*fixture.db, fixture.message("k:new", "transactional"), kNewYear2026 + 1);
    BOOST_TEST_REQUIRE((older.ok() && newer.ok() && older->has_value() && newer->has_value()));
    // The newer one was claimed and its worker died: its lease runs out at +100.
    BOOST_TEST_REQUIRE(store::mark_outbox_sending(*fixture.db, **newer, kNewYear2026 + 100, "mpwa:1", kNewYear2026 + 2).ok());
    const auto before_expiry = store::find_next_outbox_candidate(*fixture.db, "transactional", kNewYear2026 + 99);
    BOOST_TEST_REQUIRE(before_expiry.ok());
    BOOST_TEST_REQUIRE(before_expiry->has_value());
    BOOST_TEST((*before_expiry)->id == **older);
    BOOST_TEST(!(*before_expiry)->expired);
    const auto after_expiry = store::find_next_outbox_candidate(*fixture.db, "transactional", kNewYear2026 + 100);
    BOOST_TEST_REQUIRE(after_expiry.ok());
    BOOST_TEST_REQUIRE(after_expiry->has_value());
    BOOST_TEST((*after_expiry)->id == **newer);
    BOOST_TEST((*after_expiry)->expired);
    BOOST_TEST((*after_expiry)->attempts == 1);
    // Bulk sees neither; the earliest transactional work is the older message's due time.
    const auto bulk = store::find_next_outbox_candidate(*fixture.db, "bulk", kNewYear2026 + 100);
    BOOST_TEST_REQUIRE(bulk.ok());
    BOOST_TEST(!bulk->has_value());
    const auto earliest = store::earliest_outbox_work(*fixture.db, "transactional");
    BOOST_TEST_REQUIRE(earliest.ok());
    BOOST_TEST(earliest->value_or(0) == kNewYear2026);
}

BOOST_AUTO_TEST_SUITE_END()
