#include "payments/cash_ledger.hpp"

namespace kimonet::payments {

namespace {

void add_integer(std::string& out, std::string_view name, std::int64_t value) {
    out.append(name).append("=").append(std::to_string(value)).append("\n");
}

void add_text(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append("=").append(std::to_string(value.size())).append(":").append(value).append("\n");
}

}  // namespace

std::string_view to_string(CashEntryKind kind) {
    switch (kind) {
        case CashEntryKind::Collection: return "collection";
        case CashEntryKind::Void: return "void";
        case CashEntryKind::Remittance: return "remittance";
        case CashEntryKind::Confirmation: return "confirmation";
    }
    return "collection";
}

bool parse_cash_entry_kind(std::string_view text, CashEntryKind& out) {
    for (auto kind : {CashEntryKind::Collection, CashEntryKind::Void, CashEntryKind::Remittance, CashEntryKind::Confirmation})
        if (to_string(kind) == text) {
            out = kind;
            return true;
        }
    return false;
}

std::string canonical_encoding(const CashLedgerEntry& entry) {
    std::string out = "kimonet-cash-ledger/1\n";
    add_integer(out, "seq", entry.seq);
    add_text(out, "kind", to_string(entry.kind));
    add_integer(out, "collector_id", entry.collector_id);
    add_integer(out, "actor_id", entry.actor_id);
    add_text(out, "business_date", entry.business_date);
    add_integer(out, "amount", entry.amount);
    add_integer(out, "expected_amount", entry.expected_amount);
    add_integer(out, "customer_id", entry.customer_id);
    add_integer(out, "invoice_id", entry.invoice_id);
    add_integer(out, "payment_id", entry.payment_id);
    add_integer(out, "refers_to", entry.refers_to);
    add_integer(out, "recorded_at", entry.recorded_at);
    add_text(out, "note", entry.note);
    return out;
}

Result<Money> net_of(const CashTally& tally) {
    if (tally.voided > tally.collected) return make_error(ErrorCode::Internal);  // a void always follows its collection
    return tally.collected - tally.voided;
}

}  // namespace kimonet::payments
