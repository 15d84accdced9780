#pragma once
// Gateway charges being created right now (charge_reservations, migration 0023): the open-charge
// cap of an invoice holds across N servers on one database. A request reserves (invoice,
// gateway:method) before its gateway call and releases it after; the reservation counts with the
// invoice's open charges, so parallel anonymous requests through different servers cannot pass the
// cap together while their gateway calls run. A reservation whose holder died counts until its
// lease runs out (Clock time, unix seconds).
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace kimonet::store {

enum class ChargeReservation {
    Reserved,  // the caller holds (invoice, key) until it releases it or lease_until passes
    Busy,      // another request holds the same gateway:method of this invoice
    Full,      // open charges + reservations of this invoice are at the cap
};

struct ChargeReservationRequest {
    std::int64_t invoice_id = 0;
    std::string charge_key;  // "gateway:method"
    std::string holder;      // a random token of the reserving request: only it releases the row
    std::int64_t now = 0;
    std::int64_t lease_until = 0;
    std::int64_t cap = 0;    // open charges + reservations allowed per invoice
};

// Deletes expired reservations, then reserves `charge_key` unless it is held (Busy) or the
// invoice's open charges (pending, not past expiry) + live reservations reach `cap` (Full). The
// caller holds the write transaction, which serialises reservations: SQLite has one writer;
// PostgreSQL's write transactions hold the writer advisory lock, and the invoice row is locked
// here as well, so the count and the insert stay one step per invoice even without it.
Result<ChargeReservation> reserve_charge(Database& db, const ChargeReservationRequest& request);
// Deletes `holder`'s reservation of `invoice_id` (nothing when it expired and is gone).
Result<void> release_charge(Database& db, std::int64_t invoice_id, const std::string& holder);

}  // namespace kimonet::store
