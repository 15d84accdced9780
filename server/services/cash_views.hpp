#pragma once
// Ledger rows as the cash screens show them (shared by the collector's and the cashier's services).
#include <map>

#include "api/cash_dto.hpp"
#include "app/context.hpp"
#include "payments/cash_ledger.hpp"

namespace kimonet::services {

// user id -> username, read once per request.
class NameCache {
public:
    Result<std::string> name(store::Database& db, std::int64_t user_id);

private:
    std::map<std::int64_t, std::string> m_names;
};

Result<api::CashEntryResource> entry_resource(app::Context& context, const payments::CashLedgerEntry& entry, NameCache& names);
// A remittance row with its confirmation, when there is one.
Result<api::RemittanceResource> remittance_resource(app::Context& context, const payments::CashLedgerEntry& remittance, NameCache& names);

}  // namespace kimonet::services
