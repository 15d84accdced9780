// The reads a gateway callback saves (issue 17), on both engines: what is read ahead is answered
// only where it is exact, and forgotten when it could stop being so; the one-statement writes
// PostgreSQL uses store the same rows as the plain ones.
#include "server/store/engine_fixture.hpp"
#include "store/callback_apply_store.hpp"
#include "store/invoice_store.hpp"
#include "store/messaging_lookups.hpp"
#include "store/payment_lookups.hpp"
#include "store/settings_store.hpp"
#include "store/transaction_memo.hpp"

using namespace kimonet;
using namespace kimonet::testing;

namespace {

void save(store::Database& db, const std::string& key, const std::string& value) {
    EngineScratch::must(db.transaction([&]() -> Result<void> { return store::save_setting_value(db, key, value, false, 0); }));
}

// The stored value, "(none)" when the key has no row.
std::string read(store::Database& db, const std::string& key) {
    auto value = store::find_setting_value(db, key);
    BOOST_TEST_REQUIRE(value.ok());
    return value->value_or("(none)");
}

std::int64_t add_customer(EngineScratch& scratch, const std::string& status) {
    EngineScratch::must(scratch.db->execute(
        "INSERT INTO internet_packages(name, download_kbps, upload_kbps, price, mikrotik_profile) VALUES ('Home 30', 30000, 15000, 300000, '30M')"));
    EngineScratch::must(scratch.db->execute("INSERT INTO customers(service_number, name, phone, package_id, status, join_date) "
                                            "VALUES ('C1', 'Budi', '6281200000001', 1, '" + status + "', '2025-06-01')"));
    return scratch.scalar_int("SELECT id FROM customers WHERE service_number = 'C1'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(callback_reads)

BOOST_DATA_TEST_CASE(settings_read_ahead_answers_only_outside_a_transaction_and_forgets_on_a_write, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    save(db, "midtrans_mode", "production");
    auto other = scratch.database.open();
    {
        const store::SettingsReadAhead ahead(db, {"midtrans_mode", "midtrans_base_url"});
        save(*other, "midtrans_mode", "sandbox");  // another server changes it after the read-ahead
        // What verifying would have read had it asked each key at the start: the read-ahead's value.
        BOOST_TEST(read(db, "midtrans_mode") == "production");
        BOOST_TEST(read(db, "midtrans_base_url") == "(none)");  // no row, known without asking
        // A write transaction never takes it: it reads what is committed.
        EngineScratch::must(db.transaction([&]() -> Result<void> {
            BOOST_TEST(read(db, "midtrans_mode") == "sandbox");
            return success();
        }));
        // A key not read ahead is asked as usual.
        save(*other, "midtrans_api", "snap");
        BOOST_TEST(read(db, "midtrans_api") == "snap");
        // This thread's own write on the connection forgets what was read ahead.
        save(db, "midtrans_base_url", "http://gateway");
        BOOST_TEST(read(db, "midtrans_base_url") == "http://gateway");
        BOOST_TEST(read(db, "midtrans_mode") == "sandbox");
    }
    save(*other, "midtrans_mode", "production");
    BOOST_TEST(read(db, "midtrans_mode") == "production");  // the scope ended
}

// Inside a write transaction a read-ahead fills the transaction memo (one statement for a batch's
// settings): the values it read answer the rest of the transaction, and a later read-ahead of the
// same keys leaves them as they were read first.
BOOST_DATA_TEST_CASE(settings_read_ahead_inside_a_transaction_answers_from_the_memo_until_it_ends, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    save(db, "company_name", "PT Satu");
    save(db, "company_phone", "6281200000001");
    // A prepared UPDATE changes the row without forgetting the memo (save_setting_value and
    // execute() would forget it): what the reads answer then shows where they came from.
    auto change_behind_the_memo = [&](const std::string& key, const std::string& value) -> Result<void> {
        auto update = TRY(db.prepare("UPDATE settings SET value = ? WHERE key = ?"));
        update.bind_blob(1, value).bind(2, key);
        return update.run();
    };
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        {
            const store::SettingsReadAhead ahead(db, {"company_name", "company_phone", "tax_rate"});
        }  // its scope has ended; the memo keeps what it read for the whole transaction
        TRY_VOID(change_behind_the_memo("company_name", "PT Dua"));
        BOOST_TEST(read(db, "company_name") == "PT Satu");
        BOOST_TEST(read(db, "tax_rate") == "(none)");  // no row: known without asking
        // Keys the memo holds are not read again by a second read-ahead.
        { const store::SettingsReadAhead again(db, {"company_name"}); }
        BOOST_TEST(read(db, "company_name") == "PT Satu");
        TRY_VOID(change_behind_the_memo("company_phone", "6281200000009"));
        BOOST_TEST(read(db, "company_phone") == "6281200000001");  // read ahead
        return success();
    }));
    // The transaction ended: the memo is gone and the committed values are read.
    BOOST_TEST(read(db, "company_name") == "PT Dua");
    BOOST_TEST(read(db, "company_phone") == "6281200000009");
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        BOOST_TEST(read(db, "company_name") == "PT Dua");  // without a read-ahead: asked as usual
        return success();
    }));
}

BOOST_DATA_TEST_CASE(the_callback_customer_answers_in_its_transaction_and_forgets_its_status_on_restore, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    const std::int64_t customer_id = add_customer(scratch, "isolated");
    // What find_transaction_for_callback would have read for this customer, deliberately unlike the row.
    const store::CallbackCustomer known{customer_id, "isolated", store::CustomerMessageFields{"As read", "C1", "62800", "Home 30"}};
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        const store::CallbackCustomerKnown scope(db, known);
        BOOST_TEST(TRY(store::find_customer_message_fields(db, customer_id))->name == "As read");
        BOOST_TEST(TRY(store::find_customer_status(db, customer_id)) == "isolated");
        TRY_VOID(store::reactivate_customer(db, customer_id, 0));
        BOOST_TEST(TRY(store::find_customer_status(db, customer_id)) == "active");  // asked again after the restore
        BOOST_TEST(!TRY(store::find_customer_message_fields(db, customer_id + 1)).has_value());  // another customer: asked
        return success();
    }));
    // Outside its transaction the scope is never consulted.
    const store::CallbackCustomerKnown scope(db, known);
    auto fields = store::find_customer_message_fields(db, customer_id);
    BOOST_TEST_REQUIRE(fields.ok());
    BOOST_TEST((*fields)->name == "Budi");
}

BOOST_DATA_TEST_CASE(an_invoice_with_its_lines_and_a_payment_with_the_invoice_state_are_stored_whole, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    const std::int64_t customer_id = add_customer(scratch, "active");
    billing::Invoice invoice;
    invoice.invoice_no = "INV-202602-0001";
    invoice.customer_id = customer_id;
    invoice.period = Period{2026, 2};
    invoice.issue_date = Date{2026, 2, 1};
    invoice.due_date = Date{2026, 2, 10};
    invoice.lines = {billing::InvoiceLine{billing::LineKind::Charge, "Home 30", 1, 300000, 300000},
                     billing::InvoiceLine{billing::LineKind::Discount, "Diskon", 1, -50000, -50000}};
    invoice.totals = billing::Totals{250000, 0, 250000};
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        invoice.id = TRY(store::insert_invoice(db, invoice, 1, 0));
        payments::Payment payment;
        payment.invoice_id = invoice.id;
        payment.customer_id = customer_id;
        payment.amount = 250000;
        payment.applied_amount = 250000;
        payment.method = payments::PaymentMethod::Gateway;
        payment.paid_at = 1770000000;
        payment.receipt_no = "KW-202602-000001";
        invoice.paid_amount = 250000;
        invoice.status = billing::InvoiceStatus::Paid;
        const std::int64_t payment_id = TRY(store::insert_payment_updating_invoice(db, payment, "system", std::nullopt, 0, invoice, payment.paid_at));
        BOOST_TEST(payment_id == payment.id);
        BOOST_TEST(payment_id > 0);
        return success();
    }));
    auto stored = store::find_invoice(db, invoice.id);
    BOOST_TEST_REQUIRE((stored.ok() && stored->has_value()));
    BOOST_TEST(((*stored)->lines == invoice.lines));  // both lines, in order
    BOOST_TEST((*stored)->paid_amount == 250000);
    BOOST_TEST(billing::to_string((*stored)->status) == "paid");
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM payments WHERE invoice_id = " + std::to_string(invoice.id) + " AND amount = 250000") == 1);
    BOOST_TEST(scratch.scalar_int("SELECT paid_at FROM invoices WHERE id = " + std::to_string(invoice.id)) == 1770000000);
}

BOOST_DATA_TEST_CASE(numbers_handed_out_of_a_batch_block_leave_the_counter_where_single_reservations_would, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    std::vector<std::int64_t> numbers;
    auto batch = store::transaction_without_savepoints(db, [&]() -> Result<void> {
        for (int i = 0; i < 3; ++i) numbers.push_back(TRY(store::reserve_sequence(db, "receipt:2026-02", 1)));
        numbers.push_back(TRY(store::reserve_sequence(db, "invoice:2026-03", 1)));
        numbers.push_back(TRY(store::reserve_sequence(db, "receipt:2026-02", 2)));  // several at once follow on
        numbers.push_back(TRY(store::reserve_sequence(db, "receipt:2026-02", 1)));
        return success();
    });
    BOOST_TEST_REQUIRE((batch.ok() && *batch));
    BOOST_TEST((numbers == std::vector<std::int64_t>{1, 2, 3, 1, 4, 6}));
    BOOST_TEST(scratch.scalar_int("SELECT last_number FROM sequences WHERE name = 'receipt:2026-02'") == 6);
    BOOST_TEST(scratch.scalar_int("SELECT last_number FROM sequences WHERE name = 'invoice:2026-03'") == 1);
    // A batch that fails takes its numbers with it; the next one goes on from the committed counter.
    auto failed = store::transaction_without_savepoints(db, [&]() -> Result<void> {
        TRY(store::reserve_sequence(db, "receipt:2026-02", 1));
        return make_error(ErrorCode::Conflict);
    });
    BOOST_TEST(!failed.ok());
    auto next = db.transaction([&]() -> Result<void> {
        BOOST_TEST(TRY(store::reserve_sequence(db, "receipt:2026-02", 1)) == 7);
        return success();
    });
    BOOST_TEST(next.ok());
}

BOOST_AUTO_TEST_SUITE_END()
