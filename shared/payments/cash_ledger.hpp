#pragma once
// The cash ledger's rows and their canonical encoding (issue 20). Each cash collection, void,
// remittance (setoran) and its confirmation is one row; a row's hash is
// SHA-256(canonical_encoding(row) || prev_hash) in lowercase hex, prev_hash being the previous
// row's hash (kGenesisHash for the first). The encoding is defined here once and documented in
// docs/cash-collection.md; the server hashes it (shared/ does no crypto) and `kimonet audit
// verify` recomputes it.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace kimonet::payments {

enum class CashEntryKind { Collection, Void, Remittance, Confirmation };

std::string_view to_string(CashEntryKind kind);
bool parse_cash_entry_kind(std::string_view text, CashEntryKind& out);

// The previous hash of the first row: 64 zeros.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

struct CashLedgerEntry {
    std::int64_t seq = 0;                // chain position, 1, 2, ...
    CashEntryKind kind = CashEntryKind::Collection;
    std::int64_t collector_id = 0;       // whose cash this is (the collector's user id)
    std::int64_t actor_id = 0;           // who wrote the row (the collector, or the cashier who confirmed/voided)
    std::string business_date;           // YYYY-MM-DD, local date of recorded_at
    Money amount = 0;                    // collected / voided / declared / received
    Money expected_amount = 0;           // remittance: net collections it covers; confirmation: the declared amount
    std::int64_t customer_id = 0;        // collection and void
    std::int64_t invoice_id = 0;         // collection and void
    std::int64_t payment_id = 0;         // collection and void
    std::int64_t refers_to = 0;          // void: the collection's seq; confirmation: the remittance's seq;
                                         // remittance: the collector's previous remittance's seq (0: none)
    std::int64_t recorded_at = 0;        // Unix seconds
    std::string note;
    std::string prev_hash;
    std::string hash;
};

// "kimonet-cash-ledger/1\n" then one line per field in a fixed order, "name=value\n": integers in
// decimal (no leading zeros, '-' for negatives), kind as its word, text fields as
// "<byte length>:<bytes>" so no value can imitate a field boundary. prev_hash and hash are not
// part of it (prev_hash is appended after it when hashing).
std::string canonical_encoding(const CashLedgerEntry& entry);

// A remittance's expectation: the sum of the collections it covers minus their voids, checked.
struct CashTally {
    Money collected = 0;
    Money voided = 0;
};
Result<Money> net_of(const CashTally& tally);

}  // namespace kimonet::payments
