#include "store/charge_reservation_store.hpp"

#include "store/gateway_store.hpp"

namespace kimonet::store {

Result<ChargeReservation> reserve_charge(Database& db, const ChargeReservationRequest& request) {
    if (db.engine() == Engine::Postgresql) {
        // engine: PostgreSQL only — the invoice's row lock orders reservations per invoice should
        // write transactions ever stop holding the writer advisory lock (SQLite has no FOR UPDATE
        // and needs none: one writer at a time).
        auto lock = TRY(db.prepare("SELECT id FROM invoices WHERE id = ? FOR UPDATE"));
        lock.bind(1, request.invoice_id);
        TRY(lock.step());
        lock.reset();
    }
    // A holder that died mid-call (kill -9, a lost server) stops counting once its lease is over.
    auto expired = TRY(db.prepare("DELETE FROM charge_reservations WHERE lease_until <= ?"));
    expired.bind(1, request.now);
    TRY_VOID(expired.run());

    auto held = TRY(db.prepare("SELECT charge_key FROM charge_reservations WHERE invoice_id = ?"));
    held.bind(1, request.invoice_id);
    std::int64_t reserved = 0;
    bool busy = false;
    while (TRY(held.step())) {
        ++reserved;
        if (held.column_text(0) == request.charge_key) busy = true;
    }
    held.reset();
    if (busy) return ChargeReservation::Busy;
    if (TRY(count_open_charges(db, request.invoice_id, request.now)) + reserved >= request.cap) return ChargeReservation::Full;

    auto insert = TRY(db.prepare("INSERT INTO charge_reservations(invoice_id, charge_key, holder, lease_until) VALUES (?, ?, ?, ?)"));
    insert.bind(1, request.invoice_id).bind(2, request.charge_key).bind(3, request.holder).bind(4, request.lease_until);
    TRY_VOID(insert.run());
    return ChargeReservation::Reserved;
}

Result<void> release_charge(Database& db, std::int64_t invoice_id, const std::string& holder) {
    auto release = TRY(db.prepare("DELETE FROM charge_reservations WHERE invoice_id = ? AND holder = ?"));
    release.bind(1, invoice_id).bind(2, holder);
    return release.run();
}

}  // namespace kimonet::store
