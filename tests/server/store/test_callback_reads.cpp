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

BOOST_DATA_TEST_CASE(a_callback_payment_marks_its_gateway_transaction_paid_in_the_same_write, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    const std::int64_t customer_id = add_customer(scratch, "active");
    billing::Invoice invoice;
    invoice.invoice_no = "INV-202602-0001";
    invoice.customer_id = customer_id;
    invoice.period = Period{2026, 2};
    invoice.issue_date = Date{2026, 2, 1};
    invoice.due_date = Date{2026, 2, 10};
    invoice.lines = {billing::InvoiceLine{billing::LineKind::Charge, "Home 30", 1, 300000, 300000}};
    invoice.totals = billing::Totals{300000, 0, 300000};
    billing::Invoice other = invoice;
    other.invoice_no = "INV-202603-0001";
    other.period = Period{2026, 3};
    std::int64_t payment_id = 0, other_payment_id = 0;
    bool marked = true, other_marked = true;
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        invoice.id = TRY(store::insert_invoice(db, invoice, 1, 0));
        other.id = TRY(store::insert_invoice(db, other, 2, 0));
        return success();
    }));
    // Two pending attempts; the callback's (the first) has no gateway transaction id yet.
    EngineScratch::must(db.execute("INSERT INTO gateway_transactions(gateway, order_id, invoice_id, customer_id, method, amount, status, expires_at, "
                                   "created_at, updated_at) SELECT 'midtrans', 'M-' || id, id, customer_id, 'bca_va', total, 'pending', 9, 1, 1 "
                                   "FROM invoices ORDER BY id"));
    const std::int64_t transaction = scratch.scalar_int("SELECT id FROM gateway_transactions WHERE invoice_id = " + std::to_string(invoice.id));
    auto pay = [&](billing::Invoice& paid) -> Result<std::int64_t> {
        payments::Payment payment;
        payment.invoice_id = paid.id;
        payment.customer_id = customer_id;
        payment.amount = 300000;
        payment.applied_amount = 300000;
        payment.method = payments::PaymentMethod::Gateway;
        payment.paid_at = 1770000000;
        payment.receipt_no = "KW-202602-00000" + std::to_string(paid.id);
        paid.paid_amount = 300000;
        paid.status = billing::InvoiceStatus::Paid;
        return store::insert_payment_updating_invoice(db, payment, "system", std::nullopt, 0, paid, payment.paid_at);
    };
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        store::CallbackMarksTransactionPaid marks(db, transaction, invoice.id, "T-777", 1770000001);
        // Another invoice's payment inside the scope (as a credit or a second invoice would be) marks nothing.
        other_payment_id = TRY(pay(other));
        other_marked = marks.marked();
        payment_id = TRY(pay(invoice));
        marked = marks.marked();
        return success();
    }));
    BOOST_TEST(!other_marked);
    BOOST_TEST(marked);
    const std::string of_transaction = " FROM gateway_transactions WHERE id = " + std::to_string(transaction);
    BOOST_TEST(scratch.scalar_int("SELECT payment_id" + of_transaction) == payment_id);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*)" + of_transaction + " AND status = 'paid' AND transaction_id = 'T-777' AND paid_at = 1770000001") == 1);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_transactions WHERE status = 'pending' AND payment_id IS NULL AND invoice_id = " +
                                  std::to_string(other.id)) == 1);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM invoices WHERE status = 'paid'") == 2);
    BOOST_TEST(other_payment_id != payment_id);
}

BOOST_DATA_TEST_CASE(raw_callbacks_of_a_batch_are_written_together_before_its_commit_and_dropped_with_it, engines(), name) {
    EngineScratch scratch(name, true);
    store::Database& db = *scratch.db;
    auto record = [](int i) { return store::CallbackRecord{"midtrans", 1770000000 + i, "127.0.0.1", "application/json", "{\"n\":" + std::to_string(i) + "}", "applied", "", "M-" + std::to_string(i)}; };
    std::vector<std::int64_t> ids;
    std::int64_t seen_inside = -1;
    auto batch = store::transaction_without_savepoints(db, [&]() -> Result<void> {
        for (int i = 1; i <= 21; ++i) ids.push_back(TRY(store::insert_gateway_callback_or_gather(db, store::CallbackRecord(record(i)))));
        auto count = TRY(db.prepare("SELECT COUNT(*) FROM gateway_callbacks"));
        TRY(count.step());
        seen_inside = count.column_int(0);
        return success();
    });
    BOOST_TEST_REQUIRE((batch.ok() && *batch));
    BOOST_TEST(seen_inside == 0);  // gathered, not yet written
    BOOST_TEST((ids == std::vector<std::int64_t>(21, 0)));
    // All 21 (16 + 4 + 1 rows per statement), whole and in order.
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_callbacks") == 21);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_callbacks WHERE order_id = 'M-' || CAST(received_at - 1770000000 AS TEXT) "
                                  "AND body = '{\"n\":' || CAST(received_at - 1770000000 AS TEXT) || '}' AND outcome = 'applied'") == 21);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_callbacks a JOIN gateway_callbacks b ON b.id > a.id AND b.received_at < a.received_at") == 0);
    // A batch that fails writes none of what it gathered; outside a batch the row is written at once.
    auto failed = store::transaction_without_savepoints(db, [&]() -> Result<void> {
        TRY(store::insert_gateway_callback_or_gather(db, record(99)));
        return make_error(ErrorCode::Conflict);
    });
    BOOST_TEST(!failed.ok());
    std::int64_t alone = 0;
    EngineScratch::must(db.transaction([&]() -> Result<void> {
        alone = TRY(store::insert_gateway_callback_or_gather(db, record(100)));
        return success();
    }));
    BOOST_TEST(alone > 0);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_callbacks") == 22);
    BOOST_TEST(scratch.scalar_int("SELECT COUNT(*) FROM gateway_callbacks WHERE order_id = 'M-99'") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
