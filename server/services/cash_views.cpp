#include "services/cash_views.hpp"

#include "store/cash_store.hpp"

namespace kimonet::services {

Result<std::string> NameCache::name(store::Database& db, std::int64_t user_id) {
    if (auto found = m_names.find(user_id); found != m_names.end()) return found->second;
    std::string name = TRY(store::username_of(db, user_id));
    m_names.emplace(user_id, name);
    return name;
}

Result<api::CashEntryResource> entry_resource(app::Context& context, const payments::CashLedgerEntry& entry, NameCache& names) {
    api::CashEntryResource out;
    out.seq = entry.seq;
    out.kind = std::string(payments::to_string(entry.kind));
    out.collector_id = entry.collector_id;
    out.collector = TRY(names.name(context.db, entry.collector_id));
    out.business_date = entry.business_date;
    out.amount = entry.amount;
    out.expected_amount = entry.expected_amount;
    out.customer_id = entry.customer_id;
    out.invoice_id = entry.invoice_id;
    out.payment_id = entry.payment_id;
    out.refers_to = entry.refers_to;
    out.recorded_at = to_string(local_from_unix(entry.recorded_at, context.offset)).substr(0, 16);
    out.note = entry.note;
    out.hash = entry.hash;
    return out;
}

Result<api::RemittanceResource> remittance_resource(app::Context& context, const payments::CashLedgerEntry& remittance, NameCache& names) {
    api::RemittanceResource out;
    out.seq = remittance.seq;
    out.collector_id = remittance.collector_id;
    out.collector = TRY(names.name(context.db, remittance.collector_id));
    out.business_date = remittance.business_date;
    out.expected = remittance.expected_amount;
    out.declared = remittance.amount;
    out.note = remittance.note;
    if (auto confirmation = TRY(store::find_reference_to(context.db, "confirmation", remittance.seq))) {
        out.confirmed = true;
        out.received = confirmation->amount;
        out.confirmed_by = TRY(names.name(context.db, confirmation->actor_id));
    }
    return out;
}

}  // namespace kimonet::services
